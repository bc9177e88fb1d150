"""Places side by side: their facts, indicators and the measures that apply, with what is common and what differs."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import indicators, layers
from .policy import join

MIN_PLACES, MAX_PLACES = 2, 5
COMMON, DIFFERS = "共同 common", "不同 differs"


def _column(place: pd.Series) -> str:
    return f"{place.name_zh} ({place.place_id})"


def compare(place_ids: list[str], values: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(facts and indicators, measures) for 2–5 places; one column per place and a common/differs column.

    `values` is an indicator table by adcode (built-in and uploaded); county rows read from it.
    """
    ids = list(dict.fromkeys(str(p) for p in place_ids))
    if not MIN_PLACES <= len(ids) <= MAX_PLACES:
        raise ValueError(f"请选择 {MIN_PLACES}–{MAX_PLACES} 个地点 · choose {MIN_PLACES} to {MAX_PLACES} places (got {len(ids)})")
    places = [join.resolve(p) for p in ids]
    cols = [_column(p) for p in places]
    measures = {c: join.measures_for(p.place_id) for c, p in zip(cols, places, strict=True)}
    return _facts(places, cols, measures, values), _measures(cols, measures)


def _facts(places, cols, measures, values) -> pd.DataFrame:
    counties = layers.counties().set_index("adcode")
    rows: dict[str, dict] = {}

    def put(item, col, value):
        row = rows.setdefault(item, {})
        if col not in row:
            row[col] = _text(value)

    for p, col in zip(places, cols, strict=True):
        put("图层 Layer", col, p.layer)
        put("名称 Name", col, f"{p.name_zh} {p.name_en or ''}".strip())
        put("省 Province", col, p.province_zh)
        put("适用措施数 Measures that apply", col, len(measures[col]))
        if p.layer == "counties" and p.place_id in counties.index:
            c = counties.loc[p.place_id]
            put("地区 Prefecture", col, c.prefecture_zh)
            put("140个边境县之一 Border county", col, "是 yes" if c.is_border_county else "否 no")
            put("邻国 Neighbours", col, c.neighbours or "—")
            if values is not None and p.place_id in values.index:
                for key, v in values.loc[p.place_id].items():
                    put(indicators.label_of(key), col, v)
    out = pd.DataFrame.from_dict(rows, orient="index").reindex(columns=cols)
    out = out[
        ~out.apply(lambda r: all(v in ("0", None) or pd.isna(v) for v in r), axis=1) | out.index.isin(["适用措施数 Measures that apply"])
    ]
    out.insert(0, "项目 item", out.index)
    out["比较 compare"] = [_same(r) for r in out[cols].itertuples(index=False)]
    return out.reset_index(drop=True)


def _text(value) -> str | None:
    """Cells as text, numbers without spurious decimals, so one column can hold facts of every kind."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, int | float | np.integer | np.floating):
        return f"{float(value):.2f}".rstrip("0").rstrip(".")
    return str(value)


def _same(values) -> str:
    present = [v for v in values if v is not None and not (isinstance(v, float) and np.isnan(v))]
    if len(present) < len(values):
        return DIFFERS
    return COMMON if len({str(v) for v in present}) == 1 else DIFFERS


def _measures(cols, measures) -> pd.DataFrame:
    frames = [m.assign(_place=c) for c, m in measures.items()]
    allm = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if allm.empty:
        return pd.DataFrame(columns=["measure_id", "document", "title_zh", "title_en", *cols, "比较 compare"])
    meta = allm.drop_duplicates("measure_id").set_index("measure_id")[["document", "title_zh", "title_en"]]
    hit = pd.crosstab(allm.measure_id, allm._place).reindex(columns=cols, fill_value=0) > 0
    out = meta.join(hit).reset_index()
    out[cols] = out[cols].fillna(False).astype(bool)
    everywhere = out[cols].all(axis=1)
    out["比较 compare"] = np.where(everywhere, COMMON, DIFFERS)
    for c in cols:
        out[c] = np.where(out[c], "✓", "")
    out["_common"] = ~everywhere
    return out.sort_values(["_common", "document", "measure_id"], kind="stable").drop(columns="_common").reset_index(drop=True)


def compare_table(facts: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """Both parts in one table for a CSV download: a section column, then the item, one column per place, compare."""
    cols = [c for c in facts.columns if c not in ("项目 item", "比较 compare")]
    f = facts.assign(section="事实与指标 facts & indicators")
    m = measures.assign(
        section="适用措施 measures",
        **{"项目 item": measures.measure_id + " " + measures.title_zh.fillna("") + " / " + measures.title_en.fillna("")},
    )
    return pd.concat([f, m], ignore_index=True)[["section", "项目 item", *cols, "比较 compare"]]
