"""Prints how long screening takes, against the budgets of issue 19: 1,000 points <= 2 s, one drawn polygon <= 1 s,
the one-page PDF <= 3 s.

`python benchmarks/bench_screening.py` (or `--quick`: one run each instead of five). The budgets hold for a process that
has its data loaded (the dashboard, or a script screening more than once); the first call's cost, data loading included,
is printed apart, as is a whole `borderdash screen` command in a fresh process.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely


def points(n: int) -> gpd.GeoDataFrame:
    """n points spread over the border provinces' box (some in the sea, abroad or in other provinces, as real lists have)."""
    rng = np.random.default_rng(19)
    return gpd.GeoDataFrame(geometry=gpd.points_from_xy(rng.uniform(75, 131, n), rng.uniform(20, 50, n)), crs=4326)


def drawn_polygon() -> gpd.GeoDataFrame:
    """A project area drawn across the Ruili border (about 20 x 15 km, 40 vertices), part of it in Myanmar."""
    ring = shapely.Point(97.85, 24.0).buffer(0.1, quad_segs=10)
    return gpd.GeoDataFrame({"name": ["drawn area"]}, geometry=[shapely.affinity.scale(ring, 1.0, 0.7)], crs=4326)


def timed(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def fresh_process(out: Path) -> float:
    """Wall time of `borderdash screen --point … -o report.pdf` in a new Python process, imports and data loading included."""
    code = f"import sys; from borderdash.cli import main; sys.exit(main(['screen', '--point', '107.97167,21.54778', '-o', {str(out)!r}]))"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per case (CI)")
    opts = parser.parse_args()
    repeat = 1 if opts.quick else 5

    from borderdash import screen_report, screening

    start = time.perf_counter()
    screening.screen(gpd.GeoDataFrame(geometry=[shapely.Point(107.97167, 21.54778)], crs=4326))
    cold = time.perf_counter() - start
    many, area = points(1000), drawn_polygon()
    t_points, result = timed(lambda: screening.screen(many), repeat)
    t_area, drawn = timed(lambda: screening.screen(area), repeat)
    t_pdf, _ = timed(lambda: screen_report.render(drawn, "zh"), repeat)
    t_list_pdf, _ = timed(lambda: screen_report.render(result, "zh"), 1)
    with tempfile.TemporaryDirectory() as tmp:
        t_cli = fresh_process(Path(tmp) / "r.pdf")

    print(f"{'case':<52} {'median s':>9} {'budget s':>9}  ({repeat} run(s), data loaded)")
    for label, seconds, budget in (
        ("screen 1,000 points", t_points, 2.0),
        ("screen one drawn polygon", t_area, 1.0),
        ("one-page A4 PDF, one feature (zh)", t_pdf, 3.0),
        ("one-page A4 PDF, the 1,000-point list (zh)", t_list_pdf, None),
        ("first screening in a process (data loading)", cold, None),
        ("borderdash screen --point … -o r.pdf, fresh process", t_cli, None),
    ):
        verdict = "" if budget is None else ("ok" if seconds <= budget else "OVER")
        print(f"{label:<52} {seconds:>9.2f} {budget or '':>9}  {verdict}")
    located = int((result.results.status.isin(("county", "boundary"))).sum())
    print(f"(of the 1,000 points {located} lie in a county; {len(result.measures):,} feature-measure rows)")


if __name__ == "__main__":
    main()
