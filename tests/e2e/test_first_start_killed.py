"""Issue 12 item 3: a kill -9 at any moment of the first start never leaves a half-made ukom.sqlite.

The real CLI runs in a subprocess and is killed at moments spread over a first start's duration (bounded:
a few kills). After every kill the database file is either absent or complete; the next start works.
Items 11: a 0-byte file is refused by the CLI with a sentence unless --buat-baru is given.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from ukom_desktop.db import migrate

KILLS = 8


def _start(db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), "db", "upgrade"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _complete(db: Path) -> bool:
    """The file holds the schema at head and the reference data (read without writing)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        competencies = conn.execute("SELECT count(*) FROM competency").fetchone()[0]
    finally:
        conn.close()
    return revision == migrate.head_revision() and competencies >= 9


def test_a_first_start_killed_at_any_moment_leaves_no_half_made_database(tmp_path: Path) -> None:
    db = tmp_path / "ukom.sqlite"
    began = time.monotonic()
    subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(tmp_path / "ukur.sqlite"), "db", "upgrade"],
                   check=True, capture_output=True, timeout=300)
    duration = time.monotonic() - began
    rng = random.Random(12)
    for attempt in range(KILLS):
        if db.exists():
            db.unlink()
        process = _start(db)
        # Spread the kills over the whole start: interpreter start-up, migrations, reference data, the move.
        time.sleep(duration * (attempt + rng.random()) / KILLS)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(60)
        assert not db.exists() or _complete(db), f"kill {attempt + 1}: a half-made database was left"
    result = subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), "db", "check"],
                            capture_output=True, text=True, timeout=300)
    if not db.exists():  # the last kill came before the move: the next start makes it whole
        subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), "db", "upgrade"],
                       check=True, capture_output=True, timeout=300)
        result = subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db), "db", "check"],
                                capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _complete(db)
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_the_cli_refuses_a_zero_byte_file_unless_asked_to_create(cli) -> None:  # type: ignore[no-untyped-def]
    cli.db.touch()
    refused = cli("db", "upgrade", check=False)
    assert refused.returncode == 2
    assert "kosong (0 byte)" in refused.stderr and "Traceback" not in refused.stderr
    assert cli.db.stat().st_size == 0
    cli("db", "upgrade", "--buat-baru")
    assert _complete(cli.db)
