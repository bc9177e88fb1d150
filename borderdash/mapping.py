"""Folium maps that work offline: Leaflet from local static files, no tiles unless asked for.

folium points its Leaflet, jQuery and Bootstrap at CDNs; with no internet the map
stays blank. Maps here carry only Leaflet, served by Streamlit's static serving
(or inlined for standalone HTML), and use no element that pulls other assets.
"""

from __future__ import annotations

import shutil
from importlib.util import find_spec
from pathlib import Path

import folium
import geopandas as gpd

from . import safe, style
from .paths import ROOT

STATIC_DIR = ROOT / "static"
LEAFLET_DIR = STATIC_DIR / "vendor" / "leaflet"
STATIC_URL = "/app/static/vendor/leaflet"
CHINA_VIEW = {"location": (36.0, 103.0), "zoom_start": 4}

# Colours live in style.py (shared with the print renderer); these names stay for callers.
NEIGHBOUR_COLOURS = style.NEIGHBOUR_COLOURS
BORDER_COUNTY_FILL = style.BORDER_COUNTY_FILL
OTHER_COUNTY_FILL = style.OTHER_COUNTY_FILL
CORRIDOR_COLOURS = style.CORRIDOR_COLOURS
SEA_COLOUR = style.SEA

ONLINE_BASEMAPS = {
    "none": None,
    "OpenStreetMap (online)": "OpenStreetMap",
}


def leaflet_source() -> Path:
    """Leaflet 1.9 assets shipped inside the django-leaflet wheel (installed from PyPI)."""
    spec = find_spec("leaflet")  # locate without importing: the package's __init__ needs Django settings
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Leaflet assets missing: install borderdash's dependencies (django-leaflet)")
    return Path(list(spec.submodule_search_locations)[0]) / "static" / "leaflet"


def ensure_static_assets() -> Path:
    """Copy Leaflet JS/CSS/images into ./static so Streamlit serves them; idempotent."""
    src = leaflet_source()
    LEAFLET_DIR.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        target = LEAFLET_DIR / name
        if not target.exists() or target.stat().st_size != (src / name).stat().st_size:
            shutil.copyfile(src / name, target)
    images = LEAFLET_DIR / "images"
    if not images.exists():
        shutil.copytree(src / "images", images)
    return LEAFLET_DIR


def base_map(basemap: str = "none", **view) -> folium.Map:
    """An empty map with local Leaflet only; an online basemap only when asked for by name."""
    m = folium.Map(tiles=None, control_scale=True, prefer_canvas=True, **(view or CHINA_VIEW))
    m.default_js = [("leaflet", f"{STATIC_URL}/leaflet.js")]
    m.default_css = [("leaflet_css", f"{STATIC_URL}/leaflet.css")]
    tiles = ONLINE_BASEMAPS.get(basemap)
    if tiles:
        folium.TileLayer(tiles, name=basemap).add_to(m)
    # The doubled class outranks leaflet.css, which folium links (or inlines) after this style.
    # The scale bar in kilometres only (Leaflet adds miles as a second line).
    m.get_root().header.add_child(
        folium.Element(
            f"<style>.leaflet-container.leaflet-container{{background:{SEA_COLOUR}}}"
            ".leaflet-control-scale-line+.leaflet-control-scale-line{display:none}</style>"
        )
    )
    return m


MIN_SPAN_DEG = 0.3
MAX_FIT_ZOOM = 10


def fit(m: folium.Map, bounds) -> None:
    """Fit the map to (minx, miny, maxx, maxy), widened to a minimum span: a single point has no extent to fit."""
    minx, miny, maxx, maxy = (float(v) for v in bounds)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    half_x, half_y = max(maxx - minx, MIN_SPAN_DEG) / 2, max(maxy - miny, MIN_SPAN_DEG) / 2
    m.fit_bounds([[cy - half_y, cx - half_x], [cy + half_y, cx + half_x]], max_zoom=MAX_FIT_ZOOM)


def escaped(gdf: gpd.GeoDataFrame, columns: list[str]) -> gpd.GeoDataFrame:
    """Only the given columns, text escaped for the tooltip's HTML (see safe.html); numbers and flags kept."""
    out = gdf[columns + ["geometry"]].copy()
    for col in columns:
        if out[col].dtype == object or str(out[col].dtype).startswith("str"):
            out[col] = out[col].map(lambda v: v if isinstance(v, bool) else safe.html(v))
    return out


def add_context(m: folium.Map, neighbours: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame) -> None:
    """Neighbouring countries and provinces: the part of a map that never changes with a filter."""
    folium.GeoJson(
        escaped(neighbours, ["name_zh", "name_en"]),
        name="邻国 Neighbours",
        style_function=lambda f: {"fillColor": style.NEIGHBOUR_FILL, "color": style.NEIGHBOUR_EDGE, "weight": 0.5, "fillOpacity": 1},
        tooltip=folium.GeoJsonTooltip(["name_zh", "name_en"], labels=False),
    ).add_to(m)
    folium.GeoJson(
        escaped(provinces, ["name_zh"]),
        name="省界 Provinces",
        style_function=lambda f: {"fillColor": style.CHINA_LAND, "fillOpacity": 1, "color": style.PROVINCE_EDGE, "weight": 0.8},
        interactive=False,
    ).add_to(m)


def add_border(parent, border_line: gpd.GeoDataFrame) -> None:
    """The land border coloured by neighbour; segments of disputed units dashed."""
    folium.GeoJson(
        escaped(border_line, ["neighbour_zh", "neighbour_en", "data_unit_en", "length_km", "iso3"]),
        name="陆地边境线 Land border",
        style_function=lambda f: {
            "color": style.neighbour_colour(f["properties"]["iso3"]),
            "weight": style.BORDER_WIDTH,
            "dashArray": "6 4" if f["properties"]["data_unit_en"] != f["properties"]["neighbour_en"] else None,
        },
        tooltip=folium.GeoJsonTooltip(["neighbour_zh", "neighbour_en", "length_km"], aliases=["邻国", "Neighbour", "km"]),
    ).add_to(parent)


def add_counties(parent, counties: gpd.GeoDataFrame, name: str = "县 Counties") -> None:
    cols = ["adcode", "name_zh", "name_en", "province_zh", "neighbours", "border_length_km", "is_border_county"]
    folium.GeoJson(
        escaped(counties, cols),
        name=name,
        style_function=lambda f: {
            "fillColor": BORDER_COUNTY_FILL if f["properties"]["is_border_county"] else OTHER_COUNTY_FILL,
            "color": style.COUNTY_EDGE,
            "weight": 0.4,
            "fillOpacity": 0.55,
        },
        highlight_function=lambda f: {"weight": 2, "color": "#000"},
        tooltip=folium.GeoJsonTooltip(
            ["name_zh", "name_en", "province_zh", "neighbours", "border_length_km"],
            aliases=["县", "County", "省", "邻国 Neighbours", "边境线 km"],
        ),
    ).add_to(parent)


def add_areas(parent, gdf: gpd.GeoDataFrame, label_cols: list[str], colour: str, name: str) -> None:
    """Polygons in one colour with a tooltip of the given columns."""
    folium.GeoJson(
        escaped(gdf, label_cols),
        name=name,
        style_function=lambda f: {"fillColor": colour, "color": style.COUNTY_EDGE, "weight": 0.4, "fillOpacity": 0.55},
        tooltip=folium.GeoJsonTooltip(label_cols, labels=False),
    ).add_to(parent)


UNCERTAIN_MEMBER_DASH = "3 3"
UNCERTAIN_MEMBER_NOTE = "是否属58个边境团场存疑 membership of the 58 uncertain"
UNCERTAIN_MEMBER_LEGEND = "兵团团场（虚线圈：是否属58个边境团场存疑）XPCC regiment (dashed ring: membership of the 58 uncertain)"


def add_points(parent, gdf: gpd.GeoDataFrame, label_cols: list[str], colour: str, name: str) -> None:
    """Points as circle markers; county-precision points drawn hollow so they are not taken as exact,
    and places whose membership of their list is low-confidence drawn with a dashed ring."""
    group = folium.FeatureGroup(name=name)
    for _, row in gdf.iterrows():
        exact = style.is_exact(row.get("location_precision"))
        uncertain = row.get("membership_confidence") == "low"
        text = " · ".join(safe.html(row[c]) for c in label_cols if c in row and safe.html(row[c]))
        precision = safe.html(row.get("location_precision", ""))
        folium.CircleMarker(
            (row.geometry.y, row.geometry.x),
            radius=5 if exact else 6,
            color=colour,
            weight=2,
            fill=exact,
            fill_opacity=0.9 if exact else 0,
            dash_array=UNCERTAIN_MEMBER_DASH if uncertain else None,
            tooltip=f"{text} [位置精度 precision: {precision}]" + (f" [{UNCERTAIN_MEMBER_NOTE}]" if uncertain else ""),
        ).add_to(group)
    group.add_to(parent)


def standalone_html(m: folium.Map, title: str = "borderdash") -> str:
    """The map as one self-contained HTML file (Leaflet inlined): opens offline, prints from a browser."""
    src = leaflet_source()
    page = m.get_root().render()
    js = (src / "leaflet.js").read_text(encoding="utf-8")
    css = (src / "leaflet.css").read_text(encoding="utf-8")
    page = page.replace(f'<script src="{STATIC_URL}/leaflet.js"></script>', f"<script>{js}</script>")
    page = page.replace(f'<link rel="stylesheet" href="{STATIC_URL}/leaflet.css"/>', f"<style>{css}</style>")
    return page.replace("<head>", f"<head><title>{safe.html(title)}</title>", 1)


def add_corridors(parent, corridors: gpd.GeoDataFrame) -> None:
    """Corridors drawn dashed: the lines are schematic, through cited control points only."""
    cols = ["id", "name_zh", "name_en", "kind", "part", "status_zh", "status_en", "length_km", "geometry_precision"]
    folium.GeoJson(
        escaped(corridors[corridors.geometry.notna()], cols),
        name="通道（示意）Corridors (schematic)",
        style_function=lambda f: {
            "color": style.corridor_colour(f["properties"]["kind"], f["properties"]["part"]),
            "weight": style.CORRIDOR_WIDTHS.get(f["properties"]["part"], 2.5),
            "dashArray": " ".join(map(str, style.CORRIDOR_DASHES.get(f["properties"]["kind"], (8, 6)))),
            "opacity": 0.9,
        },
        tooltip=folium.GeoJsonTooltip(
            ["name_zh", "name_en", "status_zh", "status_en", "length_km", "geometry_precision"],
            aliases=["名称", "Name", "状态", "Status", "示意长度 km", "几何 Geometry"],
        ),
    ).add_to(parent)


NO_DATA_STYLE = {"fillColor": "#ffffff", "fillOpacity": 0.85, "color": "#6b6b6b", "weight": 0.8, "dashArray": "3 3"}


def legend_html(title: str, rows: list[tuple[str, str, int]], note: str = "") -> str:
    """A classed legend as a small HTML block: swatch, range, count; no data as a dashed white box."""
    items = "".join(
        f'<li><span style="display:inline-block;width:18px;height:12px;margin-right:6px;vertical-align:middle;'
        f'background:{colour};border:1px {"dashed #6b6b6b" if colour == NO_DATA_STYLE["fillColor"] else "solid #4d4d4d"}"></span>'
        f'{safe.html(label)} <span style="color:#666">({count})</span></li>'
        for colour, label, count in rows
    )
    extra = f'<div style="color:#666;font-size:0.8em">{safe.html(note)}</div>' if note else ""
    return (
        f'<div class="bd-choropleth-legend" style="font-size:0.9em"><b>{safe.html(title)}</b>'
        f'<ul style="list-style:none;padding:0;margin:4px 0">{items}</ul>{extra}</div>'
    )
