"""Thematic-map budgets: a 3,000-row upload parses, matches and draws in ≤ 2 s; switching indicator ≤ 1 s.

`python benchmarks/bench_indicators.py [--quick]` prints the figures; --quick runs each step once.
"""

import argparse
import json
import statistics
import sys
import time

BUDGET_UPLOAD_S = 2.0
BUDGET_SWITCH_S = 1.0


def timed(label, fn, repeat=1, budget=None):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    verdict = "" if budget is None else (f"  ≤ {budget:.1f} s ok" if median <= budget else f"  OVER the {budget:.1f} s budget")
    print(f"{label:<62} {median * 1000:>9.1f} ms (median of {repeat}){verdict}")
    return result


def upload_csv(counties, rows: int = 3000) -> bytes:
    """Every mapped county once, named as planners write them (full, without suffix, English), then rows for other places."""
    import numpy as np

    rng = np.random.default_rng(11)
    lines = ["县名,省份,人均收入（元）,人口（万人）,备注"]
    for i, c in enumerate(counties.itertuples()):
        name = (c.name_zh, c.name_zh[:-1] if len(c.name_zh) > 2 else c.name_zh, c.name_en)[i % 3]
        lines.append(f"{name},{c.province_zh},{rng.integers(8000, 60000)},{rng.uniform(1, 90):.1f},")
    for i in range(rows - len(counties)):
        lines.append(f"外省测试县{i:04d},外省,{rng.integers(8000, 60000)},{rng.uniform(1, 90):.1f},x")
    return ("\n".join(lines) + "\n").encode("gb18030")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="thematic-map timings")
    parser.add_argument("--quick", action="store_true", help="each step once (CI)")
    opts = parser.parse_args(argv)
    repeat = 1 if opts.quick else 3

    t = time.perf_counter()
    import mapclassify  # noqa: F401

    print(f"{'import mapclassify (once per server)':<62} {(time.perf_counter() - t) * 1000:>9.1f} ms")
    from borderdash import indicators, layers, upload, view, webmap
    from borderdash.filters import Filter
    from borderdash.schema import PROVINCES_EN

    counties = layers.counties()
    timed("built-in indicator table, all counties (once per server)", indicators.county_values)
    data = upload_csv(counties)
    n_rows = data.count(b"\n") - 1
    print(f"{'upload: rows, bytes':<62} {n_rows:>9,d} rows, {len(data) / 1024:,.0f} KB (GB18030)")
    default_view = view.shown_counties(Filter())

    def draw(uploaded, key, flt, method="quantiles"):
        """What a rerun does for the live map: the thematic view, its classes and the state with each county's colour (as sent)."""
        selected = view.select(view.Selection(flt, frozenset(), thematic=indicators.Thematic(key, method)), uploaded)
        return json.dumps(webmap.state(selected, "zh"), ensure_ascii=False)

    def upload_to_map():
        report = upload.load(data, "统计.csv", counties)
        draw(report.values, "人均收入（元）", Filter())
        return report

    report = timed(f"3,000-row upload: parse + match + draw ({len(default_view)} counties)", upload_to_map, repeat, BUDGET_UPLOAD_S)
    print(f"{'  matched / unmatched / duplicated':<62} {len(report.matched)} / {len(report.unmatched)} / {len(report.duplicates)}")
    timed("  of which parse + match", lambda: upload.load(data, "统计.csv", counties), repeat)
    for key, method in (
        ("border_length_km", "natural_breaks"),
        ("measures_theme_infrastructure", "quantiles"),
        ("人口（万人）", "equal_interval"),
    ):
        timed(f"switch indicator: {key}, {method}", lambda k=key, m=method: draw(report.values, k, Filter(), m), repeat, BUDGET_SWITCH_S)
    xinjiang = Filter.build(provinces=["新疆"])
    timed(
        f"switch indicator, 新疆 detail geometry ({len(view.shown_counties(xinjiang))} counties)",
        lambda: draw(report.values, "area_km2", xinjiang),
        repeat,
        BUDGET_SWITCH_S,
    )
    everywhere = Filter.build(provinces=list(PROVINCES_EN))
    label = f"switch indicator, all {len(counties)} counties"
    timed(label, lambda: draw(report.values, "人均收入（元）", everywhere, "natural_breaks"), repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
