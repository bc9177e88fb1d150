"""The pages as a user meets them, through Streamlit's AppTest (maps appear as unknown components)."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120


def _run(page_path, **params):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.switch_page(page_path)
    return at.run()


PAGES = [
    "views/overview.py",
    "views/place.py",
    "views/compare.py",
    "views/policy.py",
    "views/corridors.py",
    "views/briefing.py",
    "views/sources.py",
]


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_renders_without_error(page_path):
    at = _run(page_path)
    assert not at.exception
    assert at.title[0].value


def test_overview_filters_from_the_url_and_reports_bad_values():
    at = _run("views/overview.py", province="新疆,Atlantis", border="1", lang="en")
    assert not at.exception
    assert any("Atlantis" in w.value for w in at.warning)
    figures = next(m.value for m in at.markdown if "county-level units" in m.value)
    shown = int(re.search(r"\*\*(\d+)\*\* county-level units", figures).group(1))
    assert 30 <= shown <= 36  # Xinjiang's border counties


def test_place_profile_lists_measures_and_warns_on_unknown_place():
    at = _run("views/place.py", place="450681", lang="en")
    assert not at.exception
    assert any("What applies here" in s.value for s in at.subheader)
    bad = _run("views/place.py", place="<b>nowhere</b>", lang="en")
    assert not bad.exception
    assert any("nowhere" in w.value for w in bad.warning)


def test_place_profile_answers_an_interior_county_by_adcode_or_name():
    at = _run("views/place.py", place="510107")
    assert not at.exception
    assert any(s.value.endswith("· 0") for s in at.subheader)
    assert any("海南六个民族自治县" in i.value for i in at.info)
    english = _run("views/place.py", place="510107", lang="en")
    assert any("nor Hainan" in i.value for i in english.info)
    by_name = _run("views/place.py", place="安宁市")
    assert not by_name.exception
    assert by_name.selectbox[0].value == "530181"


def test_policy_search_from_the_url():
    at = _run("views/policy.py", q="entrepreneurship loans", lang="en")
    assert not at.exception
    assert at.dataframe[0].value["ID"].iloc[0] == "gf-2015-72:i.loans"
    assert not at.warning


def test_clicking_a_county_on_the_map_offers_its_profile(monkeypatch):
    import streamlit_folium

    clicked = {"last_active_drawing": {"properties": {"adcode": "450681", "name_zh": "东兴市"}}}
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *a, **k: clicked)
    at = _run("views/overview.py")
    assert not at.exception
    assert any("东兴市" in i.value and "项措施适用" in i.value for i in at.info)


def test_the_filter_follows_the_user_across_pages():
    at = _run("views/overview.py", province="广西")
    assert not at.exception
    at.switch_page("views/corridors.py").run()
    assert not at.exception
    assert at.query_params["province"] == ["广西"] or at.query_params["province"] == "广西"
    assert at.sidebar.multiselect[0].value == ["广西"]


def test_unknown_measure_in_the_url_is_reported_not_fatal():
    at = _run("views/policy.py", measure="<img src=x onerror=alert(1)>", lang="en")
    assert not at.exception
    assert any("No measure with id" in w.value for w in at.warning)


def test_a_known_measure_outside_the_search_results_gives_no_warning():
    at = _run("views/policy.py", q="口岸", measure="im-2023:art2")
    assert not at.exception
    assert not at.warning


CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


@pytest.mark.parametrize("page_path", PAGES)
def test_each_language_shows_its_own_labels_only(page_path):
    english = _run(page_path, lang="en")
    chinese = _run(page_path)
    assert not english.exception and not chinese.exception
    en_labels = [english.title[0].value] + [s.value for s in english.subheader] + [w.label for w in english.sidebar.multiselect]
    zh_labels = [chinese.title[0].value] + [w.label for w in chinese.sidebar.multiselect]
    assert not [s for s in en_labels if CJK.search(s)]
    assert not [s for s in zh_labels if LATIN_WORD.search(s)]


def test_language_choice_is_kept_in_the_url_and_across_pages():
    at = _run("views/overview.py", lang="en")
    assert at.query_params["lang"] in ("en", ["en"])
    at.switch_page("views/place.py").run()
    assert at.title[0].value == "Place profile"
    assert at.sidebar.radio[0].value == "en"
    chinese = _run("views/place.py", lang="xx")
    assert chinese.title[0].value == "地点档案" and "lang" not in chinese.query_params


def test_briefing_page_previews_the_print_map_of_a_corridor_from_the_url():
    at = _run("views/briefing.py", corridor="g219")
    assert not at.exception
    assert at.main.radio[0].value == "corridor"
    assert at.text_input[1].value == "G219 喀纳斯—东兴"
    assert any("borderdash map --corridor g219" in c.value for c in at.code)


def test_every_place_chosen_in_turn_is_shown_and_kept_in_the_url():
    at = _run("views/place.py", place="450681")
    for adcode, name in (("451481", "凭祥市"), ("533102", "瑞丽市"), ("450681", "东兴市")):
        at.selectbox(key="place_pick_zh").set_value(adcode).run()
        assert not at.exception
        assert at.header[0].value == name
        assert at.query_params["place"] in (adcode, [adcode])


def test_every_measure_chosen_in_turn_is_shown_and_kept_in_the_url():
    at = _run("views/policy.py")
    ids = at.selectbox(key="measure_pick_zh").options
    for measure_id in ("gbf-2017-50:4.1", "im-2023:art2", "gf-2015-72:i"):
        at.selectbox(key="measure_pick_zh").set_value(measure_id).run()
        assert not at.exception
        assert at.query_params["measure"] in (measure_id, [measure_id])
        assert measure_id in at.selectbox(key="measure_pick_zh").value
    assert len(ids) > 100


def test_compare_keeps_each_added_place():
    at = _run("views/compare.py", places="450681,451481")
    for added in ("533102", "623024"):
        at.selectbox(key="compare_add_zh").set_value(added).run()
        assert not at.exception
    assert at.query_params["places"] in ("450681,451481,533102,623024", ["450681,451481,533102,623024"])
    assert at.selectbox(key="compare_add_zh").value is None  # the add box empties for the next one
    at.multiselect(key="compare_pick_zh").unselect("451481").run()
    assert at.query_params["places"] in ("450681,533102,623024", ["450681,533102,623024"])


def test_each_filter_change_in_turn_is_kept_in_the_sidebar_and_the_url():
    at = _run("views/overview.py")
    provinces = lambda: at.sidebar.multiselect(key="filter_provinces_zh")  # noqa: E731
    provinces().select("云南").run()
    provinces().select("广西").run()
    assert provinces().value == ["云南", "广西"] and at.query_params["province"] in ("云南,广西", ["云南,广西"])
    provinces().unselect("云南").run()
    assert provinces().value == ["广西"]
    at.sidebar.toggle(key="filter_border_zh").set_value(True).run()
    at.sidebar.toggle(key="filter_border_zh").set_value(False).run()
    assert at.sidebar.toggle(key="filter_border_zh").value is False and "border" not in at.query_params
    at.switch_page("views/place.py").run()
    at.switch_page("views/overview.py").run()
    assert provinces().value == ["广西"]  # the filter survives a page switch


def test_each_search_typed_in_turn_is_run_and_kept_in_the_url():
    at = _run("views/policy.py")
    for query, first in (("边民补助", "im-2023:art64"), ("entrepreneurship loans", "gf-2015-72:i.loans")):
        at.text_input(key="policy_query").input(query).run()
        assert not at.exception
        assert at.dataframe[0].value.iloc[0, -1] == first  # the id is the last column
        assert at.query_params["q"] in (query, [query])
