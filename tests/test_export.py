import io
import json

import geopandas as gpd
import pandas as pd
import shapely

from borderdash import export


def _gdf():
    return gpd.GeoDataFrame({"name_zh": ["东兴市"], "ids": [("a", "b")]}, geometry=[shapely.Point(108, 21.5)], crs=4326)


def test_csv_has_a_bom_and_joins_lists():
    data = export.csv_bytes(_gdf())
    assert data.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert df.name_zh[0] == "东兴市" and df.ids[0] == "a;b" and "geometry" not in df


def test_geojson_keeps_chinese_unescaped():
    doc = json.loads(export.geojson_bytes(_gdf().drop(columns="ids")))
    assert doc["features"][0]["properties"]["name_zh"] == "东兴市"


def test_gpkg_reads_back(tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(export.gpkg_bytes(_gdf(), "border-line"))
    back = gpd.read_file(path, layer="border_line")
    assert back.name_zh[0] == "东兴市" and back.ids[0] == "a;b"


def test_csv_neutralises_formulas_but_keeps_numbers_numbers():
    df = pd.DataFrame({"name": ["=1+1", "-3", "@x", "东兴"], "value": [-3.5, 2.0, -1.0, 0.0], "code": ["-12", "+cmd|x", "\tx", "a"]})
    back = pd.read_csv(io.BytesIO(export.csv_bytes(df)), encoding="utf-8-sig", dtype={"name": str, "code": str})
    assert back.name.tolist() == ["'=1+1", "-3", "'@x", "东兴"]
    assert back.value.tolist() == [-3.5, 2.0, -1.0, 0.0]
    assert back.code.tolist() == ["-12", "'+cmd|x", "'\tx", "a"]
