"""The one boundary where data becomes markup: text for HTML, for JavaScript literals, for Markdown, for spreadsheets.

folium puts tooltip text raw into a JavaScript template literal (`bindTooltip(`...`)`), whose
content Leaflet then renders as HTML; GeoJSON tooltips render properties with innerHTML.
`html.escape` alone leaves backtick, `$`, `{` and the Unicode line separators intact, which
end or interpolate a template literal. `html` below turns every character that is special in
HTML text, a quoted attribute or a JavaScript string/template literal into a numeric
character reference, so one escaped value is inert in each of these contexts and still
reads the same once the browser renders it as HTML.
"""

from __future__ import annotations

import json
import re

import pandas as pd

# Special in HTML (& < > " '), in JS string/template literals (` $ { } \ and the line
# terminators), and control characters that could end a line in a script.
_HTML_JS = re.compile("[&<>\"'`${}\\\\\u2028\u2029\u0000-\u001f\u007f]")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=\"'&^%@/])")
# GitHub-flavoured Markdown links bare URLs and e-mail addresses whatever the escapes: break them with a word joiner.
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=w)(?=ww\.)|(?<=@)")
WORD_JOINER = "\u2060"
MESSAGE_LIMIT = 120


def missing(value) -> bool:
    """No value: None, NaN, NaT or pandas' NA (what a cell shows as empty, never as 'nan' or 'None')."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_blank = missing


def html(value) -> str:
    """Text safe as HTML text, a quoted attribute value, or inside a JS string/template literal rendered as HTML."""
    if _blank(value):
        return ""
    return _HTML_JS.sub(lambda m: f"&#{ord(m.group())};", str(value))


_SCRIPT_JSON = re.compile("[<>&`$\u2028\u2029]")


def script_json(value) -> str:
    """JSON to put inside a <script>: characters that could end the script, open markup or read as a template literal are
    written as \\u escapes, which JavaScript reads back as the same text (drawn as text or escaped again when shown)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def clip(value, limit: int = MESSAGE_LIMIT) -> str:
    """One line of at most `limit` characters: whitespace collapsed, an ellipsis where cut."""
    text = " ".join(("" if _blank(value) else str(value)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def markdown(value, limit: int | None = MESSAGE_LIMIT) -> str:
    """Text that Streamlit's Markdown shows literally: no link, image, emphasis, HTML, maths or colour directive."""
    text = clip(value, limit) if limit else ("" if _blank(value) else str(value))
    text = _AUTOLINK.sub(WORD_JOINER, text)
    return _MARKDOWN.sub(r"\\\1", text)


def url_value(value) -> str:
    """A query-parameter value trimmed of surrounding whitespace (lists: the last value)."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return ("" if _blank(value) else str(value)).strip()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_cell(value):
    """A cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading apostrophe (OWASP).

    Numbers, including negative ones and text that is just a number, are returned unchanged so they stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
