"""A 20,000-row participant workbook previewed and committed, against a floor measured in the same run.

Floor: reading the same file with python-calamine (to_python of the sheet) plus one executemany
insert of the same rows into the participant table of an empty database (SQLAlchemy Core, the same
driver and pragmas). Ours: services.participant_import.preview_import (read, find the header, a
verdict per row, look the NIPs up) then commit_import (participants and their event membership, one
transaction) into an event of another empty database. Target: ours <= 2x the floor.

Usage: .venv/bin/python bench/import.py [--rows 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import report  # noqa: E402

from ukom_desktop.db.database import open_database  # noqa: E402
from ukom_desktop.db.engine import transaction  # noqa: E402
from ukom_desktop.services import demo_names as N  # noqa: E402
from ukom_desktop.services.demo import make_name, make_nip  # noqa: E402

HEADER = ["No", "NIP", "Nama Lengkap", "L/P", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja", "Instansi",
          "No. HP / WA", "E-mail"]


def make_workbook(path: Path, rows: int) -> None:
    """A staff export as personnel systems write it: a title row, NIP as text, a footer line."""
    from openpyxl import Workbook

    rng = random.Random(4)
    used: set[str] = set()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Peserta")
    sheet.append(["DAFTAR USULAN PESERTA PENILAIAN KOMPETENSI"])
    sheet.append([])
    sheet.append(HEADER)
    for i in range(rows):
        sex = rng.choice("LP")
        sheet.append([
            i + 1, make_nip(rng, sex, used), make_name(rng, sex), sex, rng.choice(["III/a", "III/b", "III/c", "IV/a"]),
            "Analis Kebijakan Ahli Muda", rng.choice(N.UNITS), "Kementerian Pekerjaan Umum",
            f"08{rng.randint(11, 59)}{rng.randint(10000000, 99999999)}", f"pegawai{i:05d}@pu.go.id",
        ])
    sheet.append([])
    sheet.append(["Jumlah", rows])
    book.save(path)


def floor(path: Path, db_path: Path) -> float:
    from python_calamine import CalamineWorkbook
    from sqlalchemy import insert

    from ukom_desktop.db.models import Participant, new_uuid

    db = open_database(f"sqlite:///{db_path}")
    try:
        started = time.perf_counter()
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        now = datetime.now(UTC)
        data = [
            {"nip": str(r[1]), "name": r[2], "sex": r[3], "birth_date": None, "birth_place": "", "golongan": r[4],
             "jabatan": r[5], "unit": r[6], "agency": r[7], "phone": str(r[8]), "email": r[9], "archived": False,
             "uuid": new_uuid(), "version": 1, "created_at": now, "updated_at": now}
            for r in rows[3:]
            if isinstance(r[1], str) and r[1]
        ]
        with db.engine.begin() as conn:
            conn.execute(insert(Participant.__table__), data)
        return time.perf_counter() - started
    finally:
        db.dispose()


def ours(path: Path, db_path: Path, rows: int) -> float:
    from ukom_desktop.db.models import Event
    from ukom_desktop.services.participant_import import commit_import, drain, preview_import

    db = open_database(f"sqlite:///{db_path}")
    try:
        with transaction(db.sessions) as session:
            event = Event(code="BENCH", name="Bench")
            session.add(event)
            session.flush()
            event_id = event.id
        started = time.perf_counter()
        with transaction(db.sessions) as session:
            plan = drain(preview_import(session, event_id, path))
            result = drain(commit_import(session, plan))
        elapsed = time.perf_counter() - started
        assert result.imported == rows, result.summary()
        return elapsed
    finally:
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book = folder / "peserta.xlsx"
        make_workbook(book, args.rows)
        floors, mine = [], []
        for n in range(args.repeat):
            floors.append(floor(book, folder / f"floor{n}.sqlite"))
            mine.append(ours(book, folder / f"ours{n}.sqlite", args.rows))
        ok = report(f"Impor {args.rows} baris peserta (pratinjau + simpan)", min(mine), min(floors), 2.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
