"""Prints how long print maps take, each in a fresh process (imports and data loading included).

`python benchmarks/bench_print.py` (or `--quick`: one run each instead of three). Budgets (issue 9):
an A4 PDF of one province <= 3 s; of all 140 border counties with corridors <= 6 s.
"""

import argparse
import statistics
import subprocess
import sys
import time

CASES = [
    ("A4 PDF, one province (云南)", ["--province", "云南"], 3.0),
    ("A4 PDF, 140 border counties + corridors", ["--border-only", "--with", "corridors"], 6.0),
    ("A4 PDF, place (东兴市 450681)", ["--place", "450681"], None),
    ("PNG 300 dpi, one province (云南)", ["--province", "云南"], None),
]


def run(args: list[str], out: str) -> float:
    """Wall time of `borderdash map` in a new Python process, from start to file written."""
    code = f"import sys; from borderdash.cli import main; sys.exit(main({['map', *args, '-o', out]!r}))"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run per case (CI)")
    parser.add_argument("--out", default="/tmp", help="folder for the files written")
    opts = parser.parse_args()
    repeat = 1 if opts.quick else 3
    print(f"{'case':<44} {'median s':>9} {'budget s':>9}  (fresh process each, {repeat} run(s))")
    for i, (label, args, budget) in enumerate(CASES):
        out = f"{opts.out}/bench_print_{i}.{'png' if label.startswith('PNG') else 'pdf'}"
        times = [run(args, out) for _ in range(repeat)]
        verdict = "" if budget is None else ("ok" if statistics.median(times) <= budget else "OVER")
        print(f"{label:<44} {statistics.median(times):>9.2f} {budget or '':>9}  {verdict}")


if __name__ == "__main__":
    main()
