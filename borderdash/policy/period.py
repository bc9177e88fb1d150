"""Each document's period of effect, as the document itself sets it, said in both languages against a given day.

`documents.yaml` records what the text says (`period_kind`, `effective_from`, `effective_to`); whether the period has
ended is computed here for the day asked, never stored. A document with no end stated counts as in force: its own
text cannot say whether it was later repealed or replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIOD_KINDS = ("plan_period", "in_force_from", "no_end_stated")
PERIOD_COLUMNS = ["period_zh", "period_en", "in_force"]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Period:
    zh: str
    en: str
    in_force: bool


def _day(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _en(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_text(value, lang: str) -> str:
    """A day (ISO text or date) as each language writes it: 2024年1月1日 / 1 January 2024; '' for none."""
    day = _day(value)
    if day is None:
        return ""
    return _zh(day) if lang == "zh" else _en(day)


def period(doc: dict, today: dt.date | None = None) -> Period:
    """The period of a document (a documents.yaml record) as of `today` (default: the current date)."""
    today = today or dt.date.today()
    kind = doc.get("period_kind")
    start, end = _day(doc.get("effective_from")), _day(doc.get("effective_to"))
    if kind == "plan_period":
        years_zh, years_en = f"{start.year}—{end.year}年", f"{start.year}–{end.year}"
        if today > end:
            return Period(f"规划期{years_zh}，已届满", f"plan period {years_en}, ended", False)
        if today < start:
            return Period(f"规划期{years_zh}，尚未开始", f"plan period {years_en}, not yet begun", False)
        return Period(f"规划期{years_zh}", f"plan period {years_en}", True)
    if kind == "in_force_from":
        if today < start:
            return Period(f"自{_zh(start)}起施行（尚未施行）", f"in force from {_en(start)} (not yet)", False)
        if end and today > end:
            return Period(f"{_zh(start)}至{_zh(end)}施行，已失效", f"in force {_en(start)} to {_en(end)}, ended", False)
        return Period(f"自{_zh(start)}起施行，未规定终止日期", f"in force since {_en(start)}; no end stated", True)
    if kind == "no_end_stated":
        return Period(f"{_zh(start)}印发，未规定有效期", f"issued {_en(start)}; no period or end stated", True)
    raise ValueError(f"unknown period_kind {kind!r}: use one of {', '.join(PERIOD_KINDS)}")


def by_document(documents: dict[str, dict], today: dt.date | None = None) -> dict[str, Period]:
    """The period of every document, as of one day."""
    return {doc_id: period(doc, today) for doc_id, doc in documents.items()}
