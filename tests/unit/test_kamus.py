"""The shipped competency dictionary and job-level defaults (domain.md 1.2-1.4)."""

from __future__ import annotations

import re

import pytest

from ukom_desktop.domain import kamus
from ukom_desktop.domain.kamus import (
    ALIASES,
    COMPETENCIES,
    JOB_LEVELS,
    LEVEL_LABELS,
    competency_by_code,
    find_competency_code,
    job_level_by_code,
    level_label,
)

EXPECTED_COMPETENCIES = [
    ("M.01", "Integritas", "manajerial"),
    ("M.02", "Kerja Sama", "manajerial"),
    ("M.03", "Komunikasi", "manajerial"),
    ("M.04", "Orientasi pada Hasil", "manajerial"),
    ("M.05", "Pelayanan Publik", "manajerial"),
    ("M.06", "Pengembangan Diri dan Orang Lain", "manajerial"),
    ("M.07", "Mengelola Perubahan", "manajerial"),
    ("M.08", "Pengambilan Keputusan", "manajerial"),
    ("SK.01", "Perekat Bangsa", "sosial_kultural"),
]


def test_nine_competencies_in_regulation_order() -> None:
    assert [(c.code, c.name, c.group) for c in COMPETENCIES] == EXPECTED_COMPETENCIES


@pytest.mark.parametrize("competency", COMPETENCIES, ids=lambda c: c.code)
def test_each_competency_has_five_levels_of_three_indicators(competency: kamus.CompetencySeed) -> None:
    assert [lv.level for lv in competency.levels] == [1, 2, 3, 4, 5]
    for lv in competency.levels:
        assert len(lv.indicators) == 3
        assert lv.description.strip()
        assert all(ind.strip() for ind in lv.indicators)
        assert len(set(lv.indicators)) == 3


@pytest.mark.parametrize("competency", COMPETENCIES, ids=lambda c: c.code)
def test_texts_are_sentences_without_stray_spacing(competency: kamus.CompetencySeed) -> None:
    texts = [competency.definition]
    for lv in competency.levels:
        texts.append(lv.description)
        texts.extend(lv.indicators)
    for text in texts:
        assert text[0].isupper(), text
        assert text.endswith("."), text
        assert "  " not in text, text
        assert text == text.strip(), text
    # One-to-two sentences of definition.
    assert 1 <= len(re.findall(r"\.(\s|$)", competency.definition)) <= 2


def test_indicators_unique_across_the_whole_dictionary() -> None:
    all_indicators = [ind for c in COMPETENCIES for lv in c.levels for ind in lv.indicators]
    assert len(all_indicators) == 9 * 5 * 3
    assert len(set(all_indicators)) == len(all_indicators)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M.01", "M.01"),
        ("m.01", "M.01"),
        ("M01", "M.01"),
        ("M 8", "M.08"),
        ("M-07", "M.07"),
        ("SK.01", "SK.01"),
        ("sk1", "SK.01"),
        (" SK 01 ", "SK.01"),
        ("M.09", None),
        ("SK.02", None),
        ("Integritas", "M.01"),
        ("INTEGRITAS", "M.01"),
        ("Kerja Sama", "M.02"),
        ("kerja  sama", "M.02"),
        ("Kerjasama", "M.02"),
        ("KERJASAMA", "M.02"),
        ("Orientasi Pada Hasil", "M.04"),
        ("Orientasi Hasil", "M.04"),
        ("Pengembangan Diri & Orang Lain", "M.06"),
        ("pengembangan diri dan orang lain", "M.06"),
        ("Manajemen Perubahan", "M.07"),
        ("Pengambilan  Keputusan", "M.08"),
        ("Perekat Bangsa", "SK.01"),
        ("Perekat Bangsa (Sosial Kultural)", "SK.01"),
        ("Kepemimpinan", None),
        ("", None),
        ("   ", None),
    ],
)
def test_find_competency_code(text: str, expected: str | None) -> None:
    assert find_competency_code(text) == expected


def test_every_alias_points_at_a_canonical_name_and_resolves() -> None:
    names = {c.name: c.code for c in COMPETENCIES}
    assert ALIASES["Kerjasama"] == "Kerja Sama"
    for alias, canonical in ALIASES.items():
        assert canonical in names
        assert find_competency_code(alias) == names[canonical]


def test_competency_by_code() -> None:
    seed = competency_by_code("SK.01")
    assert seed is not None and seed.name == "Perekat Bangsa"
    assert competency_by_code("X.01") is None


EXPECTED_JOB_LEVELS = [
    ("JPT_UTAMA", "struktural", 5),
    ("JPT_MADYA", "struktural", 5),
    ("JPT_PRATAMA", "struktural", 4),
    ("ADMINISTRATOR", "struktural", 3),
    ("PENGAWAS", "struktural", 2),
    ("PELAKSANA", "pelaksana", 1),
    ("JF_AHLI_UTAMA", "fungsional", None),
    ("JF_AHLI_MADYA", "fungsional", None),
    ("JF_AHLI_MUDA", "fungsional", None),
    ("JF_AHLI_PERTAMA", "fungsional", None),
    ("JF_PENYELIA", "fungsional", None),
    ("JF_MAHIR", "fungsional", None),
    ("JF_TERAMPIL", "fungsional", None),
    ("JF_PEMULA", "fungsional", None),
]


def test_job_level_defaults() -> None:
    assert [(j.code, j.kind, j.default_standard) for j in JOB_LEVELS] == EXPECTED_JOB_LEVELS


@pytest.mark.parametrize(
    ("code", "name"),
    [("JPT_MADYA", "JPT Madya"), ("ADMINISTRATOR", "Administrator"), ("JF_AHLI_MUDA", "JF Ahli Muda")],
)
def test_job_level_by_code(code: str, name: str) -> None:
    seed = job_level_by_code(code)
    assert seed is not None and seed.name == name


def test_unknown_job_level() -> None:
    assert job_level_by_code("ESELON_II") is None


def test_job_level_codes_unique() -> None:
    codes = [j.code for j in JOB_LEVELS]
    assert len(codes) == len(set(codes))


def test_level_labels() -> None:
    assert LEVEL_LABELS == {1: "Paham", 2: "Dasar", 3: "Menengah", 4: "Mumpuni", 5: "Ahli"}
    assert level_label(3) == "Level 3 (Menengah)"
    assert level_label(0) == "Level 0"
