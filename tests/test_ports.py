"""Land ports: one row per road or rail crossing, each with mode, neighbour and status, counted against published figures,
and reached by the measures of a document only when approved before it (or named)."""

import pandas as pd
import pytest

from borderdash import checks, registers
from borderdash.policy import join, scope
from borderdash.schema import APPROVED_KINDS, NEIGHBOURS_ISO3, PORT_MODES, PORT_STATUSES

PORTS = checks.port_rows()


def test_every_port_names_its_neighbour_and_uses_the_codes_for_mode_and_status():
    assert PORTS.neighbour.isin(NEIGHBOURS_ISO3).all()
    assert PORTS["mode"].isin((*PORT_MODES, "")).all()
    assert PORTS.status.isin((*PORT_STATUSES, "")).all()
    assert PORTS.approved_kind.isin((*APPROVED_KINDS, "")).all()
    assert (PORTS.approved_kind.ne("") == PORTS.approved.ne("")).all(), "a date says what kind of date it is, and only a date does"


@pytest.mark.parametrize("place", ["霍尔果斯", "阿拉山口", "满洲里", "二连浩特", "绥芬河", "珲春", "图们", "集安", "丹东", "河口", "磨憨"])
def test_a_place_with_road_and_rail_crossings_is_two_rows(place):
    at = PORTS[PORTS.name_zh.str.startswith(place)]
    assert set(at["mode"]) == {"road", "rail"}, at[["id", "mode"]]


@pytest.mark.parametrize(
    ("port_id", "field", "value"),
    [
        ("port-mazongshan-road", "status", "closed"),
        ("port-fujin", "mode", "inland_river"),
        ("port-qingshuihe-road", "name_zh", "孟定清水河口岸"),
        ("port-houqiao-road", "name_zh", "腾冲猴桥口岸"),
        ("port-muzart-road", "status", "approved_not_open"),
        ("port-arihashate-road", "host_adcodes", "150727"),
    ],
)
def test_the_corrections_the_sources_confirm_are_in_the_register(port_id, field, value):
    assert PORTS.set_index("id").loc[port_id, field] == value


def test_an_inland_river_port_is_not_a_border_port_for_the_join():
    matched = set(scope.evaluate("border_ports").place_id)
    assert "port-fujin" not in matched and "port-heihe" in matched


def test_the_port_measures_reach_new_barag_right_banner_through_arihashate():
    measures = join.measures_for("150727")
    through = measures[measures.via.str.contains("platforms:port-arihashate-road")]
    assert {"im-2023:art44", "gbf-2017-50:col4.1", "gbf-2017-50:col4.2"} <= set(through.measure_id)


def test_a_port_approved_after_a_document_is_not_reached_by_it():
    reached = set(join.places_for("gbf-2017-50:col4.1").place_id)
    assert "port-mengman-road" not in reached  # approved 2024-01, after the 2017 plan, and no rule names it
    assert "port-arihashate-road" in reached  # open since 1992


def test_published_figures_cover_the_rows_they_count():
    figures = registers.read("port_counts")
    figure = {row.province_zh: row for _, row in figures.iterrows()}
    assert len(checks.counted(PORTS, figure["新疆"])) == 17
    assert len(checks.counted(PORTS, figure["云南"])) == 5  # the Myanmar-border class-I road ports
    national = checks.counted(PORTS, figure["全国"])
    assert set(national["mode"]) == {"road", "rail"} and len(national) < figure["全国"]["count"]


def test_check_data_prints_ports_per_province_against_the_published_figures():
    text = checks.check_data().text()
    assert "land ports (register vs published counts)" in text
    assert "road + rail ports in the register" in text and "more than 101" in text
    assert all(f"  {p}" in text for p in ("新疆", "内蒙古", "黑龙江", "广西", "西藏"))


def test_every_published_figure_says_what_it_counts_and_cites_it():
    figures = registers.read("port_counts")
    assert figures.counts.str.len().gt(0).all() and figures.source.str.contains("http").all()
    assert pd.to_numeric(figures["count"], errors="coerce").notna().sum() >= 8
