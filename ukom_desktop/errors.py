"""Errors meant for a person: every known failure becomes a sentence in Bahasa Indonesia."""

from __future__ import annotations


class UserFacingError(Exception):
    """An error whose message is already a clear Indonesian sentence for the user."""


# The one sentence for a save over someone else's change (optimistic locking), wherever it is detected.
CONFLICT_SENTENCE = (
    "Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan terbaru, "
    "lalu ulangi perubahan Anda."
)


# A write to a database opened read-only (its file or folder cannot be written).
READ_ONLY_SENTENCE = (
    "Basis data ini dibuka hanya-baca karena berkas atau foldernya tidak dapat ditulis; perubahan, termasuk "
    "penerbitan nomor surat, tidak dapat disimpan. Data tetap dapat dilihat, diekspor dan dicetak (jadwal, "
    "psikogram, laporan). Salin berkas ke folder yang dapat ditulis untuk mengubahnya."
)


class ConflictError(UserFacingError):
    """A save based on a stale read: someone else changed the row (or the schedule's inputs) meanwhile."""

    def __init__(self, what: str = "") -> None:
        super().__init__(f"{CONFLICT_SENTENCE} ({what})" if what else CONFLICT_SENTENCE)


def check_version(stored: int, expected: int | None, what: str = "") -> None:
    """Refuse a save when the editor read the row at another version than the one stored now."""
    if expected is not None and expected != stored:
        raise ConflictError(what)


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
        return CONFLICT_SENTENCE
    if isinstance(exc, DBAPIError):
        from ukom_desktop.db.credentials import mask_secrets

        text = mask_secrets(str(exc.orig) if exc.orig is not None else str(exc))
        if "readonly database" in text:
            return READ_ONLY_SENTENCE
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
