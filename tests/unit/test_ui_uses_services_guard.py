"""The window reads and writes the database only through services: no module in ukom_desktop/ui imports the
ORM models or SQLAlchemy (type hints under TYPE_CHECKING excepted), and none catches errors by hand where
the action helper (ui/actions.py) does it."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ukom_desktop" / "ui"


def _runtime_imports(tree: ast.AST) -> list[tuple[int, str]]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def test_ui_never_touches_the_orm() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for line, module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if module.startswith(("sqlalchemy", "ukom_desktop.db.models")):
                offenders.append(f"{path.relative_to(UI)}:{line} imports {module}")
    assert offenders == []


def test_user_message_is_only_used_by_the_action_helper() -> None:
    """errors.user_message knows the database errors; ui/actions.describe_error adds file errors, so the
    window asks describe_error (main_window's database opening is the one place before any action runs)."""
    users = sorted(str(p.relative_to(UI)) for p in UI.rglob("*.py") if "user_message(" in p.read_text(encoding="utf-8"))
    assert set(users) <= {"actions.py", "main_window.py"}
