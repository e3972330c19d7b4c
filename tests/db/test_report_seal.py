"""An approved report carries a hash of its content: an edit outside the application is flagged when the
report is opened for review and refused when it is printed."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from rated_demo import rated_demo_copy  # noqa: E402

from ukom_desktop.db.engine import sqlite_path, transaction  # noqa: E402
from ukom_desktop.db.models import EventParticipant, IndividualReport  # noqa: E402
from ukom_desktop.services import report_qc, report_review, result_exports  # noqa: E402
from ukom_desktop.services.report_integrity import ReportTamperedError, content_hash, integrity_warning  # noqa: E402

T0 = datetime(2026, 10, 15, 9, tzinfo=UTC)


@pytest.fixture
def approved(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    with db.sessions() as s:
        ep = next(ep for ep in s.scalars(select(EventParticipant.id).order_by(EventParticipant.number))
                  if report_qc.check_report(s, ep).passed)
    with transaction(db.sessions) as s:
        report_qc.submit(s, ep, actor="Penulis", now=T0)
        report_qc.approve(s, ep, actor="QC")
    yield db, ep
    db.dispose()


def _raw(db, sql: str, *params: object) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(sqlite_path(db.url))
    with conn:
        conn.execute(sql, params)
    conn.close()


def _print(db, ep: int, out: Path) -> int:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        event_id = s.get(EventParticipant, ep).event_id
        return result_exports.run_job(result_exports.reports_job(s, event_id, out, ids=[ep]))


def test_an_untouched_approved_report_opens_and_prints(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ep = approved
    with db.sessions() as s:
        assert integrity_warning(s, ep) == ""
        assert report_review.review_data(s, ep).integrity_warning == ""
    _print(db, ep, tmp_path / "laporan.pdf")
    assert len(PdfReader(tmp_path / "laporan.pdf").pages) >= 1


def test_a_narrative_edited_outside_the_app_is_flagged_and_not_printed(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, ep = approved
    with db.sessions() as s:
        report = s.scalars(select(IndividualReport).where(IndividualReport.event_participant_id == ep)).one()
        sections = dict(report.sections)
    sections["kekuatan"] = "Ditulis ulang lewat sqlite3."
    _raw(db, "UPDATE individual_report SET sections = ? WHERE event_participant_id = ?", json.dumps(sections), ep)
    with db.sessions() as s:
        warning = report_review.review_data(s, ep).integrity_warning
    assert "diubah di luar aplikasi" in warning
    with pytest.raises(ReportTamperedError, match="segel persetujuan"):
        _print(db, ep, tmp_path / "laporan.pdf")
    assert not (tmp_path / "laporan.pdf").exists()


def test_rewriting_the_seal_on_the_report_too_is_still_found(approved) -> None:  # type: ignore[no-untyped-def]
    db, ep = approved
    _raw(db, "UPDATE integrated_level SET final_level = final_level + 1 WHERE result_id IN "
             "(SELECT id FROM integrated_result WHERE event_participant_id = ?)", ep)
    with db.sessions() as s:
        report = s.scalars(select(IndividualReport).where(IndividualReport.event_participant_id == ep)).one()
        forged = content_hash(s, report)
    _raw(db, "UPDATE individual_report SET content_hash = ? WHERE event_participant_id = ?", forged, ep)
    with db.sessions() as s:
        assert integrity_warning(s, ep) != ""  # the seal in the chained audit log disagrees
