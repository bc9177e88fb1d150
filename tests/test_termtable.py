"""Terminal tables fit the terminal (CJK counted double-wide, long text cut); piped output is never cut; --wide shows
every column."""

import pandas as pd

from borderdash import termtable
from borderdash.cli import main
from borderdash.termtable import display_width, render


def test_rendered_table_fits_the_width_with_wide_characters():
    df = pd.DataFrame({"id": ["a" * 50], "title": ["边民创业担保贷款" * 10], "n": [3.25]})
    lines = render(df, width=60).splitlines()
    assert max(display_width(line) for line in lines) <= 60
    assert lines[2].startswith("a") and "…" in lines[2] and "3.2" in lines[2]


def test_measures_for_a_place_fit_a_terminal_with_names_first_and_ids_last(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr(termtable, "is_terminal", lambda: True)
    assert main(["measures", "--place", "450681"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert max(display_width(line) for line in out) <= 100
    assert out[0].split() == ["章节", "措施", "适用依据", "有效期", "措施编号"]


def test_piped_output_is_never_cut_even_under_a_narrow_terminal_setting(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["measures", "--place", "450681", "--wide"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and max(display_width(line) for line in out.splitlines()) > 80
    assert "gf-2015-72:i.grassroots" in out and "gbf-2017-50:4.1.loans" in out


def test_wide_english_and_raw_options_choose_the_columns(capsys):
    main(["places", "--measure", "im-2023:art2", "--lang", "en"])
    assert capsys.readouterr().out.splitlines()[0].split()[:2] == ["Name", "Province"]
    main(["places", "--measure", "im-2023:art2", "--wide"])
    header = capsys.readouterr().out.splitlines()[0].split()
    assert {"名称", "类别", "省区", "适用依据", "有效期", "有效期内", "编号"} <= set(header)
    main(["places", "--measure", "im-2023:art2", "--wide", "--raw"])
    header = capsys.readouterr().out.splitlines()[0].split()
    assert {"rule", "rule_zh", "rule_en", "name_zh", "name_en"} <= set(header)
