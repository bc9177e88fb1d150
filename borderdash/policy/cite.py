"""How a page cites a document and quotes a measure, in the reader's language: number, dates, what the seed text is,
and where the official Chinese wording of a translated seed can be found."""

from __future__ import annotations

from typing import NamedTuple

from . import kb, period

SEED_FORMS = {
    "original": ("中文原文", "Chinese original"),
    "translation": ("英文译本", "English translation"),
    "news_report": ("英文新闻报道", "English news report"),
}
"""What a seed text is (documents.yaml `seed_form`), in words."""


class QuoteBlock(NamedTuple):
    """A measure's quote as a page shows it: what the quote is, the quote itself, and where the official wording is."""

    label: str
    quote: str
    note: str


def _zh(lang: str) -> bool:
    return lang != "en"


def document_citation(doc: dict, lang: str) -> str:
    """A document as a reader cites it: 国务院关于…的意见（国发〔2015〕72号） / Opinions of … (Guo Fa [2015] No. 72)."""
    number = kb.document_number(doc, lang)
    if _zh(lang):
        return f"{doc['title_zh']}（{number}）" if number else doc["title_zh"]
    return f"{doc['title_en']} ({number})" if number else doc["title_en"]


def measure_citation(m: dict, lang: str) -> str:
    """Where a measure sits: its document's citation and its section as that language's reader finds it."""
    doc = kb.documents()[m["document"]]
    section = kb.section_label(m["document"], m["section"], lang)
    return f"{document_citation(doc, lang)} · {section}" if section else document_citation(doc, lang)


def seed_form(doc: dict, lang: str) -> str:
    """中文原文 / 英文译本 / 英文新闻报道 (Chinese original, English translation, English news report)."""
    zh, en = SEED_FORMS.get(doc.get("seed_form") or "", ("", ""))
    return (zh if _zh(lang) else en) or str(doc.get("language") or "")


def number_text(doc: dict, lang: str) -> str:
    """The number column of a document table: the number, else why it has none (a local regulation, a news report)."""
    number = kb.document_number(doc, lang)
    if number:
        return number
    return str(doc.get("no_number_zh" if _zh(lang) else "no_number_en") or "—")


def dates_text(doc: dict, lang: str) -> str:
    """A document's dates in words: 2023年11月30日通过，2024年1月1日施行 / adopted 30 November 2023, in force from …."""
    zh = _zh(lang)

    def day(value) -> str:
        return period.day_text(value, "zh" if zh else "en")

    parts = []
    if doc.get("adopted"):
        parts.append(f"{day(doc['adopted'])}通过" if zh else f"adopted {day(doc['adopted'])}")
    elif doc.get("date"):
        parts.append(f"{day(doc['date'])}印发" if zh else f"issued {day(doc['date'])}")
    if doc.get("published") and doc.get("published") != doc.get("date"):
        parts.append(f"{day(doc['published'])}公布" if zh else f"published {day(doc['published'])}")
    if doc.get("period_kind") == "in_force_from" and doc.get("effective_from"):
        parts.append(f"{day(doc['effective_from'])}施行" if zh else f"in force from {day(doc['effective_from'])}")
    return ("，" if zh else ", ").join(parts) or "—"


def _original_number(doc: dict, lang: str) -> str:
    """The number of a translated seed's Chinese original in a language (the document's own when it is the same)."""
    original = doc.get("original_zh") or {}
    number = str(original.get("number") or "")
    if _zh(lang) or not number:
        return number
    if number == doc.get("number"):
        return kb.document_number(doc, "en")
    return str(original.get("number_en") or number)


def original_text(doc: dict, lang: str) -> str:
    """Where a translated seed's official Chinese text is: its title and number, and where it is published; '' for an
    original seed."""
    original = doc.get("original_zh")
    if not original or doc.get("seed_form") == "original":
        return ""
    number = _original_number(doc, lang)
    if _zh(lang):
        return f"《{original['title']}》" + (f"（{number}）" if number else "") + f"：{original.get('where_zh', '')}"
    return original["title"] + (f" ({number})" if number else "") + f": {original.get('where_en', '')}"


def document_facts(document_id: str, lang: str, today=None) -> dict[str, str]:
    """What a table or caption says about a document, every value in the language: number, dates, period of effect,
    what the seed is, issuer, title, notes and where the official Chinese text is."""
    doc = kb.documents()[document_id]
    zh = _zh(lang)
    p = kb.periods(today)[document_id]
    return {
        "number": number_text(doc, lang),
        "date": dates_text(doc, lang),
        "period": p.zh if zh else p.en,
        "language": seed_form(doc, lang),
        "issuer": str(doc["issuer_zh" if zh else "issuer_en"]),
        "title": str(doc["title_zh" if zh else "title_en"]),
        "notes": str(doc.get("notes_zh" if zh else "notes_en") or ""),
        "original": original_text(doc, lang),
    }


def quote_block(m: dict, lang: str) -> QuoteBlock:
    """A measure's quote, labelled: the Chinese original as 原文; a translated seed's English as 英文译本（种子文本）
    with the official Chinese title, number and section to look the wording up by (pages show the summary first)."""
    doc = kb.documents()[m["document"]]
    form = doc.get("seed_form") or "original"
    zh = _zh(lang)
    if form == "original":
        return QuoteBlock("原文" if zh else "Original text (Chinese)", m["quote"], "")
    original = doc.get("original_zh") or {}
    label_zh, label_en = SEED_FORMS[form]
    label = f"{label_zh}（种子文本）" if zh else f"{label_en} (seed text)"
    number = _original_number(doc, lang)
    title = original.get("title") or doc["title_zh"]
    where = original.get("where_zh" if zh else "where_en") or ""
    section = kb.section_label(m["document"], m["section"], lang)
    if form == "news_report":
        if zh:
            note = f"引文出自报道{section}；报道的是《{title}》" + (f"（{number}）" if number else "") + f"。{where}"
        else:
            note = f"Quoted from the report, {section}; it reports {title}" + (f" ({number})" if number else "") + f". {where}"
        return QuoteBlock(label, m["quote"], note)
    if zh:
        note = f"官方中文原文见《{title}》" + (f"（{number}）" if number else "") + f"{section}。{where}"
    else:
        note = f"The official Chinese text is {title}" + (f" ({number})" if number else "") + f", {section}. {where}"
    return QuoteBlock(label, m["quote"], note)
