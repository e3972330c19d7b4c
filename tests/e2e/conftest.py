from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


class Cli:
    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "ukom_desktop.cli", "--db", str(self.db), *args],
            capture_output=True, text=True, timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
        return result

    def json(self, *args: str) -> object:
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "ukom.sqlite")
