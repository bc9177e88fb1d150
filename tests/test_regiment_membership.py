"""Regiments whose membership of the 58 is uncertain look and read differently wherever they are shown."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from borderdash import layers, view, webmap

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120


def _marker(regiment_id: str) -> dict:
    """A regiment's feature in the live map's static regiments file (what webmap.js draws and its tooltip reads)."""
    data = json.loads((webmap.LAYERS_DIR / webmap.layer_files()["regiments"].rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    return next(f["properties"] for f in data["features"] if f["properties"]["id"] == regiment_id)


def test_a_low_membership_regiment_is_drawn_with_a_dashed_ring_and_says_why():
    reg = layers.regiments().set_index("id")
    assert reg.loc["xpcc-10-187", "membership_confidence"] == "low"
    marker = _marker("xpcc-10-187")
    assert marker["uncertain"] is True and "dashArray: p.uncertain ? S.uncertain_dash" in webmap.SCRIPT.read_text(encoding="utf-8")
    assert "Membership of the 58" in marker["note_en"] and "存疑" in marker["note_zh"]


def test_a_sourced_border_regiment_is_drawn_with_a_solid_ring():
    marker = _marker("xpcc-10-185")
    assert marker["uncertain"] is False and not marker["note_en"]


def test_the_legend_explains_the_dashed_ring_when_regiments_are_shown():
    rows = webmap.legend_rows(view.select(view.Selection(extras=frozenset({"regiments"}))), "en")
    assert any(symbol == "dashpoint" and "membership of the 58" in label for _, symbol, label in rows)
    assert all(symbol != "dashpoint" for _, symbol, _ in webmap.legend_rows(view.select(view.Selection(extras=frozenset())), "en"))


def test_the_place_profile_says_membership_is_uncertain():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(place="xpcc-10-187", lang="en")
    at.switch_page("views/place.py")
    at.run()
    assert not at.exception
    assert any("membership of the 58 is uncertain" in w.value for w in at.warning)
    sure = AppTest.from_file(APP, default_timeout=TIMEOUT)
    sure.query_params.update(place="xpcc-10-185", lang="en")
    sure.switch_page("views/place.py")
    sure.run()
    assert not any("membership of the 58 is uncertain" in w.value for w in sure.warning)
