"""domain/, db/, services/, io/ and documents/ must never load PySide6 (they run headless and in the CLI)."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import ukom_desktop

LAYERS = ("domain", "db", "services", "io", "documents")


def _modules() -> list[str]:
    root = Path(ukom_desktop.__file__).parent
    names = []
    for layer in LAYERS:
        names.append(f"ukom_desktop.{layer}")
        for info in pkgutil.walk_packages([str(root / layer)], prefix=f"ukom_desktop.{layer}."):
            if ".migrations.versions." in info.name or info.name.endswith(".migrations.env"):
                continue
            names.append(info.name)
    return names


def test_layers_below_the_ui_never_import_qt() -> None:
    modules = _modules()
    assert len(modules) > 10
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'qtawesome')))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
