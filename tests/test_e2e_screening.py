"""End to end in Chromium, offline: screen a typed point and a marker drawn with Leaflet.draw, see the row and the
features on the map, download the one-page report."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_e2e import _map_frame, page, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.e2e


def _frame(pg):
    _map_frame(pg)
    frame = pg.locator("iframe[title='streamlit_folium.st_folium']").first.element_handle().content_frame()
    frame.wait_for_function("() => (window.__maps || []).length > 0", timeout=90_000)
    return frame


def test_typed_point_gives_its_row_its_place_on_the_map_and_the_report(server, page):  # noqa: F811
    page.goto(f"{server}/screening", wait_until="domcontentloaded")
    frame = _frame(page)
    page.get_by_text("输入坐标", exact=True).click()
    box = page.get_by_label("坐标（每行一个：经度, 纬度）")
    box.fill("107.97167, 21.54778")
    box.press("Control+Enter")
    page.get_by_text("位于广西东兴市（450681）").first.wait_for(timeout=90_000)
    page.get_by_text("因项目本身").first.wait_for(timeout=30_000)
    frame.locator(".leaflet-bdFeatures-pane path").first.wait_for(timeout=60_000)
    assert "筛查对象" in frame.locator(".bd-legend").inner_text()
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="一页报告（PDF，A4）").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1 and "项目选址筛查报告" in text and "东兴市" in text
    assert page.outside_requests == []


def test_a_click_and_a_drawn_area_are_screened_without_the_map_jumping(server, page):  # noqa: F811
    page.goto(f"{server}/screening?lang=en", wait_until="domcontentloaded")
    frame = _frame(page)
    page.get_by_text("Nothing to screen yet").wait_for(timeout=60_000)
    tool = frame.locator(".leaflet-draw-draw-polygon")
    tool.wait_for(timeout=60_000)
    area = frame.locator(".leaflet-container").element_handle().bounding_box()
    cx, cy = area["x"] + area["width"] * 0.5, area["y"] + area["height"] * 0.5
    zoom = "() => window.__maps[0].getZoom()"
    before = frame.evaluate(zoom)
    tool.click()
    for dx, dy in ((0, 0), (40, 0), (40, 30), (0, 30), (0, 0)):  # the last click on the first vertex closes the area
        page.mouse.click(cx + dx, cy + dy)
        page.wait_for_timeout(400)
    page.get_by_text("Results · 1 features").wait_for(timeout=90_000)
    assert frame.evaluate("() => window.drawnItems.toGeoJSON().features.map(f => f.geometry.type)") == ["Polygon"]
    page.mouse.click(area["x"] + area["width"] * 0.2, area["y"] + area["height"] * 0.3)  # a plain click adds a point
    page.get_by_text("Results · 2 features").wait_for(timeout=90_000)
    assert before < frame.evaluate(zoom)  # framed on the features once they are screened, not while drawing
    page.get_by_role("button", name="One-page report (PDF, A4)").wait_for(timeout=30_000)
    frame.locator(".leaflet-bdFeatures-pane path").first.wait_for(timeout=60_000)
    assert page.outside_requests == []


def test_the_drawing_tools_speak_chinese_and_an_uploaded_file_is_screened_in_english(server, page, tmp_path):  # noqa: F811
    page.goto(f"{server}/screening", wait_until="domcontentloaded")
    frame = _frame(page)
    frame.locator(".leaflet-draw-draw-polygon").wait_for(timeout=60_000)
    assert frame.locator(".leaflet-draw-draw-polygon").get_attribute("title") == "画面"
    assert frame.locator(".leaflet-draw-draw-marker").get_attribute("title") == "放置点"
    geojson = tmp_path / "projects.geojson"
    geojson.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Dongxing park"},'
        ' "geometry": {"type": "Point", "coordinates": [107.97167, 21.54778]}}]}',
        encoding="utf-8",
    )
    page.goto(f"{server}/screening?lang=en", wait_until="domcontentloaded")
    _frame(page)
    page.get_by_text("Upload a file", exact=True).click()
    page.locator("[data-testid='stSidebar'] input[type='file']").set_input_files(str(geojson))
    page.get_by_text("Results · 1 features").wait_for(timeout=90_000)
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="One-page report (PDF, A4)").click()
    pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = pdf.pages[0].extract_text()
    assert len(pdf.pages) == 1 and "Dongxing" in text
    assert page.outside_requests == []
