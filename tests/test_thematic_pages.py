"""Thematic maps, uploaded data and the compare page as a user meets them (AppTest; maps are unknown components)."""

import re
import shlex
from pathlib import Path

from conftest import map_state
from streamlit.testing.v1 import AppTest

from borderdash import layers, upload

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120


def _app(page_path, session=None, **params):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.switch_page(page_path)
    return at.run()


def _uploaded():
    data = "县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n北京,,1\n".encode("gbk")
    report = upload.load(data, "收入.csv", layers.counties())
    return {"uploaded_indicators": {"name": "收入.csv", "values": report.values, "report": report, "token": None}}


def test_choosing_an_indicator_draws_a_classed_legend():
    at = _app("views/overview.py", province="广西")
    assert not at.exception
    picker = at.sidebar.selectbox(key="thematic_indicator_zh")
    picker.set_value("border_length_km").run()
    assert not at.exception
    state = map_state(at)
    assert state["legend"][0][1] == "header" and state["legend"][0][2].startswith("边境线长度")
    classes = [row for row in state["legend"] if row[1] in ("fill", "nodata")]
    assert len(classes) >= 2 and set(state["thematic"]["fills"]) == set(state["counties"])


def test_switching_indicator_and_classes_keeps_the_page_working():
    at = _app("views/overview.py", province="广西")
    at.sidebar.selectbox(key="thematic_indicator_zh").set_value("measures_theme_infrastructure").run()
    at.sidebar.selectbox(key="thematic_method_zh").set_value("user").run()
    at.sidebar.text_input(key="thematic_breaks_zh").set_value("5, 20, lots").run()
    assert not at.exception
    assert any("numbers" in w.value for w in at.sidebar.warning)
    at.sidebar.text_input(key="thematic_breaks_zh").set_value("5, 20").run()
    at.sidebar.selectbox(key="thematic_scheme_zh").set_value("greys").run()
    assert not at.exception


def test_uploaded_column_is_offered_mapped_and_shown_in_the_table_and_report():
    at = _app("views/overview.py", session=_uploaded(), province="广西")
    assert not at.exception
    picker = at.sidebar.selectbox(key="thematic_indicator_zh")
    assert "人均收入" in picker.options[1]
    picker.set_value("人均收入").run()
    assert not at.exception
    assert map_state(at)["legend"][0][2].startswith("人均收入")
    at.toggle(key="overview_table").set_value(True).run()
    assert "人均收入" in at.dataframe[-1].value.columns
    assert any("匹配报告" in e.label for e in at.expander)


def test_place_profile_lists_the_uploaded_values():
    at = _app("views/place.py", session=_uploaded(), place="450681")
    assert not at.exception
    assert any("您的数据" in s.value for s in at.subheader)
    table = at.dataframe[-1].value
    assert table.iloc[0].tolist() == ["人均收入", 45000.0]


def test_compare_page_shows_places_side_by_side_with_common_and_differing_measures():
    at = _app("views/compare.py", places="450681,451481,xpcc-4-61")
    assert not at.exception
    facts, measures = at.dataframe[0].value, at.dataframe[1].value
    assert list(facts.columns)[1:4] == ["东兴市 (450681)", "凭祥市 (451481)", "第四师六十一团 (xpcc-4-61)"]
    assert set(measures["比较"]) == {"共同", "不同"}
    at.toggle[0].set_value(True).run()
    assert (at.dataframe[1].value["比较"] == "不同").all()


def test_compare_page_in_english_has_no_chinese_labels():
    at = _app("views/compare.py", places="450681,451481", lang="en")
    assert not at.exception
    facts, measures = at.dataframe[0].value, at.dataframe[1].value
    assert list(facts.columns) == ["Item", "Dongxing City (450681)", "Pingxiang City (451481)", "Compare"]
    assert list(measures.columns)[:3] == ["Measure", "Document", "Title"]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    labels = [*facts.columns, *facts["Item"], *facts["Compare"], *measures.columns, *measures["Compare"]]
    assert not [x for x in labels if cjk.search(str(x))]


def test_compare_page_asks_for_at_least_two_places():
    at = _app("views/compare.py", places="450681")
    assert not at.exception
    assert any("至少选择 2 个" in i.value for i in at.info)


def test_briefing_page_prints_the_thematic_map_and_gives_its_cli_line():
    at = _app("views/briefing.py", session=_uploaded(), province="广西")
    at.sidebar.selectbox(key="thematic_indicator_zh").set_value("人均收入").run()
    assert not at.exception
    cli_line = " ".join(shlex.split(at.code[-1].value))
    assert "--province 广西" in cli_line and "--indicator 收入.csv --column 人均收入" in cli_line
    subtitle = next(t for t in at.main.text_input if t.label == "副标题")
    assert "人均收入（上传） · " in subtitle.value  # the default subtitle names the indicator


def test_match_report_speaks_the_session_language():
    at = _app("views/overview.py", session=_uploaded(), lang="en")
    assert not at.exception
    report = next(t.value for t in at.text if "收入.csv" in t.value)
    assert "Encoding: GB18030/GBK" in report and "编码" not in report
    unmatched = at.dataframe[0].value
    assert list(unmatched.columns) == ["Row", "Key", "Reason", "Closest counties"]
    assert unmatched["Reason"].tolist() == ["no county of this name"]
