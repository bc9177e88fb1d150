"""Overview map: the border counties with filters, context layers, and exports of what is shown."""

import streamlit as st
from streamlit_folium import st_folium

from borderdash import export, mapping, projects, regions, ui
from borderdash.policy import join

st.title("中国陆地边境地区 · China's land border areas")
flt = ui.filter_sidebar(ui.current_filter())
with st.sidebar:
    show_regiments = st.checkbox("兵团边境团场 XPCC border regiments", value=True)
    show_platforms = st.checkbox("开发开放平台 Platforms", value=False)
    show_corridors = st.checkbox("规划通道（示意）Planned corridors (schematic)", value=False)
    basemap = st.selectbox("底图 Basemap", list(mapping.ONLINE_BASEMAPS), help="在线底图需联网 · online basemaps need internet")

counties = ui.layer("counties")
shown = flt.apply(
    counties
    if flt.border_only or flt.provinces
    else counties[counties.is_border_county | counties.touches_border | counties.is_hainan_reference]
)
border = flt.apply(ui.layer("border-line"))

c1, c2, c3, c4 = st.columns(4)
c1.metric("县级单位 Counties shown", len(shown))
c2.metric("其中边境县 Of which border counties", int(shown.is_border_county.sum()))
c3.metric("边境线 Border line km", f"{border.length_km.sum():,.0f}")
c4.metric("面积 Area km²", f"{shown.area_km2.sum():,.0f}")

m = mapping.base_map(basemap)
mapping.add_context(m, ui.layer("neighbours"), ui.layer("provinces"), border)
mapping.add_counties(m, shown)
if show_regiments:
    regiments = flt.apply(ui.layer("regiments"))
    mapping.add_points(m, regiments, ["division_zh", "regiment_zh", "host_county_zh"], "#6a1b9a", "团场 Regiments")
if show_platforms:
    plats = projects.as_points(flt.apply(ui.layer("platforms")))
    mapping.add_points(m, plats, ["name_zh", "kind"], "#00695c", "平台 Platforms")
if show_corridors:
    mapping.add_corridors(m, flt.apply(ui.layer("corridors")))
if not shown.empty:
    minx, miny, maxx, maxy = shown.total_bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
out = st_folium(m, height=620, use_container_width=True, returned_objects=["last_active_drawing"], key="overview-map")
ui.precision_note()

clicked = (out or {}).get("last_active_drawing") or {}
adcode = (clicked.get("properties") or {}).get("adcode")
if adcode:
    row = counties.set_index("adcode").loc[adcode]
    st.info(f"**{row.name_zh} {row.name_en}** — {len(join.measures_by_county().get(adcode, ()))} 项措施适用 measures apply")
    st.page_link("views/place.py", label="打开地点档案 Open place profile", query_params={"place": adcode})

regions_shown = regions.with_links(shown)
table = export.table(regions_shown)
st.dataframe(
    table[
        [
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
        ]
    ],
    hide_index=True,
    width="stretch",
)
d1, d2, d3, d4 = st.columns(4)
d1.download_button("CSV", export.csv_bytes(table), "borderdash_counties.csv", "text/csv")
d2.download_button("GeoJSON", export.geojson_bytes(regions_shown), "borderdash_counties.geojson", "application/geo+json")
d3.download_button("GeoPackage", export.gpkg_bytes(regions_shown, "counties"), "borderdash_counties.gpkg")
d4.download_button("地图 HTML (可打印) Map HTML (print)", mapping.standalone_html(m, "borderdash"), "borderdash_map.html", "text/html")
