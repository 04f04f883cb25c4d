"""ST1-ST4: how many strength sessions, which days, the next prescription, and what stays in amber/red."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runner_app.coach.model import PainEntry, StrengthEntry, StrengthSet
from runner_app.coach.strength import (
    ExerciseSession,
    Prescription,
    exercise_sessions,
    st3_progress,
    st4_filter,
    strength_sessions_allowed,
)

MONDAY = date(2026, 11, 23)
RACE = date(2027, 1, 17)  # a Sunday; its week starts on 2027-01-11


def week(n: int) -> date:
    return MONDAY + timedelta(weeks=n)


# ---------------------------------------------------------------- ST1


@pytest.mark.parametrize(
    ("week_start", "expected"),
    [
        (date(2027, 1, 11), 0),  # race week
        (date(2027, 1, 14), 0),  # any day of race week
        (date(2027, 1, 4), 1),  # 1 week out
        (date(2026, 12, 14), 1),  # 4 weeks out: inside the last 4 weeks
        (date(2026, 12, 7), 2),  # 5 weeks out
        (date(2027, 1, 18), 2),  # after the race
    ],
)
def test_st1_two_a_week_one_in_the_last_4_weeks_none_in_race_week(week_start: date, expected: int) -> None:
    assert strength_sessions_allowed(week_start, RACE) == expected


def test_st1_three_only_when_asked_and_in_a_base_week() -> None:
    assert strength_sessions_allowed(week(0), RACE, wants_three=True, base_week=True) == 3
    assert strength_sessions_allowed(week(0), RACE, wants_three=True) == 2
    assert strength_sessions_allowed(week(0), None, base_week=True) == 2
    assert strength_sessions_allowed(date(2027, 1, 4), RACE, wants_three=True, base_week=True) == 1


# ST2 (which days) is scheduled by runner_app.planning.daily.strength and tested in tests/unit/planning.


# ---------------------------------------------------------------- ST3

SQUAT = Prescription("split_squat", sets=3, low=10, high=15, target=10, load_kg=20.0)
BRIDGE = Prescription("single_leg_bridge", sets=3, low=20, high=30, target=28)


def done(
    n: int,
    p: Prescription,
    amount: int | None = None,
    pain: int = 2,
    settled: bool | None = True,
    sets: int | None = None,
) -> ExerciseSession:
    reps = p.target if amount is None else amount
    return ExerciseSession(
        MONDAY + timedelta(days=n),
        tuple(StrengthSet(p.exercise, reps=reps, load_kg=p.load_kg) for _ in range(sets or p.sets)),
        pain,
        settled,
    )


def test_st3_two_complete_settled_sessions_in_a_row_add_reps() -> None:
    new, why = st3_progress(SQUAT, [done(0, SQUAT), done(2, SQUAT)])
    assert (new.target, new.load_kg) == (12, 20.0)
    assert why and why[0].rule == "ST3"


@pytest.mark.parametrize(
    "second",
    [
        done(2, SQUAT, amount=9),  # a set short
        done(2, SQUAT, sets=2),  # a set missing
        done(2, SQUAT, pain=6),  # pain above 5
        done(2, SQUAT, settled=False),  # not settled
        done(2, SQUAT, pain=3, settled=None),  # unknown whether it settled
    ],
    ids=["reps_short", "set_missing", "pain_6", "not_settled", "settled_unknown"],
)
def test_st3_no_progression_unless_both_sessions_qualify(second: ExerciseSession) -> None:
    assert st3_progress(SQUAT, [done(0, SQUAT), second])[0] == SQUAT


def test_st3_a_failed_session_between_two_good_ones_restarts_the_count() -> None:
    assert st3_progress(SQUAT, [done(0, SQUAT), done(2, SQUAT, pain=6), done(4, SQUAT)])[0] == SQUAT


def test_st3_at_the_top_of_the_range_load_rises_5_percent_from_the_bottom() -> None:
    top = Prescription("split_squat", sets=3, low=10, high=15, target=15, load_kg=20.0)
    new, _ = st3_progress(top, [done(0, top), done(2, top)])
    assert (new.target, new.load_kg) == (10, 21.0)


def test_st3_bodyweight_stays_bodyweight_until_3_x_30() -> None:
    mid, _ = st3_progress(BRIDGE, [done(0, BRIDGE), done(2, BRIDGE)])
    assert (mid.target, mid.load_kg) == (30, None)
    top, _ = st3_progress(mid, [done(4, mid), done(6, mid)])
    assert (top.target, top.load_kg) == (20, 2.0)


def test_st3_sessions_are_read_from_strength_entries_and_after_strength_check_ins() -> None:
    entries = [
        StrengthEntry(
            "s1", MONDAY, 1500, 5, 2, tuple(StrengthSet("split_squat", reps=10, load_kg=20.0) for _ in "abc")
        ),
        StrengthEntry(
            "s2",
            MONDAY + timedelta(days=2),
            1500,
            5,
            2,
            tuple(StrengthSet("split_squat", reps=10, load_kg=20.0) for _ in "abc"),
        ),
    ]
    pains = [
        PainEntry(f"p{i}", e.date, "after_strength", "knee_front", "left", 2, True)
        for i, e in enumerate(entries)
    ]
    assert st3_progress(SQUAT, exercise_sessions("split_squat", entries, pains))[0].target == 12
    assert (
        st3_progress(SQUAT, exercise_sessions("split_squat", entries, []))[0].target == 10
    )  # settled unknown


# ---------------------------------------------------------------- ST4

CATALOGUE = {
    "clamshell": frozenset({"hip"}),
    "split_squat": frozenset({"quads"}),
    "box_jump": frozenset({"jump", "plyometric"}),
}


def test_st4_in_green_every_exercise_stays() -> None:
    assert st4_filter(CATALOGUE, "green") == (("clamshell", "split_squat", "box_jump"), ())


@pytest.mark.parametrize("state", ["amber", "red"])
def test_st4_in_amber_or_red_jumps_go_and_hip_and_quads_stay_with_pain_up_to_5(state: str) -> None:
    kept, why = st4_filter(CATALOGUE, state, {"split_squat": 5})  # type: ignore[arg-type]
    assert kept == ("clamshell", "split_squat")
    assert any("≤ 5" in d.reason for d in why)
    kept, _ = st4_filter(CATALOGUE, state, {"split_squat": 6})  # type: ignore[arg-type]
    assert kept == ("clamshell",)


def test_st4_under_a_red_flag_no_strength_is_prescribed() -> None:
    assert st4_filter(CATALOGUE, "refer_urgent")[0] == ()
