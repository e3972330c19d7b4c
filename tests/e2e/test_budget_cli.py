"""`budget` and `export budget` on a demo event: honoraria from the team and the schedule, consumption
from attendance, realisation against the plan, the workbook read back (issue 16 items 1, 7, 8)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import load_workbook


def test_budget_of_the_demo_event_and_its_workbook(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "8", "--with-ratings")["event_code"]
    with sqlite3.connect(cli.db) as conn:
        team = conn.execute("SELECT count(*) FROM event_team_member").fetchone()[0]
        days = conn.execute("SELECT count(DISTINCT date(starts_at)) FROM schedule_session").fetchone()[0]
        conn.execute("UPDATE event_participant SET attendance = 'hadir'")
    assert team and days
    plan = cli.json("budget", "--event", code)
    assert plan["tarif_contoh"] is True and plan["jumlah"] == sum(a["jumlah"] for a in plan["akun"])
    food = next(a for a in plan["akun"] if a["akun"] == "521211")
    meal = next(r for r in food["rincian"] if r["kode"] == "konsumsi_makan")
    assert meal["volume"] == (8 + team) * days == meal["volume_realisasi"]
    fees = plan["honorarium"]
    assert fees and all(f["neto"] == f["bruto"] - f["pph"] for f in fees)
    for fee in fees:
        group = (fee["golongan"] or "").split("/")[0]
        expected = {"I": 0, "II": 0, "III": 5, "IV": 15}.get(group, 5)
        assert fee["pph"] == fee["bruto"] * expected // 100
    asesor = sum(f["volume"] for f in fees if f["uraian"] == "Honorarium Asesor")
    assert asesor >= 8 * 2  # at least two assessors per participant

    with sqlite3.connect(cli.db) as conn:
        conn.execute("UPDATE event_participant SET attendance = 'tidak_hadir' WHERE number IN (1, 2)")
    after = cli.json("budget", "--event", code)
    meal = next(r for a in after["akun"] for r in a["rincian"] if r["kode"] == "konsumsi_makan")
    assert meal["volume"] - meal["volume_realisasi"] == 2 * days
    assert after["realisasi"] < after["jumlah"] == plan["jumlah"]

    out = tmp_path / "rab.xlsx"
    cli("export", "budget", "--event", code, "--out", str(out))
    book = load_workbook(out)
    assert book.sheetnames == ["RAB", "Honorarium", "Realisasi"]
    rab = [[c.value for c in row] for row in book["RAB"].iter_rows()]
    total = next(row for row in rab if row[1] == "JUMLAH")
    assert total[5] == after["jumlah"] and total[6] == after["realisasi"]
    assert any(str(row[0]).endswith(".521213") for row in rab)
    names = [[c.value for c in row] for row in book["Honorarium"].iter_rows()]
    last = next(row for row in names if row[1] == "JUMLAH")
    assert last[8] == sum(f["bruto"] for f in after["honorarium"])
    assert last[11] == sum(f["neto"] for f in after["honorarium"])
    assert any(str(v).startswith("Terbilang: ") and str(v).endswith(" rupiah") for row in names for v in row)


def test_rates_entered_by_the_user_drive_the_budget(cli) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "4", "--with-ratings")["event_code"]
    before = cli.json("budget", "--event", code)
    rates = cli.json("rates", "--set", "honor_asesor=450000", "--non-pns", "2,5", "--mak", "3799.EBA.994.002",
                     "--ppk", "Drs. Bambang Hartono", "--ppk-nip", "197001011995031001")
    asesor = next(r for r in rates["tarif"] if r["kode"] == "honor_asesor")
    assert asesor["tarif"] == 450_000 and asesor["contoh"] is False
    assert all(r["contoh"] for r in rates["tarif"] if r["kode"] != "honor_asesor")  # the rest stay examples
    after = cli.json("budget", "--event", code)
    assert after["mak"] == "3799.EBA.994.002"
    volume = sum(f["volume"] for f in after["honorarium"] if f["uraian"] == "Honorarium Asesor")
    assert after["jumlah"] - before["jumlah"] == volume * 50_000
    with sqlite3.connect(cli.db) as conn:
        conn.execute("UPDATE team_member SET golongan = ''")  # every member treated as non-PNS
    fees = cli.json("budget", "--event", code)["honorarium"]
    assert fees and all(f["pph_persen"] == "2.5" and f["pph"] == f["bruto"] * 25 // 1000 for f in fees)

    # a table of another budget year leaves this event alone; the event's own year wins over the general table
    cli("rates", "--year", "2027", "--set", "honor_asesor=999000")
    assert cli.json("budget", "--event", code)["jumlah"] == after["jumlah"]
    cli("rates", "--year", "2026", "--set", "honor_asesor=500000")
    assert cli.json("budget", "--event", code)["jumlah"] - after["jumlah"] == volume * 50_000

    wrong = cli("rates", "--set", "honor_x=1", check=False)
    assert wrong.returncode == 2 and "honor_x" in wrong.stderr and "Traceback" not in wrong.stderr
