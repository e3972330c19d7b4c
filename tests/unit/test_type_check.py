"""Issue 12 item 18: the type check over domain/, services/, io/ and db/ (scripts/run-tests.sh runs mypy
beside pytest). The modules exempted when the check was introduced have all been fixed; no module may be
exempted again (no ignore_errors override, no disabled error codes), so all code of these layers is checked."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _config() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]


def test_the_type_check_covers_the_qt_free_layers() -> None:
    files = set(_config()["files"])
    assert {"ukom_desktop/domain", "ukom_desktop/services", "ukom_desktop/io", "ukom_desktop/db"} <= files
    assert "mypy" in (ROOT / "scripts" / "run-tests.sh").read_text("utf-8")


def test_no_module_is_exempted_from_the_type_check() -> None:
    config = _config()
    exempt = sorted(m for override in config.get("overrides", []) if override.get("ignore_errors")
                    for m in override["module"])
    assert exempt == [], f"modul dikecualikan dari pemeriksaan tipe: {exempt}"
    assert not config.get("ignore_errors")
    assert not config.get("disable_error_code")
