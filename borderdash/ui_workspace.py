"""Streamlit glue for workspaces: the sidebar panel (save, save a copy, rename, duplicate, delete, open), `?ws=` links,
and moving a workspace's sections in and out of this session's state.

A workspace opened from a link is read-only for whoever opened it until they save a copy. What the session holds:
- `filter_query` (ui.current_filter), the uploaded table (ui_indicators.UPLOADED), the thematic widgets' values
  (`thematic_saved`), the briefing settings the briefing page keeps (`keep_briefing`), and the screening page's
  widgets (`screening_*` keys) with its input: the typed text, the uploaded file, or what was drawn on its map (saved as
  drawn.geojson); the results go along as the CSV the page downloads. An opened workspace's input file is read by the
  page while no other file is uploaded (`screening_input`).
"""

from __future__ import annotations

import streamlit as st

from . import layers, safe, ui_indicators, workspace
from .filters import Filter
from .i18n import LANGUAGES
from .ui import language, text, tr
from .workspace import Screening, WorkspaceError

OPEN = "workspace_open"  # {'id', 'name', 'version', 'updated', 'read_only'}
LINK_SEEN = "workspace_link_seen"
LINK_ERROR = "workspace_link_error"
MESSAGE = "workspace_message"
BRIEFING = "workspace_briefing"  # the briefing settings the session keeps (saved with the workspace)
BRIEFING_OPENED = "workspace_briefing_opened"  # the opened workspace's briefing settings: the briefing page's defaults
SCREENING = "workspace_screening"
THEMATIC = {"indicator": "thematic_indicator", "method": "thematic_method", "breaks": "thematic_breaks", "k": "thematic_k"}
THEMATIC["scheme"] = "thematic_scheme"


@st.cache_resource(show_spinner=False)
def _store(url: str):
    from .store import Store

    return Store(url)


def store():
    """The process's store, or None (the reason shown in the panel) when it cannot be opened."""
    from .store import database_url

    try:
        return _store(database_url())
    except WorkspaceError as exc:
        st.session_state[MESSAGE] = ("error", tr("workspace.unavailable", reason=_said(exc)))
        return None


# --- session <-> workspace -------------------------------------------------------------------------


def current_content() -> workspace.Content:
    """What this session holds, as workspace content."""
    tables = ()
    up = ui_indicators.uploaded()
    if up and up.get("data"):
        tables = (workspace.table_from_report(up["data"], up["name"], up.get("key", "auto"), up["report"], up.get("corrections")),)
    saved = st.session_state.get("thematic_saved", {})
    thematic = {name: saved[widget] for name, widget in THEMATIC.items() if widget in saved}
    return workspace.Content(
        dict(st.session_state.get("filter_query", {})),
        tables,
        thematic,
        workspace.clean_briefing(st.session_state.get(BRIEFING, {})),
        _screening_now(),
    )


SCREENING_WIDGETS = {"mode": "screening_mode", "gcj02": "screening_gcj02", "buffer_km": "screening_buffer"}


def _screening_now() -> Screening:
    """The screening page's inputs as a workspace section; what was opened when the page was not used in this session."""
    import json

    from . import ui_screening

    state = st.session_state
    if "screening_mode" not in state:
        return state.get(SCREENING) or Screening()
    settings = {name: state[key] for name, key in SCREENING_WIDGETS.items() if key in state}
    mode, text_in, stored = settings.get("mode"), "", None
    if mode == "text":
        text_in = str(state.get("screening_text") or "")
    elif mode == "file":
        file = state.get("screening_file")
        stored = workspace.File(file.name, file.getvalue()) if file is not None else screening_input()
    elif mode == "map":
        drawn = [d for d in ((state.get(f"screening-map-{language()}") or {}).get("all_drawings") or []) if isinstance(d, dict)]
        if drawn:
            collection = {"type": "FeatureCollection", "features": drawn}
            stored = workspace.File("drawn.geojson", json.dumps(collection, ensure_ascii=False).encode("utf-8"))
    results = None
    kept = state.get(ui_screening.RESULT)
    if kept and (stored is not None or text_in.strip()):
        results = workspace.File("screening.csv", ui_screening.file_bytes(kept["result"], "csv"))
    return Screening(text_in, stored, settings, results)


def restore(ws: workspace.Workspace) -> list[str]:
    """Put a workspace's sections into this session's state; messages for what did not come back as saved."""
    notes = []
    content = ws.content
    st.session_state.filter_query = Filter.from_query(content.filter).to_query()
    st.session_state.pop(ui_indicators.UPLOADED, None)
    for table in content.tables[:1]:  # the pages show one uploaded table
        try:
            report, same = workspace.restore_table(table, layers.counties())
        except ValueError as exc:
            notes.append(tr("workspace.table_failed", name=text(table.file.name), reason=text(exc)))
            continue
        if not same:
            notes.append(tr("workspace.report_changed", name=text(table.file.name)))
        st.session_state[ui_indicators.UPLOADED] = {
            "name": table.file.name,
            "values": report.values,
            "report": report,
            "token": ("workspace", table.file.sha256, table.key),
            "data": table.file.data,
            "key": table.key,
            "corrections": dict(table.corrections),
        }
        for lang in LANGUAGES:
            st.session_state[f"upload_key_{lang}"] = table.key
    st.session_state["thematic_saved"] = {widget: content.thematic[name] for name, widget in THEMATIC.items() if name in content.thematic}
    for widget in THEMATIC.values():
        for lang in LANGUAGES:
            st.session_state.pop(f"{widget}_{lang}", None)
    st.session_state[BRIEFING] = dict(content.briefing)
    st.session_state[BRIEFING_OPENED] = dict(content.briefing)
    _restore_screening(content.screening)
    return notes


def _restore_screening(section: Screening) -> None:
    from . import ui_screening

    state = st.session_state
    state[SCREENING] = section
    for key in (ui_screening.RESULT, ui_screening.READ, "screening_file"):
        state.pop(key, None)
    settings = dict(section.settings)
    if section.input is not None:
        settings["mode"] = "file"  # a drawing comes back as the file it was saved as
    if settings.get("mode") in ui_screening.MODES:
        state["screening_mode"] = settings["mode"]
    if isinstance(settings.get("gcj02"), bool):
        state["screening_gcj02"] = settings["gcj02"]
    if isinstance(settings.get("buffer_km"), int | float) and 1 <= settings["buffer_km"] <= 200:
        state["screening_buffer"] = float(settings["buffer_km"])
    state["screening_text"] = section.text


def _opened(ws: workspace.Workspace, read_only: bool) -> None:
    """Mark the workspace as this session's, and put its link in the URL (seen, so this session does not reopen it)."""
    st.session_state.pop(LINK_ERROR, None)
    st.session_state[LINK_SEEN] = ws.id
    if st.query_params.get("ws") != ws.id:
        st.query_params["ws"] = ws.id
    st.session_state[OPEN] = {"id": ws.id, "name": ws.name, "version": ws.version, "updated": ws.updated, "read_only": read_only}


def open_workspace(ws_id: str, read_only: bool) -> bool:
    """Open a saved workspace into this session; False (and a message) when it cannot be read."""
    db = store()
    if db is None:
        return False
    try:
        ws = db.get(ws_id)
    except WorkspaceError as exc:
        st.session_state[MESSAGE] = ("error", _said(exc))
        return False
    notes = restore(ws)
    _opened(ws, read_only)
    st.session_state[MESSAGE] = ("warning" if notes else "success", " ".join([tr("workspace.opened", name=text(ws.name)), *notes]))
    return True


def follow_link() -> None:
    """Open the workspace a `?ws=` link names, once per session and link, read-only; a clear message when it cannot."""
    value = safe.url_value(st.query_params.get("ws", ""))
    if not value or st.session_state.get(LINK_SEEN) == value:
        return
    st.session_state[LINK_SEEN] = value
    st.session_state.pop(LINK_ERROR, None)
    if not workspace.valid_id(value):
        st.session_state[LINK_ERROR] = tr("workspace.link_malformed", value=text(value, 40))
        return
    db = store()
    if db is None:
        return
    if not db.exists(value):
        st.session_state[LINK_ERROR] = tr("workspace.link_missing", value=text(value, 40))
        return
    open_workspace(value, read_only=True)


# --- page hooks -----------------------------------------------------------------------------------


def briefing_defaults(kind: str | None = None, focus: dict | None = None) -> dict:
    """The opened workspace's briefing settings (template, place/corridor/measure, extras, title, subtitle, approval_no,
    size, map_lang), for the briefing page's widget defaults; {} when none was opened. Given the page's template and
    focus, its extras, title and subtitle only when they are those of the saved map."""
    saved = st.session_state.get(BRIEFING_OPENED, {})
    if kind is None:
        return saved
    same = saved.get("template", "overview") == kind and all(saved.get(k) == v for k, v in (focus or {}).items())
    return saved if same else {k: v for k, v in saved.items() if k not in ("extras", "title", "subtitle")}


def keep_briefing(**settings) -> None:
    """The briefing page's current settings, kept for the next save."""
    st.session_state[BRIEFING] = workspace.clean_briefing(settings)


def screening_input() -> workspace.File | None:
    """The input file of the screening section an opened workspace brought, if any (the page reads it while no file is uploaded)."""
    section = st.session_state.get(SCREENING)
    return section.input if section is not None else None


# --- the panel ------------------------------------------------------------------------------------


def sidebar() -> None:
    """The workspace panel in the sidebar; call once per run, before the page (app.py)."""
    follow_link()
    if st.session_state.get(LINK_ERROR):
        st.error(st.session_state[LINK_ERROR])
    current = st.session_state.get(OPEN)
    with st.sidebar.expander(tr("workspace.heading"), expanded=current is not None or MESSAGE in st.session_state):
        db = store()
        if db is not None:
            if current is None:
                st.caption(tr("workspace.none_open"))
            else:
                _current_panel(db, current)
            _save_new(db, current)
            _open_from_list(db, current)
        message = st.session_state.pop(MESSAGE, None)
        if message:
            getattr(st, message[0])(message[1])


def _current_panel(db, current: dict) -> None:
    st.markdown(tr("workspace.open_one", name=f"**{text(current['name'])}**"))
    if current.get("updated"):
        st.caption(tr("workspace.version", version=current["version"], updated=f"{current['updated']:%Y-%m-%d %H:%M}"))
    st.caption(tr("workspace.link"))
    st.code(f"/?ws={current['id']}", language=None)
    if current["read_only"]:
        st.info(tr("workspace.read_only"))
        return
    if st.button(tr("workspace.save"), key="ws_save", type="primary"):
        _save(db, workspace.Workspace(current["id"], current["name"], current_content(), current["version"]))
    name = st.text_input(tr("workspace.name"), value=current["name"], key=f"ws_rename_{current['id']}", max_chars=workspace.MAX_NAME)
    c1, c2 = st.columns(2)
    if c1.button(tr("workspace.rename"), key="ws_rename"):
        _act(lambda: db.rename(current["id"], name, current["version"]), "workspace.renamed", reopen=True)
    if c2.button(tr("workspace.duplicate"), key="ws_duplicate"):
        _act(lambda: db.duplicate(current["id"], tr("workspace.copy_of", name=current["name"])), "workspace.duplicated")
    sure = st.checkbox(tr("workspace.delete_confirm"), key=f"ws_delete_sure_{current['id']}")
    if st.button(tr("workspace.delete"), key="ws_delete", disabled=not sure):
        try:
            db.delete(current["id"], current["version"])
        except WorkspaceError as exc:
            st.session_state[MESSAGE] = ("error", _said(exc))
            return
        st.session_state.pop(OPEN, None)
        if "ws" in st.query_params:
            del st.query_params["ws"]
        st.session_state[MESSAGE] = ("success", tr("workspace.deleted", name=text(current["name"])))
        st.rerun()


def _save(db, ws: workspace.Workspace) -> None:
    """Save and open what was saved; on a conflict or a failure say so and keep the session's copy as it is."""
    try:
        saved = db.save(ws)
    except WorkspaceError as exc:
        st.session_state[MESSAGE] = ("error", _said(exc))
        return
    _opened(saved, read_only=False)
    st.session_state[MESSAGE] = ("success", tr("workspace.saved", name=text(saved.name), version=saved.version))
    st.rerun()


def _act(action, done_key: str, reopen: bool = False) -> None:
    try:
        ws = action()
    except WorkspaceError as exc:
        st.session_state[MESSAGE] = ("error", _said(exc))
        return
    if reopen:
        _opened(ws, read_only=False)
    st.session_state[MESSAGE] = ("success", tr(done_key, name=text(ws.name)))
    st.rerun()


def _save_new(db, current: dict | None) -> None:
    read_only = bool(current and current["read_only"])
    default = tr("workspace.copy_of", name=current["name"]) if current else ""
    name = st.text_input(
        tr("workspace.new_name"), value=default, key=f"ws_new_name_{(current or {}).get('id')}", max_chars=workspace.MAX_NAME
    )
    label = tr("workspace.save_copy") if read_only else tr("workspace.save_new")
    if st.button(label, key="ws_save_new", type="primary" if read_only or not current else "secondary"):
        try:
            ws = workspace.new(name, current_content())
        except WorkspaceError as exc:
            st.session_state[MESSAGE] = ("error", _said(exc))
            return
        _save(db, ws)


def _open_from_list(db, current: dict | None) -> None:
    try:
        saved = db.list()
    except WorkspaceError as exc:
        st.error(_said(exc))
        return
    st.divider()
    if not saved:
        st.caption(tr("workspace.none_saved"))
        return
    labels = {w.id: f"{safe.clip(w.name, 60)} · {w.updated:%Y-%m-%d %H:%M}" for w in saved}
    chosen = st.selectbox(tr("workspace.list"), list(labels), format_func=labels.get, key="ws_pick")
    if st.button(tr("workspace.open"), key="ws_open") and chosen and open_workspace(chosen, read_only=False):
        st.rerun()


def _said(exc: WorkspaceError) -> str:
    """A refusal in the session's language, shown literally (it may quote a file name or a workspace name)."""
    return text(exc.pick(language()), None)
