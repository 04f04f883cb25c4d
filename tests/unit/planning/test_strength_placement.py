"""ST1-ST2 over a whole plan: where strength falls for a tempo-Tuesday, long-Sunday runner over 16 weeks (as
planned, and day by day on Today for a runner who never lifts), the light and full blocks' contents, and a
property over random weekly templates."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from runner_app.coach.model import HARD_RUN_KINDS
from runner_app.planning.daily.exercises import EXERCISES, LIGHT_BLOCK
from runner_app.planning.daily.progression import (
    Prescription,
    current_prescriptions,
    light_block,
    strength_block,
)
from runner_app.planning.daily.strength import schedule_plan_strength, schedule_strength_week
from runner_app.planning.daily.today import build_tasks
from runner_app.planning.model import Phase, PlannedSession, SessionKind, monday_of

from .builders import assessment, session

FIRST_MONDAY = date(2027, 1, 4)
WEEKS = 16
RACE = FIRST_MONDAY + timedelta(days=7 * (WEEKS - 1) + 6)  # the Sunday of week 16
TAPER_WEEKS = range(11, 15)  # weeks 12-15, the 4 before race week: one session each
# Monday rest, Tuesday tempo, Wednesday to Friday easy, Saturday rest, Sunday long; the race ends week 16.
TEMPLATE: dict[int, tuple[SessionKind, float]] = {
    1: ("tempo", 10.0),
    2: ("easy", 8.0),
    3: ("easy", 8.0),
    4: ("easy", 6.0),
    6: ("long", 20.0),
}


def sixteen_weeks() -> list[PlannedSession]:
    sessions = []
    for week in range(WEEKS):
        monday = FIRST_MONDAY + timedelta(days=7 * week)
        phase: Phase = (
            "base" if week < 4 else "taper" if week in TAPER_WEEKS else "race" if week == 15 else "build"
        )
        for weekday, (kind, km) in TEMPLATE.items():
            race = week == WEEKS - 1 and weekday == 6
            on, what, km = monday + timedelta(days=weekday), "race" if race else kind, 42.2 if race else km
            sessions.append(session(on, what, km, phase=phase, week_index=week))
    return sessions


def expected_strength(week: int) -> list[tuple[str, str]]:
    if week == WEEKS - 1:
        return []
    if week in TAPER_WEEKS:
        return [("Friday", "full")]
    return [("Wednesday", "light"), ("Friday", "full")]


def named(days: Sequence[tuple[date, str]]) -> list[tuple[str, str]]:
    return [(f"{on:%A}", block) for on, block in days]


def test_a_tempo_tuesday_long_sunday_plan_lifts_wednesday_light_and_friday_full_for_16_weeks() -> None:
    weeks = schedule_plan_strength(sixteen_weeks(), RACE, first_day=FIRST_MONDAY)
    assert len(weeks) == WEEKS
    for index, week in enumerate(weeks):
        assert named([(d.date, d.block) for d in week.days]) == expected_strength(index), f"week {index + 1}"
        assert week.warnings == ()


def todays_strength(sessions: Sequence[PlannedSession], logged: Sequence[date]) -> list[tuple[date, str]]:
    """Day by day as Today asks, for a runner whose strength sessions are `logged` (dates)."""
    kinds = {s.date: s.kind for s in sessions}
    found: list[tuple[date, str]] = []
    for offset in range(7 * WEEKS):
        on = FIRST_MONDAY + timedelta(days=offset)
        monday = monday_of(on)
        week = schedule_strength_week(
            monday,
            kinds,
            RACE,
            earlier_strength=[d for d in logged if d < monday],
            logged_this_week=[d for d in logged if monday <= d < on],
            open_from=on,
            first_day=FIRST_MONDAY,
        )
        chosen = week.on(on)
        if chosen is not None:
            found.append((on, chosen.block))
    return found


def test_a_runner_who_never_lifts_never_has_a_missed_session_crammed_onto_thursday_or_the_weekend() -> None:
    found = todays_strength(sixteen_weeks(), logged=[])
    for week in range(WEEKS):
        monday = FIRST_MONDAY + timedelta(days=7 * week)
        this_week = [(on, block) for on, block in found if monday_of(on) == monday]
        assert named(this_week) == expected_strength(week), f"week {week + 1}"
    assert {f"{on:%A}" for on, _ in found} == {"Wednesday", "Friday"}


def test_a_runner_who_lifts_on_every_strength_day_gets_the_same_days() -> None:
    planned = [d for week in schedule_plan_strength(sixteen_weeks(), RACE) for d in week.dates()]
    found = todays_strength(sixteen_weeks(), logged=planned)
    assert [on for on, _ in found] == planned


def test_the_missed_wednesday_session_is_dropped_with_a_note_on_thursday() -> None:
    kinds = {s.date: s.kind for s in sixteen_weeks()}
    thursday = FIRST_MONDAY + timedelta(days=7 * 5 + 3)
    week = schedule_strength_week(monday_of(thursday), kinds, RACE, open_from=thursday)
    assert named([(d.date, d.block) for d in week.days]) == [("Friday", "full")]
    assert [w.rule for w in week.warnings] == ["ST2"]
    assert "dropped rather than crammed in" in str(week.warnings[0].reason)


# ---------------------------------------------------------------- the two blocks


def test_the_light_block_is_bodyweight_hips_and_core_with_no_jumps() -> None:
    block = light_block(current_prescriptions([]))
    assert [p.exercise for p in block] == list(LIGHT_BLOCK)
    assert all(EXERCISES[p.exercise].category in ("hip", "core") for p in block)
    assert all(p.load_kg is None for p in block)
    assert not any("jump" in p.exercise or "hop" in p.exercise for p in block)


def test_an_exercise_the_runner_loads_is_done_at_bodyweight_in_the_light_block() -> None:
    prescriptions = current_prescriptions([])
    bridges = prescriptions["hip_bridges"]
    loaded = {
        **prescriptions,
        "hip_bridges": Prescription(
            "hip_bridges", bridges.name, 3, "reps", 12, 12, 20, False, 10.0, "loaded"
        ),
    }
    light = next(p for p in light_block(loaded) if p.exercise == "hip_bridges")
    assert (light.load_kg, light.target) == (None, 20)


def test_the_full_blocks_hold_single_leg_and_quad_work_the_light_block_leaves_out() -> None:
    for variant in ("A", "B"):
        full = {EXERCISES[p.exercise].category for p in strength_block(variant, {})}
        assert "quads" in full and "calf" in full
    assert "pogo_hops" in [p.exercise for p in strength_block("B", {})]


def test_the_strength_task_names_its_block_and_lists_the_light_exercises() -> None:
    wednesday = FIRST_MONDAY + timedelta(days=2)
    week = schedule_strength_week(FIRST_MONDAY, {s.date: s.kind for s in sixteen_weeks()}, RACE)
    day = week.on(wednesday)
    assert day is not None and day.block == "light"
    light = light_block(current_prescriptions([]))
    tasks = build_tasks(
        wednesday, assessment(wednesday), None, [], False, False, True, light, (), 0, strength_day=day
    ).tasks
    strength = next(task for task in tasks if task.kind == "strength")
    assert strength.prescribed["block"] == "light"
    exercises = strength.prescribed["exercises"]
    assert isinstance(exercises, list)
    assert [e["exercise"] for e in exercises] == list(LIGHT_BLOCK)
    assert str(strength.title) == "Light strength block, 15-20 min"
    assert str(strength.reason).startswith(
        "A light strength day, the day after your tempo run on Tue 5 Jan: 5 "
    )
    assert str(strength.detail).startswith("Hip bridges: 3 × 12, bodyweight")


# ---------------------------------------------------------------- any weekly template


@st.composite
def templates(draw: st.DrawFn) -> dict[int, str]:
    run_days = draw(st.lists(st.integers(0, 6), min_size=3, max_size=7, unique=True))
    hard = draw(st.lists(st.sampled_from(sorted(run_days)), max_size=len(run_days), unique=True))
    kinds = {d: "easy" for d in run_days}
    hard_kinds = ("tempo", "intervals", "hills", "long")
    kinds.update({d: hard_kinds[i % len(hard_kinds)] for i, d in enumerate(sorted(hard))})
    return kinds


@settings(max_examples=150, deadline=None, derandomize=True)
@given(templates(), st.booleans(), st.integers(0, 6))
def test_strength_is_never_on_a_hard_day_or_the_day_before_one_and_always_48_h_apart(
    template: dict[int, str], wants_three: bool, missed_from: int
) -> None:
    sessions = [
        session(FIRST_MONDAY + timedelta(days=7 * week + d), kind, 8.0, phase="base", week_index=week)  # type: ignore[arg-type]
        for week in range(4)
        for d, kind in template.items()
    ]
    kinds = {s.date: s.kind for s in sessions}
    weeks = schedule_plan_strength(sessions, None, wants_three=wants_three, first_day=FIRST_MONDAY)
    days = [d for week in weeks for d in week.days]
    # part-way through the second week, with nothing lifted in it: what Today would still offer
    open_from = FIRST_MONDAY + timedelta(days=7 + missed_from)
    replanned = schedule_strength_week(
        FIRST_MONDAY + timedelta(days=7), kinds, None, earlier_strength=weeks[0].dates(), open_from=open_from
    )
    for chosen in [*days, *replanned.days]:
        assert kinds.get(chosen.date) not in HARD_RUN_KINDS
        assert kinds.get(chosen.date + timedelta(days=1)) not in HARD_RUN_KINDS
        after_hard = kinds.get(chosen.date - timedelta(days=1)) in HARD_RUN_KINDS
        assert chosen.block == ("light" if after_hard else "full")
    dates = sorted(d.date for d in days)
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(dates))
    again = sorted([*weeks[0].dates(), *replanned.dates()])
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(again))
    assert all(d >= open_from for d in replanned.dates())
    for week in weeks:
        assert len(week.days) <= week.target
        if len(week.days) < week.target:
            assert any(w.rule == "ST2" and str(w.reason).startswith("Only ") for w in week.warnings)
