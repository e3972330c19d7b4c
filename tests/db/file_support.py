"""Helpers of the file-safety tests: a folder's fingerprint, and a folder nobody may write to."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file of the folder: content digest and modification time in nanoseconds."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}


@contextlib.contextmanager
def unwritable(folder: Path, *, folder_too: bool = True) -> Iterator[None]:
    """Make the folder's files (and the folder itself) impossible to write for this process (also as root:
    chattr +i)."""
    files = [p for p in folder.iterdir() if p.is_file()]
    if os.geteuid() != 0:
        for p in files:
            p.chmod(0o444)
        if folder_too:
            folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
            for p in files:
                p.chmod(0o644)
        return
    targets = [*files, folder] if folder_too else files
    done = []
    try:
        for target in targets:
            if subprocess.run(["chattr", "+i", str(target)], capture_output=True).returncode != 0:
                pytest.skip("tidak dapat membuat folder hanya-baca di sistem berkas ini")
            done.append(target)
        yield
    finally:
        for target in reversed(done):
            subprocess.run(["chattr", "-i", str(target)], capture_output=True)
