"""Letter dates: a sensible default before the event and the warnings an auditor would raise."""

from __future__ import annotations

from datetime import date

import pytest

from ukom_desktop.domain.letter_dates import default_letter_date, letter_date_warnings

START, END = date(2026, 11, 17), date(2026, 11, 18)  # Tuesday and Wednesday


@pytest.mark.parametrize(
    ("kind", "today", "expected"),
    [
        ("undangan", date(2026, 11, 2), date(2026, 11, 2)),  # early enough: today
        ("undangan", date(2026, 11, 12), date(2026, 11, 10)),  # too late for a week's notice: 7 days before
        ("undangan", date(2026, 12, 6), date(2026, 11, 10)),  # after the event: never today
        ("surat_tugas", date(2026, 12, 6), date(2026, 11, 13)),  # 3 days before is Saturday: the Friday
        ("pemanggilan", date(2026, 11, 17), date(2026, 11, 13)),
        ("berita_acara", date(2026, 12, 6), END),
        ("laporan", date(2026, 11, 1), END),
        ("laporan", date(2026, 12, 6), date(2026, 12, 4)),  # Sunday: the Friday before
        ("undangan", date(2026, 11, 1), date(2026, 11, 2)),  # written on a Sunday: dated Monday
    ],
)
def test_default_date_is_before_the_event_for_letters_that_prepare_it(kind: str, today: date, expected: date) -> None:
    chosen = default_letter_date(kind, today, START, END)
    assert chosen == expected
    if kind in ("undangan", "pemanggilan", "surat_tugas"):
        assert chosen < START and chosen.weekday() < 5
        assert letter_date_warnings(kind, chosen, START) == []


def test_without_event_dates_the_default_is_today() -> None:
    assert default_letter_date("undangan", date(2026, 12, 6), None) == date(2026, 12, 6)


def test_a_letter_dated_on_or_after_the_first_day_is_flagged() -> None:
    on_the_day = letter_date_warnings("surat_tugas", START, START)
    assert len(on_the_day) == 1 and "sama dengan hari pertama kegiatan (17 November 2026)" in on_the_day[0]
    after = letter_date_warnings("undangan", date(2026, 12, 1), START)
    assert "sesudah hari pertama kegiatan" in after[0] and "harus bertanggal sebelum kegiatan" in after[0]
    assert letter_date_warnings("berita_acara", END, START) == []  # written after the event: fine


def test_a_weekend_date_is_flagged() -> None:
    warnings = letter_date_warnings("undangan", date(2026, 11, 7), START)
    assert warnings == ["Tanggal naskah (7 November 2026) jatuh pada hari Sabtu."]
