"""Editable wording of the administration documents of issue 16: the decrees (SK) and the cooperation
agreement (PKS). They join documents.templates.DEFAULT_TEMPLATES, so the template editor shows them.

Format: blocks separated by a blank line; the first line of a block is its heading (MENIMBANG,
MENGINGAT, DIKTUM for a decree; the title of an article for the agreement), each further line one item
(a decree's considerations are lettered a., b., ...; its legal bases numbered; its diktum KESATU,
KEDUA, ...; an article's lines are its paragraphs (1), (2), ...).
"""

from __future__ import annotations

_DECREE_FIELDS = ("kegiatan", "tanggal", "tempat", "tahun", "jabatan_penetap", "tentang", "jumlah", "instansi_pemohon")
_AGREEMENT_FIELDS = ("kegiatan", "tanggal", "tempat", "tahun", "pihak_pertama", "pihak_kedua", "jumlah",
                     "biaya", "biaya_terbilang", "jangka_waktu")

_BASIS = (
    "MENGINGAT\n"
    "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;\n"
    "Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah "
    "dengan Peraturan Pemerintah Nomor 17 Tahun 2020;\n"
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 38 Tahun 2017 tentang Standar "
    "Kompetensi Jabatan Aparatur Sipil Negara;\n"
    "Peraturan Badan Kepegawaian Negara Nomor 26 Tahun 2019 tentang Pembinaan Penyelenggara Penilaian Kompetensi "
    "Pegawai Negeri Sipil;\n\n"
)

ADMIN_TEMPLATES: dict[str, str] = {
    "sk_tim": (
        "MENIMBANG\n"
        "bahwa dalam rangka pelaksanaan {kegiatan} diperlukan tim penilai kompetensi yang memiliki kompetensi, "
        "sertifikasi dan integritas;\n"
        "bahwa pegawai yang namanya tercantum dalam Lampiran Keputusan ini dipandang mampu dan memenuhi syarat "
        "untuk ditetapkan sebagai tim penilai kompetensi;\n"
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        "Keputusan {jabatan_penetap} tentang {tentang};\n\n"
        + _BASIS +
        "DIKTUM\n"
        "Membentuk Tim Penilai Kompetensi pada {kegiatan} dengan susunan sebagaimana tercantum dalam Lampiran "
        "yang merupakan bagian tidak terpisahkan dari Keputusan ini.\n"
        "Tim sebagaimana dimaksud dalam Diktum KESATU bertugas menyiapkan, melaksanakan, menilai dan melaporkan "
        "hasil penilaian kompetensi pada tanggal {tanggal} bertempat di {tempat}, serta menjaga kerahasiaan data "
        "dan hasil penilaian.\n"
        "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Daftar Isian Pelaksanaan "
        "Anggaran (DIPA) Tahun Anggaran {tahun}.\n"
        "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    ),
    "sk_peserta": (
        "MENIMBANG\n"
        "bahwa dalam rangka pengembangan karier dan pemetaan kompetensi Pegawai Negeri Sipil perlu dilaksanakan "
        "{kegiatan};\n"
        "bahwa pegawai yang namanya tercantum dalam Lampiran Keputusan ini memenuhi persyaratan untuk mengikuti "
        "penilaian kompetensi;\n"
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        "Keputusan {jabatan_penetap} tentang {tentang};\n\n"
        + _BASIS +
        "DIKTUM\n"
        "Menetapkan {jumlah} Pegawai Negeri Sipil yang namanya tercantum dalam Lampiran Keputusan ini sebagai "
        "peserta {kegiatan}.\n"
        "Peserta sebagaimana dimaksud dalam Diktum KESATU wajib mengikuti seluruh rangkaian penilaian kompetensi "
        "pada tanggal {tanggal} bertempat di {tempat}.\n"
        "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Daftar Isian Pelaksanaan "
        "Anggaran (DIPA) Tahun Anggaran {tahun}.\n"
        "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    ),
    "pks": (
        "MAKSUD DAN TUJUAN\n"
        "Perjanjian Kerja Sama ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam pelaksanaan {kegiatan}.\n"
        "Perjanjian Kerja Sama ini bertujuan memperoleh gambaran kompetensi pegawai PIHAK KEDUA secara objektif "
        "sebagai bahan pengembangan karier dan pengisian jabatan.\n\n"
        "RUANG LINGKUP\n"
        "Ruang lingkup Perjanjian Kerja Sama ini meliputi penilaian kompetensi manajerial dan sosial kultural "
        "terhadap {jumlah} pegawai PIHAK KEDUA dengan metode assessment center, penyusunan laporan hasil penilaian "
        "dan penyampaian hasil kepada PIHAK KEDUA.\n\n"
        "HAK DAN KEWAJIBAN\n"
        "PIHAK PERTAMA berkewajiban menyediakan asesor yang kompeten, alat ukur, tempat dan menyampaikan laporan "
        "hasil penilaian kepada PIHAK KEDUA.\n"
        "PIHAK KEDUA berkewajiban menyampaikan data peserta, menugaskan peserta untuk hadir dan membayar biaya "
        "sebagaimana dimaksud dalam Pasal 4.\n"
        "PIHAK PERTAMA berhak menerima pembayaran biaya dan PIHAK KEDUA berhak menerima hasil penilaian.\n\n"
        "BIAYA\n"
        "Biaya pelaksanaan penilaian kompetensi sebesar {biaya} ({biaya_terbilang}) dibebankan kepada PIHAK KEDUA.\n"
        "Pembayaran dilakukan melalui rekening yang ditunjuk oleh PIHAK PERTAMA sesuai ketentuan peraturan "
        "perundang-undangan.\n\n"
        "JANGKA WAKTU\n"
        "Perjanjian Kerja Sama ini berlaku selama {jangka_waktu} sejak tanggal ditandatangani dan dapat "
        "diperpanjang atas kesepakatan PARA PIHAK.\n\n"
        "KERAHASIAAN DATA HASIL PENILAIAN\n"
        "PARA PIHAK wajib menjaga kerahasiaan data pribadi peserta dan hasil penilaian kompetensi.\n"
        "Hasil penilaian hanya disampaikan kepada pejabat yang berwenang pada PIHAK KEDUA dan tidak boleh "
        "dipublikasikan tanpa persetujuan tertulis.\n\n"
        "KEADAAN KAHAR\n"
        "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK, antara lain bencana alam, wabah, kebakaran, "
        "huru-hara dan kebijakan pemerintah, yang mengakibatkan kewajiban tidak dapat dilaksanakan.\n"
        "Pihak yang mengalami keadaan kahar memberitahukan secara tertulis kepada pihak lainnya paling lambat "
        "7 (tujuh) hari kalender sejak terjadinya keadaan kahar.\n\n"
        "PENYELESAIAN PERSELISIHAN\n"
        "Perselisihan yang timbul dalam pelaksanaan Perjanjian Kerja Sama ini diselesaikan secara musyawarah "
        "untuk mufakat.\n\n"
        "PENUTUP\n"
        "Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua), masing-masing bermeterai cukup dan mempunyai "
        "kekuatan hukum yang sama."
    ),
}

ADMIN_TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {
    "sk_tim": _DECREE_FIELDS, "sk_peserta": _DECREE_FIELDS, "pks": _AGREEMENT_FIELDS,
}

ADMIN_TEMPLATE_TITLES: dict[str, str] = {
    "sk_tim": "SK Tim Penilai Kompetensi (Menimbang, Mengingat, Diktum)",
    "sk_peserta": "SK Peserta (Menimbang, Mengingat, Diktum)",
    "pks": "Perjanjian Kerja Sama (judul pasal dan ayat)",
}

ADMIN_FIELD_DESCRIPTIONS: dict[str, str] = {
    "tahun": "tahun anggaran",
    "jabatan_penetap": "jabatan yang menetapkan keputusan",
    "tentang": "judul keputusan (TENTANG ...)",
    "jumlah": "jumlah peserta, misalnya 30 (tiga puluh)",
    "instansi_pemohon": "instansi yang meminta penilaian",
    "pihak_pertama": "nama instansi pihak pertama",
    "pihak_kedua": "nama instansi pihak kedua",
    "biaya": "biaya penilaian, misalnya Rp30.000.000",
    "biaya_terbilang": "biaya dengan huruf",
    "jangka_waktu": "jangka waktu perjanjian, misalnya 6 (enam) bulan",
}


def sections(text: str) -> list[tuple[str, list[str]]]:
    """[(heading, items)] of a filled template: blocks split by blank lines, first line the heading."""
    result: list[tuple[str, list[str]]] = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if lines:
            result.append((lines[0], lines[1:]))
    return result
