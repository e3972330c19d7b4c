"""Plain input dataclasses of the printed documents (no database session, no Qt).

Services fill these from the database; the documents package only lays them out.
Dates are datetime.date; NIPs may be given in any spelling (they are printed 8-6-1-3);
golongan is the canonical "III/b" form and the pangkat is derived from it unless given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from ukom_desktop.domain.golongan import normalize_golongan, pangkat_golongan, pangkat_of

PaperSize = Literal["A4", "F4"]
SignPrefix = Literal["", "a.n.", "plt.", "plh."]


@dataclass(frozen=True)
class Letterhead:
    """Kop surat: up to three agency lines (the first printed largest), contact line and logo."""

    agency_lines: tuple[str, ...]
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    logo: str | Path | bytes | None = None

    def __post_init__(self) -> None:
        if not self.agency_lines or len(self.agency_lines) > 3:
            raise ValueError("Kop surat harus memuat satu sampai tiga baris nama instansi.")


@dataclass(frozen=True)
class Person:
    """A participant or a team member as printed in tables and letters."""

    name: str
    nip: str = ""
    golongan: str = ""
    jabatan: str = ""
    unit_kerja: str = ""
    pangkat: str = ""

    @property
    def golongan_canonical(self) -> str:
        return normalize_golongan(self.golongan) or self.golongan

    @property
    def pangkat_name(self) -> str:
        return self.pangkat or pangkat_of(normalize_golongan(self.golongan))

    @property
    def pangkat_gol(self) -> str:
        """"Penata Muda Tingkat I, III/b" (or whatever part is known)."""
        gol = normalize_golongan(self.golongan)
        if self.pangkat:
            return f"{self.pangkat}, {gol}" if gol else self.pangkat
        return pangkat_golongan(gol) if gol else self.golongan


@dataclass(frozen=True)
class Signatory:
    """Who signs. prefix "a.n." needs `principal` (the office signed for); "plt."/"plh." act for `jabatan`."""

    name: str
    jabatan: str
    nip: str = ""
    golongan: str = ""
    prefix: SignPrefix = ""
    principal: str = ""
    pangkat: str = ""

    @property
    def pangkat_name(self) -> str:
        return self.pangkat or pangkat_of(normalize_golongan(self.golongan))


@dataclass(frozen=True)
class EventInfo:
    """The activity a document is about, with its schedule block (hari/tanggal, waktu, tempat, acara)."""

    name: str
    start: date
    end: date | None = None
    time: str = "08.00 WIB s.d. selesai"
    venue: str = ""
    agenda: str = ""


@dataclass(frozen=True)
class LetterData:
    """Surat undangan or surat pemanggilan.

    With `recipient` it is a personal letter; with `participants` it is one collective letter whose
    participant list is printed as Lampiran. `addressee` lines follow "Yth."; when empty they are built
    from the recipient (or say "Bapak/Ibu sebagaimana tercantum dalam Lampiran").
    """

    letterhead: Letterhead
    signatory: Signatory
    number: str
    date: date
    subject: str
    event: EventInfo
    recipient: Person | None = None
    participants: tuple[Person, ...] = ()
    addressee: tuple[str, ...] = ()
    sifat: str = "Biasa"
    attachment: str = ""
    place: str = ""
    contact: str = ""
    copies: tuple[str, ...] = ()
    template: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    paper: PaperSize = "A4"
    attachment_title: str = ""


@dataclass(frozen=True)
class TeamMember:
    person: Person
    role: str


@dataclass(frozen=True)
class AssignmentData:
    """Surat Tugas for the assessor team. Empty `basis`/`tasks` take the default template lines."""

    letterhead: Letterhead
    signatory: Signatory
    number: str
    date: date
    event: EventInfo
    team: tuple[TeamMember, ...]
    basis: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    place: str = ""
    copies: tuple[str, ...] = ()
    title: str = "SURAT TUGAS"
    basis_template: str | None = None
    tasks_template: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class AttendanceSheetData:
    """Daftar hadir of one wave/session. `letterhead` is optional (many units print it without kop)."""

    activity: str
    date: date
    venue: str
    session: str
    participants: tuple[Person, ...]
    signatory: Signatory | None = None
    signatory_caption: str = "Panitia Penyelenggara,"
    place: str = ""
    letterhead: Letterhead | None = None
    title: str = "DAFTAR HADIR"
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class RundownItem:
    time: str
    activity: str
    executor: str = ""
    venue: str = ""


@dataclass(frozen=True)
class RundownDay:
    date: date
    items: tuple[RundownItem, ...]


@dataclass(frozen=True)
class RundownData:
    """Susunan acara: one table per day with waktu / acara / pelaksana / tempat."""

    activity: str
    days: tuple[RundownDay, ...]
    venue: str = ""
    letterhead: Letterhead | None = None
    title: str = "SUSUNAN ACARA"
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class UnitFigures:
    unit: str
    invited: int
    confirmed: int
    present: int


@dataclass(frozen=True)
class EventReportData:
    """Figures page of the laporan penyelenggaraan (invited, confirmed, present, by unit)."""

    event: EventInfo
    invited: int
    confirmed: int
    present: int
    by_unit: tuple[UnitFigures, ...] = ()
    notes: tuple[str, ...] = ()
    letterhead: Letterhead | None = None
    signatory: Signatory | None = None
    date: date | None = None
    place: str = ""
    template: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    title: str = "LAPORAN PENYELENGGARAAN"
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class SpeechOutlineData:
    """Pokok-pokok sambutan: an outline of bulleted points (from the template unless `points` given).

    A point that starts with spaces or a tab is a sub-point of the previous one.
    """

    event: EventInfo
    speaker: str = ""
    invited: int = 0
    present: int = 0
    points: tuple[str, ...] = ()
    template: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    title: str = "POKOK-POKOK SAMBUTAN"
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class MinutesParty:
    """One signing party of a berita acara: caption ("Ketua Tim Asesor,") and the person."""

    caption: str
    signatory: Signatory


@dataclass(frozen=True)
class MinutesData:
    """Berita Acara Pelaksanaan: the date in words, facts as label/value, 2-3 parties signing."""

    letterhead: Letterhead
    number: str
    event: EventInfo
    facts: tuple[tuple[str, str], ...]
    parties: tuple[MinutesParty, ...]
    notes: tuple[str, ...] = ()
    date: date | None = None
    place: str = ""
    template: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)
    title: str = "BERITA ACARA PELAKSANAAN"
    paper: PaperSize = "A4"

    def __post_init__(self) -> None:
        if not 1 <= len(self.parties) <= 3:
            raise ValueError("Berita acara ditandatangani oleh satu sampai tiga pihak.")
