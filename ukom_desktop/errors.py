"""Errors meant for a person: every known failure becomes a sentence in Bahasa Indonesia."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is already a clear Indonesian sentence for the user."""


def user_message(exc: BaseException) -> str | None:
    """The Indonesian sentence for a known kind of error, or None for a real bug."""
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm.exc import StaleDataError

    from ukom_desktop.db.backup import BackupError
    from ukom_desktop.db.engine import DatabaseUrlError
    from ukom_desktop.db.migrate import DatabaseNotUkomError, DatabaseTooNewError

    if isinstance(exc, UserFacingError | DatabaseTooNewError | DatabaseNotUkomError | DatabaseUrlError | BackupError):
        return str(exc)
    if isinstance(exc, PermissionError):  # a file open in Excel/Acrobat, a read-only folder
        from ukom_desktop.io.output_file import cannot_write_sentence

        return cannot_write_sentence(exc.filename or "berkas", exc)
    if isinstance(exc, StaleDataError):
        return (
            "Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru, "
            "lalu ulangi perubahan Anda."
        )
    if isinstance(exc, DBAPIError):
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if "database is locked" in text:
            return "Basis data sedang dikunci oleh proses lain. Coba lagi sebentar lagi."
        if "file is not a database" in text or "file is encrypted" in text:
            return "Berkas yang dipilih bukan basis data SQLite yang sah."
        if "unable to open database" in text:
            return "Berkas basis data tidak dapat dibuka; periksa lokasi dan hak aksesnya."
        if "could not connect" in text.lower() or "connection refused" in text.lower():
            return f"Tidak dapat terhubung ke server PostgreSQL: {text.strip()}"
        return f"Basis data tidak dapat diakses: {text.strip()}"
    return None
