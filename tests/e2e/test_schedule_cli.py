"""`ukom-desktop schedule` on the demo data, as an administrator runs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def test_schedule_check_export_and_print(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo").stdout.strip()
    summary = cli.json("schedule", "--event", code, "--time-limit", "4")
    assert summary["violations"] == 0 and summary["waves"] == [1]
    assert summary["participants"] == 30 and summary["sessions"] > 30
    assert summary["distinct_min"] >= 3 and summary["load_spread"] <= 1
    text = cli("schedule", "--event", code, "--check").stdout
    assert "0 pelanggaran berat" in text

    with sqlite3.connect(cli.db) as conn:
        # Break a rule behind the app's back: one interview moved onto another one's assessor and time.
        a, b = conn.execute(
            "SELECT s.id FROM schedule_session s JOIN exercise e ON e.id = s.exercise_id WHERE e.code = 'WWC' "
            "ORDER BY s.id LIMIT 2"
        ).fetchall()
        starts, ends = conn.execute("SELECT starts_at, ends_at FROM schedule_session WHERE id = ?", a).fetchone()
        member = conn.execute("SELECT member_id FROM session_assessor WHERE session_id = ?", a).fetchone()[0]
        conn.execute("UPDATE schedule_session SET starts_at = ?, ends_at = ? WHERE id = ?", (starts, ends, b[0]))
        conn.execute("UPDATE session_assessor SET member_id = ? WHERE session_id = ?", (member, b[0]))
    broken = cli("schedule", "--event", code, "--check", check=False)
    assert broken.returncode == 1
    assert "[berat]" in broken.stdout and "terjadwal ganda" in broken.stdout

    cli("schedule", "--event", code, "--wave", "1", "--time-limit", "4")
    assert "0 pelanggaran berat" in cli("schedule", "--event", code, "--check").stdout

    out = tmp_path / "relasi.xlsx"
    assert cli.json("export", "schedule", "--event", code, "--kind", "relasi", "--out", str(out))["file"] == str(out)
    values = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "Asesor Utama" in values
    pdf = tmp_path / "matriks.pdf"
    cli("print", "schedule", "--event", code, "--kind", "matriks", "--out", str(pdf))
    assert "MATRIKS JADWAL" in PdfReader(pdf).pages[0].extract_text()


def test_unknown_event_and_unscheduled_event_get_sentences(cli) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "5").stdout.strip()
    missing = cli("schedule", "--event", "TIDAK-ADA", check=False)
    assert missing.returncode == 2 and "tidak ditemukan" in missing.stderr and "Traceback" not in missing.stderr
    empty = cli("schedule", "--event", code, "--check", check=False)
    assert empty.returncode == 2 and "belum memiliki jadwal" in empty.stderr
