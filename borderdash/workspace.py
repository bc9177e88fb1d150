"""A workspace: what a planner made (filter, uploaded tables, thematic, briefing and screening settings), named and versioned.

Pure: no database and no Streamlit here. `store.py` keeps workspaces; `ui_workspace.py` moves them in and out of a
session; `to_export` / `from_export` make the one self-describing file an office backs up or hands over.

Sections of `Content` (every value JSON-able; files are `File`s, stored as bytes with their sha256):
- `filter`: the filter as `Filter.to_query()` gives it ({'border': '1', 'province': '广西,云南', …}).
- `tables`: uploaded tables, each the original file's bytes, the key asked for (auto/adcode/name), the key column found,
  the detected encoding, accepted corrections {file row number: adcode} and a summary of the match report. The report
  itself is derived again from the bytes (`restore_table`), so the workspace restores exactly what the planner saw.
- `thematic`: the thematic widgets' values: indicator, method, k, breaks (the text typed), scheme.
- `briefing`: template (overview/place/corridor/measure), the place/corridor/measure id, extras, title, subtitle,
  approval_no (审图号), size, map_lang.
- `screening`: generic, for the screening page to fill and read back:
  `Screening(text=…, input=File|None, settings={…}, results=File|None)`: the typed "lon, lat" text or the input file
  (an upload, or what was drawn on the map as drawn.geojson), the page's settings (today mode, gcj02, buffer_km: any
  JSON object), and the results file (the page's CSV). The page owns the meaning of `settings`; this module checks only
  that it is a JSON object within the size cap (ui_workspace moves it in and out of the page's widgets).

Export: a zip with `manifest.json` (format tag, schema version, the workspace's fields and content, each file's
sha256 and size) and the files under `files/<sha256>`. `from_export` refuses what is not such a file, what is too
large and what comes from a newer schema, each with a reason in Chinese and English (`WorkspaceError`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import secrets
import string
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace

from .upload import MAX_BYTES as MAX_FILE_BYTES

SCHEMA_VERSION = 1
FORMAT = "borderdash-workspace"
MANIFEST = "manifest.json"
MAX_WORKSPACE_BYTES = 20 * 1024 * 1024
MAX_TABLES = 4
MAX_JSON_BYTES = 1024 * 1024
MAX_NAME = 80
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{22}")
KEYS = ("auto", "adcode", "name")
BRIEFING_TEXT = {"title": 120, "subtitle": 200, "approval_no": 60}
BRIEFING_IDS = ("template", "place", "corridor", "measure", "size", "map_lang")


class WorkspaceError(ValueError):
    """A workspace refused or not found, with the reason in Chinese and English."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(f"{zh} · {en}")
        self.code, self.zh, self.en = code, zh, en

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def new_id() -> str:
    """A random, URL-safe workspace id of 22 characters (about 132 bits): the first a letter or digit, so no command line
    reads it as an option, the other 21 from the URL-safe base64 alphabet."""
    first = string.ascii_letters + string.digits
    return secrets.choice(first) + "".join(secrets.choice(first + "-_") for _ in range(21))


def valid_id(text) -> bool:
    return isinstance(text, str) and ID_PATTERN.fullmatch(text) is not None


def clean_name(text) -> str:
    """A workspace name on one line, control characters removed, at most MAX_NAME characters; refuses an empty one."""
    kept = (" " if unicodedata.category(ch) == "Cc" else ch for ch in str(text or "") if unicodedata.category(ch) not in ("Cf", "Cs", "Co"))
    name = " ".join("".join(kept).split())
    if not name:
        raise WorkspaceError("no-name", "请为工作区命名", "Give the workspace a name")
    return name[:MAX_NAME]


@dataclass(frozen=True)
class File:
    """A file kept as its bytes, known by its sha256."""

    name: str
    data: bytes = field(repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Table:
    """An uploaded table: the original file and what is needed to match it again exactly as the planner saw it."""

    file: File
    key: str = "auto"
    key_column: str | None = None
    encoding: str = ""
    corrections: dict[int, str] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Screening:
    """The screening page's inputs and results (see the module docstring)."""

    text: str = ""
    input: File | None = None
    settings: dict = field(default_factory=dict)
    results: File | None = None


@dataclass(frozen=True)
class Content:
    filter: dict = field(default_factory=dict)
    tables: tuple[Table, ...] = ()
    thematic: dict = field(default_factory=dict)
    briefing: dict = field(default_factory=dict)
    screening: Screening = field(default_factory=Screening)

    def files(self) -> dict[str, bytes]:
        """Every file of the content by sha256."""
        found = [t.file for t in self.tables] + [f for f in (self.screening.input, self.screening.results) if f is not None]
        return {f.sha256: f.data for f in found}

    def size(self) -> int:
        """Bytes counted against the cap: the files plus the content's JSON."""
        return sum(len(b) for b in self.files().values()) + len(json.dumps(content_doc(self), ensure_ascii=False).encode())


@dataclass(frozen=True)
class Workspace:
    id: str
    name: str
    content: Content = field(default_factory=Content)
    version: int = 0  # 0: never saved; the store counts up on each save
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    schema: int = SCHEMA_VERSION


def new(name: str, content: Content | None = None) -> Workspace:
    """A workspace not saved yet, with a fresh id."""
    return Workspace(new_id(), clean_name(name), check(content or Content()))


def copy_of(ws: Workspace, name: str) -> Workspace:
    """The same content under a new id and name, not saved yet."""
    return Workspace(new_id(), clean_name(name), ws.content)


# --- checks -------------------------------------------------------------------------------------


def check(content: Content) -> Content:
    """The content if within limits; refuses too many tables, a too-large file or a workspace over the cap."""
    if len(content.tables) > MAX_TABLES:
        raise WorkspaceError("too-many-tables", f"一个工作区最多 {MAX_TABLES} 个上传表", f"A workspace holds at most {MAX_TABLES} tables")
    for f in [t.file for t in content.tables] + [f for f in (content.screening.input, content.screening.results) if f]:
        if f.size > MAX_FILE_BYTES:
            raise WorkspaceError(
                "file-too-large",
                f"文件“{f.name}”过大（{_mb(f.size)}），单个文件上限 {_mb(MAX_FILE_BYTES)}",
                f"The file {f.name!r} is too large ({_mb(f.size)}); the limit per file is {_mb(MAX_FILE_BYTES)}",
            )
    for name, section in (("settings", content.screening.settings), ("thematic", content.thematic), ("briefing", content.briefing)):
        if len(json.dumps(section, ensure_ascii=False).encode()) > MAX_JSON_BYTES:
            raise WorkspaceError("too-large", f"“{name}”部分过大", f"The {name} section is too large")
    size = content.size()
    if size > MAX_WORKSPACE_BYTES:
        raise WorkspaceError(
            "too-large",
            f"工作区过大（{_mb(size)}），上限 {_mb(MAX_WORKSPACE_BYTES)}；请移除一些上传的文件",
            f"The workspace is too large ({_mb(size)}); the limit is {_mb(MAX_WORKSPACE_BYTES)}; remove some uploaded files",
        )
    return content


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


# --- (de)serialisation ---------------------------------------------------------------------------


def content_doc(content: Content) -> dict:
    """The content as JSON-able data; files appear by sha256 and name (their bytes travel beside it)."""
    s = content.screening
    return {
        "filter": dict(content.filter),
        "tables": [
            {
                "file": t.file.sha256,
                "name": t.file.name,
                "key": t.key,
                "key_column": t.key_column,
                "encoding": t.encoding,
                "corrections": {str(row): code for row, code in sorted(t.corrections.items())},
                "summary": t.summary,
            }
            for t in content.tables
        ],
        "thematic": dict(content.thematic),
        "briefing": dict(content.briefing),
        "screening": {
            "text": s.text,
            "input": _file_ref(s.input),
            "settings": s.settings,
            "results": _file_ref(s.results),
        },
    }


def _file_ref(f: File | None) -> dict | None:
    return None if f is None else {"file": f.sha256, "name": f.name}


def content_from_doc(doc, files: dict[str, bytes]) -> Content:
    """Content from its JSON data and the files it names; refuses anything malformed (a damaged or foreign file)."""
    try:
        return check(_content(doc, files))
    except WorkspaceError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _malformed(f"{type(exc).__name__}: {exc}") from None


def _content(doc: dict, files: dict[str, bytes]) -> Content:
    _need(isinstance(doc, dict), "content is not an object")
    flt = doc.get("filter") or {}
    _need(isinstance(flt, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in flt.items()), "filter")
    tables = []
    for t in doc.get("tables") or []:
        _need(t.get("key", "auto") in KEYS, "table key")
        corrections = {int(row): str(code) for row, code in (t.get("corrections") or {}).items()}
        _need(all(re.fullmatch(r"\d{6}", c) for c in corrections.values()), "corrections")
        key_column = t.get("key_column")
        _need(key_column is None or isinstance(key_column, str), "key column")
        summary = t.get("summary") or {}
        _need(isinstance(summary, dict), "summary")
        tables.append(Table(_file(t, files), t.get("key", "auto"), key_column, str(t.get("encoding") or ""), corrections, summary))
    thematic, briefing = doc.get("thematic") or {}, doc.get("briefing") or {}
    _need(isinstance(thematic, dict) and isinstance(briefing, dict), "thematic or briefing")
    s = doc.get("screening") or {}
    settings = s.get("settings") or {}
    _need(isinstance(settings, dict) and isinstance(s.get("text", ""), str), "screening")
    screening = Screening(
        s.get("text", ""),
        _file(s["input"], files) if s.get("input") else None,
        settings,
        _file(s["results"], files) if s.get("results") else None,
    )
    return Content(flt, tuple(tables), thematic, clean_briefing(briefing), screening)


def clean_briefing(briefing: dict) -> dict:
    """Briefing settings with known keys only, texts clipped to the page's limits."""
    out = {}
    for key in BRIEFING_IDS:
        if isinstance(briefing.get(key), str):
            out[key] = briefing[key][:200]
    for key, limit in BRIEFING_TEXT.items():
        if isinstance(briefing.get(key), str):
            out[key] = briefing[key][:limit]
    if isinstance(briefing.get("extras"), list):
        out["extras"] = [e for e in briefing["extras"] if isinstance(e, str)][:10]
    return out


def _file(ref: dict, files: dict[str, bytes]) -> File:
    sha = ref["file"]
    _need(isinstance(sha, str) and sha in files, f"file {str(sha)[:12]} missing")
    f = File(str(ref.get("name") or "file"), files[sha])
    _need(f.sha256 == sha, f"file {sha[:12]} does not match its sha256")
    return f


def _need(ok: bool, what: str) -> None:
    if not ok:
        raise _malformed(what)


def _malformed(what: str) -> WorkspaceError:
    return WorkspaceError("malformed", f"工作区内容已损坏（{what}）", f"The workspace content is damaged ({what})")


def _iso(t: dt.datetime | None) -> str | None:
    return t.isoformat() if t else None


def _time(text) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if isinstance(text, str) and text else None


def to_export(ws: Workspace) -> bytes:
    """The workspace as one zip: manifest.json and its files; what `from_export` reads on any installation."""
    files = ws.content.files()
    manifest = {
        "format": FORMAT,
        "schema": SCHEMA_VERSION,
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "workspace": {"id": ws.id, "name": ws.name, "version": ws.version, "created": _iso(ws.created), "updated": _iso(ws.updated)},
        "content": content_doc(ws.content),
        "files": [{"sha256": sha, "size": len(data), "path": f"files/{sha}"} for sha, data in sorted(files.items())],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        for sha, data in sorted(files.items()):
            z.writestr(f"files/{sha}", data)
    return out.getvalue()


MAX_EXPORT_BYTES = MAX_WORKSPACE_BYTES + MAX_JSON_BYTES


def from_export(data: bytes) -> Workspace:
    """A workspace from an export file, as it was exported (id, name, times, content); version 0, to be saved."""
    if len(data) > MAX_EXPORT_BYTES:
        raise WorkspaceError(
            "too-large",
            f"文件过大（{_mb(len(data))}），工作区上限 {_mb(MAX_WORKSPACE_BYTES)}",
            f"The file is too large ({_mb(len(data))}); a workspace is at most {_mb(MAX_WORKSPACE_BYTES)}",
        )
    not_export = WorkspaceError(
        "not-a-workspace",
        "这不是 borderdash 工作区导出文件（应为含 manifest.json 的 .zip）",
        "This is not a borderdash workspace export (a .zip with manifest.json)",
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = {i.filename: i for i in archive.infolist()}
    except (zipfile.BadZipFile, ValueError):
        raise not_export from None
    if MANIFEST not in infos:
        raise not_export
    unpacked = sum(i.file_size for i in infos.values())
    if unpacked > MAX_EXPORT_BYTES:
        raise WorkspaceError(
            "too-large",
            f"文件解压后过大（{_mb(unpacked)}），工作区上限 {_mb(MAX_WORKSPACE_BYTES)}",
            f"The file unpacks to {_mb(unpacked)}; a workspace is at most {_mb(MAX_WORKSPACE_BYTES)}",
        )
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile):
        raise not_export from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_export
    schema = manifest.get("schema")
    if not isinstance(schema, int) or schema < 1:
        raise _malformed("schema version")
    if schema > SCHEMA_VERSION:
        raise WorkspaceError(
            "newer-schema",
            f"此文件来自较新版本的 borderdash（工作区格式 {schema}，本机支持到 {SCHEMA_VERSION}）；请先升级 borderdash",
            f"This file comes from a newer borderdash (workspace schema {schema}; this one reads up to {SCHEMA_VERSION}); upgrade first",
        )
    try:
        files = {}
        for entry in manifest.get("files") or []:
            path = f"files/{entry['sha256']}"
            _need(path in infos, f"{path} missing")
            files[entry["sha256"]] = archive.read(path)
        meta = manifest["workspace"]
        ws_id = meta["id"]
        _need(valid_id(ws_id), "id")
        return Workspace(
            ws_id,
            clean_name(meta["name"]),
            content_from_doc(manifest["content"], files),
            0,
            _time(meta.get("created")),
            _time(meta.get("updated")),
            schema,
        )
    except WorkspaceError:
        raise
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
        raise _malformed(f"{type(exc).__name__}: {exc}") from None


# --- tables -------------------------------------------------------------------------------------


def table_from_report(data: bytes, filename: str, key: str, report, corrections: dict[int, str] | None = None) -> Table:
    """The stored form of an uploaded table and its match report (see upload.MatchReport)."""
    return Table(File(filename, data), key, report.key_column, _encoding(report), dict(corrections or {}), summary(report))


def summary(report) -> dict:
    """What the match report said, in numbers: kept to check that restoring gives the same."""
    return {
        "rows": int(report.rows),
        "matched": len(report.matched),
        "unmatched": len(report.unmatched),
        "duplicates": len(report.duplicates),
        "key": report.key,
        "value_columns": [str(c) for c in report.values.columns],
    }


def _encoding(report) -> str:
    for note in report.notes:
        en = getattr(note, "en", str(note))
        if en.startswith("Encoding: "):
            return en.removeprefix("Encoding: ")
        if en.startswith("Format: .xlsx"):
            return "xlsx"
    return ""


def restore_table(table: Table, counties):
    """The match report of a stored table, derived again from its bytes with the same key column and corrections,
    and whether it says what it said when saved (False when the county data changed since)."""
    from . import upload

    kind = table.summary.get("key", table.key) if table.key_column else table.key
    report = upload.load(table.file.data, table.file.name, counties, kind, table.key_column, table.corrections)
    return report, (summary(report) == table.summary) if table.summary else True


def with_content(ws: Workspace, **sections) -> Workspace:
    """The workspace with some content sections replaced (and checked against the limits)."""
    return replace(ws, content=check(replace(ws.content, **sections)))
