"""Load and validate the knowledge base (geodata/policy): documents, measures, vocabularies, departments."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from ..paths import POLICY, SEEDS
from . import period

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


def quantity_text(q: dict, lang: str = "en") -> str:
    what = q.get(f"what_{lang}") or q.get("what_en") or ""
    return f"{q.get('value')} {q.get('unit', '')} ({what})".strip()


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


def document_label(doc: dict) -> str:
    """A document's number where it has one, else its date: what goes in brackets after its title."""
    return str(doc.get("number") or doc.get("date") or "")


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
                "quantities": "; ".join(quantity_text(q) for q in r["quantities"]),
                "scope_note": r.get("scope_note", "") or "",
            }
        )
    return with_periods(pd.DataFrame(rows), today)


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
        if check_quotes:
            text = texts.setdefault(r["document"], seed_text(r["document"]))
            if r["quote"] not in text:
                out.append(f"{rid}: quote not found verbatim in {docs[r['document']]['seed']}")
    return out


def document_name(document_id: str, lang: str) -> str:
    """A document as a planner names it: its title and, where it has one, its number."""
    doc = documents()[document_id]
    title = doc.get(f"title_{lang}") or doc["title_zh"]
    number = str(doc.get("number") or "").split(" (")[0]
    if not number:
        return title
    return f"{title}（{number}）" if lang == "zh" else f"{title} ({number})"
