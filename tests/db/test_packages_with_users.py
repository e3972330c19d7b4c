"""Assessor packages (issue 14) in a database with users (issue 13): the permission table decides who makes,
merges and decides packages, the audit log names the signed-in user, and the audit hash chain (issue 12)
still verifies after logins, a merge, a conflict decision and an approval."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from packages_support import issue, laptop_cells, open_on_laptop, reopen_for_ratings, secretariat  # noqa: E402

from ukom_desktop.db.audit import verify_chain  # noqa: E402
from ukom_desktop.db.models import AuditEntry, Competency, EventParticipant, Exercise, Rating, User  # noqa: E402
from ukom_desktop.services import access, report_qc, users  # noqa: E402
from ukom_desktop.services import packages_laptop as lp  # noqa: E402
from ukom_desktop.services.packages_conflicts import list_conflicts, resolve_conflict  # noqa: E402
from ukom_desktop.services.packages_export import event_assessors  # noqa: E402
from ukom_desktop.services.packages_merge import import_package  # noqa: E402

PASSWORD = "kata-sandi-uji-01"


def _act_as(db, username: str) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        actor = users.login(s, username, PASSWORD).actor
    access.bind_actor(db.sessions, actor)


def _actors(db, action: str) -> list[str]:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        return list(s.scalars(select(AuditEntry.actor).where(AuditEntry.action == action)))


def test_package_roles_audit_actor_and_intact_chain(tmp_path: Path) -> None:
    db, event_id = secretariat(tmp_path)
    with db.sessions() as s:
        rated = set(s.scalars(select(Rating.assessor_id)))
        member = next(mid for mid, _n, _p in event_assessors(s, event_id) if mid in rated)
        qc_ep = s.scalars(select(EventParticipant.id).where(EventParticipant.lead_assessor_id != member)
                          .order_by(EventParticipant.id)).first()
    reopen_for_ratings(db, event_id, [member], drop_first=False)
    with db.sessions.begin() as s:
        users.create_user(s, username="admin", full_name="Admin", roles=["admin"], password=PASSWORD)
        s.info["actor"] = users.to_actor(s.scalars(select(User)).one())
        for role, assessor in (("sekretariat", None), ("asesor", member), ("qc", member), ("pimpinan", None)):
            users.create_user(s, username=role, full_name=role.title(), roles=[role], password=PASSWORD,
                              assessor=assessor)

    # Making packages: sekretariat only.
    _act_as(db, "asesor")
    with pytest.raises(access.AccessDenied, match="membuat paket asesor"):
        issue(db, event_id, [member], tmp_path / "ditolak")
    _act_as(db, "sekretariat")
    item = issue(db, event_id, [member], tmp_path)[0]
    assert _actors(db, "paket_dibuat") == ["sekretariat"]

    # The assessor rates on the laptop; meanwhile the same cell is changed at the secretariat.
    open_on_laptop(item)
    cell = laptop_cells(item.laptop_url)[0]
    with db.sessions.begin() as s:
        ep = s.scalar(select(EventParticipant.id).where(EventParticipant.uuid == cell.ep))
        ex = s.scalar(select(Exercise.id).where(Exercise.uuid == cell.exercise))
        comp = s.scalar(select(Competency.id).where(Competency.uuid == cell.competency))
        row = s.scalars(select(Rating).where(Rating.event_participant_id == ep, Rating.exercise_id == ex,
                                             Rating.competency_id == comp, Rating.assessor_id == member)).one()
        row.evidence = "Diubah di sekretariat"
    lp.save_cell(item.laptop_url, cell.ep, cell.exercise, cell.competency,
                 level="2" if cell.level != "2.00" else "3", no_evidence=False, evidence="Dinilai di laptop")
    returned = lp.write_return(item.laptop_url, tmp_path / "kembali.ukom").path.read_bytes()

    # Merging: sekretariat or reviewer QC; pimpinan is refused and nothing is merged.
    _act_as(db, "pimpinan")
    with db.sessions() as s, pytest.raises(access.AccessDenied, match="menggabungkan paket"):
        import_package(s, returned)
    _act_as(db, "qc")
    with db.sessions() as s:
        preview = import_package(s, returned)
        s.commit()
    assert preview.counts["konflik"] == 1
    with db.sessions() as s:
        conflict = list_conflicts(s, event_id)[0]
    _act_as(db, "asesor")
    with db.sessions() as s, pytest.raises(access.AccessDenied):
        resolve_conflict(s, conflict.id, "laptop", "Asesor menilai ulang")
    _act_as(db, "sekretariat")
    with db.sessions() as s:
        resolve_conflict(s, conflict.id, "laptop", "Asesor menilai ulang", actor="nama lain")
        s.commit()
    assert _actors(db, "konflik_paket_diputuskan") == ["sekretariat"]
    with db.sessions() as s:
        merged = s.scalars(select(AuditEntry).where(AuditEntry.actor == "qc",
                                                    AuditEntry.action.like("%paket%"))).all()
    assert merged, "the merge is audited as the signed-in reviewer"

    # Reviewer QC approves a report; then the whole chain verifies, also through the command line.
    _act_as(db, "qc")
    with db.sessions() as s:
        report_qc.submit(s, qc_ep)
        report_qc.approve(s, qc_ep)
        s.commit()
    with db.sessions() as s:
        assert verify_chain(s) == []
    db.dispose()
    env = {**os.environ, "UKOM_PASSWORD": PASSWORD}
    run = subprocess.run([sys.executable, "-m", "ukom_desktop.cli", "--db", str(db.url), "--user", "admin",
                          "db", "verify-audit"], capture_output=True, text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
