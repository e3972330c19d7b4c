"""The audit log as a hash chain: any deletion, edit, insertion or back-dating is found and named."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ukom_desktop.db import audit
from ukom_desktop.db.database import open_database

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def _write_entries(url: str, count: int = 5) -> None:
    db = open_database(url)
    try:
        for i in range(count):  # one transaction each, as the app writes them
            with db.sessions.begin() as session:
                audit.record(session, action="ubah", entity="participant", entity_id=i,
                             old={"name": f"Lama {i}"}, new={"name": f"Baru {i}", "nilai": 3.5}, actor="sekretariat")
        with db.sessions.begin() as session:  # several in one flush keep their order
            for i in range(3):
                audit.record(session, action="tambah", entity="event", entity_id=100 + i, note=f"ke-{i}")
    finally:
        db.dispose()


def _problems(url: str) -> list[audit.ChainProblem]:
    db = open_database(url, upgrade=False, auto_backup=False)
    try:
        with db.sessions() as session:
            return audit.verify_chain(session)
    finally:
        db.dispose()


def _tamper(path: Path, *statements: str) -> None:
    """What someone with the file and the sqlite3 tool can do: drop the guards, then change rows."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def chained(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "ukom.sqlite"
    url = f"sqlite:///{path}"
    _write_entries(url)
    return url, path


def test_an_untouched_log_verifies(db_url: str) -> None:
    _write_entries(db_url)
    assert _problems(db_url) == []


def test_an_edited_row_is_named(chained: tuple[str, Path]) -> None:
    url, path = chained
    _tamper(path, "UPDATE audit_log SET actor = 'orang lain' WHERE id = 3")
    problems = _problems(url)
    assert [p.row_id for p in problems] == [3] and "#3 diubah" in problems[0].text


def test_a_deleted_row_breaks_the_chain_at_the_next_row(chained: tuple[str, Path]) -> None:
    url, path = chained
    _tamper(path, "DELETE FROM audit_log WHERE id = 4")
    problems = _problems(url)
    assert problems and problems[0].row_id == 5 and "dihapus" in problems[0].text


def test_an_inserted_back_dated_row_is_found(chained: tuple[str, Path]) -> None:
    url, path = chained
    _tamper(path, "INSERT INTO audit_log (at, actor, action, entity, note) "
                  "VALUES ('2020-01-01 08:00:00.000000', 'x', 'hapus', 'participant', '')")
    texts = " ".join(p.text for p in _problems(url))
    assert "tidak bersidik" in texts and "bertanggal mundur" in texts


def test_emptying_the_table_or_cutting_the_end_is_found(chained: tuple[str, Path]) -> None:
    url, path = chained
    _tamper(path, "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    assert any(p.row_id is None and "Ujung rantai" in p.text for p in _problems(url))
    _tamper(path, "DELETE FROM audit_log")
    assert any("dikosongkan" in p.text for p in _problems(url))


def test_rows_from_before_the_chain_are_chained_by_the_upgrade(tmp_path: Path) -> None:
    copy = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "ukom-0001.sqlite", copy)
    conn = sqlite3.connect(copy)
    with conn:
        for i in range(3):
            conn.execute("INSERT INTO audit_log (at, actor, action, entity, old_value, new_value, note) VALUES "
                         "(?, 'admin', 'ubah', 'event', NULL, ?, '')", (f"2026-0{i + 1}-01 08:00:00.000000",
                                                                        '{"a": 1}'))
    conn.close()
    url = f"sqlite:///{copy}"
    open_database(url).dispose()
    assert _problems(url) == []
    _write_entries(url, count=1)
    assert _problems(url) == []


def test_cli_verify_audit_exit_code_and_sentence(chained: tuple[str, Path]) -> None:
    _url, path = chained

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(path), "db", "verify-audit"],
                              capture_output=True, text=True, timeout=120)

    ok = run()
    assert ok.returncode == 0 and "Log audit utuh: 8 baris" in ok.stdout
    _tamper(path, "UPDATE audit_log SET note = 'dipalsukan' WHERE id = 7")
    bad = run()
    assert bad.returncode == 1 and "Baris audit #7 diubah" in bad.stdout


def test_two_workstations_writing_at_once_never_fork_the_chain(db_url: str) -> None:
    import threading

    db = open_database(db_url)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def workstation(name: str) -> None:
        try:
            start.wait()
            for i in range(15):
                with db.sessions.begin() as session:
                    audit.record(session, action="ubah", entity="participant", entity_id=i, actor=name)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=workstation, args=(f"ws{n}",)) for n in (1, 2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == []
        with db.sessions() as session:
            assert audit.verify_chain(session) == []
            assert session.query(audit.AuditEntry).count() == 30
    finally:
        db.dispose()
