"""Excel import (with a preview and a verdict per row) and export of the team roster."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import TeamMember
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.team_rows import TeamImportPreview, parse_team_rows
from ukom_desktop.services import access
from ukom_desktop.services.team import clean_member, list_members

EXPORT_HEADERS = (
    "No.", "Nama", "NIP", "Golongan/Ruang", "Jabatan", "Peran", "Jenjang JF", "Unit Asal", "Instansi",
    "Sertifikasi", "Berlaku s.d.", "No. HP", "Email", "Maks. Peserta/Gelombang", "Status",
)


@dataclass(frozen=True)
class TeamImportResult:
    created: int
    updated: int
    skipped: int
    assigned: int = 0  # put on the event's team at import (issue 11 item 8)


def preview_team_import(session: Session, path: str | Path, sheet: str | int | None = None) -> TeamImportPreview:
    """Read the file and judge every row against the roster; nothing is written."""
    from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, read_table

    try:
        raw = read_table(path, sheet)
    except SpreadsheetError as exc:
        raise UserFacingError(str(exc)) from None
    members = list(session.scalars(select(TeamMember)))
    nips = {m.nip: m.name for m in members if m.nip}
    names = [m.name for m in members if not m.nip]
    return parse_team_rows(raw, nips, names)


def apply_team_import(
    session: Session, preview: TeamImportPreview, actor: str = "", event_id: int | None = None
) -> TeamImportResult:
    """Write every importable row (new members added, known ones updated), all in the caller's transaction;
    with ``event_id`` the active imported members also join that event's team in their roster role."""
    access.require(session, access.perm.MANAGE_TEAM)
    if preview.problems:
        raise UserFacingError(" ".join(preview.problems))
    by_nip = {m.nip: m for m in session.scalars(select(TeamMember)) if m.nip}
    by_name = {m.name.casefold(): m for m in session.scalars(select(TeamMember).where(TeamMember.nip == ""))}
    created = updated = skipped = 0
    imported: list[TeamMember] = []
    for verdict in preview.rows:
        if not verdict.importable:
            skipped += 1
            continue
        r = verdict.record
        data = clean_member(r)
        member = by_nip.get(data.nip) if data.nip else by_name.get(data.name.casefold())
        if member is None:
            member = TeamMember(name=data.name)
            session.add(member)
            created += 1
        else:
            updated += 1
        member.name, member.nip = data.name, data.nip
        member.golongan = data.golongan or member.golongan
        member.jabatan = data.jabatan or member.jabatan
        from ukom_desktop.db.models import TeamRole

        member.role = TeamRole(data.role)
        for attr in ("jf_jenjang", "unit", "agency", "certification", "phone", "email"):
            value = getattr(data, attr)
            if value:
                setattr(member, attr, value)
        if data.certification_expiry is not None:
            member.certification_expiry = data.certification_expiry
        member.max_participants_per_wave = data.max_participants_per_wave
        member.active = r.active
        imported.append(member)
        if data.nip:
            by_nip[data.nip] = member
        else:
            by_name[data.name.casefold()] = member
    session.flush()
    audit.record(session, action="impor_tim", entity="team_member",
                 new={"file": preview.source_name, "created": created, "updated": updated}, actor=actor)
    assigned = 0
    if event_id is not None:
        from ukom_desktop.services.team import TeamAssignment, assign_team

        wanted = list({m.id: m for m in imported if m.active})
        assigned = assign_team(session, event_id, [TeamAssignment(mid) for mid in wanted], actor=actor).added
    return TeamImportResult(created, updated, skipped, assigned)


def export_team(session: Session, path: str | Path, include_inactive: bool = False) -> tuple[Path, int]:
    """The roster as a formatted workbook that this import reads back."""
    from ukom_desktop.io.xlsx_writer import DATE_FORMAT, TableColumn, TableSheet, write_table_workbook

    rows = list_members(session, include_inactive=include_inactive)
    columns: list[TableColumn | str] = [TableColumn(h) for h in EXPORT_HEADERS]
    columns[2] = TableColumn.text("NIP", 21)
    columns[10] = TableColumn("Berlaku s.d.", DATE_FORMAT)
    columns[11] = TableColumn.text("No. HP")
    table = TableSheet(
        title="Daftar Tim Penilai",
        columns=columns,
        rows=[
            [i, r.name, r.nip or None, r.golongan, r.jabatan, r.role_label, r.jf_jenjang, r.unit, r.agency,
             r.certification, r.certification_expiry, r.phone or None, r.email, r.max_per_wave,
             "Aktif" if r.active else "Nonaktif"]
            for i, r in enumerate(rows, start=1)
        ],
        subtitles=(f"{len(rows)} anggota tim",),
        sheet_name="Tim Penilai",
    )
    return write_table_workbook(path, [table]), len(rows)
