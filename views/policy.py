"""Policy explorer: search the measures, read one with its citation, see where it applies.

A row of the results selects its measure; every place where it applies links to its profile.
"""

import streamlit as st

from borderdash import i18n, safe, ui, ui_exports, view
from borderdash.policy import cite, join, kb, search

lang = ui.language()
st.title(ui.tr("policy.title"))
ui.follow("policy_query", safe.url_value(st.query_params.get("q", ""))[:200])
query = st.text_input(ui.tr("policy.search"), key="policy_query")
ui.to_url("q", "policy_query", query)
in_force_only = st.toggle(ui.tr("measures.in_force_only"), key="policy_in_force")
results = search.search(query, limit=50) if query.strip() else kb.measures_table()
if in_force_only:
    results = results[results.in_force]
if query.strip() and results.empty:
    st.info(ui.tr("policy.no_match"))
results = kb.with_sections(results.reset_index(drop=True)) if "section_zh" not in results else results.reset_index(drop=True)
results = results.assign(document_name=results.document.map(lambda d: kb.document_name(d, lang)))

ids = results.id.tolist()
wanted = safe.url_value(st.query_params.get("measure", ""))
known = {m["id"] for m in kb.measures()}
if wanted and wanted not in known:
    st.warning(ui.tr("policy.unknown_measure", wanted=ui.text(wanted, 200)))
picker = ui.keyed("measure_pick")
rows_key = ui.keyed(f"policy_rows_{abs(hash((query, in_force_only))) % 10**8}")  # a new list starts with no row chosen
chosen_row = ((st.session_state.get(rows_key) or {}).get("selection") or {}).get("rows") or []
if chosen_row and st.session_state.get("policy_row_applied") != (rows_key, chosen_row[0]) and chosen_row[0] < len(ids):
    st.session_state[picker] = ids[chosen_row[0]]  # a clicked row selects its measure
    st.session_state.policy_row_applied = (rows_key, chosen_row[0])
    ui.seen(picker, wanted if wanted in ids else ids[0])  # the URL's measure is not new: the widget keeps the row's
st.caption(ui.tr("policy.rows_help"))
ui.show_table(
    results,
    ["section", "title", "document_name", "period", "id"],
    key=rows_key,
    on_select="rerun",
    selection_mode="single-row",
    height=280,
)
if not ids:
    st.stop()
titles = dict(zip(results.id, i18n.pick(results, "title", lang), strict=True))
sections = dict(zip(results.id, i18n.pick(results, "section", lang), strict=True))
ui.follow(picker, wanted if wanted in ids else ids[0], ids)
measure_id = st.selectbox(ui.tr("policy.measure"), ids, key=picker, format_func=lambda i: f"{sections[i]} {titles[i]}")
ui.to_url("measure", picker, measure_id)
m = kb.measure(measure_id)
doc = kb.documents()[m["document"]]
st.header(ui.text(i18n.pick(m, "title", lang), 300))
st.caption(ui.text(cite.measure_citation(m, lang), 400))
period = kb.periods()[m["document"]]
st.caption(ui.tr("policy.period", value=ui.text(period.en if lang == "en" else period.zh, 200)))
st.markdown(ui.text(i18n.pick(m, "summary", lang), None))
quote = cite.quote_block(m, lang)
st.markdown(f"**{ui.text(quote.label)}**")
st.markdown(f"> {ui.text(quote.quote, None)}")
if quote.note:
    st.caption(ui.text(quote.note, None))
sep = "、" if lang == "zh" else ", "
st.markdown(f"**{ui.tr('policy.departments')}**: " + ui.text(sep.join(kb.department_names(m["departments"], lang)) or "—", None))
if m["quantities"]:
    st.markdown(f"**{ui.tr('policy.quantities')}**: " + ui.text(kb.quantities_text(m, lang), None))
if kb.scope_note(m, lang):
    st.caption(ui.tr("policy.scope_note", value=ui.text(kb.scope_note(m, lang), None)))

where = join.places_for(measure_id)
st.subheader(ui.tr("policy.where", count=len(where)))
selection = view.Selection(extras=frozenset(), measure=measure_id)
ui.live_map(selection, f"policy-map-{lang}", height=480)
ui.briefing_map_download(selection, f"measure_{measure_id.replace(':', '_')}")
ui.show_table(
    where,
    ["province_zh", "layer", "rule", "place_id"],
    links={ui.tr("policy.place"): (ui.place_links(where.place_id, i18n.pick(where, "name", lang)), ui.NAME_IN_LINK)},
)
ui_exports.table_downloads("measure-places", where, f"places_{measure_id.replace(':', '_')}", "measure-places")
