"""The CLI as an administrator uses it: demo, check, upgrade, backup, and clear errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from ukom_desktop import __version__
from ukom_desktop.domain.nip import is_valid_nip


def test_version() -> None:
    out = subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--version"], capture_output=True, text=True)
    assert out.stdout.strip() == f"UKOM Desktop {__version__}"


def test_demo_builds_a_realistic_event(cli) -> None:  # type: ignore[no-untyped-def]
    summary = cli.json("demo", "--participants", "45", "--seed", "3")
    assert summary["participants"] == 45 and summary["waves"] == 2
    plain = cli("demo", "--participants", "0").stdout.strip()
    assert plain.startswith("UKOM-") and plain != summary["event_code"]
    with sqlite3.connect(cli.db) as conn:
        nips = [r[0] for r in conn.execute("SELECT nip FROM participant")]
        assert len(nips) == 45 and all(is_valid_nip(n) for n in nips)
        assert conn.execute("SELECT count(*) FROM competency").fetchone() == (9,)
        assert conn.execute("SELECT count(*) FROM competency_level").fetchone() == (45,)
        units = conn.execute("SELECT count(DISTINCT unit) FROM team_member WHERE role='asesor'").fetchone()[0]
        assert units >= 3
        empty = conn.execute(
            "SELECT count(*) FROM event_participant ep JOIN event e ON e.id = ep.event_id WHERE e.code = ?",
            (plain,),
        ).fetchone()
        assert empty == (0,)


def test_db_check_upgrade_and_backup(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--participants", "5")
    check = cli.json("db", "check")
    assert check["ok"] is True and check["revision"] == check["head"]
    assert cli.json("db", "upgrade")["revision"] == check["head"]
    target = tmp_path / "salinan.sqlite"
    assert cli.json("db", "backup", "--to", str(target))["backup"] == str(target)
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM participant").fetchone() == (5,)


def test_bad_database_gets_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "bukan.sqlite"
    junk.write_text("ini bukan basis data " * 100)
    out = subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(junk), "db", "check"],
                         capture_output=True, text=True)
    assert out.returncode != 0
    assert "bukan basis data SQLite yang sah" in out.stderr
    assert "Traceback" not in out.stderr + out.stdout


def test_missing_database_for_check(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "ukom_desktop.cli", "--db", str(tmp_path / "tidak-ada.sqlite"), "db", "check"],
        capture_output=True, text=True,
    )
    assert out.returncode == 2 and "tidak ditemukan" in out.stderr


def test_db_backups_and_restore_read_back(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--participants", "5")
    saved = tmp_path / "kemarin.sqlite"
    cli("db", "backup", "--to", str(saved))
    cli("demo", "--participants", "7")  # a second event after the backup
    listed = cli.json("db", "backups")
    assert isinstance(listed, list)
    restored = cli.json("db", "restore", str(saved))
    assert restored["events"] == 1 and restored["participants"] == 5
    assert restored["previous_copy"] and Path(restored["previous_copy"]).exists()
    with sqlite3.connect(cli.db) as conn:
        assert conn.execute("SELECT count(*) FROM event").fetchone() == (1,)
    with sqlite3.connect(restored["previous_copy"]) as conn:
        assert conn.execute("SELECT count(*) FROM event").fetchone() == (2,)
    other = tmp_path / "salinan-lain.sqlite"
    out = cli.json("db", "restore", str(saved), "--to", str(other))
    assert out["target"] == str(other) and out["previous_copy"] is None
    bad = cli("db", "restore", str(tmp_path / "tidak-ada.sqlite"), check=False)
    assert bad.returncode != 0 and "tidak ditemukan" in bad.stderr and "Traceback" not in bad.stderr
