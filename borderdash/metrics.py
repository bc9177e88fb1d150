"""Facts computed per county from full-detail WGS84 geometry and the border edges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from .borderline import segments
from .geodesy import CHINA_LAEA, area_km2, distance_km, local_equal_area, to_crs

BANDS_KM = (3, 20)


def border_lengths(border_edges: pd.DataFrame) -> pd.DataFrame:
    """Per county: total border km, neighbours ordered by shared length, per-neighbour km, disputed units."""
    per = border_edges.groupby(["adcode", "iso3"]).length_km.sum().reset_index()
    rows = []
    for adcode, group in per.groupby("adcode"):
        group = group.sort_values(["length_km", "iso3"], ascending=[False, True])
        disputed = sorted(set(border_edges.loc[border_edges.adcode == adcode, "unit"]) - set(group.iso3))
        rows.append(
            {
                "adcode": adcode,
                "neighbours": ";".join(group.iso3),
                "border_km_by_neighbour": ";".join(f"{i}:{v:.1f}" for i, v in zip(group.iso3, group.length_km, strict=False)),
                "border_length_km": round(float(group.length_km.sum()), 1),
                "disputed_units": ";".join(disputed),
            }
        )
    return pd.DataFrame(rows)


def county_facts(counties, border_edges: pd.DataFrame, line) -> pd.DataFrame:
    """All computed columns, one row per county adcode."""
    facts = pd.DataFrame({"adcode": counties.adcode.to_numpy()})
    facts = facts.merge(border_lengths(border_edges), on="adcode", how="left")
    facts["border_length_km"] = facts.border_length_km.fillna(0.0)
    for col in ("neighbours", "border_km_by_neighbour", "disputed_units"):
        facts[col] = facts[col].fillna("")
    facts["touches_border"] = facts.border_length_km > 0

    geoms = counties.geometry.values
    reps = shapely.point_on_surface(geoms)
    facts["lon"] = np.round(shapely.get_x(reps), 4)
    facts["lat"] = np.round(shapely.get_y(reps), 4)
    facts["area_km2"] = [round(area_km2(g), 1) for g in geoms]

    border = shapely.union_all(line.geometry.values)
    segs, _ = segments(to_crs(line.geometry.values, CHINA_LAEA))
    tree = shapely.STRtree(segs)
    reps_laea = to_crs(reps, CHINA_LAEA)
    rep_idx, seg_idx = tree.query_nearest(reps_laea, all_matches=False)
    nearest = shapely.get_point(shapely.shortest_line(reps_laea[rep_idx], segs[seg_idx]), 1)
    nearest = to_crs(nearest, "EPSG:4326", CHINA_LAEA)
    dist = np.zeros(len(reps))
    dist[rep_idx] = [distance_km(r.x, r.y, n.x, n.y) for r, n in zip(reps[rep_idx], nearest, strict=False)]
    facts["dist_to_border_km"] = np.round(dist, 1)

    polys_laea = to_crs(geoms, CHINA_LAEA)
    near = np.zeros(len(geoms), dtype=bool)
    near[np.unique(tree.query(polys_laea, predicate="dwithin", distance=max(BANDS_KM) * 1000 * 1.1)[0])] = True
    for km in BANDS_KM:
        facts[f"share_within_{km}km"] = 0.0
    for i in np.flatnonzero(near):
        shares = band_shares(geoms[i], border, facts.lon[i], facts.lat[i])
        for km, share in shares.items():
            facts.loc[i, f"share_within_{km}km"] = share
    return facts


def band_shares(poly, border, lon: float, lat: float) -> dict[int, float]:
    """Share of a polygon's area within each band of the border, in a local equal-area projection."""
    crs = local_equal_area(lon, lat)
    minx, miny, maxx, maxy = poly.bounds
    window = shapely.box(minx - 0.5, miny - 0.5, maxx + 0.5, maxy + 0.5)
    lines = to_crs(shapely.intersection(border, window), crs)
    poly_p = to_crs(poly, crs)
    total = poly_p.area
    out = {}
    for km in BANDS_KM:
        if lines.is_empty:
            out[km] = 0.0
            continue
        band = shapely.buffer(shapely.simplify(lines, 20), km * 1000)
        out[km] = round(float(shapely.intersection(poly_p, band).area / total), 4)
    return out
