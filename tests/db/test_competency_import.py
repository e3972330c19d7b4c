"""Excel import against the database: a full round trip, an agency's workbook, and nothing half-imported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ukom_desktop.db.models import Competency, CompetencyLevel, EventMatrixCell, Position, PositionStandard
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.competency_dictionary import list_competencies
from ukom_desktop.services.competency_transfer import (
    apply_competency_import,
    export_competencies,
    preview_competency_import,
)
from ukom_desktop.services.exercise_matrix import event_matrix
from ukom_desktop.services.positions import list_positions, position_standard


def counts(session) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    return tuple(session.scalar(select(func.count()).select_from(model)) for model in
                 (Competency, CompetencyLevel, Position, PositionStandard, EventMatrixCell))


def write(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_export_then_import_changes_nothing(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = demo_database
    path = tmp_path / "kompetensi.xlsx"
    with db.sessions() as s:
        summary = export_competencies(s, path, event_id=db.demo.event_id)
        assert (summary.competencies, summary.positions, summary.matrix_event) == (9, 2, db.demo.event_code)
        before = (list_competencies(s), [position_standard(s, p.id).levels() for p in list_positions(s)],
                  event_matrix(s, db.demo.event_id).cells, counts(s))
    with db.sessions.begin() as s:
        preview = preview_competency_import(s, path)
        assert preview.ok, [i.text() for i in preview.issues]
        result = apply_competency_import(s, preview)
        assert (result.competencies_updated, result.positions_updated, result.matrices) == (9, 2, 1)
    with db.sessions() as s:
        after = (list_competencies(s), [position_standard(s, p.id).levels() for p in list_positions(s)],
                 event_matrix(s, db.demo.event_id).cells, counts(s))
    strip = [(c.code, c.name, c.group, c.definition, c.max_level, c.levels) for c in before[0]]
    assert strip == [(c.code, c.name, c.group, c.definition, c.max_level, c.levels) for c in after[0]]
    assert before[1:] == after[1:]


def test_agency_workbook_adds_technical_competencies_and_a_new_position(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "instansi.xlsx", {
        "Kamus Teknis": [
            ["KAMUS KOMPETENSI TEKNIS INSPEKTORAT"], [],
            ["Kode", "Kompetensi", "Jenis", "Definisi", "Level", "Deskripsi", "Indikator Perilaku"],
            ["T.AU.1", "Audit Kinerja", "Teknis", "Melaksanakan audit kinerja.", 1, "Membantu audit.", "Mencatat temuan."],
            [None, None, None, None, 2, "Memimpin audit.", "Menyusun laporan."],
        ],
        "SKJ": [
            ["Jabatan", "Jenjang", "Kompetensi", "Level Standar"],
            ["Auditor Ahli Muda", "JF Ahli Muda", "Audit Kinerja", 2],
            [None, None, "Integritas", 3],
            [None, None, "Kerjasama", 3],
        ],
    })
    with demo_database.sessions.begin() as s:
        preview = preview_competency_import(s, path)
        assert preview.ok, [i.text() for i in preview.issues]
        result = apply_competency_import(s, preview)
        assert (result.competencies_added, result.positions_added) == (1, 1)
    with demo_database.sessions() as s:
        tech = list_competencies(s)[-1]
        assert (tech.code, tech.name, tech.group, tech.max_level) == ("T.AU.1", "Audit Kinerja", "teknis", 5)
        assert [lv.indicators for lv in tech.levels] == [("Mencatat temuan.",), ("Menyusun laporan.",)]
        auditor = next(p for p in list_positions(s) if p.name == "Auditor Ahli Muda")
        assert auditor.job_level_code == "JF_AHLI_MUDA"
        assert position_standard(s, auditor.id).levels() == {"T.AU.1": Decimal(2), "M.01": Decimal(3),
                                                             "M.02": Decimal(3)}


def test_any_error_imports_nothing(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "campur.xlsx", {
        "Kamus": [
            ["Kode", "Nama Kompetensi", "Kelompok", "Level", "Deskripsi Level"],
            ["T.01", "Audit", "Teknis", 1, "Dasar"],
            ["M.01", "Integritas Baru", "Manajerial", 9, "Terlalu tinggi"],
        ],
        "Standar": [
            ["Jabatan", "Jenjang", "Kode Kompetensi", "Level Standar"],
            ["Analis Baru", "Pelaksana", "T.01", 1],
            ["Analis Baru", "Pelaksana", "X.77", 1],
        ],
    })
    with demo_database.sessions() as s:
        before = counts(s)
    with demo_database.sessions.begin() as s:
        preview = preview_competency_import(s, path)
        assert not preview.ok
        rows = {(i.sheet, i.row) for i in preview.errors}
        assert rows == {("Kamus", 3), ("Standar", 3)}
        with pytest.raises(UserFacingError, match="tidak diimpor karena masih ada galat"):
            apply_competency_import(s, preview)
    with demo_database.sessions() as s:
        assert counts(s) == before
        assert list_competencies(s)[0].name == "Integritas"


def test_unreadable_file_is_a_clear_message(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04 bukan zip")
    with demo_database.sessions() as s, pytest.raises(UserFacingError):
        preview_competency_import(s, bad)
