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
            row[col] = _text(value)

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
            put(t("compare.neighbours"), col, c.neighbours or "—")
            if values is not None and p.place_id in values.index:
                for key, v in values.loc[p.place_id].items():
                    put(indicators.label_of(key, lang), col, v)
    out = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=cols)
    out = out[~out.apply(lambda r: all(v in ("0", None) or pd.isna(v) for v in r), axis=1) | out.index.isin([measure_count])]
    out.insert(0, t("compare.item"), out.index)
    out["same"] = [_same(r) for r in out[cols].itertuples(index=False)]
    out[t("compare.compare")] = out.same.map({True: t("compare.common"), False: t("compare.differs")})
    return out.reset_index(drop=True)


def _text(value) -> str | None:
    """Cells as text, numbers without spurious decimals, so one column can hold facts of every kind."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        return f"{float(value):.2f}".rstrip("0").rstrip(".")
    return str(value)


def _same(values) -> bool:
    present = [v for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    return len(present) == len(values) and len({str(v) for v in present}) == 1


def _measures(cols, measures, lang: str) -> pd.DataFrame:
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    heads = [i18n.column("measure_id", lang), i18n.column("document", lang), i18n.column("title", lang)]
    frames = [m.assign(_place=c) for c, m in measures.items()]
    allm = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if allm.empty:
        return pd.DataFrame(columns=[*heads, *cols, "same", t("compare.compare")])
    meta = allm.drop_duplicates("measure_id").set_index("measure_id")
    meta = pd.DataFrame({"document": meta.document, "title": i18n.pick(meta, "title", lang)})
    hit = pd.crosstab(allm.measure_id, allm._place).reindex(columns=cols, fill_value=0) > 0
    out = meta.join(hit).reset_index()
    out[cols] = out[cols].fillna(False).astype(bool)
    out["same"] = out[cols].all(axis=1)
    out[t("compare.compare")] = np.where(out.same, t("compare.common"), t("compare.differs"))
    for c in cols:
        out[c] = np.where(out[c], "✓", "")
    out = out.sort_values(["same", "document", "measure_id"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
    return out.rename(columns=dict(zip(["measure_id", "document", "title"], heads, strict=True)))


def compare_table(facts: pd.DataFrame, measures: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Both parts in one table for a CSV download: a section column, then the item, one column per place, compare."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    item, verdict = t("compare.item"), t("compare.compare")
    cols = [c for c in facts.columns if c not in (item, verdict, "same")]
    mid, title = i18n.column("measure_id", lang), i18n.column("title", lang)
    f = facts.assign(**{t("compare.section"): t("compare.facts")})
    m = measures.assign(**{t("compare.section"): t("compare.measures_section"), item: measures[mid] + " " + measures[title].fillna("")})
    return pd.concat([f, m], ignore_index=True)[[t("compare.section"), item, *cols, verdict]]
