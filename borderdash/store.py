"""Where workspaces are kept: one interface, two engines (SQLAlchemy Core): SQLite by default, PostgreSQL behind replicas.

- SQLite file `workspaces.sqlite3` in `BORDERDASH_DATA_DIR` (default `$XDG_DATA_HOME/borderdash`, else
  `~/.local/share/borderdash`; never inside the checkout).
- PostgreSQL when `BORDERDASH_DATABASE_URL=postgresql://user:password@host:port/db` (driver: psycopg 3).
The schema is migrated by Alembic on opening (`migrate`, under a lock so replicas starting together take turns).
Every write is one transaction; `save` counts the version up only from the version it was given, so a second save of
the same version gets `Conflict` instead of overwriting. Failures are `WorkspaceError`s saying so in both languages.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .paths import ROOT
from .workspace import SCHEMA_VERSION, Workspace, WorkspaceError, check, clean_name, content_doc, content_from_doc, copy_of, new_id
from .workspace import from_export as read_export
from .workspace import valid_id as _valid_id

SQLITE_NAME = "workspaces.sqlite3"
MIGRATIONS = Path(__file__).with_name("migrations")
PG_LOCK = 0x626F7264  # pg_advisory_xact_lock key of the migration ("bord")

metadata = sa.MetaData()
workspaces = sa.Table(
    "workspaces",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("schema", sa.Integer, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("content", sa.Text, nullable=False),
)
files = sa.Table(
    "workspace_files",
    metadata,
    sa.Column("workspace_id", sa.String(32), sa.ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)


class NotFound(WorkspaceError):
    pass


class Conflict(WorkspaceError):
    pass


def data_dir() -> Path:
    """The folder of the SQLite store: BORDERDASH_DATA_DIR, else the user's data directory; refuses the checkout."""
    explicit = os.environ.get("BORDERDASH_DATA_DIR", "").strip()
    base = Path(os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local" / "share")
    path = (Path(explicit).expanduser() if explicit else base / "borderdash").resolve()
    if path == ROOT or ROOT in path.parents:
        raise WorkspaceError(
            "data-dir-in-checkout",
            f"工作区数据目录不能位于程序目录内（{path}）；请设置 BORDERDASH_DATA_DIR",
            f"The workspace data folder must not be inside the checkout ({path}); set BORDERDASH_DATA_DIR",
        )
    return path


def database_url() -> str:
    """BORDERDASH_DATABASE_URL for SQLAlchemy (postgresql:// uses psycopg 3), else the SQLite file in data_dir()."""
    url = os.environ.get("BORDERDASH_DATABASE_URL", "").strip()
    return database_url_of(url) if url else f"sqlite:///{data_dir() / SQLITE_NAME}"


def database_url_of(url: str) -> str:
    """A database URL for SQLAlchemy: postgresql:// and postgres:// go through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def where(url: str) -> str:
    """The store's location for people: the SQLite file, or the PostgreSQL server and database without the password."""
    parsed = sa.engine.make_url(url)
    if parsed.drivername.startswith("sqlite"):
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


@dataclass(frozen=True)
class Summary:
    id: str
    name: str
    version: int
    created: dt.datetime
    updated: dt.datetime
    size: int


def _unavailable(exc: Exception, doing: tuple[str, str]) -> WorkspaceError:
    detail = type(getattr(exc, "orig", None) or exc).__name__
    return WorkspaceError(
        "store-failed",
        f"{doing[0]}失败：无法访问工作区存储（{detail}）；本会话中的内容仍在",
        f"{doing[1]} failed: the workspace store cannot be reached ({detail}); this session's copy is kept",
    )


SAVING = ("保存", "Saving")
READING = ("读取", "Reading")
DELETING = ("删除", "Deleting")


class Store:
    """Workspaces in one database; safe to share between threads and processes."""

    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self.sqlite = self.url.startswith("sqlite")
        try:
            self.engine = _engine(self.url)
            migrate(self.engine)
        except SQLAlchemyError as exc:
            raise _unavailable(exc, ("打开工作区存储", "Opening the workspace store")) from None

    def where(self) -> str:
        return where(self.url)

    @contextlib.contextmanager
    def _transaction(self, doing: tuple[str, str]):
        try:
            with self.engine.begin() as conn:
                yield conn
        except WorkspaceError:
            raise
        except SQLAlchemyError as exc:
            raise _unavailable(exc, doing) from None

    def list(self) -> list[Summary]:
        """Every workspace, last saved first (no content)."""
        cols = workspaces.c
        with self._transaction(READING) as conn:
            rows = conn.execute(
                sa.select(cols.id, cols.name, cols.version, cols.created, cols.updated, cols.size).order_by(cols.updated.desc(), cols.id)
            ).all()
        return [Summary(r.id, r.name, r.version, _utc(r.created), _utc(r.updated), r.size) for r in rows]

    def exists(self, ws_id: str) -> bool:
        with self._transaction(READING) as conn:
            return conn.execute(sa.select(workspaces.c.id).where(workspaces.c.id == ws_id)).first() is not None

    def get(self, ws_id: str) -> Workspace:
        """The saved workspace; NotFound for an unknown id, WorkspaceError('bad-id') for one that cannot be an id."""
        _check_id(ws_id)
        with self._transaction(READING) as conn:
            row = conn.execute(sa.select(workspaces).where(workspaces.c.id == ws_id)).first()
            if row is None:
                raise _not_found(ws_id)
            stored = dict(conn.execute(sa.select(files.c.sha256, files.c.data).where(files.c.workspace_id == ws_id)).all())
        content = content_from_doc(json.loads(row.content), {sha: bytes(data) for sha, data in stored.items()})
        return Workspace(row.id, row.name, content, row.version, _utc(row.created), _utc(row.updated), row.schema)

    def save(self, ws: Workspace) -> Workspace:
        """Save a new workspace (version 0) or a new version of a saved one; Conflict when it was saved meanwhile."""
        _check_id(ws.id)
        name, content = clean_name(ws.name), check(ws.content)
        doc, wanted, size = json.dumps(content_doc(content), ensure_ascii=False), content.files(), content.size()
        now = dt.datetime.now(dt.UTC)
        created = ws.created or now
        values = {"name": name, "version": ws.version + 1, "schema": SCHEMA_VERSION, "updated": now, "size": size, "content": doc}
        with self._transaction(SAVING) as conn:
            if ws.version == 0:
                try:
                    conn.execute(sa.insert(workspaces).values(id=ws.id, created=created, **values))
                except IntegrityError:
                    raise _conflict(None) from None
                existing = set()
            else:
                done = conn.execute(
                    sa.update(workspaces).where(workspaces.c.id == ws.id, workspaces.c.version == ws.version).values(**values)
                )
                if done.rowcount != 1:
                    current = conn.execute(sa.select(workspaces.c.version).where(workspaces.c.id == ws.id)).scalar()
                    raise _not_found(ws.id) if current is None else _conflict(current)
                created = _utc(conn.execute(sa.select(workspaces.c.created).where(workspaces.c.id == ws.id)).scalar())
                existing = set(conn.execute(sa.select(files.c.sha256).where(files.c.workspace_id == ws.id)).scalars())
            gone = existing - wanted.keys()
            if gone:
                conn.execute(sa.delete(files).where(files.c.workspace_id == ws.id, files.c.sha256.in_(gone)))
            added = [
                {"workspace_id": ws.id, "sha256": sha, "size": len(data), "data": data}
                for sha, data in wanted.items()
                if sha not in existing
            ]
            if added:
                conn.execute(sa.insert(files), added)
        return replace(ws, name=name, content=content, version=ws.version + 1, created=created, updated=now, schema=SCHEMA_VERSION)

    def rename(self, ws_id: str, name: str, version: int) -> Workspace:
        """A new name for the saved version `version`; Conflict when it was saved meanwhile."""
        current = self.get(ws_id)
        if current.version != version:
            raise _conflict(current.version)
        return self.save(replace(current, name=name))

    def duplicate(self, ws_id: str, name: str) -> Workspace:
        """A copy of a saved workspace under a new id and name, saved."""
        return self.save(copy_of(self.get(ws_id), name))

    def delete(self, ws_id: str, version: int | None = None) -> None:
        """Delete a workspace and its files; with `version`, only if nobody saved it since."""
        _check_id(ws_id)
        with self._transaction(DELETING) as conn:
            cond = [workspaces.c.id == ws_id] + ([workspaces.c.version == version] if version is not None else [])
            current = conn.execute(sa.select(workspaces.c.version).where(workspaces.c.id == ws_id)).scalar()
            if current is None:
                raise _not_found(ws_id)
            conn.execute(sa.delete(files).where(files.c.workspace_id == ws_id))
            if conn.execute(sa.delete(workspaces).where(*cond)).rowcount != 1:
                raise _conflict(current)

    def import_export(self, data: bytes) -> tuple[Workspace, bool]:
        """Save an export file's workspace here: under its own id when free (links keep working), else a new one (True)."""
        ws = read_export(data)
        renamed = self.exists(ws.id)
        if renamed:
            ws = replace(ws, id=new_id())
        return self.save(ws), renamed


def _check_id(ws_id) -> None:
    if not _valid_id(ws_id):
        raise WorkspaceError(
            "bad-id",
            "工作区编号格式有误（应为 22 个字母、数字、- 或 _）",
            "This is not a workspace id (22 letters, digits, - or _)",
        )


def _not_found(ws_id: str) -> NotFound:
    return NotFound("not-found", f"找不到工作区 {ws_id}（可能已被删除）", f"No workspace {ws_id} (it may have been deleted)")


def _conflict(current: int | None) -> Conflict:
    if current is None:
        return Conflict("conflict", "此工作区已保存过；请重新打开后再保存", "This workspace was already saved; reopen it, then save")
    return Conflict(
        "conflict",
        f"此工作区已被他人保存（现为第 {current} 版），您的修改未保存，仍在本会话中；请另存为副本，或重新打开最新版本",
        f"Someone saved this workspace meanwhile (now version {current}); your changes are not saved but kept in this session: "
        "save a copy, or reopen the latest version",
    )


def _utc(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC) if t.tzinfo is None else t.astimezone(dt.UTC)


def _engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        # A server that does not answer is said within seconds (libpq would wait indefinitely), on every page run that asks.
        return sa.create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4, connect_args={"connect_timeout": 5})
    path = sa.engine.make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy's BEGIN below, so reads of one transaction see one snapshot
        cursor = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to this release's head with Alembic; one process at a time (advisory lock, or a lock file)."""
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _migration_lock(engine), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            raise WorkspaceError(
                "newer-store",
                f"工作区存储的结构来自较新版本的 borderdash，请升级（{exc}）",
                f"The workspace store was migrated by a newer borderdash; upgrade this one ({exc})",
            ) from None


@contextlib.contextmanager
def _migration_lock(engine: sa.Engine):
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:":
        yield
        return
    with open(f"{path}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
