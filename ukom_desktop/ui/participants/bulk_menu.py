"""The bulk action menu of the Peserta tab: one action on every selected participant."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMenu, QWidget

from ukom_desktop.ui import messages
from ukom_desktop.ui.participants import prompts


def build_bulk_menu(parent: QWidget, apply: Callable[[str, Callable[[Any, list[int]], int]], None]) -> QMenu:
    """`apply(description, work)` runs work(session, selected ids) in one transaction and refreshes."""
    from ukom_desktop.services import participants as svc

    menu = QMenu(parent)

    def add(menu_: QMenu, text: str, work: Callable[[Any, list[int]], int]) -> None:
        menu_.addAction(text, lambda: apply(text, work))

    invitation = menu.addMenu("Undangan")
    add(invitation, "Tandai undangan dikirim", lambda s, ids: svc.set_invitation(s, ids, "dikirim"))
    add(invitation, "Tandai undangan diterima", lambda s, ids: svc.set_invitation(s, ids, "diterima"))
    add(invitation, "Tandai undangan belum dikirim", lambda s, ids: svc.set_invitation(s, ids, "belum"))

    attendance = menu.addMenu("Konfirmasi kehadiran")
    add(attendance, "Hadir", lambda s, ids: svc.set_attendance(s, ids, "hadir"))
    attendance.addAction("Tidak hadir (dengan alasan)...", lambda: _absent(parent, apply))
    add(attendance, "Belum konfirmasi", lambda s, ids: svc.set_attendance(s, ids, "belum"))

    documents = menu.addMenu("Kelengkapan")
    add(documents, "DRH lengkap", lambda s, ids: svc.set_completeness(s, ids, cv=True))
    add(documents, "DRH belum lengkap", lambda s, ids: svc.set_completeness(s, ids, cv=False))
    add(documents, "Penelusuran kompetensi lengkap", lambda s, ids: svc.set_completeness(s, ids, tracing=True))
    add(documents, "Penelusuran kompetensi belum lengkap", lambda s, ids: svc.set_completeness(s, ids, tracing=False))

    placement = menu.addMenu("Gelombang, kelompok dan soal")
    placement.addAction("Pindahkan ke gelombang...", lambda: _move(parent, apply, with_group=False))
    placement.addAction("Pindahkan ke kelompok...", lambda: _move(parent, apply, with_group=True))
    placement.addAction("Tetapkan paket soal...", lambda: _question_set(parent, apply))
    menu.addAction("Tetapkan jabatan sasaran...", lambda: _target_position(parent, apply))
    menu.addSeparator()
    menu.addAction("Keluarkan dari kegiatan...", lambda: _remove(parent, apply))
    return menu


def _absent(parent: QWidget, apply: Callable[..., None]) -> None:
    from ukom_desktop.services import participants as svc

    reason = prompts.text(parent, "Tidak hadir", "Alasan tidak hadir:")
    if reason is None:
        return
    if not reason.strip():
        messages.warn(parent, "Alasan tidak hadir wajib diisi.")
        return
    apply("Tidak hadir", lambda s, ids: svc.set_attendance(s, ids, "tidak_hadir", reason))


def _move(parent: QWidget, apply: Callable[..., None], with_group: bool) -> None:
    from ukom_desktop.services import participants as svc

    wave = prompts.number(parent, "Gelombang", "Nomor gelombang:", 1, 1, 99)
    if wave is None:
        return
    group = prompts.number(parent, "Kelompok", "Nomor kelompok dalam gelombang:", 1, 1, 99) if with_group else None
    if with_group and group is None:
        return
    apply("Pindahkan", lambda s, ids: svc.move_to(s, ids, wave, group))


def _question_set(parent: QWidget, apply: Callable[..., None]) -> None:
    from ukom_desktop.services import participants as svc

    value = prompts.text(parent, "Paket soal", "Paket soal (mis. A):", "A")
    if value is not None:
        apply("Paket soal", lambda s, ids: svc.set_question_set(s, ids, value))


def _remove(parent: QWidget, apply: Callable[..., None]) -> None:
    from ukom_desktop.services import participants as svc

    if messages.confirm(parent, "Keluarkan peserta yang dipilih dari kegiatan ini? Data pegawainya tetap tersimpan."):
        apply("Keluarkan dari kegiatan", svc.remove_from_event)


def _target_position(parent: QWidget, apply: Callable[..., None]) -> None:
    from ukom_desktop.services.target_positions import (
        WHERE_POSITIONS_ARE_MADE,
        event_target_positions,
        set_target_position,
    )

    context = parent.context  # type: ignore[attr-defined]
    with context.session() as session:
        positions = event_target_positions(session, context.event_id)
    if not positions:
        from ukom_desktop.ui.menu_paths import offer_to_open

        offer_to_open(parent, "Kegiatan ini belum memiliki jabatan sasaran. Tambahkan lebih dahulu lewat "
                              f"{WHERE_POSITIONS_ARE_MADE}")
        return
    names = [p.name for p in positions]
    chosen = prompts.choice(parent, "Jabatan sasaran", "Jabatan sasaran untuk peserta yang dipilih:", names)
    if chosen is None:
        return
    position_id = positions[names.index(chosen)].id
    apply("Jabatan sasaran", lambda s, ids: set_target_position(s, ids, position_id))
