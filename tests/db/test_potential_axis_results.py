"""The 9-box potential axis of a rated participant uses competency, potential and an imported track record,
and the printed report shows those inputs."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from ukom_desktop.db.models import PotentialScore
from ukom_desktop.domain import potential
from ukom_desktop.domain.potential_axis import potential_axis
from ukom_desktop.services import potential_import, report_content
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.demo_ratings import build_demo_ratings
from ukom_desktop.services.result_exports import reports_job, run_job
from ukom_desktop.services.results import event_results, participant_result


def test_imported_track_record_moves_the_axis_and_the_report_shows_the_inputs(sqlite_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        event_id = build_demo(session, participants=4, seed=6).event_id
        build_demo_ratings(session, event_id, seed=6)
        row = event_results(session, event_id).rows[0]
    path = tmp_path / "potensi.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["NIP", *[a.name for a in potential.ASPECTS], "Rekam Jejak"])
        writer.writerow([row.nip, *["3"] * len(potential.ASPECTS), "5"])
    with sqlite_database.sessions.begin() as session:
        preview = potential_import.import_potential(session, event_id, path, actor="uji")
        assert [v.message for v in preview.ok_rows] == ["8 aspek dan rekam jejak"]
    with sqlite_database.sessions() as session:
        stored = session.scalar(select(PotentialScore.score).where(
            PotentialScore.event_participant_id == row.event_participant_id, PotentialScore.aspect_code == "RJ"))
        assert stored == 5
        result = participant_result(session, row.event_participant_id)
        assert result.potential is not None and result.potential.average == 3  # the track record is not an aspect
        axis = potential_axis(result.jpm, result.potential, stored, potential.DEFAULT_POTENTIAL_SETTINGS)
        assert axis is not None and result.potential_category == axis.band_name
        summary = report_content.report_data(session, row.event_participant_id).potential_summary
        assert "Kompetensi (JPM)" in summary and "Rekam jejak 100,00% (bobot 20)" in summary
        run_job(reports_job(session, event_id, tmp_path / "laporan.pdf", ids=[row.event_participant_id],
                            include_drafts=True))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(tmp_path / "laporan.pdf").pages)
    assert "Sumbu potensial kotak manajemen talenta" in text and "Rekam jejak 100,00% (bobot 20)" in text
