"""Re-importing an updated HR list (issue 11 item 10): known participants are rejected (as before), updated
with every change listed and a different name flagged and left alone, or skipped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import load_workbook

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "clean.xlsx"


def _updated_copy(tmp_path: Path) -> tuple[Path, str, str]:
    book = load_workbook(CLEAN)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    nip_col, name_col, job_col = header.index("NIP") + 1, header.index("Nama") + 1, header.index("Jabatan") + 1
    promoted = str(sheet.cell(2, nip_col).value)
    renamed = str(sheet.cell(3, nip_col).value)
    sheet.cell(2, job_col).value = "Analis Kepegawaian Ahli Muda"
    sheet.cell(3, name_col).value = "Orang Lain Sama Sekali"
    target = tmp_path / "peserta-baru.xlsx"
    book.save(target)
    return target, promoted, renamed


def test_reimport_rejects_updates_or_skips_known_participants(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "3").stdout.strip()
    first = cli.json("import", "participants", str(CLEAN), "--event", code)
    assert first["imported"] >= 5
    updated_file, promoted, renamed = _updated_copy(tmp_path)
    with sqlite3.connect(cli.db) as conn:
        old_name = conn.execute("SELECT name FROM participant WHERE nip = ?", (renamed,)).fetchone()[0]

    refused = cli("import", "participants", str(updated_file), "--event", code, check=False)
    assert refused.returncode == 1 and "sudah terdaftar sebagai peserta kegiatan ini" in refused.stdout

    skipped = cli.json("import", "participants", str(updated_file), "--event", code, "--known", "lewati")
    assert skipped["imported"] == 0 and skipped["updated"] == 0 and skipped["rejected"] == 0
    assert {r["status"] for r in skipped["changed_rows"]} == {"dilewati"}

    dry = cli.json("import", "participants", str(updated_file), "--event", code, "--known", "perbarui", "--dry-run")
    rows = {r["row"]: r for r in dry["changed_rows"]}
    assert rows[2]["status"] == "perbarui"
    assert any("Jabatan: Analis Kepegawaian Ahli Pertama \u2192 Analis Kepegawaian Ahli Muda" in t
               for t in rows[2]["reasons"])
    assert any("PERIKSA: nama di berkas 'Orang Lain Sama Sekali'" in t for t in rows[3]["reasons"])

    done = cli.json("import", "participants", str(updated_file), "--event", code, "--known", "perbarui")
    assert done["updated"] >= 1 and done["imported"] == 0 and done["rejected"] == 0
    with sqlite3.connect(cli.db) as conn:
        job = conn.execute("SELECT jabatan FROM participant WHERE nip = ?", (promoted,)).fetchone()[0]
        name = conn.execute("SELECT name FROM participant WHERE nip = ?", (renamed,)).fetchone()[0]
        members = conn.execute("SELECT COUNT(*) FROM event_participant").fetchone()[0]
    assert job == "Analis Kepegawaian Ahli Muda"
    assert name == old_name  # a different name is flagged, never written over
    assert members == 3 + first["imported"]  # nobody added twice
