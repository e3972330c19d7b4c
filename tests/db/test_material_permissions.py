"""Exercise materials follow the permission table (issue 17 x issue 13): the user bound to the session is
checked by every material service; a database without users allows everything."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from ukom_desktop.db.models import AuditEntry, User
from ukom_desktop.domain import permissions as perm
from ukom_desktop.services import grouping
from ukom_desktop.services.access import AccessDenied, bind_actor
from ukom_desktop.services.interview_guides import print_interview_guides, save_question
from ukom_desktop.services.material_handover import record_returns
from ukom_desktop.services.materials import (
    export_file,
    import_material_files,
    list_materials,
    map_question_set,
    set_status,
)
from ukom_desktop.services.room_printing import print_answer_sheets, print_booklets
from ukom_desktop.services.users import to_actor

sys.path.insert(0, str(Path(__file__).parent))
from material_support import group_with_inbasket_sets, make_pdf  # noqa: E402


@pytest.fixture
def materials(demo_database, tmp_path):  # type: ignore[no-untyped-def]
    """The demo event in groups, in-basket A and B mapped, and one user per role (no passwords needed here)."""
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        group_with_inbasket_sets(session, event_id, tmp_path, {"A": 2, "B": 2})
        for role in perm.ROLES:
            session.add(User(username=f"u_{role}", role=role, roles=role, password_hash="x"))
    return demo_database


def _act_as(db, role: str) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        user = session.scalars(select(User).where(User.username == f"u_{role}")).one()
        bind_actor(db.sessions, to_actor(user))


def _attempts(db, tmp_path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Each material action once, in its own transaction: True when allowed, the refusal text otherwise."""
    event_id = db.demo.event_id
    pdf = make_pdf(tmp_path / "rp.pdf", 1, "Role play")

    actions = {
        "lihat": lambda s: list_materials(s),
        "impor": lambda s: import_material_files(s, "RP", "RP-1", [pdf]),
        "status": lambda s: set_status(s, _version_id(s), "aktif"),
        "paket": lambda s: map_question_set(s, event_id, "INB", "A", "INB-A"),
        "simpan": lambda s: export_file(s, _file_id(s), tmp_path / "keluar.pdf"),
        "buku": lambda s: print_booklets(s, event_id, tmp_path / "buku.pdf"),
        "lembar": lambda s: print_answer_sheets(s, event_id, tmp_path / "lembar.pdf"),
        "panduan": lambda s: print_interview_guides(s, event_id, tmp_path / "panduan.pdf"),
        "kembali": lambda s: record_returns(s, event_id, []),
        "bank": lambda s: save_question(s, "M.01", 1, "Ceritakan pengalaman Anda.", []),
    }
    outcome: dict[str, object] = {}
    for name, action in actions.items():
        try:
            with db.sessions.begin() as session:
                action(session)
            outcome[name] = True
        except AccessDenied as refused:
            outcome[name] = str(refused)
    return outcome


def _version_id(session) -> int:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import MaterialVersion

    return session.scalars(select(MaterialVersion.id).order_by(MaterialVersion.id)).first()


def _file_id(session) -> int:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import MaterialFile

    return session.scalars(select(MaterialFile.id).order_by(MaterialFile.id)).first()


ALL = {"lihat", "impor", "status", "paket", "simpan", "buku", "lembar", "panduan", "kembali", "bank"}


@pytest.mark.parametrize(("role", "allowed"), [
    (perm.SEKRETARIAT, ALL),
    (perm.QC, {"lihat"}),
    (perm.ADMIN, set()),
    (perm.ASESOR, set()),
    (perm.PIMPINAN, set()),
])
def test_each_role_does_only_what_the_table_allows_with_materials(  # type: ignore[no-untyped-def]
        materials, tmp_path: Path, role: str, allowed: set[str]) -> None:
    _act_as(materials, role)
    outcome = _attempts(materials, tmp_path)
    assert {name for name, result in outcome.items() if result is True} == allowed
    for name in ALL - allowed:
        assert str(outcome[name]).startswith(f"Akses ditolak: pengguna u_{role} ")
    if role == perm.ASESOR:
        assert "tidak berhak mencetak buku soal" in str(outcome["buku"])
        assert "tidak berhak melihat materi soal" in str(outcome["lihat"])
        assert not (tmp_path / "buku.pdf").exists() and not (tmp_path / "keluar.pdf").exists()
    with materials.sessions() as session:
        refusals = session.scalars(select(AuditEntry).where(AuditEntry.action == "akses_ditolak",
                                                            AuditEntry.actor == f"u_{role}")).all()
    assert len(refusals) == len(ALL - allowed)  # every refusal is written down with the user


def test_the_secretariat_prints_real_booklets_and_the_print_names_them(materials, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _act_as(materials, perm.SEKRETARIAT)
    with materials.sessions.begin() as session:
        result = print_booklets(session, materials.demo.event_id, tmp_path / "buku.pdf")
    assert len(PdfReader(tmp_path / "buku.pdf").pages) == result.pages > 0
    with materials.sessions() as session:
        printed = session.scalars(select(AuditEntry).where(AuditEntry.action == "cetak_buku_soal")).one()
    assert printed.actor == "u_sekretariat"


def test_nobody_signed_in_is_refused_once_the_database_has_users(materials, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bind_actor(materials.sessions, None)
    with materials.sessions() as session, pytest.raises(AccessDenied, match="Masuk \\(login\\) terlebih dahulu"):
        list_materials(session)


def test_a_database_without_users_allows_everything(demo_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    event_id = demo_database.demo.event_id
    with demo_database.sessions.begin() as session:
        grouping.build_groups(session, event_id, grouping.GroupingOptions(question_sets=1), force=True)
        import_material_files(session, "INB", "INB-A", [make_pdf(tmp_path / "a.pdf", 2, "Kasus A")])
        map_question_set(session, event_id, "INB", "A", "INB-A")
    outcome = _attempts(demo_database, tmp_path)
    assert outcome == dict.fromkeys(ALL, True)
    assert len(PdfReader(tmp_path / "buku.pdf").pages) > 0
    assert (tmp_path / "keluar.pdf").read_bytes().startswith(b"%PDF")
