"""Compare 2–5 places: facts, indicators and the measures that apply, side by side."""

import streamlit as st

from borderdash import compare, i18n, ui, ui_exports, ui_indicators, view
from borderdash.policy import join

st.title(ui.tr("compare.title"))
places = join.all_places()
lang = ui.language()
names = i18n.pick(places, "name", lang) + " · " + places.layer.map(lambda v: i18n.code(v, lang))
labels = dict(zip(places.place_id, names, strict=False))
wanted = [p for p in st.query_params.get_all("places") for p in p.split(",") if p in labels][: compare.MAX_PLACES]
ui.follow("compare_pick", wanted or ["450681", "451481"])
chosen = st.multiselect(
    ui.tr("compare.choose", low=compare.MIN_PLACES, high=compare.MAX_PLACES),
    list(labels),
    key="compare_pick",
    format_func=lambda p: f"{labels[p]} ({p})",
    max_selections=compare.MAX_PLACES,
)
ui.to_url("places", "compare_pick", ",".join(chosen))
if len(chosen) < compare.MIN_PLACES:
    st.info(ui.tr("compare.too_few", low=compare.MIN_PLACES))
    st.stop()

selection = view.Selection(extras=frozenset(), places=tuple(chosen))
ui.live_map(selection, f"compare-map-{lang}", height=420)

facts, measures = compare.compare(chosen, ui_indicators.values_for_map(), lang)
if st.toggle(ui.tr("compare.only_diff"), value=False):
    facts, measures = facts[~facts.same], measures[~measures.same]
st.subheader(ui.tr("compare.facts"))
st.dataframe(facts.drop(columns="same"), hide_index=True, width="stretch")
common = int(measures.same.sum())
st.subheader(ui.tr("compare.measures", common=common, differ=len(measures) - common))
st.dataframe(measures.drop(columns="same"), hide_index=True, width="stretch")
ui_exports.compare_downloads(facts, measures, f"borderdash_compare_{'_'.join(chosen)}", "compare")
