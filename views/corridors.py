"""Corridors and platforms: the plan's roads and railways (schematic) and the opening-up platforms."""

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, export, mapping, projects, ui

st.title("通道与平台 · Corridors & platforms")
flt = ui.filter_sidebar(ui.current_filter())
corridors = flt.apply(ui.layer("corridors"))
platforms = flt.apply(ui.layer("platforms"))
kinds = sorted(platforms.kind.unique())
chosen = st.multiselect("平台类型 Platform kind", kinds, default=[k for k in kinds if k != "border_port"])
platforms = platforms[platforms.kind.isin(chosen)]

m = briefing.base_map()
mapping.add_border(m, ui.layer("border-line"))
mapping.add_corridors(m, corridors)
mapping.add_points(m, projects.as_points(platforms), ["name_zh", "kind"], "#00695c", "平台 Platforms")
st_folium(m, height=560, use_container_width=True, returned_objects=[], key="corridor-map")
ui.precision_note()

st.subheader(f"通道 Corridors · {len(corridors)}")
cols = [
    "id",
    "name_zh",
    "name_en",
    "kind",
    "part",
    "status_zh",
    "status_en",
    "length_km",
    "published_length_km",
    "provinces",
    "geometry_precision",
    "section",
]
st.dataframe(export.table(corridors)[cols], hide_index=True, width="stretch")
st.download_button("通道 CSV", export.csv_bytes(corridors), "borderdash_corridors.csv", "text/csv")
st.subheader(f"平台 Platforms · {len(platforms)}")
pcols = ["id", "kind", "name_zh", "name_en", "province_zh", "adcode", "location_precision", "approved", "confidence"]
st.dataframe(export.table(platforms)[pcols], hide_index=True, width="stretch")
st.download_button("平台 CSV", export.csv_bytes(platforms), "borderdash_platforms.csv", "text/csv")

st.subheader("沿线县 Counties along a corridor")
corridor_id = st.selectbox(
    "通道 Corridor",
    corridors.id.tolist(),
    format_func=dict(zip(corridors.id, corridors.name_zh + " " + corridors.name_en, strict=True)).get,
)
if corridor_id:
    st.caption(
        "按示意线经过的县排序；“有出处控制点”为登记表中有来源的控制点所在县，其余为示意线推算 · Counties in order along the "
        "schematic line; cited_control_point marks counties holding a sourced control point, the rest are inferred from the line."
    )
    st.dataframe(projects.passed_table(corridor_id), hide_index=True, width="stretch")
