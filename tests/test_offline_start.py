"""The README's start command restarts with no network at all once set up (a network namespace with only loopback),
and prepares the first page before any visitor arrives."""

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parent.parent

POLL = """
import sys, time, urllib.request
start = time.monotonic()
for _ in range(480):
    try:
        urllib.request.urlopen("http://127.0.0.1:{port}/_stcore/health", timeout=1)
        print(f"healthy after {{time.monotonic() - start:.1f}} s")
        sys.exit(0)
    except OSError:
        time.sleep(0.25)
sys.exit(1)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_script_starts_the_dashboard_with_the_network_cut(tmp_path):
    if os.geteuid() != 0 or not (shutil.which("unshare") and shutil.which("ip")):
        pytest.skip("needs root, unshare and ip to cut the network")
    if not (ROOT / ".venv" / ".borderdash-installed").exists():
        pytest.skip("run ./scripts/setup.sh first: the offline restart is the second start")
    port = _free_port()
    script = (
        "ip link set lo up; "
        f"./scripts/run.sh --server.port {port} --server.address 127.0.0.1 > {tmp_path}/run.log 2>&1 & "
        f".venv/bin/python -c '{POLL.format(port=port)}'; status=$?; "
        f"for i in $(seq 240); do grep -q 'first page prepared' {tmp_path}/run.log && break; sleep 0.25; done; "
        "kill %1; wait; exit $status"
    )
    done = subprocess.run(["unshare", "-n", "bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=150)
    log = (tmp_path / "run.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0, done.stdout + done.stderr + log
    assert "healthy after" in done.stdout
    assert "setting up .venv" not in log and "pip" not in log.lower()
    assert f"ready at http://127.0.0.1:{port} (first page prepared in" in log
