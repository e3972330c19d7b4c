"""Showing stored moments in local time. Moments (printed, submitted, status changed...) are stored in UTC;
SQLite hands them back without a zone, so a value without tzinfo is UTC. They are shown in the display
zone: the setting `tampilan.zona_waktu` (WIB, WITA or WIT), else the computer's zone, else WIB
(Asia/Jakarta) when the computer's zone cannot be read. Indonesia has no daylight saving, so the three
zones are fixed offsets and need no time zone database (Windows has none).

Schedule times (a session at 08:00) are wall-clock times of the event's place and never go through here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from ukom_desktop.domain.dates import format_date_id

SETTING_KEY = "tampilan.zona_waktu"
ZONES: dict[str, timezone] = {
    "WIB": timezone(timedelta(hours=7), "WIB"),
    "WITA": timezone(timedelta(hours=8), "WITA"),
    "WIT": timezone(timedelta(hours=9), "WIT"),
}
DEFAULT_ZONE = ZONES["WIB"]  # Asia/Jakarta

_display_zone: tzinfo | None = None  # None: the computer's zone


def computer_zone(now: datetime | None = None) -> tzinfo:
    """The computer's zone as a fixed offset named WIB/WITA/WIT when it is one of them; WIB if unknown."""
    try:
        offset = (now or datetime.now(UTC)).astimezone().utcoffset()
    except (OSError, OverflowError, ValueError):
        return DEFAULT_ZONE
    if offset is None:
        return DEFAULT_ZONE
    for zone in ZONES.values():
        if zone.utcoffset(None) == offset:
            return zone
    return timezone(offset)


def zone_from_setting(value: object) -> tzinfo:
    """WIB/WITA/WIT (any case) or an IANA name of one of them; anything else: the computer's zone."""
    aliases = {"ASIA/JAKARTA": "WIB", "ASIA/PONTIANAK": "WIB", "ASIA/MAKASSAR": "WITA", "ASIA/JAYAPURA": "WIT"}
    key = str(value or "").strip().upper()
    key = aliases.get(key, key)
    return ZONES[key] if key in ZONES else computer_zone()


def set_display_zone(value: object) -> tzinfo:
    """Called when a database is opened with its setting (None or "" means the computer's zone)."""
    global _display_zone
    _display_zone = zone_from_setting(value) if value else None
    return display_zone()


def display_zone() -> tzinfo:
    return _display_zone if _display_zone is not None else computer_zone()


def to_local(value: datetime, zone: tzinfo | None = None) -> datetime:
    """A stored moment in the display zone (a value without zone is UTC)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(zone or display_zone())


def zone_label(moment: datetime) -> str:
    name = moment.tzname() or ""
    if name in ZONES:
        return name
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}.{abs(minutes) % 60:02d}"


def format_timestamp(value: datetime | date | None, zone: tzinfo | None = None, *, seconds: bool = False) -> str:
    """'6 Desember 2026 09.27 WIB': the one way a stored moment is shown, in windows and documents."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return format_date_id(value)
    local = to_local(value, zone)
    clock = local.strftime("%H.%M.%S" if seconds else "%H.%M")
    return f"{format_date_id(local.date())} {clock} {zone_label(local)}"


def format_timestamp_short(value: datetime | None, zone: tzinfo | None = None) -> str:
    """'06-12-2026 09.27 WIB' for narrow table cells and spreadsheet exports."""
    if value is None:
        return ""
    local = to_local(value, zone)
    return f"{local:%d-%m-%Y %H.%M} {zone_label(local)}"
