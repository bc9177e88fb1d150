"""Evaluate scope rules (geodata/policy/scopes.yaml) against the layers.

A rule names a layer and a condition, or composes other rules by union,
intersection or difference; the answer is the places it matches, each with the
rule that matched (and, for corridors, the lines it came through) so every join
can say why a measure applies.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import catalog, registers
from ..schema import province_short
from . import kb

PLACE_COLUMNS = ["layer", "place_id", "name_zh", "name_en", "province_zh"]
HIT_COLUMNS = PLACE_COLUMNS + ["rule", "detail_zh", "detail_en", "explicit"]
ID_COLUMNS = {"counties": "adcode", "regiments": "id", "im-units": "id", "prefectures": "adcode", "platforms": "id"}
COMPOSITIONS = ("union", "intersection", "difference")
CONDITIONS = ("flag", "within_km_of_border", "corridor", "kind", "not_mode", "province", "ids")


class ScopeError(ValueError):
    """A scope rule that cannot be evaluated; the message names the rule."""


@cache
def places(layer: str) -> pd.DataFrame:
    """Every place of a place layer with the common columns (plus the layer's own)."""
    gdf = catalog.load(layer)
    df = pd.DataFrame(gdf.drop(columns="geometry"))
    df["layer"] = layer
    df["place_id"] = df[ID_COLUMNS[layer]].astype(str)
    if layer == "regiments":
        df["name_zh"] = df.division_zh + df.regiment_zh
        df["name_en"] = df.division_en + " " + df.regiment_en
    if "name_en" not in df:
        df["name_en"] = ""
    return df


@cache
def platform_counties() -> pd.DataFrame:
    """The counties a platform registered at prefecture level covers, as its sources name them (register)."""
    return registers.read("platform_counties")


@cache
def _prefecture_counties() -> dict[str, frozenset[str]]:
    from ..projects import _unit_index

    idx = _unit_index()
    counties = [str(c) for c in idx[idx.level == "county"].index]
    by_prefix: dict[str, set[str]] = {}
    for c in counties:
        by_prefix.setdefault(c[:4], set()).add(c)
    return {str(p): frozenset(by_prefix.get(str(p)[:4], ())) for p in idx[idx.level == "prefecture"].index}


def footprint(layer: str, place_id: str) -> frozenset[str]:
    """County adcodes a place lies in (wholly or partly): how places of different layers are compared."""
    return _footprints(layer).get(place_id, frozenset())


@cache
def _footprints(layer: str) -> dict[str, frozenset[str]]:
    df = places(layer)
    pref = _prefecture_counties()
    if layer in ("counties", "im-units"):
        return {p: frozenset([a]) for p, a in zip(df.place_id, df.adcode, strict=True)}
    if layer == "regiments":
        return {p: frozenset([a]) for p, a in zip(df.place_id, df.host_adcode, strict=True)}
    if layer == "prefectures":
        return {p: pref.get(p, frozenset()) | {p} for p in df.place_id}
    named = platform_counties().groupby("platform_id").adcode.agg(frozenset).to_dict()
    out = {}
    for pid, hosts in zip(df.place_id, df.host_adcodes, strict=True):
        codes = {c for c in str(hosts).split(";") if c}
        if pid in named:
            codes = {c for c in codes if c not in pref} | named[pid]
        out[pid] = frozenset(codes)
    return out


def evaluate(rule_id: str) -> pd.DataFrame:
    """Places matched by a rule: HIT_COLUMNS (`rule` is the atomic or composed rule that matched)."""
    return _evaluate(rule_id).copy()


@cache
def _evaluate(rule_id: str) -> pd.DataFrame:
    rules = kb.scopes()
    if rule_id not in rules:
        raise ScopeError(f"unknown scope rule {rule_id!r}")
    rule = rules[rule_id]["rule"]
    if "union" in rule:
        parts = [_evaluate(r) for r in rule["union"]]
        return pd.concat(parts, ignore_index=True).drop_duplicates(["layer", "place_id", "rule"]).reset_index(drop=True)
    if "intersection" in rule or "difference" in rule:
        return _compose(rule_id, rule)
    return _atomic(rule_id, rule)


def _compose(rule_id: str, rule: dict) -> pd.DataFrame:
    """Intersection keeps places of the first rule that lie in every other; difference those that lie in none."""
    op = "intersection" if "intersection" in rule else "difference"
    first, *others = rule[op]
    base = _evaluate(first).drop_duplicates(["layer", "place_id"])
    keep = pd.Series(True, index=base.index)
    for other in others:
        inside = _lies_in(base, _evaluate(other))
        keep = keep & inside if op == "intersection" else keep & ~inside
    out = base[keep].copy()
    out["rule"] = rule_id
    return out.reset_index(drop=True)


def _lies_in(base: pd.DataFrame, other: pd.DataFrame) -> pd.Series:
    """Per row of base: the same place is in other, or (across layers) their county footprints meet."""
    same = set(zip(other.layer, other.place_id, strict=True))
    area = set().union(*(footprint(layer, pid) for layer, pid in same)) if same else set()
    return pd.Series(
        [(layer, pid) in same or bool(footprint(layer, pid) & area) for layer, pid in zip(base.layer, base.place_id, strict=True)],
        index=base.index,
        dtype=bool,
    )


def _atomic(rule_id: str, rule: dict) -> pd.DataFrame:
    layer = rule["layer"]
    df = places(layer)
    keep = pd.Series(True, index=df.index)
    detail_zh = pd.Series("", index=df.index)
    detail_en = pd.Series("", index=df.index)
    if "flag" in rule:
        keep &= df[rule["flag"]].astype(bool)
    if "within_km_of_border" in rule:
        keep &= df[f"share_within_{int(rule['within_km_of_border'])}km"] > 0
    if "corridor" in rule or "corridor_kind" in rule:
        lines = _corridors(rule_id, rule.get("corridor"), rule.get("corridor_kind"))
        by_county_zh, by_county_en = {}, {}
        # 沿线 means the counties a source puts on the line (its cited control points), not every county the
        # schematic straight segments happen to cross.
        for row in lines.itertuples():
            for a in str(row.control_counties).split(";"):
                if a:
                    by_county_zh.setdefault(a, []).append(f"{row.name_zh}（{row.status_zh}）")
                    by_county_en.setdefault(a, []).append(f"{row.name_en} ({row.status_en})")
        keep &= df.place_id.isin(by_county_zh)
        detail_zh = df.place_id.map(lambda a: "沿线：" + "；".join(by_county_zh[a]) if a in by_county_zh else "")
        detail_en = df.place_id.map(lambda a: "along: " + "; ".join(by_county_en[a]) if a in by_county_en else "")
    if "kind" in rule:
        keep &= df.kind.isin(_as_list(rule["kind"]))
    if "not_mode" in rule:
        keep &= ~df["mode"].isin(_as_list(rule["not_mode"]))
    if "province" in rule:
        keep &= df.province_zh.map(province_short).isin([province_short(p) for p in _as_list(rule["province"])])
    if "ids" in rule:
        missing = set(rule["ids"]) - set(df.place_id)
        if missing:
            raise ScopeError(f"rule {rule_id}: no {layer} with id {', '.join(sorted(missing))}")
        keep &= df.place_id.isin(rule["ids"])
    out = df.loc[keep, PLACE_COLUMNS].copy()
    out["rule"] = rule_id
    out["detail_zh"] = detail_zh[keep]
    out["detail_en"] = detail_en[keep]
    out["explicit"] = "ids" in rule
    return out.reset_index(drop=True)


def _corridors(rule_id: str, corridor_ids, kind: str | None) -> pd.DataFrame:
    cor = catalog.load("corridors")
    if corridor_ids:
        wanted = _as_list(corridor_ids)
        sel = cor[cor.id.isin(wanted) | cor.parent_id.isin(wanted)]
        missing = set(wanted) - set(cor.id)
        if missing:
            raise ScopeError(f"rule {rule_id}: no corridor {', '.join(sorted(missing))}")
        # a route named with its own segments would otherwise repeat them in the reason
        return sel[~(sel.parent_id.isin(wanted) & sel.parent_id.ne(""))] if len(wanted) > 1 else sel
    want_kind, _, want_part = kind.partition(":")
    sel = cor[(cor.kind == want_kind) & ((cor.part == want_part) if want_part else True)]
    if sel.empty:
        raise ScopeError(f"rule {rule_id}: no corridor of kind {kind!r}; use road, rail, road:segment …")
    return sel


def _as_list(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def label(rule_id: str, lang: str = "zh") -> str:
    return kb.scopes()[rule_id][lang]


def matches(rule_id: str, layer: str, place_id: str) -> bool:
    """Whether a place satisfies a rule (directly, or lies in a place that does): the check behind "only" notes."""
    hits = _evaluate(rule_id)
    probe = pd.DataFrame({"layer": [layer], "place_id": [place_id]})
    return bool(_lies_in(probe, hits).iloc[0])
