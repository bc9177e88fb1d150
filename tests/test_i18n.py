"""One catalogue: every key the pages ask for exists in both languages, and tables speak the chosen one."""

import re
from pathlib import Path

import pandas as pd

from borderdash import i18n

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    asked = set()
    for path in [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("borderdash/*.py")]:
        asked |= set(re.findall(r"""\btr\(\s*["']([a-z_.0-9]+)["']""", path.read_text(encoding="utf-8")))
    assert asked, "no tr() calls found"
    assert sorted(asked - set(i18n.STRINGS)) == []


def test_every_entry_has_chinese_and_english_text():
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        if not key.startswith("lang."):
            assert CJK.search(zh), f"{key}: Chinese text has no Chinese"
            assert not CJK.search(en.replace("审图号", "")), f"{key}: English text has Chinese"


def test_every_export_column_has_a_header_and_a_meaning_in_both_languages():
    dynamic = {"uploaded", "compare_place", "wide_measure"}
    for key, (zh, en, about_zh, about_en) in i18n.EXPORT_COLUMNS.items():
        if key in dynamic:
            continue
        assert CJK.search(zh) and CJK.search(about_zh), key
        assert en.strip() and about_en.strip() and not CJK.search(en) and not CJK.search(about_en.replace("“", "")), key


def test_a_table_for_people_labels_columns_codes_and_flags_in_the_language():
    df = pd.DataFrame(
        {"name_zh": ["东兴市"], "name_en": ["Dongxing City"], "kind": ["border_ecz"], "is_border_county": [True]}
        | {"share_within_3km": [0.1234]}
    )
    en = i18n.for_people(df, ["name", "kind", "is_border_county", "share_within_3km"], "en")
    assert list(en.columns) == ["Name", "Kind", "Border county", "Within 3 km"]  # shown as 12.3% by the column's format
    assert en.iloc[0].tolist() == ["Dongxing City", "Border economic cooperation zone", "Yes", 12.3]
    zh = i18n.for_people(df, ["name", "kind", "is_border_county"], "zh")
    assert zh.iloc[0].tolist() == ["东兴市", "边境经济合作区", "是"]


def test_a_table_for_people_never_shows_none_and_keeps_one_format_per_quantity():
    df = pd.DataFrame({"name_zh": ["东兴市", None], "area_km2": [541.93, 24877.2], "published_length_km": [10065.0, float("nan")]})
    df["share_within_3km"] = [0.14693, None]
    shown = i18n.for_people(df, ["name", "area_km2", "published_length_km", "share_within_3km"], "zh")
    assert shown.iloc[1].tolist()[0] == "—" and "None" not in shown.astype(str).to_string()
    assert shown.iloc[:, 2].tolist() == ["10,065.0", "—"] and shown.iloc[:, 3].tolist() == ["14.7%", "—"]
    formats = i18n.column_formats(shown, ["name", "area_km2", "published_length_km", "share_within_3km"], "zh")
    assert formats[shown.columns[1]]["type_config"]["format"] == "%,.1f"


def test_english_falls_back_to_chinese_where_a_name_has_no_english():
    df = pd.DataFrame({"name_zh": ["某地"], "name_en": [""]})
    assert i18n.pick(df, "name", "en").tolist() == ["某地"]
