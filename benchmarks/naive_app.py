"""The naive baseline for bench_app.py: full-detail geometry drawn by Folium and sent through st_folium.

Every rerun rebuilds the whole map (context and all) and sends it inline, as a first Streamlit +
Folium dashboard would. `?view=place` shows one county's map, `?view=policy` where a measure applies,
`?view=compare` the compared places and `?view=corridors` the corridors, each with the same widget
labels as the app, so the benchmark drives both the same way.
"""

import folium
import streamlit as st
from streamlit_folium import st_folium

from borderdash import layers, projects, webmap
from borderdash.policy import join, kb
from borderdash.schema import PROVINCES_EN

st.set_page_config(page_title="naive baseline", layout="wide")
counties = layers.counties(detail=True)
border = counties[counties.is_border_county | counties.touches_border]


def naive_map(shown, fit, lines=None) -> folium.Map:
    m = webmap.base_map()
    folium.GeoJson(layers.neighbours(), name="neighbours", tooltip=folium.GeoJsonTooltip(["name_zh"])).add_to(m)
    folium.GeoJson(layers.provinces(), name="provinces", tooltip=folium.GeoJsonTooltip(["name_zh"])).add_to(m)
    folium.GeoJson(layers.border_line(), name="border", tooltip=folium.GeoJsonTooltip(["neighbour_zh"])).add_to(m)
    if len(shown):
        folium.GeoJson(
            shown[["adcode", "name_zh", "province_zh", "geometry"]], name="counties", tooltip=folium.GeoJsonTooltip(["name_zh"])
        ).add_to(m)
    if lines is not None and len(lines):
        folium.GeoJson(lines[["id", "name_zh", "geometry"]], name="corridors", tooltip=folium.GeoJsonTooltip(["name_zh"])).add_to(m)
    frame = lines if lines is not None and len(lines) else shown
    if fit and len(frame):
        minx, miny, maxx, maxy = frame.total_bounds
        m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


view = st.query_params.get("view")
if view == "place":
    options = border.adcode.tolist()
    labels = dict(zip(border.adcode, border.name_zh, strict=True))
    adcode = st.selectbox("地点", options, index=options.index("450681"), format_func=lambda a: f"{labels[a]} ({a})")
    st_folium(naive_map(border[border.adcode == adcode], True), height=360, use_container_width=True)
elif view == "policy":
    table = kb.measures_table()
    titles = dict(zip(table.id, table.title_zh, strict=True))
    ids = table.id.tolist()
    measure = st.selectbox("措施", ids, index=ids.index("im-2023:art2"), format_func=lambda i: f"{titles[i]} ({i})")
    where = join.places_for(measure)
    st_folium(naive_map(counties[counties.adcode.isin(where.place_id)], True), height=480, use_container_width=True)
elif view == "compare":
    labels = dict(zip(counties.adcode, counties.name_zh, strict=True))
    chosen = st.session_state.setdefault("chosen", ["450681", "451481"])
    added = st.selectbox("添加地点", list(labels), index=None, format_func=lambda a: f"{labels[a]} ({a})")
    if added and added not in chosen:
        chosen.append(added)
    st_folium(naive_map(counties[counties.adcode.isin(chosen)], True), height=420, use_container_width=True)
elif view == "corridors":
    cor = projects.corridors()
    cor = cor[cor.geometry.notna()]
    names = dict(zip(cor.id, cor.name_zh, strict=True))
    drawn = st.multiselect("地图上的通道", cor.id.tolist(), default=cor.id.tolist(), format_func=names.get)
    st_folium(naive_map(border.iloc[0:0], True, cor[cor.id.isin(drawn)]), height=560, use_container_width=True)
else:
    with st.sidebar:
        provinces = st.multiselect("省区", list(PROVINCES_EN))
    shown = border[border.province_zh.isin(provinces)] if provinces else border
    st.metric("县", len(shown))
    st_folium(naive_map(shown, bool(provinces)), height=620, use_container_width=True)
