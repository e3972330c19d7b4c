"""9-box talent placement (kotak manajemen talenta), domain.md 3.2-3.3.

Potential (tinggi/menengah/rendah) x performance (di atas/sesuai/di bawah ekspektasi) -> box 1..9:

                    kinerja di bawah   sesuai   di atas
    potensial tinggi        6            8        9
    potensial menengah      3            5        7
    potensial rendah        1            2        4

The numbering agrees across sources; the recommendations follow the commonly cited Lampiran of
PermenPAN-RB 3/2020 (UNVERIFIED against the regulation text). Which axis is drawn vertically
varies between agencies, so the grid helpers take an orientation.
"""

from __future__ import annotations

import re
from enum import StrEnum


class PotentialBand(StrEnum):
    RENDAH = "rendah"
    MENENGAH = "menengah"
    TINGGI = "tinggi"


class PerformanceBand(StrEnum):
    DI_BAWAH = "di_bawah"
    SESUAI = "sesuai"
    DI_ATAS = "di_atas"


POTENTIAL_BANDS: tuple[PotentialBand, ...] = (
    PotentialBand.RENDAH,
    PotentialBand.MENENGAH,
    PotentialBand.TINGGI,
)
PERFORMANCE_BANDS: tuple[PerformanceBand, ...] = (
    PerformanceBand.DI_BAWAH,
    PerformanceBand.SESUAI,
    PerformanceBand.DI_ATAS,
)

POTENTIAL_LABELS: dict[PotentialBand, str] = {
    PotentialBand.TINGGI: "Potensial Tinggi",
    PotentialBand.MENENGAH: "Potensial Menengah",
    PotentialBand.RENDAH: "Potensial Rendah",
}
PERFORMANCE_LABELS: dict[PerformanceBand, str] = {
    PerformanceBand.DI_ATAS: "Kinerja di Atas Ekspektasi",
    PerformanceBand.SESUAI: "Kinerja Sesuai Ekspektasi",
    PerformanceBand.DI_BAWAH: "Kinerja di Bawah Ekspektasi",
}

BOX_TABLE: dict[tuple[PotentialBand, PerformanceBand], int] = {
    (PotentialBand.TINGGI, PerformanceBand.DI_BAWAH): 6,
    (PotentialBand.TINGGI, PerformanceBand.SESUAI): 8,
    (PotentialBand.TINGGI, PerformanceBand.DI_ATAS): 9,
    (PotentialBand.MENENGAH, PerformanceBand.DI_BAWAH): 3,
    (PotentialBand.MENENGAH, PerformanceBand.SESUAI): 5,
    (PotentialBand.MENENGAH, PerformanceBand.DI_ATAS): 7,
    (PotentialBand.RENDAH, PerformanceBand.DI_BAWAH): 1,
    (PotentialBand.RENDAH, PerformanceBand.SESUAI): 2,
    (PotentialBand.RENDAH, PerformanceBand.DI_ATAS): 4,
}
_BANDS_OF_BOX: dict[int, tuple[PotentialBand, PerformanceBand]] = {box: key for key, box in BOX_TABLE.items()}

BOXES: tuple[int, ...] = tuple(range(1, 10))
SUCCESSION_BOXES: frozenset[int] = frozenset({7, 8, 9})  # talent pool for succession/promotion

# Recommendations per box (UNVERIFIED against the 3/2020 Lampiran; editable by the agency).
BOX_RECOMMENDATIONS: dict[int, tuple[str, ...]] = {
    9: (
        "Dipromosikan dan dipertahankan",
        "Masuk kelompok rencana suksesi instansi/nasional",
        "Mendapat penghargaan",
    ),
    8: (
        "Dipertahankan",
        "Masuk kelompok rencana suksesi instansi",
        "Rotasi/perluasan jabatan (job enlargement)",
        "Bimbingan kinerja",
    ),
    7: (
        "Dipertahankan",
        "Masuk kelompok rencana suksesi instansi",
        "Rotasi/pengayaan jabatan (job enrichment)",
        "Pengembangan kompetensi",
        "Tugas belajar",
    ),
    6: ("Penempatan yang sesuai", "Bimbingan kinerja", "Konseling kinerja"),
    5: ("Penempatan yang sesuai", "Bimbingan kinerja", "Pengembangan kompetensi"),
    4: ("Rotasi", "Pengembangan kompetensi"),
    3: ("Bimbingan kinerja", "Konseling kinerja", "Pengembangan kompetensi", "Penempatan yang sesuai"),
    2: ("Bimbingan kinerja", "Pengembangan kompetensi", "Penempatan yang sesuai"),
    1: ("Diproses sesuai dengan ketentuan peraturan perundang-undangan",),
}


class NineBoxError(ValueError):
    """A box or band that does not exist; the message is in Bahasa Indonesia."""


def _key(text: str) -> str:
    return re.sub(r"[^a-z]+", "", text.lower())


_POTENTIAL_WORDS: dict[str, PotentialBand] = {
    "tinggi": PotentialBand.TINGGI,
    "high": PotentialBand.TINGGI,
    "menengah": PotentialBand.MENENGAH,
    "sedang": PotentialBand.MENENGAH,
    "medium": PotentialBand.MENENGAH,
    "rendah": PotentialBand.RENDAH,
    "low": PotentialBand.RENDAH,
}
_PERFORMANCE_WORDS: dict[str, PerformanceBand] = {
    "diatas": PerformanceBand.DI_ATAS,
    "atas": PerformanceBand.DI_ATAS,
    "tinggi": PerformanceBand.DI_ATAS,
    "above": PerformanceBand.DI_ATAS,
    "sesuai": PerformanceBand.SESUAI,
    "sedang": PerformanceBand.SESUAI,
    "menengah": PerformanceBand.SESUAI,
    "meets": PerformanceBand.SESUAI,
    "dibawah": PerformanceBand.DI_BAWAH,
    "bawah": PerformanceBand.DI_BAWAH,
    "rendah": PerformanceBand.DI_BAWAH,
    "below": PerformanceBand.DI_BAWAH,
}


def parse_potential_band(value: str | PotentialBand) -> PotentialBand:
    """Read a potential band: "tinggi", "Potensial Tinggi", "SEDANG" and the like."""
    if isinstance(value, PotentialBand):
        return value
    key = re.sub(r"^(potensial|potensi)", "", _key(str(value)))
    try:
        return _POTENTIAL_WORDS[key]
    except KeyError:
        raise NineBoxError(
            f"Kategori potensial '{value}' tidak dikenal; gunakan tinggi, menengah, atau rendah."
        ) from None


def parse_performance_band(value: str | PerformanceBand) -> PerformanceBand:
    """Read a performance band: "di_atas", "Kinerja di Atas Ekspektasi", "sesuai ekspektasi" and the like."""
    if isinstance(value, PerformanceBand):
        return value
    key = re.sub(r"ekspektasi$", "", re.sub(r"^kinerja", "", _key(str(value))))
    try:
        return _PERFORMANCE_WORDS[key]
    except KeyError:
        raise NineBoxError(
            f"Kategori kinerja '{value}' tidak dikenal; gunakan di atas, sesuai, atau di bawah ekspektasi."
        ) from None


def box_number(potential: str | PotentialBand, performance: str | PerformanceBand) -> int:
    """Box 1..9 for a potential band and a performance band (domain.md 3.3)."""
    return BOX_TABLE[(parse_potential_band(potential), parse_performance_band(performance))]


def _check_box(box: int) -> int:
    if isinstance(box, bool) or box not in _BANDS_OF_BOX:
        raise NineBoxError(f"Kotak {box} tidak ada; nomor kotak adalah 1 sampai 9.")
    return box


def box_bands(box: int) -> tuple[PotentialBand, PerformanceBand]:
    """The (potential, performance) bands of a box; the inverse of box_number."""
    return _BANDS_OF_BOX[_check_box(box)]


def box_label(box: int) -> str:
    return f"Kotak {_check_box(box)}"


def box_description(box: int) -> str:
    """Both bands in words, e.g. "Potensial Tinggi, Kinerja di Atas Ekspektasi"."""
    potential, performance = box_bands(box)
    return f"{POTENTIAL_LABELS[potential]}, {PERFORMANCE_LABELS[performance]}"


def box_recommendations(box: int) -> tuple[str, ...]:
    return BOX_RECOMMENDATIONS[_check_box(box)]


def is_succession_box(box: int) -> bool:
    return _check_box(box) in SUCCESSION_BOXES


# ---------------------------------------------------------------------------------------------
# Drawing


class GridOrientation(StrEnum):
    """Which axis runs up the page. The higher band is always at the top and on the right."""

    POTENTIAL_VERTICAL = "potensial_vertikal"  # rows = potential, columns = performance (table above)
    PERFORMANCE_VERTICAL = "kinerja_vertikal"  # rows = performance, columns = potential


DEFAULT_ORIENTATION = GridOrientation.POTENTIAL_VERTICAL


def _potential_on_rows(orientation: GridOrientation | str) -> bool:
    try:
        return GridOrientation(orientation) is GridOrientation.POTENTIAL_VERTICAL
    except ValueError:
        raise NineBoxError(f"Orientasi kotak '{orientation}' tidak dikenal.") from None


def grid_cell(box: int, orientation: GridOrientation | str = DEFAULT_ORIENTATION) -> tuple[int, int]:
    """(row, col) of a box in the 3 x 3 grid; row 0 is the top row, col 0 the left column."""
    potential, performance = box_bands(box)
    p, k = POTENTIAL_BANDS.index(potential), PERFORMANCE_BANDS.index(performance)
    return (2 - p, k) if _potential_on_rows(orientation) else (2 - k, p)


def box_at(row: int, col: int, orientation: GridOrientation | str = DEFAULT_ORIENTATION) -> int:
    """The box drawn at (row, col); the inverse of grid_cell."""
    if not (0 <= row <= 2 and 0 <= col <= 2):
        raise NineBoxError(f"Sel ({row}, {col}) berada di luar kisi 3 x 3.")
    if _potential_on_rows(orientation):
        return BOX_TABLE[(POTENTIAL_BANDS[2 - row], PERFORMANCE_BANDS[col])]
    return BOX_TABLE[(POTENTIAL_BANDS[col], PERFORMANCE_BANDS[2 - row])]


def grid_layout(orientation: GridOrientation | str = DEFAULT_ORIENTATION) -> tuple[tuple[int, ...], ...]:
    """Box numbers row by row, top row first: ((6, 8, 9), (3, 5, 7), (1, 2, 4)) by default."""
    return tuple(tuple(box_at(row, col, orientation) for col in range(3)) for row in range(3))


def axis_labels(
    orientation: GridOrientation | str = DEFAULT_ORIENTATION,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(row labels top to bottom, column labels left to right) for the chart."""
    potential = tuple(POTENTIAL_LABELS[b] for b in POTENTIAL_BANDS)
    performance = tuple(PERFORMANCE_LABELS[b] for b in PERFORMANCE_BANDS)
    if _potential_on_rows(orientation):
        return potential[::-1], performance
    return performance[::-1], potential


def axis_titles(orientation: GridOrientation | str = DEFAULT_ORIENTATION) -> tuple[str, str]:
    """(vertical axis title, horizontal axis title)."""
    if _potential_on_rows(orientation):
        return "Potensial", "Kinerja"
    return "Kinerja", "Potensial"
