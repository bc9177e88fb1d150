"""Streamlit widgets for thematic maps and the planner's own data (upload, match report, indicator picker).

Uploaded bytes stay in this session's state (kept there so a workspace can save them); nothing is cached across
sessions, and nothing is written to disk unless the planner saves a workspace (ui_workspace).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from . import i18n, indicators, layers, upload
from .indicators import METHODS, SCHEMES, Thematic
from .ui import language, tr

UPLOADED = "uploaded_indicators"


def builtin_values() -> pd.DataFrame:
    """Every built-in indicator for every county, computed once per server and shared with the print maps (do not mutate)."""
    return indicators.county_values()


def uploaded() -> dict | None:
    """This session's uploaded table: {'name', 'values', 'report', 'data' (the file's bytes), 'key', 'corrections'} or None."""
    return st.session_state.get(UPLOADED)


def uploaded_values() -> pd.DataFrame | None:
    up = uploaded()
    return up["values"] if up else None


def upload_panel(report_area=None) -> None:
    """A sidebar button that opens the upload dialog (the limits, the key, the file widget), and a remove button once a table
    is loaded; the match report goes to `report_area` (a container on the page, always there so the map below keeps its place).

    The file widget lives in the dialog, so a page shows (and the browser loads) no uploader until a planner asks for one.
    """
    report_area = report_area or st.container()
    current = uploaded()
    with st.sidebar:
        st.subheader(tr("upload.heading"))
        if current is not None:
            st.caption(tr("upload.loaded", name=current["name"]))
        if st.button(tr("upload.open") if current is None else tr("upload.replace"), key="upload_open"):
            _upload_dialog()
        if current is not None and st.button(tr("upload.remove"), key="upload_remove"):
            st.session_state.pop(UPLOADED, None)
            st.rerun()
    if current is not None:
        with report_area:
            match_report(current["report"], current["name"])


@st.dialog(" ", width="large")
def _upload_dialog() -> None:
    st.subheader(tr("upload.heading"))
    st.caption(upload.LIMITS_EN if language() == "en" else upload.LIMITS_ZH)
    key = st.radio(
        tr("upload.key"),
        ["auto", "adcode", "name"],
        format_func={k: tr(f"upload.key.{k}") for k in ("auto", "adcode", "name")}.get,
        horizontal=True,
        key=_key("upload_key"),
    )
    file = st.file_uploader(tr("upload.file"), type=["csv", "txt", "tsv", "xlsx", "xls"], key="upload_file")
    if file is None:
        return
    try:
        report = upload.load(file.getvalue(), file.name, layers.counties(), key)
    except upload.UploadError as exc:
        st.error(exc.en if language() == "en" else exc.zh)
        return
    st.session_state[UPLOADED] = {
        "name": file.name,
        "values": report.values,
        "report": report,
        "token": (file.file_id, key),
        "data": file.getvalue(),
        "key": key,
        "corrections": {},
    }
    st.rerun()


def match_report(report: upload.MatchReport, name: str) -> None:
    """The match report, shown before and beside the map: matched, unmatched with candidates, duplicates, bad cells."""
    lang = language()
    title = tr("upload.report", matched=len(report.matched), rows=report.rows)
    with st.expander(title, expanded=bool(len(report.unmatched) or len(report.duplicates))):
        st.text(f"{name}\n" + "\n".join(upload.pick(n, lang) for n in report.notes))
        c1, c2, c3 = st.columns(3)
        c1.metric(tr("upload.matched"), len(report.matched))
        c2.metric(tr("upload.unmatched"), len(report.unmatched))
        c3.metric(tr("upload.duplicated"), len(report.duplicates))
        if len(report.unmatched):
            st.write(tr("upload.unmatched_rows"))
            unmatched = report.unmatched.assign(reason=report.unmatched.reason.map(lambda r: upload.pick(r, lang)))
            st.dataframe(_headed(unmatched), hide_index=True, width="stretch")
        if len(report.duplicates):
            st.write(tr("upload.duplicate_rows"))
            st.dataframe(_headed(report.duplicates), hide_index=True, width="stretch")
        st.write(tr("upload.columns"))
        st.dataframe(_headed(report.columns), hide_index=True, width="stretch")


def _headed(df: pd.DataFrame) -> pd.DataFrame:
    """Report tables with their headers in the session's language (columns without a label keep their name)."""
    return df.rename(columns={c: tr(f"upload.col.{c}") for c in df.columns if f"upload.col.{c}" in i18n.STRINGS})


def thematic_sidebar() -> Thematic | None:
    """Indicator, classification and colour widgets; None when the plain map is wanted."""
    up = uploaded_values()
    uploaded_cols = list(up.columns) if up is not None else []
    options = ["", *uploaded_cols, *(i.key for i in indicators.builtin_catalogue())]
    _restore_widgets(options)
    with st.sidebar:
        st.subheader(tr("thematic.heading"))
        key = st.selectbox(
            tr("thematic.indicator"),
            options,
            format_func={k: f"— {tr('thematic.none')} —" if not k else indicators.label_of(k, language()) for k in options}.get,
            key=_key("thematic_indicator"),
        )
        if not key:
            _save_widgets()
            return None
        method = st.selectbox(
            tr("thematic.method"),
            list(METHODS),
            format_func={m: v[language() == "en"] for m, v in METHODS.items()}.get,
            key=_key("thematic_method"),
        )
        breaks: tuple[float, ...] = ()
        k = 5
        if method == "user":
            text = st.text_input(tr("thematic.breaks"), "10, 50, 100", key=_key("thematic_breaks"))
            try:
                breaks = tuple(indicators.parse_breaks(text))
            except ValueError as exc:
                st.warning(str(exc))
                method = "quantiles"
        else:
            k = st.slider(tr("thematic.k"), 3, 7, 5, key=_key("thematic_k"))
        scheme = st.selectbox(
            tr("thematic.scheme"),
            list(SCHEMES),
            format_func={k: v[language() == "en"] for k, v in SCHEMES.items()}.get,
            key=_key("thematic_scheme"),
        )
    _save_widgets()
    return Thematic(key, method, k, breaks, scheme)


THEMATIC_WIDGETS = ("thematic_indicator", "thematic_method", "thematic_breaks", "thematic_k", "thematic_scheme")


def _key(name: str) -> str:
    """Widget keys per language: options are labelled in the language, so a switch makes a new widget."""
    return f"{name}_{language()}"


def _restore_widgets(options: list[str]) -> None:
    """Streamlit forgets a widget's value on pages without it (and across languages): put back the last choice."""
    saved = st.session_state.get("thematic_saved", {})
    for name in THEMATIC_WIDGETS:
        if _key(name) not in st.session_state and name in saved:
            if name == "thematic_indicator" and saved[name] not in options:
                continue
            st.session_state[_key(name)] = saved[name]


def _save_widgets() -> None:
    st.session_state["thematic_saved"] = {n: st.session_state[_key(n)] for n in THEMATIC_WIDGETS if _key(n) in st.session_state}


def values_for_map() -> pd.DataFrame:
    """Built-in indicators joined with this session's uploaded columns, by adcode."""
    return indicators.with_uploaded(builtin_values(), uploaded_values())


def thematic_note(thematic: Thematic | None, shown: int) -> str:
    """The line under a thematic legend: the classification and how many counties it was computed over."""
    if thematic is None:
        return ""
    return tr("thematic.counties_shown", method=METHODS[thematic.method][language() == "en"], count=shown)


def uploaded_for(thematic: Thematic | None) -> pd.DataFrame | None:
    """This session's uploaded columns when the thematic map shows one of them (what a print map of it needs)."""
    up = uploaded_values()
    return up if thematic is not None and up is not None and thematic.indicator in up.columns else None


def with_uploaded_columns(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A county table (with adcode) plus this session's uploaded columns; and their names."""
    from .upload import join

    up = uploaded_values()
    if up is None:
        return table, []
    return join(table, up), list(up.columns)


def place_values(adcode: str) -> None:
    """The uploaded columns' values for one county, in the place profile."""
    up = uploaded()
    if up is None:
        return
    st.subheader(tr("upload.your_data"))
    row = up["values"].loc[[adcode]] if adcode in up["values"].index else None
    if row is None:
        st.caption(tr("upload.no_row"))
        return
    shown = row.T.reset_index()
    shown.columns = [tr("upload.column"), tr("upload.value")]
    st.caption(tr("upload.source", name=repr(up["name"])))
    st.dataframe(shown, hide_index=True, width="stretch")
