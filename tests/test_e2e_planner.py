"""End to end in Chromium, as a Chinese planner uses the dashboard: the language switch switches what is picked, a result
row leads to its measure, a map click answers on the map, and a phone shows the map on its first screen."""

import pytest
import servers
from test_e2e import _map_frame, page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.e2e


def test_switching_to_english_turns_the_picked_province_into_english(server, page):  # noqa: F811
    page.goto(f"{server}/?province=云南", wait_until="domcontentloaded")
    chips = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    chips.get_by_text("云南").wait_for(timeout=90_000)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.get_by_text("Yunnan").wait_for(timeout=60_000)
    assert "云南" not in page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.inner_text()
    assert page.get_by_role("heading", name="China's land border areas").is_visible()


def test_a_policy_result_row_selects_its_measure(server, page):  # noqa: F811
    page.goto(f"{server}/policy", wait_until="domcontentloaded")
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=90_000)
    page.get_by_role("heading", name="2020年发展目标").wait_for(timeout=60_000)  # the first measure until a row is chosen
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 * 3 + 18)  # the selection cell of the third result row
    page.get_by_role("heading", name="水利能源基础设施建设").wait_for(timeout=60_000)
    assert "gbf-2017-50%3A3.1.2" in page.url or "gbf-2017-50:3.1.2" in page.url


def test_a_click_on_a_county_answers_on_the_map_with_a_link_to_its_profile(server, page):  # noqa: F811
    page.goto(f"{server}/?province=广西", wait_until="domcontentloaded")
    frame = _map_frame(page)
    frame.locator(".bd-label").first.wait_for(timeout=90_000)
    page.wait_for_timeout(1500)
    where = frame.locator("body").evaluate(
        "() => { const p = window.map.latLngToContainerPoint([21.62, 107.95]); return [p.x, p.y]; }"  # inside 东兴市
    )
    frame.locator(".leaflet-container").click(position={"x": where[0], "y": where[1]})
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=30_000)
    text = popup.inner_text()
    assert "东兴市" in text and "适用措施" in text and "项" in text
    assert popup.locator("a").get_attribute("href").startswith("/place?place=450681")
    page.get_by_text("打开地点档案").first.wait_for(timeout=30_000)  # the page answers below as well


def test_on_a_phone_the_overview_map_is_on_the_first_screen_whole_and_readable(browser, server):  # noqa: F811
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN")
    context.add_init_script(servers.CAPTURE_MAPS)
    phone = context.new_page()
    phone.goto(f"{server}/", wait_until="domcontentloaded")
    frame = _map_frame(phone)
    frame.locator(".bd-legend-toggle").wait_for(timeout=90_000)
    phone.wait_for_timeout(2000)
    top = phone.locator("iframe[title='streamlit_folium.st_folium']").first.bounding_box()["y"]
    assert top < 844 * 0.5  # the map starts in the upper half of the first screen
    assert frame.locator(".bd-legend-toggle").inner_text().endswith("▸")  # folded
    whole = "() => window.map.getBounds().contains([39.47, 75.99]) && window.map.getBounds().contains([48.36, 134.3])"
    assert frame.locator("body").evaluate(whole)  # 喀什 and 抚远: the national frame fits the width
    attribution = frame.locator(".leaflet-control-attribution").bounding_box()
    scale = frame.locator(".leaflet-control-scale").bounding_box()
    overlap = not (attribution["x"] >= scale["x"] + scale["width"] or scale["x"] >= attribution["x"] + attribution["width"])
    assert not (overlap and attribution["y"] < scale["y"] + scale["height"] and scale["y"] < attribution["y"] + attribution["height"])
    context.close()
