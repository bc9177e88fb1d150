"""Compare 2–5 places: a map of them, key facts as small bars, facts and indicators, and the measures that apply."""

import altair as alt
import streamlit as st

from borderdash import compare, i18n, ui, ui_exports, ui_indicators, view
from borderdash.policy import join

st.title(ui.tr("compare.title"))
places = join.pickable_places()
lang = ui.language()
names = i18n.pick(places, "name", lang) + " · " + places.layer.map(lambda v: i18n.code(v, lang))
labels = dict(zip(places.place_id, names, strict=False))
wanted = [p for p in st.query_params.get_all("places") for p in p.split(",") if p in labels][: compare.MAX_PLACES]
picker = ui.keyed("compare_pick")
ui.follow(picker, wanted or ["450681", "451481"])
adder = ui.keyed("compare_add")
if st.session_state.get(adder):  # a place picked in the add box joins the list, and the box empties
    if st.session_state[adder] not in st.session_state[picker] and len(st.session_state[picker]) < compare.MAX_PLACES:
        st.session_state[picker] = [*st.session_state[picker], st.session_state[adder]]
    st.session_state[adder] = None
a1, a2 = st.columns([2, 3])
a1.selectbox(
    ui.tr("compare.add"),
    list(labels),
    index=None,
    key=adder,
    placeholder=ui.tr("compare.add_placeholder"),
    format_func=lambda p: labels[p],
    disabled=len(st.session_state[picker]) >= compare.MAX_PLACES,
)
chosen = a2.multiselect(
    ui.tr("compare.chosen"),
    st.session_state[picker],
    key=picker,
    format_func=lambda p: labels.get(p, p),
    help=ui.tr("compare.choose", low=compare.MIN_PLACES, high=compare.MAX_PLACES),
)
ui.to_url("places", picker, ",".join(chosen))
if len(chosen) < compare.MIN_PLACES:
    st.info(ui.tr("compare.too_few", low=compare.MIN_PLACES))
    st.stop()

selection = view.Selection(extras=frozenset(), places=tuple(chosen))
ui.live_map(selection, f"compare-map-{lang}", height=420)
note = compare.same_town_note(chosen, lang)
if note:
    st.info(ui.text(note, 400))

values = ui_indicators.values_for_map()
facts, measures = compare.compare(chosen, values, lang)
common, total = int(measures.same.sum()), len(measures)
only_diff = st.toggle(ui.tr("compare.only_diff"), value=False)
if only_diff:
    facts, measures = facts[~facts.same], measures[~measures.same]

left, right = st.columns([3, 2])
with left:
    st.subheader(ui.tr("compare.facts"))
    st.dataframe(facts.drop(columns="same"), hide_index=True, width="stretch")
with right:
    st.subheader(ui.tr("compare.charts"))
    bars = compare.chart_table(chosen, values, lang)
    chart = (
        alt.Chart(bars)
        .mark_bar(color="#0072b2")
        .encode(
            x=alt.X("value:Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False)),
            y=alt.Y("place:N", title=None, sort=None, axis=alt.Axis(labelLimit=110)),
            tooltip=[alt.Tooltip("place:N", title=ui.tr("compare.name")), alt.Tooltip("shown:N", title=ui.tr("upload.value"))],
        )
        .properties(height=20 * len(chosen), width=150)
    )
    text = chart.mark_text(align="left", dx=3, color="#1a1a1a").encode(text="shown:N")
    st.altair_chart(
        alt.layer(chart, text, data=bars)
        .facet(row=alt.Row("fact:N", title=None, header=alt.Header(labelOrient="top", labelAnchor="start", labelFontWeight="bold")))
        .resolve_scale(x="independent"),
        use_container_width=False,
    )

st.subheader(ui.tr("compare.measures", common=common, differ=total - common))
st.dataframe(measures.drop(columns="same"), hide_index=True, width="stretch")
ui_exports.compare_downloads(facts, measures, f"borderdash_compare_{'_'.join(chosen)}", "compare")
