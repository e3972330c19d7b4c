"""The stored schedule as Excel and PDF: matriks jadwal, timetables per participant and assessor, relasi."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from scheduled_demo import scheduled_demo_copy

from ukom_desktop.domain.nip import format_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.schedule_exports import write_schedule
from ukom_desktop.services.schedule_problem import load_stored_schedule


@pytest.fixture
def scheduled(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{scheduled_demo_copy(tmp_path)}")
    with db.sessions() as session:
        db.stored = load_stored_schedule(session, 1)
    yield db
    db.dispose()


def _cells(path: Path) -> list[list[object]]:
    book = load_workbook(path)
    return [[c.value for c in row] for sheet in book.worksheets for row in sheet.iter_rows()]


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_excel_exports_read_back(scheduled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored = scheduled.stored
    first = stored.event.participants["P001"]
    lead = stored.event.assessors[stored.schedule.lead["P001"]].name
    with scheduled.sessions() as session:
        paths = {k: write_schedule(session, 1, k, tmp_path / f"{k}.xlsx") for k in ("matriks", "peserta", "asesor",
                                                                                   "relasi")}
    matrix = load_workbook(paths["matriks"])
    assert len(matrix.worksheets) == 2  # one sheet per day of the wave
    header = next(r for r in _cells(paths["matriks"]) if r and r[0] == "Waktu")
    assert "Aula Utama" in header and any(str(h).startswith("Ruang Wawancara") for h in header)
    text = " ".join(str(v) for row in _cells(paths["matriks"]) for v in row if v)
    assert "Psikotes" in text and f"1. {first.name}" in text

    rows = _cells(paths["peserta"])
    own = [r for r in rows if r[0] == first.name]
    assert len(own) == 5 and {r[4] for r in own} >= {"Role Play", "Psikotes"}

    relasi = _cells(paths["relasi"])
    head = next(r for r in relasi if r and r[0] == "No.")
    line = next(r for r in relasi if r and r[1] == first.name)
    assert line[2] == format_nip(first.nip) and line[head.index("Asesor Utama")] == lead
    assert all(line[head.index(name)] not in (None, "-") for name in ("Role Play", "Wawancara Berbasis Kompetensi"))

    assessor_rows = _cells(paths["asesor"])
    assert sum(1 for r in assessor_rows if r[0] == lead) >= 2


def test_pdf_documents_read_back(scheduled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stored = scheduled.stored
    first = stored.event.participants["P001"]
    with scheduled.sessions() as session:
        paths = {k: write_schedule(session, 1, k, tmp_path / f"{k}.pdf", pdf=True, wave=1)
                 for k in ("matriks", "peserta", "asesor", "relasi")}
    matrix = PdfReader(paths["matriks"])
    width, height = matrix.pages[0].mediabox.width, matrix.pages[0].mediabox.height
    assert width > height  # landscape
    assert "MATRIKS JADWAL PELAKSANAAN" in _pdf_text(paths["matriks"])
    people = _pdf_text(paths["peserta"])
    assert "JADWAL PER PESERTA" in people and first.name in people and format_nip(first.nip) in people
    assert "JADWAL PER ASESOR" in _pdf_text(paths["asesor"])
    relasi = _pdf_text(paths["relasi"])
    assert "RELASI ASESOR DAN PESERTA" in relasi and "Asesor Utama" in relasi


def test_export_without_a_schedule_is_refused_in_words(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions() as session, pytest.raises(UserFacingError, match="belum memiliki jadwal"):
        write_schedule(session, demo_database.demo.event_id, "matriks", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
