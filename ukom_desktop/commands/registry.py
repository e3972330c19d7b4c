"""Shared subcommands whose kinds come from several modules: `print KIND`, `export KIND`, `import KIND`.

A feature module calls e.g. `register_kind("print", "invitations", "surat undangan", add_args, handler)`
from its own register(); cli.py builds the `print`/`export`/`import` parsers after every module registered.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

GROUPS = {
    "print": "cetak dokumen PDF",
    "export": "ekspor data ke Excel",
    "import": "impor data dari lembar kerja",
}


@dataclass(frozen=True)
class Kind:
    name: str
    help: str
    add_args: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace], int]


_KINDS: dict[str, dict[str, Kind]] = {group: {} for group in GROUPS}


def register_kind(
    group: str,
    name: str,
    help_text: str,
    add_args: Callable[[argparse.ArgumentParser], None],
    handler: Callable[[argparse.Namespace], int],
) -> None:
    existing = _KINDS[group].get(name)
    # Building the parser twice registers the same kinds again from the same modules: that is fine.
    if existing is not None and existing.handler.__module__ != handler.__module__:
        raise ValueError(f"{group} {name} sudah terdaftar")
    _KINDS[group][name] = Kind(name, help_text, add_args, handler)


def build_groups(sub: argparse._SubParsersAction) -> None:
    for group, help_text in GROUPS.items():
        kinds = _KINDS[group]
        if not kinds:
            continue
        parser = sub.add_parser(group, help=help_text)
        kind_sub = parser.add_subparsers(dest=f"{group}_kind", metavar="JENIS", required=True)
        for kind in sorted(kinds.values(), key=lambda k: k.name):
            kind_parser = kind_sub.add_parser(kind.name, help=kind.help)
            kind.add_args(kind_parser)
            kind_parser.set_defaults(handler=kind.handler)
