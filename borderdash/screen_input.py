"""What a planner brings to a screening, read into WGS84 features: typed coordinates, a table of points or of places
(CSV/.xlsx, read and matched as the thematic upload does), or a vector file (GeoJSON, KML/KMZ, zipped shapefile,
GeoPackage).

Everything works on bytes in memory. A file we cannot use is refused with an `upload.UploadError` in Chinese and
English; rows we cannot use are listed with the reason, and what was assumed or converted is said in the notes.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from . import i18n, upload
from .datum import geometry_gcj02_to_wgs84
from .upload import Bi, UploadError

MAX_FEATURES = 5000
MAX_GEO_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
CHINA_BOUNDS = (73.4, 3.8, 135.1, 53.6)
"""China's extent in degrees (the Pamirs to the Wusuli, the Zengmu Reef to the Heilong): longitudes and latitudes in it never
overlap, so the order of two numbers is never in doubt for a place in China."""
LON_HEADER = re.compile(r"^(lon|lng|long|longitude|x|经度|东经)([\s_\-(（].*)?$")
LAT_HEADER = re.compile(r"^(lat|latitude|y|纬度|北纬)([\s_\-(（].*)?$")
"""Longitude and latitude columns by header, with or without a unit or datum after the name (经度(°), lng_gcj02, lat wgs84)."""
COORDINATE_HEADERS = {"坐标", "经纬度", "coordinates", "coordinate", "lonlat", "lon_lat", "location", "位置"}
LABEL_HEADERS = ("name", "名称", "项目名称", "项目", "title", "名字", "Name", "NAME", "label", "编号", "id", "ID")
GCJ_HINT = re.compile(r"gcj|amap|gaode|高德|腾讯|tencent|火星|mars", re.I)
BD09_HINT = re.compile(r"bd09|baidu|百度", re.I)
SQLITE = b"SQLite format 3\x00"


@dataclass
class Features:
    """Features to screen (feature_id, name, located_by, gcj02, geometry in WGS84), and what reading them found."""

    frame: gpd.GeoDataFrame
    format: str
    notes: list = field(default_factory=list)
    refused: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["row", "value", "reason"]))

    def text(self, lang: str = "zh") -> str:
        """What was read, for the CLI's stderr, in one language."""
        source = i18n.t("cli.typed", lang) if self.format == "text" else self.format
        lines = [i18n.t("cli.read_features", lang, n=len(self.frame), source=source), *(upload.pick(n, lang) for n in self.notes)]
        for r in self.refused.head(30).itertuples():
            lines.append(i18n.t("cli.row_not_read", lang, row=r.row, value=repr(r.value), reason=upload.pick(r.reason, lang)))
        if len(self.refused) > 30:
            lines.append(i18n.t("cli.more_not_read", lang, n=len(self.refused) - 30))
        return "\n".join(lines)


def _bi(zh: str, en: str) -> Bi:
    return Bi(zh, en, f"{zh} · {en}")


# --- typed coordinates ---------------------------------------------------------------------------------------------

NUMBER = r"[+-]?\d+(?:\.\d+)?"
DMS = re.compile(
    rf"({NUMBER})\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*(?!′′|'')['′’分]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:[\"″”]|′′|''|秒)\s*)?([NSEW北南东西])?", re.I
)
PREFIXED = re.compile(rf"([NSEW北南东西]?)\s*({NUMBER})", re.I)
SUFFIXED = re.compile(rf"({NUMBER})\s*([NSEW北南东西]?)", re.I)
HEMISPHERES = {"n": "lat", "s": "lat", "北": "lat", "南": "lat", "e": "lon", "w": "lon", "东": "lon", "西": "lon"}
NEGATIVE = {"s", "w", "南", "西"}


def parse_point(text: str) -> tuple[float, float, Bi | None]:
    """(lon, lat, note) from typed coordinates: "107.97, 21.55", "21.55 107.97", "21°32′52″N 107°58′18″E"…

    Two numbers are read as lon, lat, or as lat, lon when only that order puts them in China (the note says so);
    hemisphere letters, where given, decide."""
    raw = unicodedata.normalize("NFKC", str(text or "")).strip()
    if not raw:
        raise UploadError("no-coordinates", "请输入坐标（经度, 纬度）", "Type coordinates (lon, lat)")
    values = _numbers(raw)
    if len(values) != 2:
        raise UploadError(
            "bad-coordinates",
            f"无法读出一对坐标：“{raw[:40]}”；请写成“经度, 纬度”，如 107.97, 21.55",
            f"Cannot read one pair of coordinates from {raw[:40]!r}; write lon, lat, e.g. 107.97, 21.55",
        )
    (a, ha), (b, hb) = values
    if ha or hb:
        if {ha, hb} != {"lon", "lat"}:
            raise UploadError(
                "bad-coordinates", "经纬度标记（N/E）重复或缺失", "The N/S/E/W letters must mark one latitude and one longitude"
            )
        lon, lat = (a, b) if ha == "lon" else (b, a)
        return _checked(lon, lat, None, raw)
    if _in_china(a, b):
        return a, b, None
    if _in_china(b, a):
        return b, a, _bi(f"按“纬度, 经度”读取：{raw[:40]}", f"Read as lat, lon: {raw[:40]}")
    return _checked(a, b, None, raw)


def _numbers(raw: str) -> list[tuple[float, str]]:
    """The numbers of a coordinate text with the hemisphere each is marked with ('lon', 'lat' or '')."""
    if DMS.search(raw) and re.search(r"[°度]", raw):
        out = []
        for deg, minutes, seconds, hemi in DMS.findall(raw):
            value = abs(float(deg)) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
            hemi = hemi.lower()
            sign = -1 if hemi in NEGATIVE or deg.startswith("-") else 1
            out.append((sign * value, HEMISPHERES.get(hemi, "")))
        return out
    out = []
    pattern = PREFIXED if re.match(r"^\s*[NSEW北南东西]", raw, re.I) else SUFFIXED
    for first, second in pattern.findall(raw.replace("，", ",").replace("；", ";")):
        number, hemi = (second, first.lower()) if pattern is PREFIXED else (first, second.lower())
        value = float(number)
        out.append((-abs(value) if hemi in NEGATIVE else value, HEMISPHERES.get(hemi, "")))
    return out


def _in_china(lon: float, lat: float) -> bool:
    minx, miny, maxx, maxy = CHINA_BOUNDS
    return minx <= lon <= maxx and miny <= lat <= maxy


def _checked(lon: float, lat: float, note, raw: str):
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise UploadError(
            "bad-coordinates",
            f"“{raw[:40]}”不是经纬度（经度 −180 至 180，纬度 −90 至 90）",
            f"{raw[:40]!r} are not degrees (lon −180 to 180, lat −90 to 90)",
        )
    if not _in_china(lon, lat):
        raise UploadError(
            "outside-china",
            f"坐标 {lon:g}, {lat:g} 不在中国范围内（经度 73–135，纬度 4–54），按任一顺序读都不在",
            f"{lon:g}, {lat:g} is outside China (lon 73–135, lat 4–54) in either order",
        )
    return lon, lat, note


def points_from_text(text: str, gcj02: bool = False) -> Features:
    """Features from typed coordinates, one point a line (or separated by ';')."""
    parts = [p.strip() for p in re.split(r"[\n;；]+", str(text or "")) if p.strip()]
    if not parts:
        raise UploadError("no-coordinates", "请输入坐标（经度, 纬度）", "Type coordinates (lon, lat)")
    if len(parts) > MAX_FEATURES:
        raise _too_many(len(parts))
    rows, notes = [], []
    for part in parts:
        lon, lat, note = parse_point(part)
        rows.append((lon, lat))
        if note:
            notes.append(note)
    lon, lat = np.array(rows).T
    frame = _frame(shapely.points(lon, lat), [f"{x:.5f}, {y:.5f}" for x, y in rows])
    return _finish(Features(frame, "text", notes), gcj02)


# --- files --------------------------------------------------------------------------------------------------------


def read(data: bytes, filename: str = "", gcj02: bool = False, counties: pd.DataFrame | None = None) -> Features:
    """Features from an uploaded file; the format is told by the bytes, not the name.

    Tables take lon/lat columns, or an adcode or place-name column matched to the counties (`counties`, the county layer)."""
    if not data:
        raise UploadError("empty", "文件为空", "The file is empty")
    if len(data) > MAX_GEO_BYTES:
        raise UploadError(
            "too-large",
            f"文件过大（{len(data) / 2**20:.1f} MB），上限 {MAX_GEO_BYTES // 2**20} MB",
            f"The file is too large ({len(data) / 2**20:.1f} MB); the limit is {MAX_GEO_BYTES // 2**20} MB",
        )
    head = data[:4096]
    if data.startswith(b"PK\x03\x04"):
        return _finish(_read_zip(data, filename, counties), gcj02, filename)
    if data.startswith(SQLITE):
        return _finish(_read_vector(data, "GeoPackage"), gcj02, filename)
    text_head = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text_head.startswith(b"{") or (text_head.startswith(b"[") and b'"type"' in head):
        return _finish(_read_vector(_utf8(data), "GeoJSON"), gcj02, filename)
    if text_head.startswith(b"<") and b"<kml" in head.lower():
        return _finish(_read_vector(_utf8(data, xml=True), "KML"), gcj02, filename)
    if len(data) > upload.MAX_BYTES:
        raise UploadError(
            "too-large",
            f"表格文件过大（{len(data) / 2**20:.1f} MB），上限 {upload.MAX_BYTES // 2**20} MB",
            f"The table is too large ({len(data) / 2**20:.1f} MB); the limit is {upload.MAX_BYTES // 2**20} MB",
        )
    return _finish(_read_table(upload.read(data, filename), counties), gcj02, filename)


def _utf8(data: bytes, xml: bool = False) -> bytes:
    """Text files as UTF-8 for GDAL, whatever encoding they came in (refused as the upload refuses, when unknown)."""
    text, _encoding = upload.decode(data)
    if xml:
        text = re.sub(r"^(<\?xml[^>]*?encoding=)[\"'][^\"']*[\"']", r'\1"utf-8"', text.lstrip(), count=1)
    return text.encode("utf-8")


def _read_zip(data: bytes, filename: str, counties) -> Features:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = [n for n in archive.namelist() if not n.endswith("/") and not n.startswith("__MACOSX")]
        unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise UploadError("bad-zip", "压缩包已损坏，无法打开", "The zip file is damaged and cannot be opened") from None
    if "xl/workbook.xml" in names:
        return _read_table(upload.read(data, filename), counties)
    if unpacked > MAX_UNPACKED:
        raise UploadError("too-large", "压缩包解压后过大", f"The zip unpacks to {unpacked / 2**20:.0f} MB, over the limit")
    lower = [n.lower() for n in names]
    shapefiles = [n for n, low in zip(names, lower, strict=True) if low.endswith(".shp")]
    if shapefiles:
        missing = [s for s in shapefiles if not any(lo == s.lower()[:-4] + ".dbf" for lo in lower)]
        if missing or not all(any(lo == s.lower()[:-4] + ".shx" for lo in lower) for s in shapefiles):
            raise UploadError(
                "bad-shapefile",
                "压缩包中的 Shapefile 不完整：需要同名的 .shp、.shx、.dbf（和 .prj）",
                "The shapefile in the zip is incomplete: it needs .shp, .shx and .dbf files of one name (and a .prj)",
            )
        no_prj = [s for s in shapefiles if not any(lo == s.lower()[:-4] + ".prj" for lo in lower)]
        features = _read_vector(data, "zipped shapefile", zipped=True)
        if no_prj:
            features.notes.append(_bi("Shapefile 没有 .prj 文件", "The shapefile has no .prj file"))
        return features
    for ext, fmt in ((".kml", "KMZ"), (".geojson", "GeoJSON"), (".json", "GeoJSON"), (".gpkg", "GeoPackage")):
        inner = [n for n, low in zip(names, lower, strict=True) if low.endswith(ext)]
        if inner:
            return _read_vector(archive.read(inner[0]), fmt)
    raise UploadError(
        "bad-zip",
        "压缩包中没有 Shapefile（.shp）、KML、GeoJSON 或 GeoPackage",
        "The zip holds no shapefile (.shp), KML, GeoJSON or GeoPackage",
    )


def _read_vector(data: bytes, fmt: str, zipped: bool = False) -> Features:
    """Every layer of a vector file, reprojected to WGS84 from its CRS; refused when layers disagree on the CRS."""
    import pyogrio

    source = io.BytesIO(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            listed = pyogrio.list_layers(source)
            frames = []
            for k, (name, _geometry_type) in enumerate(listed):
                source.seek(0)
                label = f"{k + 1}" if str(name).startswith("pyogrio_") else str(name)
                frames.append((label, pyogrio.read_dataframe(source, layer=k)))
    except Exception as exc:  # GDAL raises several types for unreadable input
        raise UploadError(
            "bad-file", f"{fmt} 文件无法读取（{type(exc).__name__}）", f"The {fmt} file cannot be read ({type(exc).__name__})"
        ) from None
    frames = [(name, df) for name, df in frames if isinstance(df, gpd.GeoDataFrame) and df.geometry.notna().any()]
    if not frames:
        raise UploadError("no-geometry", f"{fmt} 文件中没有几何图形", f"The {fmt} file holds no geometry")
    crs_of = {name: df.crs for name, df in frames}
    distinct = {c.to_wkt() if c is not None else "" for c in crs_of.values()}
    if len(distinct) > 1:
        listed_crs = "; ".join(f"{n}: {_crs_label(c)}" for n, c in crs_of.items())
        raise UploadError(
            "mixed-crs",
            f"各图层坐标系不同（{listed_crs}）：请统一为一个坐标系或分别上传",
            f"The layers use different coordinate systems ({listed_crs}): give them one CRS, or upload them separately",
        )
    notes = []
    if len(frames) > 1:
        notes.append(_bi(f"读取了 {len(frames)} 个图层", f"Read {len(frames)} layers"))
    frame = pd.concat([df.assign(_layer=name) for name, df in frames], ignore_index=True)
    frame = gpd.GeoDataFrame(frame, geometry=frames[0][1].geometry.name, crs=frames[0][1].crs)
    frame, crs_notes = _to_wgs84(frame, fmt)
    notes += crs_notes
    return _from_frame(frame, fmt, notes)


def _crs_label(crs) -> str:
    if crs is None:
        return "none"
    epsg = crs.to_epsg()
    return f"{crs.name} (EPSG:{epsg})" if epsg else crs.name


def _to_wgs84(frame: gpd.GeoDataFrame, fmt: str) -> tuple[gpd.GeoDataFrame, list]:
    """The frame in WGS84: reprojected from its CRS; without one, read as lon/lat only if the numbers are degrees."""
    if frame.crs is None:
        minx, miny, maxx, maxy = frame.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise UploadError(
                "no-crs",
                f"{fmt} 没有坐标系说明（如 .prj），坐标也不是经纬度（如 {minx:.0f}, {miny:.0f}）：请附上 .prj 或另存为 WGS84",
                f"The {fmt} has no coordinate system (e.g. no .prj) and its coordinates are not degrees (e.g. {minx:.0f}, "
                f"{miny:.0f}): add the .prj or save it as WGS84",
            )
        return frame.set_crs(4326), [_bi("未给出坐标系：按 WGS84 经纬度读取", "No coordinate system given: read as WGS84 lon/lat")]
    if frame.crs.equals("EPSG:4326") or frame.crs.to_epsg() == 4326:
        return frame, []
    label = _crs_label(frame.crs)
    try:
        out = frame.to_crs(4326)
    except Exception as exc:  # pyproj raises several types for CRSs it cannot transform
        raise UploadError(
            "bad-crs", f"无法从坐标系 {label} 转换为 WGS84", f"Cannot reproject from {label} to WGS84 ({type(exc).__name__})"
        ) from None
    return out, [_bi(f"已从 {label} 转换为 WGS84", f"Reprojected from {label} to WGS84")]


def _from_frame(frame: gpd.GeoDataFrame, fmt: str, notes: list) -> Features:
    """Usable features of a vector frame: empty geometries dropped, multipoints split, Z dropped, polygons repaired."""
    geoms = frame.geometry.values
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if empty.all():
        raise UploadError("no-geometry", f"{fmt} 文件中没有几何图形", f"The {fmt} file holds no geometry")
    if empty.any():
        notes.append(_bi(f"{int(empty.sum())} 个要素没有几何图形，已跳过", f"{int(empty.sum())} features without geometry skipped"))
    frame = frame[~empty].reset_index(drop=True)
    labels = _labels(frame)
    types = shapely.get_type_id(frame.geometry.values)
    collections = types == 7
    if collections.any():
        notes.append(_bi(f"{int(collections.sum())} 个几何集合已跳过", f"{int(collections.sum())} geometry collections skipped"))
        frame, labels = frame[~collections].reset_index(drop=True), [v for v, c in zip(labels, collections, strict=True) if not c]
    parts, owner = shapely.get_parts(frame.geometry.values, return_index=True)
    multipoint = shapely.get_type_id(frame.geometry.values) == 4
    geoms, names = [], []
    for k, geom in enumerate(frame.geometry.values):
        if multipoint[k]:
            pieces = parts[owner == k]
            geoms += list(pieces)
            names += [f"{labels[k]} ({j + 1})" if labels[k] else "" for j in range(len(pieces))]
        else:
            geoms.append(geom)
            names.append(labels[k])
    if multipoint.any():
        notes.append(_bi("多点要素已拆为单点", "Multipoint features split into points"))
    geoms = shapely.force_2d(np.asarray(geoms, dtype=object))
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        geoms[invalid] = shapely.make_valid(geoms[invalid])
        notes.append(_bi(f"{int(invalid.sum())} 个无效多边形已修复", f"{int(invalid.sum())} invalid polygons repaired"))
    if len(geoms) > MAX_FEATURES:
        raise _too_many(len(geoms))
    columns = " ".join(map(str, frame.columns)) + " " + " ".join(map(str, frame.get("_layer", [])))
    notes += _datum_hints(columns)
    return Features(_frame(geoms, names), fmt, notes)


def _labels(frame: pd.DataFrame) -> list[str]:
    """A name for each feature from its first name-like attribute."""
    for col in LABEL_HEADERS:
        if col in frame.columns:
            return [("" if pd.isna(v) else str(v).strip())[:80] for v in frame[col]]
    return [""] * len(frame)


def _read_table(table: upload.Table, counties: pd.DataFrame | None) -> Features:
    """Points from lon/lat columns (or one coordinate column), else places matched by adcode or name as the upload does."""
    frame = table.frame
    norm = {c: unicodedata.normalize("NFKC", str(c)).strip().lower() for c in frame.columns}
    lon_col = next((c for c, n in norm.items() if LON_HEADER.match(n)), None)
    lat_col = next((c for c, n in norm.items() if LAT_HEADER.match(n)), None)
    pair_col = next((c for c, n in norm.items() if n in COORDINATE_HEADERS), None)
    names = _labels(frame)
    notes = list(table.notes) + _datum_hints(" ".join(map(str, frame.columns)))
    if lon_col is not None and lat_col is not None:
        return _table_points(table, lon_col, lat_col, names, notes)
    if pair_col is not None:
        return _table_pairs(table, pair_col, names, notes)
    if counties is None:
        from . import layers

        counties = layers.counties()
    try:
        report = upload.match(table, counties)
    except UploadError:
        raise UploadError(
            "no-location",
            "表格中找不到经度/纬度列，也找不到行政区划代码或县名列",
            "The table has no lon/lat columns, and no column of adcodes or county names",
        ) from None
    return _table_places(table, report, names, notes)


def _table_points(table: upload.Table, lon_col: str, lat_col: str, names: list[str], notes: list) -> Features:
    lon = np.array([upload.to_number(v) if upload.to_number(v) is not None else np.nan for v in table.frame[lon_col]], dtype=float)
    lat = np.array([upload.to_number(v) if upload.to_number(v) is not None else np.nan for v in table.frame[lat_col]], dtype=float)
    finite = np.isfinite(lon) & np.isfinite(lat)
    swapped = np.array([_in_china(y, x) for x, y in zip(lon, lat, strict=True)]) & finite
    ok = finite & (((np.abs(lon) <= 180) & (np.abs(lat) <= 90)) | swapped)
    refused = [
        (row, f"{x}, {y}", _bi("经纬度缺失、不是数字或不是度", "lon/lat missing, not a number or not degrees"))
        for row, x, y, good in zip(table.rows, table.frame[lon_col], table.frame[lat_col], ok, strict=True)
        if not good
    ]
    if not ok.any():
        raise UploadError(
            "bad-coordinates",
            f"“{lon_col}”“{lat_col}”两列中没有可用的经纬度（度）",
            f"No usable lon/lat (degrees) in columns {lon_col!r} and {lat_col!r}",
        )
    inside = np.array([_in_china(x, y) for x, y in zip(lon, lat, strict=True)]) & ok
    if not inside.any():
        if swapped[ok].all():
            raise UploadError(
                "swapped-columns",
                f"“{lon_col}”列的值像纬度、“{lat_col}”列的值像经度：两列可能颠倒，请检查列名",
                f"Column {lon_col!r} holds latitudes and {lat_col!r} longitudes: the two look swapped; check the headers",
            )
        raise _outside_china()
    if swapped.any():
        notes.append(_bi(f"{int(swapped.sum())} 行的经纬度可能颠倒（已在结果中标出）", f"{int(swapped.sum())} rows look swapped (flagged)"))
    keep = np.flatnonzero(ok)
    if len(keep) > MAX_FEATURES:
        raise _too_many(len(keep))
    labels = [names[k] or f"{table.rows[k]}" for k in keep]
    features = Features(_frame(shapely.points(lon[keep], lat[keep]), labels), table.format, notes, _refused(refused))
    features.frame["source_row"] = [table.rows[k] for k in keep]
    return features


def _table_pairs(table: upload.Table, col: str, names: list[str], notes: list) -> Features:
    points, labels, rows, refused = [], [], [], []
    for k, (row, text) in enumerate(zip(table.rows, table.frame[col], strict=True)):
        try:
            lon, lat, note = parse_point(text)
        except UploadError as exc:
            refused.append((row, text, _bi(exc.zh, exc.en)))
            continue
        points.append(shapely.Point(lon, lat))
        labels.append(names[k] or str(row))
        rows.append(row)
        if note:
            notes.append(note)
    if not points:
        raise UploadError("bad-coordinates", f"“{col}”列中没有可用的坐标", f"No usable coordinates in column {col!r}")
    if len(points) > MAX_FEATURES:
        raise _too_many(len(points))
    features = Features(_frame(np.asarray(points, dtype=object), labels), table.format, notes, _refused(refused))
    features.frame["source_row"] = rows
    return features


def _table_places(table: upload.Table, report: upload.MatchReport, names: list[str], notes: list) -> Features:
    """Rows matched to counties become the counties' polygons, located only by county (the band is then unknown)."""
    from . import layers

    if report.matched.empty:
        raise UploadError(
            "no-match",
            f"“{report.key_column}”列中没有与县级单位匹配的行",
            f"No row of column {report.key_column!r} matched a county",
        )
    matched = report.matched.reset_index(drop=True)
    if len(matched) > MAX_FEATURES:
        raise _too_many(len(matched))
    polygons = layers.counties(detail=True).set_index("adcode").geometry
    pos = {row: k for k, row in enumerate(table.rows)}
    labels = [names[pos[r]] or f"{k} {n}" for r, k, n in zip(matched.row, matched.key, matched.name_zh, strict=True)]
    frame = _frame(polygons.reindex(matched.adcode).values, labels)
    frame["located_by"] = "county"
    frame["source_row"] = matched.row.to_numpy()
    refused = [(r.row, r.key, r.reason) for r in report.unmatched.itertuples()]
    notes = notes + [
        _bi(
            f"按{'行政区划代码' if report.key == 'adcode' else '县名'}（“{report.key_column}”列）匹配 {len(matched)} / {report.rows} 行："
            "只知所在县，位置按整县计",
            f"Matched {len(matched)} of {report.rows} rows by {report.key} (column {report.key_column!r}): located only by county, "
            "screened as the whole county",
        )
    ]
    notes += [n for n in report.notes if n not in notes]
    return Features(frame, table.format, notes, _refused(refused))


def _refused(rows: list[tuple]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=["row", "value", "reason"])
    out["reason"] = pd.Series([r[2] for r in rows], dtype=object)
    return out


def _frame(geoms, names: list[str]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "feature_id": [str(i) for i in range(1, len(names) + 1)],
            "name": names,
            "located_by": "",
            "gcj02": False,
        },
        geometry=list(geoms),
        crs=4326,
    )


def _datum_hints(text: str) -> list:
    """Notes when column, layer or file names say the coordinates are GCJ-02 or Baidu's BD-09."""
    notes = []
    if GCJ_HINT.search(text):
        notes.append(
            _bi(
                "名称中提到高德/腾讯/GCJ-02：如坐标取自这些网络地图，请勾选“坐标为 GCJ-02”（命令行 --gcj02）以换算为 WGS84",
                "Names mention AMap/Tencent/GCJ-02: if the coordinates come from those web maps, tick 'coordinates are GCJ-02' "
                "(--gcj02) to convert them to WGS84",
            )
        )
    if BD09_HINT.search(text):
        notes.append(
            _bi(
                "名称中提到百度/BD-09：本工具不换算百度坐标，请先转换为 WGS84 或 GCJ-02",
                "Names mention Baidu/BD-09: Baidu coordinates are not converted here; convert them to WGS84 or GCJ-02 first",
            )
        )
    return notes


def _finish(features: Features, gcj02: bool, filename: str = "") -> Features:
    """The features checked against China's extent, and converted from GCJ-02 when the user says they are."""
    frame = features.frame
    features.notes += [n for n in _datum_hints(filename) if n not in features.notes]
    if gcj02:
        frame = frame.set_geometry(list(geometry_gcj02_to_wgs84(frame.geometry.values)))
        frame["gcj02"] = True
        features.notes.append(_bi("坐标按 GCJ-02 读取，已逐点换算为 WGS84", "Coordinates read as GCJ-02 and converted to WGS84 per vertex"))
    minx, miny, maxx, maxy = CHINA_BOUNDS
    box = shapely.box(minx, miny, maxx, maxy)
    near = shapely.intersects(frame.geometry.values, box)
    if not near.any():
        swapped = shapely.transform(frame.geometry.values, lambda xy: xy[:, ::-1])
        if shapely.intersects(swapped, box).all():
            raise UploadError(
                "swapped-columns",
                "所有坐标都不在中国范围内，但交换经纬度后都在：坐标可能按（纬度，经度）保存",
                "No coordinate lies in China, but all do with lon and lat swapped: the file may store (lat, lon)",
            )
        raise _outside_china()
    features.frame = frame
    return features


def _outside_china() -> UploadError:
    return UploadError(
        "outside-china",
        "所有坐标都不在中国范围内（经度 73–135，纬度 4–54）：请检查坐标系或经纬度",
        "No coordinate lies in China (lon 73–135, lat 4–54): check the coordinate system or the lon/lat columns",
    )


def _too_many(n: int) -> UploadError:
    return UploadError(
        "too-many-features",
        f"要素过多（{n:,} 个），上限 {MAX_FEATURES:,} 个",
        f"Too many features ({n:,}); the limit is {MAX_FEATURES:,}",
    )
