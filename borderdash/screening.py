"""Screen a planner's features (points, lines, areas) against places, distances, corridors and measures.

Features in (a GeoDataFrame in WGS84), tables out: one result row per feature, and detail tables of the
counties crossed, the measures that apply, the corridors within the buffer, the platforms and the regiments.
County containment is tested on the bundled county coverage (display detail, simplified 0.004°); every
distance is geodesic on the WGS84 ellipsoid between nearest points found in China's equal-area projection;
length and area shares are geodesic lengths of the cut pieces and areas in an equal-area projection centred on
the feature. A feature in the sea or abroad gets that said, never a nearest county.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from . import i18n, layers, projects
from .datum import gcj02_to_wgs84
from .geodesy import CHINA_LAEA, GEOD, local_equal_area, to_crs
from .metrics import BANDS_KM
from .policy import join, kb, scope

DEFAULT_BUFFER_KM = 20.0
MAX_BUFFER_KM = 200.0
BOUNDARY_TOLERANCE_M = 500.0
"""A point this close to a county boundary is reported as on it: the coverage is simplified at 0.004° (up to ~400 m) and
the datum conversion leaves differences of tens to hundreds of metres (docs/DATA.md)."""
AT_PORT_KM = 1.0
"""A feature this close to a port's sourced coordinate is at the port: the port's measures follow from the feature."""
PROVINCE_OUTLINE_TOLERANCE_KM = 5
"""Provinces outside the county coverage come from the national province layer, simplified at 0.05°."""
CANDIDATE_SLACK = 1.03
"""Nearest targets are shortlisted in China's equal-area projection within this factor of the nearest, then measured
geodesically: the projection's scale varies by a few per cent across China, never more."""

STATUSES = ("county", "boundary", "province", "abroad", "sea")
BASES = ("feature", "county", "unknown", "place", "not_here")
"""How a measure reaches a feature, best first: the feature itself (its band, a port it is at); the county-level unit it
lies in; depends on where in the county it lies (features located only by county); a place in the county (a zone whose
boundary is not mapped, a port elsewhere, a regiment); the county's 0–3 km land, which the feature is not in."""
METHODS = ("border", "port_point", "port_border", "port_county", "corridor", "regiment_point", "platform_point")

RESULT_COLUMNS = [
    "feature_id",
    "name",
    "kind",
    "status",
    "message_zh",
    "message_en",
    "flags_zh",
    "flags_en",
    "lon",
    "lat",
    "adcode",
    "county_zh",
    "county_en",
    "prefecture_zh",
    "prefecture_en",
    "province_zh",
    "province_en",
    "is_border_county",
    "im_unit",
    "counties_crossed_zh",
    "counties_crossed_en",
    "share_outside",
    "regiments_zh",
    "regiments_en",
    "border_km",
    "border_method",
    "neighbour_iso3",
    "neighbour_zh",
    "neighbour_en",
    "within_3km",
    "within_20km",
    "share_within_3km",
    "share_within_20km",
    "port_id",
    "port_zh",
    "port_en",
    "port_mode",
    "port_status",
    "port_status_zh",
    "port_status_en",
    "port_km",
    "port_method",
    "port_counterpart_zh",
    "port_counterpart_en",
    "platforms_zh",
    "platforms_en",
    "corridors_zh",
    "corridors_en",
    "corridor_km",
    "measures_feature",
    "measures_county",
    "measures_other",
    "measures_not_here",
    "measure_ids",
]


@dataclass
class Screening:
    """What a screening found: one row per feature (`results`) and the detail behind each row."""

    features: gpd.GeoDataFrame
    results: pd.DataFrame
    counties: pd.DataFrame
    measures: pd.DataFrame
    corridors: pd.DataFrame
    platforms: pd.DataFrame
    regiments: pd.DataFrame
    buffer_km: float
    notes: list = field(default_factory=list)

    def detail(self, feature_id: str) -> dict[str, pd.DataFrame]:
        """The detail tables of one feature."""
        fid = str(feature_id)
        return {
            name: frame[frame.feature_id == fid].reset_index(drop=True)
            for name, frame in (
                ("counties", self.counties),
                ("measures", self.measures),
                ("corridors", self.corridors),
                ("platforms", self.platforms),
                ("regiments", self.regiments),
            )
        }


# --- context: the layers a screening reads, prepared once per process -----------------------------------------------


@dataclass(frozen=True)
class _Context:
    counties: gpd.GeoDataFrame
    county_records: list[dict]
    county_tree: shapely.STRtree
    county_laea: np.ndarray
    county_laea_tree: shapely.STRtree
    border_union: object
    border_records: list[dict]
    segments: np.ndarray
    segment_owner: np.ndarray
    segment_tree: shapely.STRtree
    port_records: list[dict]
    port_laea: np.ndarray
    port_tree: shapely.STRtree
    corridors: gpd.GeoDataFrame
    corridor_laea: np.ndarray
    corridor_tree: shapely.STRtree
    platforms_by_county: dict[str, tuple[dict, ...]]
    regiments_by_county: dict[str, tuple[dict, ...]]
    provinces: gpd.GeoDataFrame
    province_tree: shapely.STRtree
    neighbours: gpd.GeoDataFrame
    neighbour_tree: shapely.STRtree


@cache
def _context() -> _Context:
    """The layers a screening reads, with their search trees and projected copies, made once per process."""
    from .borderline import segments

    counties = layers.counties(detail=True).reset_index(drop=True)
    county_laea = _laea(counties.geometry.values)
    border = layers.border_line().reset_index(drop=True)
    border_laea = _laea(border.geometry.values)
    segs, owner = segments(border_laea)
    platforms = projects.platforms().reset_index(drop=True)
    ports = _ports(platforms)
    port_laea = _port_targets(ports, border, border_laea)
    cor = projects.corridors()
    cor = cor[cor.geometry.notna()].reset_index(drop=True)
    cor_laea = _laea(cor.geometry.values)
    provinces = layers.provinces().reset_index(drop=True)
    neighbours = layers.neighbours().reset_index(drop=True)
    return _Context(
        counties=counties,
        county_records=_county_records(counties),
        county_tree=shapely.STRtree(counties.geometry.values),
        county_laea=county_laea,
        county_laea_tree=shapely.STRtree(county_laea),
        border_union=shapely.union_all(border.geometry.values),
        border_records=[
            {"neighbour_iso3": r.iso3, "neighbour_zh": r.neighbour_zh, "neighbour_en": r.neighbour_en} for r in border.itertuples()
        ],
        segments=segs,
        segment_owner=owner,
        segment_tree=shapely.STRtree(segs),
        port_records=[
            {
                "port_id": r.id,
                "port_zh": r.name_zh,
                "port_en": r.name_en,
                "port_mode": r.mode,
                "port_status": r.status,
                "port_status_zh": r.status_zh,
                "port_status_en": r.status_en,
                "port_method": r.method,
                "port_counterpart_zh": r.counterpart_zh,
                "port_counterpart_en": r.counterpart_en,
            }
            for r in ports.itertuples()
        ],
        port_laea=port_laea,
        port_tree=shapely.STRtree(port_laea),
        corridors=cor,
        corridor_laea=cor_laea,
        corridor_tree=shapely.STRtree(cor_laea),
        platforms_by_county=_platforms_by_county(platforms),
        regiments_by_county=_regiments_by_county(layers.regiments()),
        provinces=provinces,
        province_tree=shapely.STRtree(provinces.geometry.values),
        neighbours=neighbours,
        neighbour_tree=shapely.STRtree(neighbours.geometry.values),
    )


def _county_records(counties: gpd.GeoDataFrame) -> list[dict]:
    return [
        {
            "adcode": c.adcode,
            "county_zh": c.name_zh,
            "county_en": c.name_en,
            "prefecture_zh": c.prefecture_zh,
            "prefecture_en": layers.prefecture_name(c.prefecture_adcode, c.prefecture_zh, "en"),
            "province_zh": c.province_zh,
            "province_en": c.province_en,
            "is_border_county": bool(c.is_border_county),
            "im_unit": f"im-{c.adcode}" if c.is_im_unit else "",
        }
        for c in counties.itertuples()
    ]


def _platforms_by_county(platforms: gpd.GeoDataFrame) -> dict[str, tuple[dict, ...]]:
    """County adcode -> the platforms whose footprint (host counties, or the counties their sources name) includes it."""
    out: dict[str, list[dict]] = {}
    for p in platforms.itertuples():
        rec = {
            "id": p.id,
            "kind": p.kind,
            "name_zh": p.name_zh,
            "name_en": p.name_en,
            "location_precision": p.location_precision,
            "lon": float(p.lon),
            "lat": float(p.lat),
            "geometry": p.geometry,
        }
        for c in scope.footprint("platforms", p.id):
            out.setdefault(c, []).append(rec)
    return {c: tuple(v) for c, v in out.items()}


def _regiments_by_county(regiments: gpd.GeoDataFrame) -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for g in regiments.itertuples():
        out.setdefault(g.host_adcode, []).append(
            {
                "id": g.id,
                "name_zh": f"{g.division_zh}{g.regiment_zh}",
                "name_en": f"{g.division_en} {g.regiment_en}",
                "host_adcode": g.host_adcode,
                "location_precision": g.location_precision,
                "membership_confidence": g.membership_confidence,
                "lon": float(g.geometry.x),
                "lat": float(g.geometry.y),
            }
        )
    return {c: tuple(v) for c, v in out.items()}


def _ports(platforms: gpd.GeoDataFrame) -> pd.DataFrame:
    """The land ports with mode, status and counterpart in words, from the register's codes (`mode`, `status`,
    `counterpart_zh`); the counterpart's name stays as the register gives it in both languages."""
    ports = pd.DataFrame(platforms[platforms.kind == "border_port"].drop(columns="geometry")).reset_index(drop=True)
    for col in ("mode", "status", "counterpart_zh"):
        ports[col] = ports[col].fillna("").astype(str) if col in ports else ""
    for lang in ("zh", "en"):
        ports[f"status_{lang}"] = ports.status.map(lambda v, lang=lang: i18n.code(v, lang) if v else "")
        ports[f"counterpart_{lang}"] = ports.counterpart_zh
    return ports


def _port_targets(ports: pd.DataFrame, border: gpd.GeoDataFrame, border_laea: np.ndarray) -> np.ndarray:
    """Where each port is, in China's equal-area projection: its sourced point; else its host unit's stretch of the land
    border, on which a land port lies; else (a host with no border in the data) the host's representative point."""
    prefix = {"county": 6, "city": 4, "prefecture": 4}
    points = _laea(shapely.points(ports.lon.to_numpy(float), ports.lat.to_numpy(float)))
    out, methods = [], []
    for p, point in zip(ports.itertuples(), points, strict=True):
        if _exact(p.location_precision):
            out.append(point)
            methods.append("port_point")
            continue
        host = str(p.adcode)[: prefix.get(str(p.location_precision), 6)]
        stretch = border_laea[border.adcode.astype(str).str.startswith(host).to_numpy()]
        out.append(shapely.union_all(stretch) if len(stretch) else point)
        methods.append("port_border" if len(stretch) else "port_county")
    ports["method"] = methods
    return np.array(out, dtype=object)


@cache
def _transformer(inverse: bool) -> Transformer:
    """lon/lat to China's equal-area projection (or back), made once."""
    crs = ("EPSG:4326", CHINA_LAEA)
    return Transformer.from_crs(*(crs[::-1] if inverse else crs), always_xy=True)


def _laea(geoms):
    tr = _transformer(False)
    return shapely.transform(geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def _lonlat(geoms):
    tr = _transformer(True)
    return shapely.transform(geoms, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


# --- distances ----------------------------------------------------------------------------------------------------


def _nearest(geoms_laea: np.ndarray, targets: np.ndarray, tree: shapely.STRtree) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per geometry: index of the nearest target, its geodesic distance (km) and the nearest point on it (lon/lat).

    Targets within a few per cent of the nearest (in China's equal-area projection) are all measured on the ellipsoid."""
    n = len(geoms_laea)
    best = np.full(n, -1)
    km = np.full(n, np.nan)
    points = np.full(n, None, dtype=object)
    if not n or not len(targets):
        return best, km, points
    src, tgt = tree.query_nearest(geoms_laea, all_matches=False)
    d0 = shapely.distance(geoms_laea[src], targets[tgt])
    reach = np.zeros(n)
    reach[src] = d0 * CANDIDATE_SLACK + 500.0
    qs, qt = tree.query(geoms_laea[src], predicate="dwithin", distance=reach[src])
    qs = src[qs]
    if not len(qs):
        return best, km, points
    lines = shapely.shortest_line(geoms_laea[qs], targets[qt])
    ends = _lonlat(np.concatenate([shapely.get_point(lines, 0), shapely.get_point(lines, 1)]))
    a, b = ends[: len(lines)], ends[len(lines) :]
    dist = GEOD.inv(shapely.get_x(a), shapely.get_y(a), shapely.get_x(b), shapely.get_y(b))[2] / 1000.0
    order = np.lexsort((dist, qs))
    first = order[np.r_[True, qs[order][1:] != qs[order][:-1]]]
    best[qs[first]] = qt[first]
    km[qs[first]] = dist[first]
    points[qs[first]] = b[first]
    return best, km, points


def _within(geoms_laea: np.ndarray, targets: np.ndarray, tree: shapely.STRtree, km: float) -> pd.DataFrame:
    """Every (geometry, target) pair within `km`, geodesic, sorted by distance."""
    if not len(geoms_laea) or not len(targets):
        return pd.DataFrame({"src": [], "tgt": [], "km": []})
    qs, qt = tree.query(geoms_laea, predicate="dwithin", distance=km * 1000 * CANDIDATE_SLACK + 500.0)
    if not len(qs):
        return pd.DataFrame({"src": [], "tgt": [], "km": []})
    lines = shapely.shortest_line(geoms_laea[qs], targets[qt])
    ends = _lonlat(np.concatenate([shapely.get_point(lines, 0), shapely.get_point(lines, 1)]))
    a, b = ends[: len(lines)], ends[len(lines) :]
    dist = GEOD.inv(shapely.get_x(a), shapely.get_y(a), shapely.get_x(b), shapely.get_y(b))[2] / 1000.0
    out = pd.DataFrame({"src": qs, "tgt": qt, "km": dist})
    return out[out.km <= km].sort_values(["src", "km"]).reset_index(drop=True)


def _geodesic_length_km(geom) -> float:
    parts = shapely.get_parts(geom)
    lines = [p for p in parts if p.geom_type in ("LineString", "LinearRing")]
    return float(sum(GEOD.geometry_length(p) for p in lines)) / 1000.0


# --- places: which county, or why none ------------------------------------------------------------------------------


def _kinds(geoms) -> np.ndarray:
    dims = shapely.get_dimensions(geoms)
    return np.array(["point", "line", "area"], dtype=object)[np.clip(dims, 0, 2)]


def _places(geoms: np.ndarray, geoms_laea: np.ndarray, kinds: np.ndarray, ctx: _Context) -> tuple[list[dict], list[tuple]]:
    """Per feature: status, county (index or -1), the other counties within the boundary tolerance; and (feature, county,
    share, km or km²) for every county a feature lies in or crosses."""
    n = len(geoms)
    fi, ci = ctx.county_tree.query(geoms, predicate="intersects")
    hits: dict[int, list[int]] = {}
    for f, c in zip(fi.tolist(), ci.tolist(), strict=True):
        hits.setdefault(f, []).append(c)
    points = np.flatnonzero(kinds == "point")
    near: dict[int, list[int]] = {}
    if len(points):
        nf, nc = ctx.county_laea_tree.query(geoms_laea[points], predicate="dwithin", distance=BOUNDARY_TOLERANCE_M)
        for f, c in zip(points[nf].tolist(), nc.tolist(), strict=True):
            near.setdefault(f, []).append(c)
    places: list[dict | None] = [None] * n
    crossed: list[tuple] = []
    for i in range(n):
        inside = hits.get(i, [])
        if kinds[i] == "point":
            close = near.get(i, [])
            if inside:
                others = [c for c in dict.fromkeys(inside + close) if c != inside[0]]
                places[i] = {"status": "boundary" if others else "county", "county": inside[0], "others": others, "inside": True}
            elif close:
                ordered = sorted(close, key=lambda c: shapely.distance(geoms_laea[i], ctx.county_laea[c]))
                places[i] = {"status": "boundary", "county": ordered[0], "others": ordered[1:], "inside": False}
            else:
                continue
            crossed.append((i, places[i]["county"], 1.0, np.nan))
        elif inside:
            shares = [x for x in _shares(geoms[i], kinds[i], inside, ctx) if x[1] > 0] or [(inside[0], 0.0, 0.0)]
            shares.sort(key=lambda x: -x[1])
            crossed += [(i, c, share, q) for c, share, q in shares]
            outside = max(0.0, 1 - sum(x[1] for x in shares))
            places[i] = {"status": "county", "county": shares[0][0], "others": [], "inside": True, "outside": outside}
    missing = [i for i in range(n) if places[i] is None]
    for i, place in zip(missing, _outside(shapely.point_on_surface(geoms[missing]), ctx), strict=True):
        places[i] = place
    return places, crossed


def _shares(geom, kind: str, candidates: list[int], ctx: _Context) -> list[tuple[int, float, float]]:
    """(county, share, km or km²) for each county a line or area crosses: geodesic lengths of the cut pieces, or areas in an
    equal-area projection centred on the feature."""
    polygons = ctx.counties.geometry.values[candidates]
    if kind == "line":
        line = shapely.segmentize(geom, 0.01)
        total = _geodesic_length_km(line)
        kms = [_geodesic_length_km(piece) for piece in shapely.intersection(line, polygons)]
        return [(c, km / total if total else 0.0, km) for c, km in zip(candidates, kms, strict=True)]
    rep = shapely.point_on_surface(geom)
    crs = local_equal_area(rep.x, rep.y)
    poly = to_crs(geom, crs)
    total = poly.area
    areas = shapely.area(shapely.intersection(poly, to_crs(polygons, crs)))
    return [(c, float(a / total) if total else 0.0, float(a) / 1e6) for c, a in zip(candidates, areas, strict=True)]


def _outside(points: np.ndarray, ctx: _Context) -> list[dict]:
    """Why places have no county: a province outside the county coverage, a neighbouring country, or the sea."""
    out = [{"status": "sea", "county": -1, "others": []} for _ in points]
    if not len(points):
        return out
    border_provinces = ctx.provinces.is_border_province.astype(bool).to_numpy()
    pi, pp = ctx.province_tree.query(points, predicate="intersects")
    for i, p in zip(pi.tolist(), pp.tolist(), strict=True):
        if not border_provinces[p]:
            out[i] = {"status": "province", "county": -1, "others": [], "province": p}
    ni, nn = ctx.neighbour_tree.query(points, predicate="intersects")
    for i, nb in zip(ni.tolist(), nn.tolist(), strict=True):
        if out[i]["status"] == "sea":
            out[i] = {"status": "abroad", "county": -1, "others": [], "neighbour": nb}
    return out


# --- the screening ------------------------------------------------------------------------------------------------


def screen(features: gpd.GeoDataFrame, buffer_km: float = DEFAULT_BUFFER_KM, notes: list | None = None, today=None) -> Screening:
    """Screen each feature: its county (or why none), distances, bands, port, platforms, corridors and the measures that apply.

    `features` has a geometry in WGS84 and optionally `feature_id`, `name`, `located_by` ("county" for rows located only
    by county, whose band is then unknown) and `gcj02` (converted from GCJ-02). Documents' periods are said for `today`."""
    if not 0 < float(buffer_km) <= MAX_BUFFER_KM:
        raise ValueError(f"buffer must be more than 0 and at most {MAX_BUFFER_KM:g} km, not {buffer_km}")
    buffer_km = float(buffer_km)
    ctx = _context()
    feats = _prepared(features)
    geoms = feats.geometry.values
    geoms_laea = _laea(geoms)
    kinds = feats.kind.to_numpy(object)
    ids = feats.feature_id.tolist()
    located_by = feats.located_by.tolist()
    places, crossed = _places(geoms, geoms_laea, kinds, ctx)
    idx = np.array([i for i, p in enumerate(places) if p["county"] >= 0], dtype=int)

    border_seg, border_km, _ = _nearest(geoms_laea[idx], ctx.segments, ctx.segment_tree)
    port_idx, port_km, _ = _nearest(geoms_laea[idx], ctx.port_laea, ctx.port_tree)
    cor = _within(geoms_laea[idx], ctx.corridor_laea, ctx.corridor_tree, buffer_km)
    bands = _band_shares(geoms, kinds, idx, border_km, ctx)
    sensitive = _datum_sensitivity(geoms, kinds, idx, places, border_km, feats.gcj02.to_numpy(bool), ctx)

    county_rows = _counties_table(ids, kinds, crossed, ctx)
    regiment_rows = _regiments_table(ids, crossed, geoms, ctx)
    platform_rows = _platforms_table(ids, crossed, geoms, ctx)
    corridor_rows = _corridors_table(ids, idx, cor, ctx)
    labels = {
        name: _labels(frame) for name, frame in (("regiments", regiment_rows), ("platforms", platform_rows), ("corridors", corridor_rows))
    }
    nearest_corridor = corridor_rows.groupby("feature_id").km.min().to_dict() if len(corridor_rows) else {}
    counties_of: dict[int, list[int]] = {}
    for i, c, *_ in crossed:
        counties_of.setdefault(i, []).append(c)
    platforms_of: dict[str, dict] = {}
    for r in platform_rows.itertuples():
        platforms_of.setdefault(r.feature_id, {})[r.platform_id] = r

    periods = kb.periods(today)
    results, measure_rows = [], []
    for j, i in enumerate(idx.tolist() + [i for i, p in enumerate(places) if p["county"] < 0]):
        fid = ids[i]
        row = _result_row(fid, feats["name"].iat[i], kinds[i], located_by[i], geoms[i], places[i], ctx)
        if places[i]["county"] >= 0:
            row.update(_distances(j, border_seg, border_km, port_idx, port_km, bands.get(i), kinds[i], ctx))
            row.update(_crossed_labels(fid, kinds[i], county_rows))
            for name, by_feature in labels.items():
                for lang in ("zh", "en"):
                    row[f"{name}_{lang}"] = by_feature[lang].get(fid, "")
            if fid in nearest_corridor:
                row["corridor_km"] = round(float(nearest_corridor[fid]), 2)
            found = _measures(fid, kinds[i], located_by[i], row, counties_of.get(i, []), platforms_of.get(fid, {}), periods, ctx)
            measure_rows += found
            row.update(_measure_counts(found))
        row.update(_flags(geoms[i], kinds[i], places[i], sensitive.get(i), ctx))
        results.append(row)
    order = {fid: k for k, fid in enumerate(ids)}
    results_df = pd.DataFrame(results).reindex(columns=RESULT_COLUMNS)
    results_df = results_df.iloc[np.argsort(results_df.feature_id.map(order).to_numpy(), kind="stable")].reset_index(drop=True)
    for col in ("measures_feature", "measures_county", "measures_other", "measures_not_here"):
        results_df[col] = results_df[col].astype("Int64")
    return Screening(
        feats,
        results_df,
        county_rows,
        pd.DataFrame(measure_rows, columns=MEASURE_DETAIL_COLUMNS),
        corridor_rows,
        platform_rows,
        regiment_rows,
        buffer_km,
        list(notes or []),
    )


def _prepared(features: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The features with an id, a name, a kind (point, line, area) and how they were located; WGS84 and 2D."""
    if features.crs is not None and not features.crs.equals("EPSG:4326"):
        features = features.to_crs(4326)
    geoms = shapely.force_2d(features.geometry.values)
    if not len(geoms):
        raise ValueError("no features to screen")
    if shapely.is_missing(geoms).any() or shapely.is_empty(geoms).any():
        raise ValueError("every feature needs a geometry")
    n = len(features)
    ids = features["feature_id"].astype(str).to_numpy() if "feature_id" in features else np.arange(1, n + 1).astype(str)
    if len(set(ids)) != n:
        raise ValueError("feature ids must be unique")
    names = features["name"].fillna("").astype(str).to_numpy() if "name" in features else np.full(n, "", dtype=object)
    located = features["located_by"].fillna("").astype(str).to_numpy() if "located_by" in features else np.full(n, "", dtype=object)
    converted = features["gcj02"].fillna(False).astype(bool).to_numpy() if "gcj02" in features else np.zeros(n, dtype=bool)
    return gpd.GeoDataFrame(
        {"feature_id": ids, "name": names, "kind": _kinds(geoms), "located_by": located, "gcj02": converted},
        geometry=list(geoms),
        crs=4326,
    )


def _band_shares(geoms, kinds, idx, border_km, ctx: _Context) -> dict[int, dict[int, float]]:
    """Share of each line's length or area's area within 3 and 20 km of the border, in an equal-area projection centred on it."""
    out = {}
    for j, i in enumerate(idx.tolist()):
        if kinds[i] == "point":
            continue
        if not np.isfinite(border_km[j]) or border_km[j] > max(BANDS_KM):
            out[i] = {km: 0.0 for km in BANDS_KM}
            continue
        geom = geoms[i]
        rep = shapely.point_on_surface(geom)
        crs = local_equal_area(rep.x, rep.y)
        minx, miny, maxx, maxy = geom.bounds
        window = shapely.box(minx - 0.5, miny - 0.5, maxx + 0.5, maxy + 0.5)
        lines = to_crs(shapely.intersection(ctx.border_union, window), crs)
        feature = to_crs(shapely.segmentize(geom, 0.01), crs)
        total = feature.length if kinds[i] == "line" else feature.area
        shares = {}
        for km in BANDS_KM:
            part = shapely.intersection(feature, shapely.buffer(shapely.simplify(lines, 20), km * 1000))
            shares[km] = round(float((part.length if kinds[i] == "line" else part.area) / total), 4) if total else 0.0
        out[i] = shares
    return out


def _datum_sensitivity(geoms, kinds, idx, places, border_km, converted, ctx: _Context) -> dict[int, dict]:
    """Points whose county or band would change if their coordinates were GCJ-02 (from a Chinese web map) rather than WGS84;
    points already converted from GCJ-02 are not asked again."""
    pos = {i: j for j, i in enumerate(idx.tolist())}
    points = [i for i in pos if geoms[i].geom_type == "Point" and not converted[i]]
    if not points:
        return {}
    lon, lat = gcj02_to_wgs84(shapely.get_x(geoms[points]), shapely.get_y(geoms[points]))
    moved = shapely.points(lon, lat)
    fi, ci = ctx.county_tree.query(moved, predicate="intersects")
    county_of = dict(zip(fi.tolist(), ci.tolist(), strict=True))
    _, km, _ = _nearest(_laea(moved), ctx.segments, ctx.segment_tree)
    out = {}
    for k, i in enumerate(points):
        before = border_km[pos[i]]
        county = county_of.get(k, -1)
        changes = []
        if county != places[i]["county"]:
            changes.append(("county", county))
        if any((before <= b) != (km[k] <= b) for b in BANDS_KM):
            changes.append(("band", km[k]))
        if changes:
            out[i] = {"changes": changes}
    return out


def _result_row(fid: str, name: str, kind: str, located_by: str, geom, place: dict, ctx: _Context) -> dict:
    rep = geom if geom.geom_type == "Point" else shapely.point_on_surface(geom)
    row = {
        "feature_id": fid,
        "name": name,
        "kind": "county" if located_by == "county" else kind,
        "status": place["status"],
        "lon": round(float(rep.x), 6),
        "lat": round(float(rep.y), 6),
    }
    if place["county"] >= 0:
        c = ctx.county_records[place["county"]]
        row.update({k: c[k] for k in ("adcode", "county_zh", "county_en", "prefecture_zh", "prefecture_en", "province_zh", "province_en")})
        row["is_border_county"] = c["is_border_county"]
        row["im_unit"] = c["im_unit"]
        if kind != "point":
            row["share_outside"] = round(place.get("outside", 0.0), 4)
    elif place["status"] == "province":
        prov = ctx.provinces.iloc[place["province"]]
        row.update(province_zh=prov.name_zh, province_en=prov.name_en)
    for lang in ("zh", "en"):
        row[f"message_{lang}"] = _message(place, row, ctx, lang)
    return row


def _message(place: dict, row: dict, ctx: _Context, lang: str) -> str:
    status = place["status"]
    if status in ("county", "boundary"):
        where = _county_label(ctx.county_records[place["county"]], lang)
        if status == "county":
            return i18n.t("screen.msg.county", lang, county=where)
        others = ("、" if lang == "zh" else ", ").join(_county_label(ctx.county_records[c], lang) for c in place["others"])
        key = "screen.msg.boundary" if place["inside"] else "screen.msg.edge"
        return i18n.t(key, lang, county=where, others=others, metres=int(BOUNDARY_TOLERANCE_M))
    if status == "province":
        return i18n.t("screen.msg.province", lang, province=row[f"province_{lang}"])
    if status == "abroad":
        nb = ctx.neighbours.iloc[place["neighbour"]]
        return i18n.t("screen.msg.abroad", lang, country=nb.name_zh if lang == "zh" else nb.name_en)
    return i18n.t("screen.msg.sea", lang)


def _county_label(c: dict, lang: str) -> str:
    if lang == "en":
        return f"{c['county_en']} ({c['province_en']}, {c['adcode']})"
    return f"{c['province_zh']}{c['county_zh']}（{c['adcode']}）"


def _crossed_labels(fid: str, kind: str, county_rows: pd.DataFrame) -> dict:
    """A line's or area's counties with their shares, for its result row."""
    if kind == "point":
        return {}
    mine = county_rows[county_rows.feature_id == fid]
    return {
        "counties_crossed_zh": "；".join(f"{r.county_zh} {r.share * 100:.0f}%" for r in mine.itertuples()),
        "counties_crossed_en": "; ".join(f"{r.county_en} {r.share * 100:.0f}%" for r in mine.itertuples()),
    }


def _labels(frame: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Per language, feature id -> the labels of its rows joined."""
    out = {"zh": {}, "en": {}}
    for lang, sep in (("zh", "；"), ("en", "; ")):
        for fid, label in zip(frame.feature_id, frame[f"label_{lang}"], strict=True):
            out[lang][fid] = f"{out[lang][fid]}{sep}{label}" if fid in out[lang] else label
    return out


def _distances(j: int, border_seg, border_km, port_idx, port_km, shares: dict | None, kind: str, ctx: _Context) -> dict:
    """The border (distance, neighbour across, bands) and the nearest land port of one located feature."""
    out = {}
    if border_seg[j] >= 0:
        seg = ctx.border_records[int(ctx.segment_owner[border_seg[j]])]
        km = float(border_km[j])
        out.update(seg)
        out.update(border_km=round(km, 2), border_method="border", within_3km=bool(km <= 3), within_20km=bool(km <= 20))
        if kind != "point" and shares:
            out.update(share_within_3km=shares[3], share_within_20km=shares[20])
    if port_idx[j] >= 0:
        out.update(ctx.port_records[int(port_idx[j])])
        out["port_km"] = round(float(port_km[j]), 2)
    return out


def _exact(precision) -> bool:
    return str(precision) in ("point", "town")


def _km_to(geom, lon: float, lat: float) -> float:
    """Geodesic km from a feature to a point (the feature's nearest point found in China's equal-area projection)."""
    if geom.geom_type == "Point":
        return float(GEOD.inv(geom.x, geom.y, lon, lat)[2]) / 1000.0
    target = shapely.Point(lon, lat)
    if geom.intersects(target):
        return 0.0
    near = _lonlat(shapely.get_point(shapely.shortest_line(_laea(geom), _laea(target)), 0))
    return float(GEOD.inv(near.x, near.y, lon, lat)[2]) / 1000.0


def _counties_table(ids: list[str], kinds: np.ndarray, crossed: list[tuple], ctx: _Context) -> pd.DataFrame:
    """Every county each feature lies in or crosses, with its share of the feature's length or area."""
    rows = []
    for i, c, share, quantity in crossed:
        rec = ctx.county_records[c]
        rows.append(
            (
                ids[i],
                kinds[i],
                rec["adcode"],
                rec["county_zh"],
                rec["county_en"],
                rec["province_zh"],
                rec["province_en"],
                rec["is_border_county"],
                round(share, 4),
                round(quantity, 2) if kinds[i] == "line" else np.nan,
                round(quantity, 2) if kinds[i] == "area" else np.nan,
            )
        )
    return pd.DataFrame(rows, columns=COUNTY_DETAIL_COLUMNS)


def _regiments_table(ids: list[str], crossed: list[tuple], geoms, ctx: _Context) -> pd.DataFrame:
    """XPCC regiments hosted by the counties a feature lies in: never "in" a regiment, whose extent is not known."""
    rows = []
    for i, c, *_ in crossed:
        for g in ctx.regiments_by_county.get(ctx.county_records[c]["adcode"], ()):
            exact = _exact(g["location_precision"])
            km = round(_km_to(geoms[i], g["lon"], g["lat"]), 2) if exact else np.nan
            label = {
                lang: i18n.t("screen.regiment.point", lang, name=g[f"name_{lang}"], km=f"{km:.1f}")
                if exact
                else i18n.t("screen.regiment.county", lang, name=g[f"name_{lang}"])
                for lang in ("zh", "en")
            }
            rows.append(
                (
                    ids[i],
                    g["id"],
                    g["name_zh"],
                    g["name_en"],
                    g["host_adcode"],
                    g["location_precision"],
                    g["membership_confidence"],
                    km,
                    "regiment_point" if exact else "",
                    label["zh"],
                    label["en"],
                )
            )
    return pd.DataFrame(rows, columns=REGIMENT_DETAIL_COLUMNS)


def _platforms_table(ids: list[str], crossed: list[tuple], geoms, ctx: _Context) -> pd.DataFrame:
    """Platforms whose mapped extent holds the feature, or whose host counties include a county the feature lies in."""
    rows, seen = [], set()
    for i, c, *_ in crossed:
        for p in ctx.platforms_by_county.get(ctx.county_records[c]["adcode"], ()):
            if (i, p["id"]) in seen:
                continue
            seen.add((i, p["id"]))
            polygon = p["geometry"].geom_type != "Point"
            exact = _exact(p["location_precision"]) and not polygon
            km = round(_km_to(geoms[i], p["lon"], p["lat"]), 2) if exact else np.nan
            relation = "extent" if polygon and p["geometry"].intersects(geoms[i]) else "county"
            label = {}
            for lang in ("zh", "en"):
                name = p[f"name_{lang}"]
                if relation == "extent":
                    label[lang] = i18n.t("screen.platform.extent", lang, name=name)
                elif exact:
                    label[lang] = i18n.t("screen.platform.point", lang, name=name, km=f"{km:.1f}")
                else:
                    label[lang] = i18n.t("screen.platform.county", lang, name=name)
            rows.append(
                (
                    ids[i],
                    p["id"],
                    p["kind"],
                    p["name_zh"],
                    p["name_en"],
                    relation,
                    p["location_precision"],
                    km,
                    "platform_point" if exact else "",
                    label["zh"],
                    label["en"],
                )
            )
    return pd.DataFrame(rows, columns=PLATFORM_DETAIL_COLUMNS)


def _corridors_table(ids: list[str], idx: np.ndarray, pairs: pd.DataFrame, ctx: _Context) -> pd.DataFrame:
    """Corridors within the buffer of each feature, nearest first, with the geodesic distance to the schematic line."""
    if pairs.empty:
        return pd.DataFrame(columns=CORRIDOR_DETAIL_COLUMNS)
    cor = ctx.corridors.iloc[pairs.tgt.to_numpy(int)].reset_index(drop=True)
    km = pairs.km.round(2).to_numpy()
    out = pd.DataFrame(
        {
            "feature_id": np.asarray(ids, dtype=object)[idx[pairs.src.to_numpy(int)]],
            "corridor_id": cor.id,
            "name_zh": cor.name_zh,
            "name_en": cor.name_en,
            "kind": cor.kind,
            "part": cor.part,
            "status_zh": cor.status_zh,
            "status_en": cor.status_en,
            "km": km,
            "method": "corridor",
            "label_zh": [f"{n}（{k:.1f} 公里）" for n, k in zip(cor.name_zh, km, strict=True)],
            "label_en": [f"{n} ({k:.1f} km)" for n, k in zip(cor.name_en, km, strict=True)],
        }
    )
    return out[CORRIDOR_DETAIL_COLUMNS]


# --- measures ------------------------------------------------------------------------------------------------------


def _routes(adcode: str) -> tuple[tuple, ...]:
    return _routes_by_county().get(adcode, ())


@cache
def _routes_by_county() -> dict[str, tuple[tuple, ...]]:
    """County adcode -> the ways measures reach it (join.county_routes), as plain tuples."""
    out: dict[str, list[tuple]] = {}
    for r in join.county_routes().itertuples():
        out.setdefault(r.adcode, []).append(
            (r.measure_id, r.document, r.section, r.title_zh, r.title_en, r.rule, r.via, r.reason_zh, r.reason_en)
        )
    return {a: tuple(v) for a, v in out.items()}


def _measures(
    fid: str, kind: str, located_by: str, row: dict, counties: list[int], platforms: dict, periods: dict, ctx: _Context
) -> list[tuple]:
    """The measures reaching the counties a feature lies in, each with how it reaches the feature itself (BASES), best first."""
    best: dict[str, list] = {}
    for c in counties:
        adcode = ctx.county_records[c]["adcode"]
        for route in _routes(adcode):
            mid = route[0]
            basis, note_zh, note_en = _basis(route[5], route[6], kind, located_by, row, platforms)
            rank = BASES.index(basis)
            cur = best.get(mid)
            if cur is None or rank < cur[0]:
                best[mid] = [rank, route, [route[7]], [route[8]], [note_zh], [note_en], [adcode]]
            elif rank == cur[0]:
                for k, value in ((2, route[7]), (3, route[8]), (4, note_zh), (5, note_en), (6, adcode)):
                    if value and value not in cur[k]:
                        cur[k].append(value)
    doc_order = {d: k for k, d in enumerate(kb.documents())}
    out = []
    for rank, route, reason_zh, reason_en, note_zh, note_en, adcodes in sorted(best.values(), key=lambda v: (v[0], doc_order[v[1][1]])):
        mid, doc, section, title_zh, title_en, *_ = route
        out.append(
            (
                fid,
                mid,
                doc,
                section,
                title_zh,
                title_en,
                BASES[rank],
                "；".join(reason_zh),
                "; ".join(reason_en),
                "；".join(n for n in note_zh if n),
                "; ".join(n for n in note_en if n),
                periods[doc].zh,
                periods[doc].en,
                periods[doc].in_force,
                ";".join(adcodes),
            )
        )
    return out


def _basis(rule: str, via: str, kind: str, located_by: str, row: dict, platforms: dict) -> tuple[str, str, str]:
    """(basis, note zh, note en) of one route by which a measure reaches the county of a feature."""
    if not via:
        if rule != "border_band_3km":
            return "county", "", ""
        if located_by == "county":
            return "unknown", i18n.t("screen.note.band_unknown", "zh"), i18n.t("screen.note.band_unknown", "en")
        km = row.get("border_km", np.nan)
        if row.get("within_3km"):
            share = row.get("share_within_3km", np.nan)
            key = "screen.note.band_in" if kind == "point" or not np.isfinite(share) else "screen.note.band_part"
            values = {"km": f"{km:.1f}", "share": f"{share * 100:.0f}" if np.isfinite(share) else ""}
            return "feature", i18n.t(key, "zh", **values), i18n.t(key, "en", **values)
        return "not_here", i18n.t("screen.note.band_out", "zh", km=f"{km:.1f}"), i18n.t("screen.note.band_out", "en", km=f"{km:.1f}")
    layer, _, pid = via.partition(":")
    if layer in ("im-units", "prefectures"):
        return "county", "", ""
    if layer == "regiments":
        return "place", *_notes("screen.note.regiment", _regiment_names().get(pid, (pid, pid)))
    p = platforms.get(pid)
    if layer == "platforms" and p is not None:
        names = (p.name_zh, p.name_en)
        if np.isfinite(p.km) and p.km <= AT_PORT_KM and located_by != "county":
            return "feature", *_notes("screen.note.at_platform", names, km=f"{p.km:.1f}")
        if p.relation == "extent":
            return "place", *_notes("screen.note.zone_extent", names)
        if np.isfinite(p.km):
            return "place", *_notes("screen.note.platform_away", names, km=f"{p.km:.1f}")
        return "place", *_notes("screen.note.platform_county", names)
    return "place", "", ""


def _notes(key: str, names: tuple[str, str], **values) -> tuple[str, str]:
    return i18n.t(key, "zh", name=names[0], **values), i18n.t(key, "en", name=names[1], **values)


@cache
def _regiment_names() -> dict[str, tuple[str, str]]:
    return {g["id"]: (g["name_zh"], g["name_en"]) for gs in _context().regiments_by_county.values() for g in gs}


def _measure_counts(measures: list[tuple]) -> dict:
    counts = {b: 0 for b in BASES}
    for m in measures:
        counts[m[6]] += 1
    return {
        "measures_feature": counts["feature"],
        "measures_county": counts["county"],
        "measures_other": counts["place"] + counts["unknown"],
        "measures_not_here": counts["not_here"],
        "measure_ids": ";".join(m[1] for m in measures if m[6] in ("feature", "county")),
    }


# --- flags ---------------------------------------------------------------------------------------------------------


def _flags(geom, kind: str, place: dict, sensitive: dict | None, ctx: _Context) -> dict:
    """What a reader must check: coordinates that look swapped, results that change if the input was GCJ-02, parts outside."""
    zh, en = [], []
    if geom.geom_type == "Point" and place["county"] < 0:
        hit = ctx.county_tree.query(shapely.Point(geom.y, geom.x), predicate="intersects")
        if len(hit):
            where = ctx.county_records[int(hit[0])]
            zh.append(i18n.t("screen.flag.swapped", "zh", county=_county_label(where, "zh")))
            en.append(i18n.t("screen.flag.swapped", "en", county=_county_label(where, "en")))
    if sensitive:
        for lang, out in (("zh", zh), ("en", en)):
            what = []
            for change, value in sensitive["changes"]:
                if change == "county" and value >= 0:
                    what.append(i18n.t("screen.flag.gcj_county", lang, county=_county_label(ctx.county_records[value], lang)))
                elif change == "county":
                    what.append(i18n.t("screen.flag.gcj_nocounty", lang))
                else:
                    what.append(i18n.t("screen.flag.gcj_band", lang, km=f"{value:.1f}"))
            out.append(i18n.t("screen.flag.gcj", lang, what=("，" if lang == "zh" else ", ").join(what)))
    outside = place.get("outside", 0.0)
    if kind != "point" and place["county"] >= 0 and outside > 0.005:
        zh.append(i18n.t("screen.flag.outside_part", "zh", share=f"{outside * 100:.0f}"))
        en.append(i18n.t("screen.flag.outside_part", "en", share=f"{outside * 100:.0f}"))
    return {"flags_zh": "；".join(zh), "flags_en": "; ".join(en)}


def method_text(method: str, lang: str) -> str:
    """How a distance was measured, in words."""
    return i18n.t(f"screen.method.{method}", lang) if method else ""


COUNTY_DETAIL_COLUMNS = [
    "feature_id",
    "kind",
    "adcode",
    "county_zh",
    "county_en",
    "province_zh",
    "province_en",
    "is_border_county",
    "share",
    "length_km",
    "area_km2",
]
MEASURE_DETAIL_COLUMNS = [
    "feature_id",
    "measure_id",
    "document",
    "section",
    "title_zh",
    "title_en",
    "basis",
    "reason_zh",
    "reason_en",
    "note_zh",
    "note_en",
    "period_zh",
    "period_en",
    "in_force",
    "counties",
]
CORRIDOR_DETAIL_COLUMNS = [
    "feature_id",
    "corridor_id",
    "name_zh",
    "name_en",
    "kind",
    "part",
    "status_zh",
    "status_en",
    "km",
    "method",
    "label_zh",
    "label_en",
]
PLATFORM_DETAIL_COLUMNS = [
    "feature_id",
    "platform_id",
    "kind",
    "name_zh",
    "name_en",
    "relation",
    "location_precision",
    "km",
    "method",
    "label_zh",
    "label_en",
]
REGIMENT_DETAIL_COLUMNS = [
    "feature_id",
    "regiment_id",
    "name_zh",
    "name_en",
    "host_adcode",
    "location_precision",
    "membership_confidence",
    "km",
    "method",
    "label_zh",
    "label_en",
]
