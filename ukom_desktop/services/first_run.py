"""First-run setup: where the data lives (a PostgreSQL address and its connection test), and the seam
to the identity work's first administrator (offered while the database has no users).

Passwords are used to connect and never stored or logged here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import URL, create_engine, text


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int = 5432
    database: str = "ukom"
    user: str = "postgres"
    password: str = ""

    def url(self) -> str:
        """A SQLAlchemy URL for the psycopg driver (the password escaped, shown only to the engine)."""
        return URL.create("postgresql+psycopg", username=self.user or None, password=self.password or None,
                          host=self.host.strip(), port=self.port,
                          database=self.database.strip()).render_as_string(hide_password=False)

    def shown(self) -> str:
        """The address without the password, for messages."""
        return f"postgresql://{self.user}@{self.host.strip()}:{self.port}/{self.database.strip()}"


def address_problems(address: ServerAddress) -> list[str]:
    problems = []
    if not address.host.strip():
        problems.append("Isi nama atau alamat IP server.")
    if not address.database.strip():
        problems.append("Isi nama basis data di server.")
    if not 0 < address.port < 65536:
        problems.append("Nomor port harus antara 1 dan 65535.")
    return problems


def connection_problem(address: ServerAddress, timeout_seconds: int = 5) -> str | None:
    """None when the server answers; otherwise why not, as an Indonesian sentence (never the password)."""
    problems = address_problems(address)
    if problems:
        return " ".join(problems)
    engine = create_engine(address.url(), connect_args={"connect_timeout": timeout_seconds})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - every failure is told in words
        detail = str(getattr(exc, "orig", exc)).lower()
        if "password" in detail or "authentication" in detail:
            return f"Server {address.shown()} menolak nama pengguna atau kata sandi."
        if "does not exist" in detail:
            return f"Basis data '{address.database}' belum ada di server {address.host}; minta pengelola server membuatnya."
        return (f"Server {address.host}:{address.port} tidak dapat dihubungi. Periksa alamat, port, jaringan "
                "dan apakah layanan PostgreSQL berjalan.")
    finally:
        engine.dispose()
    return None


def first_admin_needed(session: Any) -> bool:
    """The setup offers the first administrator only while the database has no users."""
    from ukom_desktop.services.access import users_exist

    return not users_exist(session)


def create_first_admin(session: Any, username: str, full_name: str, password: str) -> Any:
    """The first administrator (admin + sekretariat); returns the acting user to sign in as."""
    from ukom_desktop.services import users

    return users.create_first_admin(session, username=username, full_name=full_name, password=password)
