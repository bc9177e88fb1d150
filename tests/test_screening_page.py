"""The screening page through Streamlit's AppTest: typed coordinates, a map click, a bad input, both languages."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _page(lang="zh"):
    at = AppTest.from_file(APP, default_timeout=120)
    if lang != "zh":
        at.query_params["lang"] = lang
    at.switch_page("views/screening.py")
    return at.run()


def _typed(at, text):
    at.sidebar.radio(key="screening_mode").set_value("text").run()
    at.sidebar.text_area(key="screening_text").input(text).run()
    return at


@pytest.mark.parametrize("lang, title", [("zh", "项目选址筛查"), ("en", "Screen a project")])
def test_the_page_opens_empty_with_a_hint_in_its_language(lang, title):
    at = _page(lang)
    assert not at.exception
    assert at.title[0].value == title
    assert at.info and not at.dataframe


def test_typed_coordinates_give_a_row_a_detail_panel_and_downloads():
    at = _typed(_page(), "107.97167, 21.54778\n105.67, 38.825")
    assert not at.exception
    results = at.dataframe[0].value
    assert results["县级单位"].tolist() == ["东兴市", "阿拉善左旗"]
    assert results["在距边境0–3公里范围内"].tolist() == ["是", "否"]
    assert any("位于广西东兴市" in m.value for m in at.markdown)
    assert any("因项目本身" in m.value for m in at.markdown)
    assert any("borderdash screen --point 107.97167,21.54778" in c.value for c in at.code)


def test_choosing_another_feature_shows_its_detail():
    at = _typed(_page("en"), "107.97167, 21.54778\n105.67, 38.825")
    at.selectbox(key="screening_pick").set_value("2").run()
    assert not at.exception
    assert any("Alxa Left Banner" in m.value for m in at.markdown)
    assert any("Not where the feature lies" in m.value for m in at.markdown)


def test_points_and_shapes_from_the_map_are_screened_together(monkeypatch):
    import streamlit_folium

    drawn = {
        "all_drawings": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [107.97167, 21.54778]}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[107.97, 21.56], [107.5, 21.8]]}},
        ]
    }
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *a, **k: drawn)
    at = _page()
    at.session_state["screening-map-zh"] = drawn
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table["县级单位"].iloc[0] == "东兴市" and table["名称"].tolist() == ["107.97167, 21.54778", "绘制的图形 2"]


def test_a_point_outside_china_gets_the_refusal_not_a_table():
    at = _typed(_page("en"), "2.35, 48.85")
    assert not at.exception
    assert any("outside China" in e.value for e in at.error) and not at.dataframe
