"""The merge's conflict queue, merge order independence and a merge killed mid-way (kill -9)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

sys.path.insert(0, str(Path(__file__).parent))
from packages_support import (  # noqa: E402
    issue,
    laptop_cells,
    laptop_narratives,
    open_on_laptop,
    reopen_for_ratings,
    secretariat,
    state,
)

from ukom_desktop.db.database import open_database  # noqa: E402
from ukom_desktop.db.models import (  # noqa: E402
    Attendance,
    AuditEntry,
    Competency,
    EventParticipant,
    Exercise,
    IntegratedResult,
    PackageReceipt,
    Rating,
)
from ukom_desktop.errors import UserFacingError  # noqa: E402
from ukom_desktop.services import packages_laptop as lp  # noqa: E402
from ukom_desktop.services.packages_apply import PAUSE_ENV  # noqa: E402
from ukom_desktop.services.packages_conflicts import list_conflicts, resolve_conflict  # noqa: E402
from ukom_desktop.services.packages_export import event_assessors  # noqa: E402
from ukom_desktop.services.packages_merge import import_package, import_packages  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def _rated_assessors(db, event_id: int) -> list[int]:
    with db.sessions() as session:
        rated = set(session.scalars(select(Rating.assessor_id)))
        return [mid for mid, _n, _p in event_assessors(session, event_id) if mid in rated]


def _merge(db, data: bytes):
    with db.sessions() as session:
        preview = import_package(session, data)
        session.commit()
    return preview


def _edit(url: str, cell, level: str, evidence: str) -> None:
    lp.save_cell(url, cell.ep, cell.exercise, cell.competency, level=level, no_evidence=False, evidence=evidence)


def _other_level(cell) -> str:
    return "2" if cell.level != "2.00" else "3"


def test_conflicts_are_queued_and_resolved_both_ways(tmp_path: Path) -> None:
    db, event_id = secretariat(tmp_path)
    member = _rated_assessors(db, event_id)[0]
    reopen_for_ratings(db, event_id, [member], drop_first=False)
    item = issue(db, event_id, [member], tmp_path)[0]
    open_on_laptop(item)
    cells = laptop_cells(item.laptop_url)
    eps = list(dict.fromkeys(c.ep for c in cells))
    assert len(eps) >= 3
    both, final, absent = ([c for c in cells if c.ep == ep] for ep in eps[:3])
    with db.sessions.begin() as session:  # at the secretariat, after the package was issued
        ids = {u: i for u, i in session.execute(select(EventParticipant.uuid, EventParticipant.id))}
        row = session.scalars(select(Rating).where(Rating.event_participant_id == ids[both[0].ep],
                                                   Rating.assessor_id == member)).first()
        row.evidence = "Diubah di sekretariat"
        session.execute(update(IntegratedResult).where(IntegratedResult.event_participant_id == ids[final[0].ep])
                        .values(finalized_at=IntegratedResult.updated_at))
        session.execute(update(EventParticipant).where(EventParticipant.id == ids[absent[0].ep])
                        .values(attendance=Attendance.TIDAK_HADIR))
    with db.sessions() as session:
        changed = session.scalars(select(Rating).where(Rating.evidence == "Diubah di sekretariat")).one()
        ex_uuid = session.get(Exercise, changed.exercise_id).uuid
        comp_uuid = session.get(Competency, changed.competency_id).uuid
    both_cell = next(c for c in both if (c.exercise, c.competency) == (ex_uuid, comp_uuid))
    plain = next(c for c in both if (c.exercise, c.competency) != (ex_uuid, comp_uuid))
    _edit(item.laptop_url, both_cell, _other_level(both_cell), "Laptop")
    _edit(item.laptop_url, plain, _other_level(plain), "Laptop biasa")
    _edit(item.laptop_url, final[0], _other_level(final[0]), "Laptop final")
    _edit(item.laptop_url, absent[0], _other_level(absent[0]), "Laptop absen")
    first = lp.write_return(item.laptop_url, tmp_path / "k1.ukom")

    preview = _merge(db, first.path.read_bytes())
    assert preview.counts == {"baru": 0, "berubah": 1, "sama": 0, "konflik": 3}
    with db.sessions() as session:
        queue = list_conflicts(session, event_id)
    assert sorted(c.reason for c in queue) == ["both_changed", "final", "unassigned"]
    assert all(c.reason_text for c in queue)
    by_reason = {c.reason: c for c in queue}

    with db.sessions() as session, pytest.raises(UserFacingError, match="Alasan"):
        resolve_conflict(session, by_reason["both_changed"].id, "laptop", "  ")
    with db.sessions() as session:
        resolve_conflict(session, by_reason["both_changed"].id, "laptop", "Asesor menilai ulang di ruang", actor="QC")
        resolve_conflict(session, by_reason["final"].id, "database", "Integrasi sudah final", actor="QC")
        session.commit()
    with db.sessions() as session:
        kept = session.scalars(select(Rating).where(Rating.evidence.in_(["Laptop", "Diubah di sekretariat"]))).all()
        assert [r.evidence for r in kept] == ["Laptop"]
        assert not session.scalars(select(Rating).where(Rating.evidence == "Laptop final")).all()
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "konflik_paket_diputuskan")).all()) == 2
        with pytest.raises(UserFacingError, match="sudah diputuskan"):
            resolve_conflict(session, by_reason["final"].id, "laptop", "lagi")

    # A later return carrying the same laptop values does not queue the decided cells again.
    second = lp.write_return(item.laptop_url, tmp_path / "k2.ukom")
    again = _merge(db, second.path.read_bytes())
    assert again.counts == {"baru": 0, "berubah": 0, "sama": 3, "konflik": 1}
    with db.sessions() as session:
        assert [c.reason for c in list_conflicts(session, event_id)] == ["unassigned"]
    db.dispose()


def _two_assessor_setup(tmp_path: Path):
    db, event_id = secretariat(tmp_path)
    members = _rated_assessors(db, event_id)[:2]
    reopen_for_ratings(db, event_id, members)
    items = issue(db, event_id, members, tmp_path)
    returns = []
    for n, item in enumerate(items):
        open_on_laptop(item)
        cells = laptop_cells(item.laptop_url)
        for cell in cells[: 4 + n]:
            _edit(item.laptop_url, cell, "3" if cell.level != "3.00" else "4", f"Laptop {n}")
        returns.append(lp.write_return(item.laptop_url, tmp_path / f"k-{n}.ukom").path.read_bytes())
    return db, event_id, returns


def test_merging_in_any_order_gives_the_same_database(tmp_path: Path) -> None:
    db, _event_id, (a, b) = _two_assessor_setup(tmp_path)
    copy, batch_copy = tmp_path / "salinan.sqlite", tmp_path / "sekaligus.sqlite"
    db.dispose()
    shutil.copyfile(db.file, copy)
    shutil.copyfile(db.file, batch_copy)
    other = open_database(f"sqlite:///{copy}")
    batch = open_database(f"sqlite:///{batch_copy}")
    db = open_database(db.url)
    try:
        _merge(db, a), _merge(db, b)
        _merge(other, b), _merge(other, a)
        with batch.sessions() as session:  # both in one transaction, as `package import A B` does
            assert [p.applied for p in import_packages(session, [b, a])] == [True, True]
            session.commit()
        assert state(db) == state(other) == state(batch)
        assert any(r[6] == "Laptop 0" for r in state(db)["ratings"])
        assert any(r[6] == "Laptop 1" for r in state(db)["ratings"])
    finally:
        batch.dispose()
        other.dispose()
        db.dispose()


def test_merge_killed_mid_way_leaves_the_database_as_before(tmp_path: Path) -> None:
    db, _event_id, (a, _b) = _two_assessor_setup(tmp_path)
    package = tmp_path / "kembali.ukom"
    package.write_bytes(a)
    before = state(db)
    url = db.url
    db.dispose()
    marker = tmp_path / "berhenti-di-tengah"
    env = dict(os.environ, PYTHONPATH=str(REPO), **{PAUSE_ENV: str(marker)})
    proc = subprocess.Popen([sys.executable, "-m", "ukom_desktop.cli", "--db", url, "package", "import", str(package)],
                            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), proc.stderr.read().decode() if proc.poll() is not None else "no pause reached"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    db = open_database(url)
    try:
        assert state(db) == before
        with db.sessions() as session:
            assert session.scalars(select(PackageReceipt)).all() == []
        assert _merge(db, a).counts["konflik"] == 0  # and the package still goes in afterwards
        assert state(db) != before
    finally:
        db.dispose()


def test_narrative_of_a_locked_report_waits_in_the_queue(tmp_path: Path) -> None:
    from ukom_desktop.db.models import IndividualReport, ReportStatus

    db, event_id = secretariat(tmp_path)
    member = _rated_assessors(db, event_id)[0]
    reopen_for_ratings(db, event_id, [member], drop_first=False)
    item = issue(db, event_id, [member], tmp_path)[0]
    open_on_laptop(item)
    narrative = laptop_narratives(item.laptop_url)[0]
    lp.save_narrative(item.laptop_url, narrative.report, {"kekuatan": "Versi laptop"})
    with db.sessions.begin() as session:  # the report was submitted to QC meanwhile: locked
        report = session.scalars(select(IndividualReport).where(IndividualReport.uuid == narrative.report)).one()
        report.status = ReportStatus.DIAJUKAN
        before = dict(report.sections)
    preview = _merge(db, lp.write_return(item.laptop_url, tmp_path / "k.ukom").path.read_bytes())
    assert [(i.kind, i.category, i.reason) for i in preview.items] == [("narrative", "konflik", "locked")]
    with db.sessions() as session:
        conflict = list_conflicts(session, event_id)[0]
        with pytest.raises(UserFacingError, match="revisi baru"):
            resolve_conflict(session, conflict.id, "laptop", "Asesor minta versinya")
        session.rollback()
        resolve_conflict(session, conflict.id, "database", "Laporan sudah diajukan ke QC")
        session.commit()
    with db.sessions() as session:
        report = session.scalars(select(IndividualReport).where(IndividualReport.uuid == narrative.report)).one()
        assert report.sections == before and list_conflicts(session, event_id) == []
    db.dispose()
