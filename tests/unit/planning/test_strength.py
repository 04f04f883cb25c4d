"""Strength: ST1-ST2 scheduling, ST3 progression from logged sessions, ST4 by the day's state."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from runner_app.coach.model import PainEntry, StrengthEntry, StrengthSet
from runner_app.coach.text import TIMES
from runner_app.planning.daily.exercises import EXERCISES
from runner_app.planning.daily.progression import (
    adapt_block_to_state,
    current_prescriptions,
    next_block_variant,
    progress_exercise,
    strength_block,
)
from runner_app.planning.daily.strength import (
    day_kinds_from_runs,
    schedule_strength_week,
    strength_target,
)

from .builders import MONDAY, day, run

RACE = date(2027, 4, 25)  # a Sunday, 22 weeks after MONDAY's week
# A usual week: Tuesday intervals, Wednesday to Friday easy, Sunday long; Monday and Saturday rest.
WEEK = {day(1): "intervals", day(2): "easy", day(3): "easy", day(4): "easy", day(6): "long"}
NEXT_MONDAY = day(7)


def test_a_usual_week_gets_a_light_block_after_the_intervals_and_a_full_block_clear_of_hard_days() -> None:
    week = schedule_strength_week(MONDAY, WEEK, RACE)
    assert week.target == 2
    assert week.dates() == (day(2), day(4))  # Wednesday after the intervals, Friday clear of both
    assert [d.block for d in week.days] == ["light", "full"]
    assert week.days[0].note.startswith("A light block the day after your intervals on Tue 17 Nov")
    assert all("un first, lift at least 6 h later." in d.note for d in week.days)
    assert week.warnings == ()


def test_a_rest_day_clear_of_hard_sessions_gets_the_full_block_and_needs_no_note() -> None:
    kinds = {day(1): "intervals", day(2): "easy", day(3): "easy", day(6): "long"}  # Friday rests
    week = schedule_strength_week(MONDAY, kinds, RACE)
    friday = week.on(day(4))
    assert friday is not None and friday.block == "full" and friday.note == ""


def test_strength_is_never_on_a_hard_day_or_the_day_before_one_even_across_weeks() -> None:
    kinds = {**WEEK, day(-1): "long", NEXT_MONDAY: "hills"}  # last Sunday's long run, next Monday's hills
    week = schedule_strength_week(MONDAY, kinds, RACE)
    hard = ("long", "tempo", "intervals", "hills", "race")
    for chosen in week.days:
        assert kinds.get(chosen.date) not in hard
        assert kinds.get(chosen.date + timedelta(days=1)) not in hard
        after_hard = kinds.get(chosen.date - timedelta(days=1)) in ("long", "intervals")
        assert chosen.block == ("light" if after_hard else "full")
    assert day(0) not in week.dates() and day(5) not in week.dates()


def test_sessions_logged_earlier_this_week_count_toward_the_target_and_the_48_h_gap() -> None:
    # Logged on Wednesday and Friday: the two of the week are done, whatever the schedule said.
    week = schedule_strength_week(MONDAY, WEEK, RACE, logged_this_week=[day(2), day(4)], open_from=day(5))
    assert week.dates() == (day(2), day(4))
    # One logged on Thursday: Friday is too close to it and the weekend is next to the long run, so the
    # second is dropped with a note rather than crammed in.
    week = schedule_strength_week(MONDAY, WEEK, RACE, logged_this_week=[day(3)], open_from=day(4))
    assert week.dates() == (day(3),)
    assert [w.rule for w in week.warnings] == ["ST2"]


def test_a_missed_session_moves_to_a_later_day_only_when_that_day_keeps_the_rules() -> None:
    kinds = {day(6): "long"}  # only the long run on Sunday: Monday to Friday are all clear
    planned = schedule_strength_week(MONDAY, kinds, RACE).dates()
    assert planned == (day(0), day(4))  # Monday and Friday, the most even spread
    week = schedule_strength_week(MONDAY, kinds, RACE, open_from=day(1))  # Monday let pass
    assert week.dates() == (day(2), day(4))  # Wednesday: 48 h from Friday, the later of two
    assert week.warnings == ()


def test_a_missed_session_with_no_later_day_that_allows_it_is_dropped_with_a_note_not_crammed() -> None:
    # Wednesday's light block let pass: Thursday is within 48 h of Friday's, Saturday is the day before the
    # long run and Sunday is the long run.
    week = schedule_strength_week(MONDAY, WEEK, RACE, open_from=day(3))
    assert week.dates() == (day(4),)
    assert len(week.warnings) == 1
    note = week.warnings[0].reason
    assert note.startswith("The strength session planned for Wed 18 Nov did not happen")
    assert "dropped rather than crammed in" in note and "(rule" not in note
    # On Saturday, with Friday's also missed, both are dropped and nothing lands next to the long run.
    saturday = schedule_strength_week(MONDAY, WEEK, RACE, open_from=day(5))
    assert saturday.dates() == ()
    assert "Wed 18 Nov and Fri 20 Nov" in saturday.warnings[0].reason


def test_strength_sessions_are_48_h_apart_including_last_weeks() -> None:
    week = schedule_strength_week(MONDAY, {day(6): "long"}, RACE, earlier_strength=[day(-1)])
    dates = [day(-1), *week.dates()]
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(dates))
    assert day(0) not in week.dates()


def test_three_sessions_only_on_request_and_only_in_base_weeks() -> None:
    assert strength_target(MONDAY, RACE, "base", wants_three=True)[0] == 3
    assert strength_target(MONDAY, RACE, "build", wants_three=True)[0] == 2
    assert strength_target(MONDAY, RACE, "base", wants_three=False)[0] == 2
    base = schedule_strength_week(
        MONDAY, {day(3): "easy", day(6): "long"}, RACE, phase="base", wants_three=True
    )
    assert base.dates() == (day(0), day(2), day(4))
    # With hills on Tuesday, three cannot keep the rules: two, and a note why.
    hills = schedule_strength_week(
        MONDAY, {day(1): "hills", day(3): "easy", day(6): "long"}, RACE, phase="base", wants_three=True
    )
    assert hills.dates() == (day(2), day(4))
    assert hills.warnings[0].reason.startswith("Only 2 of 3 strength sessions fit in the week")


def test_one_session_a_week_in_the_four_weeks_before_race_week_and_none_in_it() -> None:
    race_monday = RACE - timedelta(days=6)
    targets = [strength_target(race_monday - timedelta(days=7 * n), RACE)[0] for n in range(6)]
    assert targets == [0, 1, 1, 1, 1, 2]  # the 4 weeks before race week: 1 each (the coach's ST1 reading)
    reason = strength_target(race_monday - timedelta(days=7), RACE)[1]
    assert reason == (
        "1 strength session this week to keep what you built: the race is 1 week away, inside the last 4 "
        "weeks before it."
    )
    kinds = {race_monday + timedelta(days=1): "easy", RACE: "race"}
    assert schedule_strength_week(race_monday, kinds, RACE).days == ()


def test_when_no_day_fits_the_week_says_so() -> None:
    hard_every_day = {day(i): "tempo" for i in range(-1, 8)}
    week = schedule_strength_week(MONDAY, hard_every_day, RACE)
    assert week.days == ()
    assert week.warnings[0].rule == "ST2"
    assert week.warnings[0].reason.startswith("Only 0 of 2 strength sessions fit in the week")


def test_pinned_days_are_kept_with_warnings_only() -> None:
    week = schedule_strength_week(MONDAY, WEEK, RACE, pinned_weekdays={5, 6})  # Saturday and Sunday
    assert week.dates() == (day(5), day(6))
    assert all(d.pinned and d.block == "light" for d in week.days)
    reasons = [w.reason for w in week.warnings]
    assert any(r.startswith("Sat 21 Nov is the day before your long run") for r in reasons)
    assert any(r.startswith("Sun 22 Nov is the day of your long run") for r in reasons)
    too_close = "Sun 22 Nov is less than 48 h from the strength session on Sat 21 Nov"
    assert any(r.startswith(too_close) for r in reasons)


def test_a_runner_without_a_plan_gets_strength_days_around_the_runs_they_logged() -> None:
    kinds = day_kinds_from_runs([run(day(0), 8.0), run(day(2), 12.0, "tempo"), run(day(2), 3.0)])
    assert kinds == {day(0): "easy", day(2): "tempo"}
    assert day(1) not in schedule_strength_week(MONDAY, kinds, None).dates()


# ---------------------------------------------------------------- ST3 progression (the coach's rule)


def _session(
    n: int, slug: str, sets: int, reps: int, *, load: float | None = None, pain: int = 0
) -> StrengthEntry:
    logged = tuple(
        StrengthSet(slug, reps=reps, load_kg=load, side=side)
        for _ in range(sets)
        for side in ("left", "right")
    )
    return StrengthEntry(f"st{n}", MONDAY + timedelta(days=2 * n), 1500, 5, pain, logged)


def _settled(entry: StrengthEntry, settled: bool = True) -> PainEntry:
    return PainEntry(f"p-{entry.id}", entry.date, "after_strength", "knee_front", "left", 2, settled)


def _climb(exercise: str, steps: list[tuple[int, float | None]]) -> list[str]:
    """The prescription shown after each logged session (pain-free, so settled needs no answer)."""
    history: list[StrengthEntry] = []
    seen = [progress_exercise(EXERCISES[exercise], history).text().replace(TIMES, "x")]
    for n, (reps, load) in enumerate(steps):
        history.append(_session(n, exercise, 3, reps, load=load))
        seen.append(progress_exercise(EXERCISES[exercise], history).text().replace(TIMES, "x"))
    return seen


def test_reps_climb_to_the_top_of_the_range_then_load_is_added_and_reps_restart() -> None:
    reps = [20, 20, 22, 22, 24, 24, 26, 26, 28, 28, 30, 30]
    steps: list[tuple[int, float | None]] = [(r, None) for r in reps] + [(20, 2.0), (20, 2.0)]
    seen = _climb("single_leg_rdl", steps)  # 3 x 20-30 a side, bodyweight first
    assert seen[0] == "3 x 20 a side, bodyweight"
    assert seen[2] == "3 x 22 a side, bodyweight"
    assert seen[10] == "3 x 30 a side, bodyweight"
    assert seen[12] == "3 x 20 a side at 2 kg"  # bodyweight until 3 x 30, then the first load
    assert seen[14] == "3 x 22 a side at 2 kg"
    reason = progress_exercise(EXERCISES["single_leg_rdl"], [_session(0, "single_leg_rdl", 3, 20)] * 2).reason
    assert (
        f"2 sessions in a row with all sets of 3 {TIMES} 20, bodyweight done, pain ≤ 5 and settled" in reason
    )
    assert "(rule" not in reason


def test_an_exercise_that_takes_no_load_stops_at_the_top_of_its_range() -> None:
    seen = _climb("single_leg_squat_to_chair", [(r, None) for r in (8, 8, 10, 10, 12, 12, 12, 12)])
    assert seen[-1] == "3 x 12 a side, bodyweight"
    top = progress_exercise(
        EXERCISES["single_leg_squat_to_chair"], [_session(0, "single_leg_squat_to_chair", 3, 12)]
    )
    assert top.load_kg is None


def test_a_painful_or_unfinished_session_resets_the_two_in_a_row() -> None:
    rdl = EXERCISES["single_leg_rdl"]
    painful = [
        _session(0, rdl.slug, 3, 20),
        _session(1, rdl.slug, 3, 20, pain=6),
        _session(2, rdl.slug, 3, 20),
    ]
    assert progress_exercise(rdl, painful).target == 20
    short = [_session(0, rdl.slug, 1, 20), _session(1, rdl.slug, 3, 20), _session(2, rdl.slug, 1, 20)]
    assert progress_exercise(rdl, short).target == 20
    done = [_session(0, rdl.slug, 3, 20), _session(1, rdl.slug, 3, 20)]
    assert progress_exercise(rdl, done).target == 22


def test_some_pain_counts_only_when_it_settled_after_the_session() -> None:
    rdl = EXERCISES["single_leg_rdl"]
    history = [_session(0, rdl.slug, 3, 20, pain=3), _session(1, rdl.slug, 3, 20, pain=3)]
    assert progress_exercise(rdl, history).target == 20  # no answer about settling: no progression
    assert progress_exercise(rdl, history, [_settled(e) for e in history]).target == 22
    unsettled = [_settled(history[0]), _settled(history[1], settled=False)]
    assert progress_exercise(rdl, history, unsettled).target == 20


def test_prescriptions_cover_the_catalogue_and_blocks_alternate() -> None:
    prescriptions = current_prescriptions([_session(0, "step_ups", 3, 10), _session(1, "step_ups", 3, 10)])
    assert set(prescriptions) == set(EXERCISES)
    assert prescriptions["step_ups"].target == 12
    assert prescriptions["reverse_flyes"].load_kg == 2.0  # the one exercise that starts with a load
    assert next_block_variant([]) == "A"
    assert next_block_variant([_session(0, "step_ups", 3, 10)]) == "B"
    assert strength_block("A", prescriptions)[1] == prescriptions["step_ups"]


# ---------------------------------------------------------------- ST4


def test_amber_and_red_keep_the_hip_and_quads_work_and_drop_the_jumps() -> None:
    block = strength_block("B", {})
    for state in ("amber", "red"):
        adapted = adapt_block_to_state(block, state)
        assert [p.exercise for p in adapted.dropped] == ["pogo_hops"]
        assert {EXERCISES[p.exercise].category for p in adapted.kept} >= {"hip", "quads"}
        assert adapted.rule == "ST4"
        assert "pogo_hops is dropped" in adapted.reason and "keeping pain ≤ 5/10" in adapted.reason
    green = adapt_block_to_state(block, "green")
    assert green.kept == block and green.dropped == ()
    assert adapt_block_to_state(block, "refer_urgent").kept == ()
    hurt = adapt_block_to_state(block, "amber", last_pain={"split_squat": 7})
    assert "split_squat" in [p.exercise for p in hurt.dropped]
