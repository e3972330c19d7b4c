"""The shipped dictionary (9 competencies x 5 levels) and editing it: technical competencies, max level."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from ukom_desktop.db.models import AuditEntry, Competency, CompetencyLevel
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.competency_dictionary import (
    CompetencyInfo,
    LevelInfo,
    default_max_level,
    list_competencies,
    next_technical_code,
    remove_competency,
    save_competency,
    set_default_max_level,
)
from ukom_desktop.services.reference_data import ensure_reference_data

CODES = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]


@pytest.fixture
def db(database):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        ensure_reference_data(session)
    return database


def test_first_start_ships_nine_competencies_with_five_levels_each(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        comps = list_competencies(s)
        assert [c.code for c in comps] == CODES
        assert [c.group for c in comps] == ["manajerial"] * 8 + ["sosial_kultural"]
        assert comps[1].name == "Kerja Sama" and "Kerjasama" in comps[1].aliases
        for comp in comps:
            assert [lv.level for lv in comp.levels] == [1, 2, 3, 4, 5]
            assert all(lv.description and len(lv.indicators) == 3 for lv in comp.levels)
            assert comp.max_level == 5 and comp.definition
        assert s.scalar(select(func.count()).select_from(CompetencyLevel)) == 45
    with db.sessions.begin() as s:  # running it again adds nothing
        assert ensure_reference_data(s) is False
        assert s.scalar(select(func.count()).select_from(Competency)) == 9


def test_user_adds_a_technical_competency_with_its_own_max_level(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        set_default_max_level(s, 4)
        assert default_max_level(s) == 4
        code = next_technical_code(s)
        assert code == "T.01"
        saved = save_competency(s, CompetencyInfo(
            None, code, "Pengelolaan Keuangan Daerah", "teknis", "Mengelola keuangan daerah.", default_max_level(s),
            levels=(LevelInfo(1, "Memahami aturan dasar.", ("Menjelaskan siklus anggaran.",)),
                    LevelInfo(4, "Merumuskan kebijakan.", ("Menyusun pedoman.", "  "))),
        ))
    with db.sessions() as s:
        comps = list_competencies(s)
        assert comps[-1].code == "T.01" and comps[-1].group_label == "Teknis"
        assert comps[-1].max_level == 4
        assert [(lv.level, lv.indicators) for lv in comps[-1].levels] == [
            (1, ("Menjelaskan siklus anggaran.",)), (4, ("Menyusun pedoman.",))]
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "competency")) == 1
        assert saved.id is not None


@pytest.mark.parametrize(("change", "message"), [
    ({"code": "M.01"}, "Kode M.01 sudah dipakai oleh kompetensi Integritas."),
    ({"code": "??"}, "Kode kompetensi '??' tidak sah"),
    ({"name": " "}, "Nama kompetensi wajib diisi."),
    ({"max_level": 3, "levels": (LevelInfo(4, "x"),)}, "Level 4 di luar rentang 1 sampai 3."),
    ({"levels": (LevelInfo(2, "x"), LevelInfo(2, "y"))}, "Level 2 tercantum lebih dari sekali."),
])
def test_bad_competency_is_refused_and_nothing_is_written(db, change: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    base = {"id": None, "code": "T.01", "name": "Audit", "group": "teknis"}
    base.update(change)
    with pytest.raises(UserFacingError, match=message.replace("?", r"\?").replace(".", r"\.")), \
            db.sessions.begin() as s:
        save_competency(s, CompetencyInfo(**base))
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Competency)) == 9


def test_editing_a_shipped_competency_keeps_its_identity(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as s:
        comp = list_competencies(s)[0]
        levels = tuple(lv if lv.level != 2 else LevelInfo(2, "Uraian baru.", ("Satu.",)) for lv in comp.levels)
        save_competency(s, CompetencyInfo(comp.id, comp.code, comp.name, comp.group, "Definisi baru.", 5,
                                          comp.aliases, levels=levels, version=comp.version))
    with db.sessions() as s:
        again = list_competencies(s)[0]
        assert again.id == comp.id and again.definition == "Definisi baru."
        assert again.level(2) == LevelInfo(2, "Uraian baru.", ("Satu.",))
        assert again.level(3) == comp.level(3)
    with pytest.raises(UserFacingError, match="baru saja diubah"), db.sessions.begin() as s:
        save_competency(s, CompetencyInfo(comp.id, comp.code, "Lama", comp.group, version=comp.version))


def test_a_used_competency_is_only_deactivated(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.sessions.begin() as s:
        m01 = next(c for c in list_competencies(s) if c.code == "M.01")
        assert "hanya dinonaktifkan" in remove_competency(s, m01.id)
        tech = save_competency(s, CompetencyInfo(None, "T.01", "Audit", "teknis"))
        assert "dihapus" in remove_competency(s, tech.id)
    with demo_database.sessions() as s:
        assert [c.code for c in list_competencies(s, include_inactive=False)] == CODES[1:]
        assert s.get(Competency, m01.id) is not None
