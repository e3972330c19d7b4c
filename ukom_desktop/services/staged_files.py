"""Files whose content depends on a database transaction (printed letters carrying register numbers) are
written under a temporary name beside their target and moved into place only after the commit.

A kill between writing and committing therefore leaves no letter bearing a number that the rolled-back
transaction gives back to someone else; only a hidden `.ukom-*.part` file remains, which the next print
into that folder removes once it is older than STALE_AFTER (a younger one may belong to a print running
on another workstation right now). A rollback removes the parts at once.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import Session

KEY = "ukom_staged_files"
PART_GLOB = ".ukom-*.part"
STALE_AFTER = 3600.0  # seconds


def clean_stale_parts(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files that killed prints left in `folder`."""
    now = time.time() if now is None else now
    removed = []
    for part in folder.glob(PART_GLOB):
        with contextlib.suppress(OSError):
            if now - part.stat().st_mtime > STALE_AFTER:
                part.unlink()
                removed.append(part)
    return removed


class _Staging:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.parts: dict[Path, Path] = {}  # final -> part
        self.problems: list[str] = []  # sentences about files that could not be moved into place
        # Listeners cannot be removed while SQLAlchemy runs them: a finished staging just ignores later calls.
        event.listen(session, "after_commit", self.publish)
        event.listen(session, "after_rollback", self.discard)

    def part_for(self, final: Path) -> Path:
        final = Path(final)
        if final not in self.parts:
            final.parent.mkdir(parents=True, exist_ok=True)
            clean_stale_parts(final.parent)
            self.parts[final] = final.with_name(f".ukom-{secrets.token_hex(6)}-{final.name}.part")
        return self.parts[final]

    def _detach(self) -> dict[Path, Path]:
        if self.session.info.get(KEY) is self:
            self.session.info.pop(KEY)
        parts, self.parts = self.parts, {}
        return parts

    def publish(self, _session: Session | None = None) -> None:
        """After the commit: never raises (the transaction is over); a file that cannot be replaced is
        reported through `problems`."""
        for final, part in self._detach().items():
            if not part.exists():
                continue
            try:
                os.replace(part, final)
            except OSError:
                with contextlib.suppress(OSError):
                    part.unlink()
                self.problems.append(
                    f"Nomor surat sudah tercatat, tetapi berkas {final} tidak dapat ditulis (mungkin sedang dibuka, "
                    "mis. di Acrobat). Tutup berkas itu lalu cetak ulang: nomornya tetap sama."
                )

    def discard(self, _session: Session | None = None) -> None:
        for part in self._detach().values():
            with contextlib.suppress(OSError):
                part.unlink()


def _staging(session: Session) -> _Staging:
    staging = session.info.get(KEY)
    if staging is None:
        staging = session.info[KEY] = _Staging(session)
    return staging


def stage(session: Session, final: Path) -> Path:
    """The temporary path to write `final` to; it becomes `final` when the session's transaction commits."""
    return _staging(session).part_for(final)


def staging_problems(session: Session) -> list[str]:
    """The list (filled after the commit) of files of this transaction that could not be moved into place."""
    return _staging(session).problems
