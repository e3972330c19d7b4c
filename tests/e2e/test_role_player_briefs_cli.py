"""`print role-player-briefs` as the secretariat uses it: the pemeran brief stored, mapped, and printed per
scheduled role-play session, for the event and for one room."""

from __future__ import annotations

import sys
from pathlib import Path

from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parents[1] / "db"))
from material_support import make_pdf  # noqa: E402


def test_print_role_player_briefs(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = cli.json("demo", "--participants", "8", "--seed", "2")["event_code"]
    out = tmp_path / "naskah.pdf"
    before = cli("print", "role-player-briefs", "--event", code, "--out", str(out), check=False)
    assert before.returncode == 2 and "Pustaka materi soal" in before.stderr and "Traceback" not in before.stderr
    assert not out.exists()

    cli("groups", "--event", code, "--sets", "1")
    cli("schedule", "--event", code)
    cli("materials", "import", str(make_pdf(tmp_path / "rp.pdf", 2, "Naskah pemeran")), "--exercise", "RP", "--version", "RP-1",
        "--role", "pemeran")
    cli("materials", "map", "--event", code, "--exercise", "RP", "--set", "A", "--version", "RP-1")
    result = cli.json("print", "role-player-briefs", "--event", code, "--out", str(out))
    pages = PdfReader(out).pages
    assert result["sessions"] == 8 and result["pages"] == len(pages) == 8 * 3  # one role play per participant
    covers = [pages[i].extract_text() for i in range(0, len(pages), 3)]
    assert all("NASKAH PEMERAN (ROLE PLAYER)" in c and code in c for c in covers)
    assert sorted(c.split("Nomor peserta: ")[1][:3] for c in covers) == [f"{n:03d}" for n in range(1, 9)]
    assert "Naskah pemeran halaman 2" in pages[2].extract_text() and "RAHASIA" in pages[2].extract_text()

    rooms = [c.split("\nRuang\n")[1].split("\n")[0] for c in covers]
    room = rooms[-1]
    part = cli.json("print", "role-player-briefs", "--event", code, "--wave", "1", "--room", room,
                    "--out", str(tmp_path / "satu.pdf"))
    assert part["sessions"] == rooms.count(room) == len(PdfReader(tmp_path / "satu.pdf").pages) // 3
    wrong = cli("print", "role-player-briefs", "--event", code, "--room", "Gudang", "--out",
                str(tmp_path / "x.pdf"), check=False)
    assert wrong.returncode == 2 and "Tidak ada sesi terjadwal di ruang Gudang" in wrong.stderr
