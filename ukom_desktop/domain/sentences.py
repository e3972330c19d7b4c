"""Sentences built from parts: a hint that names a button, or that joins several remarks, ends each sentence with
exactly one full stop ("Bagi kelompok...., Gelombang...." read as a typo).

A menu path keeps its "..." (it is the item's name, and `ui/menu_paths` finds paths in messages by it): write it
before a word ("lewat Data > Kegiatan baru... lalu"), or at the very end of a sentence, where the ellipsis is
the sentence's end and no full stop is added."""

from __future__ import annotations

from collections.abc import Iterable

ELLIPSIS = "..."


def control(label: str) -> str:
    """A button named in running text, without the "..." that marks it opens a dialog ("Bagi kelompok..." ->
    "Bagi kelompok"), so the punctuation after it never doubles."""
    text = label.strip()
    return text.removesuffix(ELLIPSIS).rstrip() if text.endswith(ELLIPSIS) else text


def sentence(text: str) -> str:
    """The text ending with one full stop: ".." becomes "."; a text ending in "...", "?" or "!" is kept."""
    body = text.strip()
    if not body or body.endswith(("?", "!", ELLIPSIS)):
        return body
    return body.rstrip(". ") + "."


def join_sentences(parts: Iterable[str]) -> str:
    """The non-empty parts as sentences, one space apart."""
    return " ".join(sentence(p) for p in parts if p.strip())
