"""Tables for a terminal: columns fitted to its width, long text cut with an ellipsis, CJK counted double-wide.

Output that is not a terminal (a pipe, a file) is never cut, so ids can be copied from it whole.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata

import pandas as pd

MIN_COLUMN = 6


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, width: int) -> str:
    """Text cut to a display width, with an ellipsis where it was cut."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_width() -> int | None:
    """The terminal's width; None when standard output is not a terminal (nothing is cut then)."""
    return shutil.get_terminal_size((120, 24)).columns if is_terminal() else None


def render(df: pd.DataFrame, width: int | None = None, gap: int = 2) -> str:
    """The frame as aligned text no wider than `width` (default: the terminal's; unlimited when output is not a
    terminal): the widest columns give way first."""
    width = width or terminal_width()
    cells = {c: [_text(v) for v in df[c]] for c in df.columns}
    widths = {c: max([display_width(str(c))] + [display_width(v) for v in vals]) for c, vals in cells.items()}
    budget = width - gap * (len(widths) - 1) if width else None
    while budget is not None and sum(widths.values()) > budget:
        widest = max(widths, key=widths.get)
        if widths[widest] <= MIN_COLUMN:
            break
        widths[widest] -= 1
    lines = [_line([str(c) for c in df.columns], widths, gap)]
    lines.append(_line(["─" * widths[c] for c in df.columns], widths, gap))
    for i in range(len(df)):
        lines.append(_line([cells[c][i] for c in df.columns], widths, gap))
    return "\n".join(line.rstrip() for line in lines)


def _line(values: list[str], widths: dict, gap: int) -> str:
    parts = []
    for value, width in zip(values, widths.values(), strict=True):
        text = clip(value, width)
        parts.append(text + " " * (width - display_width(text)))
    return (" " * gap).join(parts)


def _text(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.1f}"
    return " ".join(str(value).split())
