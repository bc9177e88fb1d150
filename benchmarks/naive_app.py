"""The naive baseline for bench_app.py: full-detail border counties drawn by Folium and sent through st_folium.

Every rerun rebuilds the whole map (context and all) and sends it inline, as a
first Streamlit + Folium dashboard would. `?view=place` shows one county's map instead.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderdash import layers, webmap
from borderdash.schema import PROVINCES_EN

st.set_page_config(page_title="naive baseline", layout="wide")
counties = layers.counties(detail=True)
border = counties[counties.is_border_county | counties.touches_border]


def naive_map(shown, fit) -> folium.Map:
    m = webmap.base_map()
    folium.GeoJson(layers.neighbours(), name="neighbours", tooltip=folium.GeoJsonTooltip(["name_zh"])).add_to(m)
    folium.GeoJson(layers.provinces(), name="provinces", tooltip=folium.GeoJsonTooltip(["name_zh"])).add_to(m)
    folium.GeoJson(layers.border_line(), name="border", tooltip=folium.GeoJsonTooltip(["neighbour_zh"])).add_to(m)
    folium.GeoJson(
        shown[["adcode", "name_zh", "province_zh", "geometry"]], name="counties", tooltip=folium.GeoJsonTooltip(["name_zh"])
    ).add_to(m)
    if fit and not shown.empty:
        minx, miny, maxx, maxy = shown.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


if st.query_params.get("view") == "place":
    options = border.adcode.tolist()
    labels = dict(zip(border.adcode, border.name_zh, strict=True))
    adcode = st.selectbox("地点", options, index=options.index("450681"), format_func=lambda a: f"{labels[a]} ({a})")
    st_folium(naive_map(border[border.adcode == adcode], True), height=360, use_container_width=True)
else:
    with st.sidebar:
        provinces = st.multiselect("省区", list(PROVINCES_EN))
    shown = border[border.province_zh.isin(provinces)] if provinces else border
    st.metric("县", len(shown))
    st_folium(naive_map(shown, bool(provinces)), height=620, use_container_width=True)
