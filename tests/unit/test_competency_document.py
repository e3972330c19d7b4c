"""The Dokumen Rumusan Kompetensi PDF holds every target position, competency, exercise and both signatories."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from ukom_desktop.documents.formulation import (
    FormulationData,
    MatrixExercise,
    MatrixLine,
    MeetingParticipant,
    StandardLine,
    TargetPosition,
    render_formulation,
)
from ukom_desktop.documents.model import Letterhead, Signatory
from ukom_desktop.domain import kamus


def sample(positions: int = 2) -> FormulationData:
    lines = tuple(StandardLine(c.code, c.name, "Sosial Kultural" if c.code == "SK.01" else "Manajerial", "3",
                               c.levels[2].description) for c in kamus.COMPETENCIES)
    names = ["Kepala Bagian Umum", "Kepala Subbagian Tata Usaha", "Auditor Ahli Muda", "Kepala Seksi Pelayanan"]
    exercises = (MatrixExercise("INB", "In-Basket", minutes=120), MatrixExercise("LGD", "Diskusi Kelompok", minutes=60),
                 MatrixExercise("WWC", "Wawancara Berbasis Kompetensi", minutes=60))
    return FormulationData(
        letterhead=Letterhead(("BADAN KEPEGAWAIAN DAERAH", "UNIT PENILAIAN KOMPETENSI ASN"), city="Semarang"),
        event_name="Penilaian Kompetensi Pejabat Administrator 2026",
        requesting_agency="Dinas Kesehatan Provinsi",
        positions=tuple(TargetPosition(names[i], "Administrator", lines=lines) for i in range(positions)),
        exercises=exercises,
        matrix=tuple(MatrixLine(c.code, c.name, (True, i % 2 == 0, True)) for i, c in enumerate(kamus.COMPETENCIES)),
        unit_signatory=Signatory("Dr. Ani Rahmawati, M.Psi.", "Kepala Unit Penilaian Kompetensi ASN",
                                 "197905122005012003", "IV/b"),
        stakeholder_signatory=Signatory("Ir. Sri Wahyuni, M.M.", "Kepala Dinas Kesehatan", "196805201992032005"),
        meeting_date=date(2026, 5, 4),
        meeting_place="Ruang Rapat Lantai 2",
        participants=(MeetingParticipant("Budi Santoso, S.H.", "198001012006041001", "Kepala Subbagian Kepegawaian",
                                         "Instansi Pengusul"),),
        number="800/123/2026",
        place="Semarang",
    )


def pdf_text(data: FormulationData) -> tuple[int, str]:
    out = io.BytesIO()
    pages = render_formulation(data, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == pages
    return pages, " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_pdf_holds_every_position_competency_and_exercise() -> None:
    data = sample(positions=4)
    _pages, text = pdf_text(data)
    assert "DOKUMEN RUMUSAN KOMPETENSI" in text
    assert "Nomor: 800/123/2026" in text
    for position in data.positions:
        assert position.name in text
    for comp in kamus.COMPETENCIES:
        assert comp.name in text
        assert comp.code in text
    for header in ("INB", "LGD", "WWC", "In-Basket", "Wawancara Berbasis Kompetensi"):
        assert header in text
    assert "4 Mei 2026" in text and "Ruang Rapat Lantai 2" in text


def test_signature_blocks_print_name_jabatan_and_nip_in_groups() -> None:
    _pages, text = pdf_text(sample())
    assert "Semarang, 4 Mei 2026" in text
    assert "Kepala Unit Penilaian Kompetensi ASN," in text and "Kepala Dinas Kesehatan," in text
    assert "Dr. Ani Rahmawati, M.Psi." in text and "Ir. Sri Wahyuni, M.M." in text
    assert "NIP. 19790512 200501 2 003" in text
    assert "NIP. 19680520 199203 2 005" in text
    assert "19800101 200604 1 001" in text  # meeting participant table
    assert text.index("Ruang Rapat Lantai 2") < text.index("NIP. 19790512 200501 2 003")


def test_matrix_counts_per_competency() -> None:
    _pages, text = pdf_text(sample())
    assert "Jumlah" in text
    assert "sekurang-kurangnya 2 alat ukur" in text
    ticks = sum(sum(line.ticks) for line in sample().matrix)
    assert text.count("\u221a") == ticks + 1  # one more in the legend under the table


def test_empty_formulation_still_renders_with_clear_placeholders() -> None:
    data = sample(positions=0)
    data = FormulationData(data.letterhead, data.event_name, "", (), (), (), data.unit_signatory,
                           data.stakeholder_signatory)
    pages, text = pdf_text(data)
    assert pages == 1
    assert "Belum ada jabatan sasaran yang ditetapkan." in text
    assert "Belum ada alat ukur yang ditetapkan" in text
    assert "belum diisi" not in text.replace("Standar belum diisi", "")  # no placeholder sentence for the meeting
    assert "1. 2. 3. 4. 5. 6." in text  # numbered empty rows to fill in by hand


def test_signatures_never_stand_alone_on_a_page() -> None:
    for count in range(1, 5):  # whatever the length of the document, the last page has text before the signatures
        data = sample(positions=count)
        out = io.BytesIO()
        render_formulation(data, out)
        last = " ".join((PdfReader(io.BytesIO(out.getvalue())).pages[-1].extract_text() or "").split())
        assert "Demikian rumusan kompetensi ini disepakati" in last
