"""The documented limits of what an import reads (issue 12 item 6), in one place.

A file beyond any of them is refused with a sentence before it is read, so a hostile or broken file
(a value in cell XFD1048576, a zip bomb, a 1 GB CSV) can neither exhaust memory nor stop the window.
README "Keandalan" lists the same numbers.
"""

from __future__ import annotations

MAX_FILE_BYTES = 100 * 1024 * 1024  # the file as stored on disk
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024  # all parts of an xlsx/ods archive once unpacked
MAX_COMPRESSION_RATIO = 200  # unpacked size / packed size of one archive part (zip bombs reach thousands)
MAX_ROWS = 100_000  # rows of one sheet (the 20,000-row benchmark stays far below)
MAX_COLUMNS = 200  # columns of one sheet
MAX_CELL_CHARS = 32_767  # characters in one cell, Excel's own limit
MAX_CSV_FIELD_CHARS = 131_072  # characters in one CSV field (Python's csv default limit)

# Column lengths of the database (db/models/participant.py); the import checks them per row so that a
# 10,000-character name is a rejected row on SQLite and on PostgreSQL alike, never a failed import.
PARTICIPANT_FIELD_LENGTHS = {
    "nama": 150,
    "tempat_lahir": 100,
    "jabatan": 250,
    "unit": 250,
    "instansi": 250,
    "no_hp": 40,
    "email": 150,
    "jabatan_sasaran": 250,
}

# The same for the assessor roster (db/models/team.py, TeamMember): record attribute -> (label, length).
TEAM_FIELD_LENGTHS = {
    "name": ("Nama", 150), "jabatan": ("Jabatan", 250), "jf_jenjang": ("Jenjang", 60), "unit": ("Unit kerja", 250),
    "agency": ("Instansi", 250), "certification": ("Sertifikasi", 150), "phone": ("No. HP", 40),
    "email": ("Email", 150),
}


def too_long(label: str, value: str, limit: int) -> str | None:
    """The sentence for a value longer than its database column, or None."""
    if len(value) <= limit:
        return None
    return f"{label} terlalu panjang ({len(value)} karakter; paling banyak {limit})"


def megabytes(size: int) -> str:
    """300 MB: sizes in the sentences a user reads."""
    return f"{size / (1024 * 1024):,.0f} MB".replace(",", ".")


def thousands(number: int) -> str:
    """100.000: counts in the sentences a user reads."""
    return f"{number:,}".replace(",", ".")
