"""An encrypted database file (SQLCipher) against the same work on a plain file, measured in the same run.

1. Opening a database of 10,000 participants: open_database (check, no backup) and the participant list
   of its event, as the window shows it first.
2. The 20,000-row participant import of bench/import.py (preview + commit) into an empty database.
Target: encrypted <= 1.3x plain for both.

Usage: .venv/bin/python bench/encrypted.py [--participants 10000] [--rows 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import report  # noqa: E402

from ukom_desktop.db import encryption  # noqa: E402
from ukom_desktop.db.database import open_database  # noqa: E402

KEY = "kunci-bench-0001"


def open_and_list(path: Path) -> float:
    from sqlalchemy import select

    from ukom_desktop.db.models import Event
    from ukom_desktop.services.listings import list_event_participants

    started = time.perf_counter()
    db = open_database(f"sqlite:///{path}", auto_backup=False)
    try:
        with db.sessions() as session:
            event_id = session.scalars(select(Event.id)).first()
            rows = list_event_participants(session, event_id)
    finally:
        db.dispose()
    assert rows
    return time.perf_counter() - started


def empty_database(path: Path) -> Path:
    open_database(f"sqlite:///{path}", auto_backup=False).dispose()
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bench_import = importlib.import_module("import")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, UKOM_HOME=str(folder / "home"))
        os.environ["UKOM_HOME"] = env["UKOM_HOME"]
        plain = folder / "biasa.sqlite"
        print(f"Menyiapkan basis data dengan {args.participants} peserta...", flush=True)
        subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(plain), "demo", "--participants",
                        str(args.participants)], check=True, env=env, stdout=subprocess.DEVNULL)
        secret = encryption.encrypt_copy(plain, folder / "rahasia.sqlite", KEY)
        encryption.register_key(secret, KEY)
        plain_open, secret_open = [], []
        for _ in range(args.repeat):
            plain_open.append(open_and_list(plain))
            secret_open.append(open_and_list(secret))
        ok = report(f"Membuka basis data {args.participants} peserta", min(secret_open), min(plain_open), 1.3)

        book = folder / "peserta.xlsx"
        bench_import.make_workbook(book, args.rows)
        plain_import, secret_import = [], []
        for n in range(args.repeat):
            plain_import.append(bench_import.ours(book, empty_database(folder / f"imp{n}.sqlite"), args.rows))
            target = encryption.encrypt_copy(empty_database(folder / f"kosong{n}.sqlite"),
                                             folder / f"imp-enc{n}.sqlite", KEY)
            encryption.register_key(target, KEY)
            secret_import.append(bench_import.ours(book, target, args.rows))
        ok = report(f"Impor {args.rows} baris peserta", min(secret_import), min(plain_import), 1.3) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
