"""Psychotest results from a spreadsheet into the 8 potential aspects (PotentialScore).

Stands in for the online psychotest of SOP 000: its export has one row per participant, identified
by NIP (or by participant number), and one column per aspect (headers in any usual spelling, e.g.
"Kemampuan Intelektual", "Self Awareness", "P3"). ``preview_potential_import`` reads the file and
judges every row (ok / ditolak with the reason); ``commit_potential_import`` writes all good rows in
one transaction (or nothing), replacing earlier scores of those participants, and recomputes the
results that already exist.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import EventParticipant, IntegratedResult, Participant, PotentialScore
from ukom_desktop.domain import potential
from ukom_desktop.domain.nip import normalize_nip
from ukom_desktop.domain.potential_axis import TRACK_RECORD_CODE, TRACK_RECORD_NAME
from ukom_desktop.domain.results import as_decimal
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.cell_values import CellValue, cell_text, is_blank
from ukom_desktop.io.header_matching import FieldSpec, find_header
from ukom_desktop.io.spreadsheet_reader import RawSheet, SpreadsheetError, read_table
from ukom_desktop.services.integration import potential_settings, refresh_result

ID_FIELDS = (
    FieldSpec("nip", "NIP", ("NIP Baru", "Nomor Induk Pegawai")),
    FieldSpec("number", "Nomor Peserta", ("No Peserta", "Nomor Tes", "No Tes", "No Urut Peserta")),
    FieldSpec("name", "Nama", ("Nama Peserta", "Nama Lengkap")),
)


def aspect_fields() -> tuple[FieldSpec, ...]:
    specs = []
    for aspect in potential.ASPECTS:
        synonyms = [aspect.code, f"Aspek {aspect.code}"]
        if aspect.term:
            synonyms += [aspect.term, f"{aspect.name} ({aspect.term})"]
        short = aspect.name.replace("Kemampuan ", "")
        synonyms.append(short)
        specs.append(FieldSpec(aspect.code, aspect.name, tuple(synonyms)))
    return tuple(specs)


@dataclass(frozen=True)
class PotentialRowVerdict:
    row_number: int
    verdict: str  # "ok" | "ditolak"
    message: str
    event_participant_id: int | None = None
    name: str = ""
    scores: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class PotentialPreview:
    source: str
    rows: tuple[PotentialRowVerdict, ...]
    aspects_found: tuple[str, ...]
    problem: str | None = None

    @property
    def ok_rows(self) -> list[PotentialRowVerdict]:
        return [r for r in self.rows if r.verdict == "ok"]

    @property
    def rejected(self) -> list[PotentialRowVerdict]:
        return [r for r in self.rows if r.verdict != "ok"]


class PotentialImportError(UserFacingError):
    pass


def _participants(session: Session, event_id: int) -> tuple[dict[str, tuple[int, str]], dict[int, tuple[int, str]]]:
    by_nip: dict[str, tuple[int, str]] = {}
    by_number: dict[int, tuple[int, str]] = {}
    for ep_id, number, nip, name in session.execute(
        select(EventParticipant.id, EventParticipant.number, Participant.nip, Participant.name)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id)
    ):
        by_nip[normalize_nip(nip)] = (ep_id, name)
        if number is not None:
            by_number[number] = (ep_id, name)
    return by_nip, by_number


TRACK_RECORD_FIELD = FieldSpec(TRACK_RECORD_CODE, TRACK_RECORD_NAME,
                               (TRACK_RECORD_CODE, TRACK_RECORD_NAME, "Nilai Rekam Jejak", "Track Record"))


def preview_sheet(session: Session, event_id: int, sheet: RawSheet) -> PotentialPreview:
    specs = (*ID_FIELDS, *aspect_fields(), TRACK_RECORD_FIELD)  # rekam jejak: optional, for the 9-box axis
    match = find_header(sheet.rows, specs)
    source = sheet.source_name or sheet.sheet_name
    aspects = tuple(a.code for a in potential.ASPECTS if match.has(a.code))
    if match.header_index is None or not (match.has("nip") or match.has("number")):
        return PotentialPreview(source, (), aspects,
                                "Kolom NIP atau Nomor Peserta tidak ditemukan pada baris judul kolom.")
    if not aspects:
        return PotentialPreview(source, (), aspects,
                                "Tidak ada kolom aspek potensi yang dikenali (mis. \"Kemampuan Intelektual\").")
    settings = potential_settings(session, event_id)
    by_nip, by_number = _participants(session, event_id)
    verdicts: list[PotentialRowVerdict] = []
    seen: set[int] = set()
    for index in range(match.data_start, len(sheet.rows)):
        row = sheet.rows[index]
        number_row = sheet.row_number(index)

        def cell(key: str, row: list[CellValue] = row) -> CellValue:
            col = match.columns.get(key)
            return row[col] if col is not None and col < len(row) else None

        if all(is_blank(cell(a)) for a in aspects) and is_blank(cell("nip")) and is_blank(cell("number")):
            continue
        target = None
        if match.has("nip") and not is_blank(cell("nip")):
            target = by_nip.get(normalize_nip(cell_text(cell("nip"))))
        if target is None and match.has("number") and not is_blank(cell("number")):
            try:
                target = by_number.get(int(Decimal(cell_text(cell("number")).strip().rstrip("."))))
            except (ArithmeticError, ValueError):
                target = None
        if target is None:
            who = cell_text(cell("nip")) or cell_text(cell("number")) or cell_text(cell("name"))
            verdicts.append(PotentialRowVerdict(number_row, "ditolak", f"Peserta '{who}' tidak terdaftar pada "
                                                                      "kegiatan ini."))
            continue
        ep_id, name = target
        if ep_id in seen:
            verdicts.append(PotentialRowVerdict(number_row, "ditolak", f"{name} sudah tercantum pada baris lain.",
                                                ep_id, name))
            continue
        scores: dict[str, Decimal] = {}
        problems = []
        for code in aspects:
            raw = cell(code)
            aspect_name = potential.aspect_by_code(code).name  # type: ignore[union-attr]
            if is_blank(raw):
                problems.append(f"{aspect_name} kosong")
                continue
            try:
                value = as_decimal(cell_text(raw) if isinstance(raw, str) else raw, aspect_name)
            except ValueError:
                problems.append(f"{aspect_name} bukan angka ('{cell_text(raw)}')")
                continue
            if not settings.scale_min <= value <= settings.scale_max:
                problems.append(f"{aspect_name} {cell_text(raw)} di luar skala")
                continue
            scores[code] = value
        track = cell(TRACK_RECORD_CODE) if match.has(TRACK_RECORD_CODE) else None
        if not is_blank(track):
            try:
                value = as_decimal(cell_text(track) if isinstance(track, str) else track, TRACK_RECORD_NAME)
            except ValueError:
                problems.append(f"{TRACK_RECORD_NAME} bukan angka ('{cell_text(track)}')")
            else:
                if settings.scale_min <= value <= settings.scale_max:
                    scores[TRACK_RECORD_CODE] = value
                else:
                    problems.append(f"{TRACK_RECORD_NAME} {cell_text(track)} di luar skala")
        if problems:
            verdicts.append(PotentialRowVerdict(number_row, "ditolak", "; ".join(problems) + ".", ep_id, name))
            continue
        seen.add(ep_id)
        aspect_count = len([c for c in scores if c != TRACK_RECORD_CODE])
        message = f"{aspect_count} aspek" + (" dan rekam jejak" if TRACK_RECORD_CODE in scores else "")
        verdicts.append(PotentialRowVerdict(number_row, "ok", message, ep_id, name, scores))
    problem = None if verdicts else "Tidak ada baris data di bawah baris judul kolom."
    return PotentialPreview(source, tuple(verdicts), aspects, problem)


def preview_potential_import(session: Session, event_id: int, path: str | Path) -> PotentialPreview:
    try:
        sheet = read_table(path)
    except SpreadsheetError as exc:
        raise PotentialImportError(str(exc)) from exc
    return preview_sheet(session, event_id, sheet)


def commit_potential_import(
    session: Session, preview: PotentialPreview, *, actor: str = ""
) -> Generator[tuple[int, int, str], None, int]:
    """Write the good rows (a generator yielding progress); the caller's transaction makes it all or nothing.

    Returns (StopIteration.value) the number of participants written.
    """
    if preview.problem:
        raise PotentialImportError(preview.problem)
    rows = preview.ok_rows
    if not rows:
        raise PotentialImportError("Tidak ada baris yang dapat diimpor.")
    for done, row in enumerate(rows, start=1):
        assert row.event_participant_id is not None
        existing = {
            s.aspect_code: s for s in session.scalars(
                select(PotentialScore).where(PotentialScore.event_participant_id == row.event_participant_id)
            )
        }
        old = {code: str(s.score) for code, s in existing.items() if s.score is not None}
        for code, value in row.scores.items():
            score = existing.get(code)
            if score is None:
                session.add(PotentialScore(event_participant_id=row.event_participant_id, aspect_code=code,
                                           score=value))
            else:
                score.score = value
        session.flush()
        audit.record(session, action="impor_potensi", entity="potential_score", entity_id=row.event_participant_id,
                     old=old or None, new={k: str(v) for k, v in row.scores.items()}, actor=actor,
                     note=f"{row.name} dari {preview.source}")
        has_result = session.scalars(
            select(IntegratedResult.id).where(IntegratedResult.event_participant_id == row.event_participant_id)
        ).first()
        if has_result is not None:
            refresh_result(session, row.event_participant_id, actor=actor)
        yield done, len(rows), f"Menyimpan nilai potensi {row.name}"
    return len(rows)


def import_potential(session: Session, event_id: int, path: str | Path, *, actor: str = "") -> PotentialPreview:
    """Preview and commit in one go (for the CLI and tests); raises when any row is rejected."""
    preview = preview_potential_import(session, event_id, path)
    if preview.problem:
        raise PotentialImportError(preview.problem)
    if preview.rejected:
        first = preview.rejected[0]
        raise PotentialImportError(f"Baris {first.row_number}: {first.message} ({len(preview.rejected)} baris "
                                   "ditolak; tidak ada yang disimpan).")
    for _ in commit_potential_import(session, preview, actor=actor):
        pass
    return preview
