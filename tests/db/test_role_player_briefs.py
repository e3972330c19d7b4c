"""Role players' briefs (pemeran files) printed per scheduled session: a cover naming the event, exercise, day
and time, room, participant number and assessors, then the stored brief stamped RAHASIA with the number; read
back with pypdf."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import delete, select, update

from ukom_desktop.db.models import (
    AuditEntry,
    Event,
    EventParticipant,
    ScheduleSession,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.materials import import_material_files, map_question_set
from ukom_desktop.services.room_printing import print_role_player_briefs

sys.path.insert(0, str(Path(__file__).parent))
from material_support import make_pdf, schedule_role_plays  # noqa: E402


@pytest.fixture
def briefs(demo_database, tmp_path):  # type: ignore[no-untyped-def]
    """The scheduled demo event, everyone on paket soal A; RP-A has a 3-page brief for the role player, a
    participant's page and a DOCX for the role player."""
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        session.execute(update(EventParticipant).where(EventParticipant.event_id == event_id).values(question_set="A"))
        import_material_files(session, "RP", "RP-A", [make_pdf(tmp_path / "peran.pdf", 3, "Naskah atasan")],
                              role="pemeran")
        docx = tmp_path / "catatan-pemeran.docx"
        docx.write_bytes(b"PK\x03\x04 not really a docx")
        import_material_files(session, "RP", "RP-A", [docx], role="pemeran")
        import_material_files(session, "RP", "RP-A", [make_pdf(tmp_path / "peserta.pdf", 1, "Tugas peserta")])
        map_question_set(session, event_id, "RP", "A", "RP-A")
        demo_database.expected = schedule_role_plays(session, event_id)
    return demo_database


def test_every_role_play_session_gets_a_cover_and_the_stamped_brief(briefs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = briefs.demo.event_id
    out = tmp_path / "naskah.pdf"
    with briefs.sessions.begin() as session:
        event = session.get(Event, event_id)
        result = print_role_player_briefs(session, event_id, out)
    expected = briefs.expected
    assert result.items == len(expected) == 4
    with briefs.sessions() as session:
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "cetak_naskah_pemeran")).one()
    assert printed.entity_id == event_id
    pages = PdfReader(out).pages
    assert len(pages) == result.pages == 4 * len(expected)
    for index, (number, room, hour, assessor) in enumerate(expected):
        cover = pages[4 * index].extract_text()
        assert "NASKAH PEMERAN (ROLE PLAYER)" in cover and event.name in cover and "Role Play" in cover
        assert f"Nomor peserta: {number:03d}" in cover and room in cover and f"{hour:02d}.00-{hour:02d}.45" in cover
        assert assessor in cover and "RAHASIA - kembalikan kepada panitia setelah sesi" in cover
        assert "Berkas lain: catatan-pemeran.docx (cetak terpisah)" in cover
        for page_no in range(1, 4):
            text = pages[4 * index + page_no].extract_text()
            assert f"Naskah atasan halaman {page_no}" in text  # the stored page, not retyped
            assert "RAHASIA" in text and f"Peserta {number:03d}" in text and f"Halaman {page_no} dari 3" in text
            assert "Tugas peserta" not in text  # the participant's file is not the role player's


def test_one_wave_or_one_room(briefs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = briefs.demo.event_id
    in_room = [r for r in briefs.expected if r[1] == "Ruang Wawancara 2"]
    with briefs.sessions.begin() as session:
        result = print_role_player_briefs(session, event_id, tmp_path / "r.pdf", wave=1, room="ruang wawancara 2")
    assert result.items == len(in_room) == 2
    covers = [p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages[::4]]
    assert [f"Nomor peserta: {n:03d}" in c for (n, _r, _h, _a), c in zip(in_room, covers, strict=True)] == [True] * 2
    with briefs.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="Tidak ada sesi terjadwal di ruang Ruang Tidak Ada"):
            print_role_player_briefs(session, event_id, tmp_path / "x.pdf", room="Ruang Tidak Ada")
        with pytest.raises(UserFacingError, match="Tidak ada sesi terjadwal gelombang 9"):
            print_role_player_briefs(session, event_id, tmp_path / "x.pdf", wave=9)
    assert not (tmp_path / "x.pdf").exists()


def test_without_a_brief_for_the_role_player_it_says_what_to_do(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="Pustaka materi soal.*pemeran"):
            print_role_player_briefs(session, event_id, tmp_path / "a.pdf")  # nothing mapped
        session.execute(update(EventParticipant).where(EventParticipant.event_id == event_id).values(question_set="A"))
        import_material_files(session, "RP", "RP-A", [make_pdf(tmp_path / "p.pdf", 1, "Tugas peserta")])
        map_question_set(session, event_id, "RP", "A", "RP-A")
        with pytest.raises(UserFacingError, match="naskah pemeran"):
            print_role_player_briefs(session, event_id, tmp_path / "b.pdf")  # only the participant's file
        import_material_files(session, "RP", "RP-A", [make_pdf(tmp_path / "r.pdf", 1, "Naskah")], role="pemeran")
        session.execute(delete(ScheduleSession).where(ScheduleSession.event_id == event_id))
        with pytest.raises(UserFacingError, match="Susun jadwal"):
            print_role_player_briefs(session, event_id, tmp_path / "c.pdf")  # no schedule
    assert not any((tmp_path / n).exists() for n in ("a.pdf", "b.pdf", "c.pdf"))


def test_a_cover_that_runs_over_a_page_stays_before_its_brief(briefs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = briefs.demo.event_id
    extra = []
    for n in range(45):
        path = tmp_path / f"lampiran-pemeran-{n:02d}.xlsx"
        path.write_bytes(b"PK\x03\x04 lampiran " + str(n).encode())
        extra.append(path)
    with briefs.sessions.begin() as session:
        import_material_files(session, "RP", "RP-A", extra, role="pemeran")
        result = print_role_player_briefs(session, event_id, tmp_path / "r.pdf", room="Ruang Wawancara 1")
    texts = [p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages]
    per_session = len(texts) // result.items
    assert result.items == 2 and per_session > 4 and len(texts) == result.pages
    for first in (0, per_session):
        assert "NASKAH PEMERAN" in texts[first] and "Naskah atasan halaman 1" not in texts[first + 1]
        assert "lampiran-pemeran-44.xlsx" in texts[first + per_session - 4]
        assert "Naskah atasan halaman 1" in texts[first + per_session - 3]
