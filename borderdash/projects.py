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
from .schema import LAYERS, province_zh

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
    lines = []
    for cid in reg.id:
        pts = points[points.corridor_id == cid]
        coords = []
        for _, p in pts.iterrows():
            xy = (float(p.lon), float(p.lat)) if pd.notna(p.lon) and pd.notna(p.lat) else unit_point(str(p.adcode))
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
    gdf["control_counties"] = [
        ";".join(dict.fromkeys(str(a) for a in points.loc[points.corridor_id == cid, "adcode"] if str(a)[-2:] != "00")) for cid in gdf.id
    ]
    gdf["provinces"] = [";".join(dict.fromkeys(p.province_zh)) for p in passed]
    gdf["neighbours_alongside"] = [";".join(dict.fromkeys(n for s in p.neighbours for n in s.split(";") if n)) for p in passed]
    return gdf[list(LAYERS["corridors"].columns) + ["geometry"]]


def passed_table(corridor_id: str) -> pd.DataFrame:
    """The counties a corridor passes, in order, each flagged when it holds a cited control point."""
    row = corridors().set_index("id").loc[corridor_id]
    names = layers.counties().set_index("adcode")
    control = set(row.control_counties.split(";"))
    ids = [a for a in row.counties.split(";") if a]
    return pd.DataFrame(
        {
            "order": range(1, len(ids) + 1),
            "adcode": ids,
            "name_zh": [names.name_zh.get(a, "") for a in ids],
            "province_zh": [names.province_zh.get(a, "") for a in ids],
            "is_border_county": [bool(names.is_border_county.get(a, False)) for a in ids],
            "cited_control_point": [a in control for a in ids],
        }
    )


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
