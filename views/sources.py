"""Data and sources: documents (readable, with their measures), registers, the build record, and the data report."""

import streamlit as st

from borderdash import i18n, schema, sources_page, ui
from borderdash.policy import kb

lang = ui.language()
st.title(ui.tr("sources.title"))

st.subheader(ui.tr("sources.documents"))
docs = sources_page.documents_table(lang)
st.table(docs.map(lambda v: ui.text(v, None)).set_index(docs.columns[0]))  # st.table renders Markdown: cells as literal text

st.subheader(ui.tr("sources.read"))
doc_ids = list(kb.documents())
doc_id = st.selectbox(
    ui.tr("sources.read"), doc_ids, format_func=lambda d: i18n.pick(kb.documents()[d], "title", lang), label_visibility="collapsed"
)
st.caption(ui.tr("sources.sections"))
ui.show_table(sources_page.measures_of(doc_id), ["section", "title", "id"])
text = sources_page.document_html(doc_id)
if text is None:
    st.info(ui.tr("sources.text_missing"))
    st.code(f"{sources_page.seed_path(doc_id)}\nBORDERDASH_SEEDS=…", language=None)
else:
    st.html(text)

st.subheader(ui.tr("sources.boundaries"))
st.markdown(ui.tr("sources.boundaries_text"))
st.subheader(ui.tr("sources.build"))
st.dataframe(sources_page.build_record(lang), hide_index=True, width="stretch")

st.subheader(ui.tr("sources.registers"))
for name in sources_page.REGISTERS_SHOWN:
    df = sources_page.register_table(name, lang)
    with st.expander(ui.tr("sources.rows", name=schema.register_label(name, lang), count=len(df))):
        st.dataframe(df, hide_index=True, width="stretch")

with st.expander(ui.tr("sources.report")):
    st.code(ui.data_report())
