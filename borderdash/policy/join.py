"""The place × measure join: "what applies here?" and "where does this apply?", each with the reason."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import layers
from . import kb, scope

MEASURE_COLUMNS = ["measure_id", "document", "section", "title_zh", "title_en", "theme", "direct", "rule", "rule_zh", "rule_en", "via"]


class PlaceNotFound(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@lru_cache(maxsize=1)
def long_table() -> pd.DataFrame:
    """Every (place, measure, rule) that holds directly: the base of every answer."""
    frames = []
    for m in kb.measures():
        for rule_id in m["scope"]:
            hits = scope.evaluate(rule_id)
            if hits.empty:
                continue
            hits = hits.assign(measure_id=m["id"], scope_rule=rule_id)
            frames.append(hits)
    df = pd.concat(frames, ignore_index=True)
    return df.drop_duplicates(["layer", "place_id", "measure_id", "rule"]).reset_index(drop=True)


def all_places() -> pd.DataFrame:
    return pd.concat([scope.places(layer)[scope.PLACE_COLUMNS] for layer in scope.ID_COLUMNS], ignore_index=True)


def resolve(place_id: str) -> pd.Series:
    """The place row for an id (county/prefecture adcode, regiment, unit or platform id); clear error if none."""
    place_id = str(place_id).strip()
    found = all_places()
    rows = found[found.place_id == place_id]
    if rows.empty:
        by_name = found[(found.name_zh == place_id) | (found.name_en.str.lower() == place_id.lower())]
        if len(by_name) >= 1:
            rows = by_name
    if rows.empty:
        raise PlaceNotFound(
            f"no place {place_id!r}: use a county adcode (e.g. 450681), an Inner Mongolia unit id (im-150781), "
            "a regiment id (xpcc-4-61), a platform id (pz-dongxing) or an exact Chinese name"
        )
    order = list(scope.ID_COLUMNS)
    return rows.assign(_o=rows.layer.map(order.index)).sort_values("_o").iloc[0].drop("_o")


def _hosted(place: pd.Series) -> list[tuple[str, str]]:
    """(layer, id) of places that sit in a county and whose measures reach it: units, regiments, platforms, prefecture."""
    if place.layer != "counties":
        return []
    adcode = place.place_id
    out = []
    im = scope.places("im-units")
    out += [("im-units", i) for i in im.loc[im.adcode == adcode, "place_id"]]
    reg = scope.places("regiments")
    out += [("regiments", i) for i in reg.loc[reg.host_adcode == adcode, "place_id"]]
    plat = scope.places("platforms")
    out += [("platforms", i) for i, s in zip(plat.place_id, plat.host_adcodes, strict=False) if adcode in str(s).split(";")]
    county = layers.counties().set_index("adcode")
    pref = county.loc[adcode, "prefecture_adcode"] if adcode in county.index else ""
    if pref:
        out.append(("prefectures", pref))
    return out


def measures_for(place_id: str) -> pd.DataFrame:
    """Measures that apply to a place, each with the rule that matched and, if indirect, the place it came through."""
    place = resolve(place_id)
    table = long_table()
    names = all_places().set_index(["layer", "place_id"])
    parts = [table[(table.layer == place.layer) & (table.place_id == place.place_id)].assign(via="")]
    for layer, pid in _hosted(place):
        hit = table[(table.layer == layer) & (table.place_id == pid)]
        if len(hit):
            name = names.loc[(layer, pid), "name_zh"] if (layer, pid) in names.index else pid
            name = name.iloc[0] if isinstance(name, pd.Series) else name
            parts.append(hit.assign(via=f"{layer}:{pid} {name}"))
    hits = _with_measures(pd.concat(parts, ignore_index=True))
    hits["direct"] = hits.via == ""
    joined = {"direct": "any", "rule": _join, "rule_zh": _join, "rule_en": _join, "via": _join}
    out = hits.groupby("measure_id", sort=False).agg({c: "first" for c in MEASURE_COLUMNS[1:6]} | joined).reset_index()
    return out[MEASURE_COLUMNS]


def _join(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def places_for(measure_id: str) -> pd.DataFrame:
    """Places a measure applies to, each with the rule that matched."""
    kb.measure(measure_id)
    table = long_table()
    hits = table[table.measure_id == measure_id]
    out = hits[scope.PLACE_COLUMNS + ["rule"]].copy()
    out["rule_zh"] = out.rule.map(lambda r: scope.label(r, "zh"))
    out["rule_en"] = out.rule.map(lambda r: scope.label(r, "en"))
    return out.sort_values(["layer", "province_zh", "place_id"]).reset_index(drop=True)


def _with_measures(hits: pd.DataFrame) -> pd.DataFrame:
    meta = pd.DataFrame(kb.measures()).set_index("id")
    out = hits.copy()
    for col in ("document", "section", "title_zh", "title_en"):
        out[col] = out.measure_id.map(meta[col])
    out["theme"] = out.measure_id.map(meta.theme.map(";".join))
    out["rule_zh"] = out.rule.map(lambda r: scope.label(r, "zh"))
    out["rule_en"] = out.rule.map(lambda r: scope.label(r, "en"))
    order = {d: i for i, d in enumerate(kb.documents())}
    out["_d"] = out.document.map(order)
    out = out.sort_values(["_d", "measure_id", "via"]).drop(columns="_d")
    return out.drop_duplicates(["measure_id", "rule", "via"])


def place_measure_table(wide: bool = False) -> pd.DataFrame:
    """Long: one row per (place, measure, rule). Wide: one row per place, one column per measure (rules that matched)."""
    long = long_table()[scope.PLACE_COLUMNS + ["measure_id", "rule"]]
    if not wide:
        return long.sort_values(["layer", "place_id", "measure_id"]).reset_index(drop=True)
    grouped = long.groupby(["layer", "place_id", "measure_id"]).rule.agg(lambda s: ";".join(sorted(set(s)))).reset_index()
    wide_df = grouped.pivot(index=["layer", "place_id"], columns="measure_id", values="rule").fillna("")
    info = long.drop_duplicates(["layer", "place_id"]).set_index(["layer", "place_id"])[["name_zh", "name_en", "province_zh"]]
    return info.join(wide_df).reset_index()


@lru_cache(maxsize=1)
def measures_by_county() -> dict[str, tuple[str, ...]]:
    """adcode -> ids of measures reaching the county directly or through a place it hosts (all counties at once)."""
    table = long_table()
    county = layers.counties()
    links = [table[table.layer == "counties"][["place_id", "measure_id"]].rename(columns={"place_id": "adcode"})]
    im = scope.places("im-units")[["place_id", "adcode"]]
    reg = scope.places("regiments")[["place_id", "host_adcode"]].rename(columns={"host_adcode": "adcode"})
    plat = scope.places("platforms")[["place_id", "host_adcodes"]].assign(adcode=lambda d: d.host_adcodes.str.split(";")).explode("adcode")
    pref = county[["adcode", "prefecture_adcode"]].rename(columns={"prefecture_adcode": "place_id"})
    for layer, hosts in (("im-units", im), ("regiments", reg), ("platforms", plat[["place_id", "adcode"]]), ("prefectures", pref)):
        hit = table[table.layer == layer][["place_id", "measure_id"]].merge(hosts, on="place_id")
        links.append(hit[["adcode", "measure_id"]])
    df = pd.concat(links, ignore_index=True).drop_duplicates()
    return {a: tuple(sorted(g.measure_id)) for a, g in df.groupby("adcode")}


def with_measures(counties_df: pd.DataFrame) -> pd.DataFrame:
    """Counties with `measure_count` and `measure_ids` (';'-joined) for exports of filtered regions."""
    by = measures_by_county()
    out = counties_df.copy()
    ids = out.adcode.map(lambda a: by.get(a, ()))
    out["measure_count"] = ids.map(len)
    out["measure_ids"] = ids.map(";".join)
    return out
