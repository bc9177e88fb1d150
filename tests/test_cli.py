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
