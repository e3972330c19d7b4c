"""What the QC reviewer sees for one report: the report beside its ratings and integration record,
the checks, comments, history, and what changed since the last review.

The last reviewed revision: every earlier submission was necessarily returned or approved before the
next one (the status machine allows no other way), so while a report is under review (diajukan) the
previous revision is the last reviewed one; while its author works on it, the latest submitted
revision is. The diff is per section, with word-level segments for the screen and unified lines for
text output (difflib).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from ukom_desktop.db.models import TeamMember
from ukom_desktop.domain.report_status import ReportRole, ReportStatus, available_actions
from ukom_desktop.services import report_content
from ukom_desktop.services.integration import IntegrationError, IntegrationSheet, integration_sheet
from ukom_desktop.services.report_integrity import integrity_warning
from ukom_desktop.services.report_qc import (
    CheckOutcome,
    CommentView,
    HistoryEntry,
    check_report,
    comments,
    history,
    status_of,
)
from ukom_desktop.services.results import LevelRow, ParticipantResult, participant_result

CODE_LISTS: dict[str, str] = {
    report_content.STRENGTH_CODES: "Daftar kompetensi kekuatan",
    report_content.DEVELOPMENT_CODES: "Daftar kompetensi area pengembangan",
}


@dataclass(frozen=True)
class Segment:
    tag: str  # "same", "removed" or "added"
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    title: str
    old: str
    new: str
    segments: tuple[Segment, ...]
    unified: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class ReportDiff:
    base_revision: int | None  # the last reviewed revision; None when the report was never reviewed
    current_label: str  # "revisi 3" or "draf saat ini"
    sections: tuple[SectionDiff, ...]

    @property
    def changed_sections(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.changed]

    @property
    def summary(self) -> str:
        if self.base_revision is None:
            return "Laporan ini belum pernah diperiksa; belum ada pembanding."
        changed = self.changed_sections
        if not changed:
            return f"Tidak ada perubahan sejak revisi {self.base_revision} yang terakhir diperiksa."
        names = ", ".join(s.title for s in changed)
        return f"Berubah dari revisi {self.base_revision} (terakhir diperiksa) ke {self.current_label}: {names}."


@dataclass(frozen=True)
class ReviewAction:
    action: str
    label: str
    enabled: bool
    reason: str  # why it is disabled ("" when enabled)


@dataclass(frozen=True)
class ReviewData:
    event_participant_id: int
    report_id: int
    result: ParticipantResult
    status: ReportStatus
    revision: int
    report_number: str
    author_id: int | None
    author: str
    reviewer_id: int | None
    reviewer: str
    sections: dict[str, Any]
    checks: CheckOutcome
    comments: tuple[CommentView, ...]
    history: tuple[HistoryEntry, ...]
    diff: ReportDiff
    sheet: IntegrationSheet | None
    actions: tuple[ReviewAction, ...]
    integrity_warning: str = ""  # the approved content no longer matches its seal (edited outside the app)

    @property
    def levels(self) -> tuple[LevelRow, ...]:
        return self.result.levels

    def action(self, name: str) -> ReviewAction | None:
        return next((a for a in self.actions if a.action == name), None)


def _as_text(value: Any, names: dict[str, str] | None = None) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(f"{code} {names.get(code, '')}".strip() if names else str(code) for code in value)
    return str(value or "")


_TOKEN = re.compile(r"\s+|[^\s]+")


def _word_segments(old: str, new: str) -> list[Segment]:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Segment("removed", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(Segment("added", "".join(b[j1:j2])))
    return out


def _segments(old: str, new: str) -> tuple[Segment, ...]:
    """Line by line; a line that was edited (not rewritten) shows its changed words."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment("same", "".join(a[i1:i2])))
        elif tag == "replace" and i2 - i1 == j2 - j1 and all(
            difflib.SequenceMatcher(None, x, y).ratio() >= 0.6 for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
        ):
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                out.extend(_word_segments(x, y))
        else:
            removed = "".join(a[i1:i2])
            if removed and j2 > j1 and not removed.endswith("\n"):
                removed += "\n"  # the added lines start on their own line
            if removed:
                out.append(Segment("removed", removed))
            if j2 > j1:
                out.append(Segment("added", "".join(b[j1:j2])))
    return tuple(out)


def section_diff(key: str, title: str, old: str, new: str, old_name: str, new_name: str) -> SectionDiff:
    unified = tuple(
        line.rstrip("\n")
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), old_name, new_name, lineterm="")
    )
    return SectionDiff(key, title, old, new, _segments(old, new) if old != new else (Segment("same", new),),
                       unified)


def diff_sections(
    old: dict[str, Any], new: dict[str, Any], *, old_name: str, new_name: str, names: dict[str, str] | None = None,
) -> tuple[SectionDiff, ...]:
    keys = [*report_content.SECTION_KEYS, *CODE_LISTS]
    titles = {**report_content.SECTION_TITLES, **CODE_LISTS}
    return tuple(
        section_diff(k, titles[k], _as_text(old.get(k), names), _as_text(new.get(k), names), old_name, new_name)
        for k in keys
    )


def diff_since_last_review(session: Session, event_participant_id: int) -> ReportDiff:
    report = report_content.report_row(session, event_participant_id)
    if report is None:
        return ReportDiff(None, "", ())
    revisions = list(report.revisions)
    names = {r.code: r.name for r in participant_result(session, event_participant_id).levels}
    status = status_of(report)
    if status in (ReportStatus.DIAJUKAN, ReportStatus.DISETUJUI, ReportStatus.DISERAHKAN) and revisions:
        current, label = dict(revisions[-1].sections or {}), f"revisi {revisions[-1].revision}"
        base = revisions[-2] if len(revisions) >= 2 else None
    else:
        current, label = dict(report.sections or {}), "draf saat ini"
        base = revisions[-1] if revisions else None
    if base is None:
        return ReportDiff(None, label, diff_sections(current, current, old_name=label, new_name=label, names=names))
    return ReportDiff(base.revision, label, diff_sections(dict(base.sections or {}), current,
                                                        old_name=f"revisi {base.revision}", new_name=label,
                                                        names=names))


def _member_name(session: Session, member_id: int | None) -> str:
    member = session.get(TeamMember, member_id) if member_id else None
    return member.name if member is not None else ""


def _actions(status: ReportStatus, checks: CheckOutcome) -> tuple[ReviewAction, ...]:
    found: list[ReviewAction] = []
    for role in (ReportRole.ASESOR, ReportRole.QC, ReportRole.ADMIN):
        for rule in available_actions(status, role):
            reason = ""
            if rule.needs_checks and not checks.passed:
                reason = "Pemeriksaan otomatis belum terpenuhi: " + "; ".join(c.label for c in checks.failed) + "."
            if all(a.action != rule.action for a in found):
                found.append(ReviewAction(rule.action, rule.label, not reason, reason))
    return tuple(found)


def review_data(session: Session, event_participant_id: int) -> ReviewData:
    """Everything the review dialog shows for one participant's report."""
    report = report_content.report_row(session, event_participant_id)
    if report is None:
        from ukom_desktop.services.report_qc import report_of

        report_of(session, event_participant_id)  # raises the explanation
        raise AssertionError  # pragma: no cover
    result = participant_result(session, event_participant_id)
    checks = check_report(session, event_participant_id)
    try:
        sheet: IntegrationSheet | None = integration_sheet(session, event_participant_id)
    except IntegrationError:
        sheet = None
    status = status_of(report)
    return ReviewData(
        event_participant_id=event_participant_id, report_id=report.id, result=result, status=status,
        revision=report.revision, report_number=report.report_number, author_id=report.author_id,
        author=_member_name(session, report.author_id), reviewer_id=report.reviewer_id,
        reviewer=_member_name(session, report.reviewer_id), sections=dict(report.sections or {}), checks=checks,
        comments=tuple(comments(session, event_participant_id)), history=tuple(history(session, event_participant_id)),
        diff=diff_since_last_review(session, event_participant_id), sheet=sheet, actions=_actions(status, checks),
        integrity_warning=integrity_warning(session, event_participant_id),
    )


def format_level(value: Decimal | None) -> str:
    from ukom_desktop.documents.psychogram import fmt

    return "-" if value is None else fmt(value)
