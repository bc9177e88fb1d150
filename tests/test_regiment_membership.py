"""Regiments whose membership of the 58 is uncertain look and read differently wherever they are shown."""

from pathlib import Path

import folium
from streamlit.testing.v1 import AppTest

from borderdash import briefing, layers, mapping, view

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 120


def _marker_html(regiment_id):
    m = folium.Map(tiles=None)
    reg = layers.regiments()
    mapping.add_points(m, reg[reg.id == regiment_id], ["division_zh", "regiment_zh"], "#6a1b9a", "团场")
    return m.get_root().render()


def test_a_low_membership_regiment_is_drawn_with_a_dashed_ring_and_says_why():
    reg = layers.regiments().set_index("id")
    assert reg.loc["xpcc-10-187", "membership_confidence"] == "low"
    page = _marker_html("xpcc-10-187")
    assert f'"dashArray": "{mapping.UNCERTAIN_MEMBER_DASH}"' in page
    assert "membership of the 58 uncertain" in page


def test_a_sourced_border_regiment_is_drawn_with_a_solid_ring():
    page = _marker_html("xpcc-10-185")
    assert f'"dashArray": "{mapping.UNCERTAIN_MEMBER_DASH}"' not in page
    assert "membership of the 58 uncertain" not in page


def test_the_legend_explains_the_dashed_ring_when_regiments_are_shown():
    with_regiments = briefing.legend(view.select(view.Selection(extras=frozenset({"regiments"}))))
    assert any(symbol == "dashpoint" and "membership of the 58" in label for _, symbol, label in with_regiments)
    assert all(symbol != "dashpoint" for _, symbol, _ in briefing.legend(view.select(view.Selection(extras=frozenset()))))


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
