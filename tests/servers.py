"""Start the dashboard (one Streamlit process) for end-to-end tests, on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("BORDERDASH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Every Leaflet map a frame creates is kept in window.__maps, so tests can read its zoom and open its tooltips.
CAPTURE_MAPS = """
(() => {
  let leaflet;
  Object.defineProperty(window, 'L', {
    configurable: true,
    get() { return leaflet; },
    set(v) {
      leaflet = v;
      if (v && v.Map && v.Map.addInitHook) v.Map.addInitHook(function () { (window.__maps = window.__maps || []).push(this); });
    },
  });
})();
"""
OPEN_TOOLTIPS = """
() => {
  let opened = 0;
  for (const map of window.__maps || []) {
    map.eachLayer(layer => {
      if (!layer.getTooltip || !layer.getTooltip()) return;
      try {
        if (layer.eachLayer) layer.eachLayer(sub => {
          if (opened >= 400) return;
          layer.getTooltip()._source = sub;  // Leaflet 1.9 opens a group's tooltip on its first layer otherwise
          layer.openTooltip(sub.getBounds ? sub.getBounds().getCenter() : sub.getLatLng());
          opened++;
        });
        else { layer.openTooltip(); opened++; }
      } catch (e) { console.log('tooltip error ' + e); }
    });
  }
  return opened;
}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen | None = None, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} not healthy after {seconds} s")


@contextlib.contextmanager
def streamlit(env: dict | None = None, port: int | None = None):
    """One dashboard process on 127.0.0.1; yields its URL and stops it afterwards."""
    port = port or free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def map_frame(page, timeout: float = 90_000):
    """The first st_folium map iframe of a page, once its Leaflet map exists."""
    page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=timeout)
    frame = page.locator("iframe[title='streamlit_folium.st_folium']").first.element_handle().content_frame()
    frame.wait_for_function("() => (window.__maps || []).length > 0", timeout=timeout)
    return frame
