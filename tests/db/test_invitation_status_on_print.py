"""Printing invitations records that the participants were invited (status "dikirim"), all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import EventParticipant, InvitationStatus
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.document_printing import PrintRequest, print_documents, print_now
from ukom_desktop.services.event_documents import PrintOptions

LETTER_DATE = date(2026, 11, 9)


@pytest.fixture
def demo(sqlite_database):  # type: ignore[no-untyped-def]
    with transaction(sqlite_database.sessions) as session:
        sqlite_database.demo = build_demo(session, participants=12, seed=5)
    return sqlite_database


def run(database, kind: str, out: Path, **options):  # type: ignore[no-untyped-def]
    options.setdefault("letter_date", LETTER_DATE)
    with transaction(database.sessions) as session:
        return print_now(session, PrintRequest(database.demo.event_id, kind, out, PrintOptions(**options)))


def statuses(database) -> dict[int, tuple[InvitationStatus, object]]:  # type: ignore[no-untyped-def]
    with database.sessions() as session:
        rows = session.execute(
            select(EventParticipant.id, EventParticipant.invitation_status, EventParticipant.invited_at)
            .where(EventParticipant.event_id == database.demo.event_id)
        ).all()
    return {r[0]: (r[1], r[2]) for r in rows}


def test_personal_invitations_for_chosen_participants_mark_only_them_invited(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = statuses(demo)
    assert {s for s, _at in before.values()} == {InvitationStatus.BELUM}
    chosen = sorted(before)[:5]
    result = run(demo, "undangan", tmp_path / "lima.pdf", participant_ids=tuple(chosen))
    after = statuses(demo)
    assert all(after[ep][0] == InvitationStatus.DIKIRIM and after[ep][1] is not None for ep in chosen)
    others = [ep for ep in after if ep not in chosen]
    assert others and all(after[ep] == (InvitationStatus.BELUM, None) for ep in others)
    assert result.newly_invited == 5
    assert "5 peserta dicatat sudah diundang" in result.summary()


def test_a_reprint_keeps_the_first_invitation_time_and_a_confirmed_participant_stays_confirmed(
    demo, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    with transaction(demo.sessions) as session:
        confirmed = session.scalars(
            select(EventParticipant).where(EventParticipant.event_id == demo.demo.event_id).limit(1)
        ).one()
        confirmed.invitation_status = InvitationStatus.DITERIMA
        confirmed_id = confirmed.id
    run(demo, "undangan", tmp_path / "a.pdf", collective=True)
    first = statuses(demo)
    assert first[confirmed_id][0] == InvitationStatus.DITERIMA
    assert all(s == InvitationStatus.DIKIRIM for ep, (s, _at) in first.items() if ep != confirmed_id)
    again = run(demo, "undangan", tmp_path / "b.pdf")
    assert again.newly_invited == 0
    assert statuses(demo) == first


def test_a_cancelled_print_and_a_summons_leave_the_invitation_status_alone(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GeneratorExit), transaction(demo.sessions) as session:
        steps = print_documents(session, PrintRequest(demo.demo.event_id, "undangan", tmp_path / "batal.pdf",
                                                      PrintOptions(letter_date=LETTER_DATE)))
        for _ in range(4):
            next(steps)
        steps.close()  # the user pressed Batal
        raise GeneratorExit
    run(demo, "pemanggilan", tmp_path / "panggil.pdf")
    assert {s for s, _at in statuses(demo).values()} == {InvitationStatus.BELUM}
