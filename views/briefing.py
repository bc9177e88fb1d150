"""Briefing maps: a titled, printable map of the current filter, as one offline HTML file."""

import shlex

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, safe, ui

st.title(ui.tr("briefing.title"))
flt = ui.filter_sidebar(ui.current_filter())
title = st.text_input(ui.tr("briefing.map_title"), value=briefing.default_title(flt), max_chars=120)
extras = st.multiselect(
    ui.tr("briefing.layers"),
    list(briefing.EXTRAS),
    default=["regiments"],
    placeholder=ui.tr("choose"),
    format_func={extra: ui.tr(f"overview.{extra}") for extra in briefing.EXTRAS}.get,
)
comp = briefing.Composition(flt, frozenset(extras))
st_folium(briefing.compose(comp), height=520, use_container_width=True, returned_objects=[], key="briefing-map")
for colour, _style, label in briefing.legend(comp.extras):
    st.markdown(f"<span style='color:{colour}'>■</span> {safe.html(label)}", unsafe_allow_html=True)
st.caption(ui.text(briefing.sources_line(), None))
st.caption(ui.tr("briefing.schematic"))
st.download_button(ui.tr("briefing.download_html"), briefing.briefing_html(comp, title), "borderdash_briefing.html", "text/html")
st.caption(ui.tr("briefing.cli"))
st.code(
    shlex.join(["borderdash", "briefing", *flt.to_cli(), *[a for e in extras for a in ("--with", e)], "-o", "map.html"]), language="bash"
)
