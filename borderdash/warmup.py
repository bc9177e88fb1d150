"""Run the first page once in a freshly started server, so the first visitor does not wait for imports and data.

Uses Streamlit's script health check (enabled by scripts/run.sh and deploy/serve.sh): it runs app.py in a
server-side session, which fills the process-wide caches every later session shares.
"""

from __future__ import annotations

import sys
import time
import urllib.request

HEALTH = "/_stcore/health"
SCRIPT_CHECK = "/_stcore/script-health-check"


def server_url(streamlit_args: list[str]) -> str:
    """The loopback URL of a server started with these `streamlit run` options (port 8501 unless given)."""
    options = {}
    for i, arg in enumerate(streamlit_args):
        if arg.startswith("--server."):
            key, _, value = arg.partition("=")
            if not value and i + 1 < len(streamlit_args):
                value = streamlit_args[i + 1]
            options[key] = value
    host = options.get("--server.address") or "127.0.0.1"
    host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{host}:{options.get('--server.port') or 8501}"


def warm_up(url: str, wait_s: float = 180.0) -> float | None:
    """Seconds the first page took once the server answered; None if it never did or the page failed."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + HEALTH, timeout=2)
            break
        except OSError:
            time.sleep(0.25)
    else:
        return None
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url + SCRIPT_CHECK, timeout=wait_s) as response:
            ok = response.status == 200
    except OSError:
        return None
    return time.monotonic() - start if ok else None


def main(argv: list[str] | None = None) -> int:
    url = server_url(sys.argv[1:] if argv is None else argv)
    took = warm_up(url)
    if took is None:
        print(f"borderdash: could not prepare the first page at {url} (the app still starts; the first visit is slower)", file=sys.stderr)
        return 1
    print(f"borderdash: ready at {url} (first page prepared in {took:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
