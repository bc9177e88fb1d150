"""Overview map: the border counties with filters, context layers, and exports of what is shown."""

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, export, mapping, regions, ui
from borderdash.policy import join
from borderdash.schema import PROVINCES_EN

lang = ui.language()
st.title(ui.tr("overview.title"))
flt = ui.filter_sidebar(ui.current_filter())
with st.sidebar:
    extras = {
        "regiments": st.checkbox(ui.tr("overview.regiments"), value=True),
        "platforms": st.checkbox(ui.tr("overview.platforms"), value=False),
        "corridors": st.checkbox(ui.tr("overview.corridors"), value=False),
    }
    basemap = st.selectbox(
        ui.tr("overview.basemap"),
        list(mapping.ONLINE_BASEMAPS),
        format_func=({b: b for b in mapping.ONLINE_BASEMAPS} | {"none": ui.tr("overview.basemap_none")}).get,
        help=ui.tr("overview.basemap_help"),
    )
comp = briefing.Composition(flt, frozenset(k for k, on in extras.items() if on), basemap)

shown = briefing.shown_counties(flt)
border = flt.apply(ui.layer("border-line"))
c1, c2, c3, c4 = st.columns(4)
c1.metric(ui.tr("metric.counties_shown"), len(shown))
c2.metric(ui.tr("metric.border_counties"), int(shown.is_border_county.sum()))
c3.metric(ui.tr("metric.border_km"), f"{border.length_km.sum():,.0f}", help=ui.tr("place.border_help"))
c4.metric(ui.tr("metric.area_km2"), f"{shown.area_km2.sum():,.0f}", help=ui.tr("metric.area_help"))

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
    name = row.name_en if lang == "en" else row.name_zh
    st.info(ui.tr("overview.clicked", name=ui.text(name), count=len(join.measures_by_county().get(adcode, ()))))
    st.page_link("views/place.py", label=ui.tr("overview.open_profile"), query_params={"place": adcode})

regions_shown = regions.with_links(shown)
province_order = regions_shown.province_zh.map({p: i for i, p in enumerate(PROVINCES_EN)})
ordered = regions_shown.assign(_p=province_order).sort_values(
    ["is_border_county", "_p", "border_length_km", "adcode"], ascending=[False, True, False, True]
).drop(columns="_p")
st.subheader(ui.tr("overview.table"))
columns = ["name", "province_zh", "is_border_county", "neighbours", "border_length_km", "area_km2", "share_within_3km"]
columns += ["measure_count", "corridors", "platforms", "adcode"]
people = ui.table(ordered, columns)
profile = ui.tr("overview.profile")
people.insert(0, profile, ["/place?" + ui.profile_query(a) for a in ordered.adcode])
st.dataframe(
    people,
    hide_index=True,
    width="stretch",
    column_config={profile: st.column_config.LinkColumn(profile, display_text=ui.tr("overview.open"), width="small")},
)
table = export.table(ordered)
d1, d2, d3 = st.columns(3)
d1.download_button("CSV", export.csv_bytes(table), "borderdash_counties.csv", "text/csv")
d2.download_button("GeoJSON", export.geojson_bytes(ordered), "borderdash_counties.geojson", "application/geo+json")
d3.download_button("GeoPackage", export.gpkg_bytes(ordered, "counties"), "borderdash_counties.gpkg")
st.page_link("views/briefing.py", label=ui.tr("overview.to_briefing"), query_params=flt.to_query())
