"""`ukom-desktop waves` lists an event's waves and gives a wave its rooms; `schedule --check` then flags a
session placed in a room not of its wave (issue 11 item 1)."""

from __future__ import annotations

import sqlite3

ROOMS = "Aula Utama,Ruang Diskusi 1,Ruang Diskusi 2,Ruang Wawancara 1,Ruang Wawancara 2,Ruang Wawancara 3,Ruang Wawancara 4"


def test_waves_rooms_set_listed_and_checked(cli) -> None:  # type: ignore[no-untyped-def]
    code = cli("demo", "--participants", "12", "--seed", "5").stdout.strip()
    (wave,) = cli.json("waves", "--event", code)
    assert wave["wave"] == 1 and wave["rooms"] == []
    assert "ruang: Semua ruang aktif" in cli("waves", "--event", code).stdout

    (wave,) = cli.json("waves", "--event", code, "--wave", "1", "--rooms", ROOMS)
    assert wave["rooms"] == sorted(ROOMS.split(","))
    refused = cli("waves", "--event", code, "--wave", "1", "--rooms", "Ruang Rapat", check=False)
    assert refused.returncode != 0 and "Ruang tidak ditemukan: Ruang Rapat" in refused.stderr + refused.stdout

    assert cli.json("schedule", "--event", code, "--time-limit", "4")["violations"] == 0
    with sqlite3.connect(cli.db) as conn:
        used = {name for (name,) in conn.execute(
            "SELECT DISTINCT r.name FROM schedule_session s JOIN room r ON r.id = s.room_id")}
        assert used <= set(ROOMS.split(","))
        conn.execute("UPDATE schedule_session SET room_id = (SELECT id FROM room WHERE name = 'Ruang Wawancara 8') "
                     "WHERE id = (SELECT MIN(s.id) FROM schedule_session s JOIN exercise e ON e.id = s.exercise_id "
                     "WHERE e.code = 'WWC')")
    broken = cli("schedule", "--event", code, "--check", check=False)
    assert broken.returncode == 1 and "tidak dipilih untuk gelombang 1" in broken.stdout

    (wave,) = cli.json("waves", "--event", code, "--wave", "1", "--rooms", "")
    assert wave["rooms"] == []
    assert "0 pelanggaran berat" in cli("schedule", "--event", code, "--check").stdout
