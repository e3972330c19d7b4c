"""The institution profile (kop surat, city, paper size, logo) and the signatories of its letters.

Which signatory signs which kind of document is a setting: {kind: {"signatory": uuid, "prefix": "a.n."}};
a kind without its own choice is signed by the head named in the profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import InstitutionProfile
from ukom_desktop.db.models import Signatory as SignatoryRow
from ukom_desktop.documents.model import Letterhead
from ukom_desktop.documents.model import Signatory as PrintedSignatory
from ukom_desktop.domain.golongan import normalize_golongan
from ukom_desktop.domain.nip import NipError, parse_nip
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services import access
from ukom_desktop.services.settings import get_setting, set_setting

SIGNERS_KEY = "documents.signers"
PAPER_SIZES = ("A4", "F4")
SIGN_PREFIXES = ("", "a.n.", "plt.", "plh.")
MAX_LOGO_BYTES = 2 * 1024 * 1024

# The kinds of document that carry a signature, in the order the settings dialog lists them.
SIGNED_KINDS: dict[str, str] = {
    "undangan": "Surat Undangan",
    "pemanggilan": "Surat Pemanggilan",
    "surat_tugas": "Surat Tugas",
    "daftar_hadir": "Daftar Hadir",
    "laporan": "Laporan Penyelenggaraan",
    "sambutan": "Pokok-Pokok Sambutan (pemberi sambutan)",
    "berita_acara": "Berita Acara (pihak yang mengetahui)",
}


@dataclass
class ProfileData:
    """The editable profile; `kop_lines` are the one to three agency lines of the letterhead."""

    kop_lines: list[str] = field(default_factory=list)
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    logo: bytes | None = None
    logo_filename: str = ""
    paper_size: str = "A4"
    head_signatory_id: int | None = None
    version: int | None = None  # as read (0: no profile yet); a save over someone else's change is refused


@dataclass(frozen=True)
class SignatoryData:
    id: int | None
    name: str
    nip: str = ""
    golongan: str = ""
    jabatan: str = ""
    active: bool = True
    uuid: str = ""
    version: int | None = None  # as read; a save over someone else's change is refused


@dataclass(frozen=True)
class SignerChoice:
    signatory_id: int | None
    prefix: str = ""


def _profile_row(session: Session) -> InstitutionProfile | None:
    return session.scalar(select(InstitutionProfile).order_by(InstitutionProfile.id).limit(1))


def get_profile(session: Session) -> ProfileData:
    """The stored profile, or an empty one (A4) when none was entered yet."""
    row = _profile_row(session)
    if row is None:
        return ProfileData(version=0)
    lines = [line for line in (row.agency_name, row.unit_name, row.sub_unit_name) if line.strip()]
    return ProfileData(
        lines, row.address, row.phone, row.email, row.website, row.city, row.logo, row.logo_filename,
        row.paper_size if row.paper_size in PAPER_SIZES else "A4", row.head_signatory_id, row.version,
    )


def profile_is_empty(session: Session) -> bool:
    """True while no kop line is entered: letters cannot be printed yet."""
    return not get_profile(session).kop_lines


def profile_problems(data: ProfileData) -> list[str]:
    """Everything to fix before the profile can be saved, as Indonesian sentences."""
    problems: list[str] = []
    lines = [line.strip() for line in data.kop_lines if line.strip()]
    if not lines:
        problems.append("Isi sekurang-kurangnya satu baris nama instansi untuk kop surat.")
    if len(lines) > 3:
        problems.append("Kop surat memuat paling banyak tiga baris nama instansi.")
    if not data.city.strip():
        problems.append("Isi nama kota; kota ditulis sebelum tanggal setiap surat.")
    if data.paper_size not in PAPER_SIZES:
        problems.append("Ukuran kertas harus A4 atau F4.")
    if data.email.strip() and "@" not in data.email:
        problems.append("Alamat pos-el tidak sah.")
    if data.logo:
        if len(data.logo) > MAX_LOGO_BYTES:
            problems.append("Berkas logo terlalu besar (paling besar 2 MB).")
        else:
            from ukom_desktop.documents.letterhead import LogoError, logo_size

            try:
                logo_size(data.logo)
            except LogoError as exc:
                problems.append(str(exc))
    return problems


def save_profile(session: Session, data: ProfileData) -> None:
    """Validate and store the profile (creating it on first use); nothing is written on a problem."""
    access.require(session, access.perm.MANAGE_SETTINGS)
    problems = profile_problems(data)
    if problems:
        raise UserFacingError(" ".join(problems))
    if data.head_signatory_id is not None and session.get(SignatoryRow, data.head_signatory_id) is None:
        raise UserFacingError("Penandatangan yang dipilih tidak ditemukan; muat ulang lalu pilih lagi.")
    row = _profile_row(session)
    if row is None:
        row = InstitutionProfile()
        session.add(row)
    else:
        check_version(row.version, data.version, "profil instansi")
    lines = [line.strip() for line in data.kop_lines if line.strip()] + ["", ""]
    row.agency_name, row.unit_name, row.sub_unit_name = lines[0], lines[1], lines[2]
    row.address = data.address.strip()
    row.phone = data.phone.strip()
    row.email = data.email.strip()
    row.website = data.website.strip()
    row.city = data.city.strip()
    row.logo = data.logo or None
    row.logo_filename = data.logo_filename if data.logo else ""
    row.paper_size = data.paper_size
    row.head_signatory_id = data.head_signatory_id
    session.flush()


def letterhead(session: Session) -> Letterhead:
    """The kop surat of every letter; a clear message when the profile is still empty."""
    data = get_profile(session)
    if not data.kop_lines:
        raise UserFacingError(
            "Profil instansi belum diisi. Buka menu Data > Profil instansi, penandatangan dan penomoran... "
            "untuk mengisi kop surat, kota, dan penandatangan sebelum mencetak surat."
        )
    return Letterhead(tuple(data.kop_lines[:3]), data.address, data.phone, data.email, data.website, data.city,
                      data.logo or None)


def paper_size(session: Session) -> str:
    return get_profile(session).paper_size


# -- signatories ---------------------------------------------------------------------------------------


def list_signatories(session: Session, *, include_inactive: bool = False) -> list[SignatoryData]:
    query = select(SignatoryRow).order_by(SignatoryRow.name)
    if not include_inactive:
        query = query.where(SignatoryRow.active.is_(True))
    return [SignatoryData(s.id, s.name, s.nip, s.golongan, s.jabatan, s.active, s.uuid, s.version)
            for s in session.scalars(query)]


def save_signatory(session: Session, data: SignatoryData) -> int:
    """Add or update a signatory (NIP checked and stored as 18 digits, golongan as "IV/c"); returns its id."""
    access.require(session, access.perm.MANAGE_SETTINGS)
    name = " ".join(data.name.split())
    if not name:
        raise UserFacingError("Nama penandatangan wajib diisi.")
    if not data.jabatan.strip():
        raise UserFacingError(f"Jabatan penandatangan {name} wajib diisi.")
    nip = ""
    if data.nip.strip():
        try:
            nip = parse_nip(data.nip).nip
        except NipError as exc:
            raise UserFacingError(f"NIP penandatangan {name} tidak sah: {exc}.") from None
    golongan = ""
    if data.golongan.strip():
        golongan = normalize_golongan(data.golongan) or ""
        if not golongan:
            raise UserFacingError(f"Golongan ruang '{data.golongan}' tidak dikenal; tulis misalnya IV/c.")
    if data.id is None:
        row = SignatoryRow(name=name)
        session.add(row)
    else:
        found = session.get(SignatoryRow, data.id)
        if found is None:
            raise UserFacingError("Penandatangan ini sudah dihapus oleh pengguna lain; muat ulang daftar.")
        row = found
        check_version(row.version, data.version, f"penandatangan {row.name}")
    row.name, row.nip, row.golongan, row.jabatan, row.active = name, nip, golongan, data.jabatan.strip(), data.active
    session.flush()
    return row.id


def printed_signatory(row: SignatoryRow, prefix: str = "", principal: str = "") -> PrintedSignatory:
    return PrintedSignatory(row.name, row.jabatan, row.nip, row.golongan,
                            prefix if prefix in SIGN_PREFIXES else "", principal)  # type: ignore[arg-type]


def signer_choices(session: Session) -> dict[str, SignerChoice]:
    """Who signs each kind (None: the head of the profile), by signatory id."""
    stored = get_setting(session, SIGNERS_KEY, {}) or {}
    by_uuid = {s.uuid: s.id for s in session.scalars(select(SignatoryRow))}
    result = {}
    for kind in SIGNED_KINDS:
        entry = stored.get(kind) or {}
        result[kind] = SignerChoice(by_uuid.get(entry.get("signatory", "")), str(entry.get("prefix", "")))
    return result


def save_signer_choices(session: Session, choices: dict[str, SignerChoice]) -> None:
    stored = dict(get_setting(session, SIGNERS_KEY, {}) or {})
    for kind, choice in choices.items():
        if kind not in SIGNED_KINDS:
            raise UserFacingError(f"Jenis dokumen '{kind}' tidak memiliki penandatangan.")
        if choice.prefix not in SIGN_PREFIXES:
            raise UserFacingError(f"Awalan penandatangan '{choice.prefix}' tidak dikenal.")
        if choice.signatory_id is None:
            stored.pop(kind, None)
            continue
        row = session.get(SignatoryRow, choice.signatory_id)
        if row is None:
            raise UserFacingError("Penandatangan yang dipilih tidak ditemukan; muat ulang lalu pilih lagi.")
        stored[kind] = {"signatory": row.uuid, "prefix": choice.prefix}
    set_setting(session, SIGNERS_KEY, stored)


def signer_for(session: Session, kind: str) -> PrintedSignatory:
    """The signature block of `kind`: its chosen signatory (with a.n./Plt./Plh.) or the head."""
    choice = signer_choices(session).get(kind, SignerChoice(None))
    head_id = get_profile(session).head_signatory_id
    row = session.get(SignatoryRow, choice.signatory_id or head_id) if (choice.signatory_id or head_id) else None
    if row is None:
        raise UserFacingError(
            f"Penandatangan {SIGNED_KINDS.get(kind, kind)} belum ditentukan. Pilih pimpinan instansi atau "
            "penandatangan dokumen ini di menu Data > Profil instansi, penandatangan dan penomoran..."
        )
    principal = ""
    if choice.prefix == "a.n." and head_id and head_id != row.id:
        head = session.get(SignatoryRow, head_id)
        principal = head.jabatan if head is not None else ""
    return printed_signatory(row, choice.prefix if principal or choice.prefix != "a.n." else "", principal)
