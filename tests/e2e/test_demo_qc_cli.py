"""`ukom-desktop demo --with-qc` gives the QC overview a mix of statuses, the same for the same seed."""

from __future__ import annotations


def test_demo_with_qc_moves_reports_through_qc(cli) -> None:  # type: ignore[no-untyped-def]
    data = cli.json("demo", "--participants", "8", "--with-qc", "--seed", "4")
    assert data["ratings"]["reports"] == 8
    by_status = data["qc"]["by_status"]
    assert sum(by_status.values()) == 8 and {"diajukan", "disetujui", "diserahkan"} <= set(by_status)
    overview = cli.json("qc", "--event", data["event_code"])
    assert {k: v for k, v in overview["jumlah_per_status"].items() if v} == by_status
