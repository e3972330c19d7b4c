"""The participants of one event: rows for the tab, the editor, and bulk actions on a selection.

Per participant: invitation status, attendance confirmation (hadir, tidak hadir with a reason, belum),
DRH and competency-tracing completeness, wave, group and question set (SOP 000 steps 4-7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Attendance,
    EventParticipant,
    IndividualReport,
    InvitationStatus,
    Participant,
    ParticipantGroup,
    Position,
    Rating,
    Sex,
    Wave,
    utcnow,
)
from ukom_desktop.domain.golongan import normalize_golongan
from ukom_desktop.domain.nip import NipError, parse_nip
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.io.participant_fields import clean_phone, is_valid_email
from ukom_desktop.services import access
from ukom_desktop.services.participant_numbers import check_number_free, lock_event_numbers, next_number


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the Peserta tab (the fields of listings.EventParticipantRow and more)."""

    id: int  # event_participant id
    participant_id: int
    number: int | None
    nip: str
    name: str
    sex: str
    golongan: str
    jabatan: str
    unit: str
    agency: str
    phone: str
    email: str
    wave: int | None
    group: int | None
    question_set: str
    target_position: str
    invitation: str
    attendance: str
    attendance_reason: str
    cv_complete: bool
    tracing_complete: bool


def _value(v: object) -> str:
    return str(getattr(v, "value", v) or "")


def list_participant_rows(session: Session, event_id: int) -> list[ParticipantRow]:
    ep, p = EventParticipant, Participant
    stmt = (
        select(
            ep.id, p.id, ep.number, p.nip, p.name, p.sex, p.golongan, p.jabatan, p.unit, p.agency, p.phone,
            p.email, Wave.number, ParticipantGroup.number, ep.question_set, Position.name, ep.invitation_status,
            ep.attendance, ep.attendance_reason, ep.cv_complete, ep.tracing_complete,
        )
        .join(p, p.id == ep.participant_id)
        .outerjoin(Wave, Wave.id == ep.wave_id)
        .outerjoin(ParticipantGroup, ParticipantGroup.id == ep.group_id)
        .outerjoin(Position, Position.id == ep.target_position_id)
        .where(ep.event_id == event_id)
        .order_by(ep.number, p.name)
    )
    if (visible := access.visible_participants(session, event_id)) is not None:  # an asesor: their own only
        stmt = stmt.where(ep.id.in_(visible))
    # More columns than SQLAlchemy types one by one: the rows are plain tuples read by position.
    rows: Sequence[tuple[Any, ...]] = session.execute(stmt).all()
    return [
        ParticipantRow(
            id=r[0], participant_id=r[1], number=r[2], nip=r[3], name=r[4], sex=_value(r[5]), golongan=r[6],
            jabatan=r[7], unit=r[8], agency=r[9], phone=r[10], email=r[11], wave=r[12], group=r[13],
            question_set=r[14], target_position=r[15] or "", invitation=_value(r[16]), attendance=_value(r[17]),
            attendance_reason=r[18], cv_complete=r[19], tracing_complete=r[20],
        )
        for r in rows
    ]


@dataclass
class ParticipantForm:
    """What the participant editor edits: the person and their place in the event."""

    nip: str
    name: str
    sex: str = ""  # "L", "P" or "" (from the NIP)
    birth_date: date | None = None
    birth_place: str = ""
    golongan: str = ""
    jabatan: str = ""
    unit: str = ""
    agency: str = ""
    phone: str = ""
    email: str = ""
    number: int | None = None
    target_position_id: int | None = None
    invitation: str = InvitationStatus.BELUM.value
    attendance: str = Attendance.BELUM.value
    attendance_reason: str = ""
    cv_complete: bool = False
    tracing_complete: bool = False
    wave_number: int | None = None
    group_number: int | None = None
    question_set: str = ""
    notes: str = ""
    # Revision of the membership and the person together (see _revision), for the stale-edit check.
    version: int | None = None


def _membership(session: Session, ep_id: int) -> EventParticipant:
    ep = session.get(EventParticipant, ep_id)
    if ep is None:
        raise UserFacingError("Peserta tidak ditemukan; mungkin sudah dikeluarkan dari kegiatan.")
    return ep


def _revision(ep: EventParticipant) -> int:
    """One number that grows with every save of the membership or of the person (name, NIP, phone...).

    Both version counters only ever increase, so their sum equals the one the editor read only when
    neither row was saved in between.
    """
    return ep.version + ep.participant.version


def participant_form(session: Session, ep_id: int) -> ParticipantForm:
    access.require_participant(session, access.perm.READ_PARTICIPANTS, ep_id)
    ep = _membership(session, ep_id)
    p = ep.participant
    return ParticipantForm(
        nip=p.nip, name=p.name, sex=_value(p.sex), birth_date=p.birth_date, birth_place=p.birth_place,
        golongan=p.golongan, jabatan=p.jabatan, unit=p.unit, agency=p.agency, phone=p.phone, email=p.email,
        number=ep.number, target_position_id=ep.target_position_id, invitation=_value(ep.invitation_status),
        attendance=_value(ep.attendance), attendance_reason=ep.attendance_reason, cv_complete=ep.cv_complete,
        tracing_complete=ep.tracing_complete, wave_number=ep.wave.number if ep.wave else None,
        group_number=ep.group.number if ep.group else None, question_set=ep.question_set, notes=ep.notes,
        version=_revision(ep),
    )


def _wave_and_group(
    session: Session, event_id: int, wave_number: int | None, group_number: int | None
) -> tuple[int | None, int | None]:
    if wave_number is None:
        if group_number is not None:
            raise UserFacingError("Pilih gelombang sebelum memilih kelompok.")
        return None, None
    wave = session.scalar(select(Wave).where(Wave.event_id == event_id, Wave.number == wave_number))
    if wave is None:
        wave = Wave(event_id=event_id, number=wave_number)
        session.add(wave)
        session.flush()
    if group_number is None:
        return wave.id, None
    group = session.scalar(select(ParticipantGroup).where(
        ParticipantGroup.event_id == event_id, ParticipantGroup.wave_id == wave.id,
        ParticipantGroup.number == group_number,
    ))
    if group is None:
        from ukom_desktop.domain.scheduling.grouping import group_label

        group = ParticipantGroup(event_id=event_id, wave_id=wave.id, number=group_number,
                                 name=f"Kelompok {group_label(group_number - 1)}")
        session.add(group)
        session.flush()
    return wave.id, group.id


def _check_form(form: ParticipantForm) -> tuple[str, str, str, list[str]]:
    """(nip, golongan, phone, problems) of a form."""
    problems = []
    nip = ""
    try:
        nip = parse_nip(form.nip).nip
    except NipError as exc:
        problems.append(f"NIP tidak sah: {exc}.")
    if not form.name.strip():
        problems.append("Nama wajib diisi.")
    golongan = ""
    if form.golongan.strip():
        golongan = normalize_golongan(form.golongan) or ""
        if not golongan:
            problems.append(f"Golongan/ruang '{form.golongan}' tidak dikenal.")
    phone, _warning = clean_phone(form.phone.strip())
    if form.email.strip() and not is_valid_email(form.email.strip()):
        problems.append(f"Alamat email '{form.email}' tidak sah.")
    if form.attendance == Attendance.TIDAK_HADIR.value and not form.attendance_reason.strip():
        problems.append("Alasan tidak hadir wajib diisi.")
    if form.number is not None and form.number < 1:
        problems.append("Nomor peserta harus 1 atau lebih.")
    return nip, golongan, phone, problems


def save_participant(session: Session, event_id: int, form: ParticipantForm, ep_id: int | None = None) -> int:
    """Add a participant to the event (ep_id None) or save the editor's changes. Returns the membership id."""
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    nip, golongan, phone, problems = _check_form(form)
    if problems:
        raise UserFacingError(" ".join(problems))
    if ep_id is None:
        person = session.scalar(select(Participant).where(Participant.nip == nip))
        if person is not None and session.scalar(select(EventParticipant.id).where(
            EventParticipant.event_id == event_id, EventParticipant.participant_id == person.id
        )):
            raise UserFacingError("Peserta dengan NIP ini sudah terdaftar di kegiatan ini.")
        if person is None:
            person = Participant(nip=nip, name=form.name.strip())
            session.add(person)
            session.flush()
        lock_event_numbers(session, event_id)
        if form.number:
            check_number_free(session, event_id, form.number)
        number = form.number or next_number(session, event_id)
        ep = EventParticipant(event_id=event_id, participant_id=person.id, number=number)
        session.add(ep)
    else:
        ep = _membership(session, ep_id)
        person = ep.participant
        check_version(_revision(ep), form.version, f"peserta {person.name}")
        if nip != person.nip:
            clash = session.scalar(select(Participant.id).where(Participant.nip == nip))
            if clash is not None:
                raise UserFacingError("NIP ini sudah dipakai peserta lain.")
            person.nip = nip
        if form.number is not None and form.number != ep.number:
            lock_event_numbers(session, event_id)
            check_number_free(session, event_id, form.number, ep.id)
            ep.number = form.number
    info = parse_nip(nip)
    person.name = form.name.strip()
    person.sex = Sex(form.sex) if form.sex in ("L", "P") else Sex(info.sex)
    person.birth_date = form.birth_date or info.birth_date
    person.birth_place = form.birth_place.strip()
    person.golongan = golongan
    person.jabatan, person.unit, person.agency = form.jabatan.strip(), form.unit.strip(), form.agency.strip()
    person.phone, person.email = phone, form.email.strip()
    ep.target_position_id = form.target_position_id
    _set_invitation(ep, form.invitation)
    ep.attendance = Attendance(form.attendance)
    ep.attendance_reason = form.attendance_reason.strip() if form.attendance == "tidak_hadir" else ""
    ep.cv_complete, ep.tracing_complete = form.cv_complete, form.tracing_complete
    ep.wave_id, ep.group_id = _wave_and_group(session, event_id, form.wave_number, form.group_number)
    ep.question_set = form.question_set.strip()
    ep.notes = form.notes
    session.flush()
    return ep.id


# --------------------------------------------------------------------------- bulk actions


def _memberships(session: Session, ep_ids: Sequence[int]) -> list[EventParticipant]:
    if not ep_ids:
        raise UserFacingError("Pilih sedikitnya satu peserta.")
    rows = list(session.scalars(select(EventParticipant).where(EventParticipant.id.in_(list(ep_ids)))))
    if len(rows) != len(set(ep_ids)):
        raise UserFacingError("Sebagian peserta yang dipilih sudah tidak ada; muat ulang daftar peserta.")
    return rows


def _set_invitation(ep: EventParticipant, status: str) -> None:
    new = InvitationStatus(status)
    if new != InvitationStatus.BELUM and ep.invited_at is None:
        ep.invited_at = utcnow()
    if new == InvitationStatus.BELUM:
        ep.invited_at = None
    ep.invitation_status = new


def set_invitation(session: Session, ep_ids: Sequence[int], status: str) -> int:
    from ukom_desktop.services.event_progress import follow_progress

    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    rows = _memberships(session, ep_ids)
    for ep in rows:
        _set_invitation(ep, status)
    session.flush()
    if rows:
        follow_progress(session, rows[0].event_id)
    return len(rows)


def set_attendance(session: Session, ep_ids: Sequence[int], attendance: str, reason: str = "") -> int:
    """Record the attendance confirmation; "tidak_hadir" needs a reason."""
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    value = Attendance(attendance)
    if value == Attendance.TIDAK_HADIR and not reason.strip():
        raise UserFacingError("Alasan tidak hadir wajib diisi.")
    rows = _memberships(session, ep_ids)
    for ep in rows:
        ep.attendance = value
        ep.attendance_reason = reason.strip() if value == Attendance.TIDAK_HADIR else ""
    session.flush()
    return len(rows)


def set_completeness(
    session: Session, ep_ids: Sequence[int], *, cv: bool | None = None, tracing: bool | None = None
) -> int:
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    rows = _memberships(session, ep_ids)
    for ep in rows:
        if cv is not None:
            ep.cv_complete = cv
        if tracing is not None:
            ep.tracing_complete = tracing
    session.flush()
    return len(rows)


def set_question_set(session: Session, ep_ids: Sequence[int], question_set: str) -> int:
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    rows = _memberships(session, ep_ids)
    from ukom_desktop.services.material_reuse import reuse_conflicts  # issue 17: no case met again

    for event_id in {ep.event_id for ep in rows}:
        wanted = {ep.id: question_set.strip()[:20] for ep in rows if ep.event_id == event_id}
        conflicts = [c for c in reuse_conflicts(session, event_id, wanted) if c.event_participant_id in wanted]
        if conflicts:
            raise UserFacingError("Paket soal tidak diubah. " + " ".join(c.text() for c in conflicts[:5]))
    for ep in rows:
        ep.question_set = question_set.strip()[:20]
    session.flush()
    return len(rows)


def move_to(session: Session, ep_ids: Sequence[int], wave_number: int | None, group_number: int | None = None) -> int:
    """Put the selection into a wave (and group), created when missing; None clears them."""
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    rows = _memberships(session, ep_ids)
    event_ids = {ep.event_id for ep in rows}
    if len(event_ids) != 1:
        raise UserFacingError("Peserta yang dipilih harus dari satu kegiatan.")
    wave_id, group_id = _wave_and_group(session, event_ids.pop(), wave_number, group_number)
    for ep in rows:
        ep.wave_id, ep.group_id = wave_id, group_id
    session.flush()
    return len(rows)


def remove_from_event(session: Session, ep_ids: Sequence[int]) -> int:
    """Take participants out of the event; refused for anyone who already has ratings or a report."""
    access.require(session, access.perm.MANAGE_PARTICIPANTS)
    rows = _memberships(session, ep_ids)
    ids = [ep.id for ep in rows]
    rated = set(session.scalars(select(Rating.event_participant_id).where(Rating.event_participant_id.in_(ids))))
    rated |= set(session.scalars(
        select(IndividualReport.event_participant_id).where(IndividualReport.event_participant_id.in_(ids))
    ))
    if rated:
        raise UserFacingError(
            f"{len(rated)} peserta yang dipilih sudah memiliki penilaian atau laporan dan tidak dapat "
            "dikeluarkan dari kegiatan. Catat sebagai tidak hadir bila perlu."
        )
    for ep in rows:
        session.delete(ep)
    session.flush()
    return len(rows)
