"""Evaluate scope rules (geodata/policy/scopes.yaml) against the layers.

A rule names a layer and a condition; the answer is the places it matches, each
with the rule that matched so every join can say why a measure applies.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import layers
from . import kb

PLACE_COLUMNS = ["layer", "place_id", "name_zh", "name_en", "province_zh"]
ID_COLUMNS = {"counties": "adcode", "regiments": "id", "im-units": "id", "prefectures": "adcode", "platforms": "id"}


class ScopeError(ValueError):
    """A scope rule that cannot be evaluated; the message names the rule."""


@cache
def places(layer: str) -> pd.DataFrame:
    """Every place of a place layer with the common columns (plus the layer's own)."""
    gdf = layers.load(layer)
    df = pd.DataFrame(gdf.drop(columns="geometry"))
    df["layer"] = layer
    df["place_id"] = df[ID_COLUMNS[layer]].astype(str)
    if layer == "regiments":
        df["name_zh"] = df.division_zh + df.regiment_zh
        df["name_en"] = df.division_en + " " + df.regiment_en
    if "name_en" not in df:
        df["name_en"] = ""
    return df


def evaluate(rule_id: str) -> pd.DataFrame:
    """Places matched by a rule: PLACE_COLUMNS plus `rule` (the atomic rule that matched)."""
    return _evaluate(rule_id).copy()


@cache
def _evaluate(rule_id: str) -> pd.DataFrame:
    rules = kb.scopes()
    if rule_id not in rules:
        raise ScopeError(f"unknown scope rule {rule_id!r}")
    rule = rules[rule_id]["rule"]
    if "union" in rule:
        parts = [_evaluate(r) for r in rule["union"]]
        return pd.concat(parts, ignore_index=True).drop_duplicates(["layer", "place_id", "rule"])
    layer = rule["layer"]
    df = places(layer)
    keep = pd.Series(True, index=df.index)
    if "flag" in rule:
        keep &= df[rule["flag"]].astype(bool)
    if "within_km_of_border" in rule:
        keep &= df[f"share_within_{int(rule['within_km_of_border'])}km"] > 0
    if "corridor" in rule or "corridor_kind" in rule:
        keep &= df.place_id.isin(_corridor_counties(rule.get("corridor"), rule.get("corridor_kind")))
    if "kind" in rule:
        keep &= df.kind.isin(_as_list(rule["kind"]))
    if "province" in rule:
        keep &= df.province_zh.isin(_as_list(rule["province"]))
    if "ids" in rule:
        missing = set(rule["ids"]) - set(df.place_id)
        if missing:
            raise ScopeError(f"rule {rule_id}: no {layer} with id {', '.join(sorted(missing))}")
        keep &= df.place_id.isin(rule["ids"])
    out = df.loc[keep, PLACE_COLUMNS].copy()
    out["rule"] = rule_id
    return out.reset_index(drop=True)


def _corridor_counties(corridor_id: str | None, kind: str | None) -> set[str]:
    cor = layers.load("corridors")
    if corridor_id:
        sel = cor[(cor.id == corridor_id) | (cor.parent_id == corridor_id)]
        if sel.empty:
            raise ScopeError(f"no corridor {corridor_id!r}")
    else:
        want_kind, _, want_part = kind.partition(":")
        sel = cor[(cor.kind == want_kind) & ((cor.part == want_part) if want_part else True)]
        if sel.empty:
            raise ScopeError(f"no corridor of kind {kind!r}; use road, rail, road:segment …")
    return {a for s in sel.counties for a in str(s).split(";") if a}


def _as_list(value) -> list:
    return list(value) if isinstance(value, list | tuple) else [value]


def label(rule_id: str, lang: str = "zh") -> str:
    return kb.scopes()[rule_id][lang]
