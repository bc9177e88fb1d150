"""What each document reaches, read from the five documents (shared/seeds): golden places and properties of the join."""

import re

import pandas as pd
import pytest

from borderdash import cli
from borderdash.policy import join, kb, scope

NEW_DISTRICT_MEASURES = [f"gbf-2019-58:{n}" for n in ("i", "v", "xvii")]
PLAN_POLICIES = [f"gbf-2017-50:4.{n}" for n in range(1, 8)]

# place → (measures that must apply, measures or documents that must not). Written from the documents:
# 004 (the 2017 plan) covers the 140 border counties and 58 regiments, Hainan's six counties by reference for
# its 四 policies; its 专栏1(3) and (4) name their own lines; 三(四)4 names seven pilot zones. 001 (IMAR) covers
# only the 20 Inner Mongolia units. 003 covers the state-level new districts. 000 covers key border areas
# (pilot zones, ports, border cities, cooperation zones). 002 covers border (cross-border) cooperation zones.
GOLDEN = {
    "450681": (  # 东兴市: border county, port host, pilot-zone host
        PLAN_POLICIES
        + ["gbf-2017-50:3.4.4", "gbf-2017-50:col1.3", "gbf-2017-50:col1.4", "gf-2015-72:iv.ports", "mofcom-czones:p4.guangxi"],
        ["im-2023", "gbf-2019-58", "mofcom-czones:p4.yunnan"],
    ),
    "150781": (  # 满洲里市: Inner Mongolia border unit, port and pilot-zone host
        ["im-2023:art2", "im-2023:art26", "im-2023:art44", "gbf-2017-50:3.4.4", "gbf-2017-50:4.1", "mofcom-czones:p4.northeast"],
        ["gbf-2019-58", "gbf-2017-50:col1.3", "mofcom-czones:p4.guangxi"],
    ),
    "im-152921": (["im-2023:art1", "im-2023:art64"], ["gbf-2019-58"]),  # 阿拉善左旗 by its IMAR unit id: the banner itself
    "xpcc-3-tuoyun": (["gbf-2017-50:4.1", "gbf-2017-50:col1.1"], ["im-2023", "gbf-2019-58", "gf-2015-72:iv.ports"]),  # regiment
    "469025": (PLAN_POLICIES, ["gbf-2017-50:3.1.1", "gbf-2017-50:col1.1", "im-2023", "gf-2015-72"]),  # 白沙: Hainan county
    "510107": ([], ["gbf-2017-50", "im-2023", "gbf-2019-58", "gf-2015-72", "mofcom-czones"]),  # 武侯区: interior county
    "530181": (NEW_DISTRICT_MEASURES, ["gbf-2017-50", "im-2023", "gf-2015-72"]),  # 安宁市: 滇中新区 county
    "230109": (NEW_DISTRICT_MEASURES, ["gbf-2017-50", "im-2023"]),  # 松北区: 哈尔滨新区 county
    "210213": (NEW_DISTRICT_MEASURES, ["gbf-2017-50:4.1", "im-2023"]),  # 金州区: 金普新区 county
    "451481": (["gbf-2017-50:3.4.4", "gbf-2017-50:4.1", "mofcom-czones:p4.guangxi"], ["im-2023", "gbf-2019-58"]),  # 凭祥市: zone host
    "pz-baise": ([], ["gbf-2017-50:3.4.4", "gbf-2017-50:col4.4", "im-2023"]),  # approved 2020, after the plan
    "451002": ([], ["gbf-2017-50:3.4.4", "gbf-2017-50:4.1", "im-2023"]),  # 右江区: 百色 zone registered at prefecture
    "652702": (["gf-2015-72:iv.ports", "gbf-2017-50:col4.1"], ["im-2023", "gbf-2019-58"]),  # 阿拉山口市: port host
    "222404": (["gbf-2017-50:col1.4"], ["gbf-2017-50:col1.3", "im-2023"]),  # 珲春市: 东宁—珲春 along-border line only
    "230524": (["gbf-2017-50:col1.4"], ["gbf-2017-50:col1.3", "im-2023"]),  # 饶河县: 创业—饶河—东方红 only
    "653131": (["gbf-2017-50:col1.3"], ["im-2023", "gbf-2019-58"]),  # 塔什库尔干: 中巴铁路
}


@pytest.mark.parametrize("place", list(GOLDEN))
def test_golden_places_get_what_the_documents_give_them(place):
    must, must_not = GOLDEN[place]
    got = join.measures_for(place)
    ids, docs = set(got.measure_id), set(got.document)
    assert [m for m in must if m not in ids] == []
    assert [x for x in must_not if x in ids or x in docs] == []


@pytest.mark.parametrize("adcode", ["150727", "150781", "152921"])
def test_an_inner_mongolia_unit_answers_as_the_county_it_is(adcode):
    by_unit, by_county = join.measures_for(f"im-{adcode}"), join.measures_for(adcode)
    assert list(by_unit.measure_id) == list(by_county.measure_id) and len(by_unit) > 100
    assert "im-" + adcode not in set(join.place_options().place_id)  # a picker lists the territory once


def test_dongxing_gets_no_inner_mongolia_article_and_says_which_port_and_line():
    got = join.measures_for("450681")
    assert not got.document.eq("im-2023").any()
    assert "沿线：防城港—东兴铁路（规划建设）" in got.set_index("measure_id").loc["gbf-2017-50:col1.3", "reason_zh"]
    assert "口岸：东兴口岸" in got.set_index("measure_id").loc["gf-2015-72:iv.ports", "reason_zh"]


def test_the_china_pakistan_line_is_named_in_the_reason():
    got = join.measures_for("653131").set_index("measure_id")
    assert "沿线：中巴铁路（研究建设）" in got.loc["gbf-2017-50:col1.3", "reason_zh"]


def test_no_measure_reaches_a_place_outside_its_documents_reach():
    table = join.long_table()
    outside = table[[not join.in_reach(kb.measure(m)["document"], p) for m, p in zip(table.measure_id, table.province_zh, strict=True)]]
    assert outside.empty
    by_county = join.measures_by_county()
    im_counties = set(scope.places("im-units").adcode)
    reached = {a for a, ms in by_county.items() if any(m.startswith("im-2023:") for m in ms)}
    assert reached == im_counties


def test_every_only_note_is_a_rule_and_every_matched_place_satisfies_it():
    only_words = re.compile(r"\bonly\b|仅|limited to", re.IGNORECASE)
    for m in kb.measures():
        if only_words.search(kb.scope_note(m, "en") + kb.scope_note(m, "zh")):
            assert m["only"], f"{m['id']}: note says only but no `only` rule"
        if not m["only"]:
            continue
        places = join.places_for(m["id"])
        bad = [p for p in zip(places.layer, places.place_id, strict=True) if not any(scope.matches(r, *p) for r in m["only"])]
        assert bad == [], f"{m['id']}: {bad[:5]}"


def test_inner_mongolia_port_articles_reach_only_ports_inside_the_twenty_units():
    im_counties = set(scope.places("im-units").adcode)
    for article in ("im-2023:art26", "im-2023:art46"):
        ports = join.places_for(article).query("layer == 'platforms'")
        assert len(ports) >= 10
        assert all(scope.footprint("platforms", p) <= im_counties for p in ports.place_id)


def test_column_one_items_three_and_four_reach_their_own_lines():
    item3 = join.places_for("gbf-2017-50:col1.3")
    item4 = join.places_for("gbf-2017-50:col1.4")
    assert item3.detail_zh.str.contains("铁路").all()
    assert not item3.detail_zh.str.contains("东宁—珲春|G219|G331").any()
    assert not item4.detail_zh.str.contains("中巴|中吉乌|克拉玛依").any()
    assert {"222404", "230524"} <= set(item4.place_id) and not {"222404", "230524"} & set(item3.place_id)


def test_opening_up_item_four_reaches_exactly_the_seven_named_pilot_zones():
    zones = join.places_for("gbf-2017-50:3.4.4").query("layer == 'platforms' and place_id.str.startswith('pz-')")
    assert sorted(zones.place_id) == sorted(
        ["pz-dongxing", "pz-pingxiang", "pz-ruili", "pz-mengla-mohan", "pz-manzhouli", "pz-erenhot", "pz-suifenhe-dongning"]
    )


def test_platforms_approved_after_a_document_reach_it_only_through_rules_that_name_them():
    approved = scope.places("platforms").set_index("place_id").approved.astype(str)
    table = join.long_table().query("layer == 'platforms'")
    for row in table.itertuples():
        doc = kb.documents()[kb.measure(row.measure_id)["document"]]
        if join.approved_after(approved[row.place_id], doc.get("date")):
            assert row.explicit, f"{row.place_id} reaches {row.measure_id} through {row.rule}"


def test_approval_dates_compare_at_their_own_precision():
    assert join.approved_after("2016-08", "2015-12-24")
    assert not join.approved_after("2015-12", "2015-12-24")
    assert not join.approved_after("", "2015-12-24") and not join.approved_after("2020", None)


def test_new_districts_reach_the_counties_their_approvals_name_with_coverage():
    reg = scope.platform_counties()
    assert set(reg.coverage) <= {"whole", "part"} and set(reg.confidence) <= {"high", "medium", "low"}
    assert reg.source.str.contains("http").all() and not reg.source.str.contains("not re-read|memory").any()
    assert set(reg.adcode) <= set(join._unit_counties().adcode)
    assert set(reg[reg.platform_id == "nd-dianzhong"].adcode) == {"530181", "530127", "530111"}
    got = join.measures_for("230109")
    assert got.reason_zh.str.contains("哈尔滨新区（部分区域）").all()


def test_a_platform_without_named_counties_keeps_its_prefecture_profile_and_says_so():
    assert not join.measures_for("654201").via.str.contains("pz-tacheng").any()
    assert any("prefecture level" in n for n in join.notes_for("pz-tacheng"))
    assert any("pz-tacheng" in n for n in join.notes_for("654201"))


def test_every_county_of_china_resolves_by_adcode_and_an_interior_one_says_why_nothing_applies():
    units = join._unit_counties()
    assert len(units) > 2800
    options = set(join.place_options().place_id)
    assert set(units.adcode) <= options
    assert join.measures_for("510107").empty
    assert any("nor Hainan's six counties" in n for n in join.notes_for("武侯区"))


@pytest.mark.parametrize("place", ["510107", "武侯区", "450681", "安宁市"])
def test_cli_measures_answers_any_county_with_exit_zero(place, capsys):
    assert cli.main(["measures", "--place", place, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "rows)" in out
    if place in ("510107", "武侯区"):
        assert "nor Hainan's six counties" in out


def test_cli_measures_still_rejects_what_is_not_a_place(capsys):
    assert cli.main(["measures", "--place", "999999", "--lang", "en"]) == 2
    assert "no place" in capsys.readouterr().err
    assert cli.main(["measures", "--place", "999999"]) == 2
    assert "找不到地点“999999”" in capsys.readouterr().err


def test_scope_rules_compose_by_intersection_and_difference(tmp_path, monkeypatch):
    rules = dict(kb.scopes())
    rules["_ports_outside_im"] = {"zh": "", "en": "", "rule": {"difference": ["border_ports", "im_border_units"]}}
    monkeypatch.setattr(kb, "scopes", lambda: rules)
    scope._evaluate.cache_clear()
    try:
        inside = scope.evaluate("im_ports")
        outside = scope.evaluate("_ports_outside_im")
        every = scope.evaluate("border_ports")
    finally:
        scope._evaluate.cache_clear()
    assert set(inside.place_id).isdisjoint(outside.place_id)
    assert set(inside.place_id) | set(outside.place_id) == set(every.place_id)
    assert (inside.rule == "im_ports").all()


def test_reason_columns_are_filled_for_every_answer():
    got = join.measures_for("150781")
    assert isinstance(got, pd.DataFrame) and got.reason_zh.str.len().gt(0).all() and got.reason_en.str.len().gt(0).all()


@pytest.mark.parametrize("register", ["platforms", "platform_counties"])
def test_platform_sources_are_followable(register):
    from borderdash import registers

    reg = registers.read(register)
    assert reg.source.str.strip().ne("").all()
    placeholders = reg.source.str.contains(r"file id|hit id|not re-|memory-derived", case=False) | reg.notes.str.contains(
        "boundary data is GCJ-02", regex=False
    )
    assert list(reg[placeholders].iloc[:, 0]) == []


def test_a_name_shared_by_several_counties_answers_one_and_lists_the_others():
    notes = join.notes_for("朝阳区")
    assert join.resolve("朝阳区").place_id == "220104"
    assert any("110105" in n for n in notes)
