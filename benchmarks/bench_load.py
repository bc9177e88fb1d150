"""Load at the protocol level: N concurrent Streamlit websocket sessions against one process and against 2 replicas.

Each session connects to /_stcore/stream (loopback only), asks for the overview, then the place profile, then the
corridors page, timing each rerun until the server reports the script finished. Prints sessions, errors, p50/p95
per interaction and the servers' RSS. `--quick` (CI): 2 sessions, one target. Bounded: at most 40 sessions, 300 s.

    python benchmarks/bench_load.py --sessions 10            # 1 process vs 2 replicas behind nginx
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import servers  # noqa: E402

INTERACTIONS = [("overview", "overview", ""), ("place", "place", "place=450681"), ("corridors", "corridors", "")]
MAX_SESSIONS, MAX_SECONDS = 40, 300


async def _session(url: str, timings: dict, errors: list, deadline: float, client: int) -> None:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        # Each session from its own loopback address (127.0.<i>.1): nginx's ip_hash keys on the first three octets.
        source = (f"127.0.{client % 250 + 1}.1", 0)
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=60, local_addr=source) as ws:
            for name, page, query in INTERACTIONS:
                msg = BackMsg()
                msg.rerun_script.query_string = query
                msg.rerun_script.page_name = page
                start = time.perf_counter()
                await ws.send(msg.SerializeToString())
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise TimeoutError(f"{name}: over the time bound")
                    fwd = ForwardMsg()
                    fwd.ParseFromString(await asyncio.wait_for(ws.recv(), left))
                    if fwd.WhichOneof("type") == "script_finished":
                        if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                            break
                        if fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                            raise RuntimeError(f"{name}: script error")
                timings.setdefault(name, []).append(time.perf_counter() - start)
    except Exception as exc:  # counted and reported, the run goes on
        errors.append(f"{type(exc).__name__}: {exc}"[:200])


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _streamlit_pids(root_pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-s", str(os.getpgid(root_pid)), "-f", "streamlit run app.py"], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def run(url: str, n: int, pids: list[int]) -> None:
    timings: dict[str, list[float]] = {}
    errors: list[str] = []

    async def all_sessions():
        deadline = time.monotonic() + MAX_SECONDS
        await asyncio.gather(*(_session(url, timings, errors, deadline, i) for i in range(n)))

    before = _rss_mb(pids)
    t = time.perf_counter()
    asyncio.run(all_sessions())
    print(f"  sessions {n}, errors {len(errors)}, wall {time.perf_counter() - t:.1f} s, RSS {before:.0f} → {_rss_mb(pids):.0f} MB")
    for name, _, _ in INTERACTIONS:
        xs = sorted(timings.get(name, []))
        if xs:
            p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
            print(f"  {name:<10} n={len(xs):<3} p50 {statistics.median(xs):6.2f} s   p95 {p95:6.2f} s")
    for e in sorted(set(errors))[:5]:
        print(f"  error: {e}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--quick", action="store_true", help="2 sessions against one process (CI)")
    args = ap.parse_args(argv)
    n = 2 if args.quick else max(1, min(args.sessions, MAX_SESSIONS))

    print(f"one process, {n} concurrent sessions")
    port = servers.free_port()
    with servers.streamlit(port=port) as url:
        pid = int(subprocess.run(["pgrep", "-f", "--", f"server.port {port}"], capture_output=True, text=True).stdout.split()[0])
        run(url, 1, [pid])  # warm the caches
        run(url, n, [pid])
    if args.quick:
        return 0

    print(f"two replicas behind nginx, {n} concurrent sessions")
    listen = f"127.0.0.1:{servers.free_port()}"
    proc = subprocess.Popen(
        [str(ROOT / "deploy" / "serve.sh"), "2", listen, str(servers.free_port())],
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://{listen}"
        servers.wait_healthy(url, proc, seconds=180)
        pids = _streamlit_pids(proc.pid)
        run(url, 2, pids)  # warm both replicas
        run(url, n, pids)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
