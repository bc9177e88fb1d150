"""The place × measure join: "what applies here?" and "where does this apply?", each with the reason.

Two limits hold whatever a measure's rules say: a document reaches only places inside its
jurisdiction (`reach` in documents.yaml), and a platform approved after a document reaches its
measures only through a rule that names it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..schema import province_short
from . import kb, scope

MEASURE_COLUMNS = [
    "measure_id",
    "document",
    "section",
    "title_zh",
    "title_en",
    "theme",
    "direct",
    "rule",
    "rule_zh",
    "rule_en",
    "via",
    "reason_zh",
    "reason_en",
    "period_zh",
    "period_en",
    "in_force",
]
PLATFORM_KINDS = {
    "pilot_zone": ("重点开发开放试验区", "key pilot zone"),
    "border_port": ("口岸", "port"),
    "border_ecz": ("边境经济合作区", "border economic cooperation zone"),
    "cross_border_ecz": ("跨境经济合作区", "cross-border economic cooperation zone"),
    "border_tourism_zone": ("边境旅游试验区", "border tourism pilot zone"),
    "island_cooperation_zone": ("合作示范区", "cooperation zone"),
    "new_district": ("国家级新区", "state-level new district"),
}
HOSTED_LAYERS = {"im-units": ("边境旗市区", "border unit"), "regiments": ("团场", "regiment"), "prefectures": ("地级", "prefecture")}
OUTSIDE = "not in the nine border provinces nor Hainan's six counties"
OUTSIDE_ZH = "不在九个边境省区，也不属海南六个民族自治县"


class PlaceNotFound(KeyError):
    """No place by that id or name; `query` is what was asked, `suggestions` the places whose names start with or contain it."""

    def __init__(self, message: str, query: str = "", suggestions: pd.DataFrame | None = None):
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions if suggestions is not None else pd.DataFrame(columns=scope.PLACE_COLUMNS)

    def __str__(self) -> str:
        return str(self.args[0])


def in_reach(document_id: str, province_zh: str) -> bool:
    """Whether a place in this province lies inside the document's jurisdiction."""
    provinces = kb.documents()[document_id]["reach"]["provinces"]
    return provinces == "all" or province_short(province_zh) in {province_short(p) for p in provinces}


def approved_after(approved: str, date: str | None) -> bool:
    """A platform approved after the document (compared at the precision the approval is known; unknown is not later)."""
    approved, date = str(approved or "").strip(), str(date or "").strip()
    if not approved or not date or approved.lower() == "nan":
        return False
    return approved > date[: len(approved)]


@lru_cache(maxsize=1)
def long_table() -> pd.DataFrame:
    """Every (place, measure, rule) that holds directly: the base of every answer."""
    approved = scope.places("platforms").set_index("place_id").approved.astype(str).to_dict()
    allowed: dict[tuple[str, str], pd.DataFrame] = {}
    frames = []
    for m in kb.measures():
        for rule_id in m["scope"]:
            key = (rule_id, m["document"])
            if key not in allowed:
                allowed[key] = _within_document(scope.evaluate(rule_id), m["document"], approved)
            if len(allowed[key]):
                frames.append(allowed[key].assign(measure_id=m["id"], scope_rule=rule_id))
    df = pd.concat(frames, ignore_index=True)
    return df.drop_duplicates(["layer", "place_id", "measure_id", "rule"]).reset_index(drop=True)


def _within_document(hits: pd.DataFrame, document_id: str, approved: dict[str, str]) -> pd.DataFrame:
    """Hits inside the document's reach, less platforms approved after it that the rule does not name."""
    date = kb.documents()[document_id].get("date")
    reach = {p: in_reach(document_id, p) for p in hits.province_zh.unique()}
    keep = hits.province_zh.map(reach).astype(bool)
    later = (hits.layer == "platforms") & ~hits.explicit.astype(bool)
    later &= hits.place_id.map(lambda p: approved_after(approved.get(p, ""), date)).astype(bool)
    return hits[keep & ~later]


def all_places() -> pd.DataFrame:
    return pd.concat([scope.places(layer)[scope.PLACE_COLUMNS] for layer in scope.ID_COLUMNS], ignore_index=True)


SAME_TERRITORY = ("im-units",)
"""Layers whose places are the same territory as a county (an Inner Mongolia unit is its banner, city or district):
a picker lists the county once, and their ids answer as that county."""


def pickable_places() -> pd.DataFrame:
    """The layers' places a planner picks from: each territory once (Inner Mongolia units as their counties)."""
    places = all_places()
    return places[~places.layer.isin(SAME_TERRITORY)].reset_index(drop=True)


def place_options() -> pd.DataFrame:
    """Every place a profile or search can show: the layers' places, then every other county of China."""
    known = pickable_places()
    units = _unit_counties()
    others = units[~units.adcode.isin(known.place_id)]
    extra = pd.DataFrame(
        {"layer": "counties", "place_id": others.adcode, "name_zh": others.name_zh, "name_en": "", "province_zh": others.province_zh}
    )
    return pd.concat([known, extra], ignore_index=True)


def in_layers(place: pd.Series) -> bool:
    """Whether a resolved place is one of the layers' places (else a county known only from the unit index)."""
    return place.place_id in set(scope.places(place.layer).place_id)


@lru_cache(maxsize=1)
def _unit_counties() -> pd.DataFrame:
    """Every county-level unit of China: the unit index's counties plus the layer's (XPCC cities, Hainan's counties)."""
    from ..projects import _unit_index

    idx = _unit_index().reset_index()
    units = idx[idx.level == "county"][["adcode", "name_zh", "province_zh"]]
    layer = scope.places("counties")[["place_id", "name_zh", "province_zh"]].rename(columns={"place_id": "adcode"})
    units = pd.concat([units, layer[~layer.adcode.isin(units.adcode)]], ignore_index=True)
    return units.reset_index(drop=True)


def resolve(place_id: str) -> pd.Series:
    """The place row for an id or a name: a place of a layer, else any county of China (unit index). Names are Chinese or
    English (the conventional form or its pinyin alias), any case, with or without 县/市/旗 or County/City/Banner."""
    from .find import find_places

    place_id = str(place_id).strip()
    found = all_places()
    rows = found[found.place_id == place_id]
    if not rows.empty:
        order = list(scope.ID_COLUMNS)
        return _territory(rows.assign(_o=rows.layer.map(order.index)).sort_values("_o").iloc[0].drop("_o"))
    hit = find_places(place_id, limit=1, exact_only=True)
    if hit.empty:
        suggestions = find_places(place_id, limit=5)
        names = ", ".join(f"{r.name_zh} ({r.place_id})" for r in suggestions.itertuples())
        raise PlaceNotFound(
            f"no place {place_id!r}: use a county adcode (e.g. 450681 or any of China's 2,840 counties), an Inner Mongolia "
            "unit id (im-150781), a regiment id (xpcc-4-61), a platform id (pz-dongxing) or a Chinese or English name"
            + (f"; did you mean: {names}" if names else ""),
            place_id,
            suggestions,
        )
    return _territory(hit.iloc[0][scope.PLACE_COLUMNS])


def _territory(place: pd.Series) -> pd.Series:
    """An Inner Mongolia unit as the county it is (same territory, so the same answer); any other place as it is."""
    if place.layer not in SAME_TERRITORY:
        return place
    adcode = scope.places(place.layer).set_index("place_id").adcode[place.place_id]
    county = scope.places("counties").set_index("place_id").loc[adcode]
    return pd.Series({"layer": "counties", "place_id": adcode, **county[["name_zh", "name_en", "province_zh"]].to_dict()})


def _platform_coverage() -> dict[tuple[str, str], str]:
    reg = scope.platform_counties()
    return {(p, a): c for p, a, c in zip(reg.platform_id, reg.adcode, reg.coverage, strict=True)}


def _hosted(place: pd.Series) -> list[tuple[str, str, str, str]]:
    """(layer, id, via_zh, via_en) of places in a county whose measures reach it: units, regiments, platforms, prefecture."""
    if place.layer != "counties":
        return []
    return _hosted_index().get(place.place_id, [])


@lru_cache(maxsize=1)
def _hosted_index() -> dict[str, list[tuple[str, str, str, str]]]:
    """County adcode -> the places lying over it (by their county footprints), in layer order, each with how to name it."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}

    def add(layer, pid, via_zh, via_en, skip=None):
        for adcode in scope.footprint(layer, pid):
            if adcode != skip:
                out.setdefault(adcode, []).append((layer, pid, via_zh, via_en))

    im = scope.places("im-units")
    for pid, name, name_en in zip(im.place_id, im.name_zh, im.name_en, strict=True):
        add("im-units", pid, f"边境旗市区：{name}", f"border unit: {name_en}")
    reg = scope.places("regiments")
    for pid, name, name_en in zip(reg.place_id, reg.name_zh, reg.name_en, strict=True):
        add("regiments", pid, f"团场：{name}", f"regiment: {name_en}")
    plat = scope.places("platforms")
    coverage = _platform_coverage()
    for pid, kind, name, name_en in zip(plat.place_id, plat.kind, plat.name_zh, plat.name_en, strict=True):
        zh, en = PLATFORM_KINDS.get(kind, ("平台", "platform"))
        for adcode in scope.footprint("platforms", pid):
            part = coverage.get((pid, adcode)) == "part"
            via_zh = f"{zh}：{name}" + ("（部分区域）" if part else "")
            via_en = f"{en}: {name_en}" + (" (part of the county)" if part else "")
            out.setdefault(adcode, []).append(("platforms", pid, via_zh, via_en))
    pref = scope.places("prefectures")
    for pid, name, name_en in zip(pref.place_id, pref.name_zh, pref.name_en, strict=True):
        add("prefectures", pid, f"所在地级：{name}", f"prefecture: {name_en}", skip=pid)
    return out


def measures_for(place_id: str, in_force_only: bool = False, today=None) -> pd.DataFrame:
    """Measures that apply to a place, each with the rule that matched, the place it came through if indirect, and its
    document's period of effect; `in_force_only` leaves out measures of documents whose period has ended."""
    place = resolve(place_id)
    out = kb.with_periods(_matched(place.layer, place.place_id, place.province_zh), today)
    if in_force_only:
        out = out[out.in_force].reset_index(drop=True)
    return kb.with_sections(out[MEASURE_COLUMNS])


def measure_routes(place_id: str, today=None) -> pd.DataFrame:
    """Every way a measure reaches a place: one row per (measure, rule, place it came through), each with its reason and
    its document's period. `via` is empty when the rule names the place itself, else `layer:id` of the unit, regiment,
    platform or prefecture it came through (measures_for joins these per measure)."""
    place = resolve(place_id)
    return kb.with_sections(kb.with_periods(_routes(place.layer, place.place_id, place.province_zh), today)[MEASURE_COLUMNS])


ROUTE_COLUMNS = [c for c in MEASURE_COLUMNS if c not in kb.PERIOD_COLUMNS]


@lru_cache(maxsize=4096)
def _routes(layer: str, place_id: str, province_zh: str) -> pd.DataFrame:
    """The ways measures reach one place with their reasons, computed once per place (the join's data do not change)."""
    place = pd.Series({"layer": layer, "place_id": place_id, "province_zh": province_zh})
    table = long_table()
    direct = table[(table.layer == place.layer) & (table.place_id == place.place_id)]
    parts = [direct.assign(via="", via_zh="", via_en="")]
    for layer, pid, via_zh, via_en in _hosted(place):
        hit = table[(table.layer == layer) & (table.place_id == pid)]
        if len(hit):
            parts.append(hit.assign(via=f"{layer}:{pid}", via_zh=via_zh, via_en=via_en))
    hits = pd.concat(parts, ignore_index=True)
    if hits.empty:
        return pd.DataFrame(columns=ROUTE_COLUMNS)
    hits = _with_measures(hits)
    hits = hits[hits.document.map(lambda d: in_reach(d, place.province_zh)).astype(bool)].copy()
    hits["direct"] = hits.via == ""
    hits["reason_zh"] = [_reason(r, d, v, "；", "经") for r, d, v in zip(hits.rule_zh, hits.detail_zh, hits.via_zh, strict=True)]
    hits["reason_en"] = [_reason(r, d, v, "; ", "via ") for r, d, v in zip(hits.rule_en, hits.detail_en, hits.via_en, strict=True)]
    return hits[ROUTE_COLUMNS].reset_index(drop=True)


@lru_cache(maxsize=4096)
def _matched(layer: str, place_id: str, province_zh: str) -> pd.DataFrame:
    """The measures reaching one place, each route's rule, place and reason joined per measure."""
    hits = _routes(layer, place_id, province_zh)
    if hits.empty:
        return pd.DataFrame(columns=ROUTE_COLUMNS)
    joined = {"direct": "any", "rule": _join, "rule_zh": _join, "rule_en": _join, "via": _join, "reason_zh": _join, "reason_en": _join}
    return hits.groupby("measure_id", sort=False).agg({c: "first" for c in MEASURE_COLUMNS[1:6]} | joined).reset_index()


def _reason(rule: str, detail: str, via: str, sep: str, through: str) -> str:
    text = rule + (f"（{detail}）" if detail and sep == "；" else f" ({detail})" if detail else "")
    return text + (f"{sep}{through}{via}" if via else "")


def _join(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def notes_for(place_id: str, lang: str = "en") -> list[str]:
    """What a reader must know beside the table: why nothing applies, or why a platform's measures stop at it."""
    zh = lang == "zh"
    place = resolve(place_id)
    notes = []
    county_ids = set(scope.places("counties").place_id)
    query = str(place_id).strip()
    if query != place.place_id:
        from .find import find_places

        named = find_places(query, limit=50, exact_only=True)
        same = sorted(set(named.place_id[named.layer == "counties"]) - {place.place_id})
        if same:
            notes.append(
                f"{query} 同名单位还有 {', '.join(same)}：请用行政区划代码查询"
                if zh
                else f"{query} also names {', '.join(same)}: give the adcode to ask about one of those"
            )
    if place.layer == "counties" and place.place_id not in county_ids:
        notes.append(_outside_note(place, zh))
    named = set(scope.platform_counties().platform_id)
    pref_ids = set(scope._prefecture_counties())
    plat = scope.places("platforms")
    for row in plat.itertuples():
        codes = [c for c in str(row.host_adcodes).split(";") if c in pref_ids]
        if not codes or row.place_id in named:
            continue
        in_pref = place.layer == "counties" and any(place.place_id[:4] == c[:4] for c in codes)
        if row.place_id == place.place_id or in_pref:
            notes.append(
                f"{row.name_zh}（{row.place_id}）仅登记到地级（{';'.join(codes)}）：未找到写明其覆盖哪些县的来源，"
                "其措施只归于该平台，不传递到任何县"
                if zh
                else f"{row.name_zh} ({row.place_id}) is registered at prefecture level ({';'.join(codes)}): no source found names the "
                "counties it covers, so its measures stay with the platform and are not passed to any county"
            )
    if place.layer == "platforms":
        approved = str(scope.places("platforms").set_index("place_id").approved.get(place.place_id, ""))
        later = [d for d, doc in kb.documents().items() if approved_after(approved, doc.get("date"))]
        if later:
            notes.append(
                f"批准于 {approved}，晚于 {', '.join(later)}：这些文件的措施仅在规则明确点名时适用"
                if zh
                else f"approved {approved}, after {', '.join(later)}: their measures reach it only where a rule names it"
            )
    if place.layer == "counties" and place.place_id in county_ids and measures_for(place.place_id).empty:
        notes.append(
            f"{place.name_zh}（{place.place_id}）位于{place.province_zh}，但不是边境县，也没有措施所及的地点"
            if zh
            else f"{place.name_zh} ({place.place_id}) is in {place.province_zh} but is not a border county "
            "and hosts no place a measure reaches"
        )
    return notes


def _outside_note(place: pd.Series, zh: bool) -> str:
    """A county outside the nine border provinces: nothing applies, or what does applies through the places it hosts
    (a state-level new district, say), named so the note agrees with the measures listed with it."""
    from ..layers import province_name

    if zh:
        where = f"{place.name_zh}（{place.place_id}，{place.province_zh}）：{OUTSIDE_ZH}"
    else:
        where = f"{place.name_en or place.name_zh} ({place.place_id}, {province_name(place.province_zh, 'en')}): {OUTSIDE}"
    routes = _routes(place.layer, place.place_id, place.province_zh)
    if routes.empty:
        return where + ("；五份文件中没有措施适用于此地" if zh else "; no measure of the five documents names it")
    vias = set(routes.via)
    through = [(vz, ve) for layer, pid, vz, ve in _hosted(place) if f"{layer}:{pid}" in vias]
    n = routes.measure_id.nunique()
    if zh:
        return where + f"；适用的 {n} 项措施均经其境内的地点而来：" + "、".join(vz for vz, _ in through)
    return where + f"; the {n} measures that apply all come through places in it: " + ", ".join(ve for _, ve in through)


def places_for(measure_id: str, today=None) -> pd.DataFrame:
    """Places a measure applies to, each with the rule that matched and the measure's document's period of effect."""
    document = kb.measure(measure_id)["document"]
    table = long_table()
    hits = table[table.measure_id == measure_id]
    out = hits[scope.PLACE_COLUMNS + ["rule", "detail_zh", "detail_en"]].copy()
    out["rule_zh"] = out.rule.map(lambda r: scope.label(r, "zh"))
    out["rule_en"] = out.rule.map(lambda r: scope.label(r, "en"))
    out = kb.with_periods(out.assign(document=document), today).drop(columns="document")
    return out.sort_values(["layer", "province_zh", "place_id"]).reset_index(drop=True)


def _with_measures(hits: pd.DataFrame, by: tuple[str, ...] = ()) -> pd.DataFrame:
    """Hits with their measures' document, section, titles and theme and the rules' labels, in document order, one row per
    (measure, rule, via) within each group of `by`."""
    meta = _measure_meta()
    out = hits.copy()
    for col in ("document", "section", "title_zh", "title_en", "theme"):
        out[col] = out.measure_id.map(meta[col])
    out["rule_zh"] = out.rule.map(lambda r: scope.label(r, "zh"))
    out["rule_en"] = out.rule.map(lambda r: scope.label(r, "en"))
    order = {d: i for i, d in enumerate(kb.documents())}
    out["_d"] = out.document.map(order)
    out["_m"] = out.measure_id.map(meta["order"])
    out = out.sort_values([*by, "_d", "_m", "via"], kind="stable").drop(columns=["_d", "_m"])
    return out.drop_duplicates([*by, "measure_id", "rule", "via"])


@lru_cache(maxsize=1)
def _measure_meta() -> pd.DataFrame:
    meta = pd.DataFrame(kb.measures()).set_index("id")
    meta["theme"] = meta.theme.map(";".join)
    meta["order"] = range(len(meta))  # as the documents number them (Art. 2 before Art. 10)
    return meta[["document", "section", "title_zh", "title_en", "theme", "order"]]


def county_routes(today=None) -> pd.DataFrame:
    """`measure_routes` of every county of the layers at once (the same rows), keyed by `adcode`: what a screening of many
    places reads. The periods are said for `today` (default: the current date)."""
    return kb.with_periods(_county_routes(), today)


@lru_cache(maxsize=1)
def _county_routes() -> pd.DataFrame:
    table = long_table()
    provinces = scope.places("counties").set_index("place_id").province_zh
    direct = table[table.layer == "counties"].assign(adcode=lambda d: d.place_id, via="", via_zh="", via_en="")
    hosted = pd.DataFrame(
        [(a, layer, pid, vz, ve) for a, places in _hosted_index().items() for layer, pid, vz, ve in places if a in provinces.index],
        columns=["adcode", "layer", "place_id", "via_zh", "via_en"],
    )
    through = table.merge(hosted, on=["layer", "place_id"], how="inner")
    through["via"] = through.layer + ":" + through.place_id
    hits = _with_measures(pd.concat([direct, through], ignore_index=True), by=("adcode",))
    reach = {(d, p): in_reach(d, p) for d in kb.documents() for p in provinces.unique()}
    keep = [reach[(d, provinces[a])] for d, a in zip(hits.document, hits.adcode, strict=True)]
    hits = hits[keep].copy()
    hits["direct"] = hits.via == ""
    hits["reason_zh"] = [_reason(r, d, v, "；", "经") for r, d, v in zip(hits.rule_zh, hits.detail_zh, hits.via_zh, strict=True)]
    hits["reason_en"] = [_reason(r, d, v, "; ", "via ") for r, d, v in zip(hits.rule_en, hits.detail_en, hits.via_en, strict=True)]
    return hits[["adcode", *ROUTE_COLUMNS]].reset_index(drop=True)


def place_measure_table(wide: bool = False, today=None) -> pd.DataFrame:
    """Long: one row per (place, measure, rule) with the measure's period of effect. Wide: one row per place, one column
    per measure (rules that matched)."""
    long = long_table()[scope.PLACE_COLUMNS + ["measure_id", "rule"]]
    if not wide:
        documents = {m["id"]: m["document"] for m in kb.measures()}
        long = kb.with_periods(long.assign(document=long.measure_id.map(documents)), today).drop(columns="document")
        return long.sort_values(["layer", "place_id", "measure_id"]).reset_index(drop=True)
    grouped = long.groupby(["layer", "place_id", "measure_id"]).rule.agg(lambda s: ";".join(sorted(set(s)))).reset_index()
    wide_df = grouped.pivot(index=["layer", "place_id"], columns="measure_id", values="rule").fillna("")
    info = long.drop_duplicates(["layer", "place_id"]).set_index(["layer", "place_id"])[["name_zh", "name_en", "province_zh"]]
    return info.join(wide_df).reset_index()


@lru_cache(maxsize=1)
def measures_by_county() -> dict[str, tuple[str, ...]]:
    """adcode -> ids of measures reaching the county directly or through a place it lies under (all counties at once)."""
    table = long_table()
    counties = set(_unit_counties().adcode)
    links = [table[table.layer == "counties"][["place_id", "measure_id"]].rename(columns={"place_id": "adcode"})]
    for layer in ("im-units", "regiments", "platforms", "prefectures"):
        hosts = pd.DataFrame(
            [(pid, a) for pid in scope.places(layer).place_id for a in scope.footprint(layer, pid) if a in counties],
            columns=["place_id", "adcode"],
        )
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
