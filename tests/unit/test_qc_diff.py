"""The diff a reviewer sees between the last reviewed revision and the current one (per section)."""

from __future__ import annotations

from ukom_desktop.services.report_review import ReportDiff, diff_sections


def _by_key(old: dict, new: dict) -> dict:  # type: ignore[type-arg]
    return {d.key: d for d in diff_sections(old, new, old_name="revisi 1", new_name="revisi 2")}


def test_only_changed_sections_are_reported() -> None:
    old = {"potensi": "Sama.", "kekuatan": "- Komunikasi runtut.\n- Kerja sama baik.", "kode_kekuatan": ["M.03"]}
    new = {"potensi": "Sama.", "kekuatan": "- Komunikasi runtut dan jelas.\n- Kerja sama baik.",
           "kode_kekuatan": ["M.03", "M.02"]}
    diffs = _by_key(old, new)
    changed = [d.key for d in diffs.values() if d.changed]
    assert changed == ["kekuatan", "kode_kekuatan"]
    assert diffs["kekuatan"].unified[:2] == ("--- revisi 1", "+++ revisi 2")
    assert "-- Komunikasi runtut." in diffs["kekuatan"].unified
    assert "+- Komunikasi runtut dan jelas." in diffs["kekuatan"].unified
    assert " - Kerja sama baik." in diffs["kekuatan"].unified


def test_an_edited_line_shows_its_changed_words_and_a_rewritten_one_whole_lines() -> None:
    edited = _by_key({"kekuatan": "Komunikasi lisan runtut."}, {"kekuatan": "Komunikasi tertulis runtut."})
    segments = [(s.tag, s.text) for s in edited["kekuatan"].segments]
    assert ("removed", "lisan") in segments and ("added", "tertulis") in segments
    assert ("same", "Komunikasi ") in segments

    rewritten = _by_key({"kekuatan": "Teks lama sekali."}, {"kekuatan": "Uraian yang sepenuhnya baru ditulis."})
    assert [(s.tag, s.text) for s in rewritten["kekuatan"].segments] == [
        ("removed", "Teks lama sekali.\n"), ("added", "Uraian yang sepenuhnya baru ditulis.")]


def test_the_summary_names_the_changed_sections() -> None:
    sections = diff_sections({"potensi": "a"}, {"potensi": "b"}, old_name="revisi 1", new_name="revisi 2")
    assert ReportDiff(1, "revisi 2", sections).summary == (
        "Berubah dari revisi 1 (terakhir diperiksa) ke revisi 2: Uraian potensi.")
    same = diff_sections({"potensi": "a"}, {"potensi": "a"}, old_name="revisi 1", new_name="revisi 2")
    assert "Tidak ada perubahan sejak revisi 1" in ReportDiff(1, "revisi 2", same).summary
    assert "belum pernah diperiksa" in ReportDiff(None, "draf saat ini", same).summary
