"""Server passwords: never stored in settings, never logged, asked at connect, optionally kept in the
operating system's credential store (the `keyring` package).

A server is remembered by its address without the password (`url_without_password`); every text that may
reach a log, a message or a settings key goes through `mask_secrets`.
"""

from __future__ import annotations

import logging
import os
import re

from sqlalchemy.engine import URL, make_url

PASSWORD_ENV = "UKOM_DB_PASSWORD"
KEYRING_SERVICE = "UKOM Desktop"

# user:password@ in any URL-like text (the password may hold any character but '@' and whitespace)
_URL_PASSWORD = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]*):(?P<secret>[^@\s]+)@")
_KEYWORD_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<secret>'[^']*'|\"[^\"]*\"|\S+)", re.IGNORECASE)


class CredentialStoreWarning(RuntimeError):
    """The credential store could not be used; the message is a sentence for the user."""


def mask_secrets(text: str) -> str:
    """The text with every password of a database address (and `password=...`) replaced by ***."""
    text = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}:***@", text)
    return _KEYWORD_PASSWORD.sub(lambda m: f"{m.group('head')}***", text)


def parse(url: str | URL) -> URL:
    return url if isinstance(url, URL) else make_url(url)


def is_server_url(url: str | URL) -> bool:
    return parse(url).get_backend_name() == "postgresql"


def url_without_password(url: str | URL) -> str:
    """The address to remember (settings, keyring key, log): the password left out, not just hidden."""
    return parse(url)._replace(password=None).render_as_string(hide_password=False)


def password_of(url: str | URL) -> str | None:
    value = parse(url).password
    return None if value is None else str(value)


def with_password(url: str | URL, password: str) -> str:
    """The full address for connecting; any character in the password works (it is escaped)."""
    return parse(url).set(password=password).render_as_string(hide_password=False)


def needs_password(url: str | URL) -> bool:
    parsed = parse(url)
    return is_server_url(parsed) and bool(parsed.username) and parsed.password is None


def _keyring():  # type: ignore[no-untyped-def]
    import keyring

    return keyring


def stored_password(url: str | URL) -> str | None:
    """The password kept in the credential store for this server and user, or None (also when the store
    cannot be used: asking again is always possible)."""
    try:
        return _keyring().get_password(KEYRING_SERVICE, url_without_password(url))
    except Exception as exc:  # noqa: BLE001 - any backend failure means "not stored"
        logging.getLogger("ukom_desktop").info("Penyimpanan kredensial tidak dapat dibaca: %s",
                                               exc.__class__.__name__)
        return None


def store_password(url: str | URL, password: str) -> None:
    try:
        _keyring().set_password(KEYRING_SERVICE, url_without_password(url), password)
    except Exception as exc:  # noqa: BLE001 - reported as a warning, the connection goes on
        raise CredentialStoreWarning(
            "Sandi tidak dapat disimpan di penyimpanan kredensial sistem operasi "
            f"({exc.__class__.__name__}); sandi akan ditanyakan lagi saat berikutnya."
        ) from None


def forget_password(url: str | URL) -> None:
    from contextlib import suppress

    with suppress(Exception):  # nothing stored, or no store: nothing to forget
        _keyring().delete_password(KEYRING_SERVICE, url_without_password(url))


def complete_url(url: str, *, environ: dict[str, str] | None = None) -> str:
    """The address with its password for a headless connection: from the URL itself, UKOM_DB_PASSWORD,
    or the credential store. Without any, the URL is returned as it is (the caller may ask)."""
    if not needs_password(url):
        return url
    env = os.environ if environ is None else environ
    password = env.get(PASSWORD_ENV) or stored_password(url)
    return with_password(url, password) if password else url


class SecretMaskingFilter(logging.Filter):
    """Attached to the log file's handler: no database password ever reaches the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            import traceback

            record.exc_text = mask_secrets("".join(traceback.format_exception(*record.exc_info)).rstrip())
            record.exc_info = None
        return True


def ask_in_terminal(url: str) -> str:
    """CLI: the address completed with a password typed at the terminal (not echoed) when one is missing.

    Without a terminal the missing password is a sentence naming the two ways to give it."""
    if not needs_password(url):
        return url
    import getpass
    import sys

    if not sys.stdin or not sys.stdin.isatty():
        from ukom_desktop.errors import UserFacingError

        raise UserFacingError(
            f"Server {url_without_password(url)} memerlukan sandi: setel variabel lingkungan {PASSWORD_ENV} "
            "atau jalankan perintah dari terminal agar sandi ditanyakan."
        )
    password = getpass.getpass(f"Sandi untuk {url_without_password(url)}: ")
    os.environ[PASSWORD_ENV] = password  # for this process only: every later connection completes the URL
    return with_password(url, password)
