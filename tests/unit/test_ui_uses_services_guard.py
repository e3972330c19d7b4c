"""The window reads and writes the database only through services: no module in ukom_desktop/ui imports the
database layer (ukom_desktop.db) or SQLAlchemy at all - not at the top, not inside a function, not for a type
hint under TYPE_CHECKING, not through importlib. What the window needs of them is in
ukom_desktop/services/database_access.py (opening, sessions, backups, encrypted copies, server addresses)
and the other services. None catches errors by hand where the action helper (ui/actions.py) does it."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ukom_desktop" / "ui"
FORBIDDEN = ("sqlalchemy", "ukom_desktop.db")

# module (relative to ukom_desktop/ui) -> why it cannot go through a service. Keep it empty; an entry needs a
# reason a reviewer accepts.
ALLOWED: dict[str, str] = {}


def _package_of(path: Path) -> list[str]:
    """The dotted package a module under ukom_desktop/ui lives in (for relative imports)."""
    parts = ["ukom_desktop", "ui", *path.relative_to(UI).parts]
    return parts[:-1]


def _absolute(node: ast.ImportFrom, package: list[str]) -> str:
    if node.level == 0:
        return node.module or ""
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imported_modules(source: str, package: list[str]) -> list[tuple[int, str]]:
    """Every module a source imports, wherever the import stands: top level, functions, TYPE_CHECKING blocks,
    `from ukom_desktop import db` (the name imported counts) and importlib.import_module("...")."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(node, package)
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = ast.unparse(node.func)
            if name.endswith(("import_module", "__import__")) and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _forbidden(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN)


def offenders() -> list[str]:
    out = []
    for path in sorted(UI.rglob("*.py")):
        name = str(path.relative_to(UI))
        if name in ALLOWED:
            continue
        for line, module in imported_modules(path.read_text(encoding="utf-8"), _package_of(path)):
            if _forbidden(module):
                out.append(f"{name}:{line} imports {module}")
    return sorted(set(out))


def test_ui_never_imports_the_database_layer() -> None:
    assert offenders() == []


def test_the_allowlist_names_existing_modules_with_a_reason() -> None:
    for name, reason in ALLOWED.items():
        assert (UI / name).is_file(), name
        assert len(reason.split()) >= 5, f"{name}: say why it cannot go through a service"


def test_the_guard_sees_every_way_of_importing() -> None:
    """Each of these would slip past a check of top-level imports only; the guard must refuse them all."""
    package = ["ukom_desktop", "ui", "identity"]
    sneaky = {
        "from sqlalchemy.orm import Session": 1,
        "def f():\n    from ukom_desktop.db.engine import transaction": 2,
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ukom_desktop.db.database import Database": 3,
        "import sqlalchemy as sa": 1,
        "from ukom_desktop import db": 1,
        "from ...db import backup": 1,
        "import importlib\nimportlib.import_module('ukom_desktop.db.restore')": 2,
        "class A:\n    def m(self):\n        import ukom_desktop.db.credentials": 3,
    }
    for source, line in sneaky.items():
        hits = [(n, m) for n, m in imported_modules(source, package) if _forbidden(m)]
        assert hits and hits[0][0] == line, source
    harmless = "from ukom_desktop.services.database_access import Session\nfrom ukom_desktop.dbx import y\n"
    assert not [m for _n, m in imported_modules(harmless, package) if _forbidden(m)]


# The windows that once worded their own errors (login and lock forms, assessor mode, the package menu, the
# database dialogs): every failure now goes through run_action/describe_error, so none has an except clause.
NO_OWN_ERRORS = ("identity/login.py", "identity/lock.py", "identity/encrypt_dialog.py", "packages/menu.py",
                 "packages/assessor_window.py", "dialogs/restore_dialog.py", "server_login.py", "main_window.py")


def test_these_windows_leave_errors_to_the_action_helper() -> None:
    caught = [f"{name}:{node.lineno}" for name in NO_OWN_ERRORS
              for node in ast.walk(ast.parse((UI / name).read_text(encoding="utf-8")))
              if isinstance(node, ast.ExceptHandler)]
    assert caught == []


def test_user_message_is_only_used_by_the_action_helper() -> None:
    """errors.user_message knows the database errors; ui/actions.describe_error adds file errors, so the
    window asks describe_error (run_action), also when it opens a database."""
    users = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py") if "user_message(" in p.read_text(encoding="utf-8"))
    assert set(users) <= {"actions.py"}
