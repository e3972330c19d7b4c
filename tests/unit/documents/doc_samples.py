"""Sample inputs for the document tests and a helper that reads a PDF back with pypdf (not a test module)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from ukom_desktop.documents.model import (
    AssignmentData,
    AttendanceSheetData,
    EventInfo,
    EventReportData,
    LetterData,
    Letterhead,
    MinutesData,
    MinutesParty,
    Person,
    RundownData,
    RundownDay,
    RundownItem,
    Signatory,
    SpeechOutlineData,
    TeamMember,
    UnitFigures,
)

LETTERHEAD = Letterhead(
    ("KEMENTERIAN HUKUM DAN HAK ASASI MANUSIA", "SEKRETARIAT JENDERAL", "PUSAT PENILAIAN KOMPETENSI"),
    address="Jalan H.R. Rasuna Said Kav. 6-7, Kuningan, Jakarta Selatan 12940",
    phone="(021) 5253004", email="ppk@example.go.id", website="www.example.go.id", city="Jakarta",
)
SIGNATORY = Signatory("Dr. Hendra Kusuma, S.H., M.Si.", "Kepala Pusat Penilaian Kompetensi",
                      nip="196811151992021002", golongan="IV/c")
EVENT = EventInfo("Penilaian Kompetensi Manajerial Tahun 2026", date(2026, 11, 23),
                  venue="Gedung Assessment Center Lantai 3", agenda="Penilaian kompetensi")
RECIPIENT = Person("Budi Santoso, S.Kom.", "198609262015051001", "III/c", "Analis SDM Aparatur Ahli Muda",
                   "Biro Kepegawaian")


@dataclass
class Pdf:
    path: Path
    pages: list[str]
    sizes: list[tuple[float, float]]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with line breaks and repeated spaces folded (wrapped lines join up)."""
        return re.sub(r"\s+", " ", self.text)


def read_pdf(source: Path | bytes) -> Pdf:
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    pages = [page.extract_text() or "" for page in reader.pages]
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    return Pdf(source if isinstance(source, Path) else Path("-"), pages, sizes)


def people(count: int, prefix: str = "Peserta") -> tuple[Person, ...]:
    return tuple(
        Person(f"{prefix} {i:02d} Wijaya", f"1986092620150510{i:02d}", ("III/a", "III/b", "III/c")[i % 3],
               "Analis Kebijakan Ahli Pertama", f"Direktorat {i % 4 + 1}")
        for i in range(1, count + 1)
    )


def sample_letter() -> LetterData:
    return LetterData(
        LETTERHEAD, SIGNATORY, "SDM.1.2-123/KP.01.01/XI/2026", date(2026, 11, 9), "Undangan Penilaian Kompetensi",
        EVENT, recipient=RECIPIENT, contact="Sdr. Andi Wijaya (0812 3456 7890)", sifat="Segera",
        copies=("Sekretaris Jenderal", "Kepala Biro Kepegawaian"),
    )


def sample_assignment() -> AssignmentData:
    roles = ("Ketua Tim", "Asesor", "Asesor", "Admin Penilaian Kompetensi")
    team = tuple(TeamMember(p, roles[i]) for i, p in enumerate(people(4, "Asesor")))
    return AssignmentData(LETTERHEAD, SIGNATORY, "SDM.1.2-124/KP.01.01/XI/2026", date(2026, 11, 16), EVENT, team)


def sample_attendance() -> AttendanceSheetData:
    committee = Signatory("Andi Wijaya, S.Psi.", "Ketua Panitia", nip="198809122014021003", golongan="III/c")
    return AttendanceSheetData(EVENT.name, EVENT.start, EVENT.venue, "Gelombang I, Sesi Pagi", people(30),
                               signatory=committee, place="Jakarta")


def sample_rundown() -> RundownData:
    return RundownData(EVENT.name, (
        RundownDay(date(2026, 11, 23), (RundownItem("07.30 - 08.00", "Registrasi peserta", "Panitia", "Lobi"),
                                        RundownItem("08.00 - 08.30", "Pembukaan", "Kepala Pusat", "Aula"))),
        RundownDay(date(2026, 11, 24), (RundownItem("08.00 - 12.00", "Wawancara kompetensi", "Tim Asesor",
                                                    "Ruang Wawancara"),)),
    ), venue=EVENT.venue)


def sample_event_report() -> EventReportData:
    return EventReportData(
        EVENT, 30, 28, 27,
        (UnitFigures("Direktorat Jenderal Imigrasi", 12, 11, 11), UnitFigures("Badan Strategi Kebijakan", 18, 17, 16)),
        notes=("Tiga peserta tidak hadir karena sakit.",), letterhead=LETTERHEAD, signatory=SIGNATORY,
        date=date(2026, 11, 25), place="Jakarta",
    )


def sample_speech() -> SpeechOutlineData:
    return SpeechOutlineData(EVENT, speaker="Kepala Pusat Penilaian Kompetensi", invited=30, present=27)


def sample_minutes() -> MinutesData:
    chair = Signatory("Rina Marlina, S.Psi., M.Psi.", "Asesor SDM Aparatur Ahli Madya", nip="197501152000032001",
                      golongan="IV/a")
    committee = Signatory("Andi Wijaya, S.Psi.", "Ketua Panitia", nip="198809122014021003", golongan="III/c")
    return MinutesData(
        LETTERHEAD, "SDM.1.2-130/KP.01.01/XI/2026", EVENT,
        (("Jumlah peserta yang diundang", "30 (tiga puluh) orang"), ("Jumlah peserta yang hadir", "27 orang")),
        (MinutesParty("Ketua Tim Asesor,", chair), MinutesParty("Ketua Panitia,", committee),
         MinutesParty("Mengetahui,", SIGNATORY)),
        notes=("Kegiatan berjalan tertib.",),
    )
