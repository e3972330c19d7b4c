from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from doc_samples import EVENT, RECIPIENT, SIGNATORY, people, read_pdf, sample_letter
from reportlab.lib.units import mm

from ukom_desktop.documents.letters import (
    render_invitation,
    render_invitation_files,
    render_invitations,
    render_summons,
)
from ukom_desktop.documents.model import Person, Signatory
from ukom_desktop.documents.output import RenderCancelled, safe_file_stem


def test_personal_invitation_has_every_part_of_the_letter(tmp_path: Path) -> None:
    path = tmp_path / "undangan.pdf"
    pages = render_invitation(sample_letter(), path)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) == 1
    text = pdf.flat
    for expected in (
        "PUSAT PENILAIAN KOMPETENSI",
        "Telepon (021) 5253004; Pos-el ppk@example.go.id; Laman www.example.go.id",
        "Nomor : SDM.1.2-123/KP.01.01/XI/2026",
        "Jakarta, 9 November 2026",
        "Sifat : Segera",
        "Lampiran : -",
        "Hal : Undangan Penilaian Kompetensi",
        "Yth. Sdr. Budi Santoso, S.Kom.",
        "Hari/tanggal : Senin, 23 November 2026",
        "Waktu : 08.00 WIB s.d. selesai",
        "Tempat : Gedung Assessment Center Lantai 3",
        "narahubung Sdr. Andi Wijaya (0812 3456 7890)",
        "Kepala Pusat Penilaian Kompetensi,",
        "Dr. Hendra Kusuma, S.H., M.Si.",
        "Pembina Utama Muda",
        "NIP. 19681115 199202 1 002",
        "Tembusan: 1. Sekretaris Jenderal 2. Kepala Biro Kepegawaian",
    ):
        assert expected in text, expected
    assert "Jakarta, 9 November 2026." not in text  # ANRI: no full stop after the date


def test_invitation_without_contact_drops_the_contact_sentence() -> None:
    out = io.BytesIO()
    render_invitation(dataclasses.replace(sample_letter(), contact=""), out)
    assert "narahubung" not in read_pdf(out.getvalue()).flat


def test_a4_and_f4_paper(tmp_path: Path) -> None:
    a4, f4 = tmp_path / "a4.pdf", tmp_path / "f4.pdf"
    render_invitation(sample_letter(), a4)
    render_invitation(dataclasses.replace(sample_letter(), paper="F4"), f4)
    assert read_pdf(a4).sizes[0] == pytest.approx((210 * mm, 297 * mm), abs=0.5)
    assert read_pdf(f4).sizes[0] == pytest.approx((215 * mm, 330 * mm), abs=0.5)


def test_collective_invitation_lists_participants_in_a_lampiran(tmp_path: Path) -> None:
    participants = people(40)
    data = dataclasses.replace(sample_letter(), recipient=None, participants=participants)
    path = tmp_path / "kolektif.pdf"
    pages = render_invitation(data, path)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) >= 3
    assert "Lampiran : 1 (satu) berkas" in pdf.flat
    assert "Saudara yang namanya tercantum dalam Lampiran surat ini" in pdf.flat
    attachment = " ".join(" ".join(pdf.pages[1:]).split())
    assert "LAMPIRAN" in pdf.pages[1]
    assert "SURAT KEPALA PUSAT PENILAIAN KOMPETENSI" in " ".join(pdf.pages[1].split())
    for person in participants:
        assert person.name in attachment
    assert "19860926 201505 1 001" in attachment and "19860926 201505 1 040" in attachment
    assert "Penata Muda Tk. I, III/b" in attachment
    for number in range(2, pages + 1):
        assert f"- {number} -" in pdf.pages[number - 1]
    assert "- 1 -" not in pdf.pages[0]
    assert pdf.pages[-1].count("NIP. 19681115 199202 1 002") == 1  # the Lampiran is signed too


def test_header_row_repeats_on_every_page_of_the_lampiran(tmp_path: Path) -> None:
    data = dataclasses.replace(sample_letter(), recipient=None, participants=people(40))
    path = tmp_path / "kolektif.pdf"
    render_invitation(data, path)
    pdf = read_pdf(path)
    for page in pdf.pages[1:]:
        assert "Pangkat/Gol" in page and "Unit Kerja" in page
    assert "NIP. 19681115 199202 1 002" in pdf.pages[-1]  # the signature never stands alone


@pytest.mark.parametrize(
    ("prefix", "principal", "heading"),
    [
        ("a.n.", "Kepala Badan Kepegawaian Daerah", "a.n. Kepala Badan Kepegawaian Daerah Sekretaris,"),
        ("plt.", "", "Plt. Sekretaris,"),
    ],
)
def test_signature_prefixes(prefix: str, principal: str, heading: str) -> None:
    signer = Signatory("Siti Aminah, S.E.", "Sekretaris", nip="197001011995032001", golongan="IV/b",
                       prefix=prefix, principal=principal)  # type: ignore[arg-type]
    out = io.BytesIO()
    render_invitation(dataclasses.replace(sample_letter(), signatory=signer), out)
    text = read_pdf(out.getvalue()).flat
    assert heading in text
    assert "Pembina Tingkat I NIP. 19700101 199503 2 001" in text


def test_summons_uses_its_own_wording() -> None:
    out = io.BytesIO()
    render_summons(dataclasses.replace(sample_letter(), subject="Pemanggilan Peserta"), out)
    text = read_pdf(out.getvalue()).flat
    assert "dengan ini kami memanggil Saudara" in text
    assert "Kehadiran Saudara bersifat wajib." in text
    assert "Hal : Pemanggilan Peserta" in text


def test_batch_of_invitations_goes_into_one_pdf_with_progress(tmp_path: Path) -> None:
    letters = [dataclasses.replace(sample_letter(), recipient=p, number=f"{i}/XI/2026")
               for i, p in enumerate(people(6), start=1)]
    seen: list[tuple[int, int]] = []
    path = tmp_path / "semua.pdf"
    pages = render_invitations(letters, path, progress=lambda done, total, _msg: seen.append((done, total)))
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) == 6
    assert seen == [(i, 6) for i in range(1, 7)]
    for page, person in zip(pdf.pages, people(6), strict=True):
        assert person.name in page


def test_cancelled_batch_leaves_no_file(tmp_path: Path) -> None:
    letters = [sample_letter()] * 5
    calls = iter(range(100))
    path = tmp_path / "batal.pdf"
    with pytest.raises(RenderCancelled, match="dibatalkan"):
        render_invitations(letters, path, cancelled=lambda: next(calls) >= 3)
    assert list(tmp_path.iterdir()) == []


def test_one_file_per_participant_named_by_nip_and_name(tmp_path: Path) -> None:
    odd = Person("Dra. Ni Luh Putu Ayu / Ayu? <Sekar>", "19750101 200003 2 001", "IV/a")
    twin = Person("Dra. Ni Luh Putu Ayu / Ayu? <Sekar>", "197501012000032001", "IV/a")
    letters = [dataclasses.replace(sample_letter(), recipient=p) for p in (RECIPIENT, odd, twin)]
    paths = render_invitation_files(letters, tmp_path / "per-peserta")
    names = [p.name for p in paths]
    assert names[0] == "198609262015051001_Budi Santoso, S.Kom.pdf"
    assert names[1] == "197501012000032001_Dra. Ni Luh Putu Ayu _ Ayu_ _Sekar.pdf"
    assert names[2] == "197501012000032001_Dra. Ni Luh Putu Ayu _ Ayu_ _Sekar (2).pdf"
    for path, person in zip(paths, (RECIPIENT, odd, twin), strict=True):
        assert person.name.split()[1] in read_pdf(path).flat


def test_safe_file_stem() -> None:
    assert safe_file_stem("Ñoño: a/b\\c*?") == "Nono_ a_b_c"
    assert safe_file_stem("...") == "dokumen"
    assert len(safe_file_stem("x" * 500)) == 120


def test_logo_from_bytes_is_embedded() -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 140), (200, 30, 30)).save(buffer, format="PNG")
    head = dataclasses.replace(sample_letter().letterhead, logo=buffer.getvalue())
    out = io.BytesIO()
    render_invitation(dataclasses.replace(sample_letter(), letterhead=head), out)
    assert b"/Subtype /Image" in out.getvalue()
    assert "PUSAT PENILAIAN KOMPETENSI" in read_pdf(out.getvalue()).flat


def test_unreadable_logo_is_reported_in_indonesian() -> None:
    from ukom_desktop.documents.letterhead import LogoError

    head = dataclasses.replace(sample_letter().letterhead, logo=b"not an image")
    with pytest.raises(LogoError, match="Logo instansi tidak dapat dibaca"):
        render_invitation(dataclasses.replace(sample_letter(), letterhead=head), io.BytesIO())


def test_event_over_several_days_names_both_days() -> None:
    from datetime import date

    event = dataclasses.replace(EVENT, end=date(2026, 11, 25))
    out = io.BytesIO()
    render_invitation(dataclasses.replace(sample_letter(), event=event), out)
    assert "Hari/tanggal : Senin s.d. Rabu, 23 - 25 November 2026" in read_pdf(out.getvalue()).flat


def test_signatory_without_golongan_prints_no_empty_pangkat_line() -> None:
    signer = dataclasses.replace(SIGNATORY, golongan="")
    out = io.BytesIO()
    render_invitation(dataclasses.replace(sample_letter(), signatory=signer), out)
    text = read_pdf(out.getvalue()).text
    assert "Dr. Hendra Kusuma, S.H., M.Si.\nNIP. 19681115 199202 1 002" in text
