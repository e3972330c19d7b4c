"""Assessor packages through two real SQLite files: issue at the secretariat, rate on the laptop, send back,
preview and merge; replay and refusals change nothing."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from packages_support import (  # noqa: E402,E501
    issue,
    laptop_cells,
    laptop_narratives,
    open_on_laptop,
    reopen_for_ratings,
    secretariat,
    state,
)

from ukom_desktop.db.models import AuditEntry, EventParticipant, Participant, Rating, TeamMember  # noqa: E402
from ukom_desktop.io import exchange_package as fmt  # noqa: E402
from ukom_desktop.services import packages_laptop as lp  # noqa: E402
from ukom_desktop.services.packages_export import event_assessors  # noqa: E402
from ukom_desktop.services.packages_merge import import_package  # noqa: E402


def _busiest(db, event_id: int, count: int = 1) -> list[int]:
    with db.sessions() as session:
        assessors = event_assessors(session, event_id)
        sizes = {mid: session.scalar(select(Rating.event_participant_id).where(Rating.assessor_id == mid).limit(1))
                 for mid, _n, _p in assessors}
    with_ratings = [mid for mid, _n, _p in assessors if sizes[mid] is not None]
    return with_ratings[:count]


def _merge(db, data: bytes, dry_run: bool = False):
    with db.sessions() as session:
        preview = import_package(session, data, dry_run=dry_run)
        if dry_run or preview.already_received:
            session.rollback()
        else:
            session.commit()
    return preview


@pytest.fixture
def one(tmp_path: Path):
    db, event_id = secretariat(tmp_path)
    member = _busiest(db, event_id)[0]
    reopen_for_ratings(db, event_id, [member])
    item = issue(db, event_id, [member], tmp_path)[0]
    open_on_laptop(item)
    yield db, event_id, item
    db.dispose()


def test_package_holds_no_plaintext_name_or_nip_of_anyone(one) -> None:
    db, event_id, item = one
    data = item.path.read_bytes()
    with db.sessions() as session:
        people = session.execute(select(Participant.name, Participant.nip)).all()
        members = session.execute(select(TeamMember.name, TeamMember.nip).where(TeamMember.nip != "")).all()
    assert people and members
    for name, nip in [*people, *members]:
        for text in (name, nip, name.split(",")[0]):
            assert text.encode() not in data
    assert item.name.split(",")[0] not in item.path.name


def test_round_trip_ratings_evidence_narratives_then_replay_and_older_refused(one, tmp_path: Path) -> None:
    db, event_id, item = one
    cells = laptop_cells(item.laptop_url)
    empty = [c for c in cells if c.level is None and not c.no_evidence]
    filled = [c for c in cells if c.level is not None]
    assert empty and filled, "the set-up leaves one participant unrated and others rated"
    new_cell, changed_cell = empty[0], filled[0]
    lp.save_cell(item.laptop_url, new_cell.ep, new_cell.exercise, new_cell.competency, level="4",
                 no_evidence=False, evidence="Memimpin diskusi dengan tenang.")
    other = "2" if changed_cell.level != "2.00" else "3"
    lp.save_cell(item.laptop_url, changed_cell.ep, changed_cell.exercise, changed_cell.competency, level=other,
                 no_evidence=False, evidence="Bukti baru di laptop")
    narratives = laptop_narratives(item.laptop_url)
    assert narratives
    lp.save_narrative(item.laptop_url, narratives[0].report, {"kekuatan": "Ditulis di laptop asesor."})
    first = lp.write_return(item.laptop_url, tmp_path / "kembali-1.ukom")
    data1 = first.path.read_bytes()

    before = state(db)
    preview = _merge(db, data1, dry_run=True)
    assert preview.counts == {"baru": 1, "berubah": 2, "sama": 0, "konflik": 0}
    assert state(db) == before  # a preview writes nothing

    applied = _merge(db, data1)
    assert applied.summary_line == "baru 1, berubah 2, sama 0, konflik 0"
    with db.sessions() as session:
        ep_id = session.scalar(select(EventParticipant.id).where(EventParticipant.uuid == new_cell.ep))
        rows = session.scalars(select(Rating).where(Rating.event_participant_id == ep_id,
                                                    Rating.assessor_id == item.member_id)).all()
        assert [(r.level, r.evidence) for r in rows] == [(Decimal("4.00"), "Memimpin diskusi dengan tenang.")]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "paket_diterima")).all()
        assert len(audit) == 1 and audit[0].new_value["baru"] == 1 and audit[0].new_value["berubah"] == 2
        assert audit[0].new_value["paket"] == first_id(data1)
    after_first = state(db)
    assert any(r[6] == "Bukti baru di laptop" for r in after_first["ratings"])
    assert any("Ditulis di laptop asesor." in r[1] for r in after_first["reports"])

    again = _merge(db, data1)  # the same package twice changes nothing
    assert again.already_received and state(db) == after_first

    lp.save_cell(item.laptop_url, new_cell.ep, new_cell.exercise, new_cell.competency, level="5",
                 no_evidence=False, evidence="Revisi")
    second = lp.write_return(item.laptop_url, tmp_path / "kembali-2.ukom")
    third = lp.write_return(item.laptop_url, tmp_path / "kembali-3.ukom")
    assert (second.sequence, third.sequence) == (2, 3)
    result = _merge(db, third.path.read_bytes())
    assert result.counts == {"baru": 0, "berubah": 1, "sama": 2, "konflik": 0}  # incremental: only 1 changed
    after_third = state(db)
    with pytest.raises(fmt.PackageError, match="lebih lama"):
        _merge(db, second.path.read_bytes())
    assert state(db) == after_third


def first_id(data: bytes) -> str:
    return fmt.read_header(data).package_id


def test_tampered_foreign_and_forged_returns_are_refused_and_change_nothing(one, tmp_path: Path) -> None:
    db, event_id, item = one
    cell = next(c for c in laptop_cells(item.laptop_url) if c.level is None)
    lp.save_cell(item.laptop_url, cell.ep, cell.exercise, cell.competency, level="3", no_evidence=False, evidence="x")
    data = lp.write_return(item.laptop_url, tmp_path / "k.ukom").path.read_bytes()
    before = state(db)

    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0x04
    with pytest.raises(fmt.PackageError, match="rusak"):
        _merge(db, bytes(flipped))

    # The same laptop, but the header claims another event: the issue it answers was for this event.
    engine = lp.make_engine(item.laptop_url)
    with engine.connect() as conn:
        meta = {k: v for k, v in conn.execute(select(lp.lp_meta.c.key, lp.lp_meta.c.value))}
    engine.dispose()
    import base64

    def forged(**over: str) -> bytes:
        args = dict(kind=fmt.KIND_RETURN, package_id=fmt.new_package_id(), event_uuid=meta["event_uuid"],
                    assessor_uuid=meta["assessor_uuid"], database_id=meta["database_id"], sequence=9,
                    created_at="2026-10-06T10:00:00+00:00", issue_id=meta["package_id"],
                    payload={"cells": [], "narratives": []},
                    institution_x25519_public=base64.b64decode(meta["institution"]["x25519"]),
                    hmac_key=base64.b64decode(meta["return_key"]))
        args.update(over)
        return fmt.write_package(**args)

    with pytest.raises(fmt.PackageError, match="kegiatan lain"):
        _merge(db, forged(event_uuid="00000000-0000-0000-0000-000000000000"))
    with pytest.raises(fmt.PackageError, match="basis data lain"):
        _merge(db, forged(database_id="11111111-1111-1111-1111-111111111111"))
    with pytest.raises(fmt.PackageError, match="tidak berasal dari asesor"):
        _merge(db, forged(hmac_key=b"z" * 32))
    with pytest.raises(fmt.PackageError, match="bukan paket kiriman"):
        _merge(db, item.path.read_bytes())
    assert state(db) == before

    (tmp_path / "lain").mkdir()
    other_db, _other_event = secretariat(tmp_path / "lain")
    try:
        with pytest.raises(fmt.PackageError, match="basis data lain"):
            _merge(other_db, data)
    finally:
        other_db.dispose()
    assert _merge(db, data).counts["baru"] == 1  # the genuine package still goes in afterwards


def test_wrong_passphrase_leaves_no_working_database(one, tmp_path: Path) -> None:
    _db, _event_id, item = one
    target = tmp_path / "kosong.sqlite"
    with pytest.raises(fmt.PackageError, match="Kata sandi paket salah"):
        lp.open_package(f"sqlite:///{target}", item.path.read_bytes(), fmt.new_passphrase())
    assert not target.exists() or not lp.is_working_database(f"sqlite:///{target}")
    # Opening the same package again on the laptop changes nothing; another package is refused there.
    assert lp.open_package(item.laptop_url, item.path.read_bytes(), item.passphrase).cells == len(
        laptop_cells(item.laptop_url))


def test_package_holds_only_this_assessors_participants_and_ratings(one) -> None:
    from ukom_desktop.services.packages_keys import institution_keys
    from ukom_desktop.services.ratings import participants_for_assessor

    db, event_id, item = one
    with db.sessions() as session:
        _db_id, keys = institution_keys(session)
        payload = fmt.open_as_institution(item.path.read_bytes(), keys).payload
        mine = {p.event_participant_id for p in participants_for_assessor(session, event_id, item.member_id)}
        uuids = dict(session.execute(select(EventParticipant.id, EventParticipant.uuid)).all())
        others_evidence = {r.evidence for r in session.scalars(select(Rating).where(Rating.assessor_id != item.member_id))
                           if r.evidence}
        own_evidence = {r.evidence for r in session.scalars(select(Rating).where(Rating.assessor_id == item.member_id))}
        all_people = session.execute(select(Participant.name, EventParticipant.id)
                                     .join(EventParticipant, EventParticipant.participant_id == Participant.id)).all()
    assert {p["uuid"] for p in payload["participants"]} == {uuids[i] for i in mine}
    assert len(mine) < len(all_people)
    assert {c["ep"] for c in payload["cells"]} <= {uuids[i] for i in mine}
    text = json.dumps(payload, ensure_ascii=False)
    mine_names = {name for name, ep_id in all_people if ep_id in mine}
    for name, ep_id in all_people:
        if ep_id not in mine and name not in mine_names:
            assert name not in text  # nothing of other participants
    assert {c["evidence"] for c in payload["cells"] if c["evidence"]} <= own_evidence
    assert not ({c["evidence"] for c in payload["cells"]} & (others_evidence - own_evidence))
