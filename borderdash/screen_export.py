"""A screening as tables for people (one language, word headers, 是/否, no empty-value markers) and as files:
CSV (UTF-8 with BOM), .xlsx (results, counties, measures, corridors, platforms, regiments, notes) and GeoJSON."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pandas as pd

from . import export, i18n, safe
from .screening import Screening, method_text

FORMATS = ("pdf", "csv", "xlsx", "geojson")
MIME = {
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
}
RESULT_FIELDS = (
    "feature_id",
    "name",
    "kind",
    "status",
    "message",
    "flags",
    "lon",
    "lat",
    "adcode",
    "county",
    "prefecture",
    "province",
    "is_border_county",
    "im_unit",
    "counties_crossed",
    "regiments",
    "border_km",
    "border_method",
    "neighbour",
    "within_3km",
    "within_20km",
    "share_within_3km",
    "share_within_20km",
    "port",
    "port_mode",
    "port_status",
    "port_km",
    "port_method",
    "port_counterpart",
    "platforms",
    "corridors",
    "corridor_km",
    "measures_feature",
    "measures_county",
    "measures_other",
    "measures_not_here",
    "measure_ids",
)
"""The columns of the results table people read, in order; bilingual fields pick `<field>_zh` or `<field>_en`."""
BILINGUAL = {
    "message", "flags", "county", "prefecture", "province", "counties_crossed", "regiments", "neighbour", "port", "port_counterpart",
    "platforms", "corridors",
}  # fmt: skip
FLAGS = ("is_border_county", "within_3km", "within_20km")
SHARES = ("share_within_3km", "share_within_20km")
METHOD_FIELDS = ("border_method", "port_method")
CODE_FIELDS = {"kind": "screen.kind", "status": "screen.status", "port_mode": ""}


def format_of(path) -> str:
    """The output format from a file name, with a clear message for anything else."""
    name = str(path)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in ("xls", "xlsm"):
        raise ValueError(f"{name!r}: write .xlsx (old .xls is not written)")
    if suffix == "json":
        raise ValueError(f"{name!r}: name it .geojson for the features with their results")
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {name!r}: name it .pdf, .csv, .xlsx or .geojson")
    return suffix


def header(field: str, lang: str, buffer_km: float | None = None) -> str:
    if field == "corridors" and buffer_km is not None:
        return i18n.t("screen.col.corridors", lang, km=f"{buffer_km:g}")
    return i18n.t(f"screen.col.{field}", lang)


def results_table(screening: Screening, lang: str) -> pd.DataFrame:
    """One row per feature with word headers in the language: codes as words, 是/否 for flags, methods in words."""
    res = screening.results
    out = pd.DataFrame(index=res.index)
    for field in RESULT_FIELDS:
        values = res[f"{field}_{lang}"] if field in BILINGUAL else res[field]
        if field in FLAGS:
            values = values.map(lambda v: "" if safe.missing(v) else i18n.t("yes" if v else "no", lang))
        elif field == "im_unit":
            values = [
                "" if safe.missing(a) else i18n.t("yes" if isinstance(unit, str) and unit else "no", lang)
                for a, unit in zip(res.adcode, res.im_unit, strict=True)
            ]
        elif field in SHARES:
            values = values.map(lambda v: "" if safe.missing(v) else round(float(v) * 100, 1))
        elif field in METHOD_FIELDS:
            values = values.map(lambda v: "" if safe.missing(v) else method_text(v, lang))
        elif field == "port_status":
            values = res[f"port_status_{lang}"]
        elif field in CODE_FIELDS:
            values = values.map(lambda v, f=field: "" if safe.missing(v) else code_label(CODE_FIELDS[f], v, lang))
        out[header(field, lang, screening.buffer_km)] = _blank(values)
    return out.reset_index(drop=True)


def code_label(prefix: str, value, lang: str) -> str:
    """A code in words: a `prefix.code` catalogue string, or (no prefix) a data code ('road' -> 公路); several codes
    (road;rail) each in words."""
    labels = []
    for code in str(value).split(";"):
        key = f"{prefix}.{code.strip()}"
        if not prefix:
            labels.append(i18n.code(code.strip(), lang))
        else:
            labels.append(i18n.t(key, lang) if key in i18n.STRINGS else code.strip())
    return ("、" if lang == "zh" else ", ").join(v for v in labels if v)


def measures_table(screening: Screening, lang: str) -> pd.DataFrame:
    """One row per feature and measure: the document and section to cite, how it reaches the feature, why, and the period."""
    from .policy import kb

    m = screening.measures
    docs = kb.documents()
    names = screening.results.set_index("feature_id").name
    out = pd.DataFrame(
        {
            header("feature_id", lang): m.feature_id,
            header("name", lang): m.feature_id.map(names).fillna(""),
            i18n.t("screen.col.measure_id", lang): m.measure_id,
            i18n.t("screen.col.document", lang): m.document.map(lambda d: document_citation(docs[d], lang)),
            i18n.t("screen.col.section", lang): [kb.section_label(d, s, lang) for d, s in zip(m.document, m.section, strict=True)],
            i18n.t("screen.col.title", lang): m[f"title_{lang}"],
            i18n.t("screen.col.basis", lang): m.basis.map(lambda b: i18n.t(f"screen.basis.{b}", lang)),
            i18n.t("screen.col.reason", lang): m[f"reason_{lang}"],
            i18n.t("screen.col.note", lang): m[f"note_{lang}"],
            i18n.t("screen.col.period", lang): m[f"period_{lang}"],
            i18n.column("in_force", lang): m.in_force.map(lambda v: i18n.t("yes" if v else "no", lang)),
        }
    )
    return out.reset_index(drop=True)


def document_citation(doc: dict, lang: str) -> str:
    """A document as a reader cites it: title and number (the number's Chinese form in Chinese)."""
    from .policy import cite

    return cite.document_citation(doc, lang)


def detail_tables(screening: Screening, lang: str) -> dict[str, pd.DataFrame]:
    """The detail tables (counties crossed, corridors, platforms, regiments) with word headers."""
    yes, no = i18n.t("yes", lang), i18n.t("no", lang)
    c = screening.counties
    counties = pd.DataFrame(
        {
            header("feature_id", lang): c.feature_id,
            header("adcode", lang): c.adcode,
            header("county", lang): c[f"county_{lang}"],
            header("province", lang): c[f"province_{lang}"],
            header("is_border_county", lang): c.is_border_county.map(lambda v: yes if v else no),
            i18n.t("screen.col.share", lang): (c.share * 100).round(1),
            i18n.t("screen.col.length_km", lang): _blank(c.length_km),
            i18n.t("screen.col.area_km2", lang): _blank(c.area_km2),
        }
    )
    cor = screening.corridors
    corridors = pd.DataFrame(
        {
            header("feature_id", lang): cor.feature_id,
            i18n.t("screen.col.corridor", lang): cor[f"name_{lang}"],
            i18n.t("screen.col.corridor_status", lang): cor[f"status_{lang}"],
            i18n.t("screen.col.km", lang): cor.km,
            i18n.t("screen.col.method", lang): cor.method.map(lambda v: method_text(v, lang)),
        }
    )
    p = screening.platforms
    platforms = pd.DataFrame(
        {
            header("feature_id", lang): p.feature_id,
            i18n.t("screen.col.platform", lang): p[f"name_{lang}"],
            i18n.t("screen.col.platform_kind", lang): p.kind.map(lambda v: i18n.code(v, lang)),
            i18n.t("screen.col.relation", lang): p[f"label_{lang}"],
            i18n.t("screen.col.km", lang): _blank(p.km),
            i18n.t("screen.col.method", lang): p.method.map(lambda v: method_text(v, lang)),
        }
    )
    g = screening.regiments
    regiments = pd.DataFrame(
        {
            header("feature_id", lang): g.feature_id,
            i18n.t("screen.col.regiment", lang): g[f"name_{lang}"],
            i18n.t("screen.col.relation", lang): g[f"label_{lang}"],
            i18n.column("location_precision", lang): g.location_precision.map(lambda v: i18n.code(v, lang)),
            i18n.t("screen.col.membership", lang): g.membership_confidence.map(lambda v: i18n.code(v, lang)),
            i18n.t("screen.col.km", lang): _blank(g.km),
        }
    )
    return {"counties": counties, "corridors": corridors, "platforms": platforms, "regiments": regiments}


def notes_table(screening: Screening, lang: str, today: dt.date | None = None) -> pd.DataFrame:
    """What was read and assumed, how each distance was measured, the data sources and the date."""
    from . import style

    rows = [(i18n.t("screen.notes.input", lang), _pick(n, lang)) for n in screening.notes]
    rows += [(i18n.t("screen.notes.buffer", lang), f"{screening.buffer_km:g} km")]
    for method in ("border", "port_point", "port_border", "port_county", "corridor", "regiment_point", "platform_point"):
        rows.append((i18n.t("screen.notes.method", lang), method_text(method, lang)))
    rows.append((i18n.t("screen.notes.boundary", lang), i18n.t("screen.notes.boundary_text", lang)))
    rows.append((i18n.t("screen.notes.sources", lang), style.sources_line(lang, (today or dt.date.today()).isoformat())))
    return pd.DataFrame(rows, columns=[i18n.t("screen.col.item", lang), i18n.t("screen.col.note", lang)])


def _pick(note, lang: str) -> str:
    from .upload import pick

    return pick(note, lang)


def csv_bytes(screening: Screening, lang: str) -> bytes:
    """The results, one row per feature (UTF-8 with BOM; cells a spreadsheet would run neutralised)."""
    return export.csv_bytes(results_table(screening, lang))


def xlsx_bytes(screening: Screening, lang: str, today: dt.date | None = None) -> bytes:
    """A workbook: results, measures, counties crossed, corridors, platforms, regiments and notes, one sheet each."""
    import openpyxl
    from openpyxl.styles import Font

    sheets = {"results": results_table(screening, lang), "measures": measures_table(screening, lang)}
    sheets |= detail_tables(screening, lang)
    sheets["notes"] = notes_table(screening, lang, today)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for key, frame in sheets.items():
        sheet = book.create_sheet(i18n.t(f"screen.sheet.{key}", lang))
        sheet.append([safe.spreadsheet_cell(str(c)) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for k, col in enumerate(frame.columns, start=1):
            width = max([len(str(col))] + [len(str(v)) for v in frame.iloc[:200, k - 1]]) if len(frame) else len(str(col))
            sheet.column_dimensions[openpyxl.utils.get_column_letter(k)].width = min(60, max(8, width * 1.2))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def geojson_bytes(screening: Screening) -> bytes:
    """The features with every result column (machine names, both languages), for a GIS."""
    import geopandas as gpd

    res = screening.results.drop(columns=["name"]).copy()
    for col in res.columns:
        if res[col].dtype == object:
            res[col] = res[col].where(res[col].notna(), None)
    gdf = gpd.GeoDataFrame(
        screening.features[["feature_id", "name"]].merge(res, on="feature_id"), geometry=screening.features.geometry.values
    )
    gdf = gdf.set_crs(4326)
    return gdf.to_json(drop_id=True, ensure_ascii=False, na="null").encode("utf-8")


def _cell(value):
    if safe.missing(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    return safe.spreadsheet_cell(value)



def _blank(values) -> pd.Series:
    """Missing values as empty cells, never 'nan' or 'None'."""
    series = pd.Series(values)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.astype(object).where(series.notna(), "")
    return series.map(lambda v: "" if safe.missing(v) else v)
