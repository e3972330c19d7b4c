"""`import team FILE --apply --event CODE` puts the imported members on the event's team at once, as the
window's import does with its option checked (issue 11 item 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import Workbook


def test_imported_members_join_the_events_team(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "5").stdout.strip()
    book = Workbook()
    book.active.append(["No", "Nama", "NIP", "Peran", "Unit Kerja"])
    book.active.append([1, "Yoga Pratama", "198609262015051001", "asesor", "Biro SDM"])
    book.active.append([2, "Rina Kusuma", "199001012015032002", "asesor", "Biro Hukum"])
    source = tmp_path / "tim.xlsx"
    book.save(source)
    out = cli.json("import", "team", str(source), "--apply", "--event", code)
    assert out["created"] == 2 and out["assigned"] == 2
    with sqlite3.connect(cli.db) as conn:
        names = {n for (n,) in conn.execute(
            "SELECT m.name FROM event_team_member t JOIN team_member m ON m.id = t.member_id "
            "JOIN event e ON e.id = t.event_id WHERE e.code = ?", (code,))}
    assert {"Yoga Pratama", "Rina Kusuma"} <= names
    missing = cli("import", "team", str(source), "--apply", "--event", "TIDAK-ADA", check=False)
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr
