"""The CJK font of print maps: installed with borderdash from PyPI and registered with matplotlib by path.

No system font is looked up, so a map renders the same Chinese on any machine. The
font is WenQuanYi Micro Hei (PyPI `paperang-p2-fonts-cjk`): TrueType outlines,
which matplotlib embeds in PDFs as a subset CID TrueType font. Glyphs it lacks fall
back to DejaVu Sans, which ships inside matplotlib.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

FONT_PACKAGE = "paperang_p2_fonts_cjk"
FONT_FILE = "fonts/wqy-microhei.ttc"
FALLBACK_FAMILY = "DejaVu Sans"


def cjk_font_path() -> Path:
    """Path of the packaged CJK font; a clear message when borderdash's dependencies are missing."""
    try:
        path = Path(str(files(FONT_PACKAGE) / FONT_FILE))
    except ModuleNotFoundError as exc:
        raise RuntimeError("CJK font missing: install borderdash's dependencies (paperang-p2-fonts-cjk)") from exc
    if not path.exists():
        raise RuntimeError(f"CJK font file not found at {path}")
    return path


@cache
def register() -> str:
    """Add the packaged font to matplotlib's font manager (once) and return its family name."""
    from matplotlib import font_manager

    path = str(cjk_font_path())
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def rc() -> dict:
    """matplotlib settings for print maps: the packaged font first, fonts embedded in PDFs as TrueType,
    and every text literal (names and column headers from data may hold `$…$`, which would be typeset as maths)."""
    return {
        "text.parse_math": False,
        "font.family": [register(), FALLBACK_FAMILY],
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
        "svg.fonttype": "path",
        "axes.unicode_minus": False,
    }


@cache
def covered_codepoints() -> frozenset[int]:
    """Code points the CJK font draws (its best cmap)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(cjk_font_path()), fontNumber=0, lazy=True)
    return frozenset(font.getBestCmap())


def missing_glyphs(texts) -> set[str]:
    """Characters of the given texts the CJK font cannot draw (whitespace ignored)."""
    have = covered_codepoints()
    return {ch for text in texts for ch in str(text) if not ch.isspace() and ord(ch) not in have}
