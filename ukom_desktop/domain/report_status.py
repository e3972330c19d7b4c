"""Status machine of an individual report (laporan individu) through writing and quality control.

    draft --ajukan--> diajukan --setujui--> disetujui --serahkan--> diserahkan
                         |  ^
               kembalikan|  |ajukan ulang
                         v  |
                 dikembalikan --revisi--> direvisi

- ``asesor`` is the report's author (the caller checks that the user really is the author),
  ``qc`` the reviewer, ``admin`` the administrator who hands reports over.
- Submitting (draft -> diajukan, direvisi -> diajukan) and approving (diajukan -> disetujui)
  need the automatic checks (``report_checks``) to pass.
- Returning a report (diajukan -> dikembalikan) needs a comment for the author.
- dikembalikan -> direvisi happens when the author starts editing the returned report.
- An approved report is locked. Only the explicit "revisi baru" action, with a reason, by the
  reviewer or the admin, takes it from disetujui back to draft (a new revision). A delivered
  report (diserahkan) is final.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ReportStatus(StrEnum):
    DRAFT = "draft"
    DIAJUKAN = "diajukan"
    DIKEMBALIKAN = "dikembalikan"
    DIREVISI = "direvisi"
    DISETUJUI = "disetujui"
    DISERAHKAN = "diserahkan"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


class ReportRole(StrEnum):
    ASESOR = "asesor"
    QC = "qc"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


STATUS_LABELS: dict[ReportStatus, str] = {
    ReportStatus.DRAFT: "Draf",
    ReportStatus.DIAJUKAN: "Diajukan",
    ReportStatus.DIKEMBALIKAN: "Dikembalikan",
    ReportStatus.DIREVISI: "Direvisi",
    ReportStatus.DISETUJUI: "Disetujui",
    ReportStatus.DISERAHKAN: "Diserahkan",
}

ROLE_LABELS: dict[ReportRole, str] = {
    ReportRole.ASESOR: "Asesor penulis",
    ReportRole.QC: "Pemeriksa QC",
    ReportRole.ADMIN: "Petugas administrasi",
}

EDITABLE_STATUSES: frozenset[ReportStatus] = frozenset(
    {ReportStatus.DRAFT, ReportStatus.DIKEMBALIKAN, ReportStatus.DIREVISI}
)


@dataclass(frozen=True)
class TransitionRule:
    source: ReportStatus
    target: ReportStatus
    action: str
    label: str  # Indonesian name of the action, for buttons and the history
    roles: frozenset[ReportRole]
    needs_checks: bool = False
    needs_comment: bool = False
    new_revision: bool = False


_R = ReportStatus
_AUTHOR = frozenset({ReportRole.ASESOR})
_REVIEWER = frozenset({ReportRole.QC})

TRANSITION_RULES: tuple[TransitionRule, ...] = (
    TransitionRule(_R.DRAFT, _R.DIAJUKAN, "ajukan", "Ajukan ke QC", _AUTHOR, needs_checks=True),
    TransitionRule(
        _R.DIAJUKAN, _R.DIKEMBALIKAN, "kembalikan", "Kembalikan ke penulis", _REVIEWER, needs_comment=True
    ),
    TransitionRule(_R.DIAJUKAN, _R.DISETUJUI, "setujui", "Setujui", _REVIEWER, needs_checks=True),
    TransitionRule(_R.DIKEMBALIKAN, _R.DIREVISI, "revisi", "Perbaiki laporan", _AUTHOR),
    TransitionRule(
        _R.DIREVISI, _R.DIAJUKAN, "ajukan_ulang", "Ajukan ulang ke QC", _AUTHOR, needs_checks=True
    ),
    TransitionRule(
        _R.DISETUJUI, _R.DISERAHKAN, "serahkan", "Serahkan laporan", frozenset({ReportRole.ADMIN})
    ),
    TransitionRule(
        _R.DISETUJUI,
        _R.DRAFT,
        "revisi_baru",
        "Revisi baru",
        frozenset({ReportRole.QC, ReportRole.ADMIN}),
        needs_comment=True,
        new_revision=True,
    ),
)

_RULES_BY_PAIR: dict[tuple[ReportStatus, ReportStatus], TransitionRule] = {
    (rule.source, rule.target): rule for rule in TRANSITION_RULES
}


class TransitionError(ValueError):
    """A status change that is not allowed; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class Transition:
    """An allowed status change, ready to be stored in the report's status history."""

    source: ReportStatus
    target: ReportStatus
    role: ReportRole
    action: str
    label: str
    comment: str
    new_revision: bool = False  # True: the caller starts revision number + 1


def _status(value: ReportStatus | str) -> ReportStatus:
    try:
        return ReportStatus(value)
    except ValueError as exc:
        raise TransitionError(f"Status laporan '{value}' tidak dikenal.") from exc


def _role(value: ReportRole | str) -> ReportRole:
    try:
        return ReportRole(value)
    except ValueError as exc:
        raise TransitionError(f"Peran '{value}' tidak dikenal.") from exc


def _join_labels(roles: frozenset[ReportRole]) -> str:
    labels = [role.label for role in ReportRole if role in roles]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " atau " + labels[-1]


def transition(
    current: ReportStatus | str,
    target: ReportStatus | str,
    role: ReportRole | str,
    checks_passed: bool,
    comment: str | None = None,
    *,
    new_revision: bool = False,
) -> Transition:
    """Validate one status change and return it, or raise ``TransitionError``.

    ``new_revision=True`` is the explicit "revisi baru" action: it is the only way from
    disetujui back to draft and it needs a reason in ``comment``.
    """
    source, goal, who = _status(current), _status(target), _role(role)
    text = (comment or "").strip()
    if new_revision and (source, goal) != (ReportStatus.DISETUJUI, ReportStatus.DRAFT):
        raise TransitionError("Revisi baru hanya dapat dibuat dari laporan yang sudah disetujui.")
    if source == goal:
        raise TransitionError(f"Laporan sudah berstatus {source.label}.")
    rule = _RULES_BY_PAIR.get((source, goal))
    if rule is None:
        raise TransitionError(f"Status laporan tidak dapat diubah dari {source.label} menjadi {goal.label}.")
    if rule.new_revision and not new_revision:
        raise TransitionError(
            "Laporan yang sudah disetujui terkunci. Gunakan tindakan Revisi Baru dan tuliskan alasannya."
        )
    if who not in rule.roles:
        raise TransitionError(
            f"{who.label} tidak berwenang melakukan tindakan '{rule.label}'. "
            f"Yang berwenang: {_join_labels(rule.roles)}."
        )
    if rule.needs_comment and not text:
        if rule.new_revision:
            raise TransitionError("Alasan revisi baru wajib diisi.")
        raise TransitionError("Catatan pengembalian untuk penulis wajib diisi.")
    if rule.needs_checks and not checks_passed:
        raise TransitionError(
            f"Tindakan '{rule.label}' tidak dapat dilakukan karena pemeriksaan otomatis laporan belum "
            "terpenuhi. Perbaiki temuan pemeriksaan terlebih dahulu."
        )
    return Transition(
        source=source,
        target=goal,
        role=who,
        action=rule.action,
        label=rule.label,
        comment=text,
        new_revision=rule.new_revision,
    )


def start_new_revision(current: ReportStatus | str, role: ReportRole | str, reason: str | None) -> Transition:
    """The "revisi baru" action: an approved report goes back to draft as a new revision."""
    return transition(
        current, ReportStatus.DRAFT, role, checks_passed=True, comment=reason, new_revision=True
    )


def available_actions(current: ReportStatus | str, role: ReportRole | str) -> list[TransitionRule]:
    """The actions a role may offer from ``current`` (checks and comments are verified later)."""
    source, who = _status(current), _role(role)
    return [rule for rule in TRANSITION_RULES if rule.source == source and who in rule.roles]


def is_editable(status: ReportStatus | str) -> bool:
    """Whether the report's content may be changed: draft, dikembalikan (editing moves it to
    direvisi, see ``status_after_edit``) and direvisi. Submitted, approved and delivered
    reports are locked."""
    return _status(status) in EDITABLE_STATUSES


def status_after_edit(status: ReportStatus | str) -> ReportStatus:
    """The status a report has after its author saves an edit; raise when it is locked."""
    current = _status(status)
    if current not in EDITABLE_STATUSES:
        raise TransitionError(f"Laporan berstatus {current.label} terkunci dan tidak dapat diubah.")
    if current == ReportStatus.DIKEMBALIKAN:
        return ReportStatus.DIREVISI
    return current
