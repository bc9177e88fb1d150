"""Streamlit glue shared by the pages: cached data, the filter widgets bound to the URL, messages.

Pages lay out widgets and call these; all logic stays in the package modules.
"""

from __future__ import annotations

import streamlit as st

from . import layers
from .filters import Filter
from .schema import PROVINCES_EN
from .sources import NEIGHBOUR_ISO3


@st.cache_resource(show_spinner=False)
def layer(name: str, detail: bool = False):
    """A layer shared across sessions; callers must not mutate it."""
    return layers.load(name, detail) if name == "counties" else layers.load(name)


@st.cache_resource(show_spinner=False)
def data_report() -> str:
    """The `borderdash check-data` report, computed once per server."""
    from .checks import check_data

    return check_data().text()


@st.cache_resource(show_spinner=False)
def neighbour_names() -> dict[str, str]:
    line = layers.border_line()
    return {r.iso3: f"{r.neighbour_zh} {r.neighbour_en}" for r in line.itertuples()}


FILTER_KEYS = ("border", "province", "neighbour")


def current_filter() -> Filter:
    """The session's filter: from the URL on the session's first page, then carried across pages.

    Streamlit drops query parameters on a page switch, so the filter lives in session
    state and is written back to the URL, which stays shareable.
    """
    if "filter_query" not in st.session_state:
        flt = Filter.from_query(st.query_params.to_dict())
        for w in flt.warnings:
            st.warning(f"网址参数有误，已忽略 · URL parameter ignored: {w}")
        st.session_state.filter_query = flt.to_query()
    flt = Filter.from_query(st.session_state.filter_query)
    _write_url(flt)
    return flt


def filter_sidebar(flt: Filter) -> Filter:
    """Sidebar widgets for the shared filter; the choice goes to session state and the URL."""
    names = neighbour_names()
    with st.sidebar:
        st.subheader("筛选 Filters")
        border_only = st.toggle("仅140个边境县 Only the 140 border counties", value=flt.border_only)
        provinces = st.multiselect(
            "省区 Province",
            list(PROVINCES_EN),
            default=list(flt.provinces),
            format_func=lambda p: f"{p} {PROVINCES_EN[p]}",
        )
        neighbours = st.multiselect(
            "邻国 Neighbouring country",
            list(NEIGHBOUR_ISO3),
            default=list(flt.neighbours),
            format_func=lambda c: f"{c} {names.get(c, '')}",
        )
    new = Filter.build(border_only, provinces, neighbours)
    st.session_state.filter_query = new.to_query()
    _write_url(new)
    return new


def _write_url(flt: Filter) -> None:
    wanted = flt.to_query()
    current = {k: v for k, v in st.query_params.to_dict().items() if k in FILTER_KEYS}
    if current != wanted:
        for key in FILTER_KEYS:
            if key in st.query_params and key not in wanted:
                del st.query_params[key]
        st.query_params.update(wanted)


def precision_note() -> None:
    st.caption(
        "空心圆点仅知所在县，位置为县内代表点，不是实际地点 · Hollow markers are known only to county level and sit at "
        "a point inside the county, not at the real site. 虚线圈：是否属58个边境团场存疑 · Dashed ring: membership of the 58 "
        "border regiments uncertain. 通道线为示意线 · Corridor lines are schematic."
    )
