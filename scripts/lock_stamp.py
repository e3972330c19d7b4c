"""Prints a fingerprint of the dependencies declared in pyproject.toml (runtime and test extra).

scripts/lock.sh writes it into the lock files; scripts/setup.sh compares it to tell a lock that no
longer matches pyproject.toml (then it installs from pyproject.toml and says so).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))["project"]
declared = {
    "dependencies": sorted(project.get("dependencies", [])),
    "test": sorted(project.get("optional-dependencies", {}).get("test", [])),
}
sys.stdout.write(hashlib.sha256(json.dumps(declared, sort_keys=True).encode()).hexdigest() + "\n")
