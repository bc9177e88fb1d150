"""What planners bring to a screening, read into WGS84 features: the formats that work, and the message each bad input gets."""

import io
import zipfile

import geopandas as gpd
import openpyxl
import pytest
import shapely

from borderdash import screen_input
from borderdash.upload import UploadError

DONGXING = (107.97167, 21.54778)


def zipped(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


def vector(gdf: gpd.GeoDataFrame, driver: str, tmp_path, name="f", layer=None) -> bytes:
    path = tmp_path / name
    gdf.to_file(path, driver=driver, **({"layer": layer} if layer else {}))
    return path.read_bytes()


def shapefile_zip(gdf: gpd.GeoDataFrame, tmp_path, drop=()) -> bytes:
    folder = tmp_path / "shp"
    folder.mkdir(exist_ok=True)
    gdf.to_file(folder / "sites.shp")
    return zipped({p.name: p.read_bytes() for p in folder.iterdir() if p.suffix not in drop})


def points(*xy, crs=4326, names=None) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"name": names or [f"s{i}" for i in range(len(xy))]}, geometry=[shapely.Point(p) for p in xy], crs=crs)


def xlsx(rows) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- typed coordinates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, note",
    [
        ("107.97167, 21.54778", DONGXING, False),
        ("21.54778，107.97167", DONGXING, True),
        ("107.97167 21.54778", DONGXING, False),
        ("21°32′52″N 107°58′18″E", (107.97167, 21.54778), False),
        ("N21.54778 E107.97167", DONGXING, False),
        ("107.97167E, 21.54778N", DONGXING, False),
    ],
)
def test_typed_coordinates_are_read_in_either_order_when_only_one_fits_china(text, expected, note):
    lon, lat, said = screen_input.parse_point(text)
    assert (lon, lat) == pytest.approx(expected, abs=1e-4)
    assert bool(said) == note


def test_several_typed_points_become_one_feature_each():
    f = screen_input.points_from_text("107.97, 21.55\n21.55, 107.97; 105.67 38.83")
    assert len(f.frame) == 3 and f.frame.geometry.iloc[1].equals(shapely.Point(107.97, 21.55))
    assert any("lat, lon" in n for n in map(str, f.notes))


# --- files that work -----------------------------------------------------------------------------------------------


def test_gbk_csv_with_chinese_lon_lat_headers(tmp_path):
    data = "项目名称,经度,纬度\n东兴物流园,107.97167,21.54778\n坏行,abc,\n".encode("gbk")
    f = screen_input.read(data, "sites.csv")
    assert f.frame.name.tolist() == ["东兴物流园"] and f.refused.row.tolist() == [3]
    assert any("GB18030" in str(n) for n in f.notes)


def test_xlsx_with_lon_lat_columns_carrying_a_datum_suffix():
    f = screen_input.read(xlsx([["name", "lon_wgs84", "lat_wgs84"], ["a", 107.97167, 21.54778]]), "sites.xlsx")
    assert f.format == "xlsx" and f.frame.geometry.iloc[0].equals(shapely.Point(DONGXING))


def test_table_keyed_by_adcode_or_name_is_matched_as_the_upload_matches():
    by_code = screen_input.read("adcode,备注\n450681,x\n999999,y\n".encode(), "list.csv")
    assert by_code.frame.located_by.tolist() == ["county"] and by_code.frame.geometry.iloc[0].geom_type in ("Polygon", "MultiPolygon")
    assert by_code.refused.row.tolist() == [3]
    by_name = screen_input.read("县名,省份\n东兴市,广西\n凭祥,广西\n".encode(), "list.csv")
    assert len(by_name.frame) == 2 and any("located only by county" in str(n) for n in by_name.notes)


def test_geojson_kml_kmz_and_geopackage(tmp_path):
    gdf = points(DONGXING, (105.67, 38.825))
    for data, fmt in (
        (gdf.to_json().encode(), "GeoJSON"),
        (vector(gdf, "KML", tmp_path, "f.kml"), "KML"),
        (zipped({"doc.kml": vector(gdf, "KML", tmp_path, "g.kml")}), "KMZ"),
        (vector(gdf, "GPKG", tmp_path, "f.gpkg"), "GeoPackage"),
    ):
        f = screen_input.read(data, "upload")
        assert f.format == fmt and len(f.frame) == 2, fmt
        assert f.frame.geometry.iloc[0].distance(shapely.Point(DONGXING)) < 1e-6


def test_projected_shapefile_is_reprojected_from_its_prj(tmp_path):
    f = screen_input.read(shapefile_zip(points(DONGXING).to_crs(32649), tmp_path), "sites.zip")
    assert f.frame.geometry.iloc[0].distance(shapely.Point(DONGXING)) < 1e-6
    assert any("EPSG:32649" in str(n) for n in f.notes)


def test_multipoints_are_split_and_lines_and_polygons_kept():
    gdf = gpd.GeoDataFrame(
        {"name": ["m", "l", "a"]},
        geometry=[
            shapely.MultiPoint([DONGXING, (107.9, 21.6)]),
            shapely.LineString([DONGXING, (107.5, 21.8)]),
            shapely.Point(97.85, 24).buffer(0.1),
        ],
        crs=4326,
    )
    f = screen_input.read(gdf.to_json().encode(), "f.geojson")
    assert f.frame.geometry.geom_type.tolist() == ["Point", "Point", "LineString", "Polygon"]


def test_gcj02_input_is_converted_when_the_user_says_so():
    plain = screen_input.points_from_text("107.97167, 21.54778")
    converted = screen_input.points_from_text("107.97167, 21.54778", gcj02=True)
    moved = plain.frame.geometry.iloc[0].distance(converted.frame.geometry.iloc[0])
    assert 0.002 < moved < 0.01 and converted.frame.gcj02.all()


def test_names_that_say_gcj02_or_baidu_are_flagged():
    f = screen_input.read(b"name,lng_gcj02,lat_gcj02\na,107.97,21.55\n", "高德导出.csv")
    assert any("GCJ-02" in str(n) for n in f.notes)
    f = screen_input.read(b"name,lng,lat\na,107.97,21.55\n", "baidu_bd09.csv")
    assert any("BD-09" in str(n) for n in f.notes)


# --- refusals: input -> message ------------------------------------------------------------------------------------

GEOJSON_NULL = b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null}]}'


def _mixed_crs(tmp_path) -> bytes:
    path = tmp_path / "mixed.gpkg"
    points(DONGXING).to_file(path, layer="wgs84")
    points(DONGXING).to_crs(32649).to_file(path, layer="utm")
    return path.read_bytes()


def _no_prj(tmp_path) -> bytes:
    return shapefile_zip(points(DONGXING).to_crs(32649), tmp_path, drop=(".prj",))


REFUSALS = [
    ("empty file", lambda tmp: b"", "empty", "文件为空"),
    ("21 MB file", lambda tmp: b"{" + b" " * (21 * 2**20), "too-large", "上限 20 MB"),
    ("6 MB CSV", lambda tmp: b"lon,lat\n" + b"107.9,21.5\n" * 600_000, "too-large", "上限 5 MB"),
    ("Latin-1 CSV", lambda tmp: "name,lon,lat\n\xe9\xff,1,2\n".encode("latin-1") + b"\x81\x30\x81", "encoding", "无法识别文件编码"),
    ("PDF renamed .csv", lambda tmp: b"%PDF-1.4 ...", "binary", "不是表格文件"),
    ("old .xls", lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls", ".xls"),
    ("table without lon/lat, adcode or name", lambda tmp: b"a,b\n1,2\n3,4\n", "no-location", "找不到经度/纬度列"),
    ("lon/lat columns swapped", lambda tmp: b"name,lon,lat\na,21.5,107.9\nb,38.8,105.7\n", "swapped-columns", "两列可能颠倒"),
    ("lon/lat outside China", lambda tmp: b"name,lon,lat\nParis,2.35,48.85\n", "outside-china", "不在中国范围内"),
    ("projected x/y in a CSV", lambda tmp: b"name,x,y\na,500000,2380000\n", "bad-coordinates", "没有可用的经纬度"),
    ("GeoJSON with null geometry", lambda tmp: GEOJSON_NULL, "no-geometry", "没有几何图形"),
    ("broken GeoJSON", lambda tmp: b'{"type":"Featu', "bad-file", "无法读取"),
    ("GeoPackage layers in two CRSs", _mixed_crs, "mixed-crs", "坐标系不同"),
    ("shapefile in metres without .prj", _no_prj, "no-crs", "没有坐标系说明"),
    ("shapefile without .dbf", lambda tmp: zipped({"a.shp": b"x", "a.shx": b"x"}), "bad-shapefile", "不完整"),
    ("zip of photos", lambda tmp: zipped({"a.jpg": b"\xff\xd8\xff"}), "bad-zip", "没有 Shapefile"),
    ("CSV of 5,001 rows", lambda tmp: b"lon,lat\n" + b"107.9,21.5\n" * 5001, "too-many-rows", "上限 5,000 行"),
    ("GeoJSON of 5,001 points", lambda tmp: points(*[DONGXING] * 5001).to_json().encode(), "too-many-features", "上限 5,000 个"),
]


@pytest.mark.parametrize("label, make, code, zh", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_files_are_refused_with_a_reason_in_both_languages(label, make, code, zh, tmp_path):
    with pytest.raises(UploadError) as err:
        screen_input.read(make(tmp_path), "upload.csv")
    assert err.value.code == code, (label, err.value.code, err.value.zh)
    assert zh in err.value.zh and err.value.en


TYPED_REFUSALS = [
    ("", "no-coordinates"),
    ("hello", "bad-coordinates"),
    ("107.9", "bad-coordinates"),
    ("2.35, 48.85", "outside-china"),
    ("107.9N 21.5N", "bad-coordinates"),
    ("500000, 2380000", "bad-coordinates"),
]


@pytest.mark.parametrize("text, code", TYPED_REFUSALS)
def test_bad_typed_coordinates_are_refused(text, code):
    with pytest.raises(UploadError) as err:
        screen_input.points_from_text(text)
    assert err.value.code == code and err.value.zh and err.value.en
