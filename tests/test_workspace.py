"""The workspace model: ids, limits, the export file and what import refuses, tables restored from their bytes."""

import io
import json
import zipfile

import pytest

from borderdash import upload, workspace
from borderdash.workspace import Content, File, Screening, Table, WorkspaceError

CSV = "adcode,人口\n450681,10\n450621,20\n653024,5\n".encode()
NAMES = "县名,人口\n东兴,10\n东心市,7\n".encode()


def sample(name="边境 工作区") -> workspace.Workspace:
    table = Table(File("人口.csv", CSV), "adcode", "adcode", "UTF-8", {}, {"rows": 3})
    screening = Screening("108.0, 21.5", File("pts.csv", b"lon,lat\n108,21.5\n"), {"buffer_km": 20}, File("r.csv", b"x\n1\n"))
    content = Content(
        {"province": "广西,云南", "border": "1"},
        (table,),
        {"indicator": "人口", "method": "quantiles", "k": 5, "breaks": "10, 50", "scheme": "viridis"},
        {"template": "overview", "title": "东兴 <b>", "approval_no": "GS(2024)1号", "size": "a4-landscape", "extras": ["regiments"]},
        screening,
    )
    return workspace.new(name, content)


def zipped(entries: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in entries.items():
            z.writestr(path, data)
    return out.getvalue()


def manifest_of(data: bytes) -> dict:
    return json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))


def test_ids_are_random_url_safe_and_carry_128_bits():
    ids = {workspace.new_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(workspace.valid_id(i) and len(i) == 22 for i in ids)  # log2(62) + 21 * 6 ≈ 132 bits
    assert not workspace.valid_id("../../etc/passwd") and not workspace.valid_id("x" * 21) and not workspace.valid_id(None)


def test_export_then_import_gives_the_same_workspace_and_files():
    ws = sample()
    data = workspace.to_export(ws)
    back = workspace.from_export(data)
    assert (back.id, back.name, back.content) == (ws.id, ws.name, ws.content)
    assert back.content.tables[0].file.data == CSV and back.content.screening.results.data == b"x\n1\n"
    manifest = manifest_of(data)
    assert manifest["format"] == "borderdash-workspace" and manifest["schema"] == workspace.SCHEMA_VERSION
    assert {f["sha256"] for f in manifest["files"]} == set(ws.content.files())


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (CSV, "not-a-workspace"),
        (b"PK\x03\x04 damaged", "not-a-workspace"),
        (zipped({"xl/workbook.xml": "<x/>"}), "not-a-workspace"),
        (zipped({"manifest.json": "{not json"}), "not-a-workspace"),
        (zipped({"manifest.json": json.dumps({"format": "something-else", "schema": 1})}), "not-a-workspace"),
    ],
)
def test_import_refuses_files_that_are_not_workspace_exports(data, code):
    with pytest.raises(WorkspaceError) as exc:
        workspace.from_export(data)
    assert exc.value.code == code and "manifest.json" in exc.value.zh and "not a borderdash workspace" in exc.value.en


def test_import_refuses_a_newer_schema_saying_both_versions():
    manifest = manifest_of(workspace.to_export(sample()))
    manifest["schema"] = workspace.SCHEMA_VERSION + 1
    with pytest.raises(WorkspaceError) as exc:
        workspace.from_export(zipped({"manifest.json": json.dumps(manifest)}))
    assert exc.value.code == "newer-schema"
    assert f"{workspace.SCHEMA_VERSION + 1}" in exc.value.zh and "upgrade" in exc.value.en


def test_import_refuses_too_large_files_and_zip_bombs():
    with pytest.raises(WorkspaceError) as exc:
        workspace.from_export(b"PK" + b"\0" * (workspace.MAX_EXPORT_BYTES + 1))
    assert exc.value.code == "too-large" and "20.0 MB" in exc.value.en
    bomb = zipped({"manifest.json": "{}", "files/x": b"\0" * (workspace.MAX_EXPORT_BYTES + 1)})
    assert len(bomb) < 100_000
    with pytest.raises(WorkspaceError) as exc:
        workspace.from_export(bomb)
    assert exc.value.code == "too-large" and "解压后" in exc.value.zh


def test_import_refuses_a_file_that_does_not_match_its_hash():
    ws = sample()
    data = workspace.to_export(ws)
    entries = {i.filename: zipfile.ZipFile(io.BytesIO(data)).read(i.filename) for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    sha = ws.content.tables[0].file.sha256
    entries[f"files/{sha}"] = CSV.replace(b"10", b"99")
    with pytest.raises(WorkspaceError) as exc:
        workspace.from_export(zipped(entries))
    assert exc.value.code == "malformed" and "sha256" in exc.value.en


def test_the_cap_is_said_when_a_workspace_is_too_large():
    big = tuple(Table(File(f"t{i}.csv", bytes([i]) * upload.MAX_BYTES)) for i in range(4))
    with pytest.raises(WorkspaceError) as exc:
        workspace.new("big", Content(tables=big, screening=Screening(input=File("p.csv", b"1" * upload.MAX_BYTES))))
    assert exc.value.code == "too-large" and "20.0 MB" in exc.value.zh and "the limit is 20.0 MB" in exc.value.en


def test_a_file_over_the_upload_limit_and_a_fifth_table_are_refused():
    with pytest.raises(WorkspaceError, match="5.0 MB"):
        workspace.new("x", Content(tables=(Table(File("t.csv", b"1" * (upload.MAX_BYTES + 1))),)))
    with pytest.raises(WorkspaceError) as exc:
        workspace.new("x", Content(tables=tuple(Table(File(f"{i}.csv", bytes([i]))) for i in range(5))))
    assert exc.value.code == "too-many-tables"


def test_names_are_one_clipped_line_and_never_empty():
    assert workspace.clean_name("  东兴\n\t口岸\u202e  ") == "东兴 口岸"
    assert len(workspace.clean_name("名" * 500)) == workspace.MAX_NAME
    with pytest.raises(WorkspaceError) as exc:
        workspace.clean_name(" \n ")
    assert exc.value.code == "no-name"


def test_briefing_settings_keep_known_keys_clipped_to_the_page_limits():
    cleaned = workspace.clean_briefing({"title": "题" * 500, "approval_no": 7, "extras": ["regiments", 3], "script": "<x>"})
    assert cleaned == {"title": "题" * 120, "extras": ["regiments"]}


def test_a_stored_table_restores_the_same_match_report(counties):
    report = upload.load(CSV, "人口.csv", counties, "auto")
    table = workspace.table_from_report(CSV, "人口.csv", "auto", report)
    assert table.encoding == "UTF-8" and table.key_column == "adcode" and table.summary["matched"] == 3
    restored, same = workspace.restore_table(table, counties)
    assert same and restored.values.equals(report.values)


def test_accepted_corrections_are_restored_and_a_changed_report_is_noticed(counties):
    report = upload.load(NAMES, "n.csv", counties, "name")
    assert list(report.unmatched.row) == [3]
    table = workspace.table_from_report(NAMES, "n.csv", "name", report, {3: "450681"})
    restored, same = workspace.restore_table(table, counties)
    assert not same  # the summary was of the report before the correction
    assert set(restored.matched.adcode) == {"450681"} and len(restored.duplicates) == 1 and not len(restored.unmatched)


def test_content_from_damaged_json_is_refused_with_a_reason():
    with pytest.raises(WorkspaceError) as exc:
        workspace.content_from_doc({"tables": [{"file": "0" * 64, "name": "x"}]}, {})
    assert exc.value.code == "malformed" and "missing" in exc.value.en
    with pytest.raises(WorkspaceError):
        workspace.content_from_doc({"filter": {"province": 3}}, {})


def test_a_new_id_never_reads_as_a_command_line_option():
    assert all(workspace.new_id()[0].isalnum() for _ in range(2000))
