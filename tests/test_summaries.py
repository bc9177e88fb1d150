"""A summary states a measure's conditions as its quote does: no qualifier the quote lacks, none it has left out."""

import re

import pytest

from borderdash.policy import kb

# Qualifiers that narrow a measure, in Chinese and in English (an English "pilot zone" is a name, not a qualifier).
QUALIFIERS_ZH = {
    "conditional": r"有条件的|具备条件|条件成熟|条件许可",
    "pilot": r"试点|先行先试",
    "study": r"研究(?!院|所|机构|中心|人员|成果)",
    "gradual": r"逐步",
}
QUALIFIERS_EN = {
    "conditional": (
        r"\bwhere (certain )?conditions (permit|allow|are satisfied)|\bwith (the )?conditions\b"
        r"|\bconditional (new )?(districts|zones|areas)\b|\bwhere (feasible|suitable|possible|appropriate)\b"
        r"|\bsuitable (areas|border areas|new districts|districts|localities|places)\b"
        r"|\b(areas|districts) able to\b|\bconditions (permit|allow)\b"
    ),
    "pilot": r"\bpilot(s|ed|ing)?\b(?!\s+(zones?|polic(y|ies)|areas?|free trade))",
    "study": r"\bstud(y|ies|ied|ying)\b",
    "gradual": r"\bgradual(ly)?\b|\bstep by step\b|\bover time\b|\bprogressively\b",
}
# (measure, qualifier) pairs whose quote has the word for something the summaries rightly leave out.
EXCEPTIONS = {
    ("im-2023:art13", "study"): "the quote's 'live and study together' renders 共学 (learning side by side), not a study to be made",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


def qualifiers(text: str, lang: str) -> set[str]:
    table = QUALIFIERS_ZH if lang == "zh" else QUALIFIERS_EN
    return {k for k, pattern in table.items() if re.search(pattern, text, 0 if lang == "zh" else re.IGNORECASE)}


@pytest.mark.parametrize("measure", kb.measures(), ids=lambda m: m["id"])
def test_a_summary_qualifies_a_measure_when_and_only_when_its_quote_does(measure):
    quote = qualifiers(measure["quote"], "zh" if CJK.search(measure["quote"]) else "en")
    for lang in ("zh", "en"):
        summary = qualifiers(measure[f"summary_{lang}"], lang)
        differ = {k for k in quote ^ summary if (measure["id"], k) not in EXCEPTIONS}
        assert not differ, f"{measure['id']} summary_{lang}: quote {sorted(quote)}, summary {sorted(summary)}"


def test_the_tuition_free_vocational_schooling_is_not_made_conditional():
    m = kb.measure("gf-2015-72:ii.education")
    assert "12年免费教育；中等职业教育实行免学费制度（不附条件）" in m["summary_zh"]
    assert "where certain conditions are satisfied" in m["quote"]


def test_the_exceptions_name_qualifiers_their_quotes_really_have():
    for (measure_id, qualifier), reason in EXCEPTIONS.items():
        m = kb.measure(measure_id)
        assert qualifier in qualifiers(m["quote"], "zh" if CJK.search(m["quote"]) else "en"), reason


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("有条件的地方实行12年免费教育", "zh", {"conditional"}),
        ("研究院所设立研发机构", "zh", set()),
        ("border tourism pilot zones", "en", set()),
        ("may pilot easier settlement where conditions allow", "en", {"pilot", "conditional"}),
    ],
)
def test_qualifiers_are_told_apart_from_names_that_contain_the_word(text, lang, found):
    assert qualifiers(text, lang) == found
