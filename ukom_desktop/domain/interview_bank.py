"""The project's own starting set of interview questions (wawancara berbasis kompetensi) for the nine
competencies of PermenPAN-RB 38/2017: per competency a key behavioural question with probes, and per
level a question built on the level's description in the competency dictionary. Users edit the stored
copy; this module only seeds it."""

from __future__ import annotations

from dataclasses import dataclass

STAR_PROBES = (
    "Apa situasinya dan apa tugas Anda saat itu?",
    "Apa yang Anda lakukan sendiri, langkah demi langkah?",
    "Apa hasilnya, dan bagaimana Anda mengetahuinya?",
)


@dataclass(frozen=True)
class StarterQuestion:
    question: str
    probes: tuple[str, ...]


# competency code -> the key question asked at every level, with its probes
KEY_QUESTIONS: dict[str, StarterQuestion] = {
    "M.01": StarterQuestion(
        "Ceritakan saat Anda diminta atau tergoda melakukan sesuatu yang bertentangan dengan aturan atau nilai "
        "organisasi.", ("Siapa yang meminta dan apa taruhannya?", "Apa yang Anda katakan dan lakukan?",
                        "Apa akibatnya bagi Anda dan bagi unit kerja?")),
    "M.02": StarterQuestion(
        "Ceritakan pekerjaan penting yang hanya dapat selesai dengan bekerja sama dengan unit atau pihak lain.",
        ("Apa peran Anda dalam tim itu?", "Bagaimana Anda menangani perbedaan pendapat?",
         "Apa yang berubah berkat kerja sama itu?")),
    "M.03": StarterQuestion(
        "Ceritakan saat Anda harus menyampaikan informasi yang sulit atau sensitif kepada orang lain.",
        ("Kepada siapa dan mengapa sulit?", "Bagaimana Anda menyiapkan dan menyampaikannya?",
         "Bagaimana tanggapan mereka dan apa tindak lanjut Anda?")),
    "M.04": StarterQuestion(
        "Ceritakan target kerja tersulit yang pernah Anda capai dalam dua tahun terakhir.",
        ("Siapa yang menetapkan target itu?", "Hambatan apa yang Anda hadapi dan bagaimana mengatasinya?",
         "Bagaimana hasilnya dibandingkan target?")),
    "M.05": StarterQuestion(
        "Ceritakan saat Anda memperbaiki layanan setelah menerima keluhan dari masyarakat atau pengguna layanan.",
        ("Apa keluhannya?", "Apa yang Anda ubah dalam cara kerja unit?", "Bagaimana Anda memastikan perbaikan itu bertahan?")),
    "M.06": StarterQuestion(
        "Ceritakan bagaimana Anda mengembangkan kemampuan diri sendiri atau rekan/bawahan dalam satu tahun terakhir.",
        ("Kebutuhan apa yang Anda lihat?", "Apa yang Anda lakukan secara konkret?", "Perubahan apa yang terlihat sesudahnya?")),
    "M.07": StarterQuestion(
        "Ceritakan perubahan kebijakan, sistem atau organisasi yang berdampak pada pekerjaan Anda.",
        ("Bagaimana Anda menanggapinya pada awalnya?", "Apa yang Anda lakukan agar perubahan itu berjalan?",
         "Bagaimana Anda membantu orang lain menyesuaikan diri?")),
    "M.08": StarterQuestion(
        "Ceritakan keputusan penting yang Anda ambil dengan informasi yang tidak lengkap.",
        ("Alternatif apa saja yang Anda pertimbangkan?", "Bagaimana Anda menimbang risikonya?",
         "Apa hasilnya, dan apa yang akan Anda lakukan berbeda?")),
    "SK.01": StarterQuestion(
        "Ceritakan saat Anda bekerja dengan orang yang berbeda latar belakang suku, agama, budaya atau pandangan.",
        ("Perbedaan apa yang muncul?", "Apa yang Anda lakukan untuk menjaga hubungan dan pekerjaan?",
         "Apa hasilnya bagi kelompok?")),
}


def level_question(description: str) -> StarterQuestion:
    """A behavioural question built on a level description of the dictionary."""
    text = description.strip().rstrip(".")
    if text:
        text = text[0].lower() + text[1:]
    return StarterQuestion(
        f"Ceritakan satu contoh nyata ketika Anda {text}." if text else "Ceritakan satu contoh nyata dari pekerjaan Anda.",
        STAR_PROBES,
    )


def starter_questions(code: str, level_descriptions: dict[int, str]) -> list[tuple[int, StarterQuestion]]:
    """(level, question) pairs to seed for one competency: the key question and the level question per level."""
    out: list[tuple[int, StarterQuestion]] = []
    key = KEY_QUESTIONS.get(code)
    for level in sorted(level_descriptions):
        if key is not None:
            out.append((level, key))
        out.append((level, level_question(level_descriptions[level])))
    return out
