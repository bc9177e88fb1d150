"""Read the curated registers (reviewable CSV in geodata/registers) with their schemas checked."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from .paths import REGISTERS

REQUIRED = {
    "border_counties": ["adcode", "name_zh", "province_zh", "prefecture_zh", "member", "confidence", "source", "notes"],
    "border_county_counts": ["province_zh", "province_en", "count", "alternatives", "confidence", "source", "notes"],
    "im_units": ["id", "adcode", "name_zh", "name_en", "in_2017_list", "article", "confidence", "source", "notes"],
    "hainan_counties": ["adcode", "name_zh", "name_en", "confidence", "source", "notes"],
    "border_prefectures": ["adcode", "name_zh", "name_en", "province_zh", "kind", "confidence", "source", "notes"],
    "regiments": [
        "id",
        "division_zh",
        "division_en",
        "regiment_zh",
        "regiment_en",
        "hq_town_zh",
        "host_adcode",
        "host_county_zh",
        "township_code",
        "lon",
        "lat",
        "location_precision",
        "is_border_confidence",
        "confidence",
        "source",
        "notes",
    ],
    "xpcc_border_divisions": ["division_zh", "division_en", "seat_adcode", "seat_zh", "regiment_count", "confidence", "source", "notes"],
    "platforms": [
        "id",
        "kind",
        "name_zh",
        "name_en",
        "province_zh",
        "host_adcodes",
        "extent",
        "lon",
        "lat",
        "location_precision",
        "approved",
        "status",
        "confidence",
        "source",
        "notes",
    ],
    "corridors": [
        "id",
        "parent_id",
        "kind",
        "name_zh",
        "name_en",
        "status_zh",
        "status_en",
        "document",
        "section",
        "geometry_precision",
        "published_length_km",
        "published_length_source",
        "source",
        "notes",
    ],
    "corridor_points": ["corridor_id", "seq", "place_zh", "adcode", "lon", "lat", "location_precision", "source", "notes"],
}
NUMERIC = {"lon", "lat", "seq", "count", "regiment_count", "published_length_km"}


class RegisterError(ValueError):
    """A register file is missing or malformed; the message names the file and the problem."""


def read(name: str, folder: Path | None = None) -> pd.DataFrame:
    """A register as a DataFrame of strings (numbers where the schema says so), checked against its header."""
    folder = folder or REGISTERS
    return _read(name, str(folder)).copy()


@cache
def _read(name: str, folder: str) -> pd.DataFrame:
    path = Path(folder) / f"{name}.csv"
    if not path.exists():
        raise RegisterError(f"register {path.name} is missing from {folder}")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise RegisterError(f"register {path.name} cannot be read: {exc}") from exc
    missing = [c for c in REQUIRED[name] if c not in df.columns]
    if missing:
        raise RegisterError(f"register {path.name} lacks columns: {', '.join(missing)}")
    for col in NUMERIC & set(df.columns):
        df[col] = pd.to_numeric(df[col].replace("", None), errors="coerce")
    return df
