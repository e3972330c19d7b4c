"""Who may do what: the one permission table (role -> actions) and the acting user.

Services check it (services/access.py), the window and the CLI only ask it what to show. Pure data
and pure functions: no database, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

ADMIN = "admin"
SEKRETARIAT = "sekretariat"
ASESOR = "asesor"
QC = "qc"
PIMPINAN = "pimpinan"

ROLES: tuple[str, ...] = (ADMIN, SEKRETARIAT, ASESOR, QC, PIMPINAN)

ROLE_LABELS: dict[str, str] = {
    ADMIN: "Administrator",
    SEKRETARIAT: "Sekretariat",
    ASESOR: "Asesor",
    QC: "Reviewer QC",
    PIMPINAN: "Pimpinan",
}

# Actions: one name per kind of thing a service changes or reveals.
READ_EVENTS = "kegiatan.lihat"  # the list of events and the event's own data
MANAGE_EVENTS = "kegiatan.kelola"  # events, agenda, waves, rooms, competency standards of an event
MANAGE_PARTICIPANTS = "peserta.kelola"
READ_PARTICIPANTS = "peserta.lihat"  # an asesor sees only the participants assigned to them
MANAGE_TEAM = "tim.kelola"  # assessor roster and the event's team
MANAGE_SCHEDULE = "jadwal.kelola"
PRINT_LETTERS = "surat.cetak"  # invitations, summons, assignment, attendance, rundown, minutes ...
RATE = "penilaian.isi"  # own ratings only (the assessor linked to the user)
RATING_PROGRESS = "penilaian.progres"  # counts of filled and missing cells, never levels
INTEGRATE = "integrasi.putuskan"  # only as the participant's lead assessor, or as reviewer QC
EDIT_REPORT = "laporan.susun"  # write and submit a report (lead assessor or reviewer QC)
REVIEW_REPORT = "laporan.tinjau"  # return, approve, deliver, new revision, assign reviewers
READ_RESULTS = "hasil.lihat"  # levels, JPM, results (pimpinan: approved reports only)
EXPORT_RESULTS = "hasil.ekspor"  # results workbook, recap, psychograms, individual reports
ASSESSOR_EVALUATION = "evaluasi_asesor.lihat"
MANAGE_USERS = "pengguna.kelola"
MANAGE_SETTINGS = "pengaturan.kelola"  # settings, institution profile, signatories, templates, dictionary
DATABASE_TOOLS = "basis_data.kelola"  # backup, restore, encrypt, upgrade
READ_AUDIT = "audit.lihat"
# Exercise materials (issue 17): case material is confidential; only the secretariat handles it, reviewer QC
# reads it to judge reports against the case. An asesor gets the printed booklets in the room, not the files.
READ_MATERIALS = "materi.lihat"  # list versions and files, the re-use check
MANAGE_MATERIALS = "materi.kelola"  # import files, change status, map paket soal, record returned booklets
PRINT_MATERIALS = "materi.cetak"  # numbered booklets and the room's papers (answer sheets, forms, guides, handover)
EXPORT_MATERIALS = "materi.ekspor"  # save a stored file out of the database
EXPORT_PACKAGES = "paket.buat"  # encrypted assessor packages (issue 14)
MERGE_PACKAGES = "paket.gabung"  # importing returned packages and deciding their conflicts

ACTION_LABELS: dict[str, str] = {
    READ_EVENTS: "melihat daftar kegiatan",
    MANAGE_EVENTS: "menyiapkan kegiatan",
    READ_PARTICIPANTS: "melihat peserta",
    MANAGE_PARTICIPANTS: "mengelola peserta",
    MANAGE_TEAM: "mengelola daftar asesor dan tim",
    MANAGE_SCHEDULE: "menyusun jadwal",
    PRINT_LETTERS: "mencetak surat kegiatan",
    RATE: "mengisi penilaian",
    RATING_PROGRESS: "melihat progres penilaian (jumlah)",
    EXPORT_PACKAGES: "membuat paket asesor",
    MERGE_PACKAGES: "menggabungkan paket asesor dan memutuskan konflik",
    INTEGRATE: "memutuskan integrasi",
    EDIT_REPORT: "menyusun laporan individu",
    REVIEW_REPORT: "meninjau (QC) laporan",
    READ_RESULTS: "melihat hasil penilaian",
    EXPORT_RESULTS: "mengekspor atau mencetak hasil",
    ASSESSOR_EVALUATION: "melihat evaluasi asesor",
    MANAGE_USERS: "mengelola pengguna",
    MANAGE_SETTINGS: "mengubah pengaturan dan profil instansi",
    DATABASE_TOOLS: "mengelola basis data (cadangan, enkripsi)",
    READ_AUDIT: "melihat catatan audit",
    READ_MATERIALS: "melihat materi soal",
    MANAGE_MATERIALS: "mengelola materi soal",
    PRINT_MATERIALS: "mencetak buku soal dan perlengkapan ruang ujian",
    EXPORT_MATERIALS: "mengekspor berkas materi soal",
}

PERMISSIONS: dict[str, frozenset[str]] = {
    ADMIN: frozenset({READ_EVENTS, MANAGE_USERS, MANAGE_SETTINGS, DATABASE_TOOLS, READ_AUDIT}),
    SEKRETARIAT: frozenset({
        READ_EVENTS, MANAGE_EVENTS, READ_PARTICIPANTS, MANAGE_PARTICIPANTS, MANAGE_TEAM, MANAGE_SCHEDULE,
        PRINT_LETTERS, RATING_PROGRESS, READ_MATERIALS, MANAGE_MATERIALS, PRINT_MATERIALS, EXPORT_MATERIALS,
        EXPORT_PACKAGES, MERGE_PACKAGES,
    }),
    ASESOR: frozenset({READ_EVENTS, READ_PARTICIPANTS, RATE, INTEGRATE, EDIT_REPORT}),
    QC: frozenset({
        READ_EVENTS, READ_PARTICIPANTS, RATE, RATING_PROGRESS, INTEGRATE, EDIT_REPORT, REVIEW_REPORT,
        READ_RESULTS, EXPORT_RESULTS, ASSESSOR_EVALUATION, READ_AUDIT, READ_MATERIALS, MERGE_PACKAGES,
    }),
    PIMPINAN: frozenset({READ_EVENTS, READ_PARTICIPANTS, RATING_PROGRESS, READ_RESULTS, EXPORT_RESULTS,
                         ASSESSOR_EVALUATION}),
}

# Actions an asesor holds only for some participants (assigned, lead assessor); the service narrows them.
SCOPED_TO_ASSIGNED: frozenset[str] = frozenset({READ_PARTICIPANTS, RATE, INTEGRATE, EDIT_REPORT})


@dataclass(frozen=True)
class Actor:
    """The signed-in user, as services see it (never a Qt or ORM object)."""

    id: int
    username: str
    roles: frozenset[str] = field(default_factory=frozenset)
    assessor_id: int | None = None  # the team member (roster person) linked to an asesor or reviewer QC
    full_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.full_name} ({self.username})" if self.full_name else self.username

    def has_role(self, role: str) -> bool:
        return role in self.roles


def allowed(roles: frozenset[str] | set[str] | tuple[str, ...], action: str) -> bool:
    """True when any of the roles grants the action."""
    return any(action in PERMISSIONS.get(role, frozenset()) for role in roles)


def sees_everything_of_event(roles: frozenset[str] | set[str]) -> bool:
    """Roles that see every participant of an event (everyone but a plain asesor)."""
    return any(role in roles for role in (ADMIN, SEKRETARIAT, QC, PIMPINAN))


def refusal(actor: Actor | None, action: str) -> str:
    """The sentence a refused user reads."""
    what = ACTION_LABELS.get(action, action)
    if actor is None:
        return f"Masuk (login) terlebih dahulu: basis data ini memakai akun pengguna ({what})."
    roles = ", ".join(ROLE_LABELS.get(r, r) for r in sorted(actor.roles)) or "tanpa peran"
    return f"Akses ditolak: pengguna {actor.username} ({roles}) tidak berhak {what}."


def parse_roles(text: str) -> frozenset[str]:
    return frozenset(r.strip() for r in (text or "").split(",") if r.strip() in ROLES)


def permission_rows() -> list[tuple[str, list[bool]]]:
    """The table as rows (action label, allowed per role in ROLES), for the README and the window."""
    return [(ACTION_LABELS[a], [a in PERMISSIONS[r] for r in ROLES]) for a in ACTION_LABELS]


def local_when(when: datetime) -> tuple[str, str]:
    """('6 Desember 2026', '14.05') in the computer's local time."""
    from ukom_desktop.domain.dates import format_date_id

    local = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone()
    return format_date_id(local), f"{local:%H.%M}"


def printed_by(name: str, when: datetime) -> str:
    """The footer line of a printed confidential document, so a leaked copy can be traced."""
    day, clock = local_when(when)
    return f"Dicetak oleh {name}, tanggal {day} pukul {clock}"
