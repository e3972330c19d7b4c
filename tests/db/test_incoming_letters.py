"""The incoming-letter register (issue 17 item 5): the request with its scan and disposition, linked to the
event it opened, first in the event's documents list; the lembar disposisi read back."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ukom_desktop.db.models import Event
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.incoming_letters import (
    LetterData,
    attach_scan,
    list_letters,
    open_event_from_letter,
    print_disposition,
    save_letter,
    scan_of,
)
from ukom_desktop.services.issued_documents import list_issued
from ukom_desktop.services.reference_data import ensure_reference_data

sys.path.insert(0, str(Path(__file__).parent))
from material_support import make_pdf  # noqa: E402

LETTER = LetterData(
    "800/123/BKD/2026", "BKD Provinsi Jawa Barat", "Permohonan penilaian kompetensi pejabat administrator",
    date(2026, 9, 1), date(2026, 9, 2), None, "Kepala Bidang Penyelenggaraan",
    "Siapkan rencana kegiatan dan tim asesor.", date(2026, 9, 3),
)


def test_a_request_opens_an_event_and_heads_its_documents(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = make_pdf(tmp_path / "surat.pdf", 2, "Surat permohonan")
    with database.sessions.begin() as session:
        letter_id = save_letter(session, LETTER)
        digest = attach_scan(session, letter_id, scan)
        event_id = open_event_from_letter(session, letter_id, "Penilaian administrator 2026")
        with pytest.raises(UserFacingError, match="sudah terhubung"):
            open_event_from_letter(session, letter_id, "Lagi")
    assert digest == hashlib.sha256(scan.read_bytes()).hexdigest()
    with database.sessions() as session:
        event = session.get(Event, event_id)
        assert (event.requesting_agency, event.request_letter_number, event.request_letter_date) == (
            "BKD Provinsi Jawa Barat", "800/123/BKD/2026", date(2026, 9, 1))
        [row] = list_letters(session, event_id)
        assert row.event_code == event.code and row.agenda.endswith("/SM/2026") and row.scan_filename == "surat.pdf"
        assert scan_of(session, letter_id) == ("surat.pdf", scan.read_bytes())
        first = list_issued(session, event_id)[0]
        assert (first.kind, first.number, first.recipient) == ("surat_masuk", "800/123/BKD/2026",
                                                               "BKD Provinsi Jawa Barat")


def test_the_disposition_sheet_has_its_parts(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        ensure_reference_data(session)
        letter_id = save_letter(session, LETTER)
        event_id = open_event_from_letter(session, letter_id, "Penilaian administrator 2026")
        print_disposition(session, event_id, tmp_path / "disposisi.pdf")
    text = PdfReader(tmp_path / "disposisi.pdf").pages[0].extract_text()
    for part in ("LEMBAR DISPOSISI", "Surat dari", "BKD Provinsi Jawa Barat", "Nomor surat", "800/123/BKD/2026",
                 "1 September 2026", "Diterima tanggal", "2 September 2026", "Nomor agenda", "Perihal",
                 "Permohonan penilaian kompetensi pejabat administrator", "Diteruskan kepada",
                 "Kepala Bidang Penyelenggaraan", "Isi disposisi", "Siapkan rencana kegiatan dan tim asesor.",
                 "Tanggal disposisi", "3 September 2026", "Paraf"):
        assert part in text, part


def test_letters_are_checked(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "palsu.pdf").write_bytes(b"bukan pdf")
    with database.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="Nomor surat wajib.*Asal surat wajib"):
            save_letter(session, LetterData(""))
        letter_id = save_letter(session, LETTER)
        with pytest.raises(UserFacingError, match="bukan PDF"):
            attach_scan(session, letter_id, tmp_path / "palsu.pdf")
        with pytest.raises(UserFacingError, match="belum memiliki pindaian"):
            scan_of(session, letter_id)
        stale = list_letters(session)[0]
        save_letter(session, replace(LETTER, subject="Perihal diperbaiki"), letter_id)  # someone else saved
        with pytest.raises(UserFacingError, match="diubah oleh pengguna lain"):
            save_letter(session, stale, letter_id)
        with pytest.raises(UserFacingError, match="belum memiliki surat permohonan"):
            print_disposition(session, 999, tmp_path / "x.pdf")


def test_sop_004_step_1_is_ticked_once_the_request_with_its_disposition_is_linked(database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.event_checklist import checklist
    from ukom_desktop.services.events import EventData, create_event

    def step(session, event_id: int):  # type: ignore[no-untyped-def]
        return {i.code: i for i in checklist(session, event_id).items}["004.1"]

    with database.sessions.begin() as session:
        ensure_reference_data(session)
        event_id = create_event(session, EventData(name="Tanpa surat"))
        before = step(session, event_id)
        assert before.automatic and not before.done and "agenda surat masuk" in before.missing[0]
        letter_id = save_letter(session, replace(LETTER, event_id=event_id, disposition_to=""))
        assert step(session, event_id).missing == ("Disposisi surat permohonan belum diisi",)
        save_letter(session, replace(LETTER, event_id=event_id), letter_id)
        assert step(session, event_id).done and not step(session, event_id).ticked
        opened = open_event_from_letter(session, save_letter(session, replace(LETTER, number="800/9/BKD/2026")),
                                        "Dari surat")
        assert step(session, opened).done
