import csv

import pytest

from borderdash import checks, layers, registers
from borderdash.paths import REGISTERS
from borderdash.registers import RegisterError
from borderdash.schema import REGISTER_COLUMNS


def test_a_register_missing_a_column_is_named_in_the_error(tmp_path):
    (tmp_path / "hainan_counties.csv").write_text("adcode,name_zh\n469025,白沙黎族自治县\n", encoding="utf-8")
    with pytest.raises(RegisterError, match="hainan_counties.csv lacks columns: confidence"):
        registers.read("hainan_counties", tmp_path)


def test_a_missing_register_says_where_it_was_looked_for(tmp_path):
    with pytest.raises(RegisterError, match=f"im_units.csv is missing from {tmp_path}"):
        registers.read("im_units", tmp_path)


def test_registers_read_with_or_without_a_bom(tmp_path):
    header = ",".join(registers.REQUIRED["hainan_counties"])
    (tmp_path / "hainan_counties.csv").write_bytes(("\ufeff" + header + "\n469025,白沙,high,x,\n").encode("utf-8"))
    assert registers.read("hainan_counties", tmp_path).adcode.tolist() == ["469025"]


SOURCED = sorted(name for name, cols in REGISTER_COLUMNS.items() if "source" in cols)
CONFIDENCE_COLUMNS = {"confidence", "membership_confidence"}


@pytest.mark.parametrize("name", SOURCED)
def test_every_curated_row_has_a_source_a_reader_can_follow(name):
    df = registers.read(name)
    assert df.source.str.strip().str.len().gt(0).all()
    bad = checks.placeholder_sources(df)
    assert bad.empty, f"{name}: placeholder sources in rows {checks.row_ids(name, bad).tolist()}"


@pytest.mark.parametrize("name", SOURCED)
def test_every_confidence_is_high_medium_or_low(name):
    df = registers.read(name)
    for col in CONFIDENCE_COLUMNS & set(df.columns):
        assert df[col].isin(["high", "medium", "low"]).all(), col


@pytest.mark.parametrize(
    "source",
    [
        "not re-read",
        "lead from reference/01; not re-read here",
        "memory-derived lead",
        "TODO",
        "seed 001_cfc993b57b5de92c.txt Art. 2",
        "",
        "  ",
    ],
)
def test_placeholder_citations_are_recognised(source):
    assert checks.PLACEHOLDER_SOURCE.search(source)


def test_a_followable_citation_is_not_a_placeholder():
    assert not checks.PLACEHOLDER_SOURCE.search("http://cqtrvl.com/info/7418 (G331龙江段: 8个地市的18个县市区)")


@pytest.mark.parametrize("name", sorted(REGISTER_COLUMNS))
def test_every_register_row_has_as_many_fields_as_its_header(name):
    with open(REGISTERS / f"{name}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert {len(r) for r in rows} == {len(rows[0])}


@pytest.mark.parametrize("name", sorted(REGISTER_COLUMNS))
def test_every_register_has_its_schema_columns(name):
    assert set(REGISTER_COLUMNS[name]) <= set(registers.read(name).columns)


def test_regiments_say_how_sure_membership_of_the_58_is_apart_from_where_they_are():
    reg = registers.read("regiments")
    assert reg.membership_confidence.isin(["high", "medium", "low"]).all()
    assert reg.location_precision.isin(["point", "town", "county"]).all()


def test_the_corridor_registers_carry_a_confidence():
    assert "confidence" in REGISTER_COLUMNS["corridors"] and "confidence" in REGISTER_COLUMNS["corridor_points"]


def test_logged_source_changes_name_rows_that_exist():
    changes = registers.read("source_changes")
    for name, group in changes.groupby("register"):
        assert set(group.row_id) <= set(checks.row_ids(name, registers.read(name))), name


def test_a_county_has_its_english_name_in_one_register_only(counties):
    names = registers.read("county_names")
    assert names.adcode.is_unique
    assert set(names.adcode) <= set(counties.adcode)
    for name, cols in REGISTER_COLUMNS.items():
        if name != "county_names" and "adcode" in cols and "name_en" in cols:
            assert not set(registers.read(name).adcode) & set(counties.adcode), f"{name} names counties in English"


@pytest.mark.parametrize(
    ("adcode", "name_en"),
    [
        ("150725", "Old Barag Banner"),
        ("150726", "New Barag Left Banner"),
        ("150727", "New Barag Right Banner"),
        ("150703", "Jalainur District"),
        ("152202", "Arxan City"),
        ("152525", "East Ujimqin Banner"),
        ("152526", "West Ujimqin Banner"),
        ("150723", "Oroqen Autonomous Banner"),
    ],
)
def test_established_english_names_come_first(counties, adcode, name_en):
    assert counties.set_index("adcode").loc[adcode, "name_en"] == name_en


def test_a_place_has_the_same_english_name_in_every_layer(counties):
    by_adcode = counties.set_index("adcode").name_en
    im = layers.im_units()
    assert (im.name_en.to_numpy() == im.adcode.map(by_adcode).to_numpy()).all()
    bad = {"Chenbalhu", "Xinbarhu", "Zhainuoer", "Arshan", "Uzhumuqin"}
    assert not [n for n in im.name_en if any(b in n for b in bad)]


def test_regiments_take_their_division_name_from_the_division_register():
    divisions = registers.read("xpcc_border_divisions").set_index("division_zh").division_en
    reg = layers.regiments()
    assert (reg.division_en.to_numpy() == reg.division_zh.map(divisions).to_numpy()).all()
