"""A PostgreSQL server from Debian's `postgresql` package for the replicas (deploy/serve.sh), the tests and the benchmark.

`start(home, port)` makes a cluster in `home/data` once (initdb: superuser `borderdash`, a random password kept in
`home/password`, TCP on 127.0.0.1 only, no Unix socket), starts it with pg_ctl, creates the `borderdash` database
and returns its URL; `stop(home)` stops it. PostgreSQL refuses to run as root, so as root every PostgreSQL program
runs as the `postgres` user (runuser) on a data folder it owns.

    python -m borderdash.pgserver start [--home DIR] [--port N] [--url-file FILE]   # prints nothing secret; URL to FILE
    python -m borderdash.pgserver stop [--home DIR]
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATABASE = "borderdash"
USER = "borderdash"
SYSTEM_USER = "postgres"
ROOT_HOME = Path("/var/lib/postgresql/borderdash")


class PostgresError(RuntimeError):
    pass


def bin_dir() -> Path:
    """BORDERDASH_PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian's layout)."""
    explicit = os.environ.get("BORDERDASH_PG_BIN")
    candidates = [Path(explicit)] if explicit else sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_major, reverse=True)
    for path in candidates:
        if (path / "initdb").exists():
            return path
    raise PostgresError("PostgreSQL is not installed: apt-get install postgresql (or set BORDERDASH_PG_BIN)")


def _major(path: Path) -> int:
    return int(path.parent.name) if path.parent.name.isdigit() else 0


def available() -> bool:
    try:
        bin_dir()
    except PostgresError:
        return False
    return os.geteuid() != 0 or shutil.which("runuser") is not None


def default_home() -> Path:
    """BORDERDASH_PG_HOME, else beside the workspace data (as root: /var/lib/postgresql/borderdash, which `postgres` reaches)."""
    explicit = os.environ.get("BORDERDASH_PG_HOME", "").strip()
    if explicit:
        return Path(explicit).expanduser().resolve()
    if os.geteuid() == 0:
        return ROOT_HOME
    from .store import data_dir

    return data_dir() / "postgresql"


def _run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL program, as the `postgres` user when we are root."""
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", SYSTEM_USER, "--", *map(str, cmd)]
    return subprocess.run(list(map(str, cmd)), capture_output=True, text=True, **kwargs)


def _password(home: Path) -> str:
    path = home / "password"
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24))
    return path.read_text().strip()


def url(home: Path, port: int, database: str = DATABASE) -> str:
    return f"postgresql://{USER}:{_password(home)}@127.0.0.1:{port}/{database}"


def _init(home: Path, data: Path) -> None:
    data.mkdir(parents=True, exist_ok=True)
    data.chmod(0o700)
    if os.geteuid() == 0:
        home.chmod(0o755)
        shutil.chown(data, SYSTEM_USER, SYSTEM_USER)
        reach = _run(["test", "-w", data])
        if reach.returncode:
            raise PostgresError(
                f"the postgres user cannot reach {data}: set BORDERDASH_PG_HOME to a folder it can reach (e.g. {ROOT_HOME})"
            )
    with tempfile.NamedTemporaryFile("w", prefix="borderdash-pw.") as pwfile:  # mode 600, given to postgres when root
        pwfile.write(_password(home) + "\n")
        pwfile.flush()
        if os.geteuid() == 0:
            shutil.chown(pwfile.name, SYSTEM_USER)
        done = _run(
            [bin_dir() / "initdb", "-D", data, "-U", USER, f"--pwfile={pwfile.name}", "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"]
        )
    if done.returncode:
        raise PostgresError(f"initdb failed: {done.stderr.strip()[-2000:]}")
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("\n# borderdash: loopback TCP only\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n")


def running(home: Path) -> bool:
    data = home / "data"
    return (data / "postmaster.pid").exists() and _run([bin_dir() / "pg_ctl", "status", "-D", data]).returncode == 0


def start(home: Path | None = None, port: int = 5433) -> str:
    """Start (initialising once) the cluster in `home` on 127.0.0.1:`port`; the URL of its `borderdash` database."""
    home = (home or default_home()).resolve()
    home.mkdir(parents=True, exist_ok=True)
    data = home / "data"
    if not (data / "PG_VERSION").exists():
        _init(home, data)
    if not running(home):
        done = _run([bin_dir() / "pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", data / "server.log", "-o", f"-p {int(port)}"])
        if done.returncode:
            log = data / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise PostgresError(f"PostgreSQL did not start on port {port}: {done.stderr.strip()} {tail}")
    create_database(home, port, DATABASE)
    return url(home, port)


def create_database(home: Path, port: int, name: str) -> str:
    """Create database `name` if missing (retrying while the server comes up); its URL."""
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(url(home, port, "postgres"), autocommit=True, connect_timeout=3) as conn:
                if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
                    conn.execute(f'CREATE DATABASE "{name}"')
            return url(home, port, name)
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def stop(home: Path | None = None) -> None:
    home = (home or default_home()).resolve()
    if (home / "data" / "PG_VERSION").exists():
        _run([bin_dir() / "pg_ctl", "stop", "-w", "-m", "fast", "-D", home / "data"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m borderdash.pgserver", description="PostgreSQL for the borderdash replicas")
    p.add_argument("action", choices=("start", "stop", "home"))
    p.add_argument("--home", type=Path, default=None, help="cluster folder (default: BORDERDASH_PG_HOME or beside the data)")
    p.add_argument("--port", type=int, default=int(os.environ.get("BORDERDASH_PG_PORT", 5433)))
    p.add_argument("--url-file", type=Path, help="start: write the database URL (with its password) to this file, mode 600")
    args = p.parse_args(argv)
    home = args.home or default_home()
    try:
        if args.action == "home":
            print(home)
        elif args.action == "stop":
            stop(home)
        else:
            found = start(home, args.port)
            if args.url_file:
                args.url_file.touch(mode=0o600)
                args.url_file.write_text(found)
            print(f"PostgreSQL: {home / 'data'} on 127.0.0.1:{args.port}", file=sys.stderr)
    except PostgresError as exc:
        print(f"borderdash: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
