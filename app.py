"""borderdash: start with `streamlit run app.py` (see README)."""

import streamlit as st

from borderdash import assets, ui, ui_workspace, webmap

st.set_page_config(page_title="边境地区政策地图 borderdash", page_icon="🗺️", layout="wide")
if not all(assets.installed(p) for p in assets.PACKAGES.values()):
    st.error(f"地图组件未安装 · The map's Leaflet files are not installed: run ./scripts/setup.sh ({ui.text(str(assets.VENDOR_DIR))})")
webmap.layer_files()
ui.language_switch()
ui.page_style()
ui_workspace.sidebar()

pages = [
    st.Page("views/overview.py", title=ui.tr("nav.overview"), default=True, url_path="overview"),
    st.Page("views/place.py", title=ui.tr("nav.place"), url_path="place"),
    st.Page("views/compare.py", title=ui.tr("nav.compare"), url_path="compare"),
    st.Page("views/screening.py", title=ui.tr("nav.screening"), url_path="screening"),
    st.Page("views/policy.py", title=ui.tr("nav.policy"), url_path="policy"),
    st.Page("views/corridors.py", title=ui.tr("nav.corridors"), url_path="corridors"),
    st.Page("views/briefing.py", title=ui.tr("nav.briefing"), url_path="briefing"),
    st.Page("views/sources.py", title=ui.tr("nav.sources"), url_path="sources"),
]
ui.show_data_problems()
try:
    page = st.navigation(pages)
    st.session_state.page = page.url_path  # widgets follow the filter and the URL per page (ui.follow)
    page.run()
except Exception as exc:  # a page that needs a broken file: say so in one line, no traceback
    if not ui.data_problems():
        raise
    st.warning(f"本页依赖有误的数据文件 · This page needs a data file with problems (see above): {ui.text(type(exc).__name__)}")
