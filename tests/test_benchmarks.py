"""Every benchmark script still runs (once, in quick mode), so none can rot."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# bench_indicators has its own test, which also reads the figures it prints.
SCRIPTS = sorted(p.name for p in (ROOT / "benchmarks").glob("bench_*.py") if p.name != "bench_indicators.py")


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS)
def test_benchmark_runs_in_quick_mode(script):
    run = subprocess.run([sys.executable, f"benchmarks/{script}", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip(), "a benchmark prints its figures"
