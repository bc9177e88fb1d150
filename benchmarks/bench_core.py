"""Prints timings of what a page does on first load and on a rerun: `python benchmarks/bench_core.py [--quick]`."""

import argparse
import json
import statistics
import sys
import time

QUICK = "--quick" in sys.argv[1:]


def timed(label, fn, repeat=1):
    repeat = 1 if QUICK else repeat
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    print(f"{label:<48} {statistics.median(times) * 1000:>9.1f} ms (median of {repeat})")
    return result


def main():
    global QUICK
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per step (CI)")
    QUICK = parser.parse_args().quick

    from borderdash import catalog, export, layers, view, webmap
    from borderdash.filters import Filter
    from borderdash.policy import join, search

    counties = timed("load counties (overview geometry, cold)", layers.counties)
    timed("load counties (detail geometry, cold)", lambda: layers.counties(detail=True))
    timed("load all other layers (cold)", lambda: [catalog.load(n) for n in catalog.LAYER_NAMES if n != "counties"])
    timed("place x measure join (cold)", join.long_table)
    timed("measures for every county (cold)", join.measures_by_county)
    timed("measures_for(东兴 450681)", lambda: join.measures_for("450681"), repeat=5)
    for q in ("边民补助", "entrepreneurship loans", "G219"):
        timed(f"search {q!r}", lambda q=q: search.search(q), repeat=20)
    shown = counties[counties.is_border_county | counties.touches_border]

    overview = view.Selection(Filter(), frozenset({"regiments"}))
    state = timed("overview view -> live map state (select + state)", lambda: webmap.state(view.select(overview), "zh"), repeat=3)
    print(f"{'overview live map state size':<48} {len(json.dumps(state, ensure_ascii=False).encode()) / 1e3:>9.1f} KB")
    widest = view.Selection(extras=frozenset(), measure="gbf-2017-50:2.3")
    state = timed("widest measure view -> live map state", lambda: webmap.state(view.select(widest), "zh"), repeat=3)
    print(f"{'widest measure live map state size':<48} {len(json.dumps(state, ensure_ascii=False).encode()) / 1e3:>9.1f} KB")
    timed("counties CSV with measures (filtered view)", lambda: export.csv_bytes(join.with_measures(export.table(shown))), repeat=5)
    timed("counties GeoPackage (filtered view)", lambda: export.gpkg_bytes(shown, "counties"), repeat=3)

    guangxi = view.Selection(Filter.build(provinces=["广西"]), frozenset({"regiments", "platforms", "corridors"}))
    page = timed("briefing HTML, 广西 with all layers (detail geometry)", lambda: webmap.standalone_html(view.select(guangxi)), repeat=3)
    print(f"{'briefing HTML size':<48} {len(page.encode()) / 1e6:>9.2f} MB")


if __name__ == "__main__":
    main()
