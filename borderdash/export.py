"""Bytes for every export the UI offers and the CLI writes: CSV, .xlsx, GeoJSON, GeoPackage."""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd

from . import safe

FORMATS = ("csv", "xlsx", "geojson", "gpkg")


def table(gdf: gpd.GeoDataFrame | pd.DataFrame) -> pd.DataFrame:
    """Attributes only, with booleans as true/false and lists joined by ';'."""
    df = pd.DataFrame(gdf).drop(columns=["geometry"], errors="ignore")
    for col in df.columns:
        if df[col].map(lambda v: isinstance(v, list | tuple | set)).any():
            df[col] = df[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple | set) else v)
    return df


def csv_bytes(df: gpd.GeoDataFrame | pd.DataFrame) -> bytes:
    """UTF-8 with a BOM so Excel opens Chinese correctly; text cells a spreadsheet would run as formulas neutralised."""
    out = table(df)
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            # Kept as objects: map() would turn a column of whole numbers with gaps into floats (45000 -> 45000.0).
            out[col] = pd.Series([safe.spreadsheet_cell(v) for v in out[col]], index=out.index, dtype=object)
    out.columns = [safe.spreadsheet_cell(str(c)) for c in out.columns]
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame], number_formats: dict[str, dict[str, str]] | None = None) -> bytes:
    """A workbook, one sheet per frame: bold frozen headers, numbers as numbers (shown with `number_formats[sheet][header]`,
    e.g. '#,##0.0'), empty cells for missing values, text a spreadsheet would run neutralised."""
    import openpyxl
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(sheet_name(name))
        sheet.append([safe.spreadsheet_cell(str(c)) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in frame.itertuples(index=False):
            sheet.append([_xlsx_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        formats = (number_formats or {}).get(name, {})
        for k, col in enumerate(frame.columns, start=1):
            letter = get_column_letter(k)
            if col in formats:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=k, max_col=k):
                    cell.number_format = formats[col]
            sample = [str(col)] + [str(v) for v in frame.iloc[:200, k - 1] if v is not None]
            sheet.column_dimensions[letter].width = min(60, max(8, max(_cell_width(v) for v in sample) + 2))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


_SHEET_FORBIDDEN = re.compile(r"[\\[\]:*?/\\]")


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\, at most 31 characters."""
    return _SHEET_FORBIDDEN.sub(" ", str(name)).strip()[:31] or "Sheet"


def _xlsx_cell(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, list | tuple | set):
        value = ";".join(map(str, value))
    if isinstance(value, bool | int | float | str):
        return safe.spreadsheet_cell(value)
    return safe.spreadsheet_cell(str(value))


def _cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text[:80])


def geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    return gdf.to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def gpkg_bytes(gdf: gpd.GeoDataFrame, layer: str = "layer") -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.gpkg"
        out = gdf.copy()
        for col in out.columns:
            if col != out.geometry.name and out[col].dtype == object:
                out[col] = out[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple | set) else v)
        out.to_file(path, driver="GPKG", layer=layer.replace("-", "_"))
        return path.read_bytes()


def to_bytes(gdf, fmt: str, layer: str = "layer") -> bytes:
    if fmt == "csv":
        return csv_bytes(gdf)
    if fmt == "xlsx":
        return xlsx_bytes({layer: table(gdf)})
    if fmt == "geojson":
        return geojson_bytes(gdf)
    if fmt == "gpkg":
        return gpkg_bytes(gdf, layer)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
