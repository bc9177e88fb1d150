"""Geodesic measures and local projections: computed facts are computed on the ellipsoid."""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS, Geod, Transformer

GEOD = Geod(ellps="WGS84")
CHINA_LAEA = CRS.from_proj4("+proj=laea +lat_0=35 +lon_0=105 +datum=WGS84 +units=m +no_defs")


def edge_lengths_m(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Geodesic length of each straight edge, metres."""
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


def area_km2(geom) -> float:
    """Geodesic area of a lon/lat polygon, km²."""
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def length_km(geom) -> float:
    """Geodesic length of a lon/lat line, km."""
    return GEOD.geometry_length(geom) / 1e3


def distance_km(lon1, lat1, lon2, lat2) -> float:
    return float(GEOD.inv(lon1, lat1, lon2, lat2)[2]) / 1e3


def to_crs(geoms, crs_to, crs_from="EPSG:4326"):
    """Reproject shapely geometries (array or scalar)."""
    tr = Transformer.from_crs(crs_from, crs_to, always_xy=True)
    return shapely.transform(geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def local_equal_area(lon: float, lat: float) -> CRS:
    """Lambert azimuthal equal-area centred on a place: areas and short distances are true there."""
    return CRS.from_proj4(f"+proj=laea +lat_0={lat:.4f} +lon_0={lon:.4f} +datum=WGS84 +units=m +no_defs")
