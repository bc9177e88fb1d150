"""Select, then render: a selection (filter + template) becomes one View holding the layers to draw.

A View is data only — GeoDataFrames in WGS84, the extent, the default title —
with no colours or symbols (those are in style.py). The live renderer (webmap.py)
and the print renderer (printmap.py) both draw a View and never filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

import geopandas as gpd
import pandas as pd
import shapely

from . import catalog, indicators, layers, projects, sources
from .filters import Filter
from .indicators import Thematic
from .schema import LAYERS, PROVINCES_EN

EXTRAS = ("regiments", "platforms", "corridors")
KINDS = ("overview", "place", "corridor", "measure")
"""The templates a briefing page offers; `compare` (places side by side) and `network` (corridors and platforms) also exist."""
NETWORK_EXTRAS = frozenset({"corridors", "platforms"})
NATIONAL_SPAN_DEG = 35.0
"""Extents at least this wide in longitude are national maps: framed on all of China, with the South China Sea inset."""
NATIONAL_FRAME = (73.0, 16.6, 135.5, 53.8)
PROVINCE_FULL_ZH = {short: full for full, (short, _en) in sources.BORDER_PROVINCES.items()} | {"海南": "海南省"}


@dataclass(frozen=True)
class Selection:
    """What a map shows: a filter, optional layers, and at most one focus (place, corridor or measure)."""

    filter: Filter = field(default_factory=Filter)
    extras: frozenset[str] = frozenset({"regiments"})
    place: str | None = None
    corridor: str | None = None
    measure: str | None = None
    thematic: Thematic | None = None
    places: tuple[str, ...] = ()
    """Places compared side by side (the compare template)."""
    network: bool = False
    """The corridors and platforms of the filter, without county fills (the corridors page)."""
    platform_kinds: tuple[str, ...] | None = None
    """Only these kinds of platform (None: every kind)."""
    corridor_ids: tuple[str, ...] | None = None
    """Only these corridors (None: every corridor)."""

    @property
    def kind(self) -> str:
        for kind, value in (("place", self.place), ("corridor", self.corridor), ("measure", self.measure), ("compare", self.places)):
            if value:
                return kind
        return "network" if self.network else "overview"

    def to_cli(self) -> list[str]:
        """The same selection as `borderdash map` arguments."""
        args = self.filter.to_cli()
        for flag, value in (("--place", self.place), ("--corridor", self.corridor), ("--measure", self.measure)):
            if value:
                args += [flag, value]
        if self.places:
            args += ["--compare", ",".join(self.places)]
        if self.network:
            args.append("--network")
        if self.platform_kinds is not None:
            args += ["--kinds", ",".join(self.platform_kinds)]
        if self.corridor_ids is not None:
            args += ["--corridors", ",".join(self.corridor_ids)]
        if self.extras:
            args += ["--with", ",".join(e for e in EXTRAS if e in self.extras)]
        if self.thematic:
            t = self.thematic
            args += ["--indicator", t.indicator, "--classes", t.method, "--scheme", t.scheme]
            args += ["--breaks", ",".join(f"{b:g}" for b in t.breaks)] if t.method == "user" else ["--k", str(t.k)]
        return args


@dataclass
class View:
    """The selected layers, ready to draw (WGS84), and what to call the map."""

    selection: Selection
    counties: gpd.GeoDataFrame
    highlight: gpd.GeoDataFrame
    border: gpd.GeoDataFrame
    regiments: gpd.GeoDataFrame
    platforms: gpd.GeoDataFrame
    corridors: gpd.GeoDataFrame
    bounds: tuple[float, float, float, float]
    title_zh: str
    title_en: str
    subtitle_zh: str = ""
    subtitle_en: str = ""
    values: pd.Series | None = None
    """The thematic indicator's value per county adcode (NaN = no data), when the selection asks for one."""
    features: gpd.GeoDataFrame | None = None
    """A planner's own features drawn over the map (a screening): `feature_id`, `name` and geometry in WGS84."""

    @property
    def kind(self) -> str:
        return self.selection.kind

    @property
    def thematic(self) -> Thematic | None:
        return self.selection.thematic

    @property
    def national(self) -> bool:
        return self.bounds[2] - self.bounds[0] >= NATIONAL_SPAN_DEG

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The extent to draw: the national frame for national maps, else the bounds with a margin."""
        if self.national:
            return NATIONAL_FRAME
        minx, miny, maxx, maxy = self.bounds
        pad = max(maxx - minx, maxy - miny) * 0.06 + 0.05
        return (minx - pad, miny - pad, maxx + pad, maxy + pad)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def subtitle(self, lang: str) -> str:
        return self.subtitle_zh if lang == "zh" else self.subtitle_en

    # Context layers do not depend on the selection: shared, read once per process.
    @staticmethod
    def neighbours() -> gpd.GeoDataFrame:
        return _context("neighbours")

    @staticmethod
    def other_land() -> gpd.GeoDataFrame:
        return _context("other-land")

    @staticmethod
    def provinces() -> gpd.GeoDataFrame:
        return _context("provinces")

    @staticmethod
    def china() -> gpd.GeoDataFrame:
        return _context("china")

    @staticmethod
    def maritime() -> gpd.GeoDataFrame:
        return _context("maritime")


@cache
def _context(name: str) -> gpd.GeoDataFrame:
    return catalog.load(name)


def shown_counties(flt: Filter) -> gpd.GeoDataFrame:
    """The counties an overview shows: with no filter, the border and Hainan units only; else what the filter keeps.

    Views narrowed to provinces or neighbours cover a smaller area and get the detailed geometry.
    """
    counties = layers.counties(detail=bool(flt.provinces or flt.neighbours))
    if not (flt.border_only or flt.provinces or flt.neighbours):
        counties = counties[counties.is_border_county | counties.touches_border | counties.is_hainan_reference]
    return flt.apply(counties)


def select(sel: Selection, uploaded: pd.DataFrame | None = None) -> View:
    """The View a selection asks for (one of the four templates).

    A thematic selection takes its values from the built-in indicators or from `uploaded` (columns by adcode).
    """
    unknown = set(sel.extras) - set(EXTRAS)
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(sorted(unknown))}; choose from {', '.join(EXTRAS)}")
    if sum(bool(x) for x in (sel.place, sel.corridor, sel.measure, sel.places, sel.network)) > 1:
        raise ValueError("choose at most one of place, corridor, measure, compare and network")
    if sel.thematic and sel.kind != "overview":
        raise ValueError("a thematic map is an overview map: choose an indicator or a place, corridor or measure, not both")
    templates = {"overview": _overview, "place": _place, "corridor": _corridor, "measure": _measure, "compare": _compare}
    selected = (templates | {"network": _network})[sel.kind](sel)
    if sel.thematic:
        selected = _with_values(selected, sel.thematic, uploaded)
    return selected


def _with_values(selected: View, thematic: Thematic, uploaded: pd.DataFrame | None) -> View:
    values = indicators.with_uploaded(indicators.county_values(), uploaded)
    if thematic.indicator not in values:
        known = ", ".join(i.key for i in indicators.builtin_catalogue()[:8])
        raise ValueError(f"unknown indicator {thematic.indicator!r}: use a built-in one ({known}, …) or a column of your table")
    selected.values = values[thematic.indicator]
    label_zh, label_en = indicators.label_of(thematic.indicator, "zh"), indicators.label_of(thematic.indicator, "en")
    selected.subtitle_zh = f"{label_zh} · {selected.subtitle_zh}"
    selected.subtitle_en = f"{label_en} · {selected.subtitle_en}"
    return selected


def _empty(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return gdf.iloc[0:0]


def _extras(sel: Selection, flt: Filter | None = None) -> dict[str, gpd.GeoDataFrame]:
    """The optional layers: what the filter keeps of those asked for, empty frames of the right schema for the rest."""
    flt = flt or sel.filter
    out = {}
    for name, load in (("regiments", layers.regiments), ("platforms", _platform_points), ("corridors", _drawn_corridors)):
        out[name] = flt.apply(load()) if name in sel.extras else empty_layer(name)
    if sel.platform_kinds is not None:
        out["platforms"] = out["platforms"][out["platforms"].kind.isin(sel.platform_kinds)]
    if sel.corridor_ids is not None:
        out["corridors"] = out["corridors"][out["corridors"].id.isin(sel.corridor_ids)]
    return out


def _platform_points() -> gpd.GeoDataFrame:
    return projects.as_points(projects.platforms())


def _drawn_corridors() -> gpd.GeoDataFrame:
    cor = projects.corridors()
    return cor[cor.geometry.notna()]


def empty_layer(name: str) -> gpd.GeoDataFrame:
    """A layer with no rows, cheap to make: columns from the schema."""
    return gpd.GeoDataFrame({c: pd.Series(dtype=object) for c in LAYERS[name].columns}, geometry=gpd.GeoSeries([], crs=4326), crs=4326)


def _bounds(*frames) -> tuple[float, float, float, float]:
    frames = [f for f in frames if len(f)]
    if not frames:
        return NATIONAL_FRAME
    b = pd.DataFrame([f.total_bounds for f in frames])
    return (float(b[0].min()), float(b[1].min()), float(b[2].max()), float(b[3].max()))


def _clip(gdf: gpd.GeoDataFrame, bounds, pad: float = 0.0) -> gpd.GeoDataFrame:
    """Lines cut to a box: the parts of the border line a map of that box shows (and its legend lists)."""
    minx, miny, maxx, maxy = bounds
    geoms = shapely.clip_by_rect(gdf.geometry.values, minx - pad, miny - pad, maxx + pad, maxy + pad)
    out = gdf.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=gdf.crs))
    return out[~out.geometry.is_empty]


def _in_frame(gdf: gpd.GeoDataFrame, bounds, pad: float = 0.0) -> gpd.GeoDataFrame:
    minx, miny, maxx, maxy = bounds
    return gdf[gdf.intersects(shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad))]


def _overview(sel: Selection) -> View:
    flt = sel.filter
    counties = shown_counties(flt)
    border = _clip(flt.apply(layers.border_line()), _bounds(counties), pad=0.3)
    title_zh, title_en = overview_title(flt)
    n, b = len(counties), int(counties.is_border_county.sum())
    return View(
        sel,
        counties,
        _empty(counties),
        border,
        bounds=_bounds(counties),
        title_zh=title_zh,
        title_en=title_en,
        subtitle_zh=f"县级单位 {n} 个，其中陆地边境县 {b} 个",
        subtitle_en=f"{n} county-level units, {b} of them land border counties",
        **_extras(sel),
    )


def overview_title(flt: Filter) -> tuple[str, str]:
    """Default titles naming the filter, e.g. 云南省陆地边境地区 / Land border areas of Yunnan."""
    what_zh, what_en = ("陆地边境县", "Land border counties") if flt.border_only else ("陆地边境地区", "Land border areas")
    where_zh = "、".join(PROVINCE_FULL_ZH.get(p, p) for p in flt.provinces) or "中国"
    where_en = ", ".join(PROVINCES_EN.get(p, p) for p in flt.provinces) or "China"
    zh, en = f"{where_zh}{what_zh}", f"{what_en} of {where_en}"
    if flt.neighbours:
        names = _neighbour_names()
        zh += "（与" + "、".join(names.get(n, (n, n))[0] for n in flt.neighbours) + "接壤）"
        en += " bordering " + ", ".join(names.get(n, (n, n))[1] for n in flt.neighbours)
    return zh, en


@cache
def _neighbour_names() -> dict[str, tuple[str, str]]:
    line = layers.border_line()
    return {r.iso3: (r.neighbour_zh, r.neighbour_en) for r in line.itertuples()}


def _place(sel: Selection) -> View:
    """One place with its surroundings: neighbouring counties, the border, platforms, regiments and corridors nearby."""
    from .policy import join

    place = join.resolve(sel.place)
    counties_all = layers.counties(detail=True)
    geom = _place_geometry(place, counties_all)
    minx, miny, maxx, maxy = geom.bounds
    pad = max(maxx - minx, maxy - miny, 0.3) * 0.45
    frame = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    counties = _in_frame(counties_all, frame)
    highlight = gpd.GeoDataFrame(
        {
            "name_zh": [place.name_zh],
            "name_en": [place.name_en or ""],
            "place_id": [place.place_id],
            "layer": [place.layer],
            "adcode": [place.place_id if place.layer in ("counties", "prefectures") else ""],
        },
        geometry=[geom],
        crs=4326,
    )
    extras = {k: _in_frame(v, frame) for k, v in _extras(sel, Filter()).items()}
    province = place.get("province_zh", "") or ""
    return View(
        sel,
        counties,
        highlight,
        _clip(layers.border_line(), frame),
        bounds=frame,
        title_zh=f"{place.name_zh}及周边",
        title_en=f"{place.name_en or place.name_zh} and surroundings",
        subtitle_zh=f"{PROVINCE_FULL_ZH.get(province, province)} · {place.place_id}",
        subtitle_en=f"{PROVINCES_EN.get(province, province)} · {place.place_id}",
        **extras,
    )


def _place_geometry(place, counties_all):
    """The outline (or point) of a resolved place; Inner Mongolia units resolve to their counties (join.resolve)."""
    if place.layer == "counties":
        return counties_all.set_index("adcode").geometry[place.place_id]
    if place.layer == "prefectures":
        return layers.prefectures().set_index("adcode").geometry[place.place_id]
    if place.layer == "regiments":
        return layers.regiments().set_index("id").geometry[place.place_id]
    return projects.as_points(projects.platforms()).set_index("id").geometry[place.place_id]


def _corridor(sel: Selection) -> View:
    """A corridor (with its segments, or its parent route), the counties it passes highlighted."""
    from .policy import kb

    all_cor = projects.corridors()
    if sel.corridor not in set(all_cor.id):
        raise ValueError(f"no corridor {sel.corridor!r}; choose one of {', '.join(all_cor.id)}")
    row = all_cor.set_index("id").loc[sel.corridor]
    family = all_cor[(all_cor.id == sel.corridor) | (all_cor.parent_id == sel.corridor)]
    family = family[family.geometry.notna()]
    if family.empty:
        raise ValueError(f"corridor {sel.corridor!r} has no line to draw (no located control points)")
    passed_ids = [a for a in row.counties.split(";") if a]
    counties_all = layers.counties(detail=True)
    highlight = counties_all[counties_all.adcode.isin(passed_ids)]
    bounds = _bounds(family, highlight)
    counties = _in_frame(counties_all, bounds) if bounds[2] - bounds[0] < NATIONAL_SPAN_DEG else highlight
    extras = {k: _in_frame(v, bounds) for k, v in _extras(sel, Filter()).items() if k != "corridors"}
    n = len(passed_ids)
    m = len([a for a in row.control_counties.split(";") if a in set(passed_ids)])
    section_zh, section_en = (kb.section_label(row.document, row.section, lang) for lang in ("zh", "en"))
    return View(
        sel,
        counties,
        highlight,
        _clip(layers.border_line(), bounds, pad=0.3),
        corridors=family,
        bounds=bounds,
        title_zh=row.name_zh,
        title_en=row.name_en,
        subtitle_zh=f"{row.status_zh} · 示意线经过 {n} 个县级单位，其中 {m} 个有出处 · {section_zh}",
        subtitle_en=f"{row.status_en} · schematic line passes {n} county-level units, {m} of them cited · {section_en}",
        **extras,
    )


def _measure(sel: Selection) -> View:
    from .policy import join, kb

    m = kb.measure(sel.measure)
    view = of_places(join.places_for(sel.measure), sel)
    doc = kb.documents()[m["document"]]
    view.title_zh, view.title_en = m["title_zh"], m["title_en"]
    section_zh, section_en = (kb.section_label(m["document"], m["section"], lang) for lang in ("zh", "en"))
    view.subtitle_zh = f"{doc['title_zh']} {section_zh} · 适用地点 {_place_count(view)} 处"
    view.subtitle_en = f"{kb.document_label(doc, 'en')} {section_en} · applies to {_place_count(view)} places"
    return view


def _network(sel: Selection) -> View:
    """The corridors and platforms a filter keeps over the border line, framed on what the filter leaves."""
    flt = sel.filter
    extras = _extras(sel)
    narrowed = flt.border_only or flt.provinces or flt.neighbours
    bounds = _bounds(shown_counties(flt)) if flt.provinces or flt.neighbours else NATIONAL_FRAME
    n_cor, n_plat = len(extras["corridors"]), len(extras["platforms"])
    return View(
        sel,
        empty_layer("counties"),
        empty_layer("counties"),
        _clip(flt.apply(layers.border_line()), bounds, pad=0.3) if narrowed else layers.border_line(),
        bounds=bounds,
        title_zh="通道与开发开放平台",
        title_en="Corridors and opening-up platforms",
        subtitle_zh=f"{overview_title(flt)[0]} · 通道 {n_cor} 条（示意），平台 {n_plat} 个",
        subtitle_en=f"{overview_title(flt)[1]} · {n_cor} corridors (schematic), {n_plat} platforms",
        **extras,
    )


def _compare(sel: Selection) -> View:
    """Places side by side: each one highlighted (areas) or ringed (points) over its surroundings."""
    from .policy import join

    resolved = [join.resolve(p) for p in sel.places]
    places = pd.DataFrame({"layer": [r.layer for r in resolved], "place_id": [r.place_id for r in resolved]})
    view = of_places(places, replace(sel, filter=Filter()))
    names_zh = "、".join(r.name_zh for r in resolved)
    names_en = ", ".join((r.name_en or r.name_zh) for r in resolved)
    view.title_zh, view.title_en = f"地点对比：{names_zh}", f"Compared: {names_en}"
    view.subtitle_zh, view.subtitle_en = f"{len(resolved)} 个地点", f"{len(resolved)} places"
    return view


def _place_count(view: View) -> int:
    return len(view.highlight) + len(view.regiments) + len(view.platforms)


def of_places(places: pd.DataFrame, sel: Selection | None = None) -> View:
    """Where something applies (rows of layer, place_id): matched areas highlighted, matched regiments/platforms as points."""
    from .policy import scope

    sel = sel or Selection(extras=frozenset(), measure="places")
    flt = sel.filter
    ids = {layer: set(group.place_id) for layer, group in places.groupby("layer")}
    im = scope.places("im-units")
    county_ids = ids.get("counties", set()) | set(im.loc[im.place_id.isin(ids.get("im-units", set())), "adcode"])
    counties_all = layers.counties()
    areas = [counties_all[counties_all.adcode.isin(county_ids)]]
    pref = layers.prefectures()
    areas.append(pref[pref.adcode.isin(ids.get("prefectures", set()))])
    highlight = flt.apply(pd.concat([a[["adcode", "name_zh", "name_en", "province_zh", "geometry"]] for a in areas], ignore_index=True))
    highlight = gpd.GeoDataFrame(highlight, geometry="geometry", crs=4326)
    regiments = flt.apply(layers.regiments())
    regiments = regiments[regiments.id.isin(ids.get("regiments", set()))]
    plat = _platform_points()
    plat = flt.apply(plat[plat.id.isin(ids.get("platforms", set()))])
    bounds = _bounds(highlight, regiments, plat)
    national = bounds[2] - bounds[0] >= NATIONAL_SPAN_DEG
    base = shown_counties(Filter()) if national else _in_frame(layers.counties(detail=True), bounds)
    return View(
        sel,
        base,
        highlight,
        _clip(flt.apply(layers.border_line()), bounds, pad=0.3),
        regiments=regiments,
        platforms=plat,
        corridors=empty_layer("corridors"),
        bounds=bounds,
        title_zh="适用地点",
        title_en="Where it applies",
    )


def of_features(features: gpd.GeoDataFrame, counties: list[str] | tuple[str, ...] = (), pad_km: float = 20.0) -> View:
    """A planner's features with what they touch: the counties they lie in highlighted, the border, and the regiments,
    platforms and corridors in the frame (a screening map)."""
    minx, miny, maxx, maxy = features.total_bounds
    pad = max(pad_km / 111.0, max(maxx - minx, maxy - miny) * 0.15, 0.15)
    frame = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    counties_all = layers.counties(detail=True)
    national = frame[2] - frame[0] >= NATIONAL_SPAN_DEG
    base = shown_counties(Filter()) if national else _in_frame(counties_all, frame)
    highlight = counties_all[counties_all.adcode.isin(list(counties))]
    sel = Selection(extras=frozenset(EXTRAS))
    extras = {k: _in_frame(v, frame) for k, v in _extras(sel, Filter()).items()}
    n = len(features)
    return View(
        sel,
        base,
        highlight[["adcode", "name_zh", "name_en", "province_zh", "geometry"]],
        _clip(layers.border_line(), frame, pad=0.3),
        bounds=frame,
        title_zh="项目筛查",
        title_en="Project screening",
        subtitle_zh=f"{n} 个对象",
        subtitle_en=f"{n} feature{'s' if n != 1 else ''}",
        features=features[["feature_id", "name", "geometry"]],
        **extras,
    )
