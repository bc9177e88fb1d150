"""Place profile: facts, sources and every measure that applies to one place, with the reason."""

import streamlit as st

from borderdash import citations, i18n, layers, map_names, projects, safe, ui, ui_exports, ui_indicators, view
from borderdash.policy import join

lang = ui.language()
st.title(ui.tr("place.title"))
places = join.place_options()
options = places.place_id.tolist()
names = i18n.pick(places, "name", lang)
labels = dict(zip(places.place_id, names + " · " + places.layer.map(lambda v: i18n.code(v, lang)), strict=False))

wanted = safe.url_value(st.query_params.get("place", ""))
if wanted and wanted not in labels:
    try:
        wanted = join.resolve(wanted).place_id
    except join.PlaceNotFound:
        pass
if wanted and wanted not in labels:
    st.warning(ui.tr("place.not_found", wanted=ui.text(wanted, 200)))
    wanted = ""
picker = ui.keyed("place_pick")
ui.follow(picker, wanted or "450681")
place_id = st.selectbox(ui.tr("place.choose"), options, key=picker, format_func=lambda p: f"{labels[p]} ({p})")
ui.to_url("place", picker, place_id)

place = join.resolve(place_id)
st.header(ui.text(i18n.pick(place, "name", lang), 200))
known = join.in_layers(place)
if not known:
    st.write(ui.tr("place.unit_only", province=ui.text(place.province_zh), adcode=ui.text(place_id)))
elif place.layer == "counties":
    c = ui.layer("counties").set_index("adcode").loc[place_id]
    cols = st.columns(5)
    cols[0].metric(ui.tr("place.border_km"), f"{c.border_length_km:,.1f}", help=ui.tr("place.border_help"))
    cols[1].metric(ui.tr("place.area"), f"{c.area_km2:,.0f}")
    cols[2].metric(ui.tr("place.share3"), f"{c.share_within_3km:.1%}", help=ui.tr("place.share_help"))
    cols[3].metric(ui.tr("place.share20"), f"{c.share_within_20km:.1%}", help=ui.tr("place.share_help"))
    cols[4].metric(ui.tr("place.to_border"), f"{c.dist_to_border_km:,.1f}", help=ui.tr("place.to_border_help"))
    province = layers.province_name(c.province_zh, lang)
    prefecture = layers.prefecture_name(c.prefecture_adcode, c.prefecture_zh, lang)
    st.write(
        f"**{ui.tr('place.province')}** {ui.text(province)} · **{ui.tr('place.prefecture')}** {ui.text(prefecture)} · "
        f"**{ui.tr('place.neighbours')}** {ui.text(ui.border_by_neighbour(c.border_km_by_neighbour), None)}"
    )
    confidence = ui.tr("place.list_confidence", value=i18n.code(c.border_register_confidence, lang)) if c.is_border_county else ""
    colon = "：" if lang == "zh" else ": "
    st.write(
        f"**{ui.tr('place.is_border_county')}**{colon}{ui.tr('yes' if c.is_border_county else 'no')}"
        + (f" · {confidence}" if confidence else "")
    )
    if c.is_im_unit:
        st.caption(ui.tr("place.im_unit", unit=f"im-{place_id}"))
    if c.disputed_units:
        st.caption(ui.tr("place.disputed", value=ui.text(map_names.names(c.disputed_units, lang), None)))
    hosted = projects.places_in_county(place_id)
    st.write(
        f"**{ui.tr('place.corridors')}** {ui.text(', '.join(ui.names_of('corridors', hosted['corridors'])) or '—', None)} · "
        f"**{ui.tr('place.platforms')}** {ui.text(', '.join(ui.names_of('platforms', hosted['platforms'])) or '—', None)}"
    )
    st.caption(ui.tr("place.source", value=ui.text(citations.source_text(c.source, lang), 2000)))
else:
    row = ui.layer(place.layer).set_index(join.scope.ID_COLUMNS[place.layer]).loc[place_id]
    if "location_precision" in row:
        st.write(f"**{ui.tr('place.precision')}**: {ui.text(i18n.code(row.location_precision, lang))}")
        if row.get("extent") == "host_polygon":
            st.info(ui.tr("place.host_polygon"))
        elif row.location_precision in ("county", "city", "prefecture"):
            st.warning(ui.tr("place.county_level"))
    if row.get("membership_confidence"):
        st.write(f"**{ui.tr('place.membership')}**: {ui.text(i18n.code(row.membership_confidence, lang))}")
        if row.membership_confidence == "low":
            st.warning(ui.tr("place.membership_low"))
    st.caption(ui.tr("place.source", value=ui.text(citations.source_text(row.get("source", ""), lang), 2000)))

if known:
    selection = view.Selection(extras=frozenset(view.EXTRAS), place=place_id)
    ui.live_map(selection, f"place-map-{lang}", height=380)
    ui.briefing_map_download(selection, f"place_{place_id}")

measures = join.measures_for(place_id)
st.subheader(ui.tr("place.measures", count=len(measures)))
for note in join.notes_for(place_id, lang):
    st.info(ui.text(note, 1000))
if len(measures):
    themes = ui.measure_themes(measures)
    f1, f2 = st.columns([3, 1])
    chosen = f1.multiselect(ui.tr("place.themes"), list(themes), format_func=themes.get, placeholder=ui.tr("place.all_themes"))
    in_force_only = f2.toggle(ui.tr("measures.in_force_only"), key="place_in_force")
    shown = ui.filter_measures(measures, chosen, in_force_only)
    if len(shown) < len(measures):
        st.caption(ui.tr("place.filtered", shown=len(shown), total=len(measures)))
    ui.measures_by_document(shown, f"place-{place_id}")
    ui_exports.table_downloads("place-measures", measures, f"measures_{place_id}", "place-measures")

if place.layer == "counties":
    ui_indicators.place_values(place_id)
