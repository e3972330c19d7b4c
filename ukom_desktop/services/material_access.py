"""Who may see, print, export or manage exercise materials (case material is confidential).

The material actions are named here, once, and every material service checks them through
`require_material_permission`. Until identities exist in a database (no active user with a password),
every action is allowed, as everywhere else in the application.

INTEGRATION POINT (issue 13): when the permission table of the identity work lands, replace the body of
`_role_allows` with a look-up in that table (the action names below become its rows); nothing else in the
material code needs to change.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import User, UserRole
from ukom_desktop.errors import UserFacingError

MATERIAL_VIEW = "materi.lihat"  # list versions and files, preview the re-use check
MATERIAL_MANAGE = "materi.kelola"  # import files, change status, map paket soal
MATERIAL_PRINT = "materi.cetak"  # booklets stamped with the participant number
MATERIAL_EXPORT = "materi.ekspor"  # save a stored file out of the database

MATERIAL_ACTIONS: dict[str, str] = {
    MATERIAL_VIEW: "melihat materi soal",
    MATERIAL_MANAGE: "mengelola materi soal",
    MATERIAL_PRINT: "mencetak buku soal",
    MATERIAL_EXPORT: "mengekspor berkas materi soal",
}

# The default table until issue 13's permission table takes over.
_DEFAULT_ROLES: dict[str, frozenset[UserRole]] = {
    MATERIAL_VIEW: frozenset({UserRole.ADMIN, UserRole.SEKRETARIAT}),
    MATERIAL_MANAGE: frozenset({UserRole.ADMIN}),
    MATERIAL_PRINT: frozenset({UserRole.ADMIN, UserRole.SEKRETARIAT}),
    MATERIAL_EXPORT: frozenset({UserRole.ADMIN}),
}


def _identities_exist(session: Session) -> bool:
    count = session.scalar(
        select(func.count()).select_from(User).where(User.active.is_(True), User.password_hash.is_not(None))
    )
    return bool(count)


def _role_allows(session: Session, role: UserRole, action: str) -> bool:
    return role in _DEFAULT_ROLES.get(action, frozenset())


def material_permission(session: Session, action: str, username: str | None) -> bool:
    if action not in MATERIAL_ACTIONS:
        raise ValueError(f"unknown material action {action}")
    if not _identities_exist(session):
        return True
    if not username:
        return False
    user = session.scalar(select(User).where(User.username == username, User.active.is_(True)))
    return user is not None and _role_allows(session, user.role, action)


def require_material_permission(session: Session, action: str, username: str | None) -> None:
    if not material_permission(session, action, username):
        who = f"Pengguna '{username}'" if username else "Pengguna yang belum masuk"
        raise UserFacingError(f"{who} tidak berhak {MATERIAL_ACTIONS[action]}. Materi soal bersifat rahasia.")
