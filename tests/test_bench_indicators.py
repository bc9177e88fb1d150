"""The thematic benchmark runs in quick mode and prints every budgeted figure (timings are read, not asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_indicator_benchmark_runs_in_quick_mode():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_indicators.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    assert "3,000-row upload: parse + match + draw" in out
    assert out.count("switch indicator") >= 4
