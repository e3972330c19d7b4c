"""The team roster (asesor, penilai teknis, admin, tester, pendukung), availability and event teams.

Every write validates first and raises UserFacingError with an Indonesian sentence; nothing is
half-written. Results are plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Availability,
    DayPart,
    Event,
    EventTeamMember,
    TeamMember,
    TeamRole,
    utcnow,
)
from ukom_desktop.domain.golongan import normalize_golongan
from ukom_desktop.domain.labels import TEAM_ROLE, label
from ukom_desktop.domain.nip import NipError, normalize_nip, parse_nip
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.io.team_rows import TeamRecord
from ukom_desktop.services import access

ROLE_ORDER = {role: i for i, role in enumerate(("asesor", "penilai_teknis", "admin", "tester", "pendukung"))}


# What a user enters for a team member: the form and the roster import both produce this one record.
MemberData = TeamRecord


@dataclass(frozen=True)
class MemberRow:
    id: int
    version: int
    name: str
    nip: str
    golongan: str
    jabatan: str
    role: str
    jf_jenjang: str
    unit: str
    agency: str
    certification: str
    certification_expiry: date | None
    phone: str
    email: str
    max_per_wave: int
    active: bool
    unavailable_days: int = 0
    in_event: bool = False
    event_role: str = ""

    @property
    def role_label(self) -> str:
        return label(TEAM_ROLE, self.role)

    def data(self) -> MemberData:
        return MemberData(
            name=self.name, nip=self.nip, golongan=self.golongan, jabatan=self.jabatan, role=self.role,
            jf_jenjang=self.jf_jenjang, unit=self.unit, agency=self.agency, certification=self.certification,
            certification_expiry=self.certification_expiry, phone=self.phone, email=self.email,
            max_participants_per_wave=self.max_per_wave, active=self.active,
        )


@dataclass(frozen=True)
class AvailabilityEntry:
    """A day (whole, "pagi" or "siang") on which the member is unavailable, or explicitly available."""

    day: date
    part: str = "sehari"
    available: bool = False
    note: str = ""


@dataclass(frozen=True)
class EventTeamRow:
    member_id: int
    name: str
    nip: str
    golongan: str
    jabatan: str
    unit: str
    role: str
    is_leader: bool
    active: bool

    @property
    def role_label(self) -> str:
        return ("Ketua Tim / " if self.is_leader else "") + label(TEAM_ROLE, self.role)


@dataclass(frozen=True)
class TeamAssignment:
    member_id: int
    role: str | None = None  # None: the member's roster role
    is_leader: bool = False


@dataclass(frozen=True)
class TeamChange:
    added: int = 0
    removed: int = 0
    kept: int = 0
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------ validation

def _role(value: str) -> TeamRole:
    text = (value or "asesor").strip().lower().replace(" ", "_")
    for role in TeamRole:
        if text in (role.value, label(TEAM_ROLE, role.value).lower().replace(" ", "_")):
            return role
    raise UserFacingError(
        f"Peran '{value}' tidak dikenal; pilih salah satu: {', '.join(TEAM_ROLE.values())}."
    )


def clean_member(data: MemberData) -> MemberData:
    """Normalised values, or UserFacingError listing every problem at once."""
    problems: list[str] = []
    name = " ".join(data.name.split())
    if not name:
        problems.append("Nama wajib diisi.")
    nip = ""
    if data.nip.strip():
        nip = normalize_nip(data.nip)
        try:
            parse_nip(nip)
        except NipError as exc:
            problems.append(f"NIP tidak sah: {exc}")
    golongan = data.golongan.strip()
    if golongan:
        golongan = normalize_golongan(golongan) or ""
        if not golongan:
            problems.append(f"Golongan '{data.golongan}' tidak dikenal (contoh yang benar: III/c).")
    role = None
    try:
        role = _role(data.role)
    except UserFacingError as exc:
        problems.append(str(exc))
    if not 0 <= data.max_participants_per_wave <= 30:
        problems.append("Maksimal peserta per gelombang harus antara 0 dan 30.")
    email = data.email.strip()
    if email and ("@" not in email or " " in email):
        problems.append(f"Alamat surel '{email}' tidak sah.")
    if problems:
        raise UserFacingError(" ".join(problems))
    assert role is not None
    return MemberData(
        name=name, nip=nip, golongan=golongan, jabatan=data.jabatan.strip(), role=role.value,
        jf_jenjang=data.jf_jenjang.strip(), unit=" ".join(data.unit.split()), agency=data.agency.strip(),
        certification=data.certification.strip(), certification_expiry=data.certification_expiry,
        phone=data.phone.strip(), email=email, max_participants_per_wave=data.max_participants_per_wave,
        active=data.active,
    )


def _check_unique_nip(session: Session, nip: str, member_id: int | None) -> None:
    if not nip:
        return
    other = session.scalar(select(TeamMember).where(TeamMember.nip == nip, TeamMember.id != (member_id or 0)))
    if other is not None:
        raise UserFacingError(f"NIP {nip} sudah terdaftar atas nama {other.name}.")


def _apply(member: TeamMember, data: MemberData) -> None:
    member.name, member.nip, member.golongan, member.jabatan = data.name, data.nip, data.golongan, data.jabatan
    member.role = TeamRole(data.role)
    member.jf_jenjang, member.unit, member.agency = data.jf_jenjang, data.unit, data.agency
    member.certification, member.certification_expiry = data.certification, data.certification_expiry
    member.phone, member.email = data.phone, data.email
    member.max_participants_per_wave, member.active = data.max_participants_per_wave, data.active


def _snapshot(member: TeamMember) -> dict[str, object]:
    return {"name": member.name, "nip": member.nip, "role": str(member.role), "unit": member.unit,
            "active": member.active, "max": member.max_participants_per_wave}


# ------------------------------------------------------------------------------------ roster

def list_members(
    session: Session, *, include_inactive: bool = True, role: str | None = None, event_id: int | None = None,
    search: str = "",
) -> list[MemberRow]:
    """The roster, ordered by role then name; `event_id` marks who is on that event's team."""
    stmt = select(TeamMember)
    if not include_inactive:
        stmt = stmt.where(TeamMember.active.is_(True))
    if role:
        stmt = stmt.where(TeamMember.role == _role(role))
    members = list(session.scalars(stmt))
    unavailable: dict[int, int] = {}
    for member_id, available in session.execute(select(Availability.member_id, Availability.available)):
        if not available:
            unavailable[member_id] = unavailable.get(member_id, 0) + 1
    in_event: dict[int, str] = {}
    if event_id is not None:
        for etm in session.scalars(select(EventTeamMember).where(EventTeamMember.event_id == event_id)):
            in_event[etm.member_id] = str(etm.role)
    words = search.casefold().split()
    rows = []
    for m in members:
        if words:
            haystack = " ".join((m.name, m.nip, m.unit, m.agency, m.jabatan, str(m.role))).casefold()
            if not all(w in haystack for w in words):
                continue
        rows.append(
            MemberRow(
                id=m.id, version=m.version, name=m.name, nip=m.nip, golongan=m.golongan, jabatan=m.jabatan,
                role=str(m.role), jf_jenjang=m.jf_jenjang, unit=m.unit, agency=m.agency,
                certification=m.certification, certification_expiry=m.certification_expiry, phone=m.phone,
                email=m.email, max_per_wave=m.max_participants_per_wave, active=m.active,
                unavailable_days=unavailable.get(m.id, 0), in_event=m.id in in_event,
                event_role=in_event.get(m.id, ""),
            )
        )
    rows.sort(key=lambda r: (ROLE_ORDER.get(r.role, 9), r.name.casefold()))
    return rows


def get_member(session: Session, member_id: int) -> MemberRow:
    for row in list_members(session):
        if row.id == member_id:
            return row
    raise UserFacingError("Anggota tim tidak ditemukan.")


def create_member(session: Session, data: MemberData, actor: str = "") -> int:
    access.require(session, access.perm.MANAGE_TEAM)
    clean = clean_member(data)
    _check_unique_nip(session, clean.nip, None)
    member = TeamMember(name=clean.name)
    _apply(member, clean)
    session.add(member)
    session.flush()
    audit.record(session, action="tambah", entity="team_member", entity_id=member.id, entity_uuid=member.uuid,
                 new=_snapshot(member), actor=actor)
    return member.id


def update_member(
    session: Session, member_id: int, data: MemberData, expected_version: int | None = None, actor: str = ""
) -> None:
    """Save the form; `expected_version` (from MemberRow.version) refuses a save over someone else's change."""
    access.require(session, access.perm.MANAGE_TEAM)
    member = session.get(TeamMember, member_id)
    if member is None:
        raise UserFacingError("Anggota tim tidak ditemukan.")
    check_version(member.version, expected_version, member.name)
    clean = clean_member(data)
    _check_unique_nip(session, clean.nip, member_id)
    old = _snapshot(member)
    _apply(member, clean)
    session.flush()
    audit.record(session, action="ubah", entity="team_member", entity_id=member.id, entity_uuid=member.uuid,
                 old=old, new=_snapshot(member), actor=actor)


def set_active(session: Session, member_ids: Iterable[int], active: bool, actor: str = "") -> int:
    """Deactivate (or reactivate) members; they stay in past events and letters. Returns how many changed."""
    access.require(session, access.perm.MANAGE_TEAM)
    changed = 0
    for member_id in member_ids:
        member = session.get(TeamMember, member_id)
        if member is None:
            raise UserFacingError("Anggota tim tidak ditemukan.")
        if member.active != active:
            member.active = active
            changed += 1
            audit.record(session, action="aktifkan" if active else "nonaktifkan", entity="team_member",
                         entity_id=member.id, entity_uuid=member.uuid, actor=actor)
    session.flush()
    return changed


# ------------------------------------------------------------------------------------ availability

def get_availability(session: Session, member_id: int) -> list[AvailabilityEntry]:
    rows = session.scalars(
        select(Availability).where(Availability.member_id == member_id).order_by(Availability.day, Availability.part)
    )
    return [AvailabilityEntry(r.day, str(r.part), r.available, r.note) for r in rows]


def set_availability(
    session: Session, member_id: int, entries: Sequence[AvailabilityEntry], expected_version: int | None = None
) -> None:
    """Replace the member's availability entries (one per day and part). A change bumps the member's version;
    `expected_version` (the member's version when the entries were read) refuses a save over a colleague's."""
    access.require(session, access.perm.MANAGE_TEAM)
    member = session.get(TeamMember, member_id)
    if member is None:
        raise UserFacingError("Anggota tim tidak ditemukan.")
    check_version(member.version, expected_version, f"ketersediaan {member.name}")
    before = set(get_availability(session, member_id))
    seen: set[tuple[date, str]] = set()
    for e in entries:
        if e.part not in ("sehari", "pagi", "siang"):
            raise UserFacingError(f"Bagian hari '{e.part}' tidak dikenal; pilih sehari, pagi atau siang.")
        key = (e.day, e.part)
        if key in seen:
            raise UserFacingError(f"Tanggal {e.day:%d-%m-%Y} ({e.part}) tercantum lebih dari sekali.")
        seen.add(key)
    session.execute(delete(Availability).where(Availability.member_id == member_id))
    session.add_all(
        Availability(member_id=member_id, day=e.day, part=DayPart(e.part), available=e.available, note=e.note.strip())
        for e in entries
    )
    session.flush()
    if set(get_availability(session, member_id)) != before:
        member.updated_at = utcnow()
        session.flush()


def is_available(entries: Sequence[AvailabilityEntry], day: date, part: str) -> bool:
    """Whether the member works on `day` in `part` ("pagi"/"siang"), by the same rule the scheduler uses."""
    blocked = any(e.day == day and e.part in ("sehari", part) and not e.available for e in entries)
    granted = any(e.day == day and e.part in ("sehari", part) and e.available for e in entries)
    return not blocked or granted


# ------------------------------------------------------------------------------------ event team

def event_team(session: Session, event_id: int) -> list[EventTeamRow]:
    rows = session.execute(
        select(EventTeamMember, TeamMember)
        .join(TeamMember, TeamMember.id == EventTeamMember.member_id)
        .where(EventTeamMember.event_id == event_id)
    ).all()
    out = [
        EventTeamRow(m.id, m.name, m.nip, m.golongan, m.jabatan, m.unit, str(etm.role), etm.is_leader, m.active)
        for etm, m in rows
    ]
    out.sort(key=lambda r: (not r.is_leader, ROLE_ORDER.get(r.role, 9), r.name.casefold()))
    return out


def assign_team(
    session: Session, event_id: int, assignments: Sequence[TeamAssignment], *, replace: bool = False,
    actor: str = "",
) -> TeamChange:
    """Put members on the event's team (updating the role of those already on it).

    With `replace`, members not listed leave the team, unless the schedule still uses them.
    """
    access.require(session, access.perm.MANAGE_TEAM)
    from ukom_desktop.db.models import ScheduleSession, SessionAssessor

    if session.get(Event, event_id) is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    leaders = [a for a in assignments if a.is_leader]
    if len(leaders) > 1:
        raise UserFacingError("Ketua tim hanya boleh satu orang.")
    current = {etm.member_id: etm for etm in session.scalars(
        select(EventTeamMember).where(EventTeamMember.event_id == event_id))}
    warnings: list[str] = []
    added = kept = 0
    wanted = {a.member_id for a in assignments}
    for a in assignments:
        member = session.get(TeamMember, a.member_id)
        if member is None:
            raise UserFacingError("Anggota tim tidak ditemukan.")
        if not member.active:
            raise UserFacingError(f"{member.name} berstatus nonaktif; aktifkan dahulu sebelum ditugaskan.")
        if member.certification_expiry is not None:
            event = session.get(Event, event_id)
            if event is not None and event.start_date and member.certification_expiry < event.start_date:
                warnings.append(f"Sertifikasi {member.name} berakhir sebelum kegiatan dimulai.")
        role = _role(a.role) if a.role else member.role
        etm = current.get(a.member_id)
        if etm is None:
            session.add(EventTeamMember(event_id=event_id, member_id=a.member_id, role=role, is_leader=a.is_leader))
            added += 1
        else:
            etm.role = role
            etm.is_leader = a.is_leader if (leaders or a.is_leader) else etm.is_leader
            kept += 1
    if leaders:
        for member_id, etm in current.items():
            if member_id != leaders[0].member_id:
                etm.is_leader = False
    removed = 0
    if replace:
        scheduled = set(session.scalars(
            select(SessionAssessor.member_id)
            .join(ScheduleSession, ScheduleSession.id == SessionAssessor.session_id)
            .where(ScheduleSession.event_id == event_id)
        ))
        for member_id, etm in current.items():
            if member_id in wanted:
                continue
            if member_id in scheduled:
                name = session.get(TeamMember, member_id).name  # type: ignore[union-attr]
                raise UserFacingError(
                    f"{name} masih bertugas pada jadwal kegiatan ini; pindahkan tugasnya atau susun ulang "
                    "jadwal sebelum mengeluarkannya dari tim."
                )
            session.delete(etm)
            removed += 1
    session.flush()
    audit.record(session, action="tugaskan_tim", entity="event", entity_id=event_id,
                 new={"added": added, "removed": removed}, actor=actor)
    from ukom_desktop.services.event_progress import follow_progress

    follow_progress(session, event_id)
    return TeamChange(added, removed, kept, warnings)


def remove_from_team(session: Session, event_id: int, member_ids: Iterable[int]) -> int:
    """Take members off the event's team (refused while the schedule still uses them)."""
    access.require(session, access.perm.MANAGE_TEAM)
    ids = set(member_ids)
    keep = [TeamAssignment(r.member_id, r.role, r.is_leader) for r in event_team(session, event_id)
            if r.member_id not in ids]
    return assign_team(session, event_id, keep, replace=True).removed
