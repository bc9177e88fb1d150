"""Corridor lines through sourced control points: what reaches 沿线 measures, and how the registers say why."""

import pandas as pd
import pytest

from borderdash import checks, projects, registers, validate
from borderdash.cli import main
from borderdash.policy import join, scope

CORRIDOR_RULES = ["corridor_g219", "corridor_g331", "corridor_named_segments", "corridor_railways", "railways_col1_3", "lines_col1_4"]


@pytest.fixture(scope="module")
def corridors():
    return projects.corridors().set_index("id")


@pytest.fixture(scope="module")
def points():
    return registers.read("corridor_points")


def test_wuyiling_is_placed_in_tangwang_county_and_tangwang_gets_the_railway_measure(points):
    row = points[(points.corridor_id == "rail-sunwu-xunke-wuyiling") & (points.seq == 3)].iloc[0]
    assert row.adcode == "230723" and row.location_precision == "county"
    assert "汤旺" in row.source
    reached = join.places_for("gbf-2017-50:col1.4")
    assert "230723" in set(reached.place_id)


def test_the_cli_lists_the_railway_measure_for_tangwang_county(tmp_path):
    out = tmp_path / "m.csv"
    assert main(["measures", "--place", "230723", "--raw", "--format", "csv", "-o", str(out)]) == 0
    assert "gbf-2017-50:col1.4" in set(pd.read_csv(out, encoding="utf-8-sig").measure_id)


def test_every_prefecture_level_corridor_point_says_why(points):
    at_prefecture = points[points.adcode.str.endswith("00")]
    assert len(at_prefecture) > 0
    assert at_prefecture.notes.str.strip().str.len().gt(10).all(), at_prefecture[["corridor_id", "seq"]].values.tolist()


@pytest.mark.parametrize("rule", CORRIDOR_RULES)
def test_corridor_rules_reach_only_counties_a_source_puts_on_the_line(corridors, rule):
    reached = set(scope.evaluate(rule).place_id)
    named = {a for s in corridors.control_counties for a in s.split(";") if a}
    assert reached and reached <= named


def test_a_county_the_line_only_crosses_is_listed_as_crossed_but_reaches_no_measure(corridors):
    g331 = corridors.loc["g331"]
    crossed_only = set(g331.counties.split(";")) - set(g331.control_counties.split(";")) - set(g331.inferred_counties.split(";"))
    assert "650521" in crossed_only  # 巴里坤县: between 伊吾 and 木垒, named by no source
    assert "650521" not in set(scope.evaluate("corridor_g331").place_id)
    table = projects.passed_table("g331").set_index("adcode")
    assert table.loc["650521", "basis"] == "crossed" and not table.loc["650521", "cited_control_point"]


def test_an_inferred_shaping_point_draws_the_line_but_reaches_no_measure(corridors, points):
    inferred = points[points.basis == "inferred"]
    assert len(inferred) >= 1 and (inferred.confidence == "low").all()
    assert "152221" in corridors.loc["g331"].inferred_counties.split(";")  # 科尔沁右翼前旗, between 阿尔山 and 东乌珠穆沁
    assert "152221" not in set(scope.evaluate("corridor_g331").place_id)
    assert projects.passed_table("g331").set_index("adcode").loc["152221", "basis"] == "inferred"


def test_a_county_derived_from_cited_facts_reaches_the_measures_and_says_it_was_derived(corridors, points):
    derived = points[points.basis == "derived"]
    assert derived.notes.str.startswith("derived").all()
    assert "220602" in set(scope.evaluate("corridor_g331").place_id)  # 浑江区: G331 passes Jilin's 10 border counties
    table = projects.passed_table("g331").set_index("adcode")
    assert table.loc["220602", "basis"] == "derived" and table.loc["220602", "cited_control_point"]
    assert table.loc["222406", "basis"] == "named"  # 和龙市: named by 中国吉林网 2025


def test_the_reason_still_names_the_corridor():
    hits = scope.evaluate("corridor_g219").set_index("place_id")
    assert "G219" in hits.loc["542521", "detail_zh"]  # 普兰县, through 巴嘎
    assert hits.loc["542521", "detail_en"].startswith("along: ")


def test_added_control_points_reach_the_named_segment_measure():
    reached = set(join.places_for("gbf-2017-50:col1.4").place_id)
    assert {"540235", "540230", "540525"} <= reached  # 聂拉木, 康马, 曲松 between 萨嘎 and 朗县金东乡


def test_a_county_in_two_parts_is_drawn_in_the_part_next_to_its_neighbours():
    pts = projects.drawn_points("g331").set_index("place_zh")
    mazongshan = pts.loc[[p for p in pts.index if p.startswith("肃北")][0]]
    assert mazongshan.lat > 41  # the 马鬃山 part, not the county's larger southern part near 39°N


def test_a_sourced_town_coordinate_is_used_as_given(points):
    saitula = points[(points.corridor_id == "g219") & points.place_zh.str.startswith("皮山县")].iloc[0]
    assert saitula.location_precision == "town" and (saitula.lon, saitula.lat) == (78.0275, 36.3519)
    drawn = projects.drawn_points("g219").set_index("place_zh").loc[saitula.place_zh]
    assert (drawn.lon, drawn.lat) == (78.0275, 36.3519)


def test_routes_run_end_to_end_through_more_cited_points_than_before(corridors):
    assert len(corridors.loc["g219"].control_counties.split(";")) >= 70
    assert len(corridors.loc["g331"].control_counties.split(";")) >= 48
    km, _, _ = projects.longest_jumps("g331")[0]
    assert km < 400  # the Inner Mongolia gap (阿尔山→苏尼特左旗, 666 km) is closed


def test_section_lengths_name_a_province_the_route_is_drawn_through(corridors):
    sections = registers.read("corridor_sections")
    for cid, group in sections.groupby("corridor_id"):
        drawn = projects.drawn_km_by_province(corridors.loc[cid].geometry)
        assert set(group.province_zh) <= set(drawn), cid
        assert group.published_length_km.gt(0).all()


def test_check_data_prints_drawn_beside_published_length_per_province():
    text = checks.check_data().text()
    assert "== corridors: drawn (schematic) vs published length per province ==" in text
    assert "西藏: drawn" in text and "published 3,486 km" in text
    assert "内蒙古: drawn" in text and "no published length for the whole province found" in text
    assert "longest straight segment" in text


def test_a_basis_outside_the_choices_is_named_by_line_and_column(tmp_path):
    header = ",".join(registers.REQUIRED["corridor_points"])
    row = "g219,1,x,654321,,,county,high,guessed,http://example.org/a (a page),"
    (tmp_path / "corridor_points.csv").write_text(header + "\n" + row + "\n", encoding="utf-8")
    found = validate.register_problems("corridor_points", tmp_path)
    assert any(p.line == 2 and p.column == "basis" and "named, derived, inferred" in p.message for p in found)
