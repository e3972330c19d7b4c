"""Windows is where the users are: no module of the app (nor the PyInstaller spec or the launcher) may
rely on a Linux-only path or call, and QSettings keys never carry a path (a Windows path in a key breaks
the settings file). A POSIX-only call or a Linux path is allowed inside a branch on sys.platform / os.name."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import ukom_desktop

ROOT = Path(ukom_desktop.__file__).parent
EXTRA = [ROOT.parent / "packaging" / "ukom-desktop.spec", ROOT.parent / "packaging" / "launcher.py"]

# "/tmp/x", "/home/...", "~/.local/share", "/usr/bin/python": a path that exists only on Linux.
ROOTED = re.compile(r"^(~/|/(tmp|home|usr|var|etc|opt|dev|proc|mnt|root|run|srv|bin)(/|$))")
POSIX_MODULES = {"fcntl", "termios", "pwd", "grp", "resource", "pty", "tty", "posix"}
POSIX_CALLS = {"fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "setsid", "killpg", "chown",
               "lchown", "uname", "getpgid", "setuid", "mkfifo", "getloadavg", "sync", "kill"}
POSIX_SIGNALS = {"SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE", "SIGQUIT"}
PATHISH = ("url", "path", "file", "dir", "folder")


def _sources() -> list[Path]:
    files = [p for p in ROOT.rglob("*.py") if "migrations/versions" not in p.as_posix()]
    return [*files, *EXTRA]


def _platform_test(node: ast.AST) -> bool:
    text = ast.unparse(node)
    return "sys.platform" in text or "os.name" in text or "platform.system" in text


def _guarded(parents: list[ast.AST]) -> bool:
    """Inside an `if` on the platform, or after an early return of such an `if` in the same function."""
    for parent in parents:
        if isinstance(parent, ast.If) and _platform_test(parent.test):
            return True
    for parent in reversed(parents):
        if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef):
            return any(isinstance(stmt, ast.If) and _platform_test(stmt.test) for stmt in parent.body)
    return False


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[str] = []

    def visit(node: ast.AST, parents: list[ast.AST]) -> None:
        where = f"{path.relative_to(ROOT.parent)}:{getattr(node, 'lineno', 0)}"
        docstring = (parents and isinstance(parents[-1], ast.Expr))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and not docstring:
            if ROOTED.match(node.value) and not _guarded(parents):  # e.g. /proc/mounts, read on Linux only
                out.append(f"{where}: Linux path {node.value!r}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for name in names:
                if name.split(".")[0] in POSIX_MODULES and not _guarded(parents):
                    out.append(f"{where}: POSIX-only module {name}")
        elif isinstance(node, ast.Attribute):
            base = ast.unparse(node.value)
            if base == "os" and node.attr in POSIX_CALLS and not _guarded(parents):
                out.append(f"{where}: POSIX-only call os.{node.attr}")
            if base == "signal" and node.attr in POSIX_SIGNALS and not _guarded(parents):
                out.append(f"{where}: POSIX-only signal signal.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("value", "setValue") and "QSettings" in ast.unparse(node.func.value) \
                or isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("value", "setValue") and ast.unparse(node.func.value) == "settings":
            key = node.args[0] if node.args else None
            if isinstance(key, ast.JoinedStr):
                for part in key.values:
                    hashed = isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Call) \
                        and ast.unparse(part.value.func).endswith("_key")  # e.g. context.database_key(url)
                    if isinstance(part, ast.FormattedValue) and not hashed and any(
                            w in ast.unparse(part.value).lower() for w in PATHISH):
                        out.append(f"{where}: settings key with a path {ast.unparse(key)}")
        for child in ast.iter_child_nodes(node):
            visit(child, [*parents, node])

    visit(tree, [])
    return out


def test_no_linux_only_paths_or_calls() -> None:
    sources = _sources()
    assert len(sources) > 100
    problems = [p for path in sources for p in _problems(path)]
    assert problems == []


def test_the_guard_finds_what_it_looks_for(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sample = tmp_path / "ukom_desktop" / "sample.py"
    sample.parent.mkdir()
    sample.write_text(
        "import os, sys\n"
        "from PySide6.QtCore import QSettings\n"
        "LOG = '/var/log/ukom.log'\n"
        "def f(db):\n"
        "    os.getuid()\n"
        "    QSettings().setValue(f'x/{db.url}', 1)\n"
        "def g():\n"
        "    if sys.platform == 'win32':\n"
        "        return\n"
        "    import fcntl\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", sample.parent)
    found = _problems(sample)
    assert len(found) == 3, found
    assert any("/var/log" in p for p in found) and any("getuid" in p for p in found)
    assert any("settings key" in p for p in found)
