"""Overview map: the border counties with filters, context layers, and exports of what is shown."""

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, export, mapping, regions, ui
from borderdash.policy import join

st.title("中国陆地边境地区 · China's land border areas")
flt = ui.filter_sidebar(ui.current_filter())
with st.sidebar:
    extras = {
        "regiments": st.checkbox("兵团边境团场 XPCC border regiments", value=True),
        "platforms": st.checkbox("开发开放平台 Platforms", value=False),
        "corridors": st.checkbox("规划通道（示意）Planned corridors (schematic)", value=False),
    }
    basemap = st.selectbox("底图 Basemap", list(mapping.ONLINE_BASEMAPS), help="在线底图需联网 · online basemaps need internet")
comp = briefing.Composition(flt, frozenset(k for k, on in extras.items() if on), basemap)

shown = briefing.shown_counties(flt)
border = flt.apply(ui.layer("border-line"))
c1, c2, c3, c4 = st.columns(4)
c1.metric("县级单位 Counties shown", len(shown))
c2.metric("其中边境县 Of which border counties", int(shown.is_border_county.sum()))
c3.metric("边境线 Border line km", f"{border.length_km.sum():,.0f}")
c4.metric("面积 Area km²", f"{shown.area_km2.sum():,.0f}")

center, zoom = briefing.view(flt)
out = st_folium(
    briefing.base_map(basemap),
    feature_group_to_add=briefing.layer_groups(comp),
    center=center,
    zoom=zoom,
    height=620,
    use_container_width=True,
    returned_objects=["last_active_drawing"],
    key=f"overview-map-{basemap}",
)
ui.precision_note()

clicked = (out or {}).get("last_active_drawing") or {}
adcode = (clicked.get("properties") or {}).get("adcode")
if adcode in set(shown.adcode):
    row = shown.set_index("adcode").loc[adcode]
    st.info(f"**{row.name_zh} {row.name_en}** — {len(join.measures_by_county().get(adcode, ()))} 项措施适用 measures apply")
    st.page_link("views/place.py", label="打开地点档案 Open place profile", query_params={"place": adcode})

regions_shown = regions.with_links(shown)
table = export.table(regions_shown)
columns = [
    "adcode",
    "name_zh",
    "name_en",
    "province_zh",
    "is_border_county",
    "neighbours",
    "border_length_km",
    "area_km2",
    "share_within_3km",
    "measure_count",
    "corridors",
    "platforms",
]
st.dataframe(table[columns], hide_index=True, width="stretch")
d1, d2, d3 = st.columns(3)
d1.download_button("CSV", export.csv_bytes(table), "borderdash_counties.csv", "text/csv")
d2.download_button("GeoJSON", export.geojson_bytes(regions_shown), "borderdash_counties.geojson", "application/geo+json")
d3.download_button("GeoPackage", export.gpkg_bytes(regions_shown, "counties"), "borderdash_counties.gpkg")
st.page_link("views/briefing.py", label="制作简报地图 Make a briefing map of this view", query_params=flt.to_query())
