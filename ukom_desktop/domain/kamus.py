"""The shipped competency dictionary (PermenPAN-RB 38/2017) and default job-level standards.

Written as the product's own summaries; users edit them in the dictionary screen.
The level meanings follow domain.md 1.3 (paraphrased, not the regulation text). The codes
M.02-M.08 and SK.01 follow the pattern of M.01 in Lampiran II (UNVERIFIED one by one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LevelSeed:
    level: int
    description: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class CompetencySeed:
    code: str
    name: str
    group: str  # "manajerial" | "sosial_kultural" | "teknis"
    definition: str
    levels: tuple[LevelSeed, ...]


@dataclass(frozen=True)
class JobLevelSeed:
    code: str
    name: str
    kind: str  # "struktural" | "fungsional" | "pelaksana"
    default_standard: int | None  # None: entered per position (JF)


GROUP_MANAJERIAL = "manajerial"
GROUP_SOSIAL_KULTURAL = "sosial_kultural"
GROUP_TEKNIS = "teknis"
GROUP_LABELS: dict[str, str] = {
    GROUP_MANAJERIAL: "Kompetensi Manajerial",
    GROUP_SOSIAL_KULTURAL: "Kompetensi Sosial Kultural",
    GROUP_TEKNIS: "Kompetensi Teknis",
}

MAX_LEVEL = 5

# Generic level labels from one agency's socialisation slide; UNVERIFIED as regulation text.
LEVEL_LABELS: dict[int, str] = {1: "Paham", 2: "Dasar", 3: "Menengah", 4: "Mumpuni", 5: "Ahli"}


def _lv(level: int, description: str, *indicators: str) -> LevelSeed:
    return LevelSeed(level=level, description=description, indicators=tuple(indicators))


_INTEGRITAS = CompetencySeed(
    code="M.01",
    name="Integritas",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kesanggupan bertindak sejalan dengan nilai, norma, dan etika organisasi secara konsisten, "
        "jujur kepada semua pihak dalam hubungan kerja, serta berani menanggung akibat dari tindakan "
        "dan keputusannya."
    ),
    levels=(
        _lv(
            1,
            "Berperilaku sesuai nilai, norma, dan etika organisasi dalam lingkup tugas pribadinya.",
            "Menjalankan tugas dengan jujur dan sesuai aturan yang berlaku.",
            "Menepati komitmen dan bertanggung jawab atas hasil kerjanya sendiri.",
            "Tidak memanfaatkan jabatan atau fasilitas kantor untuk kepentingan pribadi.",
        ),
        _lv(
            2,
            "Mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.",
            "Memberi contoh perilaku yang etis kepada rekan kerja dalam pekerjaan sehari-hari.",
            "Mengingatkan rekan kerja yang menyimpang dari aturan dengan cara yang santun.",
            "Menjaga kerahasiaan dan kepercayaan yang diberikan kepadanya.",
        ),
        _lv(
            3,
            "Memastikan orang-orang yang dipimpinnya bertindak sesuai nilai, norma, dan etika organisasi "
            "dalam lingkup formal.",
            "Menetapkan dan menegakkan aturan perilaku kerja di unit yang dipimpinnya.",
            "Memberikan umpan balik dan tindakan korektif atas pelanggaran etika oleh bawahan.",
            "Bersikap adil dan konsisten dalam menerapkan aturan kepada seluruh anggota unit.",
        ),
        _lv(
            4,
            "Menciptakan iklim kerja yang mendorong kepatuhan pada nilai, norma, dan etika organisasi.",
            "Membangun sistem dan prosedur yang mencegah penyimpangan etika di organisasinya.",
            "Mengambil tindakan yang tegas dan transparan atas pelanggaran, termasuk yang melibatkan pejabat.",
            "Menjadikan integritas bagian dari budaya kerja yang terus dikampanyekan.",
        ),
        _lv(
            5,
            "Menjadi teladan dalam keadilan dan etika serta memperjuangkannya hingga tingkat nasional.",
            "Menjadi panutan perilaku etis bagi aparatur di lingkungan instansi dan di tingkat nasional.",
            "Menegakkan keadilan dan etika meskipun menghadapi tekanan atau risiko pribadi.",
            "Merumuskan kebijakan yang memperkuat tata kelola pemerintahan yang bersih.",
        ),
    ),
)

_KERJA_SAMA = CompetencySeed(
    code="M.02",
    name="Kerja Sama",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan bekerja bersama orang lain, di dalam maupun di luar unit kerja, untuk mencapai "
        "tujuan bersama dengan menghargai keragaman dan peran setiap pihak."
    ),
    levels=(
        _lv(
            1,
            "Berpartisipasi aktif sebagai anggota dalam kelompok kerja.",
            "Menyelesaikan bagian tugasnya dalam kelompok tepat waktu.",
            "Berbagi informasi yang relevan dengan anggota kelompok.",
            "Menghargai pendapat dan masukan anggota kelompok lain.",
        ),
        _lv(
            2,
            "Membangun tim kerja yang partisipatif dan efektif.",
            "Mendorong setiap anggota tim untuk menyampaikan gagasan dan terlibat dalam pengambilan keputusan.",
            "Membantu anggota tim yang mengalami kesulitan dalam menyelesaikan tugasnya.",
            "Menyelesaikan perbedaan pendapat di dalam tim secara terbuka dan konstruktif.",
        ),
        _lv(
            3,
            "Membangun tim secara efektif untuk meningkatkan kinerja organisasi.",
            "Menyusun tim dengan memperhatikan keahlian dan potensi setiap anggota.",
            "Mengembangkan kerja sama lintas unit untuk mendukung pencapaian sasaran organisasi.",
            "Memberikan pengakuan atas kontribusi tim dan anggotanya.",
        ),
        _lv(
            4,
            "Membangun komitmen dan sinergi tim untuk mencapai tujuan organisasi.",
            "Menyelaraskan tujuan tim dengan tujuan organisasi sehingga anggota memiliki rasa kepemilikan.",
            "Mengelola perbedaan kepentingan antarunit agar tercipta sinergi.",
            "Membangun jejaring kerja sama dengan pemangku kepentingan di luar unit kerja.",
        ),
        _lv(
            5,
            "Menciptakan kerja sama secara konsisten di dalam dan di luar instansi.",
            "Membangun kemitraan strategis dengan instansi lain, dunia usaha, dan masyarakat.",
            "Menciptakan budaya kolaborasi yang berkelanjutan di seluruh organisasi.",
            "Mengatasi hambatan kelembagaan yang menghalangi kerja sama lintas instansi.",
        ),
    ),
)

_KOMUNIKASI = CompetencySeed(
    code="M.03",
    name="Komunikasi",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan menyampaikan dan menerima informasi, gagasan, serta pendapat secara lisan maupun "
        "tertulis dengan jelas dan tepat sehingga terbangun pemahaman bersama."
    ),
    levels=(
        _lv(
            1,
            "Menyampaikan informasi dengan jelas dan lengkap sehingga dipahami dengan cara yang sama.",
            "Menyampaikan informasi secara runtut, lengkap, dan mudah dipahami.",
            "Mendengarkan lawan bicara dengan saksama sebelum menanggapi.",
            "Memastikan penerima informasi memahami pesan yang disampaikan.",
        ),
        _lv(
            2,
            "Aktif berkomunikasi secara formal maupun informal, mendengarkan, serta menyusun bahan "
            "presentasi atau laporan.",
            "Berinisiatif berkomunikasi dengan berbagai pihak melalui jalur formal dan informal.",
            "Mendengarkan secara aktif dan mengajukan pertanyaan untuk memperjelas maksud.",
            "Menyusun bahan presentasi, surat, atau laporan yang sistematis dan mudah dipahami.",
        ),
        _lv(
            3,
            "Berkomunikasi secara asertif dan mampu menyampaikan informasi yang sensitif atau rumit, "
            "baik lisan maupun tertulis.",
            "Menyampaikan pendapat secara tegas dengan tetap menghormati pihak lain.",
            "Mengemas informasi yang rumit atau sensitif sesuai dengan karakteristik pendengarnya.",
            "Menulis dokumen resmi yang lugas, tepat, dan sesuai kaidah bahasa.",
        ),
        _lv(
            4,
            "Merumuskan gagasan yang multidimensi ke dalam bahasa yang mudah dipahami untuk mendorong "
            "kesepakatan.",
            "Menyederhanakan persoalan yang kompleks menjadi pesan yang jelas bagi berbagai kalangan.",
            "Membangun argumentasi yang kuat untuk meyakinkan pemangku kepentingan.",
            "Memfasilitasi dialog untuk mencapai kesepakatan di antara pihak yang berbeda pandangan.",
        ),
        _lv(
            5,
            "Merancang sistem komunikasi yang terbuka dan strategis bagi organisasi.",
            "Menetapkan strategi komunikasi organisasi untuk membangun kepercayaan publik.",
            "Mengembangkan saluran komunikasi yang terbuka di dalam dan di luar instansi.",
            "Menjadi juru bicara yang kredibel dalam forum nasional atau antarinstansi.",
        ),
    ),
)

_ORIENTASI_HASIL = CompetencySeed(
    code="M.04",
    name="Orientasi pada Hasil",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan menjaga komitmen untuk menyelesaikan tugas dengan mutu terbaik serta mendorong "
        "diri sendiri dan orang lain mencapai hasil yang melampaui standar."
    ),
    levels=(
        _lv(
            1,
            "Bertanggung jawab untuk memenuhi standar kerja.",
            "Menyelesaikan tugas sesuai target waktu dan mutu yang ditetapkan.",
            "Memeriksa kembali hasil kerja untuk memastikan ketepatannya.",
            "Menyampaikan kendala pekerjaan kepada atasan secara tepat waktu.",
        ),
        _lv(
            2,
            "Berupaya meningkatkan hasil kerja pribadi hingga melebihi standar.",
            "Menetapkan target pribadi yang lebih tinggi dari standar yang berlaku.",
            "Mencari cara kerja yang lebih efisien untuk meningkatkan hasil.",
            "Memantau kemajuan kerjanya sendiri dan melakukan perbaikan.",
        ),
        _lv(
            3,
            "Menetapkan target kerja yang menantang bagi unit kerja serta memberikan apresiasi dan teguran.",
            "Menetapkan target unit kerja yang menantang namun dapat dicapai.",
            "Memberikan apresiasi atas capaian yang baik dan teguran atas kinerja yang kurang.",
            "Memantau pencapaian target unit secara berkala dan melakukan penyesuaian.",
        ),
        _lv(
            4,
            "Mendorong unit kerja mencapai dan melampaui target yang ditetapkan.",
            "Mengembangkan sistem pengukuran kinerja yang mendorong pencapaian target unit.",
            "Mengalokasikan sumber daya secara efektif untuk mendukung pencapaian hasil.",
            "Mengevaluasi proses kerja unit untuk meningkatkan hasil secara berkelanjutan.",
        ),
        _lv(
            5,
            "Meningkatkan mutu hasil kerja organisasi secara menyeluruh.",
            "Menetapkan sasaran strategis organisasi yang berorientasi pada dampak bagi masyarakat.",
            "Membangun budaya kinerja tinggi di seluruh organisasi.",
            "Mengambil langkah terobosan untuk meningkatkan mutu hasil organisasi.",
        ),
    ),
)

_PELAYANAN_PUBLIK = CompetencySeed(
    code="M.05",
    name="Pelayanan Publik",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan memberikan pelayanan yang bermutu, transparan, dan akuntabel kepada masyarakat "
        "serta pemangku kepentingan sesuai dengan standar yang berlaku."
    ),
    levels=(
        _lv(
            1,
            "Menjalankan tugas pelayanan sesuai standar pelayanan.",
            "Memberikan pelayanan sesuai standar dan prosedur yang berlaku.",
            "Bersikap ramah, sopan, dan tidak membeda-bedakan penerima layanan.",
            "Memberikan informasi layanan secara jelas dan akurat.",
        ),
        _lv(
            2,
            "Mengawasi dan menjelaskan proses pelayanan secara transparan.",
            "Memantau pelaksanaan pelayanan agar sesuai standar.",
            "Menjelaskan prosedur, waktu, dan biaya layanan secara terbuka kepada penerima layanan.",
            "Menindaklanjuti keluhan penerima layanan secara cepat dan tepat.",
        ),
        _lv(
            3,
            "Memanfaatkan dinamika kelompok dan meningkatkan standar pelayanan di unit kerjanya.",
            "Mengelola kepentingan berbagai pihak dalam penyelenggaraan layanan.",
            "Mengusulkan perbaikan standar pelayanan berdasarkan masukan penerima layanan.",
            "Mendorong anggota unit untuk memberikan pelayanan yang melampaui harapan.",
        ),
        _lv(
            4,
            "Memantau, mengevaluasi, dan mengantisipasi isu pelayanan jangka panjang.",
            "Mengevaluasi mutu pelayanan secara berkala dengan ukuran yang jelas.",
            "Mengantisipasi kebutuhan dan permasalahan pelayanan di masa mendatang.",
            "Menyusun strategi peningkatan pelayanan yang berdampak jangka panjang.",
        ),
        _lv(
            5,
            "Memastikan kebijakan pelayanan publik bersifat objektif, netral, dan tidak diskriminatif.",
            "Merumuskan kebijakan pelayanan yang menjamin perlakuan setara bagi semua penerima layanan.",
            "Menjaga netralitas dan objektivitas penyelenggaraan pelayanan dari kepentingan tertentu.",
            "Mengembangkan inovasi pelayanan yang berdampak luas bagi masyarakat.",
        ),
    ),
)

_PENGEMBANGAN_DIRI = CompetencySeed(
    code="M.06",
    name="Pengembangan Diri dan Orang Lain",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan meningkatkan pengetahuan dan keterampilan diri sendiri serta mendorong "
        "pengembangan kemampuan orang lain untuk mendukung kinerja organisasi."
    ),
    levels=(
        _lv(
            1,
            "Mengembangkan kemampuan diri sendiri.",
            "Mengenali kelebihan dan kekurangan dirinya.",
            "Mengikuti pelatihan atau kegiatan belajar untuk meningkatkan kemampuan.",
            "Menerapkan hal yang dipelajari dalam pekerjaan.",
        ),
        _lv(
            2,
            "Mengembangkan bawahan melalui contoh dan penjelasan.",
            "Memberi contoh cara melaksanakan tugas dengan benar kepada bawahan.",
            "Menjelaskan tujuan dan cara kerja suatu tugas agar bawahan memahaminya.",
            "Memberikan kesempatan kepada bawahan untuk mencoba tugas baru.",
        ),
        _lv(
            3,
            "Memberikan umpan balik dan bimbingan (coaching) untuk pengembangan orang lain.",
            "Memberikan umpan balik yang spesifik dan membangun kepada bawahan.",
            "Melakukan bimbingan secara berkala untuk meningkatkan kinerja bawahan.",
            "Mengidentifikasi kebutuhan pengembangan setiap bawahan.",
        ),
        _lv(
            4,
            "Menyusun program pengembangan jangka panjang dan mengelola pembelajaran.",
            "Menyusun rencana pengembangan kompetensi pegawai jangka panjang.",
            "Menyediakan sumber daya dan kesempatan belajar bagi pegawai.",
            "Mengevaluasi efektivitas program pengembangan pegawai.",
        ),
        _lv(
            5,
            "Menciptakan organisasi pembelajar yang berkelanjutan.",
            "Membangun budaya belajar di seluruh organisasi.",
            "Menetapkan kebijakan pengembangan talenta dan kaderisasi pimpinan.",
            "Mendorong berbagi pengetahuan antarunit dan antarinstansi.",
        ),
    ),
)

_MENGELOLA_PERUBAHAN = CompetencySeed(
    code="M.07",
    name="Mengelola Perubahan",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan menyesuaikan diri dengan perubahan serta memprakarsai, memimpin, dan mengelola "
        "perubahan agar organisasi tetap relevan dan efektif."
    ),
    levels=(
        _lv(
            1,
            "Mengikuti perubahan sesuai arahan.",
            "Menerima perubahan kebijakan atau cara kerja dengan sikap terbuka.",
            "Menyesuaikan cara kerja dengan ketentuan yang baru.",
            "Mencari informasi untuk memahami alasan dan dampak perubahan.",
        ),
        _lv(
            2,
            "Beradaptasi secara proaktif terhadap perubahan.",
            "Menyesuaikan diri dengan cepat ketika terjadi perubahan situasi kerja.",
            "Mengusulkan penyesuaian cara kerja untuk mendukung perubahan.",
            "Mempelajari keterampilan baru yang dibutuhkan akibat perubahan.",
        ),
        _lv(
            3,
            "Membantu orang lain menghadapi perubahan dan mengantisipasi perubahan yang akan terjadi.",
            "Menjelaskan manfaat dan tujuan perubahan kepada rekan kerja atau bawahan.",
            "Membantu orang lain mengatasi hambatan dalam menjalani perubahan.",
            "Menyiapkan langkah antisipasi terhadap perubahan yang akan datang.",
        ),
        _lv(
            4,
            "Memimpin perubahan di unit kerjanya.",
            "Merancang dan melaksanakan program perubahan di unit kerja.",
            "Mengelola penolakan terhadap perubahan secara efektif.",
            "Memantau pelaksanaan perubahan dan melakukan penyesuaian.",
        ),
        _lv(
            5,
            "Memimpin dan menggerakkan pemangku kepentingan untuk perubahan yang berkelanjutan di "
            "tingkat instansi atau nasional.",
            "Merumuskan visi perubahan jangka panjang bagi instansi.",
            "Menggalang dukungan pemangku kepentingan untuk mewujudkan perubahan.",
            "Memastikan perubahan berlangsung berkelanjutan dan melembaga.",
        ),
    ),
)

_PENGAMBILAN_KEPUTUSAN = CompetencySeed(
    code="M.08",
    name="Pengambilan Keputusan",
    group=GROUP_MANAJERIAL,
    definition=(
        "Kemampuan mengambil keputusan secara tepat waktu dan bertanggung jawab berdasarkan analisis "
        "informasi, pertimbangan alternatif, dan risiko, sesuai dengan kewenangannya."
    ),
    levels=(
        _lv(
            1,
            "Mengumpulkan informasi dan bertindak sesuai kewenangannya.",
            "Mengumpulkan informasi yang relevan sebelum bertindak.",
            "Mengambil keputusan sesuai prosedur dan batas kewenangannya.",
            "Meminta arahan atasan untuk persoalan di luar kewenangannya.",
        ),
        _lv(
            2,
            "Menganalisis masalah secara mendalam.",
            "Mengurai masalah menjadi bagian-bagian untuk menemukan penyebabnya.",
            "Menggunakan data dan fakta sebagai dasar analisis.",
            "Mengusulkan penyelesaian berdasarkan hasil analisis.",
        ),
        _lv(
            3,
            "Membandingkan berbagai alternatif dan menimbang risikonya.",
            "Menyusun beberapa alternatif penyelesaian masalah.",
            "Menilai kelebihan, kekurangan, dan risiko setiap alternatif.",
            "Memilih alternatif terbaik dan mempertanggungjawabkannya.",
        ),
        _lv(
            4,
            "Menyelesaikan masalah yang berisiko tinggi dan melakukan mitigasi risiko.",
            "Mengambil keputusan dalam situasi yang tidak pasti atau berisiko tinggi.",
            "Menyiapkan langkah mitigasi atas dampak keputusan.",
            "Mempertimbangkan dampak keputusan terhadap berbagai pemangku kepentingan.",
        ),
        _lv(
            5,
            "Mengambil keputusan strategis jangka panjang yang berdampak nasional.",
            "Menetapkan keputusan strategis yang berdampak luas dan jangka panjang.",
            "Menyelaraskan keputusan dengan kebijakan nasional dan kepentingan publik.",
            "Bertanggung jawab penuh atas konsekuensi keputusan strategis.",
        ),
    ),
)

_PEREKAT_BANGSA = CompetencySeed(
    code="SK.01",
    name="Perekat Bangsa",
    group=GROUP_SOSIAL_KULTURAL,
    definition=(
        "Kemampuan menumbuhkan sikap toleran, terbuka, dan peka terhadap perbedaan latar belakang "
        "masyarakat serta menjaga persatuan dan kesatuan bangsa."
    ),
    levels=(
        _lv(
            1,
            "Peduli, menyadari, dan menerima keragaman.",
            "Menghargai perbedaan agama, suku, budaya, dan pandangan orang lain.",
            "Bersikap terbuka dalam bergaul dengan orang dari berbagai latar belakang.",
            "Tidak membeda-bedakan orang dalam melaksanakan tugas.",
        ),
        _lv(
            2,
            "Aktif membangun sikap saling menghargai dan persatuan.",
            "Mengajak rekan kerja untuk saling menghormati perbedaan.",
            "Membangun hubungan baik dengan orang dari berbagai latar belakang.",
            "Menghindari perilaku yang dapat menimbulkan perpecahan.",
        ),
        _lv(
            3,
            "Mempromosikan toleransi dan persatuan serta menjadi penengah dalam perbedaan.",
            "Menjadi penengah ketika terjadi perbedaan pendapat yang berlatar keragaman.",
            "Mengembangkan kegiatan yang memperkuat toleransi di lingkungan kerja.",
            "Mengelola keragaman dalam unit kerja sebagai kekuatan.",
        ),
        _lv(
            4,
            "Mendayagunakan perbedaan secara konstruktif untuk kemajuan organisasi.",
            "Memanfaatkan perbedaan latar belakang untuk menghasilkan gagasan dan solusi yang lebih baik.",
            "Menyusun kebijakan unit yang menjamin perlakuan setara bagi semua pihak.",
            "Menyelesaikan konflik yang bersumber dari perbedaan secara adil.",
        ),
        _lv(
            5,
            "Mewakili pemerintah dalam membangun ikatan sosial dan psikologis masyarakat.",
            "Menjadi wakil pemerintah dalam merekatkan hubungan antarkelompok masyarakat.",
            "Merumuskan kebijakan yang memperkuat persatuan dan kesatuan bangsa.",
            "Membangun jejaring lintas kelompok untuk menjaga kohesi sosial di tingkat nasional.",
        ),
    ),
)

COMPETENCIES: tuple[CompetencySeed, ...] = (
    _INTEGRITAS,
    _KERJA_SAMA,
    _KOMUNIKASI,
    _ORIENTASI_HASIL,
    _PELAYANAN_PUBLIK,
    _PENGEMBANGAN_DIRI,
    _MENGELOLA_PERUBAHAN,
    _PENGAMBILAN_KEPUTUSAN,
    _PEREKAT_BANGSA,
)

# Spellings seen in forms, spreadsheets and other apps -> canonical name.
ALIASES: dict[str, str] = {
    "Kerjasama": "Kerja Sama",
    "Orientasi Hasil": "Orientasi pada Hasil",
    "Orientasi Kepada Hasil": "Orientasi pada Hasil",
    "Pengembangan Diri": "Pengembangan Diri dan Orang Lain",
    "Manajemen Perubahan": "Mengelola Perubahan",
    "Perekat Bangsa (Sosial Kultural)": "Perekat Bangsa",
}

JOB_LEVELS: tuple[JobLevelSeed, ...] = (
    JobLevelSeed("JPT_UTAMA", "JPT Utama", "struktural", 5),  # UNVERIFIED: top level assumed
    JobLevelSeed("JPT_MADYA", "JPT Madya", "struktural", 5),
    JobLevelSeed("JPT_PRATAMA", "JPT Pratama", "struktural", 4),
    JobLevelSeed("ADMINISTRATOR", "Administrator", "struktural", 3),
    JobLevelSeed("PENGAWAS", "Pengawas", "struktural", 2),
    JobLevelSeed("PELAKSANA", "Pelaksana", "pelaksana", 1),
    # Jabatan fungsional: the standard comes from each JF's own SKJ, never from the jenjang.
    JobLevelSeed("JF_AHLI_UTAMA", "JF Ahli Utama", "fungsional", None),
    JobLevelSeed("JF_AHLI_MADYA", "JF Ahli Madya", "fungsional", None),
    JobLevelSeed("JF_AHLI_MUDA", "JF Ahli Muda", "fungsional", None),
    JobLevelSeed("JF_AHLI_PERTAMA", "JF Ahli Pertama", "fungsional", None),
    JobLevelSeed("JF_PENYELIA", "JF Penyelia", "fungsional", None),
    JobLevelSeed("JF_MAHIR", "JF Mahir", "fungsional", None),
    JobLevelSeed("JF_TERAMPIL", "JF Terampil", "fungsional", None),
    JobLevelSeed("JF_PEMULA", "JF Pemula", "fungsional", None),
)

_CODE_RE = re.compile(r"(m|sk)\s*[.\-_/]?\s*0*(\d{1,2})")


def _name_key(text: str) -> str:
    """Lower case, '&' read as 'dan', every non-alphanumeric character dropped."""
    t = text.lower().replace("&", " dan ")
    return re.sub(r"[^0-9a-z]+", "", t)


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    by_name = {c.name: c.code for c in COMPETENCIES}
    for c in COMPETENCIES:
        lookup[_name_key(c.name)] = c.code
    for alias, canonical in ALIASES.items():
        lookup.setdefault(_name_key(alias), by_name[canonical])
    return lookup


_LOOKUP = _build_lookup()
_BY_CODE: dict[str, CompetencySeed] = {c.code: c for c in COMPETENCIES}
_JOB_BY_CODE: dict[str, JobLevelSeed] = {j.code: j for j in JOB_LEVELS}


def find_competency_code(name_or_code: str) -> str | None:
    """Code of a shipped competency given its code ("M.01", "m01", "SK 1") or name, alias included.

    Case, spacing and punctuation do not matter ("KERJASAMA", "kerja  sama" -> "M.02").
    Returns None when nothing matches.
    """
    if not name_or_code:
        return None
    text = str(name_or_code).strip().lower()
    m = _CODE_RE.fullmatch(text)
    if m:
        code = f"{m.group(1).upper()}.{int(m.group(2)):02d}"
        return code if code in _BY_CODE else None
    return _LOOKUP.get(_name_key(text))


def competency_by_code(code: str) -> CompetencySeed | None:
    return _BY_CODE.get(code)


def job_level_by_code(code: str) -> JobLevelSeed | None:
    return _JOB_BY_CODE.get(code)


def level_label(level: int) -> str:
    """Text such as "Level 3 (Menengah)"; the generic labels are UNVERIFIED, see LEVEL_LABELS."""
    label = LEVEL_LABELS.get(level)
    return f"Level {level} ({label})" if label else f"Level {level}"
