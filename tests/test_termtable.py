"""Terminal tables fit the terminal: CJK counted double-wide, long text cut, --wide shows every column."""

import pandas as pd

from borderdash.cli import main
from borderdash.termtable import display_width, render


def test_rendered_table_fits_the_width_with_wide_characters():
    df = pd.DataFrame({"id": ["a" * 50], "title": ["边民创业担保贷款" * 10], "n": [3.25]})
    lines = render(df, width=60).splitlines()
    assert max(display_width(line) for line in lines) <= 60
    assert lines[2].startswith("a") and "…" in lines[2] and "3.2" in lines[2]


def test_measures_for_a_place_prints_lines_no_wider_than_the_terminal(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["measures", "--place", "450681"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert max(display_width(line) for line in out) <= 100
    assert out[0].split() == ["measure_id", "section", "title_zh", "rule_zh", "via", "period_zh"]


def test_wide_and_english_options_choose_the_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    main(["places", "--measure", "im-2023:art2", "--lang", "en"])
    assert "name_en" in capsys.readouterr().out.splitlines()[0]
    main(["places", "--measure", "im-2023:art2", "--wide"])
    header = capsys.readouterr().out.splitlines()[0].split()
    assert {"rule", "rule_zh", "rule_en", "name_zh", "name_en"} <= set(header)
