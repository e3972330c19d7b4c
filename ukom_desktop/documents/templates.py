"""Editable wording of the documents: shipped default texts and a safe field substitution.

A template is plain text. `{nama}` inserts a field; `{{` and `}}` print a literal brace. Paragraphs
are separated by a blank line. A paragraph that is only a block marker such as `[[jadwal]]` places
that block (the schedule lines of a letter, the facts of a berita acara). A paragraph that uses a
field whose value is empty is left out, so "hubungi {kontak}." never prints as "hubungi ."
List templates (Dasar and Untuk of a surat tugas) hold one item per line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ukom_desktop.documents.admin_templates import (
    ADMIN_FIELD_DESCRIPTIONS,
    ADMIN_TEMPLATE_FIELDS,
    ADMIN_TEMPLATES,
)

MARKER_SCHEDULE = "jadwal"
MARKER_FACTS = "rincian"
MARKER_FIGURES = "rekap"

_EVENT_FIELDS = ("kegiatan", "hari_tanggal", "tanggal", "waktu", "tempat", "acara")
_LETTER_FIELDS = (
    *_EVENT_FIELDS, "nomor", "tanggal_surat", "kontak", "peserta", "nama", "nip", "pangkat", "jabatan",
    "unit_kerja", "jumlah_peserta", "penandatangan", "jabatan_penandatangan",
)

TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {
    "undangan": _LETTER_FIELDS,
    "pemanggilan": _LETTER_FIELDS,
    "surat_tugas.dasar": (*_EVENT_FIELDS, "nomor", "tanggal_surat"),
    "surat_tugas.untuk": (*_EVENT_FIELDS, "nomor", "tanggal_surat", "jumlah_anggota"),
    "berita_acara": (
        *_EVENT_FIELDS, "nomor", "hari", "tanggal_terbilang", "bulan", "tahun_terbilang", "tanggal_angka",
        "tanggal_kalimat",
    ),
    "laporan": (*_EVENT_FIELDS, "jumlah_diundang", "jumlah_konfirmasi", "jumlah_hadir", "persentase_hadir"),
    "sambutan": (*_EVENT_FIELDS, "jumlah_diundang", "jumlah_hadir", "pembicara"),
    **ADMIN_TEMPLATE_FIELDS,
}

FIELD_DESCRIPTIONS: dict[str, str] = {
    "kegiatan": "nama kegiatan",
    "hari_tanggal": "hari dan tanggal kegiatan, misalnya Senin, 23 November 2026",
    "tanggal": "tanggal kegiatan tanpa nama hari",
    "waktu": "waktu kegiatan, misalnya 08.00 WIB s.d. selesai",
    "tempat": "tempat kegiatan",
    "acara": "acara kegiatan",
    "nomor": "nomor naskah",
    "tanggal_surat": "tanggal naskah",
    "kontak": "narahubung beserta nomor teleponnya",
    "peserta": "sapaan peserta: Saudara, atau Saudara yang namanya tercantum dalam lampiran",
    "nama": "nama penerima surat",
    "nip": "NIP penerima surat",
    "pangkat": "pangkat dan golongan ruang penerima surat",
    "jabatan": "jabatan penerima surat",
    "unit_kerja": "unit kerja penerima surat",
    "jumlah_peserta": "jumlah peserta, misalnya 30 (tiga puluh)",
    "penandatangan": "nama penandatangan",
    "jabatan_penandatangan": "jabatan penandatangan",
    "jumlah_anggota": "jumlah anggota tim",
    "hari": "nama hari kegiatan",
    "tanggal_terbilang": "tanggal dengan huruf, misalnya dua puluh tiga",
    "bulan": "nama bulan",
    "tahun_terbilang": "tahun dengan huruf",
    "tanggal_angka": "tanggal dengan angka, misalnya 23-11-2026",
    "tanggal_kalimat": "hari dan tanggal dengan huruf dalam satu frasa",
    "jumlah_diundang": "jumlah peserta yang diundang",
    "jumlah_konfirmasi": "jumlah peserta yang mengonfirmasi kehadiran",
    "jumlah_hadir": "jumlah peserta yang hadir",
    "persentase_hadir": "persentase kehadiran",
    "pembicara": "nama atau jabatan pemberi sambutan",
    **ADMIN_FIELD_DESCRIPTIONS,
}

DEFAULT_TEMPLATES: dict[str, str] = {
    "undangan": (
        "Dalam rangka pelaksanaan {kegiatan}, dengan hormat kami mengundang {peserta} untuk hadir "
        "sebagai peserta pada:\n\n"
        "[[jadwal]]\n\n"
        "Mengingat pentingnya kegiatan tersebut, peserta diharapkan hadir 30 (tiga puluh) menit sebelum "
        "acara dimulai dengan mengenakan pakaian dinas harian serta membawa kartu identitas pegawai dan "
        "alat tulis.\n\n"
        "Informasi lebih lanjut dapat diperoleh melalui narahubung {kontak}.\n\n"
        "Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Saudara, kami ucapkan "
        "terima kasih."
    ),
    "pemanggilan": (
        "Sehubungan dengan pelaksanaan {kegiatan}, dengan ini kami memanggil {peserta} untuk hadir dan "
        "mengikuti seluruh rangkaian kegiatan tersebut pada:\n\n"
        "[[jadwal]]\n\n"
        "Kehadiran Saudara bersifat wajib. Apabila berhalangan hadir, Saudara diminta menyampaikan "
        "pemberitahuan tertulis disertai alasan yang sah kepada panitia paling lambat 2 (dua) hari kerja "
        "sebelum pelaksanaan kegiatan.\n\n"
        "Keterangan lebih lanjut dapat diperoleh melalui narahubung {kontak}.\n\n"
        "Demikian surat pemanggilan ini disampaikan untuk dilaksanakan dengan penuh tanggung jawab."
    ),
    "surat_tugas.dasar": (
        "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 38 Tahun 2017 "
        "tentang Standar Kompetensi Jabatan Aparatur Sipil Negara;\n"
        "Peraturan Badan Kepegawaian Negara Nomor 26 Tahun 2019 tentang Pembinaan Penyelenggara "
        "Penilaian Kompetensi Pegawai Negeri Sipil."
    ),
    "surat_tugas.untuk": (
        "Melaksanakan tugas sebagai tim penilai pada {kegiatan} yang dilaksanakan pada {hari_tanggal} "
        "bertempat di {tempat};\n"
        "Melaksanakan penilaian secara objektif dan independen serta menjaga kerahasiaan data dan hasil "
        "penilaian peserta;\n"
        "Menyampaikan laporan hasil pelaksanaan tugas kepada pemberi tugas;\n"
        "Melaksanakan tugas ini dengan penuh tanggung jawab."
    ),
    "berita_acara": (
        "Pada hari ini, {hari} tanggal {tanggal_terbilang} bulan {bulan} tahun {tahun_terbilang} "
        "({tanggal_angka}), bertempat di {tempat}, telah dilaksanakan {kegiatan} dengan rincian "
        "sebagai berikut:\n\n"
        "[[rincian]]\n\n"
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."
    ),
    "laporan": (
        "Bersama ini kami laporkan penyelenggaraan {kegiatan} yang dilaksanakan pada {hari_tanggal} "
        "bertempat di {tempat}, dengan rekapitulasi kehadiran peserta sebagai berikut:\n\n"
        "[[rekap]]\n\n"
        "Demikian laporan ini kami sampaikan sebagai bahan evaluasi penyelenggaraan kegiatan."
    ),
    "sambutan": (
        "Pembukaan\n"
        "- Salam pembuka dan ucapan syukur kepada Tuhan Yang Maha Esa.\n"
        "- Terima kasih kepada para asesor, panitia, dan peserta atas kehadirannya.\n"
        "Latar belakang\n"
        "- {kegiatan} dilaksanakan pada {hari_tanggal} bertempat di {tempat}.\n"
        "- Peserta yang diundang sebanyak {jumlah_diundang} orang; yang hadir {jumlah_hadir} orang.\n"
        "- Penilaian kompetensi merupakan bagian dari manajemen talenta ASN:\n"
        "  - memetakan kompetensi manajerial dan sosial kultural terhadap standar kompetensi jabatan;\n"
        "  - menjadi dasar pengembangan kompetensi dan pengembangan karier.\n"
        "Harapan\n"
        "- Peserta mengikuti seluruh rangkaian kegiatan dengan sungguh-sungguh, jujur, dan tertib.\n"
        "- Asesor melaksanakan penilaian secara objektif dan menjaga kerahasiaan hasil.\n"
        "Penutup\n"
        "- Ucapan selamat mengikuti kegiatan; dengan memohon rida Tuhan Yang Maha Esa, kegiatan "
        "secara resmi dibuka."
    ),
    **ADMIN_TEMPLATES,
}

_FIELD = re.compile(r"\{\{|\}\}|\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}|[{}]")
_MARKER = re.compile(r"^\[\[\s*([a-z_]+)\s*\]\]$")


class TemplateError(ValueError):
    """A template that cannot be filled in; the message is in Bahasa Indonesia."""

    def __init__(self, message: str, unknown: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass(frozen=True)
class Marker:
    """A block placeholder paragraph such as [[jadwal]]."""

    name: str


def default_template(kind: str) -> str:
    try:
        return DEFAULT_TEMPLATES[kind]
    except KeyError:
        raise KeyError(f"Tidak ada templat bawaan untuk jenis naskah '{kind}'.") from None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def template_problems(text: str, allowed: set[str] | frozenset[str] | None = None) -> list[str]:
    """Everything wrong with a template, as Indonesian sentences; empty when it can be used."""
    problems: list[str] = []
    unknown: list[str] = []
    for match in _FIELD.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if match.group(1) is None:
            line = _line_of(text, match.start())
            if token == "{":
                problems.append(f"Tanda '{{' pada baris {line} tidak ditutup dengan '}}' atau nama isiannya tidak sah.")
            else:
                problems.append(f"Tanda '}}' pada baris {line} tidak didahului '{{'.")
            continue
        name = match.group(1).lower()
        if allowed is not None and name not in allowed and name not in unknown:
            unknown.append(name)
    if unknown:
        problems.insert(0, _unknown_message(unknown, allowed or set()))
    return problems


def _unknown_message(unknown: list[str], allowed: set[str] | frozenset[str]) -> str:
    listed = ", ".join("{" + name + "}" for name in unknown)
    available = ", ".join("{" + name + "}" for name in sorted(allowed)) or "(tidak ada)"
    noun = "isian" if len(unknown) == 1 else "isian-isian"
    return f"Templat memuat {noun} yang tidak dikenal: {listed}. Isian yang dapat dipakai: {available}."


def render_template(text: str, fields: Mapping[str, object]) -> str:
    """Fill `{field}`s from `fields`; raise TemplateError naming every unknown field or stray brace."""
    allowed = {key.lower() for key in fields}
    problems = template_problems(text, allowed)
    if problems:
        unknown = tuple(
            m.group(1).lower() for m in _FIELD.finditer(text) if m.group(1) and m.group(1).lower() not in allowed
        )
        raise TemplateError(" ".join(problems), tuple(dict.fromkeys(unknown)))
    values = {key.lower(): "" if value is None else str(value) for key, value in fields.items()}

    def substitute(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return values[match.group(1).lower()]

    return _FIELD.sub(substitute, text)


def _uses_empty_field(text: str, fields: Mapping[str, str]) -> bool:
    return any(
        m.group(1) and not str(fields.get(m.group(1).lower(), "")).strip() for m in _FIELD.finditer(text)
    )


def render_paragraphs(text: str, fields: Mapping[str, str]) -> list[str | Marker]:
    """Split a body template into filled paragraphs and block markers (see the module notes)."""
    render_template(text, fields)  # raises on any problem before anything is dropped
    lowered = {key.lower(): value for key, value in fields.items()}
    result: list[str | Marker] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip()
        if not block:
            continue
        marker = _MARKER.match(block)
        if marker:
            result.append(Marker(marker.group(1)))
            continue
        if _uses_empty_field(block, lowered):
            continue
        joined = " ".join(line.strip() for line in block.splitlines())
        result.append(render_template(joined, lowered))
    return result


def render_lines(text: str, fields: Mapping[str, str]) -> list[str]:
    """One filled item per non-empty line (Dasar, Untuk); keeps leading spaces for outline levels."""
    render_template(text, fields)
    lowered = {key.lower(): value for key, value in fields.items()}
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip() or _uses_empty_field(line, lowered):
            continue
        lines.append(render_template(line.rstrip(), lowered))
    return lines
