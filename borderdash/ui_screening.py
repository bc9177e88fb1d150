"""Streamlit glue for the screening page: the inputs (map clicks and drawings, typed coordinates, an upload) to features,
the screening kept in the session, the live map with the draw tools, the downloads.

What a user brings stays in this session's state: nothing is cached across sessions or written to disk.
"""

from __future__ import annotations

import hashlib
import shlex

import geopandas as gpd
import shapely
import streamlit as st

from . import screen_export, screen_input, screening, upload, view, webmap
from .ui import language, live_state, precision_note, tr

RESULT = "screening_result"
READ = "screening_upload"
MODES = ("map", "text", "file")
DETAILS = ("counties", "corridors", "platforms", "regiments")
"""The detail tables a feature's panel shows beside its measures."""
FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "geojson", "json", "kml", "kmz", "zip", "gpkg"]


def features_from_map(value) -> gpd.GeoDataFrame | None:
    """What the user clicked or drew on the map (a click is a point, as if placed with the marker tool); None when nothing."""
    value = value or {}
    drawn = [d for d in (value.get("all_drawings") or []) if isinstance(d, dict) and d.get("geometry")]
    if not drawn:
        return None
    geoms = [shapely.geometry.shape(d["geometry"]) for d in drawn]
    names = [f"{g.x:.5f}, {g.y:.5f}" if g.geom_type == "Point" else tr("screening.drawn", n=i + 1) for i, g in enumerate(geoms)]
    return gpd.GeoDataFrame({"name": names}, geometry=geoms, crs=4326)


def read_features(mode: str, map_value, text: str, file, gcj02: bool) -> tuple[screen_input.Features | None, str | None]:
    """(features, error in the session's language) from the chosen input; (None, None) when there is nothing yet."""
    lang = language()
    try:
        if mode == "map":
            drawn = features_from_map(map_value)
            return (None, None) if drawn is None else (screen_input.read(drawn.to_json().encode(), "drawn.geojson", gcj02), None)
        if mode == "text":
            return (screen_input.points_from_text(text, gcj02), None) if text.strip() else (None, None)
        if file is None:
            from .ui_workspace import screening_input

            file = screening_input()  # the input of an opened workspace (a workspace.File), until another is uploaded
            if file is None:
                return None, None
            token, data = ("workspace", file.sha256, gcj02), file.data
        else:
            token, data = (file.file_id, gcj02), file.getvalue()
        kept = st.session_state.get(READ)
        if not kept or kept[0] != token:
            st.session_state[READ] = (token, screen_input.read(data, file.name, gcj02))
        return st.session_state[READ][1], None
    except upload.UploadError as exc:
        return None, exc.en if lang == "en" else exc.zh


def screened(features: screen_input.Features, buffer_km: float) -> screening.Screening:
    """The screening of these features, kept in the session until the features or the buffer change."""
    frame = features.frame
    parts = [*shapely.to_wkb(frame.geometry.values), *map(str.encode, frame.name.astype(str)), *map(str.encode, frame.located_by)]
    token = hashlib.sha256(b"|".join([*parts, f"{buffer_km}|{frame.gcj02.any()}".encode()])).hexdigest()
    kept = st.session_state.get(RESULT)
    if kept and kept["token"] == token:
        return kept["result"]
    result = screening.screen(frame, buffer_km=buffer_km, notes=features.notes)
    st.session_state[RESULT] = {"token": token, "result": result, "files": {}}
    return result


def map_state(result: screening.Screening | None, lang: str) -> dict:
    """The live map's state: the features over what they touch, or the overview before anything is screened."""
    if result is None:
        return live_state(view.Selection(), lang)
    kept = st.session_state.get(RESULT) or {}
    key = ("state", lang)
    if key not in kept.get("files", {}):
        located = result.counties.adcode.unique().tolist()
        state = webmap.state(view.of_features(result.features, located, pad_km=result.buffer_km), lang)
        kept.setdefault("files", {})[key] = state
    return kept["files"][key]


def live_map(result: screening.Screening | None, key: str, height: int = 560) -> dict:
    """The page's live map with Leaflet.draw; returns what the user clicked and drew."""
    from streamlit_folium import st_folium

    lang = language()
    out = st_folium(
        webmap.live_map(lang, draw=True),
        feature_group_to_add=webmap.view_group(map_state(result, lang)),
        height=height,
        use_container_width=True,
        returned_objects=["all_drawings"],
        key=key,
    )
    precision_note()
    return out


def file_bytes(result: screening.Screening, fmt: str) -> bytes:
    """A download's bytes, made once per screening, format and language."""
    from . import screen_report

    lang = language()
    kept = st.session_state.get(RESULT) or {}
    files = kept.setdefault("files", {})
    if (fmt, lang) not in files:
        if fmt == "pdf":
            files[(fmt, lang)] = screen_report.render(result, lang)
        elif fmt == "csv":
            files[(fmt, lang)] = screen_export.csv_bytes(result, lang)
        else:
            files[(fmt, lang)] = screen_export.xlsx_bytes(result, lang)
    return files[(fmt, lang)]


def downloads(result: screening.Screening) -> None:
    """PDF report, CSV and .xlsx, each made when its button is clicked."""
    cols = st.columns(3)
    for col, fmt, label in zip(
        cols, ("pdf", "csv", "xlsx"), ("screening.download_pdf", "screening.download_csv", "screening.download_xlsx"), strict=True
    ):
        col.download_button(
            tr(label),
            data=lambda fmt=fmt: file_bytes(result, fmt),
            file_name=f"borderdash_screening.{fmt}",
            mime=screen_export.MIME[fmt],
            on_click="ignore",
            key=f"screening-{fmt}",
        )


def cli_command(result: screening.Screening, filename: str | None) -> str:
    """The same screening as a `borderdash screen` command (points spelled out when there are a few, else the file)."""
    args = ["borderdash", "screen"]
    frame = result.features
    if filename is None and (frame.geom_type == "Point").all() and len(frame) <= 3:
        for g in frame.geometry:
            args += ["--point", f"{g.x:.5f},{g.y:.5f}"]
    else:
        args += ["--file", shlex.quote(filename or "features.geojson")]
    if frame.gcj02.any():
        args.append("--gcj02")
    args += ["--buffer", f"{result.buffer_km:g}", "--lang", language(), "-o", "report.pdf"]
    return " ".join(args)
