"""The one-page A4 screening report, from the print renderer: the map of the features and what they touch, the findings
(one feature in full, or a list as a table), the measures that apply with their citations, the methods, sources and date.

Text is set literally in the packaged font (embedded in the PDF); what does not fit on the page is cut with a note
pointing to the CSV/.xlsx, never shrunk out of sight.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import fonts, i18n, printmap, style
from .policy import kb
from .screen_export import code_label, document_citation
from .screening import Screening, method_text
from .view import of_features

PAGE = (210 * printmap.MM, 297 * printmap.MM)
MARGIN = 0.34
MAP_HEIGHT = 3.55
BODY = 6.4
SMALL = 5.7
LINE = 1.42
"""Line height as a multiple of the font size."""
MAX_TABLE_ROWS = 60
REPORT_ORDER = ("feature", "not_here", "unknown", "place", "county")
"""Groups of measures in the report: what the feature itself brings and what does not reach it first, the county's long list
last, where the page cuts it (the .xlsx has every one)."""


def render(screening: Screening, lang: str = "zh", fmt: str = "pdf", date: dt.date | None = None, dpi: int = 200) -> bytes:
    """The report as PDF (fonts embedded), PNG or SVG bytes."""
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown language {lang!r}; choose zh or en")
    with matplotlib.rc_context(fonts.rc()):
        fig = figure(screening, lang, date)
        buf = io.BytesIO()
        title = i18n.t("screen.report.title", lang)
        metadata = {"Title": title, "Creator": "borderdash"} if fmt in ("pdf", "svg") else None
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    return buf.getvalue()


def figure(screening: Screening, lang: str, date: dt.date | None = None) -> Figure:
    with matplotlib.rc_context(fonts.rc()):
        return _Page(screening, lang, date or dt.date.today()).draw()


class _Page:
    """Lays the report out top to bottom, keeping track of the space left."""

    def __init__(self, screening: Screening, lang: str, date: dt.date):
        self.s, self.lang, self.date = screening, lang, date
        self.w, self.h = PAGE
        self.fig = Figure(figsize=PAGE)
        FigureCanvasAgg(self.fig)
        self.y = self.h - MARGIN
        self.width = self.w - 2 * MARGIN

    def t(self, key: str, **values) -> str:
        return i18n.t(key, self.lang, **values)

    def draw(self) -> Figure:
        footer = self._footer_lines()
        footer_top = MARGIN + len(footer) * SMALL * LINE / 72 + 0.06
        self._title()
        self._map()
        if len(self.s.results) == 1:
            self._one_feature(self.s.results.iloc[0])
        else:
            self._table()
        self._measures(footer_top)
        self._text_block(footer, SMALL, "#333333", at=footer_top - 0.06)
        return self.fig

    # --- pieces ---------------------------------------------------------------------------------------------------

    def _title(self) -> None:
        fig = self.fig
        fig.text(MARGIN / self.w, self.y / self.h, self.t("screen.report.title"), fontsize=15, va="top", color=style.TEXT)
        n = len(self.s.results)
        names = [str(v) for v in self.s.results.name if str(v).strip()]
        what = names[0] if n == 1 and names else self.t("screen.report.features", n=n)
        sub = self.t("screen.report.subtitle", what=what, km=f"{self.s.buffer_km:g}", date=self.date.isoformat())
        fig.text(MARGIN / self.w, (self.y - 0.3) / self.h, _clip(sub, 150), fontsize=8.5, va="top", color="#444444")
        self.y -= 0.55

    def _map(self) -> None:
        located = self.s.counties.adcode.unique().tolist()
        view = of_features(self.s.features, located, pad_km=self.s.buffer_km)
        top = self.y
        box = [MARGIN / self.w, (top - MAP_HEIGHT) / self.h, self.width / self.w, MAP_HEIGHT / self.h]
        ax = self.fig.add_axes(box)
        crs = printmap._crs(view)
        printmap._draw_map(ax, view, crs, self.lang, 0.8)
        printmap._scalebar(ax, 0.8)
        printmap._north_arrow(ax, 0.8)
        if not view.national:
            printmap._locator_inset(self.fig, ax, view, 0.75)
        self.y = top - MAP_HEIGHT - 0.06
        entries = style.legend_entries(view)
        ncol = 4 if self.lang == "zh" else 3
        rows = -(-len(entries) // ncol)
        self.fig.legend(
            [printmap._handle(e, 0.8) for e in entries],
            [e.label(self.lang) for e in entries],
            loc="upper left",
            bbox_to_anchor=(MARGIN / self.w, self.y / self.h),
            ncol=ncol,
            frameon=False,
            fontsize=SMALL,
            handlelength=2.0,
            columnspacing=1.2,
            labelspacing=0.3,
            borderaxespad=0,
        )
        self.y -= rows * SMALL * 1.75 / 72 + 0.1

    def _heading(self, text: str) -> None:
        self.fig.text(MARGIN / self.w, self.y / self.h, text, fontsize=8.5, va="top", color=style.TEXT)
        self.y -= 8.5 * 1.6 / 72

    def _one_feature(self, r) -> None:
        """Label: value lines for a single feature."""
        self._heading(self.t("screen.report.findings"))
        lang = self.lang
        rows = [(self.t("screen.col.status"), _value(r, f"message_{lang}"))]
        if _value(r, f"flags_{lang}"):
            rows.append((self.t("screen.col.flags"), _value(r, f"flags_{lang}")))
        if _value(r, "adcode"):
            yes, no = self.t("yes"), self.t("no")
            unit = self.t("screen.report.im_unit", value=yes if _value(r, "im_unit") else no)
            rows.append(
                (self.t("screen.col.is_border_county"), f"{yes if r.is_border_county else no}{'；' if lang == 'zh' else '; '}{unit}")
            )
            if _value(r, f"counties_crossed_{lang}"):
                rows.append((self.t("screen.col.counties_crossed"), _value(r, f"counties_crossed_{lang}")))
            rows.append((self.t("screen.report.border"), self._border_text(r)))
            if _value(r, "port_id"):
                rows.append((self.t("screen.col.port"), self._port_text(r)))
            for field in ("platforms", "regiments"):
                if _value(r, f"{field}_{lang}"):
                    rows.append((self.t(f"screen.col.{field}"), _value(r, f"{field}_{lang}")))
            rows.append(
                (self.t("screen.col.corridors", km=f"{self.s.buffer_km:g}"), _value(r, f"corridors_{lang}") or self.t("screen.report.none"))
            )
        label_w = 1.55 if lang == "zh" else 1.75
        for label, value in rows:
            lines = _wrap(value, self.width - label_w, BODY, lang)
            self.fig.text(MARGIN / self.w, self.y / self.h, label, fontsize=BODY, va="top", color="#555555")
            self.fig.text((MARGIN + label_w) / self.w, self.y / self.h, "\n".join(lines), fontsize=BODY, va="top", color=style.TEXT,
                          linespacing=LINE)  # fmt: skip
            self.y -= len(lines) * BODY * LINE / 72 + 0.025
        self.y -= 0.06

    def _border_text(self, r) -> str:
        lang, sep = self.lang, "；" if self.lang == "zh" else "; "
        if not _value(r, "border_km"):
            return ""
        parts = [self.t("screen.report.border_km", km=f"{r.border_km:.1f}", neighbour=_value(r, f"neighbour_{lang}"))]
        yes, no = self.t("yes"), self.t("no")
        parts.append(self.t("screen.report.bands", b3=yes if r.within_3km else no, b20=yes if r.within_20km else no))
        if _value(r, "share_within_3km") != "":
            parts.append(self.t("screen.report.shares", s3=f"{r.share_within_3km * 100:.0f}", s20=f"{r.share_within_20km * 100:.0f}"))
        return sep.join(parts) + " ¹"

    def _port_text(self, r) -> str:
        """Name (mode, status, counterpart) · distance, marked with the footnote of how it was measured."""
        lang = self.lang
        mode = code_label("", r.port_mode, lang) if _value(r, "port_mode") else ""
        counterpart = _value(r, f"port_counterpart_{lang}")
        across = self.t("screen.report.across", name=counterpart) if counterpart else ""
        what = ("，" if lang == "zh" else ", ").join(v for v in (mode, _value(r, f"port_status_{lang}"), across) if v)
        bound = "≥ " if r.port_method == "port_border" else ""
        mark = {"port_point": "²", "port_border": "³", "port_county": "⁴"}.get(r.port_method, "")
        name = _value(r, f"port_{lang}")
        if lang == "zh":
            return f"{name}（{what}）· {bound}{r.port_km:.1f} 公里 {mark}" if what else f"{name} · {bound}{r.port_km:.1f} 公里 {mark}"
        return f"{name} ({what}) · {bound}{r.port_km:.1f} km {mark}" if what else f"{name} · {bound}{r.port_km:.1f} km {mark}"

    def _table(self) -> None:
        """A row per feature: where it is, the border, the nearest port and the measures, cut with a note when too many."""
        self._heading(self.t("screen.report.findings"))
        lang = self.lang
        cols = [
            (self.t("screen.col.feature_id"), 0.32),
            (self.t("screen.col.name"), 1.0),
            (self.t("screen.report.col_where"), 2.0),
            (self.t("screen.report.col_border"), 1.3),
            (self.t("screen.report.col_port"), 1.45),
            (self.t("screen.report.col_measures"), 1.45),
        ]
        xs = np.cumsum([0] + [w for _, w in cols[:-1]])
        line_h = BODY * LINE / 72
        for (label, width), x in zip(cols, xs, strict=True):
            self.fig.text((MARGIN + x) / self.w, self.y / self.h, _fit(label, width, BODY, lang), fontsize=BODY, va="top",
                          color="#555555")  # fmt: skip
        self.y -= line_h
        room = int((self.y - self._reserved_below()) / line_h)
        shown = self.s.results.head(max(1, min(room, MAX_TABLE_ROWS)))
        for r in shown.itertuples():
            where = r.message_zh if lang == "zh" else r.message_en
            if _value(r, "adcode"):
                where = (
                    f"{_value(r, f'county_{lang}')}（{r.adcode}，{_value(r, f'province_{lang}')}）"
                    if lang == "zh"
                    else (f"{_value(r, f'county_{lang}')} ({r.adcode}, {_value(r, f'province_{lang}')})")
                )
            border = ""
            if _value(r, "border_km"):
                band = "0–3" if r.within_3km else "0–20" if r.within_20km else ""
                border = f"{r.border_km:.1f} km" + (f" · {band}" if band else "")
            port = ""
            if _value(r, "port_id"):
                km = f"{r.port_km:.1f}" if r.port_km < 10 else f"{r.port_km:.0f}"
                port = f"{_value(r, f'port_{lang}')} {'≥' if r.port_method == 'port_border' else ''}{km} km"
            counts = ""
            if _value(r, "measures_county") != "":
                counts = f"{r.measures_feature} / {r.measures_county} / {r.measures_other}"
            flag = " !" if _value(r, f"flags_{lang}") else ""
            cells = [str(r.feature_id), _value(r, "name"), where + flag, border, port, counts]
            for cell, (_, width), x in zip(cells, cols, xs, strict=True):
                self.fig.text((MARGIN + x) / self.w, self.y / self.h, _fit(cell, width - 0.05, BODY, lang), fontsize=BODY, va="top",
                              color=style.TEXT)  # fmt: skip
            self.y -= line_h
        if len(shown) < len(self.s.results):
            self._note(self.t("screen.report.more_rows", shown=len(shown), n=len(self.s.results)))
        if any(_value(r, f"flags_{lang}") for r in shown.itertuples()):
            self._note(self.t("screen.report.flag_note"))
        self.y -= 0.05

    def _reserved_below(self) -> float:
        """Room kept under the table for the measures block and the footer."""
        return MARGIN + len(self._footer_lines()) * SMALL * LINE / 72 + 1.6

    def _note(self, text: str) -> None:
        lines = _wrap(text, self.width, SMALL, self.lang)
        self.fig.text(MARGIN / self.w, self.y / self.h, "\n".join(lines), fontsize=SMALL, va="top", color="#555555", linespacing=LINE)
        self.y -= len(lines) * SMALL * LINE / 72 + 0.03

    def _measures(self, footer_top: float) -> None:
        """The measures by how they reach the features, each document cited with its sections and period; cut to the page."""
        m = self.s.measures
        citable = m[m.basis.isin(("feature", "county"))]
        ended = citable[~citable.in_force.astype(bool)].measure_id.nunique()
        key = "screen.report.measures_ended" if ended else "screen.report.measures"
        self._heading(self.t(key, n=citable.measure_id.nunique(), ended=ended))
        if m.empty:
            self._note(self.t("screen.report.no_measures"))
            return
        room = self.y - footer_top - 0.05
        for titles in (None, 10 if self.lang == "zh" else 22, 0):  # full titles, clipped titles, sections only: the first that fits
            lines = self._measure_lines(m, titles)
            if sum(size * LINE / 72 for _, size, _, _ in lines) <= room:
                break
        if titles == 0:
            lines.append((self.t("screen.report.sections_only"), SMALL, "#555555", "normal"))
        used, out = 0.0, []
        for text, size, colour, weight in lines:
            h = size * LINE / 72
            if used + h > room - SMALL * LINE / 72:
                out.append((self.t("screen.report.more_measures"), SMALL, "#555555", "normal"))
                break
            out.append((text, size, colour, weight))
            used += h
        for text, size, colour, weight in out:
            self.fig.text(MARGIN / self.w, self.y / self.h, text, fontsize=size, va="top", color=colour, fontweight=weight)
            self.y -= size * LINE / 72

    def _measure_lines(self, m, titles: int | None) -> list[tuple[str, float, str, str]]:
        """Lines of the measures block: a heading per basis (short, telling groups first, the county's long list last), each
        document cited with its period and its sections, the county's with their titles in full (titles None), clipped to
        `titles` characters, or left out (0); then the notes that explain."""
        lang, docs, many = self.lang, kb.documents(), len(self.s.results) > 1
        lines: list[tuple[str, float, str, str]] = []
        for basis in REPORT_ORDER:
            part = m[m.basis == basis]
            if part.empty:
                continue
            n = part.measure_id.nunique()
            head = f"{self.t(f'screen.basis.{basis}')}（{n}）" if lang == "zh" else f"{self.t(f'screen.basis.{basis}')} ({n})"
            lines.append((head, BODY + 0.6, style.HIGHLIGHT_EDGE, "normal"))
            for doc_id, group in part.groupby("document", sort=False):
                counts = group.groupby("measure_id", sort=False).size()
                first = group.drop_duplicates("measure_id")
                named = titles != 0 or basis != "county"
                limit = None if basis != "county" else titles
                items = [
                    (f"{sec} {_clip(title, limit) if limit else title}" if named else sec) + (f" ×{counts[mid]}" if many else "")
                    for sec, title, mid in zip(_sections(first, lang), first[f"title_{lang}"], first.measure_id, strict=True)
                ]
                if not named:
                    items = list(dict.fromkeys(items))
                cite = document_citation(docs[doc_id], lang)
                period = first[f"period_{lang}"].iloc[0]
                sep = "；" if named else "、"
                text = (
                    f"{cite}，{period}：" + sep.join(items)
                    if lang == "zh"
                    else f"{cite}, {period}: " + ("; " if named else ", ").join(items)
                )
                for k, line in enumerate(_wrap(text, self.width - 0.12, BODY, lang)):
                    lines.append(("  " + line if k else line, BODY, "#222222", "normal"))
            for note in sorted({n for n in part[f"note_{lang}"] if n})[:3]:
                for line in _wrap(note, self.width - 0.12, SMALL, lang):
                    lines.append((line, SMALL, "#555555", "normal"))
        return lines

    def _footer_lines(self) -> list[str]:
        lang = self.lang
        methods = []
        for mark, method in (("¹", "border"), ("²", "port_point"), ("³", "port_border"), ("⁴", "port_county")):
            if method == "border" or (self.s.results.port_method == method).any():
                methods.append(f"{mark} {method_text(method, lang)}")
        methods.append(self.t("screen.notes.boundary_text"))
        if len(self.s.corridors):
            methods.append(method_text("corridor", lang))
        text = ("；" if lang == "zh" else "; ").join(methods)
        lines = _wrap(text, self.width, SMALL, lang)
        for note in self.s.notes[:4]:
            lines += _wrap(self.t("screen.notes.input") + ("：" if lang == "zh" else ": ") + _pick(note, lang), self.width, SMALL, lang)
        lines += _wrap(style.sources_line(lang, self.date.isoformat()), self.width, SMALL, lang)
        lines += _wrap(style.schematic_note(lang) + " " + self.t("screen.report.disclaimer"), self.width, SMALL, lang)
        return lines

    def _text_block(self, lines: list[str], size: float, colour: str, at: float) -> None:
        self.fig.text(MARGIN / self.w, at / self.h, "\n".join(lines), fontsize=size, va="top", color=colour, linespacing=LINE)


def _pick(note, lang: str) -> str:
    from .upload import pick

    return pick(note, lang)


def _value(row, field: str):
    """A field of a result row, '' when missing (never 'nan' or 'None' on paper)."""
    value = row.get(field) if hasattr(row, "get") else getattr(row, field, None)
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return ""
    return value


def _chars(width_in: float, size: float, lang: str) -> int:
    """How many characters fit in a width at a size: CJK sets about one em a character, Latin about half."""
    return max(8, int(width_in * 72 / size * (0.98 if lang == "zh" else 1.85)))


def _wrap(text, width_in: float, size: float, lang: str) -> list[str]:
    text = str(text or "")
    if not text:
        return [""]
    return textwrap.wrap(text, _chars(width_in, size, lang), break_long_words=True, break_on_hyphens=False) or [""]


def _fit(text, width_in: float, size: float, lang: str) -> str:
    return _clip(str(text or ""), _chars(width_in, size, lang))


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: max(1, n - 1)] + "…"


def _sections(measures: pd.DataFrame, lang: str) -> list[str]:
    """The measures' sections as the language's reader finds them (二（三） / II(3))."""
    return [kb.section_label(d, s, lang) for d, s in zip(measures.document, measures.section, strict=True)]
