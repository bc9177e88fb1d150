"""Briefing maps: a titled, printable map of the current filter, as one offline HTML file."""

import html
import shlex

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, ui

st.title("简报地图 · Briefing maps")
flt = ui.filter_sidebar(ui.current_filter())
title = st.text_input("标题 Title", value=briefing.default_title(flt), max_chars=120)
extras = st.multiselect(
    "图层 Layers",
    list(briefing.EXTRAS),
    default=["regiments"],
    format_func={"regiments": "兵团边境团场 Regiments", "platforms": "平台 Platforms", "corridors": "通道（示意）Corridors"}.get,
)
comp = briefing.Composition(flt, frozenset(extras))
st_folium(briefing.compose(comp), height=520, use_container_width=True, returned_objects=[], key="briefing-map")
for colour, _style, label in briefing.legend(comp.extras):
    st.markdown(f"<span style='color:{colour}'>■</span> {html.escape(label)}", unsafe_allow_html=True)
st.caption(briefing.sources_line())
st.caption("示意图，非标准地图，无审图号 · Schematic map, not an approved standard map (no 审图号).")
st.download_button(
    "下载可打印地图 (HTML，离线可用，浏览器打印为 PDF) Download printable map",
    briefing.briefing_html(comp, title),
    "borderdash_briefing.html",
    "text/html",
)
st.code(
    shlex.join(["borderdash", "briefing", *flt.to_cli(), *[a for e in extras for a in ("--with", e)], "-o", "map.html"]), language="bash"
)
