"""Numbering patterns: what the user may write and what the number looks like."""

from __future__ import annotations

from datetime import date

import pytest

from ukom_desktop.services.numbering import DEFAULT_PATTERNS, format_number, pattern_problems


@pytest.mark.parametrize(
    ("pattern", "seq", "when", "expected"),
    [
        ("{seq}/UND/BPK/{roman_month}/{year}", 7, date(2026, 11, 9), "7/UND/BPK/XI/2026"),
        ("B-{seq3}/KP.01.01/{month}/{year}", 12, date(2026, 1, 31), "B-012/KP.01.01/01/2026"),
        ("{seq}/ST/PK/{roman_month}/{year}", 1234, date(2027, 4, 1), "1234/ST/PK/IV/2027"),
    ],
)
def test_a_pattern_is_filled_with_the_sequence_and_the_letter_date(pattern, seq, when, expected) -> None:  # type: ignore[no-untyped-def]
    assert format_number(pattern, seq, when) == expected


def test_the_shipped_patterns_are_usable() -> None:
    for pattern in DEFAULT_PATTERNS.values():
        assert pattern_problems(pattern) == []


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("", "tidak boleh kosong"),
        ("UND/BPK/{year}", "{seq}"),
        ("{seq}/UND/BPK", "{year}"),
        ("{seq}/{bulan}/{year}", "{bulan}"),
        ("{seq}/UND/{year", "tidak berpasangan"),
    ],
)
def test_an_unusable_pattern_is_explained(pattern: str, fragment: str) -> None:
    problems = pattern_problems(pattern)
    assert problems and any(fragment in p for p in problems)
