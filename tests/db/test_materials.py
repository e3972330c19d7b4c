"""Exercise material library (issue 17): checksummed files, versions and status, paket soal mapping, the
re-use rule across two events by NIP, and the material permissions."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from ukom_desktop.db.models import Event, EventParticipant, MaterialFile, Participant
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import grouping, participants
from ukom_desktop.services.events import EventData, create_event
from ukom_desktop.services.material_reuse import reuse_conflicts
from ukom_desktop.services.materials import (
    file_content,
    import_material_files,
    list_materials,
    map_question_set,
    set_status,
)
from ukom_desktop.services.reference_data import ensure_reference_data
from ukom_desktop.services.settings import set_setting

sys.path.insert(0, str(Path(__file__).parent))
from material_support import make_pdf  # noqa: E402


@pytest.fixture
def library(demo_database, tmp_path):  # type: ignore[no-untyped-def]
    """Two in-basket versions (A, B) in the library."""
    files = [make_pdf(tmp_path / f"inb-{v}.pdf", 3, f"In-basket {v}") for v in "AB"]
    with demo_database.sessions.begin() as session:
        for v, f in zip("AB", files, strict=True):
            import_material_files(session, "INB", f"INB-{v}", [f])
    return demo_database


def test_files_are_stored_with_their_checksum_and_duplicates_skipped(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = make_pdf(tmp_path / "kasus.pdf", 2, "Kasus")
    (tmp_path / "kosong.pdf").write_bytes(b"")
    (tmp_path / "palsu.pdf").write_bytes(b"bukan pdf")
    with database.sessions.begin() as session:
        ensure_reference_data(session)
        first = import_material_files(session, "lgd", "LGD-2026", [pdf], notes="Kasus pelabuhan")
        again = import_material_files(session, "LGD", "LGD-2026", [pdf])
        for bad, reason in (("kosong.pdf", "kosong"), ("palsu.pdf", "bukan PDF"), ("tidak-ada.pdf", "tidak ditemukan")):
            with pytest.raises(UserFacingError, match=reason):
                import_material_files(session, "LGD", "LGD-2026", [tmp_path / bad])
    assert first.added == ("kasus.pdf",) and again.added == () and again.skipped == ("kasus.pdf",)
    with database.sessions() as session:
        [row] = list_materials(session)
        assert (row.exercise_code, row.name, row.status, row.notes) == ("LGD", "LGD-2026", "aktif", "Kasus pelabuhan")
        assert [f.sha256 for f in row.files] == [hashlib.sha256(pdf.read_bytes()).hexdigest()]
        name, data = file_content(session, row.files[0].id)
        assert (name, data) == ("kasus.pdf", pdf.read_bytes())
    with database.sessions.begin() as session:  # altered outside the application
        session.execute(update(MaterialFile).values(content=b"%PDF-diubah"))
    with database.sessions() as session, pytest.raises(UserFacingError, match="checksum"):
        file_content(session, row.files[0].id)


def test_a_retired_version_is_not_mapped_again(library) -> None:  # type: ignore[no-untyped-def]
    event_id = library.demo.event_id
    with library.sessions.begin() as session:
        map_question_set(session, event_id, "INB", "a", "INB-A")
        [row] = [r for r in list_materials(session) if r.name == "INB-A"]
        assert row.events == 1
        set_status(session, row.id, "pensiun")
        with pytest.raises(UserFacingError, match="pensiun"):
            map_question_set(session, event_id, "INB", "B", "INB-A")
        with pytest.raises(UserFacingError, match="tidak memiliki versi"):
            map_question_set(session, event_id, "INB", "B", "INB-Z")


def _second_event(session, first_id: int, start: date, count: int) -> tuple[int, dict[str, str]]:  # type: ignore[no-untyped-def]
    """A later event with `count` participants of the first one; returns its id and NIP -> paket in the first."""
    second = create_event(session, EventData(name="UKOM lanjutan", start_date=start, wave_size=30))
    earlier = session.execute(
        select(Participant.nip, Participant.name, EventParticipant.question_set)
        .join(EventParticipant, EventParticipant.participant_id == Participant.id)
        .where(EventParticipant.event_id == first_id).order_by(EventParticipant.number).limit(count)
    ).all()
    for nip, name, _qset in earlier:
        participants.save_participant(session, second, participants.ParticipantForm(nip=nip, name=name))
    for version in "AB":
        map_question_set(session, second, "INB", version, f"INB-{version}")
    return second, {nip: qset for nip, _name, qset in earlier}


def _sets(session, event_id: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(session.execute(
        select(Participant.nip, EventParticipant.question_set)
        .join(EventParticipant, EventParticipant.participant_id == Participant.id)
        .where(EventParticipant.event_id == event_id)
    ).all())


def test_nobody_meets_the_same_case_in_a_later_event(library) -> None:  # type: ignore[no-untyped-def]
    first = library.demo.event_id
    with library.sessions.begin() as session:
        session.get(Event, first).start_date = date(2025, 3, 10)
        grouping.build_groups(session, first, grouping.GroupingOptions(question_sets=2), force=True)
        for version in "AB":
            map_question_set(session, first, "INB", version, f"INB-{version}")
        second, before = _second_event(session, first, date(2026, 9, 1), 12)
        summary = grouping.build_groups(session, second, grouping.GroupingOptions(question_sets=2, group_min=4))
    assert set(before.values()) == {"A", "B"}
    with library.sessions() as session:
        after = _sets(session, second)
        assert all(after[nip] != before[nip] for nip in before)  # each got the other in-basket
        assert reuse_conflicts(session, second) == []
    assert any("dipindah ke paket soal lain" in note for note in summary.notes)

    # a manual change back to the old paket is refused and names the participant
    with library.sessions.begin() as session:
        nip = next(iter(before))
        ep = session.scalar(select(EventParticipant).join(Participant).where(
            EventParticipant.event_id == second, Participant.nip == nip))
        name = ep.participant.name if hasattr(ep, "participant") else ""
        with pytest.raises(UserFacingError, match=nip):
            participants.set_question_set(session, [ep.id], before[nip])
        # the preview names who would meet a case again when the stored paket is changed behind its back
        ep.question_set = before[nip]
    with library.sessions() as session:
        [conflict] = reuse_conflicts(session, second)
        assert (conflict.nip, conflict.version, conflict.exercise_code) == (nip, f"INB-{before[nip]}", "INB")
        assert library.demo.event_code in conflict.text() and (not name or name in conflict.text())


def test_the_window_of_years_is_a_setting(library) -> None:  # type: ignore[no-untyped-def]
    first = library.demo.event_id
    with library.sessions.begin() as session:
        session.get(Event, first).start_date = date(2021, 1, 5)
        grouping.build_groups(session, first, grouping.GroupingOptions(question_sets=1), force=True)
        map_question_set(session, first, "INB", "A", "INB-A")
        second = create_event(session, EventData(name="Empat tahun kemudian", start_date=date(2025, 2, 1)))
        nip, name = session.execute(select(Participant.nip, Participant.name)).first()
        ep_id = participants.save_participant(session, second, participants.ParticipantForm(nip=nip, name=name))
        map_question_set(session, second, "INB", "A", "INB-A")
        participants.set_question_set(session, [ep_id], "A")  # four years ago: allowed with the default 3
        assert reuse_conflicts(session, second) == []
        set_setting(session, "materials.reuse_years", 5)
        [conflict] = reuse_conflicts(session, second)
        assert conflict.nip == nip and conflict.earlier_date == date(2021, 1, 5)


def test_the_grouping_names_who_cannot_avoid_a_case(library) -> None:  # type: ignore[no-untyped-def]
    first = library.demo.event_id
    with library.sessions.begin() as session:
        session.get(Event, first).start_date = date(2025, 3, 10)
        grouping.build_groups(session, first, grouping.GroupingOptions(question_sets=1), force=True)
        map_question_set(session, first, "INB", "A", "INB-A")
        second, _before = _second_event(session, first, date(2026, 1, 1), 4)
        map_question_set(session, second, "INB", "B", "INB-A")  # both paket hold the case they met
        summary = grouping.build_groups(session, second, grouping.GroupingOptions(question_sets=2, group_min=4))
    warnings = [n for n in summary.notes if n.startswith("Perhatian")]
    assert len(warnings) == 4 and all("INB-A" in w for w in warnings)
