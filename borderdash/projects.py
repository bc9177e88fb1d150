"""Platforms (pilot zones, cooperation zones, new districts, ports) and corridors (roads, railways).

Locations come from the registers; where a register gives no sourced coordinate
the place sits at its host unit's representative point and says so
(`location_precision`). Corridor lines are schematic: straight lines through
ordered, cited control points, never a surveyed alignment.
"""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import layers, registers
from .geodesy import length_km
from .paths import BUILT
from .schema import LAYERS, province_short, province_zh

CORRIDOR_PARTS = {"road_route": "route", "road_segment": "segment", "railway": "line"}
"""Register kinds → the part of a corridor a row is; the layer's `kind` is road or rail."""


@lru_cache(maxsize=1)
def _unit_index() -> pd.DataFrame:
    return pd.read_csv(BUILT / "unit_index.csv", dtype={"adcode": str}, keep_default_na=False).set_index("adcode")


def unit_point(adcode: str) -> tuple[float, float] | None:
    """Representative WGS84 point of any Chinese county or prefecture by adcode, or None."""
    idx = _unit_index()
    if adcode not in idx.index:
        return None
    row = idx.loc[adcode]
    return float(row.lon), float(row.lat)


def platforms() -> gpd.GeoDataFrame:
    """Platforms as points or, where the honest extent is a host county or city, its polygon."""
    return _platforms().copy()


@lru_cache(maxsize=1)
def _platforms() -> gpd.GeoDataFrame:
    reg = registers.read("platforms")
    reg["province_zh"] = reg.province_zh.map(lambda p: province_zh(p) or p)
    reg["adcode"] = reg.host_adcodes.str.split(";").str[0].str.strip()
    polys = layers.counties().set_index("adcode").geometry
    geoms, lons, lats, precision = [], [], [], []
    for _, row in reg.iterrows():
        hosts = [a.strip() for a in str(row.host_adcodes).split(";") if a.strip()]
        if pd.notna(row.lon) and pd.notna(row.lat):
            lon, lat, prec = float(row.lon), float(row.lat), row.location_precision or "point"
        else:
            pt = unit_point(row.adcode) or (np.nan, np.nan)
            lon, lat = pt
            prec = row.location_precision if row.location_precision in ("county", "city", "prefecture") else "county"
        if row.extent == "host_polygon" and hosts and all(h in polys.index for h in hosts):
            geom = shapely.union_all(polys.loc[hosts].values)
        else:
            geom = shapely.Point(lon, lat)
        geoms.append(geom)
        lons.append(round(lon, 4))
        lats.append(round(lat, 4))
        precision.append(prec)
    reg["lon"], reg["lat"], reg["location_precision"] = lons, lats, precision
    return gpd.GeoDataFrame(reg[list(LAYERS["platforms"].columns)], geometry=geoms, crs=4326)


def corridors() -> gpd.GeoDataFrame:
    """Routes, segments and railways as schematic lines, with the counties they pass computed."""
    return _corridors().copy()


@lru_cache(maxsize=1)
def _corridors() -> gpd.GeoDataFrame:
    reg = registers.read("corridors")
    points = registers.read("corridor_points").sort_values(["corridor_id", "seq"])
    counties = layers.counties()
    polygons = counties.set_index("adcode").geometry
    lines = []
    for cid in reg.id:
        coords = []
        for xy in control_xy(points[points.corridor_id == cid], polygons):
            if xy and (not coords or coords[-1] != xy):
                coords.append(xy)
        lines.append(shapely.LineString(coords) if len(coords) >= 2 else None)
    gdf = gpd.GeoDataFrame(reg, geometry=lines, crs=4326)
    gdf["part"] = gdf.kind.map(CORRIDOR_PARTS)
    gdf["kind"] = gdf.kind.map(lambda k: "rail" if k == "railway" else "road")
    gdf["status"] = gdf.status_zh
    gdf["length_km"] = [round(length_km(g), 1) if g is not None else np.nan for g in gdf.geometry]
    passed = [counties_passed(g, counties) if g is not None else counties.iloc[0:0] for g in gdf.geometry]
    gdf["counties"] = [";".join(p.adcode) for p in passed]
    of = {cid: points[points.corridor_id == cid] for cid in gdf.id}
    gdf["control_counties"] = [";".join(point_counties(of[cid], "named", "derived")) for cid in gdf.id]
    gdf["derived_counties"] = [";".join(counties_only(of[cid], "derived", ("named",))) for cid in gdf.id]
    gdf["inferred_counties"] = [";".join(counties_only(of[cid], "inferred", ("named", "derived"))) for cid in gdf.id]
    gdf["provinces"] = [";".join(dict.fromkeys(p.province_zh)) for p in passed]
    gdf["neighbours_alongside"] = [";".join(dict.fromkeys(n for s in p.neighbours for n in s.split(";") if n)) for p in passed]
    return gdf[list(LAYERS["corridors"].columns) + ["geometry"]]


# A county in several parts takes the point of the part nearest the neighbouring control points, among parts of at least
# this share of the largest part's area (肃北县's 马鬃山 part, not its larger southern part, on G331).
PART_MIN_SHARE = 0.2


def control_xy(points: pd.DataFrame, polygons: gpd.GeoSeries) -> list[tuple[float, float] | None]:
    """Where each control point is drawn: its sourced lon/lat, else the point inside its unit (see PART_MIN_SHARE)."""
    sourced = [pd.notna(p.lon) and pd.notna(p.lat) for p in points.itertuples()]
    base = [(float(p.lon), float(p.lat)) if ok else unit_point(str(p.adcode)) for p, ok in zip(points.itertuples(), sourced, strict=True)]
    out = list(base)
    for i, p in enumerate(points.itertuples()):
        code = str(p.adcode)
        if sourced[i] or code not in polygons.index:
            continue
        parts = [g for g in shapely.get_parts(polygons[code])]
        largest = max(g.area for g in parts)
        parts = [g for g in parts if g.area >= PART_MIN_SHARE * largest]
        neighbours = [shapely.Point(xy) for xy in (base[i - 1] if i else None, base[i + 1] if i + 1 < len(base) else None) if xy]
        if len(parts) < 2 or not neighbours:
            continue
        best = min(parts, key=lambda g: sum(g.distance(n) for n in neighbours))
        if not best.contains(shapely.Point(base[i])):
            pt = best.point_on_surface()
            out[i] = (round(pt.x, 4), round(pt.y, 4))
    return out


def point_counties(points: pd.DataFrame, *basis: str) -> list[str]:
    """County adcodes (in point order, once each) of a corridor's control points of these bases; prefecture codes left out."""
    return list(dict.fromkeys(str(a) for a in points.loc[points.basis.isin(basis), "adcode"] if str(a)[-2:] != "00"))


def counties_only(points: pd.DataFrame, basis: str, stronger: tuple[str, ...]) -> list[str]:
    """Counties of a corridor's points of one basis that hold no point of a stronger basis."""
    held = set(point_counties(points, *stronger))
    return [a for a in point_counties(points, basis) if a not in held]


def county_basis(row) -> dict[str, str]:
    """Per county the line crosses: `named` (a cited control point), `derived` (cited facts together put it on the line),
    `inferred` (an unsourced shaping point) or `crossed`."""
    derived = {a for a in row.derived_counties.split(";") if a}
    named = {a for a in row.control_counties.split(";") if a}
    inferred = {a for a in row.inferred_counties.split(";") if a}
    return {
        a: ("derived" if a in derived else "named") if a in named else "inferred" if a in inferred else "crossed"
        for a in row.counties.split(";")
        if a
    }


def passed_table(corridor_id: str) -> pd.DataFrame:
    """The counties a corridor passes, in order, each with its basis: `named` and `derived` ones count as 沿线 for measures."""
    row = corridors().set_index("id").loc[corridor_id]
    names = layers.counties().set_index("adcode")
    basis = county_basis(row)
    ids = list(basis)
    return pd.DataFrame(
        {
            "order": range(1, len(ids) + 1),
            "adcode": ids,
            "name_zh": [names.name_zh.get(a, "") for a in ids],
            "province_zh": [names.province_zh.get(a, "") for a in ids],
            "is_border_county": [bool(names.is_border_county.get(a, False)) for a in ids],
            "basis": [basis[a] for a in ids],
            "cited_control_point": [basis[a] in ("named", "derived") for a in ids],
        }
    )


def drawn_km_by_province(line) -> dict[str, float]:
    """Geodesic length of a schematic line inside each province it crosses (short province names), in line order."""

    provs = layers.provinces()
    out = {}
    for name, geom in zip(provs.name_zh, provs.geometry, strict=True):
        part = line.intersection(geom)
        if not part.is_empty and part.length > 0:
            out[province_short(name)] = (line.project(shapely.get_point(shapely.get_parts(part)[0], 0)), round(length_km(part), 1))
    return {p: km for p, (_, km) in sorted(out.items(), key=lambda kv: kv[1][0])}


def drawn_points(corridor_id: str) -> pd.DataFrame:
    """A corridor's control points where the schematic line draws them (place, basis, lon, lat), in order."""
    points = registers.read("corridor_points").sort_values(["corridor_id", "seq"])
    pts = points[points.corridor_id == corridor_id]
    xy = control_xy(pts, layers.counties().set_index("adcode").geometry)
    return pd.DataFrame(
        {
            "place_zh": pts.place_zh.values,
            "basis": pts.basis.values,
            "lon": [p[0] if p else np.nan for p in xy],
            "lat": [p[1] if p else np.nan for p in xy],
        }
    )


def longest_jumps(corridor_id: str, n: int = 1) -> list[tuple[float, str, str]]:
    """The n longest straight segments of a corridor's schematic line: (geodesic km, from place, to place)."""
    pts = drawn_points(corridor_id).dropna(subset=["lon", "lat"])
    pts = pts[(pts.lon != pts.lon.shift()) | (pts.lat != pts.lat.shift())]
    rows = list(pts.itertuples())
    segs = [
        (round(length_km(shapely.LineString([(a.lon, a.lat), (b.lon, b.lat)])), 1), a.place_zh, b.place_zh)
        for a, b in zip(rows, rows[1:], strict=False)
    ]
    return sorted(segs, key=lambda s: -s[0])[:n]


def counties_passed(line, counties: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Counties a line crosses, in order along the line (by where it first enters each)."""
    hit = counties[counties.intersects(line)]
    if hit.empty:
        return hit
    first = [line.project(shapely.get_point(shapely.get_parts(shapely.intersection(line, g))[0], 0)) for g in hit.geometry]
    return hit.assign(_along=first).sort_values("_along").drop(columns="_along")


def places_in_county(adcode: str) -> dict[str, list[str]]:
    """Corridor and platform ids touching a county: the join planners ask for on a place profile."""
    links = links_by_county()
    if adcode not in links.index:
        return {"corridors": [], "platforms": []}
    row = links.loc[adcode]
    return {"corridors": [c for c in row.corridors.split(";") if c], "platforms": [p for p in row.platforms.split(";") if p]}


def as_points(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Platforms at their lon/lat (sourced point or host representative point), for markers."""
    return gdf.set_geometry(gpd.points_from_xy(gdf.lon, gdf.lat, crs=4326))


def links_by_county() -> pd.DataFrame:
    """Per county adcode: ids of corridors passing and platforms hosted (';'-joined)."""
    cor = corridors()[["id", "counties"]].assign(adcode=lambda d: d.counties.str.split(";")).explode("adcode")
    plat = platforms()[["id", "host_adcodes"]].assign(adcode=lambda d: d.host_adcodes.str.split(";")).explode("adcode")
    out = pd.DataFrame(index=pd.Index(sorted(set(cor.adcode.dropna()) | set(plat.adcode.dropna())), name="adcode"))
    out["corridors"] = cor.groupby("adcode").id.agg(";".join)
    out["platforms"] = plat.groupby("adcode").id.agg(";".join)
    return out.fillna("")
