"""`borderdash workspace …`: new, list, show, export, import on another installation, delete; refusals exit 2 with a reason."""

import pytest

from borderdash.cli import main

CSV = "adcode,人口\n450681,10\n450621,20\n999999,1\n".encode()


@pytest.fixture
def installation(tmp_path, monkeypatch):
    """A data folder of its own; returns a function that switches to another one (another installation)."""
    monkeypatch.delenv("BORDERDASH_DATABASE_URL", raising=False)

    def use(name: str):
        monkeypatch.setenv("BORDERDASH_DATA_DIR", str(tmp_path / name))

    use("office-a")
    return use


def new_id(capsys, *args) -> str:
    assert main(["workspace", "new", *args]) == 0
    out = capsys.readouterr().out.split()
    assert out[1] == f"/?ws={out[0]}"
    return out[0]


def test_new_with_a_table_and_filter_then_show_and_list(installation, tmp_path, capsys):
    table = tmp_path / "人口.csv"
    table.write_bytes(CSV)
    ws = new_id(capsys, "东兴 简报", "--upload", str(table), "--key", "adcode", "--province", "Guangxi", "--neighbour", "VNM")
    assert main(["workspace", "show", ws]) == 0
    shown = capsys.readouterr().out
    assert "东兴 简报" in shown and "--province 广西 --neighbour VNM" in shown
    assert "人口.csv" in shown and "2 of 3 rows matched" in shown and "UTF-8" in shown
    assert main(["workspace", "list"]) == 0
    listed = capsys.readouterr().out
    assert ws in listed and "(1 workspaces)" in listed


def test_export_then_import_on_another_installation_keeps_id_and_content(installation, tmp_path, capsys):
    table = tmp_path / "t.csv"
    table.write_bytes(CSV)
    ws = new_id(capsys, "交接", "--upload", str(table), "--border-only")
    assert main(["workspace", "show", ws]) == 0
    before = capsys.readouterr().out
    out = tmp_path / "ws.zip"
    assert main(["workspace", "export", ws, "-o", str(out)]) == 0
    installation("office-b")
    assert main(["workspace", "show", ws]) == 2
    capsys.readouterr()
    assert main(["workspace", "import", str(out)]) == 0
    assert capsys.readouterr().out.split()[0] == ws
    assert main(["workspace", "show", ws]) == 0
    after = capsys.readouterr().out
    assert after.splitlines()[3:] == before.splitlines()[3:]  # filter, table; times and version say when it was saved here


def test_delete_then_show_says_not_found(installation, capsys):
    ws = new_id(capsys, "临时")
    assert main(["workspace", "delete", ws]) == 0
    assert main(["workspace", "show", ws]) == 2
    assert "No workspace" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["show", "not-an-id"], "not a workspace id"),
        (["new", "  "], "Give the workspace a name"),
        (["new", "x", "--province", "Atlantis"], "unknown province"),
    ],
)
def test_refusals_exit_2_with_a_reason(installation, capsys, args, says):
    assert main(["workspace", *args]) == 2
    assert says in capsys.readouterr().err


def test_import_refuses_a_table_that_is_not_an_export(installation, tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes(CSV)
    assert main(["workspace", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "不是 borderdash 工作区导出文件" in err and "not a borderdash workspace export" in err
