"""Sentences built from parts: a hint that names a button or menu item, or that joins several remarks, ends each
sentence with exactly one full stop ("Bagi kelompok...." and "Ruang...," read as a typo)."""

from __future__ import annotations

from collections.abc import Iterable

ELLIPSIS = "..."


def control(label: str) -> str:
    """A button or menu item named in running text, without the "..." that marks it opens a dialog
    ("Data > Kegiatan baru..." -> "Data > Kegiatan baru"), so the punctuation after it never doubles."""
    text = label.strip()
    return text.removesuffix(ELLIPSIS).rstrip() if text.endswith(ELLIPSIS) else text


def sentence(text: str) -> str:
    """The text ending with one full stop: a trailing "...", "." or ".." is replaced, "?" and "!" are kept."""
    body = text.strip()
    if not body or body.endswith(("?", "!")):
        return body
    return body.rstrip(". ") + "."


def join_sentences(parts: Iterable[str]) -> str:
    """The non-empty parts as sentences, one space apart."""
    return " ".join(sentence(p) for p in parts if p.strip())
