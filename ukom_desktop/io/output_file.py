"""The one place that writes output files: a temporary file beside the target, moved into place on success.

A target that is open in Excel or Acrobat (Windows refuses to replace it: PermissionError), read-only, or
whose folder cannot be written gives OutputFileError: a sentence in Bahasa Indonesia naming the file,
never a traceback. A failed write leaves the previous file untouched and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ukom_desktop.errors import UserFacingError

_PROGRAM_BY_SUFFIX = {".xlsx": "Excel", ".xls": "Excel", ".csv": "Excel", ".pdf": "Acrobat (atau pembaca PDF lain)"}
_REASONS = {
    errno.ENOSPC: "ruang disk penuh",
    errno.EISDIR: "sudah ada folder dengan nama itu",
    errno.ENOTDIR: "folder tujuan tidak ada (salah satu bagian jalurnya adalah berkas)",
    errno.EEXIST: "folder tujuan tidak ada (salah satu bagian jalurnya adalah berkas)",
    errno.ENOENT: "folder tujuan tidak ada",
    errno.EROFS: "diska hanya-baca",
    errno.ENAMETOOLONG: "nama berkas terlalu panjang",
}


class OutputFileError(UserFacingError):
    """An output file could not be written; the message names the file and says what to do."""


def cannot_write_sentence(path: str | os.PathLike[str], exc: OSError | None = None) -> str:
    """The sentence for a file that cannot be written, naming it and the program that may hold it open."""
    target = Path(path)
    program = _PROGRAM_BY_SUFFIX.get(target.suffix.lower(), "program lain")
    if exc is None or isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Berkas '{target.name}' tidak dapat ditulis di folder {target.parent}: berkas itu mungkin sedang "
            f"dibuka di {program}, atau folder/berkasnya hanya-baca. Tutup berkas ini di {program} lalu coba lagi, "
            "atau simpan dengan nama lain."
        )
    reason = _REASONS.get(exc.errno or 0, f"kesalahan sistem berkas, kode {exc.errno}")
    return f"Berkas '{target.name}' tidak dapat ditulis di folder {target.parent}: {reason}. Pilih folder atau nama lain."


@contextmanager
def output_errors(path: str | os.PathLike[str]) -> Iterator[None]:
    """Turn an OSError raised inside the block into OutputFileError naming `path`."""
    try:
        yield
    except OSError as exc:
        raise OutputFileError(cannot_write_sentence(path, exc)) from exc


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends without error, move it onto `path`.

    On any error the temporary file is removed and the target keeps its previous content.
    """
    target = Path(path)
    with output_errors(target):
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "adalah folder", str(target))
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".ukom-", suffix=target.suffix + ".part", dir=target.parent)
        os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with output_errors(target):
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)  # mkstemp made it private; an export is an ordinary file
            os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
