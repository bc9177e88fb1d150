"""Streamlit widgets for thematic maps and the planner's own data (upload, match report, indicator picker).

Uploaded bytes stay in this session's state only: nothing is cached across sessions or written to disk.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from . import indicators, layers, upload
from .indicators import METHODS, SCHEMES, Thematic

UPLOADED = "uploaded_indicators"


@st.cache_resource(show_spinner=False)
def builtin_values() -> pd.DataFrame:
    """Every built-in indicator for every county, computed once per server (do not mutate)."""
    return indicators.builtin_table(layers.counties())


def uploaded() -> dict | None:
    """This session's uploaded table: {'name', 'values', 'report'} or None."""
    return st.session_state.get(UPLOADED)


def uploaded_values() -> pd.DataFrame | None:
    up = uploaded()
    return up["values"] if up else None


def upload_panel(report_area=None) -> None:
    """Sidebar expander: the limits, the file widget; the match report goes to `report_area` (a container on the page).

    Pages pass a container that is always there, so elements above the map never change in number
    (inserting one makes st_folium remount blank).
    """
    report_area = report_area or st.container()
    current = uploaded()
    with st.sidebar.expander("上传数据 Your own data", expanded=current is None):
        st.caption(f"{upload.LIMITS_ZH} · {upload.LIMITS_EN}")
        key = st.radio(
            "匹配键 Match by",
            ["auto", "adcode", "name"],
            format_func={"auto": "自动 auto", "adcode": "代码 adcode", "name": "名称 name"}.get,
            horizontal=True,
            key="upload_key",
        )
        file = st.file_uploader("CSV / Excel (.xlsx)", type=["csv", "txt", "tsv", "xlsx", "xls"], key="upload_file")
        if file is not None and (current is None or current.get("token") != (file.file_id, key)):
            try:
                report = upload.load(file.getvalue(), file.name, layers.counties(), key)
            except upload.UploadError as exc:
                st.session_state.pop(UPLOADED, None)
                st.error(f"{exc.zh}\n\n{exc.en}")
                return
            st.session_state[UPLOADED] = {"name": file.name, "values": report.values, "report": report, "token": (file.file_id, key)}
            current = uploaded()
        if current is None:
            return
        if st.button("移除上传数据 Remove uploaded data", key="upload_remove"):
            st.session_state.pop(UPLOADED, None)
            st.rerun()
    with report_area:
        match_report(current["report"], current["name"])


def match_report(report: upload.MatchReport, name: str) -> None:
    """The match report, shown before and beside the map: matched, unmatched with candidates, duplicates, bad cells."""
    title = f"匹配报告 Match report: {len(report.matched)} / {report.rows} 行已匹配 rows matched"
    with st.expander(title, expanded=bool(len(report.unmatched) or len(report.duplicates))):
        st.text(f"{name}\n" + "\n".join(report.notes))
        c1, c2, c3 = st.columns(3)
        c1.metric("已匹配 Matched", len(report.matched))
        c2.metric("未匹配 Unmatched", len(report.unmatched))
        c3.metric("重复 Duplicated", len(report.duplicates))
        if len(report.unmatched):
            st.write("未匹配的行及最接近的县 · Unmatched rows and the closest counties")
            st.dataframe(report.unmatched, hide_index=True, width="stretch")
        if len(report.duplicates):
            st.write("重复的键（保留第一行）· Duplicated keys (first row kept)")
            st.dataframe(report.duplicates, hide_index=True, width="stretch")
        st.write("各列 · Columns")
        st.dataframe(report.columns, hide_index=True, width="stretch")


def thematic_sidebar() -> Thematic | None:
    """Indicator, classification and colour widgets; None when the plain map is wanted."""
    up = uploaded_values()
    uploaded_cols = list(up.columns) if up is not None else []
    options = ["", *uploaded_cols, *(i.key for i in indicators.builtin_catalogue())]
    _restore_widgets(options)
    with st.sidebar:
        st.subheader("专题图 Thematic map")
        key = st.selectbox(
            "指标 Indicator",
            options,
            format_func=lambda k: "— 无（按边境县着色）None —" if not k else indicators.label_of(k),
            key="thematic_indicator",
        )
        if not key:
            _save_widgets()
            return None
        method = st.selectbox("分级方法 Classification", list(METHODS), format_func=lambda m: " ".join(METHODS[m]), key="thematic_method")
        breaks: tuple[float, ...] = ()
        k = 5
        if method == "user":
            text = st.text_input("断点（各级上限）Breaks (upper bounds)", "10, 50, 100", key="thematic_breaks")
            try:
                breaks = tuple(indicators.parse_breaks(text))
            except ValueError as exc:
                st.warning(str(exc))
                method = "quantiles"
        else:
            k = st.slider("级数 Classes", 3, 7, 5, key="thematic_k")
        scheme = st.selectbox(
            "配色 Colours", list(SCHEMES), format_func=lambda s: f"{SCHEMES[s][0]} {SCHEMES[s][1]}", key="thematic_scheme"
        )
    _save_widgets()
    return Thematic(key, method, k, breaks, scheme)


THEMATIC_WIDGETS = ("thematic_indicator", "thematic_method", "thematic_breaks", "thematic_k", "thematic_scheme")


def _restore_widgets(options: list[str]) -> None:
    """Streamlit forgets a widget's value on pages without it: put back the session's last thematic choice."""
    saved = st.session_state.get("thematic_saved", {})
    for key in THEMATIC_WIDGETS:
        if key not in st.session_state and key in saved:
            if key == "thematic_indicator" and saved[key] not in options:
                continue
            st.session_state[key] = saved[key]


def _save_widgets() -> None:
    st.session_state["thematic_saved"] = {k: st.session_state[k] for k in THEMATIC_WIDGETS if k in st.session_state}


def values_for_map() -> pd.DataFrame:
    """Built-in indicators joined with this session's uploaded columns, by adcode."""
    return indicators.with_uploaded(builtin_values(), uploaded_values())


def thematic_groups(groups: list, shown, thematic: Thematic | None) -> tuple[list, str]:
    """The map's layer groups with the plain county fill swapped for the choropleth; and the legend HTML ("" if none)."""
    import folium

    from . import mapping

    if thematic is None:
        return groups, ""
    values = values_for_map()
    if thematic.indicator not in values:
        return groups, ""
    shaded, classes, rows = indicators.choropleth(shown, values[thematic.indicator], thematic)
    group = folium.FeatureGroup(name="专题图 Thematic map")
    mapping.add_choropleth(group, shaded)
    note = f"{' '.join(METHODS[thematic.method])} · {len(shown)} 个县 counties shown"
    legend = mapping.legend_html(indicators.label_of(thematic.indicator), rows, note)
    return [group] + [g for g in groups if g.layer_name != "县 Counties"], legend


def with_uploaded_columns(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A county table (with adcode) plus this session's uploaded columns; and their names."""
    from .upload import join

    up = uploaded_values()
    if up is None:
        return table, []
    return join(table, up), list(up.columns)


def place_values(adcode: str) -> None:
    """The uploaded columns' values for one county, in the place profile."""
    up = uploaded()
    if up is None:
        return
    st.subheader("您的数据 Your data")
    row = up["values"].loc[[adcode]] if adcode in up["values"].index else None
    if row is None:
        st.caption("上传的表中没有与此地点匹配的行 · No row of the uploaded table matched this place.")
        return
    shown = row.T.reset_index()
    shown.columns = ["列 column", "值 value"]
    st.caption(f"来源：上传的文件 Source: uploaded file {up['name']!r}")
    st.dataframe(shown, hide_index=True, width="stretch")
