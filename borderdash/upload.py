"""The planner's own table: read an uploaded CSV or .xlsx from bytes, match its rows to counties, report.

Everything works on bytes in memory; nothing is written to disk. Every refusal is an
UploadError carrying a message in Chinese and English. The match report says what
matched, what did not (with the closest names), which keys repeat and which cells are
not numbers, before anything is mapped.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .schema import PROVINCES_EN

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_XLSX_UNPACKED = 60 * 1024 * 1024
MAX_SUGGESTED = 50
LIMITS_ZH = (
    f"CSV（UTF-8 或 GBK/GB18030）或 .xlsx；最多 {MAX_ROWS:,} 行、{MAX_COLUMNS} 列、{MAX_BYTES // 2**20} MB；按行政区划代码或县名匹配"
)
LIMITS_EN = (
    f"CSV (UTF-8 or GBK/GB18030) or .xlsx; at most {MAX_ROWS:,} rows, {MAX_COLUMNS} columns, "
    f"{MAX_BYTES // 2**20} MB; keyed by adcode or county name"
)


class UploadError(ValueError):
    """A file we refuse, with the reason in Chinese and English for the person who uploaded it."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(f"{zh} · {en}")
        self.code, self.zh, self.en = code, zh, en


class Bi(str):
    """A message in both languages: as a string it reads as both (CLI, logs); pick(lang) gives one."""

    zh: str
    en: str

    def __new__(cls, zh: str, en: str, both: str | None = None):
        obj = super().__new__(cls, both or f"{zh} {en}")
        obj.zh, obj.en = zh, en
        return obj

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def pick(message, lang: str) -> str:
    """One language of a report message (plain strings pass through)."""
    return message.pick(lang) if isinstance(message, Bi) else message


@dataclass
class Table:
    """The cells of an uploaded table as text, with the row number each data row had in the file."""

    frame: pd.DataFrame
    rows: list[int]
    format: str
    encoding: str
    notes: list[str] = field(default_factory=list)


# --- reading ---------------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
    b"Rar!": "RAR",
    b"7z\xbc\xaf": "7z",
}


def read(data: bytes, filename: str = "") -> Table:
    """A CSV or .xlsx file's cells; the format is told by the bytes, not the file name."""
    ext = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if not data:
        raise UploadError("empty", "文件为空", "The file is empty")
    if len(data) > MAX_BYTES:
        raise UploadError(
            "too-large",
            f"文件过大（{len(data) / 2**20:.1f} MB），上限 {MAX_BYTES // 2**20} MB",
            f"The file is too large ({len(data) / 2**20:.1f} MB); the limit is {MAX_BYTES // 2**20} MB",
        )
    if data.startswith(OLE2):
        raise UploadError(
            "xls",
            "这是旧版 Excel（.xls）或加密的工作簿，无法读取；请另存为 .xlsx 或 CSV（UTF-8）",
            "This is an old Excel (.xls) or password-protected workbook, which cannot be read; save it as .xlsx or CSV (UTF-8)",
        )
    if data.startswith(b"PK\x03\x04"):
        table = _read_xlsx(data)
        if ext == "csv":
            table.notes.append(
                Bi(
                    "文件名为 .csv，内容是 Excel 工作簿，已按 .xlsx 读取",
                    "Named .csv but is an Excel workbook; read as .xlsx",
                    "文件名为 .csv，内容是 Excel 工作簿，已按 .xlsx 读取 · Named .csv but is an Excel workbook; read as .xlsx",
                )
            )
        return table
    if ext in ("xlsx", "xlsm", "xls"):
        head = data[:512].lstrip().lower()
        what = "网页（HTML）" if head.startswith((b"<!doctype html", b"<html", b"<table")) else "文本或其他格式"
        raise UploadError(
            "fake-xlsx",
            f"文件扩展名为 .{ext}，但内容不是 Excel 工作簿（是{what}）；请在 Excel 中另存为 .xlsx 或 CSV",
            f"The file is named .{ext} but is not an Excel workbook; save it from Excel as .xlsx or CSV",
        )
    return _read_csv(data)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:4096]:
        return "binary"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Text of an uploaded file and the encoding found (UTF-8 with or without BOM, UTF-16, GBK/GB18030); binary content
    and unknown encodings are refused with the reason."""
    return _decode(data)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "UTF-8 with BOM"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "UTF-16"), "UTF-16"
    kind = _binary_kind(data)
    if kind:
        what = "" if kind == "binary" else f"{kind} "
        raise UploadError("binary", f"这不是表格文件（{what}二进制内容）", f"This is not a table file ({what}binary content)")
    try:
        return data.decode("utf-8"), "UTF-8" if any(b > 127 for b in data) else "UTF-8 (ASCII)"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GB18030/GBK"
    except UnicodeDecodeError:
        raise UploadError(
            "encoding",
            "无法识别文件编码：既不是 UTF-8 也不是 GBK/GB18030；请另存为“CSV UTF-8”",
            "Unknown text encoding: neither UTF-8 nor GBK/GB18030; save the file as 'CSV UTF-8'",
        ) from None


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UploadError(
            "encoding",
            f"文件声明为 {label}，但第 {exc.start} 字节处编码无效",
            f"The file is marked as {label} but has invalid bytes at offset {exc.start}",
        ) from None


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    controls = sum(1 for ch in text[:20000] if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n")
    if controls > max(3, len(text[:20000]) // 200):
        raise UploadError("binary", "这不是表格文件（含大量控制字符）", "This is not a table file (it is full of control characters)")
    lines = text.splitlines()
    if len(lines) > MAX_ROWS + 20:
        raise _too_many_rows(len(lines))
    sample = "\n".join(lines[:50])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;|，").delimiter
    except csv.Error:
        delimiter = ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    notes = [Bi(f"编码：{encoding}", f"Encoding: {encoding}", f"编码 Encoding: {encoding}")]
    if delimiter != ",":
        shown = "Tab" if delimiter == chr(9) else delimiter
        notes.append(Bi(f"分隔符：{shown}", f"Delimiter: {shown}", f"分隔符 Delimiter: {shown}"))
    return _frame(rows, "csv", encoding, notes)


def _too_many_rows(n: int) -> UploadError:
    return UploadError(
        "too-many-rows", f"行数过多（约 {n:,} 行），上限 {MAX_ROWS:,} 行", f"Too many rows (about {n:,}); the limit is {MAX_ROWS:,}"
    )


def _read_xlsx(data: bytes) -> Table:
    import openpyxl

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(i.file_size for i in archive.infolist())
    except zipfile.BadZipFile:
        raise UploadError("bad-xlsx", "Excel 文件已损坏，无法打开", "The Excel file is damaged and cannot be opened") from None
    if "xl/workbook.xml" not in names:
        raise UploadError(
            "bad-xlsx", "这是压缩包或其他 Office 文件，不是 Excel 工作簿", "This is a zip or another Office file, not an Excel workbook"
        )
    if unpacked > MAX_XLSX_UNPACKED:
        raise UploadError("too-large", "工作簿解压后过大", f"The workbook unpacks to {unpacked / 2**20:.0f} MB, over the limit")
    try:
        formulas_wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        values_wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for malformed parts
        raise UploadError(
            "bad-xlsx", "Excel 文件无法读取（文件结构有误）", f"The Excel file cannot be read ({type(exc).__name__})"
        ) from None
    sheet = formulas_wb.worksheets[0]
    values_sheet = values_wb.worksheets[0]
    notes = [
        Bi(
            f"格式：.xlsx，工作表“{sheet.title}”",
            f"Format: .xlsx, sheet '{sheet.title}'",
            f"格式 Format: .xlsx, 工作表 sheet '{sheet.title}'",
        )
    ]
    if len(formulas_wb.worksheets) > 1:
        others = len(formulas_wb.worksheets) - 1
        notes.append(
            Bi(
                f"仅读取第一个工作表，忽略其余 {others} 个",
                "Only the first sheet is read",
                f"仅读取第一个工作表，忽略其余 {others} 个 · Only the first sheet is read",
            )
        )
    rows, formulas, unsaved = [], [], []
    for r, (frow, vrow) in enumerate(zip(sheet.iter_rows(), values_sheet.iter_rows(values_only=True), strict=False), start=1):
        if r > MAX_ROWS + 20:
            raise _too_many_rows(r)
        out = []
        for cell, value in zip(frow, vrow, strict=False):
            if getattr(cell, "data_type", None) == "f":
                ref = f"{cell.column_letter}{r}" if hasattr(cell, "column_letter") else f"row {r}"
                formulas.append(ref)
                if value is None:
                    unsaved.append(ref)
            out.append(_cell_text(value))
        rows.append(out)
        if len(out) > MAX_COLUMNS * 4:
            raise _too_many_columns(len(out))
    formulas_wb.close()
    values_wb.close()
    if unsaved:
        raise UploadError(
            "formulas",
            f"有 {len(unsaved)} 个公式单元格没有保存计算结果（如 {', '.join(unsaved[:3])}）；请在 Excel 中打开并保存，或复制后“粘贴为数值”",
            f"{len(unsaved)} formula cells have no saved result (e.g. {', '.join(unsaved[:3])}); "
            "open and save in Excel, or paste as values",
        )
    if formulas:
        zh = f"含 {len(formulas)} 个公式单元格（如 {', '.join(formulas[:3])}），已使用其保存的计算结果"
        en = f"{len(formulas)} formula cells; their saved results are used"
        notes.append(Bi(zh, en, f"{zh} · {en}"))
    return _frame(rows, "xlsx", "xlsx", notes)


def _too_many_columns(n: int) -> UploadError:
    return UploadError(
        "too-many-columns", f"列数过多（{n} 列），上限 {MAX_COLUMNS} 列", f"Too many columns ({n}); the limit is {MAX_COLUMNS}"
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _frame(raw: list[list[str]], fmt: str, encoding: str, notes: list[str]) -> Table:
    """Cells to a frame: leading title rows skipped, a two-row (merged) header combined, blank rows dropped."""
    numbered = [(i, [str(c).strip() for c in row]) for i, row in enumerate(raw, start=1)]
    numbered = [(i, row) for i, row in numbered if any(row)]
    if not numbered:
        raise UploadError("no-rows", "文件中没有任何数据行", "The file has no rows with content")
    width = max(len(row) for _, row in numbered)
    if width > MAX_COLUMNS:
        raise _too_many_columns(width)
    numbered = [(i, row + [""] * (width - len(row))) for i, row in numbered]
    while len(numbered) > 1 and sum(bool(c) for c in numbered[0][1]) <= 1 and sum(bool(c) for c in numbered[1][1]) >= 2:
        title = next(c for c in numbered[0][1] if c)[:40]
        notes.append(
            Bi(
                f"跳过标题行 {numbered[0][0]}：{title}",
                f"Skipped title row {numbered[0][0]}: {title}",
                f"跳过标题行 Skipped title row {numbered[0][0]}: {title}",
            )
        )
        numbered = numbered[1:]
    header_row, header = numbered[0]
    body = numbered[1:]
    if body and _is_group_header(header, body[0][1]):
        sub = body[0][1]
        filled, last = [], ""
        for top in header:
            last = top or last
            filled.append(last)
        header = [f"{top} {s}".strip() if s else top for top, s in zip(filled, sub, strict=True)]
        zh = f"第 {header_row}–{body[0][0]} 行为两行表头（合并单元格），已合并"
        en = f"Rows {header_row}–{body[0][0]}: two header rows combined"
        notes.append(Bi(zh, en, f"{zh} · {en}"))
        body = body[1:]
    if width < 2:
        raise UploadError(
            "one-column",
            "表格只有一列：需要一个键列（代码或名称）和至少一个数值列",
            "The table has one column: it needs a key column and at least one value column",
        )
    if not body:
        raise UploadError("header-only", "只有表头，没有数据行", "Only a header row, no data rows")
    if len(body) > MAX_ROWS:
        raise _too_many_rows(len(body))
    names, seen = [], {}
    for j, name in enumerate(header, start=1):
        name = name or f"列{j} column {j}"
        if name in seen:
            seen[name] += 1
            new = f"{name} ({seen[name]})"
            notes.append(
                Bi(
                    f"重复列名“{name}”改为“{new}”",
                    f"Duplicate column name '{name}' renamed '{new}'",
                    f"重复列名 Duplicate column name '{name}' renamed '{new}'",
                )
            )
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    frame = pd.DataFrame([row for _, row in body], columns=names, dtype=object)
    return Table(frame, [i for i, _ in body], fmt, encoding, notes)


def _is_group_header(header: list[str], nxt: list[str]) -> bool:
    """A merged group header: gaps in the first header row that the next row fills with labels, not numbers."""
    gaps = [j for j, c in enumerate(header) if not c and any(header[:j])]
    if not gaps or not all(nxt[j] for j in gaps):
        return False
    filled = [c for c in nxt if c]
    return sum(to_number(c) is None for c in filled) >= len(filled) / 2 or all(re.fullmatch(r"(19|20)\d\d年?", c) for c in filled)


# --- numbers -----------------------------------------------------------------------------------

MISSING = {"", "-", "--", "—", "–", "na", "n/a", "nan", "null", "none", "无", "暂无", "空", "/", "…", "...", "#n/a"}


def to_number(text) -> float | None:
    """A number from a cell ('1,234.5', '１２３', '45%' -> 45.0), or None for anything else; missing markers give NaN."""
    t = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if t.lower() in MISSING:
        return float("nan")
    t = t.removesuffix("%")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", t):
        return None
    return float(t)


# --- matching ---------------------------------------------------------------------------------

ADCODE_HEADERS = {"adcode", "code", "代码", "区划代码", "行政区划代码", "行政代码", "县代码", "county_code"}
NAME_HEADERS = {
    "name",
    "name_zh",
    "name_en",
    "county",
    "名称",
    "县",
    "县名",
    "县区",
    "县市",
    "地区",
    "地名",
    "区县",
    "县（市、区）",
    "县(市、区)",
}
PROVINCE_HEADERS = {"province", "province_zh", "province_en", "省", "省份", "省区", "省级", "所属省份", "省（区）"}
PREFECTURE_HEADERS = {"prefecture", "prefecture_zh", "city", "市", "地市", "州市", "所属地市", "地级市", "市（州）"}
SUFFIXES = ("自治县", "自治旗", "特区", "林区", "县", "市", "区", "旗", "自治")
ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|"
    "达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各"
)
AUTONOMOUS = re.compile(rf"^(.+?)(?:(?:{ETHNIC})族?)+自治[县旗]?$")
EN_SUFFIX = re.compile(r"(autonomous)?(county|city|district|banner|prefecture)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def name_forms(text: str) -> tuple[str, str]:
    """(full, base) keys of a name: '东兴市' -> ('东兴市', '东兴'); 'Dongxing City' -> ('dongxingcity', 'dongxing')."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    if CJK.search(t):
        t = re.sub(r"\s+", "", t)
        m = AUTONOMOUS.match(t)
        if m:
            return t, m.group(1)
        for suffix in SUFFIXES:
            if t.endswith(suffix) and len(t) > len(suffix):
                return t, t[: -len(suffix)]
        return t, t
    low = re.sub(r"[\s'’`\-_.]+", "", t.lower())
    return low, EN_SUFFIX.sub("", low) or low


def province_of(text: str) -> str | None:
    """'广西壮族自治区', '广西', 'Guangxi' -> '广西'; None if not one of the covered provinces."""
    t = unicodedata.normalize("NFKC", str(text)).strip()
    if not t:
        return None
    for zh, en in PROVINCES_EN.items():
        if t.startswith(zh) or t.lower().replace(" ", "") == en.lower().replace(" ", ""):
            return zh
    return None


@dataclass
class MatchReport:
    key: str
    key_column: str
    province_column: str | None
    prefecture_column: str | None
    matched: pd.DataFrame
    unmatched: pd.DataFrame
    duplicates: pd.DataFrame
    columns: pd.DataFrame
    values: pd.DataFrame
    notes: list[str]
    rows: int

    @property
    def value_columns(self) -> list[str]:
        return list(self.values.columns)

    def text(self) -> str:
        """The report as plain text (for the CLI's stderr)."""
        lines = [
            f"匹配 Matched {len(self.matched)} of {self.rows} rows by {self.key} (column '{self.key_column}')",
            *self.notes,
        ]
        if len(self.unmatched):
            lines.append(f"未匹配 Unmatched {len(self.unmatched)}:")
            for r in self.unmatched.head(30).itertuples():
                lines.append(f"  row {r.row}: {r.key!r} — {r.reason}" + (f"; closest: {r.candidates}" if r.candidates else ""))
        if len(self.duplicates):
            lines.append(f"重复 Duplicated keys {len(self.duplicates)} (first row kept):")
            for r in self.duplicates.head(30).itertuples():
                lines.append(f"  {r.adcode} {r.name_zh}: rows {r.rows}")
        for r in self.columns.itertuples():
            state = "mapped" if r.mappable else "not mapped"
            extra = f"; non-numeric e.g. {r.examples}" if r.non_numeric else ""
            lines.append(f"列 Column '{r.column}': {r.numeric} numbers, {r.non_numeric} non-numeric, {r.empty} empty — {state}{extra}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Index:
    full: dict
    base: dict
    keys: tuple
    by_adcode: pd.DataFrame
    name: dict
    province: dict
    prefecture: dict
    grams: dict

    def label(self, adcode: str, prefecture: bool = False) -> str:
        where = f"{self.province[adcode]} {self.prefecture[adcode]}" if prefecture else self.province[adcode]
        return f"{self.name[adcode]} ({where}, {adcode})"


_INDEX_CACHE: dict[int, _Index] = {}


def _index(counties: pd.DataFrame) -> _Index:
    key = hash(tuple(counties.adcode))
    if key not in _INDEX_CACHE:
        full, base = {}, {}
        for adcode, zh, en in zip(counties.adcode, counties.name_zh, counties.name_en.fillna(""), strict=True):
            for name in (zh, en):
                if not name:
                    continue
                f, b = name_forms(name)
                full.setdefault(f, []).append(adcode)
                base.setdefault(b, []).append(adcode)
        full = {k: list(dict.fromkeys(v)) for k, v in full.items()}
        base = {k: list(dict.fromkeys(v)) for k, v in base.items()}
        by = counties[["adcode", "name_zh", "province_zh", "prefecture_zh"]].set_index("adcode")
        keys = tuple(sorted(set(full) | set(base)))
        grams: dict[str, set] = {}
        for k in keys:
            for g in _grams(k):
                grams.setdefault(g, set()).add(k)
        _INDEX_CACHE[key] = _Index(
            full, base, keys, by, by.name_zh.to_dict(), by.province_zh.to_dict(), by.prefecture_zh.fillna("").to_dict(), grams
        )
    return _INDEX_CACHE[key]


def _grams(key: str) -> set[str]:
    """Characters of a Chinese key (unit words left out), trigrams of a Latin one: to shortlist close names."""
    if CJK.search(key):
        return set(key) - set("县市区旗族自治特林")
    return {key[i : i + 3] for i in range(max(1, len(key) - 2))}


def _find(headers: set[str], columns) -> str | None:
    for col in columns:
        if unicodedata.normalize("NFKC", col).strip().lower() in headers:
            return col
    return None


def detect_key(table: Table, key: str = "auto") -> tuple[str, str]:
    """(key kind, column): an adcode column by header or by six-digit values, else a name column."""
    frame = table.frame
    if key in ("auto", "adcode"):
        col = _find(ADCODE_HEADERS, frame.columns)
        if col is None:
            for c in frame.columns:
                vals = frame[c].astype(str).str.strip()
                vals = vals[vals != ""]
                if len(vals) and vals.str.fullmatch(r"\d{6}(\d{6})?(\.0)?").mean() >= 0.8:
                    col = c
                    break
        if col is not None:
            return "adcode", col
        if key == "adcode":
            raise UploadError("no-key", "找不到行政区划代码列（6位数字）", "No adcode column found (six-digit codes)")
    col = _find(NAME_HEADERS, frame.columns)
    if col is None:
        for c in frame.columns:
            vals = frame[c].astype(str).str.strip()
            vals = vals[vals != ""]
            if (
                len(vals)
                and vals.map(lambda v: to_number(v) is None).mean() >= 0.8
                and _find(PROVINCE_HEADERS | PREFECTURE_HEADERS, [c]) is None
            ):
                col = c
                break
    if col is None:
        raise UploadError("no-key", "找不到县名或行政区划代码列", "No column of county names or adcodes found")
    return "name", col


def match(
    table: Table, counties: pd.DataFrame, key: str = "auto", key_column: str | None = None, corrections: dict[int, str] | None = None
) -> MatchReport:
    """Match each row to a county by adcode or name (within province/prefecture where names repeat) and check the values.

    `corrections` {file row number: adcode} are matches the planner accepted (e.g. one of the closest counties): they win.
    """
    if key not in ("auto", "adcode", "name"):
        raise ValueError(f"key must be adcode, name or auto, not {key!r}")
    frame = table.frame
    if key_column is not None:
        if key_column not in frame.columns:
            raise UploadError("no-key", f"没有名为“{key_column}”的列", f"No column named {key_column!r}")
        kind = key if key != "auto" else detect_key(Table(frame[[key_column]], table.rows, table.format, ""), "auto")[0]
    else:
        kind, key_column = detect_key(table, key)
    others = [c for c in frame.columns if c != key_column]
    province_col = _find(PROVINCE_HEADERS, others)
    prefecture_col = _find(PREFECTURE_HEADERS, [c for c in others if c != province_col])
    idx = _index(counties)
    known = set(counties.adcode)

    matched, unmatched = [], []
    corrections = {r: a for r, a in (corrections or {}).items() if a in known}
    for pos, (row_no, raw) in enumerate(zip(table.rows, frame[key_column].astype(str), strict=True)):
        text = raw.strip()
        if row_no in corrections:
            matched.append((pos, row_no, raw, corrections[row_no], "accepted correction"))
            continue
        if not text:
            unmatched.append((row_no, raw, Bi("键为空", "empty key"), ""))
            continue
        if kind == "adcode":
            code = unicodedata.normalize("NFKC", text).removesuffix(".0")
            if re.fullmatch(r"\d{12}", code) and code.endswith("000000"):
                code = code[:6]
            if not re.fullmatch(r"\d{6}", code):
                unmatched.append((row_no, raw, Bi("不是6位行政区划代码", "not a six-digit adcode"), ""))
            elif code not in known:
                same_pref = [a for a in idx.name if a[:4] == code[:4]][:3]
                hint = ", ".join(f"{a} {idx.name[a]}" for a in same_pref)
                unmatched.append((row_no, raw, Bi("代码不在本图覆盖的县中", "adcode not among the mapped counties"), hint))
            else:
                matched.append((pos, row_no, raw, code, "adcode"))
            continue
        full, base = name_forms(text)
        cands, how = idx.full.get(full, []), "name"
        if not cands:
            cands, how = idx.base.get(full, []) or idx.base.get(base, []), "name without unit suffix"
        if not cands:
            unmatched.append((row_no, raw, Bi("找不到此名称", "no county of this name"), None))
            continue
        prov = province_of(frame[province_col].iloc[pos]) if province_col else None
        pref = str(frame[prefecture_col].iloc[pos]).strip() if prefecture_col else ""
        narrowed = cands
        if prov:
            narrowed = [a for a in narrowed if idx.province[a] == prov]
        if pref and len(narrowed) > 1:
            pref_base = name_forms(pref)[1]
            narrowed = [a for a in narrowed if name_forms(idx.prefecture[a])[1] == pref_base] or narrowed
        listed = "; ".join(idx.label(a, prefecture=True) for a in (narrowed or cands))
        if len(narrowed) == 1:
            matched.append((pos, row_no, raw, narrowed[0], how + (" + province" if len(cands) > 1 else "")))
        elif not narrowed:
            unmatched.append((row_no, raw, Bi(f"名称存在但不在{prov}", "name exists but not in the given province"), listed))
        else:
            unmatched.append(
                (row_no, raw, Bi("同名县不止一个，请加省份/地市列", "name repeats: add a province or prefecture column"), listed)
            )

    unmatched_df = pd.DataFrame(unmatched, columns=["row", "key", "reason", "candidates"])
    unmatched_df["reason"] = pd.Series([u[2] for u in unmatched], dtype=object)  # keeps each reason's two languages
    if len(unmatched_df):
        unmatched_df["candidates"] = [
            _closest(k, idx) if c is None and i < MAX_SUGGESTED else (c or "")
            for i, (k, c) in enumerate(zip(unmatched_df.key, [u[3] for u in unmatched], strict=True))
        ]
    m = pd.DataFrame(matched, columns=["pos", "row", "key", "adcode", "how"])
    m["name_zh"] = m.adcode.map(idx.name)
    m["province_zh"] = m.adcode.map(idx.province)
    dup_mask = m.adcode.duplicated(keep=False)
    duplicates = (
        m[dup_mask]
        .groupby("adcode", sort=False)
        .agg(name_zh=("name_zh", "first"), rows=("row", lambda r: ", ".join(map(str, r))))
        .reset_index()
    )
    kept = m[~m.adcode.duplicated(keep="first")]

    skip = {key_column, province_col, prefecture_col}
    col_rows, values = [], pd.DataFrame(index=pd.Index(kept.adcode, name="adcode"))
    reserved = set(counties.columns) | {"measure_count", "measure_ids", "corridors", "platforms", "geometry"}
    for col in frame.columns:
        if col in skip:
            continue
        parsed = [to_number(v) for v in frame[col]]
        non_numeric = pd.Series([v is None for v in parsed])
        empty = pd.Series([v is not None and np.isnan(v) for v in parsed])
        numeric = ~non_numeric & ~empty
        nums = pd.Series([np.nan if v is None else v for v in parsed], dtype=float)
        bad_rows = [f"row {table.rows[i]}: {frame[col].iloc[i][:20]!r}" for i in np.flatnonzero(non_numeric.to_numpy())[:3]]
        mappable = bool(numeric.sum()) and numeric.sum() >= non_numeric.sum()
        col_rows.append((col, int(numeric.sum()), int(non_numeric.sum()), int(empty.sum()), "; ".join(bad_rows), mappable))
        if mappable:
            name = col if col not in reserved else f"{col} (upload)"
            values[name] = nums.iloc[kept.pos.to_numpy()].to_numpy()
    columns = pd.DataFrame(col_rows, columns=["column", "numeric", "non_numeric", "empty", "examples", "mappable"])
    notes = list(table.notes)
    if province_col:
        notes.append(Bi(f"省份列：“{province_col}”", f"Province column: '{province_col}'", f"省份列 Province column: '{province_col}'"))
    if prefecture_col:
        notes.append(
            Bi(f"地市列：“{prefecture_col}”", f"Prefecture column: '{prefecture_col}'", f"地市列 Prefecture column: '{prefecture_col}'")
        )
    if not len(values.columns):
        notes.append(Bi("没有可制图的数值列", "No numeric column to map"))
    return MatchReport(
        kind, key_column, province_col, prefecture_col, m.drop(columns="pos"), unmatched_df, duplicates, columns, values, notes, len(frame)
    )


def _closest(text: str, idx: _Index) -> str:
    full, base = name_forms(text)
    shortlist = sorted(set().union(*(idx.grams.get(g, set()) for g in _grams(base) | _grams(full))))
    hits = set(difflib.get_close_matches(full, shortlist, n=8, cutoff=0.5)) | set(
        difflib.get_close_matches(base, shortlist, n=8, cutoff=0.5)
    )
    hits = sorted(hits, key=lambda k: (-max(_similarity(full, k), _similarity(base, k)), -len(os.path.commonprefix([full, k])), k))
    out = []
    for k in hits:
        for a in (idx.full.get(k) or idx.base.get(k) or [])[:2]:
            if idx.label(a) not in out:
                out.append(idx.label(a))
    return "; ".join(out[:3])


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def load(
    data: bytes,
    filename: str,
    counties: pd.DataFrame,
    key: str = "auto",
    key_column: str | None = None,
    corrections: dict[int, str] | None = None,
) -> MatchReport:
    """Read and match in one step."""
    return match(read(data, filename), counties, key, key_column, corrections)


def join(gdf, values: pd.DataFrame):
    """The layer with the uploaded value columns added by adcode (rows without a value get NaN)."""
    if values is None or not len(values.columns):
        return gdf
    out = gdf.copy()
    for col in values.columns:
        out[col] = out.adcode.map(values[col]).astype(float)
    return out
