"""The audit log as a hash chain: each row holds a SHA-256 of its content and of the previous row's hash.

Deleting, editing or inserting a row anywhere breaks the chain at that row; the head (hash and count of the
last row) is also kept in the `setting` table, so cutting rows off the end or emptying the table is found
too. The format is frozen: migration 0011 chained the rows that existed before it with these functions.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

HEAD_KEY = "audit.head"
EMPTY_HEAD: dict[str, Any] = {"hash": "", "count": 0}
# Clocks of several workstations differ a little; a row older than its predecessor by more is back-dated.
CLOCK_TOLERANCE_SECONDS = 600


def _stamp(at: datetime | str | None) -> str:
    if at is None:
        return ""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def row_hash(fields: dict[str, Any], prev_hash: str) -> str:
    """The hash of one audit row: its content (time in UTC to the microsecond) and the previous hash."""
    content = {
        "at": _stamp(fields.get("at")),
        "actor": fields.get("actor") or "",
        "action": fields.get("action") or "",
        "entity": fields.get("entity") or "",
        "entity_id": fields.get("entity_id"),
        "entity_uuid": fields.get("entity_uuid"),
        "old": fields.get("old_value"),
        "new": fields.get("new_value"),
        "note": fields.get("note") or "",
        "prev": prev_hash or "",
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    row_id: int | None
    text: str


def verify_rows(rows: list[dict[str, Any]], head: dict[str, Any] | None) -> list[ChainProblem]:
    """Every break in the chain, in order. `rows` are the audit rows ordered by id, as dicts of columns."""
    problems: list[ChainProblem] = []
    prev = ""
    previous_at: datetime | None = None
    for row in rows:
        rid = row["id"]
        if not row.get("row_hash"):
            problems.append(ChainProblem(rid, f"Baris audit #{rid} tidak bersidik: disisipkan di luar aplikasi."))
        elif (row.get("prev_hash") or "") != prev:
            problems.append(ChainProblem(
                rid, f"Rantai audit terputus sebelum baris #{rid}: ada baris yang dihapus atau disisipkan."))
        elif row_hash(row, prev) != row["row_hash"]:
            problems.append(ChainProblem(rid, f"Baris audit #{rid} diubah setelah dicatat."))
        at = row.get("at")
        if isinstance(at, datetime):
            at = at.astimezone(UTC).replace(tzinfo=None) if at.tzinfo else at
            if previous_at is not None and (previous_at - at).total_seconds() > CLOCK_TOLERANCE_SECONDS:
                problems.append(ChainProblem(rid, f"Baris audit #{rid} bertanggal mundur ({_stamp(at)[:19]})."))
            previous_at = max(previous_at, at) if previous_at else at
        prev = row.get("row_hash") or ""
    head = head or EMPTY_HEAD
    if int(head.get("count", 0)) != len(rows) or (head.get("hash") or "") != prev:
        problems.append(ChainProblem(
            None,
            f"Ujung rantai audit tidak cocok: tercatat {head.get('count', 0)} baris, ditemukan {len(rows)}; "
            "baris terakhir dihapus atau tabel dikosongkan.",
        ))
    return problems
