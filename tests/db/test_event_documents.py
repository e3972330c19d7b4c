"""Printing an event's documents from the database: what is on the page, the register, reprints, cancel."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import (
    AgendaItem,
    Attendance,
    EventParticipant,
    Exercise,
    InvitationStatus,
    IssuedDocument,
    ScheduleSession,
    SessionParticipant,
    Signatory,
)
from ukom_desktop.documents.api import safe_file_stem
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.document_printing import PrintRequest, print_documents, print_now
from ukom_desktop.services.document_templates import save_template
from ukom_desktop.services.event_documents import PrintOptions, event_participants
from ukom_desktop.services.institution import SignerChoice, save_signer_choices
from ukom_desktop.services.issued_documents import list_issued
from ukom_desktop.services.numbering import last_sequence

LETTER_DATE = date(2026, 11, 9)
HEAD_NIP = "NIP. 19681115 199202 1 002"


def pdf_pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def demo(database):  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        database.demo = build_demo(session, participants=12, seed=5)
    return database


def run(database, kind: str, out: Path, **options):  # type: ignore[no-untyped-def]
    options.setdefault("letter_date", LETTER_DATE)
    with transaction(database.sessions) as session:
        return print_now(session, PrintRequest(database.demo.event_id, kind, out, PrintOptions(**options)))


def participants(database):  # type: ignore[no-untyped-def]
    with database.sessions() as session:
        return [ep.participant for ep in event_participants(session, database.demo.event_id)]


def test_personal_invitations_carry_number_recipient_dates_and_signatory(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(demo, "undangan", tmp_path / "undangan.pdf", sifat="Segera")
    people = participants(demo)
    pages = pdf_pages(tmp_path / "undangan.pdf")
    assert len(pages) == result.pages == len(people) == 12
    first = pages[0]
    assert "Nomor : 1/UND/PK/XI/2026" in first and "Jakarta, 9 November 2026" in first
    assert "Sifat : Segera" in first and "Hal : Undangan Penilaian Kompetensi" in first
    assert f"Yth. Sdr. {people[0].name}" in first
    assert "Dr. Ir. Hadi Susilo, M.T." in first and HEAD_NIP in first
    assert re.search(r"Hari/tanggal : (Senin|Selasa|Rabu|Kamis|Jumat)( s.d. \w+)?, \d+ (- \d+ )?\w+ 20\d\d", first)
    assert "12/UND/PK/XI/2026" in pages[-1] and people[-1].name in pages[-1]
    assert [d.number for d in result.documents] == [f"{i}/UND/PK/XI/2026" for i in range(1, 13)]


def test_a_reprint_keeps_number_and_date_and_renumbering_takes_a_new_one(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(demo, "undangan", tmp_path / "a.pdf")
    again = run(demo, "undangan", tmp_path / "b.pdf", letter_date=date(2026, 12, 1))
    assert all(d.reprint for d in again.documents)
    assert again.documents[0].number == "1/UND/PK/XI/2026" and again.documents[0].issued_on == LETTER_DATE
    assert "Jakarta, 9 November 2026" in pdf_pages(tmp_path / "b.pdf")[0]
    fresh = run(demo, "undangan", tmp_path / "c.pdf", letter_date=date(2026, 12, 1), renumber=True)
    assert fresh.documents[0].number == "13/UND/PK/XII/2026"
    with demo.sessions() as session:
        rows = list_issued(session, demo.demo.event_id)
        assert len(rows) == 12 and {r.print_count for r in rows} == {3}
        assert rows[0].file_path.endswith("c.pdf")


def test_a_cancelled_batch_leaves_no_file_no_register_entry_and_no_used_number(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "batal.pdf"
    with pytest.raises(GeneratorExit), transaction(demo.sessions) as session:
        steps = print_documents(session, PrintRequest(demo.demo.event_id, "undangan", out,
                                                      PrintOptions(letter_date=LETTER_DATE)))
        for _ in range(4):
            next(steps)
        steps.close()  # the user pressed Batal
        raise GeneratorExit
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    with demo.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 0
        assert last_sequence(session, "undangan", 2026) == 0


def test_collective_invitation_lists_every_participant_with_nip_in_the_lampiran(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(demo, "undangan", tmp_path / "kolektif.pdf", collective=True, wave=1)
    pages = pdf_pages(tmp_path / "kolektif.pdf")
    assert len(result.documents) == 1 and result.pages == len(pages) >= 2
    assert "Lampiran : 1 (satu) berkas" in pages[0]
    attachment = " ".join(pages[1:])
    assert "LAMPIRAN" in attachment and "1/UND/PK/XI/2026" in attachment
    for person in participants(demo):
        assert format_nip(person.nip) in attachment


def test_one_file_per_participant_is_named_by_nip_and_name(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(demo, "pemanggilan", tmp_path / "surat", per_participant=True)
    names = sorted(p.name for p in (tmp_path / "surat").iterdir())
    assert len(names) == len(result.files) == 12
    for person in participants(demo):
        assert f"{safe_file_stem(person.nip + '_' + person.name)}.pdf" in names
    assert names[0][:8].isdigit() and "_" in names[0]
    assert "1/PGL/PK/XI/2026" in " ".join(pdf_pages(result.documents[0].file))


def test_surat_tugas_lists_the_team_with_nip_pangkat_and_role(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(demo, "surat_tugas", tmp_path / "st.pdf")
    text = " ".join(pdf_pages(tmp_path / "st.pdf"))
    assert "SURAT TUGAS" in text and "Nomor: 1/ST/PK/XI/2026" in text and "MENUGASKAN" in text
    assert "Ketua Tim" in text and "Asesor SDM Aparatur" in text
    assert re.search(r"\d{8} \d{6} [12] \d{3}", text)
    assert HEAD_NIP in text


def test_attendance_follows_the_schedule_when_there_is_one(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with transaction(demo.sessions) as session:
        event_id = demo.demo.event_id
        psi = session.scalar(select(Exercise).where(Exercise.code == "PSI"))
        eps = list(session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)))
        day = eps[0].wave.start_date
        s = ScheduleSession(event_id=event_id, wave_id=eps[0].wave_id, exercise_id=psi.id,
                            starts_at=datetime.combine(day, time(8)), ends_at=datetime.combine(day, time(10)))
        session.add(s)
        session.flush()
        session.add_all(SessionParticipant(session_id=s.id, event_participant_id=ep.id) for ep in eps[:5])
    run(demo, "daftar_hadir", tmp_path / "dh.pdf")
    text = " ".join(pdf_pages(tmp_path / "dh.pdf"))
    assert "DAFTAR HADIR" in text and "08.00 - 10.00" in text and psi.name in text
    names = [p.name for p in participants(demo)]
    assert sum(name in text for name in names) == 5


def test_attendance_without_a_schedule_has_a_sheet_per_wave_and_day(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run(demo, "daftar_hadir", tmp_path / "dh.pdf")
    text = " ".join(pdf_pages(tmp_path / "dh.pdf"))
    assert result.pages == 2  # one wave of two days, 12 participants each
    assert "Gelombang 1, hari ke-1" in text and "Gelombang 1, hari ke-2" in text


def test_rundown_comes_from_the_agenda(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserFacingError, match="belum diisi"):
        run(demo, "susunan_acara", tmp_path / "x.pdf")
    with transaction(demo.sessions) as session:
        session.add_all([
            AgendaItem(event_id=demo.demo.event_id, title="Pembukaan", start_time=time(8), end_time=time(8, 30),
                       person_in_charge="Kepala Balai", location="Aula Utama", sort_order=1),
            AgendaItem(event_id=demo.demo.event_id, title="Registrasi peserta", start_time=time(7, 30),
                       end_time=time(8), person_in_charge="Panitia", location="Lobi", sort_order=0),
        ])
    run(demo, "susunan_acara", tmp_path / "rd.pdf")
    text = " ".join(pdf_pages(tmp_path / "rd.pdf"))
    assert text.index("07.30 - 08.00 Registrasi peserta") < text.index("08.00 - 08.30 Pembukaan")


def test_event_report_counts_invited_confirmed_and_present(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with transaction(demo.sessions) as session:
        eps = list(session.scalars(select(EventParticipant).order_by(EventParticipant.number)))
        for ep in eps[:9]:
            ep.invitation_status = InvitationStatus.DITERIMA
        for ep in eps[:7]:
            ep.attendance = Attendance.HADIR
    run(demo, "laporan", tmp_path / "lap.pdf")
    text = " ".join(pdf_pages(tmp_path / "lap.pdf"))
    assert "Peserta yang diundang : 12 orang" in text
    assert "Peserta yang mengonfirmasi kehadiran : 9 orang (75,0%)" in text
    assert "Peserta yang hadir : 7 orang (58,3%)" in text
    assert "Jumlah 12 9 7" in text


def test_the_users_wording_and_signer_choice_are_printed(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with transaction(demo.sessions) as session:
        save_template(session, "berita_acara", "Pada {hari} telah dilaksanakan {kegiatan}.\n\n[[rincian]]")
        secretary = Signatory(name="Siti Aminah, S.H.", nip="197501152000032001", golongan="IV/a",
                              jabatan="Kepala Subbagian Tata Usaha")
        session.add(secretary)
        session.flush()
        save_signer_choices(session, {"berita_acara": SignerChoice(secretary.id, "a.n.")})
    run(demo, "berita_acara", tmp_path / "ba.pdf")
    text = " ".join(pdf_pages(tmp_path / "ba.pdf"))
    assert "telah dilaksanakan Penilaian Kompetensi" in text and "Peserta yang diundang" in text
    assert "a.n. Kepala Balai Penilaian Kompetensi" in text and "NIP. 19750115 200003 2 001" in text
    assert "Nomor: 1/BA/PK/" in text


def test_printing_without_an_institution_profile_says_what_to_fill_in(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import Event

    with transaction(database.sessions) as session:
        event = Event(code="K-1", name="Kegiatan", start_date=LETTER_DATE)
        session.add(event)
        session.flush()
        event_id = event.id
    with pytest.raises(UserFacingError, match="Profil instansi belum diisi"), \
            transaction(database.sessions) as session:
        print_now(session, PrintRequest(event_id, "undangan", tmp_path / "u.pdf"))
