"""In Chromium: hostile text in the data never runs on any page or in exported briefing files; every profile map draws."""

import math
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import hostile  # noqa: E402
import servers  # noqa: E402

pytestmark = pytest.mark.e2e

PAGES = [
    "/",
    "/?province=新疆&border=1",
    "/place?place=450681",
    "/place?place=xpcc-4-61",
    "/place?place=pz-dongxing",
    "/policy?measure=gbf-2017-50:4.1",
    "/policy?place=x&measure=[XSS-LINK](http://evil.example/login)",
    "/corridors",
    "/briefing",
    "/sources",
]
PROFILES = {
    "polygon (county)": "450681",
    "point (regiment at a sourced point)": "xpcc-3-yecheng2",
    "county-level point (regiment)": "xpcc-3-tuoyun",
    "platform at its host county": "pz-dongxing",
    "platform at a point": "port-baketu-road",
}




@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    return hostile.make_copy(tmp_path_factory.mktemp("hostile-e2e") / "geodata")


@pytest.fixture(scope="module")
def hostile_server(hostile_data):
    with servers.streamlit({"BORDERDASH_GEODATA": str(hostile_data)}) as url:
        yield url


@pytest.fixture(scope="module")
def plain_server():
    with servers.streamlit() as url:
        yield url


def _watched_page(browser):
    """A page recording console messages, dialogs, script errors and requests beyond loopback."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    context.add_init_script(servers.CAPTURE_MAPS)
    context.route(re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)[:/]|data:|blob:|about:|file:).*"), lambda r: r.abort())
    page = context.new_page()
    page.events = []
    page.on("console", lambda m: page.events.append(("console", m.text)))
    page.on("dialog", lambda d: (page.events.append(("dialog", d.message)), d.dismiss()))
    page.on("pageerror", lambda e: page.events.append(("pageerror", str(e))))
    page.on("request", lambda r: page.events.append(("request", r.url)))
    return context, page


def _fired(page):
    bad = [e for e in page.events if e[0] == "dialog" or (e[0] in ("console", "pageerror") and hostile.MARK in e[1])]
    bad += [e for e in page.events if e[0] == "request" and re.match(r"^[a-z]+://evil\.example", e[1])]
    return bad


@pytest.mark.parametrize("path", PAGES)
def test_hostile_register_text_runs_on_no_page(browser, hostile_server, path):
    context, page = _watched_page(browser)
    try:
        page.goto(hostile_server + path, wait_until="domcontentloaded")
        page.get_by_role("heading").first.wait_for(timeout=90_000)
        if path == "/briefing":
            page.locator("[data-testid='stImage'] img").first.wait_for(timeout=90_000)
        elif path != "/sources":
            servers.map_frame(page).evaluate(servers.OPEN_TOOLTIPS)
        page.wait_for_timeout(2000)
        assert page.locator("a[href*='evil.example'], img[src*='evil.example']").count() == 0
        assert _fired(page) == []
        errors = [e for e in page.events if e[0] == "pageerror"]
        assert errors == []
    finally:
        context.close()


def test_hostile_register_text_reaches_the_map_tooltips(browser, hostile_server):
    context, page = _watched_page(browser)
    try:
        page.goto(hostile_server + "/place?place=xpcc-4-61", wait_until="domcontentloaded")
        frame = servers.map_frame(page)
        assert frame.evaluate(servers.OPEN_TOOLTIPS) > 0
        tips = frame.locator(".leaflet-tooltip").all_inner_texts()
        assert any("console.log" in t for t in tips)
        assert _fired(page) == []
    finally:
        context.close()


def test_exported_briefing_files_run_no_hostile_text(browser, tmp_path, hostile_data):
    import os
    import subprocess

    env = {**os.environ, "BORDERDASH_GEODATA": str(hostile_data)}
    out = tmp_path / "pages"
    subprocess.run([sys.executable, str(Path(hostile.__file__)), "render", str(out)], env=env, check=True, timeout=300)
    for path in sorted(out.glob("*.html")):
        context, page = _watched_page(browser)
        try:
            page.goto(path.as_uri())
            page.wait_for_function("() => (window.__maps || []).length > 0", timeout=30_000)
            assert page.evaluate(servers.OPEN_TOOLTIPS) > 0, path.name
            page.wait_for_timeout(500)
            assert _fired(page) == [], path.name
            assert [e for e in page.events if e[0] == "pageerror"] == [], path.name
        finally:
            context.close()


@pytest.mark.parametrize("kind", PROFILES)
def test_every_kind_of_profile_map_draws_at_a_sensible_zoom(browser, plain_server, kind):
    context, page = _watched_page(browser)
    try:
        page.goto(f"{plain_server}/place?place={PROFILES[kind]}", wait_until="domcontentloaded")
        frame = servers.map_frame(page)
        frame.wait_for_function("() => window.__maps[0]._loaded", timeout=30_000)
        zoom, width, height = frame.evaluate("() => { const m = window.__maps[0]; const s = m.getSize(); return [m.getZoom(), s.x, s.y]; }")
        assert math.isfinite(zoom) and 4 <= zoom <= 10, zoom
        assert width > 300 and height > 300
        assert [e for e in page.events if e[0] == "pageerror"] == []
    finally:
        context.close()


def test_corridor_lines_draw_on_a_finite_view(browser, plain_server):
    context, page = _watched_page(browser)
    try:
        page.goto(f"{plain_server}/corridors", wait_until="domcontentloaded")
        frame = servers.map_frame(page)
        zoom, width, height = frame.evaluate("() => { const m = window.__maps[0]; const s = m.getSize(); return [m.getZoom(), s.x, s.y]; }")
        assert math.isfinite(zoom) and 3 <= zoom <= 10 and width > 300 and height > 300
    finally:
        context.close()
