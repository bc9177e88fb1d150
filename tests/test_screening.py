"""Screening: golden towns (coordinates from cited sources) checked for county, band and distance within stated
tolerances, and the rules a screening keeps: right or absent, never a nearest county for the sea or abroad, never "in"
a regiment whose extent is unknown, every measure marked by how it reaches the feature."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from borderdash import layers, screening
from borderdash.datum import gcj02_to_wgs84
from borderdash.geodesy import GEOD

# Golden towns. Tolerances: the county is exact; a distance to the border agrees within 1% (+0.5 km) with a brute-force
# geodesic distance to every vertex of the border line, and the band is what the source's geography says.
DONGXING = (107.97167, 21.54778)
"""东兴市 government seat, 21°32′52″N 107°58′18″E: infobox of Wikipedia "Dongxing, Guangxi", as mirrored at
https://de.qaz.wiki/wiki/Dongxing,_Guangxi. The city lies on the north bank of the Beilun, the border river with Mong Cai
(http://www.chinadiscover.net/guilin-tourism/guangxi-dongxing.htm): a border port town within 3 km of the border."""
CEKE_PORT = (101.293402, 42.563393)
"""策克口岸, 42.563393°N 101.293402°E: zh.wikipedia infobox (cited there to Google Earth), as cited in platforms.csv
(https://linproxy.fan.workers.dev/https/zh.m.wikipedia.org/wiki/%E7%AD%96%E5%85%8B%E5%8F%A3%E5%B2%B8):
a land port on the Mongolian border."""
BAYANHOT = (105.67, 38.825)
"""巴彦浩特, seat of 阿拉善左旗, 38°49′30″N 105°40′12″E: https://en.wikipedia.org/wiki/Alxa_Left_Banner?oldid=716107729.
The banner borders Mongolia in the north; the town lies in its south, well over 100 km inland."""
KUNMING = (102.7094, 25.0464)
"""Yunnan People's Government, Kunming, 25°02′47″N 102°42′34″E: infobox of Wikipedia "Kunming", as mirrored at
https://review.clateway.com/wiki/view_html.php?q=Kunming: an interior city of a border province (五华区, not a border county)."""
CHENGDU = (104.06333, 30.66)
"""Tianfu Square, Chengdu, 30°39′36″N 104°03′48″E: infobox of Wikipedia "Chengdu", as mirrored at
https://arc.ask3.ru/arc/aa/60/a7/600a7488c05cf30cb18761c041ba1fa7__translat.html: outside the nine border provinces."""
YECHENG_NO2 = (77 + 19 / 60 + 26 / 3600, 37 + 18 / 60 + 40 / 3600)
"""叶城二牧场 (杏花镇), the XPCC 3rd Division pasture's seat, 37°18′40″N 77°19′26″E: zh.wikipedia infobox as mirrored at
https://zhwiki.oracleblog.org/wiki/%E6%96%B0%E7%96%86%E7%94%9F%E4%BA%A7%E5%BB%BA%E8%AE%BE%E5%85%B5%E5%9B%A2%E7%AC%AC%E4%B8%89%E5%B8%88%E5%8F%B6%E5%9F%8E%E4%BA%8C%E7%89%A7%E5%9C%BA
(the register's source for its point)."""
IRKESHTAM = (73 + 55 / 60 + 30 / 3600, 39 + 41 / 60 + 45 / 3600)
"""伊尔克什坦口岸, 东经73°55′30″ 北纬39°41′45″: 西域地名词典 via https://baikeshiji.com/view/202854.html (platforms.csv):
in 乌恰县, which hosts the 托云牧场 regiment, whose location is known only to county level."""


def screen(*points, **kw):
    gdf = gpd.GeoDataFrame({"name": [f"p{i}" for i in range(len(points))]}, geometry=[shapely.Point(p) for p in points], crs=4326)
    return screening.screen(gdf, **kw)


def brute_force_border_km(lon: float, lat: float) -> float:
    """Geodesic distance to the nearest vertex of the border line: independent of the screening's projection and trees."""
    coords = shapely.get_coordinates(layers.border_line().geometry.values)
    return float(GEOD.inv(np.full(len(coords), lon), np.full(len(coords), lat), coords[:, 0], coords[:, 1])[2].min()) / 1000


@pytest.fixture(scope="module")
def golden():
    s = screen(DONGXING, CEKE_PORT, BAYANHOT, KUNMING, CHENGDU, YECHENG_NO2, IRKESHTAM)
    return s, s.results.set_index("name")


def test_border_port_town_is_in_its_county_within_3_km_of_vietnam(golden):
    _, r = golden
    row = r.loc["p0"]
    assert (row.adcode, row.county_zh, row.status) == ("450681", "东兴市", "county")
    assert row.border_km <= 2.0 and row.within_3km and row.neighbour_iso3 == "VNM"
    assert row.border_km == pytest.approx(brute_force_border_km(*DONGXING), rel=0.01, abs=0.5)
    assert row.port_id == "port-dongxing-road" and row.port_method == "port_border"


def test_land_port_at_its_sourced_point_is_its_own_nearest_port(golden):
    s, r = golden
    row = r.loc["p1"]
    assert (row.adcode, row.county_zh) == ("152923", "额济纳旗")
    assert row.port_id == "port-ceke-road" and row.port_km < 0.05 and row.port_method == "port_point"
    assert row.within_3km and row.neighbour_iso3 == "MNG"
    at_port = s.measures[(s.measures.feature_id == "2") & s.measures.note_zh.str.contains("策克口岸")]
    assert len(at_port) and (at_port.basis == "feature").all()


def test_town_far_inland_in_a_border_county_is_outside_both_bands(golden):
    s, r = golden
    row = r.loc["p2"]
    assert (row.adcode, row.county_zh, row.im_unit) == ("152921", "阿拉善左旗", "im-152921")
    assert row.is_border_county and not row.within_3km and not row.within_20km
    assert row.border_km > 100
    assert row.border_km == pytest.approx(brute_force_border_km(*BAYANHOT), rel=0.01, abs=0.5)
    relocation = s.measures[(s.measures.feature_id == "3") & (s.measures.measure_id == "gf-2015-72:i.relocation")]
    assert relocation.basis.tolist() == ["not_here"]


def test_interior_city_of_a_border_province_is_not_a_border_county(golden):
    _, r = golden
    row = r.loc["p3"]
    assert (row.adcode, row.county_zh, row.province_zh) == ("530102", "五华区", "云南")
    assert not row.is_border_county and not row.within_20km and row.measures_county == 0
    assert row.border_km == pytest.approx(brute_force_border_km(*KUNMING), rel=0.01, abs=0.5)


def test_city_outside_the_county_coverage_gets_its_province_and_no_county(golden):
    _, r = golden
    row = r.loc["p4"]
    assert row.status == "province" and row.province_zh == "四川省"
    assert not isinstance(row.adcode, str) and not isinstance(row.county_zh, str)
    assert "不给出最近的县" in row.message_zh and "not even the nearest" in row.message_en


def test_regiment_seat_with_a_sourced_point_is_listed_with_its_distance(golden):
    s, r = golden
    row = r.loc["p5"]
    assert (row.adcode, row.county_zh) == ("653126", "叶城县")
    reg = s.regiments[s.regiments.feature_id == "6"]
    assert reg.regiment_id.tolist() == ["xpcc-3-yecheng2"]
    assert reg.location_precision.iat[0] == "point" and reg.km.iat[0] < 0.1


def test_a_regiment_known_only_to_county_level_is_hosted_never_contained(golden):
    s, r = golden
    row = r.loc["p6"]
    assert row.county_zh == "乌恰县"
    reg = s.regiments[s.regiments.feature_id == "7"].set_index("regiment_id")
    assert reg.loc["xpcc-3-tuoyun"].location_precision == "county" and np.isnan(reg.loc["xpcc-3-tuoyun"].km)
    assert "由本县承载" in row.regiments_zh and "范围未知" in row.regiments_zh


def test_measures_that_reach_a_county_only_through_its_regiments_do_not_claim_the_feature():
    """北屯市 is not a border county but hosts three border regiments (county-level locations): their measures reach the
    county through them, and a point in the city gets them as "through another place", never as its own."""
    inside = layers.county_points().set_index("adcode").geometry["659005"]
    s = screen((inside.x, inside.y))
    assert s.results.county_zh.iat[0] == "北屯市" and not s.results.is_border_county.iat[0]
    assert len(s.measures) and set(s.measures.basis) == {"place"}
    assert s.measures.note_zh.str.contains("团场范围未知").all()
    assert s.results.measure_ids.iat[0] == ""


def test_sea_and_abroad_get_a_message_and_no_county():
    s = screen((112.0, 15.0), (105.85, 21.03))
    sea, abroad = s.results.iloc[0], s.results.iloc[1]
    assert sea.status == "sea" and not isinstance(sea.adcode, str) and "海上" in sea.message_zh
    assert abroad.status == "abroad" and "越南" in abroad.message_zh and "Vietnam" in abroad.message_en
    assert s.measures.empty and np.isnan(sea.border_km)


def test_swapped_coordinates_are_flagged_with_where_they_would_fall():
    r = screen(DONGXING[::-1]).results.iloc[0]
    assert r.status == "sea" and "东兴市" in r.flags_zh and "swapped" in r.flags_en


def test_point_on_a_shared_county_boundary_says_so():
    counties = layers.counties(detail=True).set_index("adcode")
    shared = shapely.intersection(counties.geometry["450681"].boundary, counties.geometry["450603"].boundary)
    point = shapely.line_interpolate_point(shapely.get_parts(shapely.line_merge(shared))[0], 0.5, normalized=True)
    r = screen((point.x, point.y)).results.iloc[0]
    assert r.status == "boundary"
    assert {"东兴市", "防城区"} <= {r.county_zh, *[n for n in ("东兴市", "防城区") if n in r.message_zh]}
    assert "县界上" in r.message_zh and "boundary" in r.message_en


def test_datum_flag_matches_what_the_converted_coordinates_give():
    """Points stepping across a county boundary: flagged exactly when reading them as GCJ-02 changes county or band."""
    counties = layers.counties(detail=True).set_index("adcode")
    edge = shapely.intersection(counties.geometry["450681"].boundary, counties.geometry["450603"].boundary)
    centre = shapely.line_interpolate_point(shapely.get_parts(shapely.line_merge(edge))[0], 0.5, normalized=True)
    steps = [(centre.x + dx, centre.y + dy) for dx in np.linspace(-0.01, 0.01, 9) for dy in (-0.004, 0.0, 0.004)]
    raw = screen(*steps)
    lon, lat = gcj02_to_wgs84([p[0] for p in steps], [p[1] for p in steps])
    moved = screen(*zip(lon, lat, strict=True))
    for a, b in zip(raw.results.itertuples(), moved.results.itertuples(), strict=True):
        changed = a.adcode != b.adcode or a.within_3km != b.within_3km or a.within_20km != b.within_20km
        assert ("GCJ-02" in a.flags_en) == changed
    assert raw.results.flags_en.str.contains("GCJ-02").any()


def test_a_line_is_cut_by_county_with_geodesic_shares_and_bands():
    line = shapely.LineString([(107.97, 21.56), (107.5, 21.8), (106.75, 22.1)])
    s = screening.screen(gpd.GeoDataFrame(geometry=[line], crs=4326))
    crossed = s.counties
    assert {"450681", "451481"} <= set(crossed.adcode)
    assert crossed.share.sum() == pytest.approx(1 - s.results.share_outside.iat[0], abs=0.002)
    assert crossed.length_km.sum() == pytest.approx(
        GEOD.geometry_length(shapely.segmentize(line, 0.01)) / 1000 * crossed.share.sum(), rel=0.01
    )
    assert list(crossed.share) == sorted(crossed.share, reverse=True)
    r = s.results.iloc[0]
    assert r.kind == "line" and 0 < r.share_within_3km <= r.share_within_20km <= 1 and r.within_3km
    assert "%" in r.counties_crossed_zh


def test_an_area_reports_area_shares_and_the_part_outside_china():
    park = shapely.Point(97.85, 24.0).buffer(0.1)
    r = screening.screen(gpd.GeoDataFrame(geometry=[park], crs=4326)).results.iloc[0]
    assert r.kind == "area" and r.county_zh == "瑞丽市"
    assert 0.05 < r.share_outside < 0.6 and "境外" in r.flags_zh
    assert r.within_3km and 0 < r.share_within_3km < 1


def test_features_located_only_by_county_leave_the_band_measures_open():
    counties = layers.counties(detail=True).set_index("adcode")
    gdf = gpd.GeoDataFrame({"located_by": ["county"]}, geometry=[counties.geometry["450681"]], crs=4326)
    s = screening.screen(gdf)
    assert s.results.kind.iat[0] == "county"
    assert s.measures.set_index("measure_id").basis["gf-2015-72:i.relocation"] == "unknown"


def test_every_measure_carries_its_reason_period_and_basis(golden):
    s, _ = golden
    m = s.measures
    assert set(m.basis) <= set(screening.BASES)
    assert m.reason_zh.str.len().gt(0).all() and m.reason_en.str.len().gt(0).all()
    assert m.period_zh.str.len().gt(0).all() and m.period_en.str.len().gt(0).all()
    dongxing = m[m.feature_id == "1"].set_index("measure_id")
    assert dongxing.basis["gf-2015-72:i.relocation"] == "feature" and "0.8" in dongxing.note_zh["gf-2015-72:i.relocation"]
    assert dongxing.basis["gf-2015-72:i"] == "county"


def test_each_measure_carries_its_documents_period_of_effect_for_the_day_asked():
    import datetime as dt

    from borderdash.policy import kb

    during, after = screen(DONGXING, today=dt.date(2018, 1, 1)).measures, screen(DONGXING, today=dt.date(2026, 12, 4)).measures
    for measures, day in ((during, dt.date(2018, 1, 1)), (after, dt.date(2026, 12, 4))):
        periods = kb.periods(day)
        assert measures.period_zh.tolist() == [periods[d].zh for d in measures.document]
        assert measures.in_force.tolist() == [periods[d].in_force for d in measures.document]
    plan = during.document == "gbf-2017-50"
    assert during[plan].in_force.all() and not after[after.document == "gbf-2017-50"].in_force.any()


def test_corridors_within_the_buffer_only_and_nearest_first():
    narrow, wide = screen(DONGXING, buffer_km=5), screen(DONGXING, buffer_km=50)
    assert narrow.corridors.empty and len(wide.corridors) >= 3
    assert wide.corridors.km.is_monotonic_increasing and (wide.corridors.km <= 50).all()
    assert wide.results.corridor_km.iat[0] == pytest.approx(wide.corridors.km.min())


def test_buffer_out_of_range_and_empty_input_are_refused():
    with pytest.raises(ValueError, match="buffer"):
        screen(DONGXING, buffer_km=0)
    with pytest.raises(ValueError, match="no features"):
        screening.screen(gpd.GeoDataFrame(geometry=[], crs=4326))


def test_port_mode_status_and_counterpart_come_from_the_register():
    r = screen(DONGXING).results.iloc[0]
    assert (r.port_id, r.port_mode, r.port_status, r.port_counterpart_zh) == ("port-dongxing-road", "road", "open", "芒街")
    assert (r.port_status_zh, r.port_status_en) == ("开放", "Open")
