import geopandas as gpd
import pytest
import shapely

from borderdash.filters import Filter, FilterError


def test_provinces_accept_chinese_and_english_names():
    f = Filter.build(provinces=["Xinjiang", "云南", "inner mongolia", "西藏自治区"])
    assert f.provinces == ("新疆", "云南", "内蒙古", "西藏")


def test_unknown_values_are_refused_with_a_clear_message():
    with pytest.raises(FilterError, match="unknown province 'Atlantis'"):
        Filter.build(provinces=["Atlantis"])
    with pytest.raises(FilterError, match="unknown neighbour 'XXX'"):
        Filter.build(neighbours=["XXX"])


def test_url_state_round_trips_and_keeps_good_values_beside_bad_ones():
    f = Filter.build(True, ["广西"], ["vnm"])
    assert Filter.from_query(f.to_query()) == f
    lenient = Filter.from_query({"province": "广西,Nowhere", "neighbour": "VNM,<script>", "border": "maybe"})
    assert lenient.provinces == ("广西",) and lenient.neighbours == ("VNM",)
    assert len(lenient.warnings) == 3


def test_apply_uses_whichever_columns_a_layer_has():
    gdf = gpd.GeoDataFrame(
        {"province_zh": ["新疆", "广西"], "is_border_county": [True, False], "neighbours": ["KAZ;MNG", "VNM"]},
        geometry=[shapely.Point(0, 0)] * 2,
    )
    assert list(Filter.build(neighbours=["MNG"]).apply(gdf).province_zh) == ["新疆"]
    assert list(Filter.build(border_only=True).apply(gdf).province_zh) == ["新疆"]
    line = gpd.GeoDataFrame({"iso3": ["VNM", "RUS"]}, geometry=[shapely.Point(0, 0)] * 2)
    assert list(Filter.build(neighbours=["RUS"]).apply(line).iso3) == ["RUS"]


def test_cli_arguments_express_the_same_filter():
    from borderdash.cli import _parser

    f = Filter.build(True, ["广西"], ["VNM"])
    args = _parser().parse_args(["export", "counties", *f.to_cli()])
    assert Filter.build(args.border_only, args.province, args.neighbour) == f
