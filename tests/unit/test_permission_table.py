"""The permission table in the README is the one the services check (issue 13)."""

from __future__ import annotations

from pathlib import Path

from ukom_desktop.domain import permissions as perm

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_table_matches_the_permission_table() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    header = "| tindakan | " + " | ".join(perm.ROLE_LABELS[r] for r in perm.ROLES) + " |"
    start = lines.index(header)
    documented = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        documented[cells[0]] = [c == "ya" for c in cells[1:]]
    assert documented == dict(perm.permission_rows())


def test_every_role_has_a_label_and_only_known_actions() -> None:
    assert set(perm.PERMISSIONS) == set(perm.ROLES) == set(perm.ROLE_LABELS)
    for actions in perm.PERMISSIONS.values():
        assert actions <= set(perm.ACTION_LABELS)


def test_pimpinan_changes_nothing_and_admin_sees_no_levels() -> None:
    changing = {perm.MANAGE_EVENTS, perm.MANAGE_PARTICIPANTS, perm.MANAGE_TEAM, perm.MANAGE_SCHEDULE, perm.RATE,
                perm.INTEGRATE, perm.EDIT_REPORT, perm.REVIEW_REPORT, perm.MANAGE_USERS, perm.MANAGE_SETTINGS,
                perm.DATABASE_TOOLS}
    assert not perm.PERMISSIONS[perm.PIMPINAN] & changing
    assert not perm.PERMISSIONS[perm.ADMIN] & {perm.READ_RESULTS, perm.RATE, perm.INTEGRATE, perm.EXPORT_RESULTS}
    assert not perm.PERMISSIONS[perm.SEKRETARIAT] & {perm.READ_RESULTS, perm.RATE, perm.INTEGRATE}


def test_refusal_sentences_are_indonesian() -> None:
    actor = perm.Actor(1, "budi", frozenset({perm.SEKRETARIAT}))
    assert perm.refusal(actor, perm.READ_RESULTS) == (
        "Akses ditolak: pengguna budi (Sekretariat) tidak berhak melihat hasil penilaian.")
    assert perm.refusal(None, perm.RATE).startswith("Masuk (login) terlebih dahulu")
