"""Excel export and import of the dictionary, the positions' standards and an event's matrix.

`preview_competency_import` reads a workbook (io/competency_xlsx) against what the database holds;
`apply_competency_import` writes it in the caller's transaction, and refuses an import with any error so
that nothing is ever half-imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Competency, Event, Exercise, JobLevel, Position
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.competency_dictionary_rows import KnownCompetency
from ukom_desktop.io.competency_xlsx import (
    CompetencyImport,
    KnownData,
    dictionary_sheet,
    matrix_sheet,
    read_competency_workbook,
    standards_sheet,
    write_competency_workbook,
)
from ukom_desktop.io.header_matching import normalize_header
from ukom_desktop.io.spreadsheet_reader import SpreadsheetError
from ukom_desktop.services.competency_dictionary import (
    CompetencyInfo,
    LevelInfo,
    competency_by_code,
    default_max_level,
    list_competencies,
    save_competency,
)
from ukom_desktop.services.exercise_matrix import event_matrix, save_event_matrix
from ukom_desktop.services.positions import (
    add_position,
    list_positions,
    position_standard,
    save_position_standard,
)


@dataclass(frozen=True)
class ExportSummary:
    path: str
    competencies: int
    positions: int
    matrix_event: str


@dataclass(frozen=True)
class ImportSummary:
    competencies_added: int
    competencies_updated: int
    positions_added: int
    positions_updated: int
    matrices: int

    def text(self) -> str:
        return (f"Kompetensi: {self.competencies_added} baru, {self.competencies_updated} diperbarui. "
                f"Standar jabatan: {self.positions_added} jabatan baru, {self.positions_updated} diperbarui. "
                f"Matriks kegiatan: {self.matrices}.")


def export_competencies(session: Session, path: str | Path, *, event_id: int | None = None,
                        position_ids: Sequence[int] | None = None, dictionary: bool = True) -> ExportSummary:
    """Write the dictionary, the positions' standards (all active, or `position_ids`) and the event's matrix."""
    sheets = []
    competencies = list_competencies(session)
    if dictionary:
        sheets.append(dictionary_sheet(competencies))
    positions = [p for p in list_positions(session) if position_ids is None or p.id in position_ids]
    blocks = []
    for info in positions:
        view = position_standard(session, info.id)
        lines = [(r.competency.code, r.competency.name, r.level) for r in view.rows if r.level is not None]
        blocks.append((info.name, info.job_level_name, info.unit, lines))
    if blocks:
        sheets.append(standards_sheet(blocks))
    event_code = ""
    if event_id is not None:
        matrix = event_matrix(session, event_id)
        by_id = {ex.id: ex.code for ex in matrix.exercises}
        comp_codes = {c.id: c.code for c in matrix.competencies}
        cells = {(by_id[ex], comp_codes[comp]) for ex, comp in matrix.cells if comp in comp_codes}
        sheets.append(matrix_sheet(matrix.event_code, matrix.event_name,
                                   [(ex.code, ex.name) for ex in matrix.exercises],
                                   [(c.code, c.name) for c in matrix.competencies], cells))
        event_code = matrix.event_code
    if not sheets:
        raise UserFacingError("Tidak ada data untuk diekspor.")
    try:
        write_competency_workbook(path, sheets)
    except OSError as exc:
        raise UserFacingError(f"Berkas {path} tidak dapat ditulis: {exc.strerror or exc}.") from exc
    return ExportSummary(str(path), len(competencies) if dictionary else 0, len(blocks), event_code)


def known_data(session: Session) -> KnownData:
    competencies = {
        c.code: KnownCompetency(c.code, c.name, c.max_level, tuple(c.aliases or ()))
        for c in session.scalars(select(Competency))
    }
    job_levels: dict[str, str] = {}
    for jl in session.scalars(select(JobLevel)):
        for text in (jl.name, jl.code, jl.code.replace("_", " ")):
            job_levels[normalize_header(text)] = jl.code
    positions = {
        (normalize_header(p.name), p.job_level.code): p.id for p in session.scalars(select(Position))
    }
    return KnownData(
        competencies=competencies,
        exercises={e.code: e.name for e in session.scalars(select(Exercise))},
        positions=positions,
        job_levels=job_levels,
        events=frozenset(session.scalars(select(Event.code))),
        default_max_level=default_max_level(session),
    )


def preview_competency_import(session: Session, path: str | Path, *, event_code: str | None = None) -> CompetencyImport:
    try:
        return read_competency_workbook(path, known_data(session), event_code=event_code)
    except SpreadsheetError as exc:
        raise UserFacingError(str(exc)) from exc


def apply_competency_import(session: Session, preview: CompetencyImport, *, actor: str = "") -> ImportSummary:
    """Write a previewed import; any error refuses the whole file (the caller's transaction rolls back)."""
    if preview.errors:
        listed = "\n".join(f"- {issue.text()}" for issue in preview.errors[:20])
        more = f"\n... dan {len(preview.errors) - 20} galat lain." if len(preview.errors) > 20 else ""
        raise UserFacingError(f"Berkas {preview.source} tidak diimpor karena masih ada galat:\n{listed}{more}")
    added = updated = 0
    for parsed in preview.competencies:
        existing = competency_by_code(session, parsed.code)
        levels = tuple(LevelInfo(lv.level, lv.description, tuple(lv.indicators)) for lv in parsed.levels.values())
        if existing is None:
            info = CompetencyInfo(None, parsed.code, parsed.name, parsed.group, parsed.definition, parsed.max_level,
                                  levels=levels)
            added += 1
        else:
            keep = {lv.level: lv for lv in existing.levels}
            merged = {lv.level: LevelInfo(lv.level, lv.description, tuple(lv.indicators or ())) for lv in keep.values()
                      if lv.level <= parsed.max_level}
            merged.update({lv.level: lv for lv in levels})
            info = CompetencyInfo(
                existing.id, parsed.code, parsed.name,
                parsed.group if parsed.group_given else existing.group.value,
                parsed.definition or existing.definition, parsed.max_level, tuple(existing.aliases or ()),
                existing.active, existing.sort_order, tuple(merged[k] for k in sorted(merged)),
            )
            updated += 1
        save_competency(session, info, actor=actor)
    session.flush()
    comp_ids = {c.code: c.id for c in session.scalars(select(Competency))}
    positions_added = positions_updated = 0
    job_levels = {jl.code: jl.id for jl in session.scalars(select(JobLevel))}
    for standard in preview.standards:
        position_id = standard.position_id
        if position_id is None:
            info_pos = add_position(session, standard.position, job_levels[standard.job_level], standard.unit)
            position_id = info_pos.id
            positions_added += 1
        else:
            positions_updated += 1
        current = position_standard(session, position_id)
        required: dict[int, Decimal | None] = {
            row.competency.id: None for row in current.rows if row.level is not None and row.competency.id
        }
        required.update({comp_ids[code]: level for code, level in standard.levels.items()})
        save_position_standard(session, position_id, required, actor=actor)
    exercises = {e.code: e.id for e in session.scalars(select(Exercise))}
    for matrix in preview.matrices:
        event = session.scalars(select(Event).where(Event.code == matrix.event_code)).one()
        save_event_matrix(session, event.id, [exercises[code] for code in matrix.exercises],
                          {(exercises[ex], comp_ids[comp]) for ex, comp in matrix.cells}, actor=actor)
    return ImportSummary(added, updated, positions_added, positions_updated, len(preview.matrices))
