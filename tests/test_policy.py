import pytest
from conftest import SEGMENTS

from borderdash.policy import join, kb, scope, search

EXPECTED_COUNTS = {"im-2023": 73, "gbf-2019-58": 17}


def test_knowledge_base_is_sound():
    assert kb.problems(check_quotes=False) == []


def test_coverage_per_document():
    counts = kb.counts_by_document()
    for doc, n in EXPECTED_COUNTS.items():
        assert counts[doc] == n
    assert counts["gf-2015-72"] >= 5 and counts["mofcom-czones"] >= 5
    sections = {m["section"] for m in kb.measures() if m["document"] == "gbf-2017-50"}
    assert {f"四({n})" for n in "一二三四五六七"} <= sections
    assert {f"专栏{n}(1)" for n in range(1, 7)} <= sections
    assert {f"三({n})1" for n in "一二三四五六"} <= sections


def test_loan_cap_and_zero_to_three_km_relocation_are_pinned():
    loans = kb.measure("gf-2015-72:i.loans")
    assert {"value": 100000, "unit": "CNY"}.items() <= loans["quantities"][0].items()
    relocation = kb.measure("gf-2015-72:i.relocation")
    assert any(q["value"] == 3 and q["unit"] == "km" for q in relocation["quantities"])
    assert "border_band_3km" in relocation["scope"]


def test_article_two_lists_the_twenty_units_of_the_register():
    from borderdash import registers

    art2 = kb.measure("im-2023:art2")
    assert sorted(art2["units_zh"]) == sorted(registers.read("im_units").name_zh)


def test_column_one_item_four_names_every_road_segment():
    text = kb.measure("gbf-2017-50:col1.4")["summary_zh"]
    for seg in SEGMENTS:
        assert seg in text


def test_opening_up_item_four_names_the_seven_pilot_zones():
    m = kb.measure("gbf-2017-50:3.4.4")
    for zone in ["东兴", "凭祥", "瑞丽", "勐腊（磨憨）", "满洲里", "二连浩特", "绥芬河—东宁", "黑瞎子岛"]:
        assert zone in m["summary_zh"]


@pytest.mark.parametrize(
    "rule, expected",
    [("border_counties", 140), ("im_border_units", 20), ("hainan_autonomous_counties", 6), ("key_pilot_zones", 9)],
)
def test_scope_rules_evaluate_on_the_real_layers(rule, expected):
    assert len(scope.evaluate(rule)) == expected


def test_scope_rules_for_bands_corridors_and_orientation():
    band = scope.evaluate("border_band_3km")
    assert "450681" in set(band.place_id) and "150102" not in set(band.place_id)
    g219 = set(scope.evaluate("corridor_g219").place_id)
    assert {"450681", "654326"} <= g219
    mohan = scope.evaluate("mohan_boten_czone")
    assert list(mohan.place_id) == ["czone-mohan-boten"]
    assert set(scope.evaluate("orientation_xinjiang_west").province_zh) == {"新疆"}
    key = scope.evaluate("key_border_areas")
    assert {"key_pilot_zones", "border_cities"} <= set(key.rule)


def test_what_applies_here_says_why():
    dongxing = join.measures_for("450681")
    assert dongxing.measure_id.is_unique
    assert "gbf-2017-50:4.1" in set(dongxing[dongxing.direct].measure_id)
    via_zone = dongxing[dongxing.via.str.contains("platforms:pz-dongxing", regex=False)]
    assert any("key_pilot_zones" in r for r in via_zone.rule)
    assert dongxing.rule_zh.str.len().gt(0).all()


def test_where_does_this_apply():
    places = join.places_for("im-2023:art2")
    assert len(places) == 20 and set(places.layer) == {"im-units"}
    with pytest.raises(KeyError):
        join.places_for("no-such-measure")


def test_long_and_wide_tables_agree():
    long = join.place_measure_table()
    wide = join.place_measure_table(wide=True)
    assert len(wide) == long[["layer", "place_id"]].drop_duplicates().shape[0]


@pytest.mark.parametrize(
    "query, expected_first",
    [
        ("边民补助", {"im-2023:art64", "gbf-2017-50:4.1", "gbf-2017-50:3.2.2"}),
        ("border residents subsidy", {"im-2023:art64", "gf-2015-72:i.relocation", "gbf-2017-50:4.1"}),
        ("创业担保贷款", {"gf-2015-72:i.loans"}),
        ("entrepreneurship loans", {"gf-2015-72:i.loans"}),
        ("G219", {"gbf-2017-50:col1.4"}),
        ("0-3 km", {"gf-2015-72:i.relocation"}),
        ("0—3公里", {"gf-2015-72:i.relocation"}),
    ],
)
def test_search_finds_the_right_measure_first(query, expected_first):
    assert search.search(query).id.iloc[0] in expected_first


def test_search_handles_empty_and_hostile_queries():
    assert search.search("").empty
    assert list(search.search("<script>alert(1)</script>").columns)[:3] == ["rank", "score", "id"]
    assert search.search("zzzzqqq").empty


def test_hainans_six_counties_get_the_plans_policy_measures_by_reference():
    measures = set(join.measures_for("469025").measure_id)  # 白沙黎族自治县
    assert {f"gbf-2017-50:4.{n}" for n in range(1, 8)} <= measures


@pytest.mark.parametrize(
    "english, chinese",
    [("port of entry", "口岸"), ("transfer payments", "转移支付"), ("regiment", "团场"), ("right on the border", "抵边")],
)
def test_english_queries_find_what_their_chinese_equivalents_find(english, chinese):
    assert set(search.search(english, limit=10).id) == set(search.search(chinese, limit=10).id)


def test_port_of_entry_ranks_ports_not_entry_into_force():
    top = search.search("port of entry", limit=3)
    assert not top.title_en.str.contains("force", case=False).any()
    assert top.title_en.str.contains("port", case=False).any()


def test_transfer_payments_finds_the_fiscal_policy_of_the_plan():
    assert "gbf-2017-50:4.2" in set(search.search("transfer payments", limit=5).id)


def test_the_programme_is_searchable_by_its_standard_english_name():
    assert set(search.search("Revitalize Border Areas and Enrich the People", limit=5).id) == set(search.search("兴边富民", limit=5).id)
    assert "Revitaliz" in kb.documents()["gbf-2017-50"]["title_en"]


def test_the_plans_targets_and_the_opening_of_its_policy_measures_are_recorded():
    targets = kb.measure("gbf-2017-50:2.3")
    assert targets["section"] == "二(三)" and any(q["value"] == 2020 for q in targets["quantities"])
    opening = kb.measure("gbf-2017-50:4.0")
    assert "国家综合配套改革试验区" in opening["quote"] and "林场" in opening["quote"]


def test_border_resident_support_is_split_into_its_measures():
    parts = [m for m in kb.measures() if m["id"].startswith("gbf-2017-50:4.1.")]
    assert len(parts) >= 7 and len({m["quote"] for m in parts}) == len(parts)
    assert kb.measure("gbf-2017-50:4.1.loans")["quantities"][0]["value"] == 100000
