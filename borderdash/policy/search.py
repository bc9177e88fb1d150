"""Ranked search over the measures in Chinese and English (BM25 over jieba words, CJK bigrams and English stems)."""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import jieba
import pandas as pd
import yaml

from ..paths import POLICY
from . import kb

jieba.setLogLevel(logging.WARNING)

FIELD_WEIGHTS = {"title_zh": 3.0, "title_en": 3.0, "summary_zh": 2.0, "summary_en": 2.0, "quote": 1.5, "extra": 1.0}
_CJK = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RANGE = re.compile(r"(\d)\s*[-—–－~～至到]+\s*(\d)")
_SYNONYMS = {"kilometers": "km", "kilometres": "km", "kilometer": "km", "公里": "km", "千米": "km", "yuan": "cny", "元": "cny"}
_STOP = {"the", "of", "and", "a", "an", "to", "in", "for", "on", "by", "with", "at", "or", "be", "is", "are", "as", "from"}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).lower()
    return _RANGE.sub(r"\1-\2", text)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _concept_patterns() -> list[tuple[re.Pattern, str]]:
    """Phrases of the bilingual synonym list (geodata/policy/synonyms.yaml), longest first, each with its group token."""
    with (POLICY / "synonyms.yaml").open(encoding="utf-8") as fh:
        groups = yaml.safe_load(fh) or []
    phrases = [(normalise(term), f"concept{i}") for i, group in enumerate(groups) for term in group]
    phrases.sort(key=lambda p: -len(p[0]))
    return [(re.compile(re.escape(term) if _CJK.search(term) else rf"\b{re.escape(term)}\b"), token) for term, token in phrases]


def concepts(text: str, consume: bool = False) -> tuple[str, list[str]]:
    """Group tokens of the synonym phrases a text names; with `consume`, the phrases are cut from the text (queries)."""
    text = normalise(text)
    found = []
    for pattern, token in _concept_patterns():
        if pattern.search(text):
            found.append(token)
            if consume:
                text = pattern.sub(" ", text)
    return text, found


def tokens(text: str, query: bool = False) -> list[str]:
    """Words of a text: synonym groups, English stems and numbers, jieba words and character bigrams of Chinese runs.

    In a query a synonym phrase stands only for its group, so "port of entry" does not also match "entry into force".
    """
    text, found = concepts(text, consume=query)
    for src, dst in _SYNONYMS.items():
        text = text.replace(src, f" {dst} ")
    out = found + [_stem(w) for w in _WORD.findall(text) if w not in _STOP]
    for run in _CJK.findall(text):
        out += [w for w in jieba.cut_for_search(run) if len(w) > 1]
        out += [run[i : i + 2] for i in range(len(run) - 1)]
        if len(run) == 1:
            out.append(run)
    return out


@lru_cache(maxsize=1)
def _index():
    docs = []
    for m in kb.measures():
        extra = " ".join(
            [
                m["id"],
                m["section"],
                " ".join(kb.department_names(m["departments"], "zh")),
                " ".join(kb.department_names(m["departments"], "en")),
                " ".join(m["theme"]),
                " ".join(m["instrument"]),
                " ".join(kb.quantity_text(q, "en") + " " + kb.quantity_text(q, "zh") for q in m["quantities"]),
                kb.scope_note(m, "zh"),
                kb.scope_note(m, "en"),
            ]
        )
        fields = {f: m.get(f, "") or "" for f in FIELD_WEIGHTS if f != "extra"} | {"extra": extra}
        tf = Counter()
        for field, text in fields.items():
            for tok in tokens(text):
                tf[tok] += FIELD_WEIGHTS[field]
        docs.append((m, tf, sum(tf.values())))
    df = Counter(tok for _, tf, _ in docs for tok in tf)
    avg = sum(length for *_, length in docs) / max(len(docs), 1)
    return docs, df, avg


def search(query: str, limit: int = 20, in_force_only: bool = False, today=None) -> pd.DataFrame:
    """Measures ranked by relevance to the query, each with its document's period of effect (`in_force_only` leaves out
    documents whose period has ended); empty frame for an empty or unmatched query."""
    docs, df, avg = _index()
    q = list(dict.fromkeys(tokens(query, query=True)))
    columns = ["rank", "score", "id", "document", "section", "title_zh", "title_en", "period_zh", "period_en", "in_force"]
    if not q:
        return pd.DataFrame(columns=columns + ["section_zh", "section_en"])
    n, k1, b = len(docs), 1.2, 0.75
    scored = []
    for m, tf, length in docs:
        score = 0.0
        for tok in q:
            f = tf.get(tok, 0.0)
            if not f:
                continue
            idf = math.log(1 + (n - df[tok] + 0.5) / (df[tok] + 0.5))
            score += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * length / avg))
        if score > 0:
            scored.append((score, m))
    scored.sort(key=lambda x: (-x[0], x[1]["id"]))
    if in_force_only:
        periods = kb.periods(today)
        scored = [(s, m) for s, m in scored if periods[m["document"]].in_force]
    rows = [
        {
            "rank": i + 1,
            "score": round(s, 3),
            "id": m["id"],
            "document": m["document"],
            "section": m["section"],
            "title_zh": m["title_zh"],
            "title_en": m["title_en"],
        }
        for i, (s, m) in enumerate(scored[:limit])
    ]
    return kb.with_sections(kb.with_periods(pd.DataFrame(rows, columns=columns[:7]), today)[columns])
