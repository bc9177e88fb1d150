"""A measure's section as a reader of each language finds it: the Chinese original's numbering on Chinese pages,
English-style numbering on English ones.

The data keep each section as its seed numbers it (`(IV)`, `(xii)`, `Art. 26`, `para 4 (Xinjiang)`, `三(一)1`,
`专栏1(4)`). A translated seed's items map to the parts and items of the Chinese original through the document's
`numbering` (documents.yaml): which items each part (一、二、…) holds.
"""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
ROMAN_OUT = (
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
PARAGRAPH_PARTS_ZH = {"Xinjiang": "新疆", "Guangxi": "广西", "Yunnan": "云南", "Northeast": "东北", "Mohan-Boten": "磨憨—磨丁"}
"""The region a paragraph of the MOFCOM report turns to, as the section names it."""


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 73 -> 七十三 (up to 99, as documents number their parts and articles)."""
    if not 0 < n < 100:
        raise ValueError(f"no Chinese numeral for {n} here (1–99)")
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")) + (DIGITS[ones] if ones else "")


def from_chinese(text: str) -> int:
    """一 -> 1, 十三 -> 13, 七十三 -> 73."""
    if "十" not in text:
        return DIGITS.index(text)
    tens, _, ones = text.partition("十")
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)


def from_roman(text: str) -> int:
    values = [ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def roman(n: int) -> str:
    out = ""
    for value, numeral in ROMAN_OUT:
        while n >= value:
            out, n = out + numeral, n - value
    return out


def part_of(item: int, numbering: dict) -> int | None:
    """The part (1-based) of the Chinese original that holds an item, from the document's `numbering.parts`."""
    for part, (first, last) in enumerate(numbering.get("parts") or [], start=1):
        if first <= item <= last:
            return part
    return None


def label(document: dict, section: str, lang: str) -> str:
    """The section of a measure of this document (a documents.yaml record) in a language."""
    section = str(section or "").strip()
    if not section:
        return ""
    style = (document.get("numbering") or {}).get("style", "")
    convert = {"items": _items, "articles": _articles, "paragraphs": _paragraphs, "plan": _plan}.get(style)
    return convert(section, document.get("numbering") or {}, lang) if convert else section


def _items(section: str, numbering: dict, lang: str) -> str:
    """(IV) / (xii) -> 二（四） / 五（十二） in Chinese (part and item of the original); the seed's form in English."""
    found = re.fullmatch(r"\(([ivxlcIVXLC]+)\)", section)
    if not found or lang == "en":
        return section
    item = from_roman(found.group(1))
    part = part_of(item, numbering)
    return (chinese_number(part) if part else "") + f"（{chinese_number(item)}）"


def _articles(section: str, numbering: dict, lang: str) -> str:
    """Art. 26 -> 第二十六条."""
    found = re.fullmatch(r"Art\.\s*(\d+)", section)
    if not found or lang == "en":
        return section
    return f"第{chinese_number(int(found.group(1)))}条"


def _paragraphs(section: str, numbering: dict, lang: str) -> str:
    """para 4 (Xinjiang) -> 第4段（新疆）: the project's own paragraph count of a news report."""
    found = re.fullmatch(r"para\s*(\d+)(?:\s*\((.+)\))?", section)
    if not found or lang == "en":
        return section
    number, region = found.groups()
    return f"第{number}段" + (f"（{PARAGRAPH_PARTS_ZH.get(region, region)}）" if region else "")


def _plan(section: str, numbering: dict, lang: str) -> str:
    """二(三) / 三(一)1 / 专栏1(4) / 四: full-width brackets in Chinese; II(3), III(1).1, Box 1(4), IV in English."""
    box = re.fullmatch(r"专栏(\d+)(?:\((\d+)\))?", section)
    if box:
        number, item = box.groups()
        if lang == "en":
            return f"Box {number}" + (f"({item})" if item else "")
        return f"专栏{number}" + (f"（{item}）" if item else "")
    found = re.fullmatch(r"([一二三四五六七八九十]+)(?:\(([一二三四五六七八九十]+)\))?(\d+)?", section)
    if not found:
        return section
    part, item, point = found.groups()
    if lang == "en":
        return roman(from_chinese(part)) + (f"({from_chinese(item)})" if item else "") + (f".{point}" if point else "")
    return part + (f"（{item}）" if item else "") + (point or "")
