"""The single entry point: with no subcommand it opens the window; subcommands run headless.

Every subcommand lives in ukom_desktop/commands/ and registers itself through COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from ukom_desktop import APP_NAME, __version__
from ukom_desktop.cli_parser import IndonesianArgumentParser, QuietArgumentParser
from ukom_desktop.errors import UserFacingError, user_message

PACKAGE_SUFFIX = ".ukom"  # assessor packages; the installer associates them with the window

COMMAND_MODULES = (
    "ukom_desktop.commands.db_commands",
    "ukom_desktop.commands.demo_command",
    "ukom_desktop.commands.competency_commands",
    "ukom_desktop.commands.participant_commands",
    "ukom_desktop.commands.schedule_commands",
    "ukom_desktop.commands.document_commands",
    "ukom_desktop.commands.result_commands",
    "ukom_desktop.commands.qc_commands",
    "ukom_desktop.commands.package_commands",
    "ukom_desktop.commands.user_commands",
    "ukom_desktop.commands.material_commands",
    "ukom_desktop.commands.letter_commands",
    "ukom_desktop.commands.timetable_commands",
    "ukom_desktop.commands.budget_commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = IndonesianArgumentParser(
        prog="ukom-desktop",
        description=f"{APP_NAME}: penilaian kompetensi ASN. Tanpa subperintah, jendela aplikasi dibuka.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="basis data: berkas SQLite atau postgresql://user:sandi@host/nama (bawaan: UKOM_DATABASE_URL, "
        "lalu berkas SQLite di folder data pengguna)",
    )
    parser.add_argument(
        "--user", metavar="NAMA", help="nama pengguna bila basis data memakai akun (kata sandi dari UKOM_PASSWORD "
        "atau diminta)"
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    from ukom_desktop.commands.registry import build_groups

    build_groups(sub)
    return parser


def emit(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print machine-readable JSON with --json, otherwise the human text."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        print(text)


def _window_request(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they only ask for the window (at most --db): no need to build every subcommand."""
    quick = QuietArgumentParser(add_help=False)
    quick.add_argument("--db")
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:
        return None
    args.package = None
    if len(rest) == 1 and rest[0].lower().endswith(PACKAGE_SUFFIX):  # a double-clicked .ukom package
        args.package = rest[0]
        return args
    return None if rest else args


def _ask_server_password(args: argparse.Namespace) -> None:
    """A server address without a password: UKOM_DB_PASSWORD, the credential store, or a prompt."""
    from ukom_desktop.db.credentials import ask_in_terminal, needs_password
    from ukom_desktop.db.engine import resolve_database_url

    if needs_password(resolve_database_url(args.db)):
        ask_in_terminal(resolve_database_url(args.db))


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (`ukom-desktop ... | head`): end quietly, no traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush at exit must not fail again
    except (OSError, ValueError):
        pass
    return 141 if os.name != "nt" else 1  # 128 + SIGPIPE, what a shell reports for a closed pipe


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        print("\nDibatalkan.", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    window = _window_request(argv)
    if window is not None:
        from ukom_desktop.ui.app import run_gui

        return run_gui(window.db, package=window.package)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ukom_desktop.ui.app import run_gui

        return run_gui(args.db)
    try:
        _ask_server_password(args)
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handlers below
        return code
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except UserFacingError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the CLI never shows a traceback to a user
        message = user_message(exc)
        if message is None:
            import logging

            from ukom_desktop.logging_setup import setup_logging

            setup_logging()
            logging.getLogger("ukom_desktop").exception("Perintah gagal")
            message = f"Kesalahan tak terduga: {exc.__class__.__name__}: {exc}. Rincian ada di berkas log."
        from ukom_desktop.db.credentials import mask_secrets

        print(f"Galat: {mask_secrets(message)}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
