"""End to end in Debian's Chromium: the dashboard serves, the map draws, nothing leaves localhost."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import servers  # noqa: E402

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("BORDERDASH_CHROMIUM", "/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("streamlit did not start")
    yield url
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)




LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)(:\d+)?/")


@pytest.fixture
def page(browser):
    """A page whose requests beyond localhost are recorded and refused: a direct test of offline use."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    outside = []
    context.route(re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)[:/]).*"), lambda route: route.abort())
    context.add_init_script(servers.CAPTURE_MAPS)
    pg = context.new_page()
    pg.on("request", lambda r: None if LOCAL.match(r.url) or r.url.startswith(("data:", "blob:", "about:")) else outside.append(r.url))
    pg.outside_requests = outside
    yield pg
    context.close()


# The counties' own fills: two class colours (东兴, 凭祥) and the dashed white of counties without a value.
COUNTY_FILLS_SHOW_THE_CLASSES = """
() => {
  const fills = [];
  for (const m of window.__maps || []) {
    m.eachLayer(l => { if (l.feature && "is_border_county" in l.feature.properties) fills.push(l.options); });
  }
  const classed = new Set(fills.filter(o => o.fillColor !== "#ffffff").map(o => o.fillColor));
  return classed.size === 2 && fills.filter(o => o.fillColor === "#ffffff" && o.dashArray === "3 3").length > 50;
}
"""


def _map_frame(page):
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=90_000)
    return page.frame_locator("iframe[title='streamlit_folium.st_folium']").first


def test_overview_map_draws_offline_with_chinese_text(server, page, tmp_path):
    page.goto(f"{server}/?province=广西", wait_until="domcontentloaded")
    frame = _map_frame(page)
    frame.locator(".leaflet-container").wait_for(timeout=90_000)
    frame.locator("path.leaflet-interactive, canvas").first.wait_for(timeout=60_000)
    page.get_by_text("中国陆地边境地区").wait_for(timeout=30_000)
    page.screenshot(
        path=str(ROOT / "docs" / "screenshot-overview.png") if os.environ.get("BORDERDASH_SCREENSHOT") else str(tmp_path / "o.png")
    )
    assert page.outside_requests == []


def test_place_profile_shows_measures_with_their_reasons(server, page):
    page.goto(f"{server}/place?place=450681", wait_until="domcontentloaded")
    page.get_by_text("适用措施 ·").wait_for(timeout=90_000)
    page.get_by_text("东兴市").first.wait_for(timeout=30_000)
    assert page.outside_requests == []


def test_briefing_file_draws_and_prints_offline(browser, tmp_path):
    from borderdash.cli import main

    html = tmp_path / "map.html"
    assert main(["briefing", "--province", "广西", "--with", "corridors", "-o", str(html)]) == 0
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    requests = []
    context.route(re.compile(r"^(?!file:|data:).*"), lambda route: route.abort())
    context.add_init_script(servers.CAPTURE_MAPS)
    pg = context.new_page()
    pg.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else requests.append(r.url))
    pg.goto(html.as_uri())
    pg.locator(".leaflet-pane canvas").first.wait_for(timeout=30_000)
    pdf = tmp_path / "map.pdf"
    pg.pdf(path=str(pdf), format="A4", landscape=True, print_background=True)
    context.close()
    assert requests == []
    assert pdf.stat().st_size > 50_000
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) == 1  # the whole map, legend and sources on one A4 page


def test_filter_survives_a_page_switch_and_stays_in_the_url(server, page):
    page.goto(f"{server}/?province=广西", wait_until="domcontentloaded")
    _map_frame(page)
    page.get_by_role("link", name="通道与平台").click()
    page.get_by_role("heading", name="通道与平台").wait_for(timeout=60_000)
    page.wait_for_function("() => decodeURIComponent(location.search).includes('广西')", timeout=30_000)
    assert page.get_by_text("广西").first.is_visible()
    assert page.outside_requests == []


def test_toggling_a_layer_keeps_the_users_zoom(server, page):
    page.goto(f"{server}/?province=广西", wait_until="domcontentloaded")
    frame = _map_frame(page)
    scale = frame.locator(".leaflet-control-scale-line").first
    scale.wait_for(timeout=60_000)
    frame.locator(".leaflet-control-zoom-in").click()
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(1000)
    zoomed = scale.inner_text()
    page.get_by_text("开发开放平台").click()
    frame.locator("body").evaluate(
        """() => new Promise(done => { const tick = () => { let n = 0;
            window.map.eachLayer(l => { if (l instanceof L.CircleMarker) n++; });
            n > 0 ? done(n) : setTimeout(tick, 100); }; tick(); })""",
        timeout=30_000,
    )
    page.wait_for_timeout(3000)
    assert _map_frame(page).locator(".leaflet-control-scale-line").first.inner_text() == zoomed


def test_clicking_a_county_shows_what_applies_there(server, page):
    page.goto(f"{server}/?province=广西&lang=en", wait_until="domcontentloaded")
    _map_frame(page).locator(".leaflet-control-scale-line").first.wait_for(timeout=60_000)
    box = page.locator("iframe[title='streamlit_folium.st_folium']").first.bounding_box()
    answer = page.get_by_text("measures apply")
    for dx, dy in [(0.45, 0.61), (0.5, 0.5), (0.4, 0.65), (0.55, 0.55), (0.6, 0.45)]:
        page.mouse.click(box["x"] + dx * box["width"], box["y"] + dy * box["height"])
        try:
            answer.first.wait_for(timeout=30_000)
            break
        except Exception:
            continue
    assert answer.count() >= 1
    page.get_by_role("link", name="Open place profile").wait_for(timeout=10_000)
    assert page.outside_requests == []


CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def _sidebar_and_headings(page) -> list[str]:
    texts = page.locator("section[data-testid=stSidebar] label, section[data-testid=stSidebar] h2, h1, h2, h3").all_inner_texts()
    return [t.strip() for t in texts if t.strip() and not t.startswith("语言") and t.strip() not in ("中文", "English")]


def test_switching_language_shows_one_language_only(server, page):
    page.goto(f"{server}/place?place=450681", wait_until="domcontentloaded")
    page.get_by_role("heading", name="地点档案").wait_for(timeout=90_000)
    page.get_by_text("适用措施 ·").wait_for(timeout=90_000)
    chinese = _sidebar_and_headings(page)
    assert chinese and not [t for t in chinese if LATIN_WORD.search(t)]
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Place profile").wait_for(timeout=60_000)
    page.get_by_text("What applies here").wait_for(timeout=60_000)
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=30_000)
    english = _sidebar_and_headings(page)
    assert english and not [t for t in english if CJK.search(t)]
    page.get_by_role("link", name="Overview").click()
    page.get_by_role("heading", name="China's land border areas").wait_for(timeout=60_000)
    assert page.outside_requests == []


def test_upload_to_choropleth_legend_profile_and_csv(server, page, tmp_path):
    """The planner's path: upload a GBK table keyed by name, map its column, see it in the profile, download it."""
    table = tmp_path / "收入.csv"
    table.write_bytes("县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n北京,,1\n".encode("gbk"))
    page.goto(f"{server}/?province=广西", wait_until="domcontentloaded")
    _map_frame(page)
    page.get_by_role("button", name="上传表格…").click()
    page.locator("[data-testid='stDialog'] input[type='file']").set_input_files(str(table))
    page.get_by_text("匹配报告：2 / 3").wait_for(timeout=60_000)
    picker = page.get_by_role("combobox", name="指标")
    picker.click()
    picker.fill("人均收入")
    page.get_by_role("option", name="人均收入（上传）").click()
    frame = page.locator("iframe[title='streamlit_folium.st_folium']").first.element_handle().content_frame()
    legend = frame.locator(".bd-legend")
    legend.get_by_text("人均收入").first.wait_for(timeout=60_000)  # the classes are in the map's own legend
    assert "无数据" in legend.inner_text()
    frame.wait_for_function(COUNTY_FILLS_SHOW_THE_CLASSES, timeout=60_000)
    page.screenshot(
        path=str(ROOT / "docs" / "screenshot-choropleth.png") if os.environ.get("BORDERDASH_SCREENSHOT") else str(tmp_path / "c.png")
    )

    page.get_by_role("link", name="地点档案").click()
    page.get_by_text("您的数据").wait_for(timeout=60_000)
    page.get_by_role("link", name="总览地图").click()
    _map_frame(page).locator(".bd-legend").get_by_text("人均收入").first.wait_for(timeout=60_000)
    page.get_by_text("县表与导出").click()  # the table and its exports are one click away
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="CSV 表格", exact=True).click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "人均收入" in csv_text.splitlines()[0] and "45000" in csv_text
    assert page.outside_requests == []
