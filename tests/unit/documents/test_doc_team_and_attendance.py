from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

from doc_samples import people, read_pdf, sample_assignment, sample_attendance

from ukom_desktop.documents.assignment import render_assignment
from ukom_desktop.documents.attendance import render_attendance, render_attendance_sheets
from ukom_desktop.documents.output import write_pdf


def test_surat_tugas_has_title_number_dasar_team_and_tasks(tmp_path: Path) -> None:
    path = tmp_path / "st.pdf"
    pages = render_assignment(sample_assignment(), path)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages)
    text = pdf.flat
    assert "SURAT TUGAS Nomor: SDM.1.2-124/KP.01.01/XI/2026" in text
    assert "Dasar : 1. Peraturan Menteri Pendayagunaan Aparatur Negara" in text
    assert "2. Peraturan Badan Kepegawaian Negara Nomor 26 Tahun 2019" in text
    assert "MENUGASKAN:" in text and "Kepada :" in text
    for header in ("No.", "Nama", "NIP", "Pangkat/Gol", "Jabatan", "Peran dalam Tim"):
        assert header in text
    for member in sample_assignment().team:
        assert member.person.name in text
    assert "19860926 201505 1 001" in text and "19860926 201505 1 004" in text
    assert "Ketua Tim" in text and "Admin Penilaian Kompetensi" in text
    assert "Untuk : 1. Melaksanakan tugas sebagai tim penilai pada Penilaian Kompetensi Manajerial" in text
    assert "pada Senin, 23 November 2026 bertempat di Gedung Assessment Center Lantai 3" in text
    assert "Jakarta, 16 November 2026 Kepala Pusat Penilaian Kompetensi," in text
    assert "NIP. 19681115 199202 1 002" in text


def test_surat_tugas_with_own_basis_and_a_single_task_prints_no_number() -> None:
    data = dataclasses.replace(sample_assignment(), basis=("Surat Kepala Biro Nomor 12 Tahun 2026.",),
                               tasks=("Menilai peserta.",))
    out = io.BytesIO()
    render_assignment(data, out)
    text = read_pdf(out.getvalue()).flat
    assert "Dasar : Surat Kepala Biro Nomor 12 Tahun 2026." in text
    assert "Untuk : Menilai peserta." in text
    assert "Peraturan Menteri" not in text


def test_large_team_keeps_signature_with_the_last_task(tmp_path: Path) -> None:
    from ukom_desktop.documents.model import TeamMember

    team = tuple(TeamMember(p, "Asesor") for p in people(16, "Asesor"))
    path = tmp_path / "st.pdf"
    pages = render_assignment(dataclasses.replace(sample_assignment(), team=team), path)
    pdf = read_pdf(path)
    assert pages >= 2
    assert "- 2 -" in pdf.pages[1]
    last = " ".join(pdf.pages[-1].split())
    assert "NIP. 19681115 199202 1 002" in last
    assert "penuh tanggung jawab." in last  # the last task travels with the signature


def test_attendance_sheet_lists_everyone_with_alternating_signature_numbers(tmp_path: Path) -> None:
    data = sample_attendance()
    path = tmp_path / "dh.pdf"
    pages = render_attendance(data, path)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) >= 2
    text = pdf.flat
    assert "DAFTAR HADIR" in pdf.pages[0]
    assert "Hari/tanggal : Senin, 23 November 2026" in text
    assert "Sesi : Gelombang I, Sesi Pagi" in text
    for person in data.participants:
        assert person.name in text
    for number in range(1, len(data.participants) + 1):
        assert re.search(rf"\b{number}\. \.{{3,}}", text), number
    for index, page in enumerate(pdf.pages, start=1):
        assert "Tanda Tangan" in page  # the table header repeats on every page
        assert f"Halaman {index} dari {pages}" in page
    assert "Panitia Penyelenggara, Ketua Panitia," in " ".join(pdf.pages[-1].split())
    assert "Andi Wijaya, S.Psi." in pdf.pages[-1]


def test_signature_cells_alternate_left_and_right() -> None:
    from pypdf import PdfReader

    from ukom_desktop.documents.attendance import build_attendance

    out = io.BytesIO()
    write_pdf([build_attendance(sample_attendance())], out)
    xs: dict[int, float] = {}

    def visit(text, _cm, tm, _font, _size):  # type: ignore[no-untyped-def]
        match = re.fullmatch(r"(\d+)\. \.+", text.strip())
        if match:
            xs[int(match.group(1))] = tm[4]

    PdfReader(out).pages[0].extract_text(visitor_text=visit)
    assert xs[1] == xs[3] and xs[2] == xs[4]
    assert xs[2] > xs[1] + 30


def test_attendance_sheets_of_several_sessions_are_numbered_each_on_their_own() -> None:
    first = sample_attendance()
    second = dataclasses.replace(first, session="Gelombang I, Sesi Siang", participants=people(5))
    out = io.BytesIO()
    pages = render_attendance_sheets([first, second], out)
    pdf = read_pdf(out.getvalue())
    assert pages == len(pdf.pages)
    assert "Sesi : Gelombang I, Sesi Siang" in " ".join(pdf.pages[-1].split())
    assert "Halaman" not in pdf.pages[-1]  # a one-page sheet carries no page number
