"""Who may lead the assessor team, and what a plausible civil-servant career looks like.

Ketua tim (domain.md 4.3, Peraturan BRIN 3/2023): an Asesor SDM Aparatur whose jenjang fits the target
jabatan. Which jenjang fits which target is not in the sources found (UNVERIFIED), so the minimum jenjang
per target job level is a setting (``team.ketua_min_jenjang``) with these defaults: the ketua is at least
one step above the level assessed (Administrator needs Ahli Muda, JPT Pratama Ahli Madya, JPT Madya and
Utama Ahli Utama).

Careers (for demo data and plausibility checks): a golongan is reached after about four years per step
from III/a (PP 99/2000 regular promotion, UNVERIFIED as a rule), and the retirement age (batas usia
pensiun, UU 20/2023 practice) is 58 for administrators, supervisors and first/junior JF, 60 for Ahli
Madya and 65 for Ahli Utama and JPT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

JENJANG: tuple[str, ...] = ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli Utama")
SETTING_KEY = "team.ketua_min_jenjang"

# target job level code -> minimum assessor jenjang of the ketua (UNVERIFIED default; a setting)
DEFAULT_KETUA_MIN_JENJANG: dict[str, str] = {
    "JPT_UTAMA": "Ahli Utama", "JPT_MADYA": "Ahli Utama", "JPT_PRATAMA": "Ahli Madya",
    "ADMINISTRATOR": "Ahli Muda", "PENGAWAS": "Ahli Pertama", "PELAKSANA": "Ahli Pertama",
    "JF_AHLI_UTAMA": "Ahli Utama", "JF_AHLI_MADYA": "Ahli Madya", "JF_AHLI_MUDA": "Ahli Muda",
    "JF_AHLI_PERTAMA": "Ahli Pertama", "JF_PENYELIA": "Ahli Pertama", "JF_MAHIR": "Ahli Pertama",
    "JF_TERAMPIL": "Ahli Pertama", "JF_PEMULA": "Ahli Pertama",
}

GOLONGAN_STEPS: tuple[str, ...] = ("III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e")
YEARS_PER_STEP = 4
RETIREMENT_AGE: dict[str, int] = {"Ahli Utama": 65, "Ahli Madya": 60, "JPT": 60}
DEFAULT_RETIREMENT_AGE = 58

_JENJANG_RE = re.compile(r"ahli\s+(pertama|muda|madya|utama)", re.IGNORECASE)


def jenjang_of(*texts: str | None) -> str | None:
    """"Asesor SDM Aparatur Ahli Madya" -> "Ahli Madya"; None when no keahlian jenjang is named."""
    for text in texts:
        match = _JENJANG_RE.search(text or "")
        if match:
            return f"Ahli {match.group(1).capitalize()}"
    return None


def required_jenjang(target_levels: Iterable[str], rules: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(minimum jenjang, the target level that asks for it) over the event's target levels."""
    table = {**DEFAULT_KETUA_MIN_JENJANG, **(rules or {})}
    best: tuple[str, str] | None = None
    for level in target_levels:
        need = table.get(level)
        if need in JENJANG and (best is None or JENJANG.index(need) > JENJANG.index(best[0])):
            best = (need, level)
    return best


def ketua_problem(name: str, jabatan: str, jf_jenjang: str, target_levels: Iterable[str],
                  level_names: Mapping[str, str], rules: Mapping[str, str] | None = None) -> str | None:
    """A sentence when the ketua does not fit the target posts, else None."""
    need = required_jenjang(target_levels, rules)
    if need is None:
        return None
    minimum, level = need
    own = jenjang_of(jf_jenjang, jabatan)
    if own is not None and JENJANG.index(own) >= JENJANG.index(minimum):
        return None
    shown = f"Asesor SDM Aparatur {own}" if own else (jabatan or "bukan Asesor SDM Aparatur")
    return (f"Ketua tim {name} ({shown}) belum sesuai dengan jabatan sasaran {level_names.get(level, level)}: "
            f"ketua tim sebaiknya Asesor SDM Aparatur minimal {minimum}.")


def best_ketua(candidates: Iterable[tuple[int, str]]) -> int | None:
    """The candidate (id, jenjang text) with the highest keahlian jenjang."""
    ranked = [(JENJANG.index(j), -i, i) for i, text in candidates if (j := jenjang_of(text)) is not None]
    return max(ranked)[2] if ranked else None


def service_years(golongan: str) -> int:
    """Typical years since TMT CPNS to reach a golongan from III/a."""
    return YEARS_PER_STEP * GOLONGAN_STEPS.index(golongan) if golongan in GOLONGAN_STEPS else 0


def retirement_age(jabatan: str) -> int:
    jenjang = jenjang_of(jabatan)
    if jenjang in RETIREMENT_AGE:
        return RETIREMENT_AGE[jenjang]
    return RETIREMENT_AGE["JPT"] if (jabatan or "").upper().startswith("JPT") else DEFAULT_RETIREMENT_AGE
