"""Load and validate the knowledge base (geodata/policy): documents, measures, vocabularies, departments."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from ..paths import POLICY, SEEDS
from . import period, sections

MEASURE_FIELDS = (
    "id",
    "document",
    "section",
    "title_zh",
    "title_en",
    "summary_zh",
    "summary_en",
    "quote",
    "theme",
    "instrument",
    "departments",
    "quantities",
    "scope",
)
LIST_FIELDS = ("theme", "instrument", "departments", "scope", "only")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader (libyaml's when available)


@lru_cache(maxsize=1)
def documents() -> dict[str, dict]:
    return _load_yaml(POLICY / "documents.yaml")


@lru_cache(maxsize=1)
def vocab() -> dict[str, dict]:
    return _load_yaml(POLICY / "vocab.yaml")


@lru_cache(maxsize=1)
def scopes() -> dict[str, dict]:
    return _load_yaml(POLICY / "scopes.yaml")


@lru_cache(maxsize=1)
def departments() -> dict[str, dict]:
    """Normalised responsible bodies: key -> {zh, en}, from departments.yaml and departments.d/."""
    merged = dict(_load_yaml(POLICY / "departments.yaml"))
    for path in sorted((POLICY / "departments.d").glob("*.yaml")):
        for key, value in (_load_yaml(path) or {}).items():
            merged.setdefault(key, value)
    return merged


@lru_cache(maxsize=1)
def _measures() -> tuple[dict, ...]:
    records = []
    for path in sorted((POLICY / "measures").glob("*.yaml")):
        for rec in _load_yaml(path) or []:
            rec = dict(rec)
            rec["_file"] = path.name
            for field in LIST_FIELDS:
                value = rec.get(field) or []
                rec[field] = [value] if isinstance(value, str) else list(value)
            rec["quantities"] = list(rec.get("quantities") or [])
            records.append(rec)
    return tuple(records)


def measures() -> list[dict]:
    """Every measure record (fresh dicts)."""
    return [dict(r) for r in _measures()]


def measure(measure_id: str) -> dict:
    for rec in _measures():
        if rec["id"] == measure_id:
            return dict(rec)
    raise KeyError(f"no measure {measure_id!r}; ids look like gbf-2017-50:4.1 or im-2023:art26 (try `borderdash search`)")


def department_names(keys: list[str], lang: str = "zh") -> list[str]:
    deps = departments()
    return [deps.get(k, {}).get(lang, k) for k in keys]


def units() -> dict[str, dict]:
    """The unit vocabulary (vocab.yaml `units`): how an amount of each unit reads in Chinese and English."""
    return vocab().get("units") or {}


def amount_text(value, unit: str, lang: str = "en") -> str:
    """A number with its unit in a language: 2020年 / 2020, 10万元 / CNY 100,000, 20年 / 20 years, 2024年1月1日."""
    words = units().get(unit)
    if words is None:
        return f"{value} {unit}".strip()
    if unit == "date":
        return period.day_text(value, lang)
    if unit == "year":
        return f"{value}年" if lang == "zh" else str(value)
    if lang == "zh":
        return _number_zh(value) + words["zh"]
    number = f"{value:,}" if isinstance(value, int) else str(value)
    if words.get("en_before"):
        return f"{words['en']} {number}"
    return f"{number} {words['en']}".strip()


def _number_zh(value) -> str:
    """Round ten-thousands as 万 (100000 -> 10万), as Chinese texts write amounts; other numbers as they are."""
    if isinstance(value, int) and value >= 10000 and value % 10000 == 0:
        return f"{value // 10000}万"
    return str(value)


def quantity_text(q: dict, lang: str = "en") -> str:
    """One number a measure sets, with what it counts: 2020年（目标年份）/ 2020 (target year)."""
    what = q.get(f"what_{lang}") or ""
    amount = amount_text(q.get("value"), str(q.get("unit", "")), lang)
    if not what:
        return amount
    return f"{amount}（{what}）" if lang == "zh" else f"{amount} ({what})"


def quantities_text(m: dict, lang: str = "en") -> str:
    """All the numbers a measure sets, in a language, joined as a page lists them."""
    return ("；" if lang == "zh" else "; ").join(quantity_text(q, lang) for q in m.get("quantities") or [])


def scope_note(m: dict, lang: str = "en") -> str:
    """A measure's scope note in a language ('' where it has none)."""
    return str(m.get(f"scope_note_{lang}") or "")


def section_label(document_id: str, section: str, lang: str = "en") -> str:
    """A measure's section as each language's reader finds it: （一） / 第二条 / 二（三） in Chinese, (I) / Art. 2 /
    II(3) / Box 1(4) in English (borderdash.policy.sections)."""
    doc = documents().get(document_id)
    return sections.label(doc, section, lang) if doc else str(section or "")


def with_sections(df: pd.DataFrame, column: str = "document") -> pd.DataFrame:
    """The rows with their section in both languages (`section_zh`, `section_en`) beside the seed's `section`."""
    out = df.copy()
    pairs = list(zip(out[column], out["section"], strict=True))
    out["section_zh"] = [section_label(d, s, "zh") for d, s in pairs]
    out["section_en"] = [section_label(d, s, "en") for d, s in pairs]
    return out


def periods(today=None) -> dict[str, period.Period]:
    """Each document's period of effect as of a day (default today)."""
    return period.by_document(documents(), today)


PERIOD_COLUMNS = ("period_zh", "period_en", "in_force")


def with_periods(df: pd.DataFrame, today=None, column: str = "document") -> pd.DataFrame:
    """The rows with their document's period (`period_zh`, `period_en`, `in_force`) beside them."""
    by_doc = periods(today)
    out = df.copy()
    out["period_zh"] = out[column].map(lambda d: by_doc[d].zh if d in by_doc else "")
    out["period_en"] = out[column].map(lambda d: by_doc[d].en if d in by_doc else "")
    out["in_force"] = out[column].map(lambda d: by_doc[d].in_force if d in by_doc else True).astype(bool)
    return out


def document_number(doc: dict, lang: str = "zh") -> str:
    """A document's number in a language (国发〔2015〕72号 / Guo Fa [2015] No. 72); '' where it has none."""
    number = str(doc.get("number") or "")
    if lang == "en":
        return str(doc.get("number_en") or number)
    return number


def document_label(doc: dict, lang: str = "zh") -> str:
    """A document's number where it has one, else its date: what goes in brackets after its title."""
    number = document_number(doc, lang)
    if number:
        return number
    return period.day_text(doc.get("date"), lang)


def measures_table(today=None) -> pd.DataFrame:
    """One row per measure with lists joined by ';' and its document's period — the `export measures` table."""
    rows = []
    for r in _measures():
        rows.append(
            {
                "id": r["id"],
                "document": r["document"],
                "section": r["section"],
                "title_zh": r["title_zh"],
                "title_en": r["title_en"],
                "theme": ";".join(r["theme"]),
                "instrument": ";".join(r["instrument"]),
                "departments": ";".join(department_names(r["departments"], "zh")),
                "departments_en": ";".join(department_names(r["departments"], "en")),
                "scope": ";".join(r["scope"]),
                "quote": r["quote"],
                "summary_zh": r["summary_zh"],
                "summary_en": r["summary_en"],
                "quantities_zh": quantities_text(r, "zh"),
                "quantities_en": quantities_text(r, "en"),
                "scope_note_zh": scope_note(r, "zh"),
                "scope_note_en": scope_note(r, "en"),
            }
        )
    return with_sections(with_periods(pd.DataFrame(rows), today))


def counts_by_document() -> dict[str, int]:
    out = {d: 0 for d in documents()}
    for r in _measures():
        out[r["document"]] = out.get(r["document"], 0) + 1
    return out


def seed_text(document_id: str) -> str:
    return (SEEDS / documents()[document_id]["seed"]).read_text(encoding="utf-8")


def problems(check_quotes: bool = True) -> list[str]:
    """Everything wrong with the knowledge base; empty when it is sound."""
    out = []
    ids = [r["id"] for r in _measures()]
    out += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    themes, instruments = vocab()["themes"], vocab()["instruments"]
    deps, rules, docs = departments(), scopes(), documents()
    out += [f"document {d}: no reach" for d, doc in docs.items() if "provinces" not in (doc.get("reach") or {})]
    for d, doc in docs.items():
        try:
            period.period(doc)
        except (ValueError, TypeError, AttributeError) as exc:
            out.append(f"document {d}: period of effect unreadable ({exc})")
    texts = {}
    for r in _measures():
        rid = r["id"]
        for field in MEASURE_FIELDS:
            if field not in r or r[field] in (None, ""):
                if field not in ("quantities", "departments"):
                    out.append(f"{rid}: missing {field}")
        if r["document"] not in docs:
            out.append(f"{rid}: unknown document {r['document']}")
            continue
        out += [f"{rid}: unknown theme {t}" for t in r["theme"] if t not in themes]
        out += [f"{rid}: unknown instrument {t}" for t in r["instrument"] if t not in instruments]
        out += [f"{rid}: unknown department {t}" for t in r["departments"] if t not in deps]
        out += [f"{rid}: unknown scope rule {t}" for t in r["scope"] + r["only"] if t not in rules]
        if not r["scope"]:
            out.append(f"{rid}: empty scope")
        unknown_units = [q.get("unit") for q in r["quantities"] if q.get("unit") not in units()]
        out += [f"{rid}: unknown unit {u!r} (add it to vocab.yaml units)" for u in unknown_units]
        if "scope_note" in r:
            out.append(f"{rid}: scope_note is written in both languages now (scope_note_zh, scope_note_en)")
        if bool(r.get("scope_note_zh")) != bool(r.get("scope_note_en")):
            out.append(f"{rid}: a scope note needs both scope_note_zh and scope_note_en")
        if check_quotes:
            text = texts.setdefault(r["document"], seed_text(r["document"]))
            if r["quote"] not in text:
                out.append(f"{rid}: quote not found verbatim in {docs[r['document']]['seed']}")
    return out


def document_name(document_id: str, lang: str) -> str:
    """A document as a planner names it: its short name and its number where it has one (兴边富民行动“十三五”规划（国办发〔2017〕50号）)."""
    doc = documents()[document_id]
    name = doc.get(f"short_{lang}") or doc.get(f"title_{lang}") or doc["title_zh"]
    number = document_number(doc, lang)
    if not number:
        return name
    return f"{name}（{number}）" if lang == "zh" else f"{name} ({number})"
