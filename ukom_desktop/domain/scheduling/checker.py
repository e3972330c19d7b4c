"""The independent schedule checker shared by the solver, the tests and the schedule grid.

It knows nothing of how a schedule was made: it reads the problem and the sessions and reports every
broken rule with an Indonesian reason. Hard findings ("berat") make a schedule unusable; soft ones
("ringan") are worth a look (fewer distinct assessors than wanted, unbalanced load, room kind).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime

from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.scheduling.load import load_counts, works_in_wave
from ukom_desktop.domain.scheduling.model import (
    EXERCISE_KIND_LABEL,
    HARD,
    ROOM_KIND_FOR,
    ROOM_KIND_LABEL,
    SOFT,
    Assessor,
    Participant,
    Room,
    Rule,
    Schedule,
    ScheduleProblem,
    Session,
    Severity,
    Violation,
)
from ukom_desktop.domain.scheduling.timegrid import (
    format_hm,
    format_when,
    halves_touched,
    minute_of,
    to_minutes,
)

_SEVERITY_ORDER = {HARD: 0, SOFT: 1}


class _Checker:
    def __init__(self, problem: ScheduleProblem, schedule: Schedule, waves: Iterable[int] | None) -> None:
        self.problem = problem
        self.schedule = schedule
        self.settings = problem.settings
        self.waves = set(problem.waves if waves is None else waves)
        self.out: list[Violation] = []
        self.checked = [s for s in schedule.sessions if s.wave in self.waves]
        self.checked_ids = {s.id for s in self.checked}
        # Sessions whose references and times are sound; later rules only look at these.
        self.sound: list[Session] = []

    # -- helpers -------------------------------------------------------------------------------
    def add(
        self,
        code: Rule,
        severity: Severity,
        message: str,
        sessions: Iterable[Session] = (),
        persons: Iterable[str] = (),
        wave: int | None = None,
    ) -> None:
        self.out.append(
            Violation(
                code=code,
                severity=severity,
                message=message,
                session_ids=tuple(s.id for s in sessions),
                person_ids=tuple(dict.fromkeys(persons)),
                wave=wave,
            )
        )

    def exercise_name(self, session: Session) -> str:
        exercise = self.problem.exercise_by_id.get(session.exercise_id)
        return exercise.name if exercise else session.exercise_id

    def describe(self, session: Session) -> str:
        room = self.problem.room_by_id.get(session.room_id)
        where = room_phrase(room) if room else f"ruang {session.room_id}"
        return f"{self.exercise_name(session)} ({format_when(session.start, session.end)}, {where})"

    def person_label(self, role: str, person_id: str) -> str:
        if role == "peserta" and person_id in self.problem.participant_by_id:
            return f"peserta {self.problem.participant_by_id[person_id].label}"
        if role == "asesor" and person_id in self.problem.assessor_by_id:
            return f"asesor {self.problem.assessor_by_id[person_id].label}"
        return f"{role} {person_id}"

    def names(self, role: str, person_ids: Iterable[str]) -> str:
        """The people's names joined for a sentence ("-" when there is nobody)."""
        by_id: dict[str, Participant] | dict[str, Assessor] = (
            self.problem.participant_by_id if role == "peserta" else self.problem.assessor_by_id
        )
        return ", ".join(by_id[x].label if x in by_id else x for x in person_ids) or "-"

    # -- rules ---------------------------------------------------------------------------------
    def check_references(self) -> None:
        p = self.problem
        for s in self.checked:
            unknown: list[str] = []
            if s.exercise_id not in p.exercise_by_id:
                unknown.append(f"latihan {s.exercise_id}")
            if s.room_id not in p.room_by_id:
                unknown.append(f"ruang {s.room_id}")
            unknown += [f"peserta {x}" for x in s.participant_ids if x not in p.participant_by_id]
            unknown += [f"asesor {x}" for x in s.assessor_ids if x not in p.assessor_by_id]
            if unknown:
                self.add(
                    Rule.UNKNOWN_REFERENCE,
                    HARD,
                    f"Sesi {s.id} merujuk data yang tidak dikenal: {', '.join(unknown)}.",
                    [s],
                    wave=s.wave,
                )
                continue
            if s.end <= s.start:
                self.add(
                    Rule.INVALID_TIME,
                    HARD,
                    f"Sesi {self.exercise_name(s)} ({s.id}) berakhir pukul {format_hm(s.end)}, "
                    f"tidak setelah mulai pukul {format_hm(s.start)}.",
                    [s],
                    wave=s.wave,
                )
                continue
            self.sound.append(s)

    def check_session_shape(self) -> None:
        """Rules that read one session on its own."""
        p, st = self.problem, self.settings
        for s in self.sound:
            exercise = p.exercise_by_id[s.exercise_id]
            room = p.room_by_id[s.room_id]
            name = exercise.name
            day = s.start.date()
            wave_days = list(p.wave_days.get(s.wave, ()))
            if day not in wave_days or s.end.date() != day:
                self.add(
                    Rule.OUTSIDE_WAVE_DAYS,
                    HARD,
                    f"Sesi {self.describe(s)} tidak jatuh pada hari pelaksanaan gelombang {s.wave}.",
                    [s],
                    wave=s.wave,
                )
            if s.start.time() < st.day_start or s.end.time() > st.day_end or s.end.date() != day:
                self.add(
                    Rule.OUTSIDE_WORKING_DAY,
                    HARD,
                    f"Sesi {self.describe(s)} berada di luar jam kerja "
                    f"{format_hm(st.day_start)}-{format_hm(st.day_end)}.",
                    [s],
                    wave=s.wave,
                )
            if st.has_lunch and st.lunch_start is not None and st.lunch_end is not None:
                lunch = (minute_of(day, st.lunch_start), minute_of(day, st.lunch_end))
                if to_minutes(s.start) < lunch[1] and to_minutes(s.end) > lunch[0]:
                    self.add(
                        Rule.LUNCH_OVERLAP,
                        SOFT,
                        f"Sesi {self.describe(s)} memotong waktu istirahat siang "
                        f"{format_hm(st.lunch_start)}-{format_hm(st.lunch_end)}.",
                        [s],
                        wave=s.wave,
                    )
            minutes = int((s.end - s.start).total_seconds() // 60)
            if minutes != exercise.duration_minutes:
                self.add(
                    Rule.DURATION_MISMATCH,
                    SOFT,
                    f"Sesi {self.describe(s)} berlangsung {minutes} menit, "
                    f"sedangkan durasi {name} adalah {exercise.duration_minutes} menit.",
                    [s],
                    wave=s.wave,
                )
            for pid in s.participant_ids:
                participant = p.participant_by_id[pid]
                if participant.wave != s.wave:
                    self.add(
                        Rule.WAVE_MISMATCH,
                        HARD,
                        f"Peserta {participant.label} termasuk gelombang {participant.wave}, "
                        f"tetapi dijadwalkan pada sesi {self.describe(s)} gelombang {s.wave}.",
                        [s],
                        [pid],
                        wave=s.wave,
                    )
            if len(s.participant_ids) > room.capacity:
                self.add(
                    Rule.ROOM_CAPACITY,
                    HARD,
                    f"{_capital(room_phrase(room))} berkapasitas {room.capacity} peserta, tetapi sesi "
                    f"{self.describe(s)} berisi {len(s.participant_ids)} peserta.",
                    [s],
                    s.participant_ids,
                    wave=s.wave,
                )
            if p.wave_rooms.get(s.wave) and room not in p.rooms_of(s.wave):
                self.add(
                    Rule.ROOM_NOT_OF_WAVE,
                    HARD,
                    f"Sesi {self.describe(s)} berada di ruang yang tidak dipilih untuk gelombang {s.wave}.",
                    [s],
                    wave=s.wave,
                )
            expected_kind = ROOM_KIND_FOR[exercise.kind]
            if room.kind != expected_kind:
                self.add(
                    Rule.ROOM_KIND_MISMATCH,
                    SOFT,
                    f"Latihan {name} ({EXERCISE_KIND_LABEL[exercise.kind]}) seharusnya di "
                    f"{ROOM_KIND_LABEL[expected_kind]}, tetapi dijadwalkan di {room_phrase(room)} "
                    f"({ROOM_KIND_LABEL[room.kind]}).",
                    [s],
                    wave=s.wave,
                )
            if exercise.kind == "one_to_one" and (len(s.participant_ids) != 1 or len(s.assessor_ids) != 1):
                self.add(
                    Rule.ONE_TO_ONE_SIZE,
                    HARD,
                    f"Sesi {self.describe(s)} harus berisi tepat 1 peserta dan 1 asesor, tetapi berisi "
                    f"{len(s.participant_ids)} peserta ({self.names('peserta', s.participant_ids)}) dan "
                    f"{len(s.assessor_ids)} asesor ({self.names('asesor', s.assessor_ids)}).",
                    [s],
                    (*s.participant_ids, *s.assessor_ids),
                    wave=s.wave,
                )
            if exercise.kind == "group":
                size = len(s.participant_ids)
                if not st.group_min <= size <= st.group_max:
                    self.add(
                        Rule.GROUP_SIZE,
                        HARD,
                        f"Kelompok pada sesi {self.describe(s)} berisi {size} peserta; ukuran kelompok "
                        f"harus {st.group_min}-{st.group_max} peserta.",
                        [s],
                        s.participant_ids,
                        wave=s.wave,
                    )
                if len(s.assessor_ids) < st.group_observers:
                    self.add(
                        Rule.GROUP_OBSERVERS,
                        HARD,
                        f"Sesi kelompok {self.describe(s)} hanya diamati {len(s.assessor_ids)} asesor; "
                        f"minimal {st.group_observers} asesor.",
                        [s],
                        s.assessor_ids,
                        wave=s.wave,
                    )

    def check_people_in_session(self) -> None:
        """Conflict of interest and availability of each assessor in a session."""
        p = self.problem
        for s in self.sound:
            for aid in s.assessor_ids:
                assessor = p.assessor_by_id[aid]
                for pid in s.participant_ids:
                    participant = p.participant_by_id[pid]
                    if participant.unit == assessor.unit:
                        self.add(
                            Rule.CONFLICT_OF_INTEREST,
                            HARD,
                            f"Asesor {assessor.label} menilai peserta {participant.label} dari unit yang "
                            f"sama ({assessor.unit}) pada sesi {self.describe(s)}.",
                            [s],
                            [aid, pid],
                            wave=s.wave,
                        )
                missing = [
                    (day, half)
                    for day, half in halves_touched(self.settings, s.start, s.end)
                    if not assessor.is_available(day, half)
                ]
                if missing:
                    when = ", ".join(f"{format_day_date_id(d)} {h}" for d, h in missing)
                    self.add(
                        Rule.ASSESSOR_UNAVAILABLE,
                        HARD,
                        f"Asesor {assessor.label} tidak tersedia pada {when}, tetapi dijadwalkan pada sesi "
                        f"{self.describe(s)}.",
                        [s],
                        [aid],
                        wave=s.wave,
                    )

    def check_double_bookings(self) -> None:
        # Keyed by role too: a participant and an assessor may share an id.
        by_person: dict[tuple[str, str], list[Session]] = defaultdict(list)
        by_room: dict[str, list[Session]] = defaultdict(list)
        all_sound = [s for s in self.schedule.sessions if s.end > s.start]
        for s in all_sound:
            for pid in s.participant_ids:
                by_person[("peserta", pid)].append(s)
            for aid in s.assessor_ids:
                by_person[("asesor", aid)].append(s)
            by_room[s.room_id].append(s)
        for (role, pid), sessions in by_person.items():
            for a, b in _overlapping_pairs(sessions):
                if a.id not in self.checked_ids and b.id not in self.checked_ids:
                    continue
                label = self.person_label(role, pid)
                self.add(
                    Rule.PERSON_DOUBLE_BOOKED,
                    HARD,
                    f"{_capital(label)} terjadwal ganda: {self.describe(a)} "
                    f"bertabrakan dengan {self.describe(b)}.",
                    [a, b],
                    [pid],
                    wave=a.wave,
                )
        for rid, sessions in by_room.items():
            room = self.problem.room_by_id.get(rid)
            for a, b in _overlapping_pairs(sessions):
                if a.id not in self.checked_ids and b.id not in self.checked_ids:
                    continue
                self.add(
                    Rule.ROOM_DOUBLE_BOOKED,
                    HARD,
                    f"{_capital(room_phrase(room)) if room else 'Ruang ' + rid} dipakai dua sesi sekaligus: "
                    f"{self.describe(a)} "
                    f"dan {self.describe(b)}.",
                    [a, b],
                    wave=a.wave,
                )

    def check_breaks(self) -> None:
        st = self.settings
        by_participant: dict[str, list[Session]] = defaultdict(list)
        for s in self.sound:
            for pid in s.participant_ids:
                by_participant[pid].append(s)
        for pid, sessions in by_participant.items():
            participant = self.problem.participant_by_id[pid]
            ordered = sorted(sessions, key=lambda s: (s.start, s.end))
            for a, b in zip(ordered, ordered[1:], strict=False):
                if a.start.date() != b.start.date():
                    continue
                gap = _minutes_between(a.end, b.start)
                if 0 <= gap < st.changeover_minutes:
                    self.add(
                        Rule.NO_CHANGEOVER,
                        HARD,
                        f"Peserta {participant.label} tidak mendapat jeda: {self.describe(a)} langsung "
                        f"disusul {self.describe(b)} (jeda {gap} menit, minimal {st.changeover_minutes} menit).",
                        [a, b],
                        [pid],
                        wave=a.wave,
                    )
            chain: list[Session] = []
            for s in ordered:
                if chain and (
                    s.start.date() != chain[-1].start.date()
                    or _minutes_between(max(c.end for c in chain), s.start) >= st.rest_break_minutes
                ):
                    self._report_chain(participant, chain)
                    chain = []
                chain.append(s)
            self._report_chain(participant, chain)

    def _report_chain(self, participant: Participant, chain: list[Session]) -> None:
        if not chain:
            return
        start, end = chain[0].start, max(c.end for c in chain)
        span = _minutes_between(start, end)
        if span > self.settings.max_continuous_minutes:
            self.add(
                Rule.CONTINUOUS_TOO_LONG,
                HARD,
                f"Peserta {participant.label} mengikuti kegiatan {span} menit tanpa istirahat "
                f"({format_when(start, end)}); paling lama {self.settings.max_continuous_minutes} menit, "
                f"istirahat minimal {self.settings.rest_break_minutes} menit.",
                chain,
                [participant.id],
                wave=chain[0].wave,
            )

    def check_completeness(self) -> None:
        p = self.problem
        counts: dict[tuple[str, str], list[Session]] = defaultdict(list)
        for s in self.sound:
            for pid in s.participant_ids:
                counts[(pid, s.exercise_id)].append(s)
        for participant in p.participants:
            if participant.wave not in self.waves:
                continue
            for exercise in p.exercises:
                found = counts.get((participant.id, exercise.id), [])
                if not found:
                    self.add(
                        Rule.MISSING_EXERCISE,
                        HARD,
                        f"Peserta {participant.label} belum dijadwalkan untuk latihan {exercise.name}.",
                        persons=[participant.id],
                        wave=participant.wave,
                    )
                elif len(found) > 1:
                    self.add(
                        Rule.DUPLICATE_EXERCISE,
                        HARD,
                        f"Peserta {participant.label} dijadwalkan {len(found)} kali untuk latihan "
                        f"{exercise.name}.",
                        found,
                        [participant.id],
                        wave=participant.wave,
                    )

    def check_leads(self) -> None:
        p = self.problem
        lead = self.schedule.lead
        seen = self.seen_by()
        per_wave: dict[tuple[int, str], list[str]] = defaultdict(list)
        for participant in p.participants:
            if participant.wave not in self.waves:
                continue
            aid = lead.get(participant.id)
            if aid is None:
                self.add(
                    Rule.MISSING_LEAD,
                    HARD,
                    f"Peserta {participant.label} belum memiliki asesor utama.",
                    persons=[participant.id],
                    wave=participant.wave,
                )
                continue
            assessor = p.assessor_by_id.get(aid)
            if assessor is None:
                self.add(
                    Rule.UNKNOWN_REFERENCE,
                    HARD,
                    f"Asesor utama {aid} untuk peserta {participant.label} tidak dikenal.",
                    persons=[participant.id],
                    wave=participant.wave,
                )
                continue
            per_wave[(participant.wave, aid)].append(participant.id)
            if assessor.unit == participant.unit:
                self.add(
                    Rule.CONFLICT_OF_INTEREST,
                    HARD,
                    f"Asesor {assessor.label} menjadi asesor utama peserta {participant.label} dari unit "
                    f"yang sama ({assessor.unit}).",
                    persons=[aid, participant.id],
                    wave=participant.wave,
                )
            elif aid not in seen.get(participant.id, set()):
                self.add(
                    Rule.LEAD_NOT_OBSERVING,
                    SOFT,
                    f"Asesor utama {assessor.label} tidak mengamati peserta {participant.label} "
                    "pada satu latihan pun.",
                    persons=[aid, participant.id],
                    wave=participant.wave,
                )
        for (wave, aid), pids in sorted(per_wave.items()):
            assessor = p.assessor_by_id[aid]
            limit = p.max_lead(assessor)
            if len(pids) > limit:
                self.add(
                    Rule.LEAD_OVERLOAD,
                    HARD,
                    f"Gelombang {wave}: asesor {assessor.label} menjadi asesor utama {len(pids)} peserta "
                    f"({self.names('peserta', pids)}); paling banyak {limit} peserta.",
                    persons=[aid, *pids],
                    wave=wave,
                )

    def seen_by(self) -> dict[str, set[str]]:
        seen: dict[str, set[str]] = defaultdict(set)
        for s in self.sound:
            for pid in s.participant_ids:
                seen[pid].update(s.assessor_ids)
        return seen

    def check_distinct(self) -> None:
        p, st = self.problem, self.settings
        seen = self.seen_by()
        kinds = Counter(e.kind for e in p.exercises)
        slots = kinds["one_to_one"] + kinds["group"] * st.group_observers
        for participant in p.participants:
            if participant.wave not in self.waves:
                continue
            count = len(seen.get(participant.id, set()))
            if count >= st.min_distinct_assessors:
                continue
            eligible = sum(
                1
                for a in p.assessors
                if a.unit != participant.unit and self.works_in_wave(a, participant.wave)
            )
            cap = min(st.min_distinct_assessors, slots, eligible)
            note = ""
            if cap < st.min_distinct_assessors:
                note = (
                    f" Dengan {slots} kesempatan pengamatan dan {eligible} asesor yang boleh menilai, "
                    f"paling banyak {cap} asesor berbeda dapat dicapai."
                )
            self.add(
                Rule.FEW_DISTINCT_ASSESSORS,
                SOFT,
                f"Peserta {participant.label} hanya diamati oleh {count} asesor berbeda; "
                f"seharusnya minimal {st.min_distinct_assessors}.{note}",
                persons=[participant.id],
                wave=participant.wave,
            )

    def works_in_wave(self, assessor: Assessor, wave: int) -> bool:
        return works_in_wave(self.problem, assessor, wave)

    def check_balance(self) -> None:
        for wave in sorted(self.waves):
            counts = load_counts(self.problem, self.schedule, wave)
            if counts is None:
                continue
            sessions, leads = counts
            self._report_spread(Rule.LOAD_IMBALANCE, wave, sessions, "sesi penilaian")
            self._report_spread(Rule.LEAD_IMBALANCE, wave, leads, "peserta sebagai asesor utama")

    def _report_spread(self, code: Rule, wave: int, counts: Counter[str], what: str) -> None:
        high = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        low = min(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if high[1] - low[1] <= 1:
            return
        a_high = self.problem.assessor_by_id[high[0]]
        a_low = self.problem.assessor_by_id[low[0]]
        self.add(
            code,
            SOFT,
            f"Gelombang {wave}: beban asesor tidak seimbang, {a_high.label} mendapat {high[1]} {what} "
            f"sedangkan {a_low.label} mendapat {low[1]} (selisih sebaiknya paling banyak 1).",
            persons=[high[0], low[0]],
            wave=wave,
        )

    def run(self) -> list[Violation]:
        self.check_references()
        self.check_session_shape()
        self.check_people_in_session()
        self.check_double_bookings()
        self.check_breaks()
        self.check_completeness()
        self.check_leads()
        self.check_distinct()
        self.check_balance()
        return sorted(
            self.out,
            key=lambda v: (_SEVERITY_ORDER[v.severity], v.wave if v.wave is not None else -1, str(v.code)),
        )


def room_phrase(room: Room) -> str:
    """The room as a sentence names it: "ruang RW1", or its own name when that says ruang/aula already."""
    if room.name and room.name.lower().startswith(("ruang", "aula")):
        return room.label
    return f"ruang {room.label}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _minutes_between(a: datetime, b: datetime) -> int:
    return int((b - a).total_seconds() // 60)


def _overlapping_pairs(sessions: list[Session]) -> list[tuple[Session, Session]]:
    ordered = sorted(sessions, key=lambda s: (s.start, s.end, s.id))
    pairs: list[tuple[Session, Session]] = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start >= a.end:
                break
            pairs.append((a, b))
    return pairs


def check_schedule(
    problem: ScheduleProblem, schedule: Schedule, waves: Iterable[int] | None = None
) -> list[Violation]:
    """Every broken rule, hard ones first. ``waves`` limits the check to those waves (None: all)."""
    return _Checker(problem, schedule, waves).run()


def hard_violations(violations: Iterable[Violation]) -> list[Violation]:
    return [v for v in violations if v.is_hard]


def soft_warnings(violations: Iterable[Violation]) -> list[Violation]:
    return [v for v in violations if not v.is_hard]


def new_violations(
    problem: ScheduleProblem,
    before: Schedule,
    after: Schedule,
    waves: Iterable[int] | None = None,
) -> list[Violation]:
    """The findings an edit would add: those of ``after`` that ``before`` did not already have.

    The grid calls this with a tentative schedule (see ``edits``) before applying a drag and drop.
    """
    wave_list = None if waves is None else list(waves)
    old = {v.key for v in check_schedule(problem, before, wave_list)}
    return [v for v in check_schedule(problem, after, wave_list) if v.key not in old]
