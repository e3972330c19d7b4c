"""The title of the official who heads an organisation unit, for "Yth." lines and tembusan.

"Pimpinan Sekretariat Jenderal" is not how a letter names the Sekretaris Jenderal: the head of a unit
is named by its office (Sekretariat Jenderal -> Sekretaris Jenderal, Badan X -> Kepala Badan X).
A name that is already an office title is kept; an unknown kind of unit gets "Pimpinan <unit>".
"""

from __future__ import annotations

import re

# unit prefix -> head title prefix; the rest of the name follows unchanged
_UNIT_HEADS: tuple[tuple[str, str], ...] = (
    ("Sekretariat Jenderal", "Sekretaris Jenderal"),
    ("Sekretariat Utama", "Sekretaris Utama"),
    ("Sekretariat Daerah", "Sekretaris Daerah"),
    ("Sekretariat Kabinet", "Sekretaris Kabinet"),
    ("Sekretariat", "Sekretaris"),
    ("Inspektorat Jenderal", "Inspektur Jenderal"),
    ("Inspektorat Utama", "Inspektur Utama"),
    ("Inspektorat", "Inspektur"),
    ("Direktorat Jenderal", "Direktur Jenderal"),
    ("Direktorat", "Direktur"),
    ("Deputi Bidang", "Deputi Bidang"),
    ("Kementerian", "Menteri"),
    ("Pemerintah Provinsi", "Gubernur"),
    ("Pemerintah Kabupaten", "Bupati"),
    ("Pemerintah Kota", "Wali Kota"),
)
_HEADED_BY_KEPALA = ("Badan", "Biro", "Pusat", "Dinas", "Kantor", "Balai", "Bagian", "Lembaga", "Unit",
                     "Bidang", "Subdirektorat", "Seksi", "Kanwil", "Kantor Wilayah")
_ALREADY_TITLES = ("Menteri", "Sekretaris", "Inspektur", "Direktur", "Kepala", "Deputi", "Gubernur", "Bupati",
                   "Wali Kota", "Walikota", "Pimpinan", "Ketua", "Asisten", "Staf Ahli")


def head_of(unit: str) -> str:
    """"Sekretariat Jenderal" -> "Sekretaris Jenderal"; "Badan Kepegawaian Negara" -> "Kepala Badan ..."."""
    name = re.sub(r"\s+", " ", (unit or "").strip())
    if not name:
        return ""
    lowered = name.casefold()
    for title in _ALREADY_TITLES:
        if lowered.startswith(title.casefold() + " ") or lowered == title.casefold():
            return name
    for prefix, title in _UNIT_HEADS:
        if lowered == prefix.casefold() or lowered.startswith(prefix.casefold() + " "):
            return title + name[len(prefix):]
    for word in _HEADED_BY_KEPALA:
        if lowered.startswith(word.casefold() + " ") or lowered == word.casefold():
            return f"Kepala {name}"
    return f"Pimpinan {name}"
