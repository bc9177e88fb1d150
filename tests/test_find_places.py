"""Finding a place by what a planner types: Chinese names or part of them, English names and their pinyin aliases,
with or without the generic suffix, ids and adcodes; exact before prefix before contains."""

import pytest

from borderdash.policy import join
from borderdash.policy.find import CONTAINS, ID, NAME, PREFIX, SHORT, find_places, short_en, short_zh


@pytest.mark.parametrize(
    "query",
    ["Gyirong", "gyirong", "Gyirong County", "GYIRONG COUNTY", "Jilong", "jilong county", "吉隆", "吉隆县", " 540234 "],
)
def test_every_form_of_gyirong_finds_the_county_first(query):
    top = find_places(query, limit=3).iloc[0]
    assert (top.layer, top.place_id, top.name_en) == ("counties", "540234", "Gyirong County")
    assert top["rank"] in (ID, NAME, SHORT)


@pytest.mark.parametrize(
    "conventional, pinyin, adcode",
    [("Taxkorgan", "Tashiku'ergan", "653131"), ("Burqin", "Bu'erjin", "654321"), ("Ejin", "Ejina", "152923")],
)
def test_conventional_english_names_and_pinyin_aliases_resolve_to_the_same_county(conventional, pinyin, adcode):
    assert join.resolve(conventional).place_id == join.resolve(pinyin).place_id == adcode
    assert join.resolve(pinyin.replace("'", "").lower()).place_id == adcode


def test_exact_names_rank_before_prefixes_and_prefixes_before_parts():
    found = find_places("东兴", limit=20)
    assert found.iloc[0].place_id == "450681" and found.iloc[0]["rank"] == SHORT
    assert list(found["rank"]) == sorted(found["rank"])
    assert {PREFIX} <= set(found["rank"]) and "port-dongxing-road" in set(found.place_id)
    inside = find_places("兴市", limit=50)
    assert set(inside["rank"]) == {CONTAINS} and "450681" in set(inside.place_id)


def test_layer_places_come_before_other_counties_of_the_same_name():
    found = find_places("东兴", limit=5, exact_only=True)
    assert list(found.place_id[:2]) == ["450681", "511011"]
    assert join.resolve("东兴").place_id == "450681"
    assert any("511011" in n for n in join.notes_for("东兴", "zh"))


def test_an_adcode_finds_the_county_once_though_it_is_also_an_inner_mongolia_unit():
    found = find_places("150727", limit=5)
    assert list(zip(found.layer, found.place_id, strict=True))[:1] == [("counties", "150727")]
    assert "im-150727" not in set(found.place_id)  # the same territory is listed once (join.pickable_places)
    assert set(find_places("4506", limit=10).place_id) >= {"450681", "450621"}


def test_regiments_are_found_by_their_own_name_without_the_division():
    assert find_places("托云牧场", limit=1).iloc[0].place_id == "xpcc-3-tuoyun"
    assert find_places("Tuoyun Pasture", limit=1).iloc[0].place_id == "xpcc-3-tuoyun"


def test_counties_outside_the_layers_have_a_generated_english_name_to_find_them_by():
    top = find_places("Shuangliu", limit=1).iloc[0]
    assert (top.place_id, top.name_zh, top.name_en) == ("510116", "双流区", "Shuangliu District")


def test_an_empty_or_unknown_query_finds_nothing_and_resolve_suggests_names():
    assert find_places("   ").empty and find_places("Atlantis").empty
    with pytest.raises(join.PlaceNotFound) as err:
        join.resolve("Gyiro")
    assert list(err.value.suggestions.place_id[:1]) == ["540234"]


def test_short_forms_drop_only_the_generic_suffix_and_the_autonomous_groups():
    assert short_zh("塔什库尔干塔吉克自治县") == "塔什库尔干" and short_zh("和县") == "" and short_zh("东兴市") == "东兴"
    assert short_en("Shuangjiang Lahu, Va, Blang and Dai Autonomous County") == "Shuangjiang"
    assert short_en("Tumed Left Banner") == "Tumed Left" and short_en("Ewenki Autonomous Banner") == "Ewenki"
    assert short_en("Gyirong") == ""
