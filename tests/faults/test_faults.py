"""Issue 12 item 19: every fault and hostile input of tests/faults/fault_cases.py is survived without losing
data, and README "Keandalan" shows the table these cases produce (scripts/keandalan.py writes it)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fault_cases import CASES, FaultCase, Outcome, table  # noqa: E402

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.category}: {c.name}" for c in CASES])
def test_fault_is_survived_without_data_loss(case: FaultCase, tmp_path: Path) -> None:
    outcome = case.run(tmp_path)
    assert outcome.survived, outcome.detail
    assert not outcome.data_lost, outcome.detail


def test_readme_shows_the_table_these_cases_produce() -> None:
    # Every case above passes (survived, nothing lost), so the table is determined by the cases alone.
    expected = table([(case, Outcome(True, False)) for case in CASES])
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- keandalan:awal -->\n(.*?)\n<!-- keandalan:akhir -->", text, re.S)
    assert found, "README belum memuat bagian Keandalan; jalankan scripts/keandalan.py"
    assert found.group(1).strip() == expected, "tabel Keandalan usang; jalankan scripts/keandalan.py"
