"""Corridors and platforms: the plan's roads and railways (schematic) and the opening-up platforms."""

import streamlit as st

from borderdash import i18n, projects, ui, ui_exports, view

lang = ui.language()
st.title(ui.tr("corridors.title"))
flt = ui.filter_sidebar(ui.current_filter())
corridors = flt.apply(ui.layer("corridors"))
platforms = flt.apply(ui.layer("platforms"))
kinds = sorted(platforms.kind.unique())
chosen = st.multiselect(
    ui.tr("corridors.kind"),
    kinds,
    default=kinds,
    format_func=lambda k: i18n.code(k, lang),
    placeholder=ui.tr("choose"),
)
platforms = platforms[platforms.kind.isin(chosen)]
corridor_names = dict(zip(corridors.id, i18n.pick(corridors, "name", lang), strict=True))
drawn = st.multiselect(
    ui.tr("corridors.shown"),
    corridors.id.tolist(),
    default=corridors.id.tolist(),
    format_func=corridor_names.get,
    placeholder=ui.tr("choose"),
)
corridors = corridors[corridors.id.isin(drawn)]
selection = view.Selection(flt, view.NETWORK_EXTRAS, network=True, platform_kinds=tuple(chosen), corridor_ids=tuple(drawn))
ui.live_map(selection, f"corridor-map-{lang}", height=560)
ui.briefing_map_download(selection, "corridors")

st.subheader(ui.tr("corridors.corridors", count=len(corridors)))
cols = ["name", "kind", "part", "status", "length_km", "published_length_km", "provinces", "geometry_precision", "section", "id"]
ui.show_table(corridors, cols)
ui_exports.table_downloads("corridors", corridors, "borderdash_corridors", "corridors")
st.subheader(ui.tr("corridors.platforms", count=len(platforms)))
pcols = ["name", "kind", "mode", "status", "province_zh", "location_precision", "approved", "confidence", "adcode", "id"]
ui.show_table(platforms, pcols)
ui_exports.table_downloads("platforms", platforms, "borderdash_platforms", "platforms")

st.subheader(ui.tr("corridors.along"))
corridor_id = st.selectbox(ui.tr("corridors.choose"), list(corridor_names), format_func=corridor_names.get)
if corridor_id:
    st.caption(ui.tr("corridors.along_help"))
    passed = projects.passed_table(corridor_id)
    columns = ["order", "name", "province_zh", "is_border_county", "basis", "adcode"]
    ui.show_table(passed, columns)
    ui.briefing_map_download(view.Selection(extras=frozenset({"platforms"}), corridor=corridor_id), f"corridor_{corridor_id}")
