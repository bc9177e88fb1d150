"""Two replicas behind nginx (deploy/serve.sh) on loopback: the map draws, a filter applies, a place opens."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import servers  # noqa: E402

pytestmark = pytest.mark.e2e
NGINX = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture(scope="module")
def proxied():
    if not Path(NGINX).exists():
        pytest.skip("no nginx (scripts/test.sh installs Debian's nginx)")
    listen = f"127.0.0.1:{servers.free_port()}"
    first = servers.free_port()
    while servers.free_port() == first + 1:
        pass
    proc = subprocess.Popen(
        [str(servers.ROOT / "deploy" / "serve.sh"), "2", listen, str(first)],
        cwd=servers.ROOT,
        env={**os.environ, "NGINX": NGINX},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://{listen}"
    try:
        servers.wait_healthy(url, proc, seconds=180)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)




def test_health_check_answers_through_the_proxy(proxied):
    import urllib.request

    assert urllib.request.urlopen(f"{proxied}/healthz", timeout=5).read().strip() == b"ok"


def test_smoke_through_the_proxy(browser, proxied):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(servers.CAPTURE_MAPS)
    page = context.new_page()
    try:
        page.goto(f"{proxied}/", wait_until="domcontentloaded")
        servers.map_frame(page).locator("path.leaflet-interactive, canvas").first.wait_for(timeout=60_000)
        page.goto(f"{proxied}/?province=广西", wait_until="domcontentloaded")
        servers.map_frame(page)
        page.get_by_text("广西").first.wait_for(timeout=60_000)
        page.goto(f"{proxied}/place?place=450681", wait_until="domcontentloaded")
        page.get_by_text("适用措施 ·").first.wait_for(timeout=90_000)
        servers.map_frame(page)
    finally:
        context.close()
