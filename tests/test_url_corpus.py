"""Values from the URL are shown as plain, short text: no live link, image, HTML or directive; ids and names trimmed."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")

BAD_VALUES = [
    "[Click to re-login](http://evil.example/login)",
    "![t](http://evil.example/pixel.png)",
    "<img src=x onerror=alert(1)>",
    "<a href='http://evil.example'>x</a>",
    "**bold** _it_ `code` ~~s~~",
    ":red[coloured] :material/warning:",
    "$\\frac{1}{2}$",
    "http://evil.example/autolink",
    "www.evil.example",
    "javascript:alert(1)",
    '=HYPERLINK("http://evil.example")',
    "x" * 10_000,
    "\u202eevil\u2028line",
    "# heading\n\n---",
]
LIVE = ("](http", "![", "<img", "<a ", ":red[", "$\\frac", "http://", "www.", "**bold**")


def _run(page_path, **params):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params)
    at.switch_page(page_path)
    return at.run()


def _assert_plain(messages):
    """Each message short, and with backslash-escaped characters set aside, no live Markdown or HTML left."""
    assert messages
    for m in messages:
        assert len(m) < 400
        unescaped = re.sub(r"\\.", "·", m)
        assert not [t for t in LIVE if t in unescaped], m


@pytest.mark.parametrize("value", BAD_VALUES)
def test_a_bad_place_is_echoed_as_plain_short_text(value):
    at = _run("views/place.py", place=value)
    assert not at.exception
    _assert_plain([w.value for w in at.warning])


@pytest.mark.parametrize("value", BAD_VALUES[:3] + BAD_VALUES[-3:])
def test_a_bad_filter_value_is_echoed_as_plain_short_text(value):
    at = _run("views/overview.py", province=value)
    assert not at.exception
    _assert_plain([w.value for w in at.warning])


@pytest.mark.parametrize("value", BAD_VALUES[:2] + BAD_VALUES[-3:-1])
def test_a_bad_measure_is_echoed_as_plain_short_text(value):
    at = _run("views/policy.py", measure=value)
    assert not at.exception
    _assert_plain([w.value for w in at.warning])


@pytest.mark.parametrize("value", ["  450681 ", "\t450681\n", "东兴市", " 东兴市 ", "dongxing city"])
def test_place_ids_and_names_with_spaces_open_the_place(value):
    at = _run("views/place.py", place=value)
    assert not at.exception
    assert not at.warning
    assert "东兴市" in at.header[0].value


def test_a_filter_value_with_spaces_is_accepted():
    at = _run("views/overview.py", province=" 广西 ", border=" 1 ")
    assert not at.exception
    assert not at.warning
