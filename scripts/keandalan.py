"""Runs the faults and hostile inputs of tests/faults/fault_cases.py and writes their table into README
"Keandalan" (between the keandalan markers). Usage: python scripts/keandalan.py   (about a minute)."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "faults"))
os.environ["UKOM_HOME"] = tempfile.mkdtemp(prefix="ukom-keandalan-")  # never the user's own data
os.environ.pop("UKOM_DATABASE_URL", None)

from fault_cases import CASES, table  # noqa: E402


def main() -> int:
    outcomes = []
    for case in CASES:
        with tempfile.TemporaryDirectory(prefix="ukom-gangguan-") as folder:
            outcome = case.run(Path(folder))
        mark = "ok" if outcome.survived and not outcome.data_lost else "GAGAL"
        print(f"{mark:5} {case.category}: {case.name}  {outcome.detail[:100]}")
        outcomes.append((case, outcome))
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = f"<!-- keandalan:awal -->\n{table(outcomes)}\n<!-- keandalan:akhir -->"
    text, count = re.subn(r"<!-- keandalan:awal -->\n(?:.*?\n)?<!-- keandalan:akhir -->", block, text, flags=re.S)
    if count != 1:
        print("README tidak memuat penanda keandalan:awal/akhir.", file=sys.stderr)
        return 1
    readme.write_text(text, encoding="utf-8")
    return 0 if all(o.survived and not o.data_lost for _c, o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
