"""Places side by side: their facts, indicators and the measures that apply, with what is common and what differs.

Tables come in one language; each has a boolean `same` column (True where every place agrees) for filtering.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import i18n, indicators, layers
from .policy import join
from .schema import PROVINCES_EN

MIN_PLACES, MAX_PLACES = 2, 5


def _column(place: pd.Series, lang: str) -> str:
    return f"{i18n.pick(place, 'name', lang)} ({place.place_id})"


def compare(place_ids: list[str], values: pd.DataFrame | None = None, lang: str = "zh") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts and indicators, measures) for 2–5 places; one column per place, a compare column and `same`.

    `values` is an indicator table by adcode (built-in and uploaded); county rows read from it.
    """
    ids = list(dict.fromkeys(str(p) for p in place_ids))
    if not MIN_PLACES <= len(ids) <= MAX_PLACES:
        raise ValueError(f"请选择 {MIN_PLACES}–{MAX_PLACES} 个地点 · choose {MIN_PLACES} to {MAX_PLACES} places (got {len(ids)})")
    places = [join.resolve(p) for p in ids]
    cols = [_column(p, lang) for p in places]
    measures = {c: join.measures_for(p.place_id) for c, p in zip(cols, places, strict=True)}
    return _facts(places, cols, measures, values, lang), _measures(cols, measures, lang)


def _facts(places, cols, measures, values, lang: str) -> pd.DataFrame:
    counties = layers.counties().set_index("adcode")
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    rows: dict[str, dict] = {}

    def put(item, col, value):
        row = rows.setdefault(item, {})
        if col not in row:
            row[col] = value if isinstance(value, str) else _text(value)

    measure_count = t("compare.measure_count")
    for p, col in zip(places, cols, strict=True):
        put(t("compare.layer"), col, i18n.code(p.layer, lang))
        put(t("compare.name"), col, i18n.pick(p, "name", lang))
        put(t("compare.province"), col, PROVINCES_EN.get(p.province_zh, p.province_zh) if lang == "en" else p.province_zh)
        put(measure_count, col, len(measures[col]))
        if p.layer == "counties" and p.place_id in counties.index:
            c = counties.loc[p.place_id]
            put(t("compare.prefecture"), col, layers.prefecture_name(c.prefecture_adcode, c.prefecture_zh, lang))
            put(t("compare.border_county"), col, t("yes") if c.is_border_county else t("no"))
            names = neighbour_names(lang)
            put(t("compare.neighbours"), col, ("、" if lang == "zh" else ", ").join(names.get(n, n) for n in c.neighbours.split(";") if n))
            if values is not None and p.place_id in values.index:
                for key, v in values.loc[p.place_id].items():
                    put(indicators.label_of(key, lang), col, indicators.display(key, v))
    out = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=cols)
    empty = out.apply(lambda r: all(v in ("0", "0.0", "0.0%", "—", "", None) or pd.isna(v) for v in r), axis=1)
    out = out[~empty | out.index.isin([measure_count])].fillna("—")
    out.insert(0, t("compare.item"), out.index)
    out["same"] = [_same(r) for r in out[cols].itertuples(index=False)]
    out[t("compare.compare")] = out.same.map({True: t("compare.common"), False: t("compare.differs")})
    return out.reset_index(drop=True)


def _text(value) -> str:
    """Cells as text (counts with thousands separators), so one column can hold facts of every kind; "—" for none."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "—"
    if isinstance(value, int | np.integer):
        return f"{int(value):,}"
    return str(value)


def _same(values) -> bool:
    present = [v for v in values if v not in (None, "—") and not (isinstance(v, float) and np.isnan(v))]
    return len(present) == len(values) and len({str(v) for v in present}) == 1


def neighbour_names(lang: str) -> dict[str, str]:
    line = layers.border_line()
    return dict(zip(line.iso3, line.neighbour_en if lang == "en" else line.neighbour_zh, strict=True))


def chart_table(place_ids: list[str], values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Key facts of the compared counties for small-multiple bars: place, fact label, value, value as shown."""
    keys = ("border_length_km", "area_km2", "share_within_3km", "share_within_20km", "measure_count")
    rows = []
    for pid in place_ids:
        p = join.resolve(pid)
        counts = {"measure_count": len(join.measures_for(p.place_id))}
        for key in keys:
            v = counts.get(key, values.loc[p.place_id, key] if p.place_id in values.index else np.nan)
            if not pd.isna(v):
                rows.append({"place": i18n.pick(p, "name", lang), "fact": indicators.label_of(key, lang), "value": float(v)})
                rows[-1]["shown"] = indicators.display(key, v)
    return pd.DataFrame(rows, columns=["place", "fact", "value", "shown"])


def same_town_note(place_ids: list[str], lang: str) -> str:
    """Why one town can appear twice: a platform is named after the county it lies in, but covers only part of it."""
    from .projects import platforms

    plat = platforms().set_index("id")
    ids = set(place_ids)
    pairs = []
    for pid in ids & set(plat.index):
        hosts = {h.strip() for h in str(plat.loc[pid, "host_adcodes"]).split(";")}
        for county in hosts & ids:
            pairs.append((join.resolve(county), plat.loc[pid]))
    if not pairs:
        return ""
    county, platform = pairs[0]
    return i18n.t(
        "compare.same_town", lang, county=i18n.pick(county, "name", lang), platform=i18n.pick(platform, "name", lang)
    )


def _measures(cols, measures, lang: str) -> pd.DataFrame:
    """One row per measure: its document, section and title, a ✓ per place it reaches, the verdict, its id last."""
    from .policy import kb

    t = lambda key: i18n.t(key, lang)  # noqa: E731
    heads = [i18n.column("document", lang), i18n.column("section", lang), i18n.column("title", lang)]
    tail = [t("compare.compare"), i18n.column("measure_id", lang)]
    frames = [m.assign(_place=c) for c, m in measures.items()]
    allm = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if allm.empty:
        return pd.DataFrame(columns=[*heads, *cols, "same", *tail])
    meta = allm.drop_duplicates("measure_id").set_index("measure_id")
    meta = pd.DataFrame(
        {
            "document": meta.document.map(lambda d: kb.document_name(d, lang)),
            "section": meta.section,
            "title": i18n.pick(meta, "title", lang),
            "_order": range(len(meta)),
        }
    )
    hit = pd.crosstab(allm.measure_id, allm._place).reindex(columns=cols, fill_value=0) > 0
    out = meta.join(hit).reset_index()
    out[cols] = out[cols].fillna(False).astype(bool)
    out["same"] = out[cols].all(axis=1)
    out[tail[0]] = np.where(out.same, t("compare.common"), t("compare.differs"))
    for c in cols:
        out[c] = np.where(out[c], "✓", "")
    out = out.sort_values(["same", "_order"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out = out.rename(columns=dict(zip(["document", "section", "title", "measure_id"], [*heads, tail[1]], strict=True)))
    return out[[*heads, *cols, "same", *tail]]


def compare_table(facts: pd.DataFrame, measures: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Both parts in one table for a CSV download: a section column, then the item, one column per place, compare."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    item, verdict = t("compare.item"), t("compare.compare")
    cols = [c for c in facts.columns if c not in (item, verdict, "same")]
    title, section = i18n.column("title", lang), i18n.column("section", lang)
    f = facts.assign(**{t("compare.section"): t("compare.facts")})
    m = measures.assign(**{t("compare.section"): t("compare.measures_section"), item: measures[section] + " " + measures[title].fillna("")})
    return pd.concat([f, m], ignore_index=True)[[t("compare.section"), item, *cols, verdict]]
