from ukom_desktop.db.models import Event
from ukom_desktop.services.settings import event_setting, get_setting, set_event_setting, set_setting


def test_settings_round_trip_and_event_override(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as s:
        assert get_setting(s, "jpm", {"cap_at_100": True}) == {"cap_at_100": True}
        set_setting(s, "jpm", {"cap_at_100": False})
        event = Event(code="E1", name="Uji")
        s.add(event)
        s.flush()
        assert event_setting(s, event, "jpm") == {"cap_at_100": False}
        set_event_setting(s, event, "jpm", {"cap_at_100": True})
    with sqlite_database.sessions() as s:
        event = s.query(Event).one()
        assert event_setting(s, event.id, "jpm") == {"cap_at_100": True}
        assert get_setting(s, "jpm") == {"cap_at_100": False}
