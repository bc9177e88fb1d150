"""Uploaded columns travel into every export, from the CLI as from the page."""

import io
import json

import geopandas as gpd
import pandas as pd

from borderdash import export, layers, regions, upload
from borderdash.cli import main
from borderdash.filters import Filter

TABLE = "县名,省份,人均收入（元）,备注\n东兴市,广西,45000,口岸\n凭祥市,广西壮族自治区,38000,\n"


def _guangxi_with_upload():
    shown = Filter.build(False, ["广西"], []).apply(layers.counties())
    report = upload.load(TABLE.encode("gb18030"), "收入.csv", layers.counties())
    return upload.join(regions.with_links(shown), report.values)


def test_csv_geojson_and_gpkg_carry_the_uploaded_column():
    gdf = _guangxi_with_upload()
    csv = pd.read_csv(io.BytesIO(export.csv_bytes(gdf)), dtype={"adcode": str})
    assert csv.set_index("adcode").loc["450681", "人均收入（元）"] == 45000
    features = json.loads(export.geojson_bytes(gdf))["features"]
    assert {f["properties"]["adcode"]: f["properties"]["人均收入（元）"] for f in features}["451481"] == 38000
    gpkg = gpd.read_file(io.BytesIO(export.gpkg_bytes(gdf, "counties")))
    assert gpkg.set_index("adcode").loc["450681", "人均收入（元）"] == 45000
    assert "备注" not in csv.columns


def test_cli_export_joins_by_name_and_reports_the_match_on_stderr(tmp_path, capsys):
    src = tmp_path / "收入.csv"
    src.write_bytes((TABLE + "北京市,,1\n").encode("gbk"))
    out = tmp_path / "out.csv"
    assert main(["export", "counties", "--province", "广西", "--indicator", str(src), "--key", "name", "--raw", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Matched 2 of 3 rows by name" in err and "'北京市'" in err and "GB18030/GBK" in err
    table = pd.read_csv(out, dtype={"adcode": str}).set_index("adcode")
    assert table.loc["451481", "人均收入（元）"] == 38000


def test_cli_refuses_a_bad_indicator_file_with_the_reason(tmp_path, capsys):
    src = tmp_path / "data.xlsx"
    src.write_bytes(upload.OLE2 + bytes(100))
    assert main(["export", "counties", "--indicator", str(src)]) == 2
    assert ".xls" in capsys.readouterr().err
