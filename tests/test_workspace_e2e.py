"""Workspaces last: saved through replica 1 and opened through nginx after replica 1 is killed (PostgreSQL started by
deploy/serve.sh), and reopened after the single-process app restarts (SQLite). Headless Chromium, loopback only."""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import servers  # noqa: E402

from borderdash import pgserver  # noqa: E402

pytestmark = pytest.mark.e2e
NGINX = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
TABLE = "县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n北京,,1\n".encode("gbk")




def _page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(servers.CAPTURE_MAPS)
    return context, context.new_page()


def save_a_workspace(page, url: str, tmp_path: Path, name: str) -> str:
    """Upload a table, map its column, save it all as a workspace from the sidebar panel; the new workspace's id."""
    table = tmp_path / "收入.csv"
    table.write_bytes(TABLE)
    page.goto(f"{url}/?province=广西", wait_until="domcontentloaded")
    servers.map_frame(page)
    page.get_by_role("button", name="上传表格…").click()
    page.locator("[data-testid='stDialog'] input[type='file']").set_input_files(str(table))
    page.get_by_text("匹配报告：2 / 3").wait_for(timeout=60_000)
    picker = page.get_by_role("combobox", name="指标")
    picker.click()
    picker.fill("人均收入")
    page.get_by_role("option", name="人均收入（上传）").click()
    servers.map_frame(page).locator(".bd-legend").get_by_text("人均收入").first.wait_for(timeout=60_000)
    page.get_by_text("工作区", exact=True).click()
    field = page.get_by_label("新工作区名称")
    field.fill(name)
    field.press("Enter")
    page.get_by_role("button", name="另存为新工作区").click()
    page.get_by_text(f"已保存：{name}").wait_for(timeout=60_000)
    link = page.locator("code").filter(has_text="/?ws=").first.inner_text()
    return re.search(r"/\?ws=([A-Za-z0-9_-]{22})", link).group(1)


def everything_is_in_place(page, url: str, ws_id: str, name: str) -> None:
    page.goto(f"{url}/?ws={ws_id}", wait_until="domcontentloaded")
    page.get_by_text(f"当前工作区：{name}").wait_for(timeout=90_000)
    page.get_by_text("只读：此工作区通过链接打开").wait_for(timeout=30_000)
    page.get_by_text("匹配报告：2 / 3").wait_for(timeout=60_000)
    servers.map_frame(page).locator(".bd-legend").get_by_text("人均收入").first.wait_for(timeout=60_000)
    provinces = page.locator("section[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    assert provinces.locator(".react-aria-ComboBox [data-tag]").all_inner_texts() == ["广西"]
    page.wait_for_function("() => location.search.includes('province=')", timeout=30_000)
    if os.environ.get("BORDERDASH_SCREENSHOT_DIR"):
        page.screenshot(path=str(Path(os.environ["BORDERDASH_SCREENSHOT_DIR"]) / "workspace-opened.png"))


def _pg_home() -> Path:
    home = Path(tempfile.mkdtemp(prefix="borderdash-serve-pg-"))  # outside pytest's 0700 folders: postgres must reach it
    home.chmod(0o755)
    return home


def test_a_workspace_saved_on_replica_1_opens_through_nginx_on_replica_2_after_replica_1_dies(browser, tmp_path):
    if not Path(NGINX).exists():
        pytest.skip("no nginx (scripts/test.sh installs Debian's nginx)")
    if not pgserver.available():
        if os.environ.get("CI"):
            pytest.fail("no PostgreSQL: scripts/test.sh installs Debian's postgresql")
        pytest.skip("no PostgreSQL (scripts/test.sh installs Debian's postgresql)")
    listen = f"127.0.0.1:{servers.free_port()}"
    first = servers.free_port()
    while servers.free_port() == first + 1:
        pass
    home, log = _pg_home(), tmp_path / "serve.log"
    env = {**os.environ, "NGINX": NGINX, "BORDERDASH_PG_HOME": str(home), "BORDERDASH_PG_PORT": str(servers.free_port())}
    env.pop("BORDERDASH_DATABASE_URL", None)
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(servers.ROOT / "deploy" / "serve.sh"), "2", listen, str(first)],
            cwd=servers.ROOT,
            env=env,
            start_new_session=True,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    context, page = _page(browser)
    try:
        servers.wait_healthy(f"http://{listen}", proc, seconds=180)
        pids = dict(re.findall(r"replica (\d) pid (\d+)", log.read_text()))
        ws_id = save_a_workspace(page, f"http://127.0.0.1:{first}", tmp_path, "口岸 收入")
        os.kill(int(pids["0"]), signal.SIGKILL)
        time.sleep(1)
        assert proc.poll() is None, "a replica's death does not stop deploy/serve.sh"
        everything_is_in_place(page, f"http://{listen}", ws_id, "口岸 收入")
        assert "database-url" not in log.read_text() and "password" not in log.read_text().lower()
    finally:
        context.close()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
        assert not pgserver.running(home), "serve.sh stops the PostgreSQL it started"
        shutil.rmtree(home, ignore_errors=True)


def test_a_workspace_survives_a_restart_of_the_single_process_app(browser, tmp_path):
    env = {"BORDERDASH_DATA_DIR": str(tmp_path / "data")}
    context, page = _page(browser)
    try:
        with servers.streamlit(env) as url:
            ws_id = save_a_workspace(page, url, tmp_path, "重启前")
        assert (tmp_path / "data" / "workspaces.sqlite3").exists()
        with servers.streamlit(env) as url:
            everything_is_in_place(page, url, ws_id, "重启前")
    finally:
        context.close()
