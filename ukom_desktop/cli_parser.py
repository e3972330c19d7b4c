"""argparse in Bahasa Indonesia (issue 12 item 17): the parser class every command uses, and the words
argparse itself prints (usage, headings, its own error messages)."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

ARGPARSE_ID = {
    "usage: ": "pemakaian: ",
    "options": "opsi",
    "positional arguments": "argumen posisi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah (harus %(type)s)",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu: bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r untuk opsi ini diabaikan",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak dapat dibuka: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}
_TYPE_NAMES = {"int": "bilangan bulat", "float": "bilangan", "Path": "jalur berkas"}


def _translate(message: str) -> str:
    return ARGPARSE_ID.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "perlu %s nilai"
    return _translate(singular if count == 1 else plural)


argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks its words up through this name
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class IndonesianArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose mistakes are a sentence in Bahasa Indonesia (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        for english, indonesian in _TYPE_NAMES.items():
            message = message.replace(f"(harus {english})", f"(harus {indonesian})")
        self.print_usage(sys.stderr)
        self.exit(2, f"Galat: {message}. Lihat '{self.prog} --help'.\n")


class QuietArgumentParser(IndonesianArgumentParser):
    """A parser for a first look at the arguments: a mistake is left to the full parser to explain."""

    def error(self, message: str) -> NoReturn:
        raise SystemExit(2)
