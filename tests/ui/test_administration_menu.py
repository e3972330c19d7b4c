"""Cetak > Administrasi kegiatan: each document prints from the window in the background, is registered,
and a refusal is a sentence (issue 16)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader


def test_administration_documents_print_from_the_window(main_window, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         recorded_messages) -> None:
    from ukom_desktop.ui.administration import menu
    from ukom_desktop.ui.background import wait_for

    texts = [a.text() for a in main_window.print_menu.actions()]
    assert "Administrasi kegiatan" in texts
    for kind, title in (("honoraria", "DAFTAR NOMINATIF"), ("decree-team", "KEPUTUSAN"),
                        ("briefing", "Tata Tertib Peserta"), ("agreement", "PERJANJIAN KERJA SAMA")):
        target = tmp_path / f"{kind}.pdf"
        wait_for(menu.print_document(main_window, kind, str(target)))
        assert target.is_file(), (kind, recorded_messages)
        assert title in " ".join(page.extract_text() or "" for page in PdfReader(target).pages)
        assert "Tersimpan" in main_window.statusBar().currentMessage()
    workbook = tmp_path / "rab.xlsx"
    wait_for(menu.print_document(main_window, "budget", str(workbook)))
    assert load_workbook(workbook).sheetnames == ["RAB", "Honorarium", "Realisasi"]

    from ukom_desktop.services.issued_documents import list_issued

    with main_window.context.database.sessions() as session:
        kinds = {row.kind for row in list_issued(session, main_window.context.event_id)}
    assert {"nominatif_honor", "keputusan", "paparan_pembukaan", "pks"} <= kinds

    # the demo's reports are not approved yet: nothing to deliver, said in a sentence, no file
    wait_for(menu.print_document(main_window, "delivery", str(tmp_path / "hasil.pdf")))
    assert not (tmp_path / "hasil.pdf").exists()
    assert any(kind == "warn" and "disetujui QC" in text for kind, text in recorded_messages)
