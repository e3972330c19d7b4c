"""Report QC on the demo event (`ukom-desktop demo --with-qc`): a realistic mix of report statuses.

On top of services.demo_ratings (every report in draft), the real QC services move the reports, in
an order fixed by the seed: about a quarter stay in draft, the rest are submitted with a reviewer
(another assessor than the author); some wait for review (diajukan), some are returned with a comment
anchored to a section (dikembalikan), some of those are already being revised (direvisi), some are
approved, one of them after a return and a second revision, and some approved reports are delivered
(diserahkan). A report whose automatic checks fail (an empty section) stays in draft. The transitions are spread over
the last days so the tab shows different "days in status".
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, IndividualReport, TeamMember
from ukom_desktop.services import report_qc
from ukom_desktop.services.rating_assignments import team_assessors

RETURN_COMMENTS: tuple[tuple[str, str], ...] = (
    ("saran_pengembangan", "Saran pengembangan masih umum; sebutkan bentuk kegiatan, penanggung jawab dan "
                           "jangka waktunya."),
    ("kekuatan", "Uraian kekuatan belum didukung contoh perilaku yang teramati pada simulasi."),
    ("area_pengembangan", "Area pengembangan perlu dikaitkan dengan kompetensi yang masih di bawah standar."),
    ("", "Periksa kembali konsistensi uraian dengan hasil rapat integrasi sebelum diajukan ulang."),
)
REVISION_NOTE = "\n- Penugasan terstruktur dengan pendampingan atasan langsung selama enam bulan."

# Share of the reports in each final state, in the order they are taken from the shuffled list.
PLAN: tuple[tuple[str, float], ...] = (
    ("diajukan", 0.20),
    ("dikembalikan", 0.15),
    ("direvisi", 0.10),
    ("disetujui_ulang", 0.05),  # returned once, revised, resubmitted and approved (revision 2)
    ("disetujui", 0.15),
    ("diserahkan", 0.10),
)


@dataclass(frozen=True)
class DemoQcSummary:
    by_status: dict[str, int]


def _plan(count: int) -> list[str]:
    """One target state per report; the rest (about a quarter) stay in draft."""
    states: list[str] = []
    for state, share in PLAN:
        states += [state] * max(1 if count >= len(PLAN) + 2 else 0, round(count * share))
    return (states + ["draft"] * count)[:count]


def build_demo_qc(session: Session, event_id: int, seed: int = 1, *, now: datetime | None = None) -> DemoQcSummary:
    """Move the event's draft reports through QC with the real services (see module doc)."""
    rng = random.Random(seed * 104729 + event_id)
    end = now or datetime.now(UTC)
    reports = list(session.execute(
        select(EventParticipant.id, IndividualReport.author_id)
        .join(IndividualReport, IndividualReport.event_participant_id == EventParticipant.id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, EventParticipant.id)
    ).all())
    assessors = [a.id for a in team_assessors(session, event_id)]
    names = dict(session.execute(select(TeamMember.id, TeamMember.name)).all())
    rng.shuffle(reports)
    passing = {ep_id for ep_id, _a in reports if report_qc.check_report(session, ep_id).passed}
    reports.sort(key=lambda r: r[0] not in passing)  # stable: the failing ones end up among the drafts
    for (ep_id, author_id), state in zip(reports, _plan(len(reports)), strict=True):
        if state == "draft" or ep_id not in passing:
            continue
        others = [a for a in assessors if a != author_id]
        reviewer = rng.choice(others) if others else None
        author = names.get(author_id, "Penulis") if author_id is not None else "Penulis"
        qc = names.get(reviewer, "Pemeriksa QC") if reviewer is not None else "Pemeriksa QC"
        day = end - timedelta(days=rng.randint(4, 8), hours=rng.randint(0, 6))

        def step(days: float) -> datetime:
            nonlocal day
            day = min(day + timedelta(days=days), end)
            return day

        report_qc.submit(session, ep_id, actor=author, now=step(0))
        if reviewer is not None:
            report_qc.assign_reviewer(session, [ep_id], reviewer, actor="demo")
        if state in ("dikembalikan", "direvisi", "disetujui_ulang"):
            section, comment = RETURN_COMMENTS[rng.randrange(len(RETURN_COMMENTS))]
            report_qc.return_report(session, ep_id, comment, actor=qc, section=section, now=step(1))
            if state in ("direvisi", "disetujui_ulang"):
                sections = report_qc.report_of(session, ep_id).sections or {}
                text = str(sections.get("saran_pengembangan", "")).rstrip() + REVISION_NOTE
                report_qc.edit_sections(session, ep_id, {"saran_pengembangan": text}, actor=author, now=step(0.5))
            if state == "disetujui_ulang":
                report_qc.submit(session, ep_id, actor=author, now=step(1))
        if state in ("disetujui", "disetujui_ulang", "diserahkan"):
            report_qc.approve(session, ep_id, actor=qc, now=step(1))
        if state == "diserahkan":
            report_qc.deliver(session, ep_id, actor="Petugas administrasi", now=step(1))
    session.flush()
    statuses = session.scalars(
        select(IndividualReport.status)
        .join(EventParticipant, EventParticipant.id == IndividualReport.event_participant_id)
        .where(EventParticipant.event_id == event_id)
    )
    counts = Counter(str(getattr(s, "value", s)) for s in statuses)
    return DemoQcSummary(dict(sorted(counts.items())))
