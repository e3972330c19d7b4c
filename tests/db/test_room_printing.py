"""Printing for the room (issue 17 item 4), read back with pypdf: stamped booklets keep every page of the
stored material, answer sheets and rating forms carry the participant, and the handover counts booklets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from ukom_desktop.db.models import Competency, EventParticipant, Participant, ParticipantGroup
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.material_handover import handover_status, record_returns
from ukom_desktop.services.materials import import_material_files, map_question_set
from ukom_desktop.services.room_printing import (
    print_answer_sheets,
    print_booklets,
    print_material_handover,
    print_rating_forms,
)

sys.path.insert(0, str(Path(__file__).parent))
from material_support import group_with_inbasket_sets, make_pdf  # noqa: E402


@pytest.fixture
def room(demo_database, tmp_path):  # type: ignore[no-untyped-def]
    """The demo event in groups with two paket soal; in-basket A has 5 pages, B has 2."""
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        group_with_inbasket_sets(session, event_id, tmp_path, {"A": 5, "B": 2})
    return demo_database


def _participants(db, event_id):  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return session.execute(
            select(EventParticipant.number, Participant.name, EventParticipant.question_set)
            .join(Participant).where(EventParticipant.event_id == event_id).order_by(EventParticipant.number)
        ).all()


def test_booklets_stamp_every_page_of_the_material_with_the_number(room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = room.demo.event_id
    out = tmp_path / "buku.pdf"
    with room.sessions.begin() as session:
        result = print_booklets(session, event_id, out)
    assert result.notes == ()
    people = _participants(room, event_id)
    pages = PdfReader(out).pages
    expected = sum(1 + (5 if qset == "A" else 2) for _n, _name, qset in people)
    assert len(pages) == expected == result.pages
    index = 0
    for number, name, qset in people:
        booklet = f"INB-{number:03d}"
        cover = pages[index].extract_text()
        assert "BUKU SOAL" in cover and booklet in cover and name in cover and f"Paket soal {qset}" in cover
        count = 5 if qset == "A" else 2
        for page_no in range(1, count + 1):
            text = pages[index + page_no].extract_text()
            assert f"Surat masuk paket {qset} halaman {page_no}" in text  # the stored page itself, not retyped
            assert "RAHASIA" in text and booklet in text and f"Halaman {page_no} dari {count}" in text
        index += 1 + count


def test_answer_sheets_and_rating_forms_carry_the_participant(room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = room.demo.event_id
    with room.sessions.begin() as session:
        print_answer_sheets(session, event_id, tmp_path / "lj.pdf")
        forms = print_rating_forms(session, event_id, tmp_path / "fp.pdf", wave=1)
        integrity = session.scalar(select(Competency.name).where(Competency.code == "M.01"))
    people = _participants(room, event_id)
    sheets = PdfReader(tmp_path / "lj.pdf").pages
    assert len(sheets) == len(people)
    with room.sessions.begin() as session:
        in_b = session.scalar(select(func.count()).select_from(EventParticipant).join(ParticipantGroup).where(
            EventParticipant.event_id == event_id, ParticipantGroup.name == "Kelompok B"))
        group_only = print_answer_sheets(session, event_id, tmp_path / "lj-b.pdf", wave=1, group="b")
    assert 0 < in_b == group_only.items == len(PdfReader(tmp_path / "lj-b.pdf").pages) < len(people)
    first = sheets[0].extract_text()
    number, name, qset = people[0]
    assert "LEMBAR JAWABAN IN-BASKET" in first and name in first and f"INB-{number:03d}" in first
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "fp.pdf").pages)
    assert forms.items >= len(people)
    assert text.count("FORMULIR PENILAIAN") == forms.items
    assert "FORMULIR PENILAIAN IN-BASKET" in text and integrity in text and "Tanpa bukti" in text
    assert "Catatan bukti" in text and "Rujukan level" in text and name in text


def test_the_handover_counts_booklets_out_and_back(room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = room.demo.event_id
    people = _participants(room, event_id)
    numbers = [f"INB-{n:03d}" for n, _name, _q in people]
    with room.sessions.begin() as session:
        assert set(handover_status(session, event_id).missing) == set(numbers)  # none back yet
        with pytest.raises(UserFacingError, match="INB-999"):
            record_returns(session, event_id, ["INB-999"])
        record_returns(session, event_id, [n.lower() for n in numbers[:-2]])
        status = handover_status(session, event_id)
        result = print_material_handover(session, event_id, tmp_path / "ba.pdf")
    assert (status.out_count, status.back_count, set(status.missing)) == (len(numbers), len(numbers) - 2,
                                                                          set(numbers[-2:]))
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "ba.pdf").pages)
    assert "BERITA ACARA SERAH TERIMA SOAL" in text
    assert f"Sebanyak {len(numbers)} buku soal diserahkan" in text and f"{len(numbers) - 2} buku soal telah" in text
    assert "BELUM kembali" in text and all(n in text for n in numbers[-2:])
    assert result.notes == ("2 buku soal belum kembali.",)
    with room.sessions.begin() as session:
        record_returns(session, event_id, numbers[-2:])
        print_material_handover(session, event_id, tmp_path / "ba2.pdf")
    assert "telah kembali dengan lengkap" in PdfReader(tmp_path / "ba2.pdf").pages[0].extract_text()


def test_a_paket_without_material_is_named(room, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = room.demo.event_id
    with room.sessions.begin() as session:
        import_material_files(session, "LGD", "LGD-1", [make_pdf(tmp_path / "lgd.pdf", 1, "Kasus diskusi")])
        map_question_set(session, event_id, "LGD", "A", "LGD-1")
        result = print_booklets(session, event_id, tmp_path / "buku.pdf")
    assert any("LGD paket B" in note for note in result.notes)
