"""Each document's period of effect is computed for the day asked and shown beside every measure."""

import datetime as dt
import re

import pytest

from borderdash.cli import main
from borderdash.policy import join, kb, period, search

BEFORE_END = dt.date(2019, 6, 1)
AFTER_END = dt.date(2026, 12, 4)


def test_the_2017_plan_period_ends_with_2020():
    doc = kb.documents()["gbf-2017-50"]
    assert period.period(doc, BEFORE_END) == period.Period("规划期2016—2020年", "plan period 2016–2020", True)
    assert period.period(doc, AFTER_END) == period.Period("规划期2016—2020年，已届满", "plan period 2016–2020, ended", False)


def test_the_inner_mongolia_regulations_are_in_force_from_2024():
    doc = kb.documents()["im-2023"]
    assert not period.period(doc, dt.date(2023, 12, 31)).in_force
    assert period.period(doc, AFTER_END).en == "in force since 1 January 2024; no end stated"


@pytest.mark.parametrize("doc_id", ["gf-2015-72", "gbf-2019-58", "mofcom-czones"])
def test_documents_with_no_end_stated_say_so_and_stay_in_force(doc_id):
    p = period.period(kb.documents()[doc_id], AFTER_END)
    assert p.in_force and "未规定有效期" in p.zh and "no period or end stated" in p.en


def test_a_number_field_holds_a_document_number_or_nothing():
    for doc_id, doc in kb.documents().items():
        assert re.fullmatch(r"(\S+〔\d{4}〕\d+号.*)?", doc.get("number") or ""), doc_id


def test_translated_documents_say_where_their_chinese_original_is():
    for doc_id, doc in kb.documents().items():
        if doc["language"] == "en":
            original = doc["original_zh"]
            assert original["title"] and original["where_zh"] and original["where_en"], doc_id


def test_every_answer_carries_its_documents_period():
    for table in (join.measures_for("450681"), join.places_for("im-2023:art2"), kb.measures_table(), search.search("口岸")):
        assert {"period_zh", "period_en", "in_force"} <= set(table.columns)
        assert table.period_zh.str.len().gt(0).all()


def test_measures_of_an_ended_plan_can_be_left_out():
    everything = join.measures_for("450681", today=AFTER_END)
    in_force = join.measures_for("450681", in_force_only=True, today=AFTER_END)
    assert (everything.document == "gbf-2017-50").any() and not (in_force.document == "gbf-2017-50").any()
    assert (join.measures_for("450681", in_force_only=True, today=BEFORE_END).document == "gbf-2017-50").any()


def test_the_cli_prints_the_period_and_filters_on_it(tmp_path, capsys):
    assert main(["measures", "--place", "450681", "--lang", "en"]) == 0
    assert "Period of effect" in capsys.readouterr().out
    assert main(["measures", "--place", "450681", "--lang", "en", "--raw"]) == 0
    assert "period_en" in capsys.readouterr().out
    out = tmp_path / "m.csv"
    assert main(["measures", "--place", "450681", "--in-force", "-o", str(out)]) == 0
    assert "gbf-2017-50" not in out.read_text(encoding="utf-8-sig")
    assert main(["places", "--measure", "gbf-2017-50:4.1"]) == 0
    assert "有效期：规划期2016—2020年，已届满" in capsys.readouterr().out
