"""Uploaded tables: the bad and awkward files planners really have, and the message each one gets."""

import io
import zipfile

import openpyxl
import pytest

from borderdash import upload


def xlsx(rows, formulas=None, sheets=1) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    for row in rows:
        ws.append(row)
    for ref, formula in (formulas or {}).items():
        ws[ref] = formula
    for i in range(1, sheets):
        wb.create_sheet(f"other{i}")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_cached_formula_values(data: bytes) -> bytes:
    """An .xlsx whose formula cells carry a saved result, as Excel writes them (openpyxl itself never does)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename.startswith("xl/worksheets/sheet1"):
                body = body.replace(b"</f><v></v>", b"</f><v>42</v>").replace(b"</f><v />", b"</f><v>42</v>")
                if b"<v>42</v>" not in body:
                    body = body.replace(b"</f>", b"</f><v>42</v>")
            dst.writestr(item, body)
    return out.getvalue()


GOOD = "adcode,人均收入\n450681,45000\n451481,38000\n"
NAMES = "县名,省份,人均收入\n东兴市,广西,45000\n凭祥,广西,38000\n"

# (id, bytes, filename, error code or None, text the message or report must contain, extra check on the report)
CASES = [
    ("utf8-plain", GOOD.encode(), "a.csv", None, "UTF-8", lambda r: len(r.matched) == 2),
    ("utf8-bom", b"\xef\xbb\xbf" + NAMES.encode(), "a.csv", None, "UTF-8 with BOM", lambda r: len(r.matched) == 2),
    ("gbk", NAMES.encode("gbk"), "a.csv", None, "GB18030/GBK", lambda r: len(r.matched) == 2),
    (
        "gb18030-rare-char",
        "县名,值\n东兴市,1\n㐀测试县,2\n".encode("gb18030"),
        "a.csv",
        None,
        "GB18030/GBK",
        lambda r: len(r.unmatched) == 1,
    ),
    ("utf16-excel-unicode-text", ("县名\t值\n东兴市\t1\n").encode("utf-16"), "a.txt", None, "UTF-16", lambda r: len(r.matched) == 1),
    ("latin1-unknown", "name,value\nCaf\xe9 \xe0 la carte,1\n".encode("latin-1"), "a.csv", "encoding", "UTF-8", None),
    ("bom-but-invalid-utf8", b"\xef\xbb\xbf" + NAMES.encode("gbk"), "a.csv", "encoding", "UTF-8 with BOM", None),
    ("empty", b"", "a.csv", "empty", "文件为空", None),
    ("only-blank-lines", b"\n\n , \n", "a.csv", "no-rows", "no rows", None),
    ("header-only", b"adcode,value\n", "a.csv", "header-only", "no data rows", None),
    ("one-column", b"adcode\n450681\n", "a.csv", "one-column", "one column", None),
    ("huge", b"adcode,v\n" + b"450681,1\n" * 700_000, "a.csv", "too-large", "limit is 5 MB", None),
    ("too-many-rows", b"adcode,v\n" + b"450681,1\n" * (upload.MAX_ROWS + 50), "a.csv", "too-many-rows", "5,000", None),
    (
        "too-many-columns",
        (",".join(f"c{i}" for i in range(80)) + "\n" + ",".join("1" * 80) + "\n").encode(),
        "a.csv",
        "too-many-columns",
        "60",
        None,
    ),
    ("binary-png", b"\x89PNG\r\n\x1a\n" + bytes(200), "a.csv", "binary", "PNG", None),
    ("binary-nul", b"adcode,v\x00\x00\x01\x02" * 50, "a.csv", "binary", "binary", None),
    ("pdf-renamed-csv", b"%PDF-1.7\n...", "a.csv", "binary", "PDF", None),
    ("xls-disguised-as-xlsx", upload.OLE2 + bytes(512), "a.xlsx", "xls", ".xls", None),
    (
        "html-disguised-as-xlsx",
        b"<html><table><tr><td>adcode</td></tr></table></html>",
        "a.xlsx",
        "fake-xlsx",
        "not an Excel workbook",
        None,
    ),
    ("csv-named-xlsx", GOOD.encode(), "a.xlsx", "fake-xlsx", "named .xlsx", None),
    ("docx-zip", b"", "a.xlsx", "bad-xlsx", "not an Excel workbook", None),
    ("truncated-xlsx", None, "a.xlsx", "bad-xlsx", "damaged", None),
    ("xlsx-formula-no-saved-value", None, "a.xlsx", "formulas", "formula cells have no saved result", None),
    ("xlsx-formula-saved-value", None, "a.xlsx", None, "saved results are used", lambda r: r.values.iloc[0, 0] == 42),
    ("xlsx-numeric-adcodes-and-extra-sheet", None, "a.xlsx", None, "Only the first sheet", lambda r: len(r.matched) == 2),
    ("xlsx-named-csv", None, "a.csv", None, "read as .xlsx", lambda r: len(r.matched) == 2),
    ("title-row-above-header", ("2023年边境县统计\n" + GOOD).encode(), "a.csv", None, "Skipped title row 1", lambda r: len(r.matched) == 2),
    (
        "merged-two-row-header",
        "县名,人均收入,,人口\n,城镇,农村,\n东兴市,50000,20000,15\n".encode(),
        "a.csv",
        None,
        "two header rows combined",
        lambda r: r.value_columns == ["人均收入 城镇", "人均收入 农村", "人口"],
    ),
    ("duplicate-keys", b"adcode,v\n450681,1\n450681,2\n451481,3\n", "a.csv", None, "rows 2, 3", lambda r: r.values.loc["450681", "v"] == 1),
    ("missing-keys", b"adcode,v\n,1\n450681,2\n", "a.csv", None, "empty key", lambda r: len(r.unmatched) == 1),
    ("adcode-as-float-and-12-digit", b"code,v\n450681.0,1\n451481000000,2\n", "a.csv", None, "Matched 2", None),
    (
        "adcode-outside-coverage",
        b"adcode,v\n110101,1\n450699,2\n",
        "a.csv",
        None,
        "not among the mapped counties",
        lambda r: "4506" in r.unmatched.candidates.iloc[1],
    ),
    ("adcode-malformed", b"adcode,v\n45068,1\n450681,2\n", "a.csv", None, "not a six-digit adcode", None),
    (
        "names-without-suffix",
        "县,v\n东兴,1\n凭祥,2\n孟连,3\n".encode(),
        "a.csv",
        None,
        "Matched 3",
        lambda r: set(r.matched.how) == {"name without unit suffix"},
    ),
    ("autonomous-county-short-name", "县名,v\n孟连县,1\n孟连傣族拉祜族佤族自治县,2\n".encode(), "a.csv", None, "rows 2, 3", None),
    ("english-names", b"county,v\nDongxing City,1\npingxiang,2\nMengla County,3\n", "a.csv", None, "Matched 3", None),
    (
        "repeated-name-without-province",
        "县名,v\n铁东区,1\n".encode(),
        "a.csv",
        None,
        "name repeats",
        lambda r: "吉林" in r.unmatched.candidates.iloc[0],
    ),
    ("repeated-name-with-province", "县名,省份,v\n铁东区,吉林省,1\n城关区,西藏自治区,2\n".encode(), "a.csv", None, "Matched 2", None),
    (
        "repeated-name-same-province-with-prefecture",
        "县名,省份,地市,v\n铁西区,辽宁,鞍山市,1\n".encode(),
        "a.csv",
        None,
        "Matched 1",
        lambda r: r.matched.adcode.iloc[0] == "210303",
    ),
    ("name-in-wrong-province", "县名,省份,v\n东兴市,云南,1\n".encode(), "a.csv", None, "not in the given province", None),
    ("typo-gets-closest-candidates", "县名,v\n东新市,1\n".encode(), "a.csv", None, "东兴市", None),
    (
        "text-in-numeric-column",
        "adcode,v\n450681,12.5万\n451481,#DIV/0!\n530827,3\n530828,4\n".encode(),
        "a.csv",
        None,
        "2 non-numeric",
        lambda r: r.values["v"].isna().sum() == 2,
    ),
    (
        "thousands-fullwidth-percent-and-dash",
        'adcode,v\n450681,"1,234"\n451481,１２\n530827,45%\n530828,—\n'.encode(),
        "a.csv",
        None,
        "0 non-numeric, 1 empty",
        None,
    ),
    ("no-numeric-column", "adcode,备注\n450681,好\n".encode(), "a.csv", None, "No numeric column", None),
    ("semicolon-delimited", b"adcode;v\n450681;1\n", "a.csv", None, "Delimiter: ;", None),
    ("duplicate-column-names", b"adcode,v,v\n450681,1,2\n", "a.csv", None, "renamed 'v (2)'", lambda r: r.value_columns == ["v", "v (2)"]),
    (
        "column-named-like-builtin",
        b"adcode,area_km2\n450681,1\n",
        "a.csv",
        None,
        "Matched 1",
        lambda r: r.value_columns == ["area_km2 (upload)"],
    ),
    ("no-key-column", b"a,b\n1,2\n", "a.csv", "no-key", "No column of county names", None),
]


def _fixture(case_id: str, data):
    if case_id == "docx-zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", "<w:document/>")
        return buf.getvalue()
    if case_id == "truncated-xlsx":
        return xlsx([["adcode", "v"], ["450681", 1]])[:300]
    if case_id == "xlsx-formula-no-saved-value":
        return xlsx([["adcode", "v"], ["450681", 1], ["451481", None]], formulas={"B3": "=B2*2"})
    if case_id == "xlsx-formula-saved-value":
        return with_cached_formula_values(xlsx([["adcode", "v"], ["450681", None]], formulas={"B2": "=40+2"}))
    if case_id in ("xlsx-numeric-adcodes-and-extra-sheet", "xlsx-named-csv"):
        return xlsx([["adcode", "人均收入"], [450681, 45000.0], [451481, 38000]], sheets=2)
    return data


@pytest.mark.parametrize(("case_id", "data", "filename", "error", "says", "check"), CASES, ids=[c[0] for c in CASES])
def test_bad_and_awkward_uploads_get_a_clear_message(counties, case_id, data, filename, error, says, check):
    data = _fixture(case_id, data)
    if error:
        with pytest.raises(upload.UploadError) as info:
            upload.load(data, filename, counties)
        assert info.value.code == error
        assert says in str(info.value)
        assert info.value.zh and info.value.en
        return
    report = upload.load(data, filename, counties)
    assert says in report.text()
    if check:
        assert check(report)


def test_the_table_has_at_least_25_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("东兴市", ("东兴市", "东兴")),
        ("孟连傣族拉祜族佤族自治县", ("孟连傣族拉祜族佤族自治县", "孟连")),
        ("土默特左旗", ("土默特左旗", "土默特左")),
        ("Dongxing City", ("dongxingcity", "dongxing")),
        ("Xi'an District", ("xiandistrict", "xian")),
        (" 东兴 市 ", ("东兴市", "东兴")),
    ],
)
def test_name_forms_strip_unit_and_autonomy_suffixes(text, forms):
    assert upload.name_forms(text) == forms


def test_uploaded_columns_join_by_adcode_and_leave_others_empty(counties):
    report = upload.load(GOOD.encode(), "a.csv", counties)
    joined = upload.join(counties, report.values)
    assert joined.set_index("adcode").loc["450681", "人均收入"] == 45000
    assert joined["人均收入"].isna().sum() == len(counties) - 2


def test_key_can_be_forced_to_name(counties):
    report = upload.load("adcode,县名,v\n999999,东兴市,1\n".encode(), "a.csv", counties, key="name")
    assert report.key == "name" and len(report.matched) == 1
