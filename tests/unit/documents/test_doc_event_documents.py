from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from doc_samples import read_pdf, sample_event_report, sample_minutes, sample_rundown, sample_speech
from pypdf import PdfReader

from ukom_desktop.documents.event_report import percent_id, render_event_report, render_speech_outline
from ukom_desktop.documents.minutes import render_minutes
from ukom_desktop.documents.model import MinutesData
from ukom_desktop.documents.rundown import render_rundown


def test_rundown_has_a_heading_per_day_and_every_item(tmp_path: Path) -> None:
    path = tmp_path / "acara.pdf"
    assert render_rundown(sample_rundown(), path) == 1
    text = read_pdf(path).flat
    assert "SUSUNAN ACARA" in text
    for header in ("Waktu", "Acara", "Pelaksana", "Tempat"):
        assert header in text
    assert "Hari pertama: Senin, 23 November 2026" in text
    assert "Hari kedua: Selasa, 24 November 2026" in text
    assert text.index("Registrasi peserta") < text.index("Hari kedua") < text.index("Wawancara kompetensi")
    assert "07.30 - 08.00" in text


def test_one_day_rundown_heading_is_just_the_date() -> None:
    data = dataclasses.replace(sample_rundown(), days=sample_rundown().days[:1])
    out = io.BytesIO()
    render_rundown(data, out)
    text = read_pdf(out.getvalue()).flat
    assert "Senin, 23 November 2026" in text and "Hari pertama" not in text


@pytest.mark.parametrize(("part", "whole", "text"), [(27, 30, "90,0%"), (28, 30, "93,3%"), (1, 3, "33,3%"),
                                                     (0, 0, "-")])
def test_percent_uses_a_decimal_comma(part: int, whole: int, text: str) -> None:
    assert percent_id(part, whole) == text


def test_event_report_figures_and_unit_table(tmp_path: Path) -> None:
    path = tmp_path / "laporan.pdf"
    render_event_report(sample_event_report(), path)
    text = read_pdf(path).flat
    assert "LAPORAN PENYELENGGARAAN" in text
    assert "Peserta yang diundang : 30 orang" in text
    assert "Peserta yang mengonfirmasi kehadiran : 28 orang (93,3%)" in text
    assert "Peserta yang hadir : 27 orang (90,0%)" in text
    assert "Peserta yang tidak hadir : 3 orang" in text
    assert "1. Direktorat Jenderal Imigrasi 12 11 11 91,7%" in text
    assert "Jumlah 30 28 27 90,0%" in text
    assert "Catatan: 1. Tiga peserta tidak hadir karena sakit." in text
    assert text.index("Catatan:") < text.index("Demikian laporan ini")
    assert "Jakarta, 25 November 2026 Kepala Pusat Penilaian Kompetensi," in text


def test_speech_outline_fills_the_default_points(tmp_path: Path) -> None:
    path = tmp_path / "sambutan.pdf"
    render_speech_outline(sample_speech(), path)
    text = read_pdf(path).flat
    assert "POKOK-POKOK SAMBUTAN" in text
    assert "Disampaikan oleh Kepala Pusat Penilaian Kompetensi" in text
    assert "Peserta yang diundang sebanyak 30 orang; yang hadir 27 orang." in text
    assert "• Salam pembuka" in text
    assert "– memetakan kompetensi manajerial" in text
    for heading in ("Pembukaan", "Latar belakang", "Harapan", "Penutup"):
        assert heading in text


def test_speech_outline_with_own_points() -> None:
    data = dataclasses.replace(sample_speech(), points=("Pembukaan", "- Salam.", "  - Sub poin."))
    out = io.BytesIO()
    render_speech_outline(data, out)
    text = read_pdf(out.getvalue()).flat
    assert "• Salam." in text and "– Sub poin." in text and "Harapan" not in text


def test_minutes_write_the_date_in_words(tmp_path: Path) -> None:
    path = tmp_path / "ba.pdf"
    render_minutes(sample_minutes(), path)
    text = read_pdf(path).flat
    assert "BERITA ACARA PELAKSANAAN" in text
    assert "Nomor: SDM.1.2-130/KP.01.01/XI/2026" in text
    assert ("Pada hari ini, Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam "
            "(23-11-2026), bertempat di Gedung Assessment Center Lantai 3") in text
    assert "1. Jumlah peserta yang diundang : 30 (tiga puluh) orang" in text
    assert "2. Jumlah peserta yang hadir : 27 orang" in text
    assert "Catatan: 1. Kegiatan berjalan tertib." in text
    for name in ("Rina Marlina, S.Psi., M.Psi.", "Andi Wijaya, S.Psi.", "Dr. Hendra Kusuma, S.H., M.Si."):
        assert name in text
    assert "NIP. 19750115 200003 2 001" in text


def _bold_runs(pdf: bytes, page: int) -> dict[str, tuple[float, float]]:
    """Bold text of a page with where it starts on the page (x, y)."""
    runs: dict[str, tuple[float, float]] = {}

    def visit(text, cm, tm, font, _size):  # type: ignore[no-untyped-def]
        if text.strip() and font and "Bold" in str(font.get("/BaseFont")):
            x, y = tm[4], tm[5]
            runs[text.strip()] = (x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5])

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


def test_minutes_parties_sign_side_by_side() -> None:
    out = io.BytesIO()
    render_minutes(sample_minutes(), out)
    names = _bold_runs(out.getvalue(), -1)
    chair, committee = names["Rina Marlina, S.Psi., M.Psi."], names["Andi Wijaya, S.Psi."]
    assert chair[1] == pytest.approx(committee[1])  # same line
    assert committee[0] > chair[0] + 100  # next column


def test_minutes_date_and_place_can_differ_from_the_event() -> None:
    data = dataclasses.replace(sample_minutes(), date=date(2026, 11, 24), place="Aula Utama")
    out = io.BytesIO()
    render_minutes(data, out)
    text = read_pdf(out.getvalue()).flat
    assert "Pada hari ini, Selasa tanggal dua puluh empat bulan November" in text
    assert "bertempat di Aula Utama" in text


def test_minutes_need_one_to_three_parties() -> None:
    base = sample_minutes()
    with pytest.raises(ValueError, match="satu sampai tiga"):
        MinutesData(base.letterhead, base.number, base.event, base.facts, base.parties * 2)


def test_minutes_closing_sentence_is_never_parted_from_the_signatures() -> None:
    base = sample_minutes()
    pages_seen = set()
    for count in range(14, 34, 2):  # facts enough to push the closing to every place near the page foot
        facts = tuple((f"Keterangan nomor {n}", f"{n} orang") for n in range(1, count + 1))
        out = io.BytesIO()
        pages_seen.add(render_minutes(dataclasses.replace(base, facts=facts), out))
        last = " ".join(read_pdf(out.getvalue()).pages[-1].split())
        assert "mestinya." in last and "Rina Marlina, S.Psi., M.Psi." in last, count
    assert pages_seen == {1, 2}
