"""Results of a rated demo event: recap workbook and PDF, printed psychograms and reports, potential import."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from ukom_desktop.db.models import EventParticipant, Participant, PotentialScore
from ukom_desktop.services import potential_import, report_content, report_qc
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.demo_ratings import build_demo_ratings
from ukom_desktop.services.result_exports import (
    psychograms_job,
    reports_job,
    run_job,
    write_recap_pdf,
    write_recap_workbook,
)
from ukom_desktop.services.results import event_results, participant_result


@pytest.fixture
def rated_db(sqlite_database):  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as session:
        demo = build_demo(session, participants=8, seed=5)
        summary = build_demo_ratings(session, demo.event_id, seed=5)
    assert summary.integrated == 8 and summary.reports == 8
    return sqlite_database, demo.event_id


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_demo_ratings_are_deterministic_with_the_seed(sqlite_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    results = []
    for n, db in enumerate((sqlite_database, open_database(f"sqlite:///{tmp_path / 'b.sqlite'}"))):
        with db.sessions.begin() as session:
            demo = build_demo(session, participants=5, seed=2)
            build_demo_ratings(session, demo.event_id, seed=2)
        with db.sessions() as session:
            results.append([(r.name, r.jpm, r.category_code, r.nine_box) for r in event_results(session, 1).rows])
        if n:
            db.dispose()
    assert results[0] == results[1]


def test_recap_workbook_has_one_row_per_participant(rated_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated_db
    with database.sessions() as session:
        data = event_results(session, event_id)
        result = participant_result(session, data.rows[0].event_participant_id)
        path = write_recap_workbook(session, event_id, tmp_path / "rekap.xlsx")
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header_index = next(i for i, r in enumerate(rows) if r[0] == "No")
    header = rows[header_index]
    assert header[:3] == ["No", "Nama", "NIP"]
    for code in ("M.01", "SK.01"):  # standard, level and gap side by side: the recap can be checked alone
        at = header.index(f"{code} Std")
        assert header[at:at + 3] == [f"{code} Std", f"{code} Nilai", f"{code} Gap"]
    assert header[-7:] == ["Jumlah Std", "Jumlah Nilai", "JPM (%)", "Kategori", "Potensi", "Kotak", "Berlaku Sampai"]
    body = rows[header_index + 1: header_index + 1 + len(data.rows)]
    first = data.rows[0]
    assert body[0][1] == first.name and body[0][2] == first.nip  # NIP kept as text
    assert body[0][header.index("JPM (%)")] == pytest.approx(float(first.jpm))
    assert body[0][header.index("Kategori")] == first.category_code
    for level in result.levels:
        assert body[0][header.index(f"{level.code} Nilai")] == float(level.final)
        assert body[0][header.index(f"{level.code} Std")] == float(level.standard)
        assert body[0][header.index(f"{level.code} Gap")] == pytest.approx(float(level.final - level.standard))
    for row in body:  # JPM recomputed from the sheet alone (capped at 100 by default)
        std, got = row[header.index("Jumlah Std")], row[header.index("Jumlah Nilai")]
        assert std == sum(row[header.index(f"{c} Std")] for c, _n in data.competencies)
        assert row[header.index("JPM (%)")] == pytest.approx(min(100.0, got / std * 100), abs=0.01)


def test_recap_pdf_groups_by_unit(rated_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated_db
    with database.sessions() as session:
        data = event_results(session, event_id)
        write_recap_pdf(session, event_id, tmp_path / "rekap.pdf")
    text = _text(tmp_path / "rekap.pdf")
    assert "REKAPITULASI HASIL PENILAIAN KOMPETENSI" in text
    for unit in {r.unit for r in data.rows}:
        assert unit in text
    assert "Jumlah peserta per kategori dan unit kerja" in text


def test_printed_psychograms_show_levels_jpm_and_category(rated_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated_db
    with database.sessions() as session:
        first = participant_result(session, event_results(session, event_id).rows[0].event_participant_id)
        pages = run_job(psychograms_job(session, event_id, tmp_path / "psikogram.pdf"))
    reader = PdfReader(str(tmp_path / "psikogram.pdf"))
    assert pages == len(reader.pages) >= 9  # 8 participants and the group psychogram
    page = reader.pages[0].extract_text()
    assert first.name in page and "PSIKOGRAM HASIL PENILAIAN KOMPETENSI" in page
    jpm = f"{first.jpm:.2f}".replace(".", ",") + "%"
    assert jpm in page and f"{first.category_name} ({first.category_code})" in page
    assert "Integritas (M.01)" in page
    assert "PSIKOGRAM KELOMPOK" in reader.pages[-1].extract_text()


def _approve(session, ep_id: int, when: datetime) -> str:  # type: ignore[no-untyped-def]
    report_qc.submit(session, ep_id, actor="asesor", now=when - timedelta(days=3))
    return report_qc.approve(session, ep_id, actor="qc", now=when).report_number


def test_only_approved_reports_print_as_final_drafts_only_on_request(rated_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated_db
    with database.sessions.begin() as session:
        rows = event_results(session, event_id).rows
        approved = {rows[0].name: _approve(session, rows[0].event_participant_id, datetime(2026, 12, 2, 9, tzinfo=UTC)),
                    rows[1].name: _approve(session, rows[1].event_participant_id, datetime(2027, 1, 4, 9, tzinfo=UTC))}
        drafts = [r.name for r in rows[2:]]
    with database.sessions() as session:
        count = run_job(reports_job(session, event_id, tmp_path / "laporan"))
        run_job(reports_job(session, event_id, tmp_path / "final.pdf"))
        run_job(reports_job(session, event_id, tmp_path / "semua.pdf", include_drafts=True))
    assert count == 2 and len(list((tmp_path / "laporan").glob("*.pdf"))) == 2
    final = _text(tmp_path / "final.pdf")
    assert final.count("LAPORAN INDIVIDU") == 2 and "DRAF" not in final
    assert not any(name in final for name in drafts)
    for name, number in approved.items():
        assert name in final and f"Nomor: {number}" in final
    # the report is dated the day it was approved (and numbered): the month agrees with the roman numeral
    assert "/XII/2026" in approved[rows[0].name] and "2 Desember 2026" in final
    assert "/I/2027" in approved[rows[1].name] and "4 Januari 2027" in final

    reader = PdfReader(str(tmp_path / "semua.pdf"))
    assert sum(page.extract_text().count("LAPORAN INDIVIDU") for page in reader.pages) == 8
    reports: list[list[str]] = []
    for page in reader.pages:
        text = page.extract_text()
        if "LAPORAN INDIVIDU" in text:
            reports.append([])
        reports[-1].append(text)
    for pages in reports:
        whole = "\n".join(pages)
        if any(name in whole for name in drafts):
            assert all("DRAF" in page for page in pages)  # the watermark is on every page
            assert "Nomor:" not in whole and "NIP." not in whole.split("VI. PENUTUP")[-1]  # no number, no signatures
        else:
            assert "DRAF" not in whole and "Nomor:" in whole


def test_report_snapshot_passes_the_report_checks(rated_db) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.domain.report_checks import failed_checks, run_checks

    database, event_id = rated_db
    with database.sessions() as session:
        ep_id = event_results(session, event_id).rows[0].event_participant_id
        assert failed_checks(run_checks(report_content.report_snapshot(session, ep_id))) == []


def test_narratives_are_saved_and_locked_after_submission(rated_db) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import ReportStatus

    database, event_id = rated_db
    with database.sessions.begin() as session:
        ep_id = event_results(session, event_id).rows[0].event_participant_id
        report_content.save_sections(session, ep_id, {"kekuatan": "- Integritas tinggi\n- Komunikatif"})
    with database.sessions.begin() as session:
        report = report_content.report_row(session, ep_id)
        assert report.sections["kekuatan"].startswith("- Integritas tinggi")
        report.status = ReportStatus.DIAJUKAN
    with database.sessions.begin() as session, pytest.raises(report_content.ReportContentError, match="terkunci"):
        report_content.save_sections(session, ep_id, {"kekuatan": "diubah"})


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_potential_import_previews_then_writes_all_good_rows(rated_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    database, event_id = rated_db
    with database.sessions() as session:
        people = session.execute(
            select(EventParticipant.id, Participant.nip)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.event_id == event_id).order_by(EventParticipant.number)
        ).all()
    header = ["No", "NIP", "Nama", "Kemampuan Intelektual", "Interpersonal", "Self Awareness",
              "Berpikir Kritis dan Strategis", "Problem Solving", "Kecerdasan Emosional", "Growth Mindset",
              "Motivasi dan Komitmen"]
    rows = [["HASIL PSIKOTES"], header,
            ["1", people[0][1], "A", "5", "5", "5", "5", "5", "5", "5", "5"],
            ["2", people[1][1], "B", "4", "4", "4", "9", "4", "4", "4", "4"],
            ["3", "199001012020011001", "C", "3", "3", "3", "3", "3", "3", "3", "3"]]
    path = _write_csv(tmp_path / "psikotes.csv", rows)
    with database.sessions() as session:
        preview = potential_import.preview_potential_import(session, event_id, path)
    assert len(preview.aspects_found) == 8
    assert [r.verdict for r in preview.rows] == ["ok", "ditolak", "ditolak"]
    assert "di luar skala" in preview.rows[1].message and "tidak terdaftar" in preview.rows[2].message
    with database.sessions.begin() as session:
        for _ in potential_import.commit_potential_import(session, preview):
            pass
    with database.sessions() as session:
        scores = session.scalars(select(PotentialScore.score).where(
            PotentialScore.event_participant_id == people[0][0])).all()
        assert sorted(scores) == [5] * 8
        assert participant_result(session, people[0][0]).potential_category == "Tinggi"
    with database.sessions.begin() as session, pytest.raises(potential_import.PotentialImportError, match="ditolak"):
        potential_import.import_potential(session, event_id, path)
