"""The download buttons of a table on a page: CSV and .xlsx for people in the session's language (word headers, 是/否,
percent, a 字段说明 sheet), GeoJSON and GeoPackage where the table has geometry, and, smaller, the CSV's column
dictionary and a CSV for scripts (machine columns). Files are made only when a button is clicked."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from . import i18n, people
from .ui import language, tr

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_downloads(table: str, df: pd.DataFrame, file_stem: str, key: str, extra: tuple[str, ...] = (), geo: str | None = None) -> None:
    """Downloads of one people table (people.TABLES[table]) of `df`; `extra`: uploaded columns to carry; `geo`: the layer
    name when `df` has geometry (adds GeoJSON and GeoPackage, machine columns as a GIS expects)."""
    lang = language()
    made: dict[str, people.Export] = {}

    def exported() -> people.Export:
        if "table" not in made:
            made["table"] = people.table(table, df, lang, extra)
        return made["table"]

    geo_files = None
    if geo is not None:
        from . import export

        geo_files = (lambda: export.geojson_bytes(df), lambda: export.gpkg_bytes(df, geo))
    _buttons(exported, lambda: people.raw_csv_bytes(df), file_stem, key, lang, geo_files)


def compare_downloads(facts: pd.DataFrame, measures: pd.DataFrame, file_stem: str, key: str) -> None:
    """The compare page's facts and measures as one table (people.compare), CSV and .xlsx with its dictionary."""
    lang = language()
    _buttons(lambda: people.compare(facts, measures, lang), None, file_stem, key, lang, None)


def _buttons(exported: Callable[[], people.Export], raw: Callable[[], bytes] | None, stem: str, key: str, lang: str, geo) -> None:
    main = st.columns(4 if geo else 2)
    main[0].download_button(
        tr("download.people_csv"),
        data=lambda: people.csv_bytes(exported()),
        file_name=f"{stem}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{key}-csv",
        help=tr("download.people_csv_help"),
    )
    main[1].download_button(
        tr("download.xlsx"),
        data=lambda: people.xlsx_bytes(exported(), lang),
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        on_click="ignore",
        key=f"{key}-xlsx",
        help=tr("download.xlsx_help"),
    )
    if geo:
        for col, label, data, suffix, mime in (
            (main[2], "GeoJSON", geo[0], "geojson", "application/geo+json"),
            (main[3], "GeoPackage", geo[1], "gpkg", "application/geopackage+sqlite3"),
        ):
            col.download_button(label, data=data, file_name=f"{stem}.{suffix}", mime=mime, on_click="ignore", key=f"{key}-{suffix}")
    small = st.columns(2 if raw else 1)
    small[0].download_button(
        tr("download.dictionary"),
        data=lambda: people.dictionary_csv_bytes(exported()),
        file_name=f"{stem}_{i18n.t('download.dictionary_file', lang)}.csv",
        mime="text/csv",
        on_click="ignore",
        key=f"{key}-dictionary",
        help=tr("download.dictionary_help"),
        type="tertiary",
    )
    if raw:
        small[1].download_button(
            tr("download.raw"),
            data=raw,
            file_name=f"{stem}_for_scripts.csv",
            mime="text/csv",
            on_click="ignore",
            key=f"{key}-raw",
            help=tr("download.raw_help"),
            type="tertiary",
        )
