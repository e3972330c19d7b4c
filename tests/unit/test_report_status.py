"""Report status machine: every allowed transition, every forbidden one, roles, checks and comments."""

from __future__ import annotations

import itertools

import pytest

from ukom_desktop.domain.report_status import (
    ReportRole,
    ReportStatus,
    TransitionError,
    available_actions,
    is_editable,
    start_new_revision,
    status_after_edit,
    transition,
)

S = ReportStatus
ASESOR, QC, ADMIN = "asesor", "qc", "admin"

# (source, target, the only role(s) allowed, needs checks, needs comment, explicit new revision)
ALLOWED = [
    (S.DRAFT, S.DIAJUKAN, {ASESOR}, True, False, False),
    (S.DIAJUKAN, S.DIKEMBALIKAN, {QC}, False, True, False),
    (S.DIAJUKAN, S.DISETUJUI, {QC}, True, False, False),
    (S.DIKEMBALIKAN, S.DIREVISI, {ASESOR}, False, False, False),
    (S.DIREVISI, S.DIAJUKAN, {ASESOR}, True, False, False),
    (S.DISETUJUI, S.DISERAHKAN, {ADMIN}, False, False, False),
    (S.DISETUJUI, S.DRAFT, {QC, ADMIN}, False, True, True),
]
ALLOWED_PAIRS = {(row[0], row[1]) for row in ALLOWED}


@pytest.mark.parametrize(("source", "target", "roles", "_checks", "_comment", "new_revision"), ALLOWED)
def test_allowed_transition_by_allowed_role(
    source: ReportStatus,
    target: ReportStatus,
    roles: set[str],
    _checks: bool,
    _comment: bool,
    new_revision: bool,
) -> None:
    for role in roles:
        result = transition(
            source, target, role, checks_passed=True, comment=" catatan ", new_revision=new_revision
        )
        assert (result.source, result.target, result.role) == (source, target, ReportRole(role))
        assert result.comment == "catatan"
        assert result.new_revision is new_revision
        assert result.label


@pytest.mark.parametrize(("source", "target", "roles", "_checks", "_comment", "new_revision"), ALLOWED)
def test_allowed_transition_refused_for_other_roles(
    source: ReportStatus,
    target: ReportStatus,
    roles: set[str],
    _checks: bool,
    _comment: bool,
    new_revision: bool,
) -> None:
    for role in {ASESOR, QC, ADMIN} - roles:
        with pytest.raises(TransitionError, match="tidak berwenang"):
            transition(source, target, role, checks_passed=True, comment="catatan", new_revision=new_revision)


@pytest.mark.parametrize(("source", "target", "roles", "needs_checks", "_comment", "new_revision"), ALLOWED)
def test_failed_checks_block_submit_and_approval_only(
    source: ReportStatus,
    target: ReportStatus,
    roles: set[str],
    needs_checks: bool,
    _comment: bool,
    new_revision: bool,
) -> None:
    role = sorted(roles)[0]
    if needs_checks:
        with pytest.raises(TransitionError, match="pemeriksaan otomatis"):
            transition(
                source, target, role, checks_passed=False, comment="catatan", new_revision=new_revision
            )
    else:
        result = transition(
            source, target, role, checks_passed=False, comment="catatan", new_revision=new_revision
        )
        assert result.target == target


@pytest.mark.parametrize(("source", "target", "roles", "_checks", "needs_comment", "new_revision"), ALLOWED)
@pytest.mark.parametrize("comment", [None, "", "   "])
def test_comment_required_where_stated(
    source: ReportStatus,
    target: ReportStatus,
    roles: set[str],
    _checks: bool,
    needs_comment: bool,
    new_revision: bool,
    comment: str | None,
) -> None:
    role = sorted(roles)[0]
    if needs_comment:
        with pytest.raises(TransitionError, match="wajib diisi"):
            transition(source, target, role, checks_passed=True, comment=comment, new_revision=new_revision)
    else:
        assert transition(source, target, role, True, comment, new_revision=new_revision).comment == ""


FORBIDDEN = [
    pair
    for pair in itertools.product(ReportStatus, ReportStatus)
    if pair[0] != pair[1] and pair not in ALLOWED_PAIRS
]


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
@pytest.mark.parametrize("role", [ASESOR, QC, ADMIN])
def test_forbidden_transitions(source: ReportStatus, target: ReportStatus, role: str) -> None:
    with pytest.raises(TransitionError, match="tidak dapat diubah dari"):
        transition(source, target, role, checks_passed=True, comment="catatan")


def test_forbidden_list_covers_the_rest() -> None:
    # 6 statuses -> 30 ordered pairs of different statuses; 7 allowed.
    assert len(FORBIDDEN) == 30 - 7


@pytest.mark.parametrize("status", list(ReportStatus))
def test_same_status_is_refused(status: ReportStatus) -> None:
    with pytest.raises(TransitionError, match="sudah berstatus"):
        transition(status, status, ADMIN, checks_passed=True, comment="x")


@pytest.mark.parametrize("role", [QC, ADMIN])
def test_approved_report_is_locked_without_new_revision_action(role: str) -> None:
    with pytest.raises(TransitionError, match="terkunci"):
        transition(S.DISETUJUI, S.DRAFT, role, checks_passed=True, comment="ada salah ketik")


def test_new_revision_flag_only_from_approved() -> None:
    with pytest.raises(TransitionError, match="Revisi baru hanya"):
        transition(S.DIAJUKAN, S.DIKEMBALIKAN, QC, True, "catatan", new_revision=True)


def test_start_new_revision() -> None:
    result = start_new_revision("disetujui", "qc", "Salah nama jabatan")
    assert (result.target, result.action, result.new_revision) == (S.DRAFT, "revisi_baru", True)
    with pytest.raises(TransitionError, match="Alasan revisi baru wajib diisi"):
        start_new_revision(S.DISETUJUI, ADMIN, "")
    with pytest.raises(TransitionError):
        start_new_revision(S.DISERAHKAN, ADMIN, "alasan")


def test_return_needs_comment_message() -> None:
    with pytest.raises(TransitionError, match="Catatan pengembalian"):
        transition(S.DIAJUKAN, S.DIKEMBALIKAN, QC, checks_passed=False, comment="")


def test_unknown_status_and_role() -> None:
    with pytest.raises(TransitionError, match="Status laporan 'arsip' tidak dikenal"):
        transition("arsip", S.DRAFT, ADMIN, True)
    with pytest.raises(TransitionError, match="Peran 'ketua' tidak dikenal"):
        transition(S.DRAFT, S.DIAJUKAN, "ketua", True)


def test_strings_are_accepted_for_status_and_role() -> None:
    result = transition("draft", "diajukan", "asesor", checks_passed=True)
    assert result.target is S.DIAJUKAN and result.role is ReportRole.ASESOR


def test_labels_are_indonesian() -> None:
    assert [s.label for s in ReportStatus] == [
        "Draf",
        "Diajukan",
        "Dikembalikan",
        "Direvisi",
        "Disetujui",
        "Diserahkan",
    ]
    assert ReportRole.QC.label == "Pemeriksa QC"


@pytest.mark.parametrize(
    ("status", "editable", "after_edit"),
    [
        (S.DRAFT, True, S.DRAFT),
        (S.DIAJUKAN, False, None),
        (S.DIKEMBALIKAN, True, S.DIREVISI),
        (S.DIREVISI, True, S.DIREVISI),
        (S.DISETUJUI, False, None),
        (S.DISERAHKAN, False, None),
    ],
)
def test_editability(status: ReportStatus, editable: bool, after_edit: ReportStatus | None) -> None:
    assert is_editable(status) is editable
    if after_edit is None:
        with pytest.raises(TransitionError, match="terkunci"):
            status_after_edit(status)
    else:
        assert status_after_edit(status) is after_edit


@pytest.mark.parametrize(
    ("status", "role", "targets"),
    [
        (S.DRAFT, ASESOR, {S.DIAJUKAN}),
        (S.DRAFT, QC, set()),
        (S.DIAJUKAN, QC, {S.DIKEMBALIKAN, S.DISETUJUI}),
        (S.DIAJUKAN, ASESOR, set()),
        (S.DISETUJUI, ADMIN, {S.DISERAHKAN, S.DRAFT}),
        (S.DISETUJUI, QC, {S.DRAFT}),
        (S.DISERAHKAN, ADMIN, set()),
    ],
)
def test_available_actions(status: ReportStatus, role: str, targets: set[ReportStatus]) -> None:
    assert {rule.target for rule in available_actions(status, role)} == targets


def test_full_cycle_with_one_return() -> None:
    steps = [
        ("draft", "diajukan", ASESOR, ""),
        ("diajukan", "dikembalikan", QC, "Saran pengembangan terlalu umum"),
        ("dikembalikan", "direvisi", ASESOR, ""),
        ("direvisi", "diajukan", ASESOR, ""),
        ("diajukan", "disetujui", QC, ""),
        ("disetujui", "diserahkan", ADMIN, ""),
    ]
    actions = [transition(src, dst, role, True, comment).action for src, dst, role, comment in steps]
    assert actions == ["ajukan", "kembalikan", "revisi", "ajukan_ulang", "setujui", "serahkan"]
