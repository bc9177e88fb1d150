import io

import geopandas as gpd
import pandas as pd
import pytest

from borderdash.cli import main

COUNTY_COLUMNS = [
    "adcode",
    "name_zh",
    "name_en",
    "province_zh",
    "prefecture_zh",
    "is_border_county",
    "neighbours",
    "border_length_km",
    "area_km2",
    "lon",
    "lat",
    "source",
]


def test_export_border_counties_csv_has_the_promised_columns(tmp_path):
    out = tmp_path / "c.csv"
    assert main(["export", "counties", "--border-only", "--raw", "--format", "csv", "-o", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(raw), dtype={"adcode": str}, encoding="utf-8-sig")
    assert set(COUNTY_COLUMNS) <= set(df.columns)
    assert len(df) == 140 and df.is_border_county.all()


def test_export_filters_by_english_province_and_neighbour(tmp_path):
    out = tmp_path / "x.geojson"
    assert main(["export", "counties", "--province", "Xinjiang", "--neighbour", "KAZ", "--format", "geojson", "-o", str(out)]) == 0
    gdf = gpd.read_file(out)
    assert len(gdf) > 5 and set(gdf.province_zh) == {"新疆"}
    assert all("KAZ" in n for n in gdf.neighbours)


def test_export_border_line_follows_the_province_filter(tmp_path):
    out = tmp_path / "line.csv"
    assert main(["export", "border-line", "--province", "云南", "--raw", "-o", str(out)]) == 0
    df = pd.read_csv(out, encoding="utf-8-sig", dtype={"adcode": str})
    assert len(df) > 16 and set(df.province_zh) == {"云南"} and df.adcode.str.startswith("53").all()


@pytest.mark.parametrize("layer", ["regiments", "im-units", "border-line", "neighbours", "platforms", "corridors"])
def test_every_layer_exports_to_gpkg(tmp_path, layer):
    out = tmp_path / f"{layer}.gpkg"
    assert main(["export", layer, "--format", "gpkg", "-o", str(out)]) == 0
    assert len(gpd.read_file(out)) > 0


def test_bad_province_exits_two_with_a_message(capsys):
    assert main(["export", "counties", "--province", "Atlantis"]) == 2
    assert "unknown province 'Atlantis'" in capsys.readouterr().err
    assert main(["export", "counties", "--province", "Atlantis", "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("borderdash: unknown province")


def test_check_data_reports_and_passes(capsys):
    assert main(["check-data"]) == 0
    text = capsys.readouterr().out
    assert "all hard invariants hold" in text
    assert "land border length" in text and "ratio" in text


def test_measures_places_and_search_commands(tmp_path, capsys):
    out = tmp_path / "m.csv"
    assert main(["measures", "--place", "450681", "--raw", "--format", "csv", "-o", str(out)]) == 0
    assert "gbf-2017-50:4.1" in set(pd.read_csv(out, encoding="utf-8-sig").measure_id)
    assert main(["places", "--measure", "im-2023:art2"]) == 0
    assert "（共 20 行）" in capsys.readouterr().out
    assert main(["places", "--measure", "im-2023:art2", "--lang", "en"]) == 0
    assert "(20 rows)" in capsys.readouterr().out
    assert main(["search", "entrepreneurship loans", "--raw", "--format", "csv", "-o", str(out)]) == 0
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns[:7]) == ["rank", "score", "id", "document", "section", "title_zh", "title_en"]
    assert main(["measures", "--place", "nowhere"]) == 2


def test_export_measures_and_the_wide_place_table(tmp_path):
    out = tmp_path / "m.csv"
    assert main(["export", "measures", "--raw", "--format", "csv", "-o", str(out)]) == 0
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert {"id", "document", "section", "title_zh", "title_en", "theme", "instrument", "departments", "scope", "quote"} <= set(df.columns)
    wide = tmp_path / "w.csv"
    assert main(["export", "place-measures", "--wide", "--raw", "-o", str(wide)]) == 0
    assert "gbf-2017-50:4.1" in pd.read_csv(wide, encoding="utf-8-sig", nrows=1).columns


def test_counties_export_carries_measures_corridors_and_platforms(tmp_path):
    out = tmp_path / "gx.csv"
    assert main(["export", "counties", "--province", "广西", "--border-only", "--raw", "-o", str(out)]) == 0
    df = pd.read_csv(out, dtype={"adcode": str}, encoding="utf-8-sig", keep_default_na=False).set_index("adcode")
    dongxing = df.loc["450681"]
    assert dongxing.measure_count > 50 and "gbf-2017-50:4.1" in dongxing.measure_ids.split(";")
    assert "g219" in dongxing.corridors.split(";") and "pz-dongxing" in dongxing.platforms.split(";")


def test_check_data_exits_one_when_the_register_loses_a_county(tmp_path, monkeypatch, capsys):
    import shutil

    from borderdash import registers
    from borderdash.paths import REGISTERS

    folder = tmp_path / "registers"
    shutil.copytree(REGISTERS, folder)
    lines = (folder / "border_counties.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    member = next(i for i, line in enumerate(lines) if ",yes," in line)
    (folder / "border_counties.csv").write_text("".join(lines[:member] + lines[member + 1 :]), encoding="utf-8")
    monkeypatch.setattr(registers, "REGISTERS", folder)
    assert main(["check-data"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] border counties register: 139 members (plan: 140)" in out


@pytest.mark.parametrize(
    "layer, columns",
    [
        ("corridors", ["id", "name_zh", "name_en", "kind", "status", "length_km", "counties", "geometry_precision", "source"]),
        ("platforms", ["id", "kind", "name_zh", "name_en", "province_zh", "adcode", "lon", "lat", "location_precision", "source"]),
    ],
)
def test_corridor_and_platform_csv_have_the_promised_columns(tmp_path, layer, columns):
    out = tmp_path / f"{layer}.csv"
    assert main(["export", layer, "--raw", "--format", "csv", "-o", str(out)]) == 0
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert set(columns) <= set(df.columns) and len(df) > 20


def test_the_format_comes_from_the_extension(tmp_path):
    geo = tmp_path / "c.geojson"
    assert main(["export", "counties", "--province", "广西", "-o", str(geo)]) == 0
    assert len(gpd.read_file(geo)) > 10
    book = tmp_path / "c.xlsx"
    assert main(["export", "counties", "--province", "广西", "-o", str(book)]) == 0
    assert book.read_bytes()[:2] == b"PK" and list(pd.read_excel(book, sheet_name=None)) == ["县级单位", "字段说明"]
    measures = tmp_path / "m.json"
    assert main(["measures", "--place", "450681", "-o", str(measures), "--lang", "en"]) == 0
    assert "Why it applies" in pd.read_json(measures).columns


@pytest.mark.parametrize(
    "args, says",
    [
        (["export", "counties", "--format", "csv", "-o", "c.geojson"], "--format 为 csv"),
        (["export", "counties", "-o", "c.txt"], "无法从文件名"),
        (["export", "counties", "-o", "c.json"], "县级单位 不能导出为 json"),
        (["export", "measures", "-o", "m.gpkg"], "措施 不能导出为 gpkg"),
        (["measures", "--place", "450681", "-o", "m.xls"], ".xlsx"),
        (["search", "G219", "--format", "json", "-o", "s.csv", "--lang", "en"], "'s.csv' is a .csv file name but --format is json"),
    ],
)
def test_a_format_that_disagrees_with_the_file_name_is_refused_and_nothing_is_written(tmp_path, monkeypatch, capsys, args, says):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert says in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_measures_places_and_search_write_xlsx_with_headers_in_the_language(tmp_path):
    out = tmp_path / "p.xlsx"
    assert main(["places", "--measure", "im-2023:art2", "--format", "xlsx", "-o", str(out), "--lang", "en"]) == 0
    sheets = pd.read_excel(out, sheet_name=None, dtype=str)
    assert list(sheets) == ["Where it applies", "Columns"]
    where = sheets["Where it applies"]
    assert list(where.columns[:2]) == ["Name", "Kind of place"] and where.columns[-1] == "ID" and len(where) == 20
    assert set(where["In its period"]) == {"Yes"}
    assert main(["search", "边民补助", "-o", str(out)]) == 0
    assert list(pd.read_excel(out, sheet_name=None)) == ["检索结果", "字段说明"]


def test_place_takes_english_names_and_their_pinyin_aliases(capsys):
    rows = {}
    for name in ("Jilong", "Gyirong", "gyirong county", "Jilong County", "吉隆", "540234"):
        assert main(["measures", "--place", name, "--raw", "--wide"]) == 0, name
        rows[name] = capsys.readouterr().out
    assert len(set(rows.values())) == 1 and "gf-2015-72:i.relocation" in rows["Jilong"]


def test_the_footer_of_a_new_district_county_agrees_with_its_measures(capsys):
    assert main(["measures", "--place", "510116"]) == 0
    out = capsys.readouterr().out
    assert "（共 17 行）" in out and "没有措施" not in out
    assert "17 项措施均经其境内的地点而来" in out and "四川天府新区" in out
    assert main(["measures", "--place", "510116", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(17 rows)" in out and "no measure" not in out and "Tianfu New Area" in out


def test_messages_follow_the_language(tmp_path, capsys):
    out = tmp_path / "m.csv"
    assert main(["measures", "--place", "510107", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "已写入 0 行" in err and "说明：" in err and "wrote" not in err
    assert main(["measures", "--place", "510107", "-o", str(out), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "wrote 0 rows" in err and "note: " in err
    assert main(["measures", "--place", "Jilongg"]) == 2
    assert "找不到地点“Jilongg”" in capsys.readouterr().err
    assert main(["measures", "--place", "Gyirongg", "--lang", "en"]) == 2
    assert "did you mean" not in capsys.readouterr().err
    assert main(["measures", "--place", "Gyiro", "--lang", "en"]) == 2
    assert "did you mean: Gyirong County (540234)" in capsys.readouterr().err
