"""QC of individual reports on real database rows: each automatic check failing and passing, the status
machine (no approval of a failing report, no edit after approval), history and audit, comments, the
diff since the last review, report numbers."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from rated_demo import rated_demo_copy  # noqa: E402

from ukom_desktop.db.engine import transaction  # noqa: E402
from ukom_desktop.db.models import (  # noqa: E402
    AuditEntry,
    EventParticipant,
    IndividualReport,
    IntegratedLevel,
    IntegratedResult,
    ReportStatusChange,
)
from ukom_desktop.domain import report_checks as rc  # noqa: E402
from ukom_desktop.services import integration, report_qc, report_review  # noqa: E402
from ukom_desktop.services.results import participant_result  # noqa: E402

T0 = datetime(2026, 10, 15, 9, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    database = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    yield database
    database.dispose()


def _participants(db) -> list[int]:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        return list(s.scalars(select(EventParticipant.id).order_by(EventParticipant.number)))


def _passing(db) -> int:  # type: ignore[no-untyped-def]
    """A participant whose report passes every check as built by the demo."""
    with db.sessions() as s:
        for ep in _participants(db):
            if report_qc.check_report(s, ep).passed:
                return ep
    raise AssertionError("no passing report in the demo")


def _failed(db, ep: int) -> set[str]:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        return {c.code for c in report_qc.check_report(s, ep).failed}


def _status(db, ep: int) -> str:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        report = s.scalars(select(IndividualReport).where(IndividualReport.event_participant_id == ep)).one()
        return str(report.status.value)


def test_a_complete_report_passes_every_check(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with db.sessions() as s:
        outcome = report_qc.check_report(s, ep)
    assert [c.code for c in outcome.results] == [rc.CHECK_FINAL_LEVELS, rc.CHECK_NARRATIVES, rc.CHECK_JPM_CATEGORY,
                                                 rc.CHECK_STRENGTHS_GAPS, rc.CHECK_IDENTITY]
    assert outcome.passed


def test_a_competency_without_final_level_fails(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        level = s.scalars(select(IntegratedLevel).join(IntegratedResult)
                          .where(IntegratedResult.event_participant_id == ep)).first()
        level.final_level = None
        name = level.competency_name
    with db.sessions() as s:
        failed = report_qc.check_report(s, ep).failed
    assert rc.CHECK_FINAL_LEVELS in {c.code for c in failed}
    assert name in next(c.message for c in failed if c.code == rc.CHECK_FINAL_LEVELS)


def test_an_empty_narrative_fails_and_writing_it_passes(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.edit_sections(s, ep, {"saran_pengembangan": " - \n\n"}, actor="penulis")
    assert _failed(db, ep) == {rc.CHECK_NARRATIVES}
    with transaction(db.sessions) as s, pytest.raises(report_qc.QcError, match="Saran pengembangan"):
        report_qc.submit(s, ep, actor="penulis")
    with transaction(db.sessions) as s:
        report_qc.edit_sections(s, ep, {"saran_pengembangan": "- Coaching oleh atasan langsung."}, actor="penulis")
    assert _failed(db, ep) == set()


def test_a_stored_jpm_that_no_longer_matches_the_levels_fails(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        result = s.scalars(select(IntegratedResult).where(IntegratedResult.event_participant_id == ep)).one()
        result.jpm = Decimal(result.jpm) - Decimal("5.00")  # what the report would print
    assert _failed(db, ep) == {rc.CHECK_JPM_CATEGORY}
    with transaction(db.sessions) as s:
        integration.refresh_result(s, ep)  # recomputed from the levels: the report agrees again
    assert _failed(db, ep) == set()


def test_levels_changed_after_submission_fail_the_review(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="penulis", now=T0)
        level = s.scalars(select(IntegratedLevel).join(IntegratedResult)
                          .where(IntegratedResult.event_participant_id == ep)
                          .order_by(IntegratedLevel.competency_code)).first()
        level.final_level = Decimal(level.final_level) + 1 if level.final_level < 5 else Decimal(1)
        integration.refresh_result(s, ep)
    assert rc.CHECK_JPM_CATEGORY in _failed(db, ep)
    with transaction(db.sessions) as s, pytest.raises(report_qc.QcError, match="Kesesuaian JPM dan kategori"):
        report_qc.approve(s, ep, actor="QC")
    assert _status(db, ep) == "diajukan"


def test_a_strength_below_standard_fails(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        for ep in _participants(db):
            result = participant_result(s, ep)
            below = [r.code for r in result.levels if r.gap is not None and r.gap < 0]
            if below and report_qc.check_report(s, ep).passed:
                break
        else:
            pytest.skip("no participant below standard")
        strengths = list(s.scalars(select(IndividualReport).where(
            IndividualReport.event_participant_id == ep)).one().sections["kode_kekuatan"])
    with transaction(db.sessions) as s:
        report_qc.edit_sections(s, ep, {"kode_kekuatan": [*strengths, below[0]]}, actor="penulis")
    assert _failed(db, ep) == {rc.CHECK_STRENGTHS_GAPS}
    with transaction(db.sessions) as s:
        report_qc.edit_sections(s, ep, {"kode_kekuatan": strengths}, actor="penulis")
    assert _failed(db, ep) == set()


def test_a_name_corrected_after_submission_fails_the_identity_check(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="penulis", now=T0)
        person = s.get(EventParticipant, ep).participant
        person.name = person.name + " Putra"
    assert _failed(db, ep) == {rc.CHECK_IDENTITY}
    with transaction(db.sessions) as s:
        with pytest.raises(report_qc.QcError, match="Nama dan NIP peserta"):
            report_qc.approve(s, ep, actor="QC")
        report_qc.return_report(s, ep, "Nama peserta sudah dikoreksi; ajukan ulang.", actor="QC")
    with transaction(db.sessions) as s:
        done = report_qc.submit(s, ep, actor="penulis")  # the new revision states the corrected name
    assert done.revision == 2
    assert _failed(db, ep) == set()


def test_submit_return_resubmit_approve_deliver_with_history_and_audit(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
    with transaction(db.sessions) as s, pytest.raises(report_qc.QcError, match="Catatan pengembalian"):
        report_qc.return_report(s, ep, "  ", actor="QC")
    with transaction(db.sessions) as s:
        report_qc.return_report(s, ep, "Perjelas kekuatan.", actor="QC", section="kekuatan")
        report_qc.edit_sections(s, ep, {"kekuatan": "- Kekuatan yang diperjelas dengan bukti."}, actor="Penulis")
        assert report_qc.status_of(report_qc.report_of(s, ep)).value == "direvisi"
        report_qc.submit(s, ep, actor="Penulis")
    with transaction(db.sessions) as s:
        diff = report_review.diff_since_last_review(s, ep)
        assert diff.base_revision == 1 and diff.current_label == "revisi 2"
        assert [d.key for d in diff.changed_sections] == ["kekuatan"]
        assert any(line.startswith("+- Kekuatan yang diperjelas") for line in diff.changed_sections[0].unified)
        done = report_qc.approve(s, ep, actor="QC")
        assert done.report_number.startswith("1/LHPK/")
    with transaction(db.sessions) as s:
        report_qc.deliver(s, ep, actor="admin")
    with db.sessions() as s:
        report = report_qc.report_of(s, ep)
        history = [(h.from_status, h.to_status) for h in sorted(report.history, key=lambda h: h.id)]
        comments = report_qc.comments(s, ep)
        audit = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "individual_report",
                                                               AuditEntry.entity_id == report.id)))
        revisions = (report.revision, [r.revision for r in report.revisions])
    assert history == [("draft", "diajukan"), ("diajukan", "dikembalikan"), ("dikembalikan", "direvisi"),
                       ("direvisi", "diajukan"), ("diajukan", "disetujui"), ("disetujui", "diserahkan")]
    assert revisions == (2, [1, 2])
    assert [(c.section, c.revision, c.text) for c in comments] == [("kekuatan", 1, "Perjelas kekuatan.")]
    for action in ("laporan_ajukan", "laporan_kembalikan", "laporan_ajukan_ulang", "laporan_setujui",
                   "laporan_serahkan"):
        assert action in audit


def test_an_approved_report_is_locked_until_a_new_revision_with_reason(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
        with pytest.raises(report_qc.QcError, match="sedang diperiksa"):
            report_qc.edit_sections(s, ep, {"kekuatan": "x"})
        number = report_qc.approve(s, ep, actor="QC").report_number
    with transaction(db.sessions) as s:
        with pytest.raises(report_qc.QcError, match="terkunci"):
            report_qc.edit_sections(s, ep, {"kekuatan": "Diubah diam-diam."})
        with pytest.raises(report_qc.QcError, match="Alasan revisi baru"):
            report_qc.new_revision(s, ep, "", actor="QC")
    with db.sessions() as s:
        assert "Diubah diam-diam." not in str(report_qc.report_of(s, ep).sections["kekuatan"])
    with transaction(db.sessions) as s:
        report_qc.new_revision(s, ep, "Nomor NIP atasan keliru pada saran.", actor="QC")
        report_qc.edit_sections(s, ep, {"saran_penempatan": "Dipertimbangkan untuk rotasi."}, actor="Penulis")
        again = report_qc.submit(s, ep, actor="Penulis")
        assert again.revision == 2
        assert report_qc.approve(s, ep, actor="QC").report_number == number  # the number is kept


def test_report_numbers_never_repeat(db) -> None:  # type: ignore[no-untyped-def]
    numbers = []
    with db.sessions() as s:
        passing = [ep for ep in _participants(db) if report_qc.check_report(s, ep).passed][:3]
    for ep in passing:
        with transaction(db.sessions) as s:
            report_qc.submit(s, ep, actor="Penulis", now=T0)
            numbers.append(report_qc.approve(s, ep, actor="QC", now=T0).report_number)
    assert numbers == ["1/LHPK/X/2026", "2/LHPK/X/2026", "3/LHPK/X/2026"]


def test_comments_are_anchored_to_a_known_section(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
        view = report_qc.add_comment(s, ep, "area_pengembangan", "Tambahkan bukti dari role play.", author="QC")
        assert (view.section_label, view.revision, view.resolved) == ("Area pengembangan", 1, False)
        with pytest.raises(report_qc.QcError, match="tidak dikenal"):
            report_qc.add_comment(s, ep, "lampiran", "x", author="QC")
        with pytest.raises(report_qc.QcError, match="kosong"):
            report_qc.add_comment(s, ep, "kekuatan", "   ", author="QC")
        report_qc.resolve_comment(s, view.id, actor="Penulis")
    with db.sessions() as s:
        assert [c.resolved for c in report_qc.comments(s, ep)] == [True]


def test_the_reviewer_cannot_review_their_own_report(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
        author = report_qc.report_of(s, ep).author_id
        with pytest.raises(report_qc.QcError, match="penulis laporan itu sendiri"):
            report_qc.approve(s, ep, actor="QC", reviewer_id=author)


def test_nothing_is_half_written_when_a_submission_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    ep = _passing(db)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
        report_qc.return_report(s, ep, "Perbaiki.", actor="QC")
        report_qc.edit_sections(s, ep, {"kekuatan": ""}, actor="Penulis")
    with db.sessions() as s:
        before = s.scalar(select(ReportStatusChange.id).order_by(ReportStatusChange.id.desc()))
    with pytest.raises(report_qc.QcError), transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis")
    with db.sessions() as s:
        assert s.scalar(select(ReportStatusChange.id).order_by(ReportStatusChange.id.desc())) == before
    assert _status(db, ep) == "direvisi"
