"""Ketua tim fit rule and career plausibility (domain/team_rules)."""

from __future__ import annotations

from ukom_desktop.domain import team_rules


def test_jenjang_is_read_from_the_jabatan() -> None:
    assert team_rules.jenjang_of("Asesor SDM Aparatur Ahli Madya") == "Ahli Madya"
    assert team_rules.jenjang_of("", "asesor sdm aparatur ahli utama") == "Ahli Utama"
    assert team_rules.jenjang_of("Analis Sumber Daya Manusia Aparatur") is None


def test_the_highest_target_decides_the_ketua_minimum() -> None:
    assert team_rules.required_jenjang(["PENGAWAS", "ADMINISTRATOR"]) == ("Ahli Muda", "ADMINISTRATOR")
    assert team_rules.required_jenjang(["JPT_PRATAMA", "ADMINISTRATOR"]) == ("Ahli Madya", "JPT_PRATAMA")
    assert team_rules.required_jenjang([]) is None


def test_ketua_problem_names_the_person_the_post_and_the_minimum() -> None:
    names = {"ADMINISTRATOR": "Administrator"}
    problem = team_rules.ketua_problem("Dian", "Asesor SDM Aparatur Ahli Pertama", "Ahli Pertama",
                                       ["ADMINISTRATOR"], names)
    assert problem is not None and "Dian (Asesor SDM Aparatur Ahli Pertama)" in problem
    assert "Administrator" in problem and "minimal Ahli Muda" in problem
    assert team_rules.ketua_problem("Eko", "Asesor SDM Aparatur Ahli Madya", "", ["ADMINISTRATOR"], names) is None
    assert "bukan Asesor" in (team_rules.ketua_problem("Ani", "", "", ["ADMINISTRATOR"], names) or "")


def test_best_ketua_is_the_highest_jenjang_first_listed() -> None:
    candidates = [(0, "Asesor SDM Aparatur Ahli Pertama"), (1, "Asesor SDM Aparatur Ahli Utama"),
                  (2, "Analis SDM"), (3, "Asesor SDM Aparatur Ahli Utama")]
    assert team_rules.best_ketua(candidates) == 1
    assert team_rules.best_ketua([(0, "Analis SDM")]) is None


def test_career_figures() -> None:
    assert team_rules.service_years("III/a") == 0 and team_rules.service_years("IV/d") == 28
    assert team_rules.retirement_age("Ahli Utama") == 65 and team_rules.retirement_age("Kepala Bagian Umum") == 58
