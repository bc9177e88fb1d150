"""Policy explorer: search the measures, read one with its citation, see where it applies."""

import streamlit as st
from streamlit_folium import st_folium

from borderdash import briefing, export, ui
from borderdash.policy import join, kb, search

st.title("政策查询 · Policy explorer")
query = st.text_input("搜索 Search (中文或English: 边民补助, entrepreneurship loans, G219, 0-3 km)", value=st.query_params.get("q", ""))
if query != st.query_params.get("q", ""):
    st.query_params["q"] = query
results = search.search(query, limit=50) if query.strip() else kb.measures_table()[["id", "document", "section", "title_zh", "title_en"]]
if query.strip() and results.empty:
    st.info("没有匹配的措施 · No measure matches; try fewer or other words.")
st.dataframe(results, hide_index=True, width="stretch")

ids = results.id.tolist()
wanted = st.query_params.get("measure", "")
if not ids:
    st.stop()
if wanted and wanted not in ids:
    st.warning(f"找不到该措施（或不在当前搜索结果中）· Measure {wanted!r} not found in the current results; showing the first.")
index = ids.index(wanted) if wanted in ids else 0
measure_id = st.selectbox("措施 Measure", ids, index=index)
if measure_id != wanted:
    st.query_params["measure"] = measure_id
m = kb.measure(measure_id)
doc = kb.documents()[m["document"]]
st.header(f"{m['title_zh']} · {m['title_en']}")
st.caption(f"{doc['title_zh']} ({doc['number']}) · {m['section']}")
st.markdown(f"> {m['quote']}")
st.write(m["summary_zh"])
st.write(m["summary_en"])
st.write("**责任部门 Departments**: " + ("、".join(kb.department_names(m["departments"], "zh")) or "—"))
if m["quantities"]:
    st.write("**数量 Quantities**: " + "; ".join(kb.quantity_text(q, "zh") for q in m["quantities"]))
if m.get("scope_note"):
    st.caption(f"适用范围说明 Scope note: {m['scope_note']}")

where = join.places_for(measure_id)
st.subheader(f"适用地点 Where this applies · {len(where)}")
st_folium(briefing.places_map(where), height=480, use_container_width=True, returned_objects=[], key=f"where-{measure_id}")
ui.precision_note()
st.dataframe(where, hide_index=True, width="stretch")
st.download_button("CSV", export.csv_bytes(where), f"places_{measure_id.replace(':', '_')}.csv", "text/csv")
