"""`print assignment --date` after the event's first day or on a weekend prints a warning line."""

from __future__ import annotations

from pathlib import Path


def test_cli_prints_the_warning_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "4")["event_code"]
    out = cli("print", "assignment", "--event", code, "--out", str(tmp_path / "b.pdf"), "--date", "2099-01-03").stdout
    assert "Peringatan: Tanggal surat tugas (3 Januari 2099) sesudah hari pertama kegiatan" in out
    assert "Peringatan: Tanggal naskah (3 Januari 2099) jatuh pada hari Sabtu." in out
