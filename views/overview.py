"""Overview map: the border counties with filters, context layers, and exports of what is shown.

The map comes first; the county table and its exports are one click away (a toggle kept in the URL),
so a first visit loads and paints the map before anything else.
"""

import streamlit as st

from borderdash import i18n, ui, ui_exports, ui_indicators, view, webmap
from borderdash.policy import join

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
        list(webmap.ONLINE_BASEMAPS),
        format_func={b: ui.tr(f"overview.basemap_{b}") for b in webmap.ONLINE_BASEMAPS}.get,
        help=ui.tr("overview.basemap_help"),
    )
notices = st.container()  # the match report: always present, so the map below keeps its place
thematic = ui_indicators.thematic_sidebar()
ui_indicators.upload_panel(notices)

query = tuple(sorted(flt.to_query().items()))
shown = ui.shown_counties(query)
border = flt.apply(ui.layer("border-line"))
figures, finder = st.columns([3, 2], vertical_alignment="bottom")
ui.find_place_box(finder)
figures.markdown(
    ui.tr(
        "overview.figures",
        counties=len(shown),
        border=int(shown.is_border_county.sum()),
        km=f"{border.length_km.sum():,.0f}",
        area=f"{shown.area_km2.sum():,.0f}",
    ),
    help=ui.tr("metric.area_help"),
)

map_key = f"overview-map-{basemap}-{lang}"
shown_adcodes = set(shown.adcode)
selected = ui.clicked(st.session_state.get(map_key), shown_adcodes)
selection = view.Selection(flt, frozenset(k for k, on in extras.items() if on), thematic=thematic)
uploaded = ui_indicators.uploaded_for(thematic)
out = ui.live_map(
    selection,
    map_key,
    height=620,
    selected=selected,
    uploaded=uploaded,
    note=ui_indicators.thematic_note(thematic, len(shown)),
    basemap=basemap,
    returned=["last_active_drawing"],
)

adcode = ui.clicked(out, shown_adcodes)
if adcode:
    row = shown.set_index("adcode").loc[adcode]
    name = row.name_en if lang == "en" else row.name_zh
    st.info(ui.tr("overview.clicked", name=ui.text(name), count=len(join.measures_by_county().get(adcode, ()))))
    st.page_link("views/place.py", label=ui.tr("overview.open_profile"), query_params={"place": adcode})

ui.follow("overview_table", st.query_params.get("table") == "1")
if not st.toggle(ui.tr("overview.show_table", count=len(shown)), key="overview_table"):
    ui.to_url("table", "overview_table", "")
    st.stop()
ui.to_url("table", "overview_table", "1")

ordered, uploaded_columns = ui_indicators.with_uploaded_columns(ui.overview_table(query))
columns = ["province_zh", "is_border_county", "neighbours", "border_length_km", "area_km2", "share_within_3km"]
columns += ["measure_count", "corridors", "platforms", "adcode", *uploaded_columns]
ui.show_table(
    ordered,
    columns,
    links={ui.tr("overview.name"): (ui.place_links(ordered.adcode, i18n.pick(ordered, "name", lang)), ui.NAME_IN_LINK)},
)

ui_exports.table_downloads("counties", ordered, "borderdash_counties", "export", extra=tuple(uploaded_columns), geo="counties")
st.page_link("views/briefing.py", label=ui.tr("overview.to_briefing"), query_params=flt.to_query())
ui.briefing_map_download(selection, "overview", uploaded)
