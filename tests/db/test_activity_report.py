"""The printed documents of the QC area read back: laporan kegiatan (PDF and Excel), umpan balik per
participant and per unit, laporan evaluasi kinerja asesor (PDF and Excel)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from rated_demo import PARTICIPANTS, rated_demo_copy  # noqa: E402

from ukom_desktop.db.engine import transaction  # noqa: E402
from ukom_desktop.db.models import Event, EventParticipant  # noqa: E402
from ukom_desktop.errors import UserFacingError  # noqa: E402
from ukom_desktop.services import report_qc  # noqa: E402
from ukom_desktop.services.activity_report import (  # noqa: E402
    activity_report_data,
    write_activity_report_pdf,
    write_activity_report_workbook,
)
from ukom_desktop.services.assessor_evaluation import write_evaluation_pdf, write_evaluation_workbook  # noqa: E402
from ukom_desktop.services.feedback import write_feedback_pdf  # noqa: E402

T0 = datetime(2026, 10, 15, 9, tzinfo=UTC)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def qc_done(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The rated demo with three reports approved, two of them delivered."""
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    with db.sessions() as s:
        event_id = s.scalar(select(Event.id))
        people = list(s.scalars(select(EventParticipant.id).order_by(EventParticipant.number)))
        passing = [ep for ep in people if report_qc.check_report(s, ep).passed][:3]
    with transaction(db.sessions) as s:
        for ep in passing:
            report_qc.submit(s, ep, actor="Penulis", now=T0)
            report_qc.approve(s, ep, actor="QC", now=T0)
        for ep in passing[:2]:
            report_qc.deliver(s, ep, actor="admin", now=datetime(2026, 10, 20, 10, tzinfo=UTC))
    yield db, event_id, passing
    db.dispose()


def test_activity_report_pdf_has_figures_distribution_recommendations_and_delivered(qc_done, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, event_id, passing = qc_done
    out = tmp_path / "laporan-kegiatan.pdf"
    with db.sessions() as s:
        pages = write_activity_report_pdf(s, event_id, out)
        data = activity_report_data(s, event_id)
        delivered = [(p.name, report_qc.report_of(s, ep).report_number)
                     for ep in passing[:2] for p in [s.get(EventParticipant, ep).participant]]
    text = _text(out)
    assert pages == len(PdfReader(str(out)).pages) >= 2
    for heading in ("LAPORAN KEGIATAN", "I. PENDAHULUAN", "II. PELAKSANAAN KEGIATAN", "III. HASIL PENILAIAN",
                    "B. Sebaran Kategori Hasil per Unit Kerja", "C. Gap Kompetensi per Unit Kerja",
                    "IV. REKOMENDASI PENGEMBANGAN", "V. LAPORAN INDIVIDU YANG DISERAHKAN"):
        assert heading in text
    assert f"Peserta yang diundang : {PARTICIPANTS} orang" in " ".join(text.split())  # label, colon, value
    assert (data.invited, data.assessed, data.approved, data.delivered_count) == (PARTICIPANTS, PARTICIPANTS, 3, 2)
    for name, number in delivered:
        assert number and number in text and name.split(",")[0] in text
    units = {u.unit for u in data.units}
    assert all(unit.split()[0] in text for unit in units)
    assert sum(sum(u.categories.values()) for u in data.units) == PARTICIPANTS
    assert data.recommendations and "di bawah standar" in data.recommendations[0]


def test_activity_report_workbook_has_the_same_content(qc_done, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, event_id, _ = qc_done
    out = tmp_path / "laporan-kegiatan.xlsx"
    with db.sessions() as s:
        write_activity_report_workbook(s, event_id, out)
    book = load_workbook(out)
    assert book.sheetnames == ["Peserta dan kategori", "Gap kompetensi", "Rekomendasi", "Laporan diserahkan"]
    values = [[c for c in row if c is not None] for row in book["Peserta dan kategori"].iter_rows(values_only=True)]
    total = next(row for row in values if row and row[0] == "Jumlah")
    assert total[1:4] == [PARTICIPANTS, PARTICIPANTS, PARTICIPANTS]
    delivered = [row for row in book["Laporan diserahkan"].iter_rows(values_only=True)
                 if row[4] and "LHPK" in str(row[4])]
    assert len(delivered) == 2


def test_feedback_per_participant_and_per_unit(qc_done, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, event_id, passing = qc_done
    with db.sessions() as s:
        names = [s.get(EventParticipant, ep).participant.name for ep in passing]
        units = {s.get(EventParticipant, ep).participant.unit for ep in passing}
        single = tmp_path / "umpan-balik.pdf"
        write_feedback_pdf(s, event_id, single)
        per_unit = tmp_path / "umpan-balik-unit.pdf"
        write_feedback_pdf(s, event_id, per_unit, per_unit=True)
    text = _text(single)
    assert text.count("UMPAN BALIK HASIL PENILAIAN KOMPETENSI") == 3
    for name in names:
        assert name in text
    unit_text = _text(per_unit)
    assert unit_text.count("UMPAN BALIK HASIL PENILAIAN KOMPETENSI UNIT KERJA") == len(units)
    assert "Kompetensi di bawah standar" in unit_text


def test_feedback_waits_for_qc(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    try:
        with db.sessions() as s:
            event_id = s.scalar(select(Event.id))
            with pytest.raises(UserFacingError, match="lulus QC"):
                write_feedback_pdf(s, event_id, tmp_path / "x.pdf")
            assert write_feedback_pdf(s, event_id, tmp_path / "pratinjau.pdf", include_unapproved=True) >= PARTICIPANTS
        assert not (tmp_path / "x.pdf").exists()
    finally:
        db.dispose()


def test_assessor_evaluation_pdf_and_workbook(qc_done, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, event_id, _ = qc_done
    pdf, xlsx = tmp_path / "evaluasi.pdf", tmp_path / "evaluasi.xlsx"
    with db.sessions() as s:
        write_evaluation_pdf(s, event_id, pdf)
        write_evaluation_workbook(s, event_id, xlsx)
        from ukom_desktop.services.ratings import team_assessors

        assessors = [a.name for a in team_assessors(s, event_id)]
    text = _text(pdf)
    for heading in ("LAPORAN EVALUASI KINERJA ASESOR", "A. Kinerja Penyusunan Laporan", "B. Perilaku Penilaian",
                    "C. Keterangan"):
        assert heading in text
    for name in assessors:
        assert name.split(",")[0] in text
    sheet = load_workbook(xlsx).active
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "Asesor")
    assert "Tepat waktu" in header and "Kecenderungan" in header
    assert {r[0] for r in rows[rows.index(header) + 1:] if r and r[0]} >= set(assessors)
