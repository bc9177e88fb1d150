"""Find a place by what a planner types: a Chinese name or part of it, an English name or its pinyin alias, an id or adcode.

English names are the register's conventional forms (county_names.csv: Gyirong, Taxkorgan, Burqin); the pinyin form the
built boundary data carries (Jilong, Tashiku'ergan) and the one names.english_name generates are kept as aliases. Case,
spaces, apostrophes and hyphens do not matter, nor does the generic suffix (县/市/旗/区, 自治县 with its groups, County,
City, Banner, District, Autonomous County …).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

from .. import names
from ..paths import BUILT
from . import scope

RESULT_COLUMNS = ["layer", "place_id", "name_zh", "name_en", "province_zh", "matched"]
ID, NAME, SHORT, PREFIX, CONTAINS = range(5)
"""Ranks, best first: the id itself, a whole name, a name without its generic suffix, the start of a name, part of one."""

_IGNORED = re.compile(r"[\s'’‘`´\-‐–—·•.,，、()（）]")
_ZH_SUFFIXES = ("自治县", "自治旗", "自治州", "联合旗", "特区", "林区", "地区", "县", "市", "旗", "区", "盟", "州")
_EN_GENERIC = {"county", "city", "banner", "district", "autonomous", "prefecture", "league", "united", "area", "and"}
_EN_GROUPS = {w.lower() for group in names.ETHNIC_GROUPS.values() for w in re.split(r"[\s-]+", group)} | {"multi-ethnic"}


def key(text) -> str:
    """A name as it is compared: NFKC, case-folded, without spaces, apostrophes, hyphens or brackets."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text or "")).casefold())


def short_zh(name: str) -> str:
    """'吉隆县' -> '吉隆', '塔什库尔干塔吉克自治县' -> '塔什库尔干'; '' when nothing of two characters or more is left."""
    for suffix in _ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = names.strip_ethnic_groups(stem)[0] or stem
            return stem if len(stem) >= 2 and stem != name else ""
    return ""


def short_en(name: str) -> str:
    """'Gyirong County' -> 'Gyirong', 'Taxkorgan Tajik Autonomous County' -> 'Taxkorgan'; '' when nothing was cut."""
    words = [w.strip(",") for w in str(name or "").split()]
    cut = list(words)
    while len(cut) > 1 and (cut[-1].lower() in _EN_GENERIC or cut[-1].lower() in _EN_GROUPS):
        cut.pop()
    return " ".join(cut) if cut != words else ""


@lru_cache(maxsize=1)
def name_index() -> pd.DataFrame:
    """Every form a place can be found by: one row per (place, form) with its rank when the query equals it."""
    from . import join

    places = join.place_options()
    layer_order = {layer: i for i, layer in enumerate(scope.ID_COLUMNS)}
    known = set(zip(join.all_places().layer, join.all_places().place_id, strict=True))
    built_en = _built_english_names()
    extra_names = _extra_names()
    rows = []
    for p in places.itertuples(index=False):
        name_en = p.name_en if isinstance(p.name_en, str) and p.name_en.strip() else ""
        aliases = set()
        if p.layer == "counties":
            aliases = {built_en.get(p.place_id, ""), names.english_name(p.name_zh)}
            name_en = name_en or names.english_name(p.name_zh)
        order = layer_order.get(p.layer, len(layer_order)) + (0 if (p.layer, p.place_id) in known else len(layer_order) + 1)
        forms = [(p.place_id, ID)]
        if p.layer == "im-units":
            forms.append((p.place_id.removeprefix("im-"), ID))
        for full in [p.name_zh, name_en, *sorted(a for a in aliases if a and a != name_en), *extra_names.get(p.place_id, ())]:
            forms.append((full, NAME))
            short = short_zh(full) or short_en(full)
            if short:
                forms.append((short, SHORT))
        for form, rank in dict.fromkeys(forms):
            rows.append((p.layer, p.place_id, p.name_zh, name_en, p.province_zh, form, key(form), rank, order))
    return pd.DataFrame(rows, columns=[*RESULT_COLUMNS[:5], "form", "key", "rank", "order"]).drop_duplicates(
        ["layer", "place_id", "key", "rank"]
    )


def _built_english_names() -> dict[str, str]:
    """The pinyin English names of the built boundary data (before the register's conventional forms replace them)."""
    path = BUILT / "counties.csv"
    if not path.is_file():
        return {}
    built = pd.read_csv(path, usecols=["adcode", "name_en"], dtype=str, keep_default_na=False)
    return dict(zip(built.adcode, built.name_en, strict=True))


def _extra_names() -> dict[str, tuple[str, ...]]:
    """Other names a place goes by: a regiment's own name without its division (托云牧场, Tuoyun Pasture)."""
    reg = scope.places("regiments")
    return {pid: (zh, en) for pid, zh, en in zip(reg.place_id, reg.regiment_zh, reg.regiment_en.fillna(""), strict=True)}


def find_places(query: str, limit: int = 20, exact_only: bool = False) -> pd.DataFrame:
    """Places a query names, best first: exact (id, whole name, name without suffix) > prefix > contains; among equals,
    places of the layers before other counties, then in layer order, then shorter names. Columns: layer, place_id,
    name_zh, name_en (the conventional English name; generated pinyin for counties the register does not list),
    province_zh, matched (the form the query matched) and rank."""
    wanted = key(query)
    if not wanted:
        return pd.DataFrame(columns=[*RESULT_COLUMNS, "rank"])
    index = name_index()
    rank = pd.Series(pd.NA, index=index.index, dtype="Int64")
    exact = index.key == wanted
    rank[exact] = index.loc[exact, "rank"]
    if not exact_only:
        is_id = index["rank"] == ID
        starts = index.key.str.startswith(wanted) & rank.isna() & (~is_id | (len(wanted) >= 2))
        rank[starts] = PREFIX
        inside = index.key.str.contains(wanted, regex=False) & rank.isna() & ~is_id
        rank[inside] = CONTAINS
    hits = index.assign(rank=rank, matched=index.form)[rank.notna()]
    if hits.empty:
        return pd.DataFrame(columns=[*RESULT_COLUMNS, "rank"])
    hits = hits.assign(_len=hits.name_zh.str.len()).sort_values(["rank", "order", "_len", "place_id"], kind="stable")
    best = hits.drop_duplicates(["layer", "place_id"])
    if exact_only:
        best = best[best["rank"] == best["rank"].min()]
    return best[[*RESULT_COLUMNS, "rank"]].head(limit).astype({"rank": int}).reset_index(drop=True)
