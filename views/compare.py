"""Compare 2–5 places: facts, indicators and the measures that apply, side by side."""

import streamlit as st

from borderdash import compare, export, ui_indicators
from borderdash.policy import join

st.title("地点对比 · Compare places")
places = join.all_places()
labels = dict(zip(places.place_id, places.name_zh + " " + places.name_en.fillna("") + " · " + places.layer, strict=False))
wanted = [p for p in st.query_params.get_all("places") for p in p.split(",") if p in labels][: compare.MAX_PLACES]
chosen = st.multiselect(
    f"选择 {compare.MIN_PLACES}–{compare.MAX_PLACES} 个地点 · Choose {compare.MIN_PLACES} to {compare.MAX_PLACES} places",
    list(labels),
    default=wanted or ["450681", "451481"],
    format_func=lambda p: f"{labels[p]} ({p})",
    max_selections=compare.MAX_PLACES,
)
st.query_params["places"] = ",".join(chosen)
if len(chosen) < compare.MIN_PLACES:
    st.info(f"请至少选择 {compare.MIN_PLACES} 个地点 · Choose at least {compare.MIN_PLACES} places.")
    st.stop()

facts, measures = compare.compare(chosen, ui_indicators.values_for_map())
only_diff = st.toggle("只看不同之处 Only what differs", value=False)
if only_diff:
    facts = facts[facts["比较 compare"] == compare.DIFFERS]
    measures = measures[measures["比较 compare"] == compare.DIFFERS]
st.subheader("事实与指标 · Facts and indicators")
st.dataframe(facts, hide_index=True, width="stretch")
common = int((measures["比较 compare"] == compare.COMMON).sum())
st.subheader(f"适用措施 · Measures that apply: {common} 共同 common, {len(measures) - common} 不同 differ")
st.dataframe(measures, hide_index=True, width="stretch")
st.download_button(
    "CSV", export.csv_bytes(compare.compare_table(facts, measures)), f"borderdash_compare_{'_'.join(chosen)}.csv", "text/csv"
)
