"""The wording of the documents as the user edited it (settings), with the shipped defaults.

Keys are those of documents.templates.DEFAULT_TEMPLATES ("undangan", "pemanggilan", "surat_tugas.dasar",
"surat_tugas.untuk", "berita_acara", "laporan", "sambutan"); the setting "documents.templates" holds only
the texts the user changed.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ukom_desktop.documents.admin_templates import ADMIN_TEMPLATE_TITLES
from ukom_desktop.documents.templates import DEFAULT_TEMPLATES, TEMPLATE_FIELDS, template_problems
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import get_setting, set_setting

SETTING_KEY = "documents.templates"

TEMPLATE_TITLES: dict[str, str] = {
    "undangan": "Surat Undangan (isi surat)",
    "pemanggilan": "Surat Pemanggilan (isi surat)",
    "surat_tugas.dasar": "Surat Tugas: Dasar (satu butir per baris)",
    "surat_tugas.untuk": "Surat Tugas: Untuk (satu butir per baris)",
    "berita_acara": "Berita Acara Pelaksanaan",
    "laporan": "Laporan Penyelenggaraan",
    "sambutan": "Pokok-Pokok Sambutan (judul bagian dan butir '- ')",
    **ADMIN_TEMPLATE_TITLES,
}


def _stored(session: Session) -> dict[str, str]:
    return dict(get_setting(session, SETTING_KEY, {}) or {})


def template_text(session: Session, key: str) -> str:
    """The user's text for `key`, or the shipped default."""
    if key not in DEFAULT_TEMPLATES:
        raise UserFacingError(f"Templat '{key}' tidak dikenal.")
    return _stored(session).get(key) or DEFAULT_TEMPLATES[key]


def problems_of(key: str, text: str) -> list[str]:
    """Problems of a template text for `key` (unknown fields, stray braces, empty)."""
    if not text.strip():
        return ["Templat tidak boleh kosong."]
    return template_problems(text, frozenset(TEMPLATE_FIELDS[key]))


def save_template(session: Session, key: str, text: str) -> None:
    """Store the user's wording; refuse a text with problems (nothing is written)."""
    if key not in DEFAULT_TEMPLATES:
        raise UserFacingError(f"Templat '{key}' tidak dikenal.")
    problems = problems_of(key, text)
    if problems:
        raise UserFacingError(" ".join(problems))
    stored = _stored(session)
    if text.strip() == DEFAULT_TEMPLATES[key].strip():
        stored.pop(key, None)
    else:
        stored[key] = text.strip()
    set_setting(session, SETTING_KEY, stored)


