"""First-run setup: where the data lives (a PostgreSQL address and its connection test), and the seam
to the identity work's first administrator (shown only when that API exists).

Passwords are used to connect and never stored or logged here.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from sqlalchemy import URL, create_engine, text

USERS_MODULE = "ukom_desktop.services.users"
#: The identity work's function the setup calls to create the first administrator:
#: create_first_admin(session, *, username, full_name, password) -> Any
FIRST_ADMIN_FUNCTION = "create_first_admin"


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


def users_api() -> ModuleType | None:
    """The identity work's users service when it exists and offers the first-admin function."""
    if importlib.util.find_spec(USERS_MODULE) is None:
        return None
    module = importlib.import_module(USERS_MODULE)
    return module if hasattr(module, FIRST_ADMIN_FUNCTION) else None


def create_first_admin(session: Any, username: str, full_name: str, password: str) -> Any:
    api = users_api()
    if api is None:
        from ukom_desktop.errors import UserFacingError

        raise UserFacingError("Pengelolaan pengguna belum tersedia pada versi ini.")
    return getattr(api, FIRST_ADMIN_FUNCTION)(session, username=username, full_name=full_name, password=password)
