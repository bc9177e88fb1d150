import pytest
from conftest import RAILWAYS, SEGMENTS

from borderdash import catalog, projects, registers


@pytest.fixture(scope="module")
def corridors():
    return projects.corridors()


@pytest.mark.parametrize("name", SEGMENTS + RAILWAYS)
def test_every_named_segment_and_railway_is_present_with_a_status(corridors, name):
    rows = corridors[corridors.name_zh.str.contains(name, regex=False)]
    assert len(rows) >= 1
    assert rows.status_zh.str.len().gt(0).all() and rows.status_en.str.len().gt(0).all()
    assert set(rows.section) <= {"专栏1(3)", "专栏1(4)"}


def test_every_corridor_is_schematic_with_a_line_and_a_citation(corridors):
    assert (corridors.geometry_precision == "schematic").all()
    assert corridors.geometry.notna().all()
    assert corridors.source.str.len().gt(10).all()


@pytest.mark.parametrize("route, low, high", [("g219", 0.6, 1.1), ("g331", 0.6, 1.1)])
def test_route_lengths_are_plausible_against_the_published_length(corridors, route, low, high):
    row = corridors.set_index("id").loc[route]
    assert low * row.published_length_km < row.length_km < high * row.published_length_km


def test_routes_pass_pinned_counties_in_order(corridors):
    g219 = corridors.set_index("id").loc["g219"].counties.split(";")
    assert g219[-1] == "450681" or "450681" in g219[-3:]
    assert g219.index("654326") < g219.index("450681")
    g331 = corridors.set_index("id").loc["g331"].counties.split(";")
    assert "210602" in g331[:3] or "210681" in g331[:3] or "210624" in g331[:3]


def test_every_platform_joins_to_a_host_unit():
    plats = projects.platforms()
    for hosts in plats.host_adcodes:
        for a in str(hosts).split(";"):
            assert projects.unit_point(a) is not None, a
    assert plats.lon.notna().all() and plats.lat.notna().all()
    assert plats.source.str.len().gt(10).all()
    assert set(plats.location_precision) <= {"point", "town", "county", "city", "prefecture"}


def test_platform_kinds_cover_the_seeds():
    kinds = projects.platforms().kind.value_counts()
    assert kinds["pilot_zone"] >= 7 and kinds["new_district"] == 19
    assert {"cross_border_ecz", "border_ecz", "island_cooperation_zone", "border_port"} <= set(kinds.index)


def test_places_in_county_lists_corridors_and_platforms():
    found = projects.places_in_county("450681")
    assert "pz-dongxing" in found["platforms"]
    assert "g219" in found["corridors"]


def test_corridor_points_are_cited():
    pts = registers.read("corridor_points")
    assert pts.source.str.len().gt(5).all()
    assert set(pts.corridor_id) == set(catalog.load("corridors").id)


def test_passed_table_flags_cited_control_points():
    table = projects.passed_table("g219")
    assert table.order.tolist() == list(range(1, len(table) + 1))
    assert table.cited_control_point.sum() >= 10
    assert table.set_index("adcode").loc["450681"].cited_control_point


def test_corridors_are_road_or_rail_with_the_plans_status(corridors):
    assert set(corridors.kind) == {"road", "rail"}
    assert set(corridors.part) == {"route", "segment", "line"}
    assert (corridors.status == corridors.status_zh).all()
    assert corridors.set_index("id").loc["rail-karamay-tacheng"].status == "规划建设"
