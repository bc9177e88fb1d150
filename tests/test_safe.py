"""Text from data is inert wherever it is shown: HTML, attributes, JavaScript literals, Markdown, spreadsheets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from borderdash import safe

sys.path.insert(0, str(Path(__file__).parent))
import hostile  # noqa: E402


@pytest.mark.parametrize("payload", hostile.PAYLOADS)
def test_html_escaping_leaves_no_character_special_to_html_or_js_literals(payload):
    out = safe.html(payload)
    assert not set(out) & set("<>\"'`${}\\\u2028\u2029")
    assert "\n" not in out and "\r" not in out


def test_html_escaping_reads_the_same_once_rendered():
    import html

    for payload in hostile.PAYLOADS:
        assert html.unescape(safe.html(payload)) == payload


def test_html_escaping_of_missing_values_is_empty():
    assert safe.html(None) == "" and safe.html(float("nan")) == ""


def test_markdown_escaping_shows_links_images_and_directives_literally():
    text = safe.markdown("[Click](http://evil.example/login) ![t](http://evil.example/i.png) :red[x] $x$ <b>b</b>", limit=None)
    for raw in ("[Click]", "](http", "![", ":red[", "$x$", "<b>"):
        assert raw not in text


def test_markdown_escaping_breaks_bare_url_and_email_autolinks():
    text = safe.markdown("http://evil.example/x www.evil.example a@evil.example", limit=None)
    for raw in ("http://", "http\\:\\/\\/", "www.", "www\\.", "a@evil", "a\\@evil"):
        assert raw not in text


def test_messages_are_clipped_to_one_short_line():
    long = "x" * 10_000
    assert len(safe.clip(long)) == safe.MESSAGE_LIMIT
    assert safe.clip(" a\n\tb  ") == "a b"
    assert len(safe.markdown(long)) <= safe.MESSAGE_LIMIT


def test_url_values_are_trimmed():
    assert safe.url_value("  450681 \n") == "450681"
    assert safe.url_value(["a", " b "]) == "b"
    assert safe.url_value(None) == ""


@pytest.mark.parametrize("cell", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://e","x")'])
def test_formula_looking_text_gets_an_apostrophe(cell):
    assert safe.spreadsheet_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", [-3, -2.5, 0, 12.0, "-3", "-2.5", "+1e5", "东兴市", "a=b", "", None, True])
def test_numbers_and_plain_text_are_unchanged(cell):
    assert safe.spreadsheet_cell(cell) is cell


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    """Every map and briefing page rendered from a copy of the data with payloads in every text column."""
    data = hostile.make_copy(tmp_path_factory.mktemp("hostile") / "geodata")
    out = data.parent / "out"
    env = {**os.environ, "BORDERDASH_GEODATA": str(data)}
    subprocess.run([sys.executable, str(Path(hostile.__file__)), "render", str(out)], env=env, check=True, timeout=300)
    return sorted(out.glob("*.html"))


def test_hostile_register_text_reaches_every_generated_page_only_escaped(hostile_pages):
    assert len(hostile_pages) >= 7
    reached = 0
    for page in hostile_pages:
        text = page.read_text(encoding="utf-8")
        reached += hostile.MARK in text
        assert [f for f in hostile.raw_payload_fragments() if f in text] == [], page.name
    assert reached >= 6


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory):
    """Every CLI export and every page's CSV download, built from the hostile copy of the data."""
    data = hostile.make_copy(tmp_path_factory.mktemp("hostile-csv") / "geodata")
    out = data.parent / "csv"
    env = {**os.environ, "BORDERDASH_GEODATA": str(data)}
    subprocess.run([sys.executable, str(Path(hostile.__file__)), "exports", str(out)], env=env, check=True, timeout=600)
    return {p.stem: p for p in out.glob("*.csv")}


def _cells(path):
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("name", [*hostile.CLI_EXPORTS, *hostile.UI_EXPORTS])
def test_every_csv_export_starts_no_cell_with_a_formula(hostile_exports, name):
    rows = _cells(hostile_exports[name])
    assert len(rows) > 1
    risky = [c for row in rows for c in row if c.startswith(safe.FORMULA_START) and not safe._NUMBER.fullmatch(c)]
    assert risky == []


def test_hostile_text_reaches_the_exports_it_belongs_in(hostile_exports):
    reached = [n for n, p in hostile_exports.items() if "'=HYPERLINK" in p.read_text(encoding="utf-8-sig")]
    assert {"cli-regiments", "cli-platforms", "cli-corridors", "cli-measures", "ui-place-measures", "ui-platforms"} <= set(reached)


def test_numbers_in_csv_exports_stay_numbers(hostile_exports):
    import pandas as pd

    counties = pd.read_csv(hostile_exports["cli-raw-counties"], encoding="utf-8-sig")
    assert pd.api.types.is_float_dtype(counties.border_length_km) and pd.api.types.is_float_dtype(counties.lat)
    corridors = pd.read_csv(hostile_exports["ui-raw-corridors"], encoding="utf-8-sig")
    assert pd.api.types.is_float_dtype(corridors.length_km)
    for_people = pd.read_csv(hostile_exports["cli-counties"], encoding="utf-8-sig")
    assert pd.api.types.is_float_dtype(for_people["陆地边境线长度（公里）"])
    assert pd.api.types.is_integer_dtype(for_people["适用措施数"])
