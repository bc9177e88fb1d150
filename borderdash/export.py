"""Bytes for every export the UI offers and the CLI writes: CSV, GeoJSON, GeoPackage."""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from . import safe

FORMATS = ("csv", "geojson", "gpkg")


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
            out[col] = out[col].map(safe.spreadsheet_cell)
    out.columns = [safe.spreadsheet_cell(str(c)) for c in out.columns]
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


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
    if fmt == "geojson":
        return geojson_bytes(gdf)
    if fmt == "gpkg":
        return gpkg_bytes(gdf, layer)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
