"""The workspace store on both engines (SQLite file, and a real PostgreSQL started for the run): saves, conflicts, failures."""

import threading
import uuid
from dataclasses import replace

import pytest
import sqlalchemy as sa

from borderdash import pgserver, store, workspace
from borderdash.workspace import Content, File, Table, WorkspaceError

CSV = b"adcode,x\n450681,1\n"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ws.sqlite3'}"
    home, port = request.getfixturevalue("postgres")
    return store.database_url_of(pgserver.create_database(home, port, f"t_{uuid.uuid4().hex[:12]}"))


@pytest.fixture
def db(engine_url):
    return store.Store(engine_url)


def with_table(name="表.csv", data=CSV) -> Content:
    return Content({"province": "广西"}, (Table(File(name, data), "adcode", "adcode", "UTF-8", {2: "450681"}, {"rows": 1}),))


def file_rows(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(store.files)).scalar()


def test_a_saved_workspace_reads_back_with_its_files(db):
    saved = db.save(workspace.new("边境 <b>", with_table()))
    got = db.get(saved.id)
    assert (got.name, got.version, got.content) == ("边境 <b>", 1, saved.content)
    assert got.content.tables[0].file.data == CSV and got.content.tables[0].corrections == {2: "450681"}
    assert got.created == saved.created and got.updated.tzinfo is not None


def test_two_saves_of_the_same_version_the_second_gets_a_conflict(db):
    first = db.save(workspace.new("w", with_table()))
    mine = db.save(workspace.with_content(first, filter={"province": "云南"}))
    with pytest.raises(store.Conflict) as exc:
        db.save(workspace.with_content(first, filter={"province": "西藏"}))
    assert "version 2" in exc.value.en and "第 2 版" in exc.value.zh
    assert db.get(first.id).content.filter == {"province": "云南"} and mine.version == 2


def test_saving_a_new_workspace_twice_is_a_conflict_not_a_second_copy(db):
    ws = workspace.new("w")
    db.save(ws)
    with pytest.raises(store.Conflict):
        db.save(ws)
    assert len(db.list()) == 1


def test_concurrent_saves_of_one_version_let_exactly_one_through(db):
    base = db.save(workspace.new("w"))
    results, barrier = [], threading.Barrier(6)

    def save(i):
        barrier.wait()
        try:
            db.save(workspace.with_content(base, filter={"neighbour": ["VNM", "LAO", "MMR", "IND", "NPL", "BTN"][i]}))
            results.append("saved")
        except store.Conflict:
            results.append("conflict")

    threads = [threading.Thread(target=save, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict"] * 5 + ["saved"]
    assert db.get(base.id).version == 2


def test_a_failed_save_says_so_and_leaves_the_stored_version(db):
    saved = db.save(workspace.new("w", with_table()))
    with db.engine.begin() as conn:
        if db.sqlite:
            conn.exec_driver_sql("CREATE TRIGGER disk_full BEFORE INSERT ON workspace_files BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION disk_full() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql("CREATE TRIGGER disk_full BEFORE INSERT ON workspace_files FOR EACH ROW EXECUTE FUNCTION disk_full()")
    changed = workspace.with_content(saved, tables=with_table("new.csv", CSV + b"450621,2\n").tables, filter={})
    with pytest.raises(WorkspaceError) as exc:
        db.save(changed)
    assert exc.value.code == "store-failed" and "kept" in exc.value.en and "仍在" in exc.value.zh
    got = db.get(saved.id)
    assert got.version == 1 and got.content == saved.content  # one transaction: the name/version update was rolled back too


def test_files_a_save_no_longer_names_are_removed_and_shared_ones_kept(db):
    saved = db.save(workspace.new("w", with_table()))
    two = replace(saved.content, tables=saved.content.tables + with_table("b.csv", b"adcode,y\n450621,3\n").tables)
    saved = db.save(workspace.with_content(saved, tables=two.tables))
    assert file_rows(db) == 2
    db.save(workspace.with_content(saved, tables=two.tables[1:]))
    assert file_rows(db) == 1 and db.get(saved.id).content.tables[0].file.name == "b.csv"


def test_rename_and_duplicate_and_delete(db):
    saved = db.save(workspace.new("原名", with_table()))
    renamed = db.rename(saved.id, "新名", saved.version)
    assert (renamed.name, renamed.version) == ("新名", 2)
    with pytest.raises(store.Conflict):
        db.rename(saved.id, "又一名", saved.version)
    copy = db.duplicate(saved.id, "副本")
    assert copy.id != saved.id and copy.version == 1 and copy.content == saved.content
    assert [w.name for w in db.list()] == ["副本", "新名"]
    with pytest.raises(store.Conflict):
        db.delete(saved.id, version=1)
    db.delete(saved.id, version=2)
    with pytest.raises(store.NotFound):
        db.get(saved.id)
    assert db.get(copy.id).content.tables[0].file.data == CSV and file_rows(db) == 1


@pytest.mark.parametrize("bad", ["", "x", "../../../etc/passwd", "a" * 23, "'; DROP TABLE workspaces; --"])
def test_malformed_ids_are_refused_before_any_query(db, bad):
    with pytest.raises(WorkspaceError) as exc:
        db.get(bad)
    assert exc.value.code == "bad-id"


def test_an_unknown_id_is_not_found(db):
    with pytest.raises(store.NotFound) as exc:
        db.get(workspace.new_id())
    assert exc.value.code == "not-found"


def test_an_import_keeps_its_id_when_free_and_takes_a_new_one_when_not(db):
    original = db.save(workspace.new("w", with_table()))
    data = workspace.to_export(original)
    again, renamed = db.import_export(data)
    assert renamed and again.id != original.id and again.content == original.content
    db.delete(original.id)
    back, renamed = db.import_export(data)
    assert not renamed and back.id == original.id and back.created == original.created


def test_migrations_run_on_open_to_the_head_and_twice_is_harmless(engine_url):
    store.Store(engine_url)
    db = store.Store(engine_url)
    with db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_a_store_migrated_by_a_newer_release_is_refused_with_a_reason(engine_url):
    db = store.Store(engine_url)
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(WorkspaceError) as exc:
        store.Store(engine_url)
    assert exc.value.code == "newer-store" and "upgrade" in exc.value.en


def test_an_unreachable_database_says_so():
    with pytest.raises(WorkspaceError) as exc:
        store.Store("postgresql+psycopg://nobody:x@127.0.0.1:1/none?connect_timeout=2")
    assert exc.value.code == "store-failed" and "cannot be reached" in exc.value.en


def test_the_default_store_is_sqlite_in_the_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("BORDERDASH_DATABASE_URL", raising=False)
    monkeypatch.delenv("BORDERDASH_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert store.database_url() == f"sqlite:///{tmp_path / 'xdg' / 'borderdash' / 'workspaces.sqlite3'}"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert store.data_dir() == tmp_path / "home" / ".local" / "share" / "borderdash"
    monkeypatch.setenv("BORDERDASH_DATA_DIR", str(tmp_path / "d"))
    assert store.data_dir() == tmp_path / "d"


def test_a_data_dir_inside_the_checkout_is_refused(monkeypatch):
    monkeypatch.setenv("BORDERDASH_DATA_DIR", str(store.ROOT / "geodata" / "ws"))
    with pytest.raises(WorkspaceError) as exc:
        store.data_dir()
    assert exc.value.code == "data-dir-in-checkout"


def test_a_postgresql_url_uses_psycopg_3_and_hides_its_password(monkeypatch):
    monkeypatch.setenv("BORDERDASH_DATABASE_URL", "postgresql://u:secret@db.local:5432/bd")
    url = store.database_url()
    assert url == "postgresql+psycopg://u:secret@db.local:5432/bd"
    assert "secret" not in store.where(url)
