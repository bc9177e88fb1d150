"""Load the layers: built geometry and computed facts joined with the curated registers.

Registers are joined at load time, so editing a register needs no rebuild.
"""

from __future__ import annotations

from functools import cache, lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import registers
from .paths import BUILT
from .schema import BOUNDARY_SOURCE, LAYERS, NEIGHBOUR_SHORT_EN, NEIGHBOUR_SOURCE, PROVINCES_EN, PROVINCIAL_UNITS_EN


def counties(detail: bool = False) -> gpd.GeoDataFrame:
    """Every county-level unit of the nine border provinces (and Hainan's 6 autonomous counties), with flags."""
    return _counties(detail).copy()


@lru_cache(maxsize=2)
def _counties(detail: bool) -> gpd.GeoDataFrame:
    attrs = pd.read_csv(BUILT / "counties.csv", dtype={"adcode": str, "prefecture_adcode": str}, keep_default_na=False)
    for col in ("border_length_km", "area_km2", "lon", "lat", "dist_to_border_km", "share_within_3km", "share_within_20km"):
        attrs[col] = pd.to_numeric(attrs[col])
    attrs["touches_border"] = attrs.touches_border.astype(str).eq("True")
    geom = gpd.read_file(BUILT / ("counties.detail.geojson" if detail else "counties.overview.geojson"))
    gdf = gpd.GeoDataFrame(attrs.merge(geom[["adcode", "geometry"]], on="adcode", how="left"), crs=4326)
    gdf["province_en"] = gdf.province_zh.map(PROVINCES_EN)

    reg = registers.read("border_counties")
    members = reg[reg.member == "yes"].set_index("adcode")
    gdf["is_border_county"] = gdf.adcode.isin(members.index)
    gdf["border_register_confidence"] = gdf.adcode.map(members.confidence).fillna("")
    gdf["is_border_city"] = gdf.is_border_county & gdf.name_zh.str.endswith("市")
    hainan = registers.read("hainan_counties")
    gdf["is_hainan_reference"] = gdf.adcode.isin(hainan.adcode)
    gdf["is_im_unit"] = gdf.adcode.isin(registers.read("im_units").adcode)
    gdf["name_en"] = gdf.adcode.map(registers.read("county_names").set_index("adcode").name_en).fillna(gdf.name_en)
    reg_source = members.source.reindex(gdf.adcode).fillna("").to_numpy()
    gdf["source"] = [BOUNDARY_SOURCE + (f"; list: {s}" if s else "") for s in reg_source]
    return gdf[list(LAYERS["counties"].columns) + ["geometry"]]


def county_points() -> gpd.GeoDataFrame:
    """Representative points of the counties (inside each polygon), keyed by adcode; read from the table, no polygons needed."""
    c = pd.read_csv(BUILT / "counties.csv", usecols=["adcode", "name_zh", "province_zh", "lon", "lat"], dtype={"adcode": str})
    return gpd.GeoDataFrame(c[["adcode", "name_zh", "province_zh"]], geometry=gpd.points_from_xy(c.lon, c.lat), crs=4326)


def regiments() -> gpd.GeoDataFrame:
    """XPCC border regiments; placed at a sourced point, else at the host county's representative point."""
    reg = registers.read("regiments")
    pts = county_points().set_index("adcode")
    sourced = reg.lon.notna() & reg.lat.notna()
    lon = np.where(sourced, reg.lon, reg.host_adcode.map(pts.geometry.x))
    lat = np.where(sourced, reg.lat, reg.host_adcode.map(pts.geometry.y))
    reg["lon"], reg["lat"] = lon, lat
    reg.loc[~sourced, "location_precision"] = "county"
    reg["province_zh"] = "新疆"
    reg["division_en"] = reg.division_zh.map(registers.read("xpcc_border_divisions").set_index("division_zh").division_en)
    return gpd.GeoDataFrame(reg[list(LAYERS["regiments"].columns)], geometry=gpd.points_from_xy(lon, lat), crs=4326)


def im_units() -> gpd.GeoDataFrame:
    """The 20 Inner Mongolia border units of Art. 2 of the 2023 Regulations, on their county polygons (names from the counties)."""
    reg = registers.read("im_units")
    c = counties().set_index("adcode")
    gdf = gpd.GeoDataFrame(reg, geometry=reg.adcode.map(c.geometry).values, crs=4326)
    for col in ("name_en", "province_zh", "neighbours", "border_length_km", "area_km2", "lon", "lat"):
        gdf[col] = reg.adcode.map(c[col]).values
    return gdf[list(LAYERS["im-units"].columns) + ["geometry"]]


def prefectures() -> gpd.GeoDataFrame:
    """Border prefectures (the plan's linked zones), dissolved from their counties."""
    return _prefectures().copy()


@cache
def _prefectures() -> gpd.GeoDataFrame:
    reg = registers.read("border_prefectures")
    c = counties()
    dissolved = c.dissolve("prefecture_adcode").geometry
    gdf = gpd.GeoDataFrame(reg, geometry=reg.adcode.map(dissolved).values, crs=4326)
    counts = c[c.is_border_county].groupby("prefecture_adcode").size()
    gdf["border_county_count"] = reg.adcode.map(counts).fillna(0).astype(int).values
    return gdf[list(LAYERS["prefectures"].columns) + ["geometry"]]


def prefecture_name(adcode: str, name_zh: str, lang: str) -> str:
    """A prefecture's name in a language: the register's English name for border prefectures, else the Chinese one."""
    if lang != "en":
        return name_zh
    return _prefecture_names().get(str(adcode)) or name_zh


@cache
def _prefecture_names() -> dict[str, str]:
    reg = registers.read("border_prefectures")
    return dict(zip(reg.adcode.astype(str), reg.name_en.fillna(""), strict=True))


def province_name(name_zh: str, lang: str) -> str:
    """A province's name in a language, from its short (广西) or full (江西省) Chinese name."""
    if lang != "en":
        return name_zh
    return _province_names_en().get(name_zh) or name_zh


@cache
def _province_names_en() -> dict[str, str]:
    full = provinces()
    return dict(zip(full.name_zh, full.name_en, strict=True)) | PROVINCES_EN


def border_line() -> gpd.GeoDataFrame:
    """China's land border in segments by county and neighbour (disputed units kept apart and labelled),
    so a province, county or neighbour filter keeps exactly its own part of the line."""
    gdf = _read_built("border_line.geojson")
    gdf["adcode"] = gdf.adcode.astype(str)
    for col in ("neighbour_en", "data_unit_en"):
        gdf[col] = gdf[col].replace(NEIGHBOUR_SHORT_EN)
    gdf["source"] = BOUNDARY_SOURCE + "; neighbours: " + NEIGHBOUR_SOURCE + "; attribution by borderdash"
    return gdf


def neighbours() -> gpd.GeoDataFrame:
    gdf = _read_built("neighbours.geojson")
    gdf["name_en"] = gdf.name_en.replace(NEIGHBOUR_SHORT_EN)
    gdf["source"] = NEIGHBOUR_SOURCE
    return gdf


def other_land() -> gpd.GeoDataFrame:
    """Countries that are not China's neighbours, near enough to be on a map: land, not sea."""
    gdf = _read_built("other_land.geojson")
    gdf["source"] = NEIGHBOUR_SOURCE
    return gdf


def provinces() -> gpd.GeoDataFrame:
    gdf = _read_built("provinces.geojson")
    gdf["name_en"] = gdf.adcode.map(PROVINCIAL_UNITS_EN).fillna(gdf.name_en)
    gdf["source"] = BOUNDARY_SOURCE
    return gdf


def china() -> gpd.GeoDataFrame:
    """China's outline, the union of the province coverage."""
    gdf = _read_built("china.geojson")
    gdf["source"] = BOUNDARY_SOURCE
    return gdf


def maritime() -> gpd.GeoDataFrame:
    """China's maritime boundary line (dashed line of the South China Sea), as the AMap divisions publish it."""
    gdf = _read_built("maritime.geojson")
    gdf["source"] = BOUNDARY_SOURCE
    return gdf


@cache
def _read_built_cached(filename: str) -> gpd.GeoDataFrame:
    return gpd.read_file(BUILT / filename)


def _read_built(filename: str) -> gpd.GeoDataFrame:
    return _read_built_cached(filename).copy()


def valid_geometries(gdf: gpd.GeoDataFrame) -> bool:
    return bool(np.all(shapely.is_valid(gdf.geometry.values)))
