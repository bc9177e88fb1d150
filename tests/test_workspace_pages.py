"""The workspace panel as a planner meets it (AppTest): save, open by link read-only, save a copy, conflicts, bad links."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from borderdash import layers, store, upload, workspace

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120
DATA = "县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n北京,,1\n".encode("gbk")


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("BORDERDASH_DATA_DIR", str(tmp_path))
    return store.Store()


def _app(page_path="views/overview.py", session=None, **params):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.switch_page(page_path)
    return at.run()


def _uploaded():
    report = upload.load(DATA, "收入.csv", layers.counties())
    return {
        "uploaded_indicators": {
            "name": "收入.csv",
            "values": report.values,
            "report": report,
            "token": None,
            "data": DATA,
            "key": "auto",
            "corrections": {},
        }
    }


def _save_new(at, name):
    at.text_input(key=next(t.key for t in at.text_input if (t.key or "").startswith("ws_new_name_"))).set_value(name)
    at.button(key="ws_save_new").click().run()
    assert not at.exception
    return at


def _saved_one(db):
    [summary] = db.list()
    return db.get(summary.id)


def test_saving_keeps_the_table_bytes_filter_and_thematic_choice(own_store):
    at = _app(session=_uploaded(), province="广西")
    at.sidebar.selectbox(key="thematic_indicator_zh").set_value("人均收入").run()
    _save_new(at, "广西 收入")
    ws = _saved_one(own_store)
    assert ws.name == "广西 收入" and ws.content.filter == {"province": "广西"}
    [table] = ws.content.tables
    assert table.file.data == DATA and table.encoding == "GB18030/GBK" and table.summary["matched"] == 2
    assert ws.content.thematic["indicator"] == "人均收入"
    assert any("已保存" in s.value for s in at.success)
    assert any(f"/?ws={ws.id}" == c.value for c in at.code)


def test_a_link_opens_everything_read_only_until_a_copy_is_saved(own_store):
    saved = _save_new(_app(session=_uploaded(), province="广西"), "同事的工作区")
    saved.sidebar.selectbox(key="thematic_indicator_zh").set_value("人均收入").run()
    saved.button(key="ws_save").click().run()
    ws = _saved_one(own_store)
    assert ws.version == 2

    at = _app(ws=ws.id)
    assert not at.exception
    assert any("只读" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "ws_save"]
    assert at.session_state["filter_query"] == {"province": "广西"}
    assert at.sidebar.multiselect(key="filter_provinces").value == ["广西"]
    assert at.sidebar.selectbox(key="thematic_indicator_zh").value == "人均收入"
    assert any("匹配报告：2 / 3" in e.label for e in at.expander)
    assert [b.label for b in at.button if b.key == "ws_save_new"] == ["保存副本"]

    _save_new(at, "我的副本")
    assert len(own_store.list()) == 2
    copy = next(w for w in own_store.list() if w.name == "我的副本")
    assert at.query_params["ws"] == copy.id  # the address now names the copy
    assert own_store.get(ws.id).version == 2  # the colleague's workspace is untouched
    assert [b for b in at.button if b.key == "ws_save"]  # the copy is this planner's own: editable


@pytest.mark.parametrize(
    ("link", "says"),
    [
        ("<script>alert(1)</script>", "格式有误"),
        ("x" * 500, "格式有误"),
        ("AAAAAAAAAAAAAAAAAAAAAA", "找不到链接中的工作区"),
    ],
)
def test_a_malformed_or_missing_link_gets_a_clear_message_not_a_traceback(link, says):
    at = _app(ws=link)
    assert not at.exception
    assert any(says in e.value for e in at.error)
    assert "<script>" not in " ".join(e.value for e in at.error)


def test_a_malformed_link_is_said_in_english_too():
    at = _app(ws="nope", lang="en")
    assert not at.exception and any("malformed" in e.value for e in at.error)


def test_a_second_save_of_the_same_version_gets_a_conflict_and_keeps_the_session(own_store):
    at = _save_new(_app(session=_uploaded(), province="广西"), "共用")
    ws = _saved_one(own_store)
    own_store.save(workspace.with_content(ws, filter={"province": "云南"}))  # a colleague saves first
    at.button(key="ws_save").click().run()
    assert not at.exception
    assert any("已被他人保存" in e.value for e in at.error)
    assert own_store.get(ws.id).content.filter == {"province": "云南"}
    assert at.session_state["uploaded_indicators"]["name"] == "收入.csv" and at.session_state["filter_query"] == {"province": "广西"}


def test_rename_duplicate_and_delete_from_the_panel(own_store):
    at = _save_new(_app(), "原名")
    ws = _saved_one(own_store)
    at.text_input(key=f"ws_rename_{ws.id}").set_value("新名")
    at.button(key="ws_rename").click().run()
    assert own_store.get(ws.id).name == "新名"
    at.button(key="ws_duplicate").click().run()
    assert sorted(w.name for w in own_store.list()) == ["新名", "新名 副本"]
    at.checkbox(key=f"ws_delete_sure_{ws.id}").check().run()
    at.button(key="ws_delete").click().run()
    assert not at.exception
    assert [w.name for w in own_store.list()] == ["新名 副本"]
    assert any("已删除" in s.value for s in at.success)


def test_open_from_the_list_is_editable(own_store):
    ws = own_store.save(workspace.new("列表中的", workspace.Content(filter={"province": "西藏"})))
    at = _app()
    at.selectbox(key="ws_pick").set_value(ws.id)
    at.button(key="ws_open").click().run()
    assert not at.exception
    assert at.session_state["filter_query"] == {"province": "西藏"}
    assert [b for b in at.button if b.key == "ws_save"]


def test_names_are_shown_literally(own_store):
    ws = own_store.save(workspace.new("**粗体** [链接](http://x.example) <b>x</b>"))
    at = _app(ws=ws.id)
    shown = [m.value for m in at.markdown if "粗体" in m.value]
    assert shown and all("\\*\\*粗体\\*\\*" in v and "\\[链接\\]" in v and "\\<b\\>" in v for v in shown)


def test_briefing_settings_come_back_with_the_workspace(own_store):
    at = _app("views/briefing.py")
    approval = next(t for t in at.text_input if t.label == "审图号（如有）")
    approval.set_value("GS(2024)1234号").run()
    title = next(t for t in at.text_input if t.label == "标题")
    title.set_value("边境县简报").run()
    _save_new(at, "简报")
    ws = _saved_one(own_store)
    assert ws.content.briefing["approval_no"] == "GS(2024)1234号" and ws.content.briefing["title"] == "边境县简报"
    back = _app("views/briefing.py", ws=ws.id)
    assert not back.exception
    assert next(t for t in back.text_input if t.label == "审图号（如有）").value == "GS(2024)1234号"
    assert next(t for t in back.text_input if t.label == "标题").value == "边境县简报"


def test_typed_screening_coordinates_and_settings_come_back_with_the_workspace(own_store):
    at = _app("views/screening.py")
    at.sidebar.radio(key="screening_mode").set_value("text").run()
    at.sidebar.text_area(key="screening_text").input("107.97167, 21.54778").run()
    at.sidebar.number_input(key="screening_buffer").set_value(35.0).run()
    _save_new(at, "筛查")
    section = _saved_one(own_store).content.screening
    assert section.text == "107.97167, 21.54778" and section.settings == {"mode": "text", "gcj02": False, "buffer_km": 35.0}
    assert "东兴市" in section.results.data.decode("utf-8-sig")
    back = _app("views/screening.py", ws=_saved_one(own_store).id)
    assert not back.exception
    assert back.sidebar.text_area(key="screening_text").value == "107.97167, 21.54778"
    assert back.sidebar.number_input(key="screening_buffer").value == 35.0
    assert back.dataframe[0].value["县级单位"].tolist() == ["东兴市"]


def test_a_saved_screening_file_is_screened_again_when_opened(own_store):
    points = workspace.File("项目.csv", "名称,lon,lat\n口岸,107.97167,21.54778\n".encode())
    section = workspace.Screening(input=points, settings={"mode": "file", "gcj02": False, "buffer_km": 20.0})
    ws = own_store.save(workspace.new("文件筛查", workspace.Content(screening=section)))
    at = _app("views/screening.py", ws=ws.id)
    assert not at.exception
    assert at.sidebar.radio(key="screening_mode").value == "file"
    assert at.dataframe[0].value["县级单位"].tolist() == ["东兴市"]
    _save_new(at, "文件筛查 副本")
    copy = next(w for w in own_store.list() if w.name == "文件筛查 副本")
    assert own_store.get(copy.id).content.screening.input == points


def test_what_was_drawn_on_the_screening_map_is_saved_as_geojson(own_store, monkeypatch):
    import json

    import streamlit_folium

    drawn = {"all_drawings": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [107.97167, 21.54778]}}]}
    monkeypatch.setattr(streamlit_folium, "st_folium", lambda *a, **k: drawn)
    at = _app("views/screening.py")
    at.session_state["screening-map-zh"] = drawn
    at.run()
    _save_new(at, "绘制")
    section = _saved_one(own_store).content.screening
    assert section.input.name == "drawn.geojson" and json.loads(section.input.data)["features"] == drawn["all_drawings"]


def test_an_unreachable_store_is_said_in_the_panel_and_the_page_still_works(monkeypatch):
    monkeypatch.setenv("BORDERDASH_DATABASE_URL", "postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2")
    at = _app(province="广西")
    assert not at.exception
    assert any("工作区存储不可用" in e.value for e in at.error)
    assert at.title[0].value
