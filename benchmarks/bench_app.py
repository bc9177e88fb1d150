"""Drive the dashboard in Chromium as a user and print what each step costs, next to a naive baseline.

`python benchmarks/bench_app.py [--quick]` starts `streamlit run app.py` and the naive baseline
(benchmarks/naive_app.py: full-detail geometry drawn by Folium through st_folium, the map rebuilt
on every rerun) on free ports, then measures in Debian's Chromium: first map paint after a cold
start (without, then with the start-up warm-up scripts/run.sh does), a second visitor's paint,
province filter -> map updated, place -> place, measure -> measure on the policy page, adding a
place on the compare page, toggling a corridor on the corridors page, bytes over the websocket per
interaction; and, in-process with Streamlit's AppTest, each page's server-side rerun when the view
did not change. For scale, the floor (benchmarks/floor_app.py: a bare Streamlit page with one
st_folium map and one selectbox moving its marker) is measured in the same run: its paint and its
interaction are the least any page can take here. Every figure is printed with its ratio to the
baseline and to the floor.
A map counts as painted when the Leaflet map's drawn features stop changing (STABLE_S quiet).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("BORDERDASH_CHROMIUM", "/usr/bin/chromium")
IFRAME = "iframe[title='streamlit_folium.st_folium']"
STABLE_S = 1.0
APPS = {
    "borderdash": {
        "script": "app.py",
        "overview": "/",
        "place": "/place?place=450681",
        "policy": "/policy?measure=im-2023:art2",
        "compare": "/compare?places=450681,451481",
        "corridors": "/corridors",
    },
    "naive": {
        "script": "benchmarks/naive_app.py",
        "overview": "/",
        "place": "/?view=place",
        "policy": "/?view=policy",
        "compare": "/?view=compare",
        "corridors": "/?view=corridors",
    },
}
PAGES = {
    "borderdash": {
        "overview": ("views/overview.py", {"province": "云南"}),
        "place": ("views/place.py", {"place": "450681"}),
        "compare": ("views/compare.py", {"places": "450681,451481"}),
        "policy": ("views/policy.py", {"measure": "gbf-2017-50:2.3"}),
        "corridors": ("views/corridors.py", {"province": "云南"}),
        "briefing": ("views/briefing.py", {"province": "云南"}),
        "sources": ("views/sources.py", {}),
    },
    "naive": {
        "overview": (None, {}),
        "place": (None, {"view": "place"}),
        "compare": (None, {"view": "compare"}),
        "policy": (None, {"view": "policy"}),
        "corridors": (None, {"view": "corridors"}),
    },
}
"""The page script (None: the app's only script) and URL of each page whose unchanged rerun is timed."""
FLOOR = "benchmarks/floor_app.py"
"""A bare Streamlit page with one st_folium map: what the framework costs before any map content."""
BUDGETS = {
    "cold_paint_s": 2.0,
    "warm_paint_s": 1.5,
    "filter_s": 1.0,
    "place_s": 1.0,
    "filter_ws_kb": 200,
    "policy_s": 1.0,
    "policy_ws_kb": 200,
    "compare_s": 1.0,
    "corridor_s": 1.0,
    **{f"rerun_{page}_ms": 300 for page in PAGES["borderdash"]},
}

MAP_SIGNATURE = """() => {
  const m = window.map;
  if (!m || !window.L) return null;
  let n = 0, h = 0;
  const add = s => { for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; };
  m.eachLayer(l => {
    if (!(l instanceof L.Path) || !l._map) return;
    n++;
    const o = l.options || {};
    add(`${(l.feature && l.feature.properties && (l.feature.properties.adcode || l.feature.properties.segment_id)) || ''}`
        + `${o.fillColor}${o.color}${o.weight}${o.fillOpacity}${o.opacity}${l._latlng ? l._latlng.lat : ''}`);
  });
  return `${n}:${h}`;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script: str, warm: bool = False) -> tuple[subprocess.Popen, str]:
    """`streamlit run` on a free port; returns once /_stcore/health answers (the start-up is not timed).

    warm: start as scripts/run.sh does, the first page prepared server-side (borderdash.warmup) before any visitor.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), "--server.address", "127.0.0.1"]
    if warm:
        cmd += ["--server.scriptHealthCheckEnabled", "true"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(480):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                if warm:
                    from borderdash import warmup

                    if warmup.warm_up(url) is None:
                        proc.kill()
                        raise RuntimeError(f"{script}: the start-up warm-up failed")
                return proc, url
        except OSError:
            time.sleep(0.25)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


class Visitor:
    """One browser context (a fresh visitor: empty HTTP cache) counting websocket and HTTP bytes."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        self.context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
        self.page = self.context.new_page()
        self.ws_bytes = 0
        self.http_bytes = 0
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        self.page.on("requestfinished", self._request)

    def _frame(self, payload):
        self.ws_bytes += len(payload)

    def _request(self, request):
        try:
            self.http_bytes += request.sizes()["responseBodySize"]
        except Exception:
            pass

    def signature(self):
        try:
            return self.page.locator(IFRAME).first.content_frame.locator("body").evaluate(MAP_SIGNATURE, timeout=2000)
        except Exception:
            return None

    def running(self) -> bool:
        return self.page.locator('[data-testid="stStatusWidget"]').count() > 0

    def wait_painted(self, t0: float, before=None, timeout: float = 180) -> float:
        """Seconds from t0 to the last change of the drawn map, once it has features, differs from
        `before` and has been quiet for STABLE_S with the script finished."""
        last, changed_at = before, None
        while time.perf_counter() - t0 < timeout:
            sig = self.signature()
            now = time.perf_counter()
            if sig != last:
                last, changed_at = sig, now
            elif (
                sig
                and sig != before
                and not sig.startswith("0:")
                and changed_at is not None
                and now - changed_at >= STABLE_S
                and not self.running()
            ):
                return changed_at - t0
            time.sleep(0.05)
        raise TimeoutError(f"map not painted within {timeout} s (last signature {last})")

    def close(self):
        self.context.close()


def visit(browser, url: str, timeout: float = 180) -> tuple[float, int, int, Visitor]:
    v = Visitor(browser)
    t0 = time.perf_counter()
    v.page.goto(url, wait_until="commit")
    try:
        return v.wait_painted(t0, timeout=timeout), v.ws_bytes, v.http_bytes, v
    except TimeoutError:
        v.close()
        raise


def choose_province(v: Visitor, name: str) -> tuple[float, int]:
    before = v.signature()
    box = v.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.click()
    v.page.keyboard.type(name)
    v.ws_bytes = 0
    t0 = time.perf_counter()
    v.page.keyboard.press("Enter")
    took = v.wait_painted(t0, before)
    v.page.keyboard.press("Escape")
    return took, v.ws_bytes


def choose_option(v: Visitor, label: str, typed: str) -> tuple[float, int]:
    """Pick the option containing `typed` in the selectbox labelled `label`: seconds to the map painted, websocket bytes."""
    before = v.signature()
    box = v.page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    v.page.keyboard.type(typed)
    option = v.page.get_by_role("option").filter(has_text=typed).first
    option.wait_for(timeout=30_000)
    v.ws_bytes = 0
    t0 = time.perf_counter()
    option.click()
    return v.wait_painted(t0, before), v.ws_bytes


def choose_place(v: Visitor, name: str) -> tuple[float, int]:
    return choose_option(v, "地点", name)


def remove_from_multiselect(v: Visitor, label: str, chip: str) -> tuple[float, int]:
    """Remove the chip starting with `chip` from the multiselect labelled `label`."""
    before = v.signature()
    box = v.page.locator('[data-testid="stMultiSelect"]').filter(has_text=label).first
    button = box.locator(f'button[aria-label^="Remove {chip}"]').first
    button.wait_for(timeout=30_000)
    v.ws_bytes = 0
    t0 = time.perf_counter()
    button.click()
    return v.wait_painted(t0, before), v.ws_bytes


def measure_browser(browser, url: str, app: dict, repeat: int) -> dict:
    out = {}
    cold, ws, http, v = visit(browser, url + app["overview"])
    out.update(cold_paint_s=cold, first_ws_kb=ws / 1e3, first_http_kb=http / 1e3)
    v.close()
    warm = []
    for _ in range(repeat):
        t, ws, http, v = visit(browser, url + app["overview"])
        warm.append(t)
        filt = choose_province(v, "云南")
        v.close()
    out.update(warm_paint_s=statistics.median(warm), filter_s=filt[0], filter_ws_kb=filt[1] / 1e3)
    _, _, _, v = visit(browser, url + app["place"])
    switches = [choose_place(v, name) for name in ("凭祥", "瑞丽", "东兴")[: max(1, repeat)]]
    v.close()
    out.update(place_s=statistics.median(s[0] for s in switches), place_ws_kb=statistics.median(s[1] for s in switches) / 1e3)
    return out


def measure_pages(browser, url: str, app: dict, repeat: int) -> dict:
    """The interactions of the policy, compare and corridors pages (a step a page does not offer is left out: "—")."""
    out = {}
    _, _, _, v = visit(browser, url + app["policy"])
    titles = ("2020年发展目标", "适用范围与边境地区界定", "综合交通运输体系建设")  # the widest measure first
    steps = [choose_option(v, "措施", title) for title in titles[: max(1, repeat)]]
    v.close()
    out.update(policy_s=statistics.median(s[0] for s in steps), policy_ws_kb=max(s[1] for s in steps) / 1e3)
    for key, page, act in (
        ("compare", "compare", lambda v, n: choose_option(v, "添加地点", n)),
        ("corridor", "corridors", lambda v, n: remove_from_multiselect(v, "地图上的通道", n)),
    ):
        names = ("满洲里", "二连浩特", "瑞丽") if key == "compare" else ("G331", "G219", "芒市")
        done = []
        for name in names[: max(1, repeat)]:
            v = None
            try:
                _, _, _, v = visit(browser, url + app[page], timeout=60)
                done.append(act(v, name))
            except Exception as exc:  # the page has no map or no such control (an older checkout): say so, measure the rest
                print(f"{page}: step not offered ({type(exc).__name__})", file=sys.stderr)
                break
            finally:
                if v is not None:
                    v.close()
        if done:
            out.update({f"{key}_s": statistics.median(s[0] for s in done), f"{key}_ws_kb": max(s[1] for s in done) / 1e3})
    return out


def measure_floor(browser, repeat: int) -> dict:
    """Median second-visitor paint of the bare Streamlit + st_folium page (after one first visit), and its one interaction."""
    proc, url = start(FLOOR)
    try:
        visit(browser, url + "/")[3].close()
        times, moves = [], []
        for _ in range(max(2, repeat)):
            t, _, _, v = visit(browser, url + "/")
            times.append(t)
            moves.append(choose_option(v, "地点", "瑞丽")[0])
            v.close()
        return {"paint_s": statistics.median(times), "interaction_s": statistics.median(moves)}
    finally:
        proc.terminate()
        proc.wait(20)


def measure_rerun(script: str, page: str | None, query: dict, repeat: int) -> float:
    """Median server-side script run (ms) of one page when nothing changed, in-process with AppTest."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / script), default_timeout=300)
    for k, val in query.items():
        at.query_params[k] = val
    if page:
        at.switch_page(page)
    at.run()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition of each step (for CI)")
    parser.add_argument("--only", choices=tuple(APPS), help="measure one app only")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 3
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: install Debian's chromium (scripts/test.sh does)", file=sys.stderr)
        return 1
    static_link = ROOT / "benchmarks" / "static"
    if not static_link.exists():
        static_link.symlink_to(ROOT / "static", target_is_directory=True)  # the baseline's Leaflet, served like the app's
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))  # AppTest imports the package of the checkout being measured
    results = {}
    load_before = os.getloadavg()
    with sync_playwright() as p:
        browser = launch(p)
        for name, app in APPS.items():
            if args.only and name != args.only:
                continue
            proc, url = start(app["script"])
            try:
                cold_raw, _, _, v = visit(browser, url + app["overview"])
                v.close()
            finally:
                proc.terminate()
                proc.wait(20)
            proc, url = start(app["script"], warm=name == "borderdash")  # the baseline has no warm-up: measured as it is
            try:
                results[name] = measure_browser(browser, url, app, repeat) | {"cold_raw_s": cold_raw}
                results[name] |= measure_pages(browser, url, app, repeat)
            finally:
                proc.terminate()
                proc.wait(20)
            for page, (script, query) in PAGES[name].items():
                results[name][f"rerun_{page}_ms"] = measure_rerun(app["script"], script, query, max(2, repeat))
        floor = measure_floor(browser, repeat)
        browser.close()
    load_after = os.getloadavg()
    rows = [
        ("cold_raw_s", "first map paint, cold start, no warm-up (s)", "paint_s"),
        ("cold_paint_s", "first map paint, first visitor after start (s)", "paint_s"),
        ("warm_paint_s", "first map paint, second visitor (s)", "paint_s"),
        ("first_ws_kb", "first load over websocket (KB)", None),
        ("first_http_kb", "first load over HTTP (KB)", None),
        ("filter_s", "province filter -> map updated (s)", "interaction_s"),
        ("filter_ws_kb", "province filter over websocket (KB)", None),
        ("place_s", "place -> place (s)", "interaction_s"),
        ("place_ws_kb", "place -> place over websocket (KB)", None),
        ("policy_s", "policy: measure -> measure, map updated (s)", "interaction_s"),
        ("policy_ws_kb", "policy: measure -> measure over websocket (KB)", None),
        ("compare_s", "compare: add a place, map updated (s)", "interaction_s"),
        ("compare_ws_kb", "compare: add a place over websocket (KB)", None),
        ("corridor_s", "corridors: toggle a corridor, map updated (s)", "interaction_s"),
        ("corridor_ws_kb", "corridors: toggle a corridor over websocket (KB)", None),
        *((f"rerun_{page}_ms", f"rerun, view unchanged: {page} (ms, server)", None) for page in PAGES["borderdash"]),
    ]
    names = list(results)
    print(f"{'step':<50}" + "".join(f"{n:>12}" for n in names) + f"{'naive/ours':>12}{'ours/floor':>12}{'budget':>9}{'':>4}")
    missed = []
    for key, label, floor_key in rows:
        vals = [results[n].get(key) for n in names]
        ours = vals[0]
        ratio = f"{vals[1] / ours:.1f}x" if len(names) == 2 and ours and vals[1] is not None else ""
        over = f"{ours / floor[floor_key]:.1f}x" if floor_key and ours else ""
        budget = BUDGETS.get(key)
        verdict = "" if budget is None or ours is None else ("ok" if ours <= budget else "OVER")
        if verdict == "OVER":
            missed.append(label)
        cells = "".join(f"{v:>12.2f}" if v is not None else f"{'—':>12}" for v in vals)
        print(f"{label:<50}{cells}{ratio:>12}{over:>12}{budget if budget is not None else '':>9}{verdict:>4}")
    print(f"{'floor: bare Streamlit + st_folium page, second visitor paint (s)':<62}{floor['paint_s']:>12.2f}")
    print(f"{'floor: its selectbox -> marker moved (s)':<62}{floor['interaction_s']:>12.2f}")
    ours = results.get("borderdash", {}).get("warm_paint_s")
    if ours:
        print(
            f"  second-visitor paint above the floor: {ours - floor['paint_s']:.2f} s; the {BUDGETS['warm_paint_s']} s budget leaves "
            f"{BUDGETS['warm_paint_s'] - floor['paint_s']:.2f} s over the floor for the map"
        )
    print("budgets missed: " + ("; ".join(missed) if missed else "none"))
    print(
        f"load average (1/5/15 min): before {load_before[0]:.1f}/{load_before[1]:.1f}/{load_before[2]:.1f}, "
        f"after {load_after[0]:.1f}/{load_after[1]:.1f}/{load_after[2]:.1f}; {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
