"""User accounts: create, list, reset, disable, sign in (issue 13).

Passwords are hashed with argon2id (argon2-cffi) and never stored, logged or shown. Five failed
sign-ins lock the account for five minutes; a password an admin resets must be changed at the next
sign-in; accounts are disabled, never deleted, so their audit history stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop.db import audit
from ukom_desktop.db.models import TeamMember, User
from ukom_desktop.domain import permissions as perm
from ukom_desktop.domain.nip import normalize_nip
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import require, users_exist

MIN_PASSWORD_LENGTH = 10
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
LOCK_SETTING_KEY = "keamanan.kunci_menit"
DEFAULT_LOCK_MINUTES = 15
_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters


class UserError(UserFacingError):
    pass


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    roles: tuple[str, ...]
    assessor_id: int | None
    assessor_name: str
    active: bool
    locked: bool
    must_change_password: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class LoginOutcome:
    actor: perm.Actor
    must_change_password: bool


def _utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.")
    if not password.strip():
        raise UserError("Kata sandi tidak boleh hanya berisi spasi.")


def hash_password(password: str) -> str:
    check_password(password)
    return _HASHER.hash(password)


def _roles(values: list[str] | tuple[str, ...]) -> list[str]:
    roles = [r.strip().lower() for r in values if r and r.strip()]
    unknown = [r for r in roles if r not in perm.ROLES]
    if unknown:
        raise UserError(f"Peran tidak dikenal: {', '.join(unknown)}. Pilihan: {', '.join(perm.ROLES)}.")
    if not roles:
        raise UserError("Pilih minimal satu peran.")
    return list(dict.fromkeys(roles))


def _assessor(session: Session, nip_or_id: str | int | None) -> int | None:
    if nip_or_id in (None, ""):
        return None
    if isinstance(nip_or_id, int):
        member = session.get(TeamMember, nip_or_id)
    else:
        member = session.scalars(select(TeamMember).where(TeamMember.nip == normalize_nip(str(nip_or_id)))).first()
    if member is None:
        raise UserError(f"Asesor dengan NIP {nip_or_id} tidak ada di daftar asesor.")
    return member.id


def _get(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(func.lower(User.username) == username.strip().lower())).first()
    if user is None:
        raise UserError(f"Pengguna '{username}' tidak ditemukan.")
    return user


def to_actor(user: User) -> perm.Actor:
    roles = perm.parse_roles(user.roles) or perm.parse_roles(str(user.role))
    return perm.Actor(user.id, user.username, roles, user.team_member_id, user.full_name)


def actor_for(session: Session, user_id: int) -> perm.Actor:
    """The acting user of an account (the window signs in the admin it has just made)."""
    user = session.get(User, user_id)
    if user is None:
        raise UserError("Pengguna tidak ditemukan.")
    return to_actor(user)


def create_user(
    session: Session, *, username: str, full_name: str, roles: list[str] | tuple[str, ...], password: str,
    assessor: str | int | None = None, must_change_password: bool = False,
) -> int:
    """A new account. The first account of a database must be an admin (it ends the mode without users)."""
    first = not users_exist(session)
    if not first:
        require(session, perm.MANAGE_USERS)
    username = (username or "").strip()
    if not username or len(username) > 60 or any(c.isspace() for c in username):
        raise UserError("Nama pengguna wajib diisi, tanpa spasi, paling banyak 60 karakter.")
    chosen = _roles(roles)
    if first and perm.ADMIN not in chosen:
        raise UserError("Pengguna pertama harus berperan admin.")
    assessor_id = _assessor(session, assessor)
    if assessor_id is None and perm.ASESOR in chosen:
        raise UserError("Pengguna berperan asesor harus dikaitkan dengan seorang asesor (NIP) dari daftar asesor.")
    if session.scalars(select(User.id).where(func.lower(User.username) == username.lower())).first():
        raise UserError(f"Nama pengguna '{username}' sudah dipakai.")
    user = User(
        username=username, full_name=(full_name or "").strip(), role=chosen[0], roles=",".join(chosen),
        team_member_id=assessor_id, password_hash=hash_password(password),
        must_change_password=must_change_password,
    )
    session.add(user)
    session.flush()
    session.info["_ukom_users_exist"] = True
    audit.record(session, action="buat", entity="pengguna", entity_id=user.id, entity_uuid=user.uuid,
                 new={"username": username, "roles": chosen, "team_member_id": assessor_id})
    return user.id



def create_first_admin(session: Session, *, username: str, full_name: str, password: str) -> perm.Actor:
    """The first administrator, from the first-run setup: admin and sekretariat (admin alone prepares
    nothing). Returns the new user as the acting user, so the window can go on signed in."""
    user_id = create_user(session, username=username, full_name=full_name,
                          roles=[perm.ADMIN, perm.SEKRETARIAT], password=password)
    return to_actor(session.get_one(User, user_id))

def list_users(session: Session) -> list[UserRow]:
    require(session, perm.MANAGE_USERS)
    now = datetime.now(UTC)
    names = {mid: name for mid, name in session.execute(select(TeamMember.id, TeamMember.name))}
    rows = []
    for u in session.scalars(select(User).order_by(User.username)):
        actor = to_actor(u)
        locked_until = _utc(u.locked_until)
        rows.append(UserRow(
            u.id, u.username, u.full_name, tuple(r for r in perm.ROLES if r in actor.roles), u.team_member_id,
            names.get(u.team_member_id, "") if u.team_member_id else "", u.active,
            bool(locked_until and locked_until > now), u.must_change_password, _utc(u.last_login_at),
        ))
    return rows


def reset_password(session: Session, username: str, password: str) -> None:
    """An admin sets a one-time password; the user must change it at the next sign-in."""
    require(session, perm.MANAGE_USERS)
    user = _get(session, username)
    user.password_hash = hash_password(password)
    user.must_change_password = True
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, action="reset_sandi", entity="pengguna", entity_id=user.id, entity_uuid=user.uuid,
                 note=f"Kata sandi {user.username} diatur ulang")


def set_active(session: Session, username: str, active: bool) -> None:
    """Disable (or enable again) an account; accounts are never deleted."""
    require(session, perm.MANAGE_USERS)
    user = _get(session, username)
    if not active and perm.ADMIN in to_actor(user).roles:
        others = [u for u in session.scalars(select(User).where(User.active.is_(True), User.id != user.id))
                  if perm.ADMIN in to_actor(u).roles]
        if not others:
            raise UserError("Admin aktif terakhir tidak dapat dinonaktifkan.")
    user.active = active
    audit.record(session, action="aktifkan" if active else "nonaktifkan", entity="pengguna", entity_id=user.id,
                 entity_uuid=user.uuid, old={"active": not active}, new={"active": active})


def login(session: Session, username: str, password: str, *, now: datetime | None = None) -> LoginOutcome:
    """Check the password; records success and failure in the audit log. The caller commits either way."""
    now = now or datetime.now(UTC)
    refused = UserError("Nama pengguna atau kata sandi salah.")
    user = session.scalars(select(User).where(func.lower(User.username) == (username or "").strip().lower())).first()
    if user is None:
        audit.record(session, action="login_gagal", entity="pengguna", actor=(username or "")[:100],
                     note="Nama pengguna tidak dikenal")
        raise refused
    if not user.active:
        audit.record(session, action="login_gagal", entity="pengguna", entity_id=user.id, actor=user.username,
                     note="Akun nonaktif")
        raise UserError("Akun ini sudah dinonaktifkan. Hubungi admin.")
    locked_until = _utc(user.locked_until)
    if locked_until is not None and locked_until > now:
        minutes = max(1, int((locked_until - now).total_seconds() // 60) + 1)
        audit.record(session, action="login_gagal", entity="pengguna", entity_id=user.id, actor=user.username,
                     note="Akun terkunci")
        raise UserError(f"Akun terkunci karena {MAX_FAILED_LOGINS} kali gagal masuk. Coba lagi dalam {minutes} menit.")
    try:
        _HASHER.verify(user.password_hash or "", password or "")
    except (VerificationError, InvalidHashError):
        user.failed_logins = (user.failed_logins or 0) + 1
        note = f"Kata sandi salah ({user.failed_logins}x)"
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            user.failed_logins = 0
            note += f"; akun dikunci {LOCK_MINUTES} menit"
        audit.record(session, action="login_gagal", entity="pengguna", entity_id=user.id, actor=user.username,
                     note=note)
        raise refused from None
    if _HASHER.check_needs_rehash(user.password_hash or ""):
        user.password_hash = _HASHER.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    audit.record(session, action="login", entity="pengguna", entity_id=user.id, actor=user.username)
    return LoginOutcome(to_actor(user), user.must_change_password)


def sign_in(sessions: sessionmaker[Session], username: str, password: str) -> LoginOutcome:
    """`login` in a unit of work of its own: the attempt is committed to the audit log (a failed one too,
    with the account lock it may cause) before a refusal is raised (the login form, the idle lock, the CLI)."""
    with sessions() as session:
        try:
            outcome = login(session, username, password)
        except UserError:
            session.commit()
            raise
        session.commit()
    return outcome


def change_password(session: Session, user_id: int, old_password: str, new_password: str) -> None:
    """The user's own change (required after a reset); the old password must be right."""
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise UserError("Akun tidak ditemukan atau nonaktif.")
    try:
        _HASHER.verify(user.password_hash or "", old_password or "")
    except (VerificationError, InvalidHashError):
        raise UserError("Kata sandi lama salah.") from None
    if old_password == new_password:
        raise UserError("Kata sandi baru harus berbeda dari kata sandi lama.")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    audit.record(session, action="ganti_sandi", entity="pengguna", entity_id=user.id, actor=user.username)


def lock_minutes(session: Session) -> int:
    """Minutes without input before the window locks (setting ``keamanan.kunci_menit``, default 15)."""
    from ukom_desktop.services.settings import get_setting

    try:
        return max(1, int(get_setting(session, LOCK_SETTING_KEY, DEFAULT_LOCK_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_LOCK_MINUTES


def set_lock_minutes(session: Session, minutes: int) -> None:
    from ukom_desktop.services.settings import set_setting

    require(session, perm.MANAGE_SETTINGS)
    if not 1 <= int(minutes) <= 240:
        raise UserError("Kunci layar diatur antara 1 dan 240 menit.")
    set_setting(session, LOCK_SETTING_KEY, int(minutes))
    audit.record(session, action="ubah", entity="pengaturan", new={LOCK_SETTING_KEY: int(minutes)})
