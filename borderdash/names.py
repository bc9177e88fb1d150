"""English names for Chinese units: pinyin plus a translated unit suffix (generated, flagged so)."""

from __future__ import annotations

from pypinyin import lazy_pinyin

_SUFFIXES = (
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("联合旗", "United Banner"),
    ("自治州", "Autonomous Prefecture"),
    ("地区", "Prefecture"),
    ("新区", "New Area"),
    ("县", "County"),
    ("旗", "Banner"),
    ("市", "City"),
    ("区", "District"),
    ("盟", "League"),
)


def english_name(name_zh: str) -> str:
    """'东兴市' -> 'Dongxing City'; ethnic prefixes stay in pinyin ('Daizu …')."""
    for zh, en in _SUFFIXES:
        if name_zh.endswith(zh) and len(name_zh) > len(zh):
            stem = name_zh[: -len(zh)]
            return f"{_pinyin(stem)} {en}"
    return _pinyin(name_zh)


def _pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text)).capitalize()
