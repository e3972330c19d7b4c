"""Beranda: the state of the current event in one place, from the services the tabs use.

The figures a head of centre asks for (invited / confirmed / present, groups, schedule and its violations,
ratings per assessor, reports per QC status, overdue reports, documents issued), each naming the tab that
fixes it; the SOP path with the current stage and what is left; "Langkah berikutnya" hints; and, once
results exist, the categories per unit and the mean gap per competency and unit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, ParticipantGroup
from ukom_desktop.domain import sop_steps
from ukom_desktop.domain.labels import EVENT_STATUS, REPORT_STATUS
from ukom_desktop.errors import UserFacingError

# Where each figure is fixed: the key of a tab of the main window.
TAB_EVENTS, TAB_PARTICIPANTS, TAB_ASSESSORS = "events_tab", "participants_tab", "assessors_tab"
TAB_SCHEDULE, TAB_SCORING, TAB_QC = "schedule_tab", "scoring_tab", "qc_tab"

#: Roles whose Beranda differs (names of the identity work's roles; None/empty: everything).
ROLE_ASSESSOR, ROLE_HEAD = "asesor", "pimpinan"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int
    total: int | None  # the figure out of this many (drawn as a bar); None: a plain count
    tab: str
    warning: bool = False  # something needs doing

    @property
    def text(self) -> str:
        return f"{self.value} dari {self.total}" if self.total is not None else str(self.value)


@dataclass(frozen=True)
class StageView:
    status: str
    label: str
    current: bool
    done: bool


@dataclass(frozen=True)
class Hint:
    text: str
    tab: str


@dataclass(frozen=True)
class Dashboard:
    event_id: int
    event_code: str
    event_name: str
    status_label: str
    stages: tuple[StageView, ...]
    steps_left: tuple[str, ...]  # the current stage's open steps with what is missing
    figures: tuple[Figure, ...]
    assessor_progress: tuple[tuple[str, int, int], ...]  # (assessor, filled, expected)
    report_counts: tuple[tuple[str, int], ...]  # (status label, reports)
    hints: tuple[Hint, ...]
    categories: tuple[str, ...] = ()  # category names in order of first appearance
    categories_by_unit: dict[str, dict[str, int]] = field(default_factory=dict)
    competencies: tuple[tuple[str, str], ...] = ()  # (code, name) of the gap map's columns
    gap_by_unit: dict[str, dict[str, float]] = field(default_factory=dict)  # unit -> code -> mean gap
    # The signed-in assessor's day (when the identity work links the user to a team member):
    my_sessions: tuple[tuple[str, str, str, str], ...] = ()  # (time, exercise, room, participants) today
    my_missing: int | None = None  # ratings the assessor still has to fill in

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    @property
    def has_results(self) -> bool:
        return bool(self.categories_by_unit)


def _stages(status: str) -> tuple[StageView, ...]:
    index = sop_steps.stage_index(status)
    return tuple(StageView(s, EVENT_STATUS.get(s, s), i == index, i < index)
                 for i, s in enumerate(sop_steps.STATUS_PATH))


def _results_pictures(session: Session, event_id: int) -> tuple[tuple[str, ...], dict, tuple, dict]:
    from ukom_desktop.services.results import event_results, participant_result

    results = event_results(session, event_id)
    done = [r for r in results.rows if r.integrated]
    by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    order: list[str] = []
    sums: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for row in done:
        unit = row.unit or "(tanpa unit)"
        name = row.category_name or "(tanpa kategori)"
        by_unit[unit][name] += 1
        if name not in order:
            order.append(name)
        for level in participant_result(session, row.event_participant_id).levels:
            if level.gap is not None:
                sums[unit][level.code].append(level.gap)
    gaps = {unit: {code: float(sum(vals) / len(vals)) for code, vals in per.items()} for unit, per in sums.items()}
    return tuple(order), {u: dict(c) for u, c in sorted(by_unit.items())}, results.competencies, gaps


def _hints(d: dict[str, Figure], steps_left: list[str], status: str) -> list[Hint]:
    out: list[Hint] = []
    total = d["participants"].value
    if not total:
        return [Hint("Masukkan daftar peserta: tab Peserta, Impor peserta.", TAB_PARTICIPANTS)]
    if d["invited"].value < total:
        out.append(Hint(f"Kirim undangan kepada {total - d['invited'].value} peserta.", TAB_PARTICIPANTS))
    if d["confirmed"].value < total:
        out.append(Hint(f"Catat konfirmasi kehadiran {total - d['confirmed'].value} peserta.", TAB_PARTICIPANTS))
    if not d["groups"].value:
        out.append(Hint("Bentuk kelompok peserta (Data > Bentuk kelompok).", TAB_PARTICIPANTS))
    if not d["sessions"].value:
        out.append(Hint("Susun jadwal kegiatan di tab Jadwal.", TAB_SCHEDULE))
    elif d["violations"].value:
        out.append(Hint(f"Perbaiki {d['violations'].value} pelanggaran jadwal.", TAB_SCHEDULE))
    ratings = d["ratings"]
    if ratings.total and ratings.value < ratings.total and sop_steps.stage_index(status) >= 4:
        out.append(Hint(f"Lengkapi {ratings.total - ratings.value} nilai yang belum diisi asesor.", TAB_SCORING))
    if d["overdue"].value:
        out.append(Hint(f"{d['overdue'].value} laporan melewati tenggat: tindak lanjuti di QC Laporan.", TAB_QC))
    for text in steps_left[:2]:
        out.append(Hint(text, TAB_EVENTS))
    return out


def _assessor_day(session: Session, event_id: int, member_id: int, day: date) -> tuple:  # type: ignore[type-arg]
    from ukom_desktop.domain.scheduling.timegrid import format_hm
    from ukom_desktop.services.schedule_problem import load_stored_schedule

    stored = load_stored_schedule(session, event_id)
    key = stored.event.assessor_key(member_id)
    rows = []
    for s in sorted(stored.schedule.sessions, key=lambda s: s.start):
        if key in s.assessor_ids and s.start.date() == day:
            people = ", ".join(stored.event.participants[p].name for p in s.participant_ids
                               if p in stored.event.participants)
            rows.append((f"{format_hm(s.start)}-{format_hm(s.end)}", stored.event.exercise_name(s.exercise_id),
                         stored.event.room_name(s.room_id), people))
    return tuple(rows)


def dashboard(session: Session, event_id: int, *, today: date | None = None,
              roles: frozenset[str] | None = None, assessor_id: int | None = None) -> Dashboard:
    """The Beranda of an event. `roles` (of the signed-in user, when users exist) trims what is shown:
    an assessor sees ratings, the head of centre the results; None shows everything. `assessor_id` (the
    user's team member) adds their sessions of `today` and their missing ratings."""
    from ukom_desktop.services.event_checklist import checklist
    from ukom_desktop.services.issued_documents import list_issued
    from ukom_desktop.services.qc_overview import qc_overview
    from ukom_desktop.services.rating_progress import rating_progress
    from ukom_desktop.services.scheduling import check_stored_schedule

    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    status = str(getattr(event.status, "value", event.status))
    check = checklist(session, event_id)
    c = check.counts
    groups = session.scalar(select(func.count()).select_from(ParticipantGroup)
                            .where(ParticipantGroup.event_id == event_id)) or 0
    violations = 0
    if c.schedule_sessions:
        violations = len(check_stored_schedule(session, event_id).hard)
    progress = rating_progress(session, event_id)
    filled = sum(r.filled for r in progress.by_assessor)
    expected = sum(r.expected for r in progress.by_assessor)
    qc = qc_overview(session, event_id, today=today)
    approved = sum(n for s, n in qc.counts.items() if s in ("disetujui", "diserahkan"))
    issued = len(list_issued(session, event_id))
    figures = (
        Figure("participants", "Peserta", c.total, None, TAB_PARTICIPANTS, not c.total),
        Figure("invited", "Diundang", c.total - c.not_invited, c.total, TAB_PARTICIPANTS, bool(c.not_invited)),
        Figure("confirmed", "Sudah konfirmasi", c.total - c.unconfirmed, c.total, TAB_PARTICIPANTS,
               bool(c.unconfirmed)),
        Figure("present", "Hadir", c.attending, c.total, TAB_PARTICIPANTS),
        Figure("groups", "Kelompok", groups, None, TAB_PARTICIPANTS, not groups and bool(c.total)),
        Figure("sessions", "Sesi jadwal", c.schedule_sessions, None, TAB_SCHEDULE, not c.schedule_sessions),
        Figure("violations", "Pelanggaran jadwal", violations, None, TAB_SCHEDULE, bool(violations)),
        Figure("ratings", "Nilai terisi", filled, expected, TAB_SCORING, filled < expected),
        Figure("approved", "Laporan disetujui", approved, len(qc.rows), TAB_QC),
        Figure("overdue", "Laporan terlambat", len(qc.overdue), None, TAB_QC, bool(qc.overdue)),
        Figure("issued", "Dokumen terbit", issued, None, TAB_EVENTS),
    )
    steps_left = [f"{i.source}: {i.title}" + (f" ({', '.join(i.missing)})" if i.missing else "")
                  for i in check.items if not i.done]
    by_key = {f.key: f for f in figures}
    categories: tuple[str, ...] = ()
    by_unit: dict[str, dict[str, int]] = {}
    competencies: tuple[tuple[str, str], ...] = ()
    gaps: dict[str, dict[str, float]] = {}
    if not roles or ROLE_ASSESSOR not in roles or ROLE_HEAD in roles:
        categories, by_unit, competencies, gaps = _results_pictures(session, event_id)
    assessor_rows = tuple((r.label, r.filled, r.expected) for r in progress.by_assessor)
    if roles and ROLE_HEAD in roles and ROLE_ASSESSOR not in roles:
        assessor_rows = ()
    my_sessions: tuple = ()  # type: ignore[type-arg]
    my_missing = None
    if assessor_id is not None:
        my_sessions = _assessor_day(session, event_id, assessor_id, today or date.today())
        mine = [r for r in progress.by_assessor if r.key == assessor_id]
        my_missing = mine[0].missing if mine else 0
    return Dashboard(
        event.id, event.code, event.name, EVENT_STATUS.get(status, status), _stages(status), tuple(steps_left),
        figures, assessor_rows,
        tuple((REPORT_STATUS.get(s, s), n) for s, n in qc.counts.items()),
        tuple(_hints(by_key, steps_left, status)), categories, by_unit, competencies, gaps,
        my_sessions, my_missing,
    )
