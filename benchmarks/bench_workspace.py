"""Save and open of a workspace holding a 5,000-row table, on SQLite and on PostgreSQL (budget: save ≤ 500 ms, open ≤ 1 s).

`python benchmarks/bench_workspace.py [--quick]`. PostgreSQL is Debian's, started here on a throwaway cluster
(borderdash.pgserver); without it only SQLite is measured. "open" is what the app does for a link: read the workspace
from the store and match the table again from its bytes (the match report the planner sees).
"""

import argparse
import io
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from borderdash import layers, pgserver, store, upload, workspace  # noqa: E402

SAVE_BUDGET, OPEN_BUDGET = 0.5, 1.0
ROWS = 5000


def table_bytes(counties, salt: int = 0) -> bytes:
    """5,000 rows keyed by adcode (every county, then repeats), a name column and eight numeric columns."""
    codes = list(counties.adcode)
    names = dict(zip(counties.adcode, counties.name_zh, strict=True))
    out = io.StringIO()
    out.write("adcode,县名," + ",".join(f"指标{j}" for j in range(8)) + "\n")
    for i in range(ROWS):
        code = codes[i % len(codes)]
        out.write(f"{code},{names[code]}," + ",".join(f"{(i * 7 + j * 13 + salt) % 1000 + 0.5}" for j in range(8)) + "\n")
    return out.getvalue().encode("utf-8")


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def measure(label: str, db: store.Store, content: workspace.Content, other: workspace.Table, counties, repeat: int) -> None:
    saved = db.save(workspace.new("bench", content))
    state = {"ws": saved}
    tables = [content.tables[0], other]

    def save_changed():
        ws = state["ws"]
        flt = {"province": "广西"} if ws.content.filter.get("province") != "广西" else {"province": "云南"}
        state["ws"] = db.save(workspace.with_content(ws, filter=flt))

    def save_new_table():
        tables.reverse()
        state["ws"] = db.save(workspace.with_content(state["ws"], tables=(tables[0],)))

    def open_it():
        ws = db.get(saved.id)
        return workspace.restore_table(ws.content.tables[0], counties)

    t_save, _ = timed(save_changed, repeat)
    t_save_file, _ = timed(save_new_table, repeat)
    t_read, _ = timed(lambda: db.get(saved.id), repeat)
    t_open, (report, _) = timed(open_it, repeat)
    by_name = workspace.Table(content.tables[0].file, "name", "县名")
    t_open_name, _ = timed(lambda: workspace.restore_table(by_name, counties), repeat)
    print(f"{label:<11} save (settings changed, table kept)  {t_save * 1000:8.1f} ms  {_verdict(t_save, SAVE_BUDGET)}")
    print(f"{label:<11} save (a new 5,000-row table)         {t_save_file * 1000:8.1f} ms  {_verdict(t_save_file, SAVE_BUDGET)}")
    print(f"{label:<11} read from the store                  {t_read * 1000:8.1f} ms")
    print(f"{label:<11} open (read + match the table again)  {t_open * 1000:8.1f} ms  {_verdict(t_open, OPEN_BUDGET)}")
    print(f"{label:<11} match again by county name instead   {t_open_name * 1000:8.1f} ms  (the open's matching part)")
    print(f"{label:<11} ({report.rows:,} rows, {len(report.matched):,} matched, median of {repeat})")


def _verdict(seconds: float, budget: float) -> str:
    return f"{'within' if seconds <= budget else 'OVER'} budget {budget * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="three runs per step (CI)")
    repeat = 3 if parser.parse_args().quick else 15
    counties = layers.counties()
    data = table_bytes(counties)
    report = upload.load(data, "指标.csv", counties, "adcode")
    content = workspace.Content({"border": "1"}, (workspace.table_from_report(data, "指标.csv", "adcode", report),))
    changed = table_bytes(counties, salt=1)
    other = workspace.table_from_report(changed, "指标.csv", "adcode", upload.load(changed, "指标.csv", counties, "adcode"))
    print(f"workspace: a {len(data) / 1024:,.0f} KB table of {report.rows:,} rows, {content.size() / 1024:,.0f} KB in all")
    scratch = Path(tempfile.mkdtemp(prefix="borderdash-bench-"))
    try:
        measure("SQLite", store.Store(f"sqlite:///{scratch / 'ws.sqlite3'}"), content, other, counties, repeat)
        if not pgserver.available():
            print("PostgreSQL  not installed (apt-get install postgresql): skipped")
            return 0
        home = scratch / "pg"
        home.mkdir()
        scratch.chmod(0o755)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        try:
            url = store.database_url_of(pgserver.start(home, port))
            measure("PostgreSQL", store.Store(url), content, other, counties, repeat)
        finally:
            pgserver.stop(home)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
