"""Automatic report checks: one passing and failing snapshots for each check."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from ukom_desktop.domain.report_checks import (
    CHECK_FINAL_LEVELS,
    CHECK_IDENTITY,
    CHECK_JPM_CATEGORY,
    CHECK_NARRATIVES,
    CHECK_STRENGTHS_GAPS,
    CheckResult,
    ReportSnapshot,
    all_passed,
    competency_gaps,
    failed_checks,
    is_blank_text,
    required_sections_for,
    run_checks,
)
from ukom_desktop.domain.report_status import TransitionError, transition

D = Decimal
CODES = ("M.01", "M.02", "M.03")

# Standard 3 for all; finals 4, 3, 2 -> gaps +1, 0, -1.
GOOD = ReportSnapshot(
    purpose="pengisian",
    competency_codes=CODES,
    final_levels={"M.01": D(4), "M.02": D(3), "M.03": D(2)},
    standard_levels={"M.01": 3, "M.02": 3, "M.03": 3},
    narratives={
        "potensi": "Kemampuan berpikir analitis baik.",
        "kekuatan": "<p>Integritas tinggi.</p>",
        "area_pengembangan": "Komunikasi tertulis.",
        "saran_pengembangan": "Pelatihan penulisan laporan.",
    },
    strengths=("M.01",),
    development_areas=("M.03",),
    report_jpm=D("100.00"),
    report_category="MS",
    expected_jpm=D("100.00"),
    expected_category="MS",
    report_name="Budi Santoso, S.H.",
    report_nip="19860926 201505 1 001",
    participant_name="Budi  Santoso, S.H.",
    participant_nip="198609262015051001",
    competency_names={"M.01": "Integritas", "M.02": "Kerja Sama", "M.03": "Komunikasi"},
)


def result_of(snapshot: ReportSnapshot, code: str) -> CheckResult:
    results = {r.code: r for r in run_checks(snapshot)}
    return results[code]


def test_good_snapshot_passes_every_check() -> None:
    results = run_checks(GOOD)
    assert [r.code for r in results] == [
        CHECK_FINAL_LEVELS,
        CHECK_NARRATIVES,
        CHECK_JPM_CATEGORY,
        CHECK_STRENGTHS_GAPS,
        CHECK_IDENTITY,
    ]
    assert all_passed(results), [r.message for r in results if not r.passed]
    assert failed_checks(results) == []
    assert all(r.message and r.label for r in results)


FAILING = [
    # --- every competency has a final level
    (
        CHECK_FINAL_LEVELS,
        {"final_levels": {"M.01": D(4), "M.02": None, "M.03": D(2)}},
        "Kerja Sama (M.02)",
    ),
    (CHECK_FINAL_LEVELS, {"final_levels": {"M.01": D(4), "M.03": D(2)}}, "M.02"),
    (CHECK_FINAL_LEVELS, {"competency_codes": ()}, "belum memuat kompetensi"),
    # --- narratives not empty after stripping whitespace and markup
    (
        CHECK_NARRATIVES,
        {"narratives": {**GOOD.narratives, "potensi": "   \n\t"}},
        "Uraian potensi",
    ),
    (
        CHECK_NARRATIVES,
        {"narratives": {**GOOD.narratives, "kekuatan": "<p>&nbsp;</p><ul><li> </li></ul>"}},
        "Kekuatan",
    ),
    (
        CHECK_NARRATIVES,
        {"narratives": {**GOOD.narratives, "saran_pengembangan": "- \n* "}},
        "Saran pengembangan",
    ),
    (
        CHECK_NARRATIVES,
        {"narratives": {k: v for k, v in GOOD.narratives.items() if k != "area_pengembangan"}},
        "Area pengembangan",
    ),
    # pemetaan also needs saran penempatan
    (
        CHECK_NARRATIVES,
        {"purpose": "pemetaan", "report_category": "O", "expected_category": "O"},
        "Saran penempatan",
    ),
    (CHECK_NARRATIVES, {"required_sections": ("ringkasan",)}, "ringkasan"),
    # --- JPM and category agree with the expected values
    (CHECK_JPM_CATEGORY, {"report_jpm": D("99.98")}, "99,98%"),
    (CHECK_JPM_CATEGORY, {"report_jpm": None}, "JPM belum tercantum"),
    (CHECK_JPM_CATEGORY, {"report_category": "MMS"}, "seharusnya 'MS'"),
    (CHECK_JPM_CATEGORY, {"report_category": " "}, "kategori belum tercantum"),
    (CHECK_JPM_CATEGORY, {"expected_jpm": None}, "acuan belum dihitung"),
    (CHECK_JPM_CATEGORY, {"expected_category": None}, "acuan belum dihitung"),
    # --- strengths and development areas consistent with gaps
    (CHECK_STRENGTHS_GAPS, {"strengths": ("M.03",), "development_areas": ()}, "di bawah standar (gap -1)"),
    (
        CHECK_STRENGTHS_GAPS,
        {"development_areas": ("M.02",)},  # gap 0 while M.03 has -1
        "gap-nya 0 dan bukan yang terendah",
    ),
    (CHECK_STRENGTHS_GAPS, {"development_areas": ("M.01",)}, "gap-nya +1"),
    (CHECK_STRENGTHS_GAPS, {"strengths": ("M.01", "M.03"), "development_areas": ("M.03",)}, "sekaligus"),
    (CHECK_STRENGTHS_GAPS, {"strengths": ("SK.01",)}, "tidak termasuk standar"),
    (
        CHECK_STRENGTHS_GAPS,
        {"standard_levels": {"M.01": None, "M.02": 3, "M.03": 3}},
        "gap Integritas (M.01) belum dapat dihitung",
    ),
    # --- names and NIP match the participant
    (CHECK_IDENTITY, {"report_name": "Budi Santosa, S.H."}, "nama dalam laporan"),
    (CHECK_IDENTITY, {"report_name": "  "}, "nama peserta belum tercantum"),
    (CHECK_IDENTITY, {"report_nip": "19860926 201505 1 002"}, "NIP dalam laporan"),
    (CHECK_IDENTITY, {"report_nip": ""}, "NIP dalam laporan"),
]


@pytest.mark.parametrize(("code", "changes", "message_part"), FAILING)
def test_each_check_fails_on_a_bad_snapshot(code: str, changes: dict, message_part: str) -> None:
    snapshot = replace(GOOD, **changes)
    results = run_checks(snapshot)
    failing = {r.code: r for r in results if not r.passed}
    assert code in failing
    assert message_part.casefold() in failing[code].message.casefold()
    assert failing[code].message[0].isupper()
    assert not all_passed(results)


PASSING_VARIANTS = [
    (CHECK_NARRATIVES, {"narratives": {**GOOD.narratives, "potensi": "<b>Baik</b>&nbsp;"}}),
    (
        CHECK_NARRATIVES,
        {
            "purpose": "pemetaan",
            "narratives": {**GOOD.narratives, "saran_penempatan": "Tetap pada jabatan saat ini."},
        },
    ),
    (CHECK_JPM_CATEGORY, {"report_jpm": D("99.99")}),  # within the 0.01 tolerance
    (CHECK_JPM_CATEGORY, {"report_jpm": 100.01, "report_category": "ms"}),
    # all at or above standard: the lowest gap may be named as development area
    (
        CHECK_STRENGTHS_GAPS,
        {
            "final_levels": {"M.01": D(4), "M.02": D(3), "M.03": D(3)},
            "development_areas": ("M.02", "M.03"),
        },
    ),
    # half levels: gap -0.5 is negative
    (
        CHECK_STRENGTHS_GAPS,
        {
            "final_levels": {"M.01": D(4), "M.02": D("2.5"), "M.03": D(2)},
            "development_areas": ("M.02", "M.03"),
        },
    ),
    (CHECK_STRENGTHS_GAPS, {"strengths": ("M.01", "M.02"), "development_areas": ()}),
    (CHECK_IDENTITY, {"report_name": "BUDI SANTOSO, S.H.", "report_nip": "19860926.201505.1.001"}),
    (CHECK_IDENTITY, {"report_nip": "", "participant_nip": ""}),  # non-ASN participant without NIP
]


@pytest.mark.parametrize(("code", "changes"), PASSING_VARIANTS)
def test_check_passes_on_acceptable_variants(code: str, changes: dict) -> None:
    result = result_of(replace(GOOD, **changes), code)
    assert result.passed, result.message


def test_expected_values_from_a_callable_override_the_snapshot() -> None:
    calls: list[ReportSnapshot] = []

    def compute(snapshot: ReportSnapshot) -> tuple[Decimal, str]:
        calls.append(snapshot)
        return D("88.89"), "MMS"

    result = {r.code: r for r in run_checks(GOOD, expected=compute)}[CHECK_JPM_CATEGORY]
    assert calls == [GOOD]
    assert not result.passed
    assert "88,89%" in result.message and "'MMS'" in result.message


@pytest.mark.parametrize(
    ("purpose", "sections"),
    [
        ("pengisian", ("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan")),
        ("pemetaan", ("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan", "saran_penempatan")),
        (
            " Pemetaan ",
            ("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan", "saran_penempatan"),
        ),
    ],
)
def test_required_sections(purpose: str, sections: tuple[str, ...]) -> None:
    assert required_sections_for(purpose) == sections


@pytest.mark.parametrize(
    ("text", "blank"),
    [
        (None, True),
        ("", True),
        (" \n ", True),
        ("<p></p>", True),
        ("<p>&nbsp;&#160;</p>", True),
        ("• - *", True),
        ("<p>Ya</p>", False),
        ("1.", False),
    ],
)
def test_is_blank_text(text: str | None, blank: bool) -> None:
    assert is_blank_text(text) is blank


def test_competency_gaps() -> None:
    assert competency_gaps(GOOD) == {"M.01": D(1), "M.02": D(0), "M.03": D(-1)}


def test_all_passed_on_mixed_results() -> None:
    ok = CheckResult("a", True, "Baik.")
    bad = CheckResult("b", False, "Kurang.")
    assert all_passed([ok, ok]) is True
    assert all_passed([ok, bad]) is False
    assert failed_checks([ok, bad]) == [bad]


def test_no_approval_when_a_check_fails() -> None:
    bad = replace(GOOD, report_category="KMS")
    passed = all_passed(run_checks(bad))
    with pytest.raises(TransitionError):
        transition("diajukan", "disetujui", "qc", checks_passed=passed)
    assert (
        transition("diajukan", "disetujui", "qc", checks_passed=all_passed(run_checks(GOOD))).target
        == "disetujui"
    )
