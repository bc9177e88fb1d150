"""China's land border line, split by neighbouring country, from a county coverage.

The border is made of county edges that no other county of the border provinces
shares (the outline) and that lie within a tolerance of a neighbour polygon.
Attribution happens in the raw GCJ-02 coordinates, where the neighbour polygons
were clipped to the Chinese line, and edge by edge so each piece of border goes
to its nearest neighbour only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .geodesy import CHINA_LAEA, edge_lengths_m, to_crs

ATTRIBUTION_TOLERANCE_M = 2000.0
"""Outline edges within this distance (China-centred LAEA metres) of a neighbour polygon are border."""


def edges_of(geoms) -> pd.DataFrame:
    """Every boundary edge of every polygon: owner index and end points (x1, y1, x2, y2)."""
    lines, owner = shapely.get_parts(shapely.boundary(np.asarray(geoms)), return_index=True)
    lines, line_owner = shapely.get_parts(lines, return_index=True)
    owner = owner[line_owner]
    coords, idx = shapely.get_coordinates(lines, return_index=True)
    same = idx[1:] == idx[:-1]
    a, b = coords[:-1][same], coords[1:][same]
    return pd.DataFrame({"owner": owner[idx[:-1][same]], "x1": a[:, 0], "y1": a[:, 1], "x2": b[:, 0], "y2": b[:, 1]})


def _edge_keys(edges: pd.DataFrame) -> np.ndarray:
    """Direction-free integer key of each edge (coordinates at 1e-7°)."""
    q = np.round(edges[["x1", "y1", "x2", "y2"]].to_numpy() * 1e7).astype(np.int64)
    p1, p2 = q[:, :2], q[:, 2:]
    swap = (p1[:, 0] > p2[:, 0]) | ((p1[:, 0] == p2[:, 0]) & (p1[:, 1] > p2[:, 1]))
    lo = np.where(swap[:, None], p2, p1)
    hi = np.where(swap[:, None], p1, p2)
    return np.ascontiguousarray(np.hstack([lo, hi])).view([("k", np.int64, 4)]).ravel()


def outer_edges(edges: pd.DataFrame) -> pd.DataFrame:
    """Edges used by exactly one polygon: the outline of the coverage (degenerate edges dropped)."""
    edges = edges[(edges.x1 != edges.x2) | (edges.y1 != edges.y2)]
    keys = _edge_keys(edges)
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    return edges[counts[inverse] == 1].reset_index(drop=True)


def segments(geoms) -> tuple[np.ndarray, np.ndarray]:
    """Two-point segments of the lines/boundaries of geoms, and the index of the geometry each came from."""
    geoms = np.asarray(geoms)
    lines = np.where(shapely.get_dimensions(geoms) == 2, shapely.boundary(geoms), geoms)
    coords, idx = shapely.get_coordinates(shapely.get_parts(lines, return_index=True)[0], return_index=True)
    _, owner = shapely.get_parts(lines, return_index=True)
    same = idx[1:] == idx[:-1]
    segs = shapely.linestrings(np.stack([coords[:-1][same], coords[1:][same]], axis=1))
    return segs, owner[idx[:-1][same]]


def attribute(edges: pd.DataFrame, neighbours: dict, tolerance_m: float = ATTRIBUTION_TOLERANCE_M) -> pd.Series:
    """Code of the neighbour polygon whose boundary is nearest (within tolerance) to each edge's midpoint
    or, failing that, that contains it (where the data overlap); '' for neither."""
    codes = np.array(list(neighbours), dtype=object)
    polys = to_crs(np.array([shapely.clip_by_rect(neighbours[c], 60, 10, 150, 60) for c in codes]), CHINA_LAEA)
    segs, owner = segments(polys)
    mid = to_crs(shapely.points((edges.x1 + edges.x2) / 2, (edges.y1 + edges.y2) / 2), CHINA_LAEA)
    (pt_idx, seg_idx) = shapely.STRtree(segs).query_nearest(mid, max_distance=tolerance_m, all_matches=False)
    out = np.full(len(edges), "", dtype=object)
    out[pt_idx] = codes[owner[seg_idx]]
    inside_pt, inside_poly = shapely.STRtree(polys).query(mid, predicate="within")
    unassigned = out[inside_pt] == ""
    out[inside_pt[unassigned]] = codes[inside_poly[unassigned]]
    return pd.Series(out, index=edges.index, name="unit")


def with_lengths(edges: pd.DataFrame) -> pd.DataFrame:
    """Add the geodesic length of each edge (km); coordinates must be lon/lat WGS84."""
    return edges.assign(length_km=edge_lengths_m(edges.x1.values, edges.y1.values, edges.x2.values, edges.y2.values) / 1e3)


def merge_lines(edges: pd.DataFrame):
    """A (Multi)LineString from a set of edges, merged where they join."""
    segs = shapely.linestrings(np.stack([edges[["x1", "y1"]].to_numpy(), edges[["x2", "y2"]].to_numpy()], axis=1))
    return shapely.line_merge(shapely.union_all(segs))
