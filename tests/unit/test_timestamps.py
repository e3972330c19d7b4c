"""Stored moments (UTC) are shown in local time: WIB, WITA, WIT or the computer's zone; WIB when unknown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from ukom_desktop.domain import timestamps
from ukom_desktop.domain.timestamps import ZONES, format_timestamp, format_timestamp_short, zone_from_setting


@pytest.fixture(autouse=True)
def _reset_zone():  # type: ignore[no-untyped-def]
    yield
    timestamps.set_display_zone(None)


def test_a_moment_stored_without_zone_is_utc_and_shown_in_local_time() -> None:
    printed = datetime(2026, 12, 6, 2, 27)  # as SQLite gives back "Terakhir dicetak": UTC, no zone
    assert format_timestamp(printed, ZONES["WIB"]) == "6 Desember 2026 09.27 WIB"
    assert format_timestamp(printed, ZONES["WITA"]) == "6 Desember 2026 10.27 WITA"
    assert format_timestamp(printed, ZONES["WIT"]) == "6 Desember 2026 11.27 WIT"
    aware = datetime(2026, 12, 6, 2, 27, tzinfo=UTC)  # as PostgreSQL gives it back
    assert format_timestamp(aware, ZONES["WIB"]) == format_timestamp(printed, ZONES["WIB"])


def test_the_day_changes_with_the_zone() -> None:
    late = datetime(2026, 12, 31, 18, 30)  # 18.30 UTC = 01.30 WIB on New Year's Day
    assert format_timestamp_short(late, ZONES["WIB"]) == "01-01-2027 01.30 WIB"


def test_the_setting_wins_and_unknown_values_fall_back_to_the_computer() -> None:
    timestamps.set_display_zone("WITA")
    assert format_timestamp(datetime(2026, 1, 1, 0, 0)) == "1 Januari 2026 08.00 WITA"
    assert zone_from_setting("Asia/Jayapura") is ZONES["WIT"]
    assert zone_from_setting("Mars/Olympus") == timestamps.computer_zone()


def test_the_computer_zone_is_named_when_it_is_an_indonesian_one() -> None:
    zone = timestamps.computer_zone()
    label = timestamps.zone_label(datetime.now(UTC).astimezone(zone))
    offset = datetime.now(UTC).astimezone().utcoffset()
    expected = {timedelta(hours=7): "WIB", timedelta(hours=8): "WITA", timedelta(hours=9): "WIT"}
    assert label == expected.get(offset, label) and label
    assert timestamps.zone_label(datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=-3)))) == "UTC-03.00"
