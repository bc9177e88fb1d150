"""borderdash: start with `streamlit run app.py` (see README)."""

import streamlit as st

from borderdash.mapping import ensure_static_assets

st.set_page_config(page_title="边境地区政策地图 borderdash", page_icon="🗺️", layout="wide")
ensure_static_assets()

pages = [
    st.Page("views/overview.py", title="总览地图 Overview", default=True, url_path="overview"),
    st.Page("views/place.py", title="地点档案 Place profile", url_path="place"),
    st.Page("views/policy.py", title="政策查询 Policy explorer", url_path="policy"),
    st.Page("views/corridors.py", title="通道与平台 Corridors & platforms", url_path="corridors"),
    st.Page("views/briefing.py", title="简报地图 Briefing maps", url_path="briefing"),
    st.Page("views/sources.py", title="数据与来源 Data & sources", url_path="sources"),
]
st.navigation(pages).run()
