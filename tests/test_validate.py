"""Malformed registers and policy files fail validation and check-data, naming file, line and column."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from borderdash import validate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data(tmp_path):
    """A copy of geodata (built/ linked) the test may break."""
    dest = tmp_path / "geodata"
    dest.mkdir()
    (dest / "built").symlink_to(ROOT / "geodata" / "built")
    shutil.copytree(ROOT / "geodata" / "registers", dest / "registers")
    shutil.copytree(ROOT / "geodata" / "policy", dest / "policy")
    return dest


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _problems(data):
    return [str(p) for p in validate.problems(data / "registers", data / "policy")]


def test_the_bundled_data_has_no_problems():
    assert validate.problems() == []


def test_a_stray_quote_that_shifts_fields_is_named_by_line(data):
    path = data / "registers" / "im_units.csv"
    lines = _lines(path)
    lines[3] = lines[3].replace(",", ',"', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _problems(data)
    assert any(p.startswith("im_units.csv, line 4") and "fields" in p for p in found), found


def test_a_gb18030_file_is_detected_and_named(data):
    path = data / "registers" / "hainan_counties.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    assert any(p.startswith("hainan_counties.csv, line 2") and "GB18030" in p for p in _problems(data))


def test_a_missing_required_column_is_named(data):
    import pandas as pd

    path = data / "registers" / "regiments.csv"
    pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns=["confidence"]).to_csv(path, index=False)
    assert "regiments.csv, line 1, column confidence: required column missing" in _problems(data)


@pytest.mark.parametrize(("value", "words"), [("44.5x", "not a number"), ("4.45", "outside China"), ("95.0", "outside China")])
def test_a_bad_latitude_is_named_by_line_and_column(data, value, words):
    path = data / "registers" / "regiments.csv"
    _edit(path, ",77.324,37.311,", f",77.324,{value},")
    line = next(i for i, t in enumerate(_lines(path), 1) if f",77.324,{value}," in t)
    assert any(p.startswith(f"regiments.csv, line {line}, column lat") and words in p for p in _problems(data))


def test_a_duplicated_county_row_is_named_with_both_lines(data):
    path = data / "registers" / "border_counties.csv"
    lines = _lines(path)
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    assert any(p.startswith(f"border_counties.csv, line {len(lines) + 1}, column adcode") and "line 2" in p for p in _problems(data))


def test_a_duplicate_id_is_named(data):
    path = data / "registers" / "platforms.csv"
    _edit(path, "pz-pingxiang,", "pz-dongxing,")
    assert any(p.startswith("platforms.csv, line 3, column id") for p in _problems(data))


def test_an_unknown_adcode_is_named(data):
    _edit(data / "registers" / "regiments.csv", ",653024,", ",999999,")
    assert any(p.startswith("regiments.csv, line 2, column host_adcode") and "999999" in p for p in _problems(data))


def test_a_yaml_syntax_error_is_named_by_file_and_line(data):
    path = data / "policy" / "measures" / "im-2023.yaml"
    _edit(path, "  section: Art. 1\n", "  section: [Art. 1\n")
    assert any(p.startswith("measures/im-2023.yaml, line") and "YAML" in p for p in _problems(data))


def test_an_unknown_scope_rule_is_named(data):
    _edit(data / "policy" / "measures" / "im-2023.yaml", "scope: [im_border_units]", "scope: [no_such_rule]")
    assert any(p.startswith("measures/im-2023.yaml, column scope") and "no_such_rule" in p for p in _problems(data))


def test_check_data_exits_non_zero_naming_the_problem(data):
    _edit(data / "registers" / "regiments.csv", ",77.324,37.311,", ",77.324,abc,")
    env = {**os.environ, "BORDERDASH_GEODATA": str(data)}
    run = subprocess.run([sys.executable, "-m", "borderdash.cli", "check-data"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "regiments.csv, line" in run.stdout and "column lat" in run.stdout
    assert "Traceback" not in run.stderr


def test_the_app_shows_problems_in_one_box_without_a_traceback(data):
    path = data / "registers" / "hainan_counties.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    script = (
        "from pathlib import Path\n"
        "from borderdash import ui, validate\n"
        f"found = validate.problems(Path({str(data / 'registers')!r}), Path({str(data / 'policy')!r}))\n"
        "ui.show_data_problems(validate.report(found))\n"
    )
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.exception
    assert len(at.error) == 1 and "GB18030" in at.code[0].value


@pytest.mark.parametrize(
    ("old", "new", "column", "words"),
    [
        (",open,road,KAZ,", ",open,ferry,KAZ,", "mode", "'ferry' is not one of"),
        (",open,road,KAZ,", ",open,road,XXX,", "neighbour", "'XXX' is not one of"),
        (",open,road,KAZ,", ",opened,road,KAZ,", "status", "'opened' is not one of"),
        (",1990,approval,", ",about 1990,approval,", "approved", "is not a date"),
    ],
)
def test_a_port_with_an_unknown_code_or_a_date_that_is_not_one_is_named(data, old, new, column, words):
    _edit(data / "registers" / "platforms.csv", old, new)
    assert any(f"column {column}: " in p and words in p for p in _problems(data)), _problems(data)


def test_a_platform_that_is_not_a_port_may_not_carry_a_port_mode(data):
    path = data / "registers" / "platforms.csv"
    line = next(n for n, text in enumerate(_lines(path), 1) if text.startswith("pz-dongxing,"))
    _edit(path, ",approved,,,,high,", ",approved,road,,,high,")
    assert f"platforms.csv, line {line}, column mode: only border ports have this column filled" in _problems(data)
