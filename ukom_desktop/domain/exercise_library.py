"""The default exercise library (alat ukur) and the usual exercise x competency matrix.

Durations follow common assessment-centre practice (domain.md 9); users edit all of it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExerciseSeed:
    code: str
    name: str
    kind: str  # "whole_wave" | "group" | "one_to_one"
    duration_minutes: int
    description: str
    measures: tuple[str, ...]  # competency codes usually measured


ALL_NINE = ("M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01")

EXERCISES: tuple[ExerciseSeed, ...] = (
    ExerciseSeed("PSI", "Psikotes", "whole_wave", 120,
                 "Tes psikologi tertulis untuk aspek potensi.", ()),
    ExerciseSeed("INB", "In-Basket", "whole_wave", 120,
                 "Simulasi penanganan surat dan disposisi dalam batas waktu.",
                 ("M.01", "M.04", "M.06", "M.07", "M.08")),
    ExerciseSeed("LGD", "Diskusi Kelompok Tanpa Pemimpin (LGD)", "group", 60,
                 "Diskusi kelompok 4-8 peserta untuk mencapai keputusan bersama.",
                 ("M.02", "M.03", "M.05", "M.08", "SK.01")),
    ExerciseSeed("RP", "Role Play", "one_to_one", 40,
                 "Simulasi percakapan dengan bawahan, rekan kerja atau pemangku kepentingan.",
                 ("M.02", "M.03", "M.05", "M.06", "SK.01")),
    ExerciseSeed("PRS", "Presentasi", "one_to_one", 40,
                 "Penyajian gagasan di hadapan asesor dan tanya jawab.",
                 ("M.03", "M.04", "M.07")),
    ExerciseSeed("AK", "Analisis Kasus", "one_to_one", 40,
                 "Analisis tertulis atas kasus organisasi dan rekomendasinya.",
                 ("M.04", "M.07", "M.08")),
    ExerciseSeed("WWC", "Wawancara Berbasis Kompetensi", "one_to_one", 60,
                 "Wawancara perilaku untuk menggali bukti setiap kompetensi.", ALL_NINE),
)
