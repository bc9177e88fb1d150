"""Read the curated registers (reviewable CSV in geodata/registers) with their schemas checked."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from .paths import REGISTERS
from .schema import REGISTER_COLUMNS

REQUIRED = REGISTER_COLUMNS
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
