"""Issue 13: users, roles, the permission table through the services, the blind rule by identity,
lockout and reset, argon2id hashes, audit rows with the user."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.db.rated_demo import rated_demo_copy
from ukom_desktop.db.database import Database, open_database
from ukom_desktop.db.models import AuditEntry, EventParticipant, User
from ukom_desktop.domain import permissions as perm
from ukom_desktop.services import access, users

PASSWORD = "kata-sandi-rahasia-1"


@pytest.fixture(scope="module")
def identity_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rated demo with one user per role; asesor leads the first participant, reviewer leads another."""
    folder = tmp_path_factory.mktemp("identity")
    path = rated_demo_copy(folder)
    db = open_database(f"sqlite:///{path}")
    try:
        with db.sessions.begin() as s:
            leads = [m for m in s.scalars(select(EventParticipant.lead_assessor_id).order_by(EventParticipant.id))
                     if m is not None]
            lead, other = leads[0], next(m for m in leads if m != leads[0])
            users.create_user(s, username="admin", full_name="Admin", roles=["admin"], password=PASSWORD)
            s.info["actor"] = users.to_actor(s.scalars(select(User)).one())
            for role, member in (("sekretariat", None), ("asesor", lead), ("qc", other), ("pimpinan", None)):
                users.create_user(s, username=role, full_name=role.title(), roles=[role], password=PASSWORD,
                                  assessor=member)
    finally:
        db.dispose()
    return path


@pytest.fixture
def identity_db(identity_template: Path, tmp_path: Path) -> Database:
    target = tmp_path / "identity.sqlite"
    target.write_bytes(identity_template.read_bytes())
    db = open_database(f"sqlite:///{target}", auto_backup=False)
    yield db
    db.dispose()


def act_as(db: Database, username: str | None) -> perm.Actor | None:
    if username is None:
        access.bind_actor(db.sessions, None)
        return None
    with db.sessions.begin() as s:
        actor = users.login(s, username, PASSWORD).actor
    access.bind_actor(db.sessions, actor)
    return actor


def _context(db: Database) -> dict[str, int]:
    with db.sessions() as s:
        asesor = s.scalars(select(User).where(User.username == "asesor")).one()
        ep = s.scalars(select(EventParticipant).where(EventParticipant.lead_assessor_id == asesor.team_member_id)
                       .order_by(EventParticipant.id)).first()
        other = s.scalars(select(EventParticipant.id).where(
            EventParticipant.lead_assessor_id != asesor.team_member_id)).first()
        return {"event_id": ep.event_id, "ep_id": ep.id, "lead": asesor.team_member_id, "other_ep": other}


def _probe(action: str, s, ctx: dict[str, int], actor: perm.Actor, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services import (
        assessor_evaluation,
        audit_view,
        document_printing,
        events,
        institution,
        integration,
        listings,
        materials,
        packages_conflicts,
        packages_export,
        participants,
        rating_progress,
        ratings,
        report_qc,
        result_exports,
        results,
        room_printing,
        scheduling,
        team,
    )

    ev, ep = ctx["event_id"], ctx["ep_id"]
    calls = {
        perm.READ_EVENTS: lambda: listings.list_events(s),
        perm.MANAGE_EVENTS: lambda: events.archive_event(s, ev, False),
        perm.READ_PARTICIPANTS: lambda: participants.participant_form(s, ep),
        perm.MANAGE_PARTICIPANTS: lambda: participants.set_question_set(s, [ep], "A"),
        perm.MANAGE_TEAM: lambda: team.set_active(s, [], True),
        perm.MANAGE_SCHEDULE: lambda: scheduling.apply_edit(s, ev, None),  # type: ignore[arg-type]
        perm.PRINT_LETTERS: lambda: next(document_printing.print_documents(s, None)),  # type: ignore[arg-type]
        perm.RATE: lambda: ratings.rating_form(s, ep, actor.assessor_id or ctx["lead"]),
        perm.RATING_PROGRESS: lambda: rating_progress.rating_progress(s, ev),
        perm.INTEGRATE: lambda: integration.integration_sheet(s, ep),
        perm.EDIT_REPORT: lambda: report_qc.check_report(s, ep),
        perm.REVIEW_REPORT: lambda: report_qc.assign_reviewer(s, [], None),
        perm.READ_RESULTS: lambda: results.participant_result(s, ctx["other_ep"]),
        perm.EXPORT_RESULTS: lambda: result_exports.write_recap_workbook(s, ev, tmp / "rekap.xlsx"),
        perm.ASSESSOR_EVALUATION: lambda: assessor_evaluation.evaluate_event(s, ev),
        perm.MANAGE_USERS: lambda: users.list_users(s),
        perm.MANAGE_SETTINGS: lambda: institution.save_profile(s, institution.get_profile(s)),
        perm.READ_AUDIT: lambda: audit_view.audit_entries(s, audit_view.AuditFilter()),
        perm.READ_MATERIALS: lambda: materials.list_materials(s),
        perm.MANAGE_MATERIALS: lambda: materials.set_status(s, 0, "aktif"),
        perm.PRINT_MATERIALS: lambda: room_printing.print_answer_sheets(s, ev, tmp / "lembar.pdf"),
        perm.EXPORT_MATERIALS: lambda: materials.file_content(s, 0),
        perm.EXPORT_PACKAGES: lambda: packages_export.run_export(s, ev, [], tmp / "paket"),
        perm.MERGE_PACKAGES: lambda: packages_conflicts.list_conflicts(s, ev),
    }
    calls[action]()


PROBED = [a for a in perm.ACTION_LABELS if a != perm.DATABASE_TOOLS]


@pytest.mark.parametrize("role", perm.ROLES)
def test_permission_table_holds_in_every_service(identity_db: Database, role: str, tmp_path: Path) -> None:
    ctx = _context(identity_db)
    actor = act_as(identity_db, role)
    assert actor is not None
    wrong: list[str] = []
    for action in PROBED:
        expected = perm.allowed(actor.roles, action)
        if role == perm.PIMPINAN and action in (perm.EXPORT_RESULTS, perm.READ_RESULTS):
            expected = False  # pimpinan: approved results only; the demo's reports are drafts
        with identity_db.sessions() as s:
            try:
                _probe(action, s, ctx, actor, tmp_path)
                refused = False
            except access.AccessDenied:
                refused = True
            except Exception:  # noqa: BLE001 - allowed: the check passed, the dummy arguments then failed
                refused = False
            s.rollback()
        if refused == expected:
            wrong.append(f"{action}: {'ditolak' if refused else 'diizinkan'}")
    assert wrong == []
    with identity_db.sessions() as s:
        refusals = s.scalars(select(AuditEntry).where(AuditEntry.action == "akses_ditolak",
                                                      AuditEntry.actor == role)).all()
    denied = [a for a in PROBED if not perm.allowed(actor.roles, a)]
    assert len(refusals) >= len(denied)


def test_database_without_users_allows_everything(tmp_path: Path) -> None:
    path = rated_demo_copy(tmp_path)
    db = open_database(f"sqlite:///{path}", auto_backup=False)
    try:
        ctx = _context_without_users(db)
        with db.sessions() as s:
            assert not access.users_exist(s)
            from ukom_desktop.services import results
            from ukom_desktop.services import users as users_service

            assert results.event_results(s, ctx).rows
            assert users_service.list_users(s) == []
    finally:
        db.dispose()


def _context_without_users(db: Database) -> int:
    with db.sessions() as s:
        return s.scalars(select(EventParticipant.event_id)).first()


def test_blind_rule_by_identity_and_asesor_sees_only_assigned(identity_db: Database) -> None:
    from ukom_desktop.services import listings, ratings

    ctx = _context(identity_db)
    actor = act_as(identity_db, "asesor")
    with identity_db.sessions() as s:
        own = ratings.rating_form(s, ctx["ep_id"], actor.assessor_id)
        assert own.rows
        others = [a.assessor_id for a in ratings.event_assignments(s, ctx["event_id"], [ctx["ep_id"]])
                  if a.assessor_id != actor.assessor_id]
        assert others, "the demo rates each participant by several assessors"
        with pytest.raises(access.AccessDenied, match="penilaiannya sendiri"):
            ratings.rating_form(s, ctx["ep_id"], others[0])
        with pytest.raises(access.AccessDenied):
            ratings.visible_ratings_for(s, ctx["ep_id"], others[0])
        visible = {r.id for r in listings.list_event_participants(s, ctx["event_id"])}
        assigned = access.assigned_participants(s, ctx["event_id"], actor.assessor_id)
        everyone = set(s.scalars(select(EventParticipant.id).where(EventParticipant.event_id == ctx["event_id"])))
    assert visible == assigned and ctx["ep_id"] in visible and visible < everyone
    act_as(identity_db, "sekretariat")
    with identity_db.sessions() as s:
        assert {r.id for r in listings.list_event_participants(s, ctx["event_id"])} == everyone
        with pytest.raises(access.AccessDenied):  # progress as counts, never levels
            ratings.visible_ratings_for(s, ctx["ep_id"], ctx["lead"], integration=True)


def test_blind_rule_before_submitting(tmp_path: Path) -> None:
    """An asesor who has not submitted sees only their own ratings (the domain rule, now by identity)."""
    from ukom_desktop.services import ratings
    from ukom_desktop.services.demo import build_demo

    db = open_database(f"sqlite:///{tmp_path / 'fresh.sqlite'}", auto_backup=False)
    try:
        with db.sessions.begin() as s:
            summary = build_demo(s, participants=8, seed=3)
            assignments = sorted(ratings.event_assignments(s, summary.event_id), key=lambda a: a.event_participant_id)
            ep = assignments[0].event_participant_id
            mine = [a for a in assignments if a.event_participant_id == ep]
            me, colleague = mine[0].assessor_id, next(a for a in mine if a.assessor_id != mine[0].assessor_id)
            users.create_user(s, username="admin", full_name="", roles=["admin"], password=PASSWORD)
            s.info["actor"] = users.to_actor(s.scalars(select(User)).one())
            users.create_user(s, username="saya", full_name="", roles=["asesor"], password=PASSWORD, assessor=me)
            users.create_user(s, username="rekan", full_name="", roles=["asesor"], password=PASSWORD,
                              assessor=colleague.assessor_id)
        for username, assignment in (("rekan", colleague), ("saya", mine[0])):
            act_as(db, username)
            with db.sessions.begin() as s:
                form = ratings.rating_form(s, ep, assignment.assessor_id)
                row = form.rows[0]
                ratings.save_rating(s, event_participant_id=ep, exercise_id=row.exercise_id,
                                    competency_id=row.competency_id, assessor_id=assignment.assessor_id, level=3)
        with db.sessions() as s:
            seen = ratings.visible_ratings_for(s, ep, me)
            assert {r.assessor_id for r in seen} == {me}
            audit_rows = s.scalars(select(AuditEntry).where(AuditEntry.entity == "rating")).all()
            assert {a.actor for a in audit_rows} == {"saya", "rekan"}
    finally:
        db.dispose()


def test_lockout_after_five_failures_and_reset_forces_a_change(identity_db: Database) -> None:
    now = datetime.now(UTC)
    for _ in range(5):
        with identity_db.sessions.begin() as s, pytest.raises(users.UserError, match="salah"):
            users.login(s, "sekretariat", "salah-sekali-1", now=now)
    with identity_db.sessions.begin() as s, pytest.raises(users.UserError, match="terkunci"):
        users.login(s, "sekretariat", PASSWORD, now=now + timedelta(minutes=1))
    with identity_db.sessions.begin() as s:
        assert users.login(s, "sekretariat", PASSWORD, now=now + timedelta(minutes=6)).actor.username == "sekretariat"
        kinds = [a.note for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "login_gagal"))]
    assert any("dikunci" in k for k in kinds) and any("terkunci" in k for k in kinds)

    act_as(identity_db, "admin")
    with identity_db.sessions.begin() as s:
        with pytest.raises(users.UserError, match="minimal 10"):
            users.reset_password(s, "asesor", "pendek")
        users.reset_password(s, "asesor", "sekali-pakai-99")
        users.set_active(s, "pimpinan", False)
    with identity_db.sessions.begin() as s:
        outcome = users.login(s, "asesor", "sekali-pakai-99")
        assert outcome.must_change_password
        users.change_password(s, outcome.actor.id, "sekali-pakai-99", "baru-dan-panjang-1")
    with identity_db.sessions.begin() as s:
        assert not users.login(s, "asesor", "baru-dan-panjang-1").must_change_password
        with pytest.raises(users.UserError, match="nonaktif"):
            users.login(s, "pimpinan", PASSWORD)
        assert s.scalars(select(User).where(User.username == "pimpinan")).one().active is False  # never deleted


def test_hash_is_argon2id_and_the_password_is_nowhere_in_the_file(identity_db: Database) -> None:
    with identity_db.sessions() as s:
        hashes = list(s.scalars(select(User.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    identity_db.dispose()
    path = identity_db.file
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert PASSWORD.encode() not in data


def test_export_of_results_is_audited_with_the_user(identity_db: Database, tmp_path: Path) -> None:
    from ukom_desktop.services import result_exports

    ctx = _context(identity_db)
    act_as(identity_db, "qc")
    with identity_db.sessions() as s:
        result_exports.write_recap_workbook(s, ctx["event_id"], tmp_path / "rekap.xlsx")
    act_as(identity_db, "pimpinan")
    with identity_db.sessions() as s, pytest.raises(access.AccessDenied, match="belum disetujui"):
        result_exports.write_recap_workbook(s, ctx["event_id"], tmp_path / "rekap2.xlsx")
    with identity_db.sessions() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.entity.in_(["hasil", "akses"]))).all()
    assert ("ekspor_hasil", "qc") in {(r.action, r.actor) for r in rows}
    assert ("akses_ditolak", "pimpinan") in {(r.action, r.actor) for r in rows}
    assert not (tmp_path / "rekap2.xlsx").exists()


def test_printed_confidential_documents_name_who_printed_them(identity_db: Database, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from ukom_desktop.services import result_exports

    ctx = _context(identity_db)
    act_as(identity_db, "qc")
    with identity_db.sessions() as s:
        result_exports.run_job(result_exports.psychograms_job(s, ctx["event_id"], tmp_path / "psikogram.pdf",
                                                              ids=[ctx["ep_id"]], with_group=False))
        # the report is not approved yet: it prints as a DRAF preview, still stamped and audited
        result_exports.run_job(result_exports.reports_job(s, ctx["event_id"], tmp_path / "laporan.pdf",
                                                          ids=[ctx["ep_id"]], include_drafts=True))
    today = datetime.now().astimezone()
    for name in ("psikogram.pdf", "laporan.pdf"):
        pages = PdfReader(tmp_path / name).pages
        for page in pages:
            text = " ".join(page.extract_text().split())
            assert "Dicetak oleh Qc (qc), tanggal" in text and f"{today.year} pukul" in text
    with identity_db.sessions() as s:
        prints = s.scalars(select(AuditEntry).where(AuditEntry.action == "cetak_rahasia")).all()
    assert [(p.actor, p.note) for p in prints] == [("qc", "Psikogram"), ("qc", "Laporan individu")]


def test_results_each_role_may_read(identity_db: Database) -> None:
    """Reviewer QC: every participant; pimpinan: approved reports only; asesor: the participants they lead."""
    from ukom_desktop.db.models import IndividualReport
    from ukom_desktop.db.models.enums import ReportStatus
    from ukom_desktop.services import results

    ctx = _context(identity_db)
    with identity_db.sessions.begin() as s:
        report = s.scalars(select(IndividualReport).where(IndividualReport.event_participant_id == ctx["other_ep"])).one()
        report.status = ReportStatus.DISETUJUI
    seen = {}
    for role in ("qc", "pimpinan", "asesor"):
        act_as(identity_db, role)
        with identity_db.sessions() as s:
            seen[role] = {r.event_participant_id for r in results.event_results(s, ctx["event_id"]).rows}
    with identity_db.sessions() as s:
        led = set(s.scalars(select(EventParticipant.id).where(EventParticipant.lead_assessor_id == ctx["lead"])))
    assert len(seen["qc"]) > len(led)
    assert seen["pimpinan"] == {ctx["other_ep"]}
    assert seen["asesor"] == led and ctx["ep_id"] in led
    act_as(identity_db, "sekretariat")
    with identity_db.sessions() as s, pytest.raises(access.AccessDenied):
        results.event_results(s, ctx["event_id"])


def test_report_transitions_and_integration_are_audited_with_the_user(identity_db: Database) -> None:
    from ukom_desktop.services import integration, report_qc

    ctx = _context(identity_db)
    act_as(identity_db, "asesor")
    with identity_db.sessions() as s:
        led = [ep for ep in s.scalars(select(EventParticipant.id).where(
            EventParticipant.lead_assessor_id == ctx["lead"]).order_by(EventParticipant.id))
            if report_qc.check_report(s, ep).passed]
    assert led, "the rated demo has a report ready to submit"
    ep = led[0]
    with identity_db.sessions.begin() as s:
        report_qc.submit(s, ep, actor="dipalsukan")
    with identity_db.sessions.begin() as s, pytest.raises(access.AccessDenied):
        report_qc.approve(s, ep)
    act_as(identity_db, "qc")
    with identity_db.sessions.begin() as s:
        report_qc.return_report(s, ep, "Perbaiki uraian kompetensi.", actor="dipalsukan")
    act_as(identity_db, "asesor")
    with identity_db.sessions.begin() as s:
        sheet = integration.integration_sheet(s, ep)
        finals = {r.competency_id: (r.summary.suggested_level, "") for r in sheet.rows}
        first = sheet.rows[0]
        changed = first.summary.suggested_level + (1 if first.summary.suggested_level < 3 else -1)
        finals[first.competency_id] = (changed, "Bukti wawancara lebih kuat daripada simulasi.")
        integration.save_integration(s, ep, finals, actor="dipalsukan")
    with identity_db.sessions() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.id > 0).order_by(AuditEntry.id)).all()
    by_user = {(r.entity, r.actor) for r in rows}
    assert ("individual_report", "asesor") in by_user and ("individual_report", "qc") in by_user
    assert ("integrated_level", "asesor") in by_user
    assert ("akses_ditolak", "asesor") in {(r.action, r.actor) for r in rows}
    assert "dipalsukan" not in {r.actor for r in rows}
