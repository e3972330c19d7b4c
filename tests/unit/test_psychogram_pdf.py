"""Psychogram and individual report PDFs, read back with pypdf (no database)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from pypdf import PdfReader
from pypdf.generic import ContentStream

from ukom_desktop.documents.individual_report import (
    NOT_FOR_PENGISIAN,
    IndividualReportData,
    render_individual_reports,
)
from ukom_desktop.documents.model import Letterhead, Signatory
from ukom_desktop.documents.output import write_pdf
from ukom_desktop.documents.psychogram import (
    GroupMember,
    GroupPsychogramData,
    PsychogramData,
    PsychogramRow,
    build_psychogram,
    fmt,
    render_psychograms,
)
from ukom_desktop.domain.kamus import COMPETENCIES

FINALS: list[Decimal | int] = [3, 4, 2, Decimal("3.5"), 3, 2, 5, 3, 4]
ROWS = tuple(PsychogramRow(c.code, c.name, Decimal(3), Decimal(v)) for c, v in zip(COMPETENCIES, FINALS, strict=True))
Box = tuple[float, float, float, float]
KOP = Letterhead(("KEMENTERIAN CONTOH", "BALAI PENILAIAN KOMPETENSI"), address="Jalan Contoh 1", city="Jakarta")


def _pdf_text(render) -> list[str]:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    render(buffer)
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def _filled_squares_and_shades(pdf: bytes, index: int = 0) -> tuple[list[Box], list[Box]]:
    """Filled rectangles on a page in page coordinates: black squares (the level marks) and grey
    cells darker than the header (the standard level)."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[index]
    stack: list[tuple[float, float, float]] = []
    dx = dy = 0.0
    fill = 0.0
    pending: list[Box] = []
    squares: list[Box] = []
    shades: list[Box] = []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append((dx, dy, fill))
        elif operator == b"Q":
            dx, dy, fill = stack.pop()
        elif operator == b"cm":
            dx += float(operands[4])
            dy += float(operands[5])
        elif operator == b"g":
            fill = float(operands[0])
        elif operator == b"rg":
            fill = float(operands[0]) if len({float(v) for v in operands}) == 1 else -1.0
        elif operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            pending.append((dx + x, dy + y, w, h))
        elif operator in (b"f", b"f*", b"B", b"b"):
            for box in pending:
                if fill == 0.0 and abs(box[2] - box[3]) < 0.01 and box[2] < 10:
                    squares.append(box)
                elif 0 < fill < 0.85:
                    shades.append(box)
            pending = []
        elif operator in (b"n", b"S", b"W"):
            pending = []
    return squares, shades


def test_fmt_prints_levels_and_signed_gaps_the_indonesian_way() -> None:
    assert [fmt(Decimal(3)), fmt(Decimal("3.50")), fmt(Decimal(-1), signed=True), fmt(Decimal(1), signed=True)] == [
        "3", "3,5", "-1", "+1"]
    assert fmt(None) == "-"


def test_psychogram_page_has_every_competency_gap_and_the_jpm() -> None:
    data = PsychogramData("Budi Santoso, S.T.", "198609262015051001", 7, "Kepala Bagian Umum (Administrator)",
                          "Pemetaan Kompetensi", "Penilaian Kompetensi 2026", ROWS, Decimal("29.5"), Decimal(27),
                          Decimal("100.00"), "O", "Optimal", "JPM ≥ 90%", letterhead=KOP)
    (page,) = [" ".join(text.split()) for text in _pdf_text(lambda out: render_psychograms([data], out))]
    assert "19860926 201505 1 001" in page and "Budi Santoso, S.T." in page
    for row in ROWS:
        assert f"{row.name} ({row.code})" in page
    assert "+0,5" in page and "-1" in page and "+2" in page  # gaps of M.04, M.03 and M.07
    assert "100,00%" in page and "Optimal (O), JPM ≥ 90%" in page and "29,5" in page


def test_psychogram_marks_the_achieved_level_in_its_column() -> None:
    buffer = io.BytesIO()
    write_pdf([build_psychogram(PsychogramData("A", "", 1, "", "", "", ROWS[:1]))], buffer)
    marks, shades = _filled_squares_and_shades(buffer.getvalue())
    assert len(marks) == 1 + 1  # the mark in the table and the one in the legend
    mark = max(marks, key=lambda box: box[1])  # the table's, above the legend
    shade = max(shades, key=lambda box: box[2] * box[3])  # the standard cell, not the legend's swatch
    # Final 3 = standard 3: the mark sits in the middle of the shaded standard cell.
    assert abs((mark[0] + mark[2] / 2) - (shade[0] + shade[2] / 2)) < 0.01
    assert abs((mark[1] + mark[3] / 2) - (shade[1] + shade[3] / 2)) < 0.01


def test_a_long_profile_continues_under_its_repeated_header_with_every_mark() -> None:
    rows = tuple(PsychogramRow(f"K.{n:02d}", f"Kompetensi contoh nomor {n}", Decimal(3), Decimal(1 + n % 5))
                 for n in range(1, 41))
    buffer = io.BytesIO()
    write_pdf([build_psychogram(PsychogramData("A", "", 1, "", "", "", rows, letterhead=KOP))], buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    table_pages = [i for i, text in enumerate(pages) if "(K." in text]
    assert len(table_pages) >= 2 and all("Kompetensi Standar Capaian" in pages[i] for i in table_pages)
    assert "(K.01)" in pages[0] and "(K.40)" in pages[table_pages[-1]]
    marks = [len(_filled_squares_and_shades(buffer.getvalue(), i)[0]) for i in range(len(pages))]
    assert sum(marks) == len(rows) + 1  # one mark per row wherever it falls, and the legend's
    assert all(marks[i] > 0 for i in table_pages)


def test_group_psychogram_lists_participants_against_competencies() -> None:
    members = tuple(
        GroupMember(n, f"Peserta {n}", "Kepala Subbagian", {c.code: Decimal(2 + n % 2) for c in COMPETENCIES},
                    {c.code: Decimal(3) for c in COMPETENCIES}, Decimal("88.89"), "CO")
        for n in range(1, 41)
    )
    data = GroupPsychogramData("Penilaian 2026", "Gelombang 1", tuple((c.code, c.name) for c in COMPETENCIES),
                               members)
    pages = _pdf_text(lambda out: render_psychograms([], out, groups=[data]))
    text = "\n".join(pages)
    assert len(pages) >= 2 and "Peserta 1" in pages[0] and "Peserta 40" in pages[-1]
    assert all("SK.01" in page and "Kategori" in page for page in pages)  # header repeated on every page
    assert "Gelombang 1" in pages[0] and "88,89%" in text


def _report(is_mapping: bool = True) -> IndividualReportData:
    return IndividualReportData(
        provider_name="Balai Penilaian Kompetensi", purpose_label="Pemetaan Kompetensi",
        position="Kepala Bagian Umum (Administrator)", dates_text="23 - 24 November 2026", number=12,
        name="Siti Rahayu, S.E.", nip="198703152010012003", jabatan="Kepala Subbagian Keuangan",
        unit="Sekretariat Jenderal",
        potential_rows=(("Kemampuan Intelektual", Decimal(4)), ("Kesadaran Diri", Decimal(3))),
        potential_scale=(1, 5), potential_summary="Rata-rata 3,5; kategori potensial: Menengah.",
        potential_text="Peserta belajar cepat.\n\n- Kemampuan Intelektual: 4", profile=ROWS,
        strengths_text="- Mengelola Perubahan (level 5)", development_text="- Komunikasi (level 2)",
        total_final=Decimal("29.5"), total_standard=Decimal(27), jpm=Decimal("100.00"), category_code="O",
        category_name="Optimal", category_range="JPM ≥ 90%", is_mapping=is_mapping,
        placement_text="Dapat dipromosikan ke jabatan sasaran.", development_suggestions="1. Pelatihan komunikasi",
        assessor=Signatory("Dra. Rina Wulandari, M.Psi.", "Asesor Penanggung Jawab", nip="197512122000032001"),
        head=Signatory("Dr. Hadi Susilo, M.T.", "Kepala Balai Penilaian Kompetensi", nip="196811151992021002"),
        place="Jakarta", date=date(2026, 11, 24), valid_until=date(2029, 11, 24), letterhead=KOP,
    )


def test_report_prints_every_item_of_the_laporan_individu_in_order() -> None:
    text = "\n".join(_pdf_text(lambda out: render_individual_reports([_report()], out)))
    flat = " ".join(text.split())
    expected_in_order = [
        "Tujuan penilaian", "Pemetaan Kompetensi", "Jabatan sasaran", "Kepala Bagian Umum (Administrator)",  # 1
        "Lembaga penyelenggara", "Balai Penilaian Kompetensi",  # 2
        "Tanggal penilaian", "23 - 24 November 2026",  # 3
        "Nomor peserta", "12",  # 4
        "Nama", "Siti Rahayu, S.E.",  # 5
        "NIP", "19870315 201001 2 003",  # 6
        "Jabatan saat ini", "Kepala Subbagian Keuangan",  # 7
        "Unit kerja", "Sekretariat Jenderal",  # 8
        "Psikogram Potensi", "Kemampuan Intelektual",  # 9
        "Uraian Potensi", "Peserta belajar cepat.",  # 10
        "Aspek Kompetensi", "Integritas (M.01)", "Perekat Bangsa (SK.01)",  # 11
        "Kekuatan", "Mengelola Perubahan (level 5)", "Area Pengembangan", "Komunikasi (level 2)",  # 12
        "Nama peserta", "Siti Rahayu, S.E.",  # 13
        "Jumlah nilai capaian kompetensi", "29,5",  # 14
        "Jumlah nilai standar kompetensi jabatan", "27",  # 15
        "Persentase JPM", "100,00%",  # 16
        "Kategori", "Optimal (O)",  # 17
        "Saran Penempatan", "Dapat dipromosikan ke jabatan sasaran.",  # 18
        "Saran Pengembangan", "Pelatihan komunikasi",  # 19
        "disusun oleh Balai Penilaian Kompetensi",  # 20
        # 21, 22: the two signatures side by side, their captions on one line and their names on one level
        "Asesor Penanggung Jawab", "Kepala Balai Penilaian Kompetensi",
        "Dra. Rina Wulandari, M.Psi.", "NIP. 19751212 200003 2 001", "Dr. Hadi Susilo, M.T.", "NIP. 19681115 199202 1 002",
    ]
    position = 0
    for needle in expected_in_order:
        found = flat.find(needle, position)
        assert found >= 0, f"'{needle}' tidak ditemukan sesudah posisi {position}"
        position = found + len(needle)
    assert "sampai dengan 24 November 2029" in flat  # valid for 3 years


def test_placement_item_is_marked_not_applicable_for_filling_a_position() -> None:
    text = " ".join("\n".join(_pdf_text(lambda out: render_individual_reports([_report(False)], out))).split())
    assert NOT_FOR_PENGISIAN in text and "Dapat dipromosikan" not in text


def test_long_report_keeps_headings_with_their_content() -> None:
    data = _report()
    long_text = "\n".join(f"- Butir pengembangan nomor {n} yang cukup panjang untuk memenuhi baris." for n in range(60))
    from dataclasses import replace

    pages = _pdf_text(lambda out: render_individual_reports([replace(data, development_suggestions=long_text)], out))
    assert len(pages) >= 3
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        lowest = next(line for line in reversed(lines) if not line.startswith("Halaman "))  # above the page number
        assert not lowest.startswith(("A. ", "B. ", "C. ", "II.", "III.", "IV.", "V.", "VI."))
