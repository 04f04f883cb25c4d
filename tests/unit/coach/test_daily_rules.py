"""F1-F4 and D1-D3: the smallest history that fires each rule, and the nearest one that must not."""

from __future__ import annotations

import pytest

from tests.unit.coach.builders import (
    after_run,
    alert_rules,
    assess_on,
    clearance,
    cross,
    easy_run,
    fired,
    morning,
    mornings,
    over,
    pain,
    run,
)

QUIET = mornings(0, [1] * 7)  # a green week with a baseline of 1


# ---------------------------------------------------------------- F1


@pytest.mark.parametrize(
    "flags",
    [{"cannot_weight_bear"}, {"locking"}, {"giving_way"}, {"hot_red_fever"}, {"swelling", "after_trauma"}],
)
def test_a_red_flag_refers_urgently_and_stops_all_running(flags: set[str]) -> None:
    a = assess_on(7, QUIET, pain(7, 2, "rest", flags=flags))
    assert a.state == "refer_urgent"
    assert not a.guidance.running_allowed and not a.guidance.cross_training_allowed
    assert ("refer_urgent", "F1") in alert_rules(a)
    assert "F1" in fired(a)


def test_a_reason_names_the_day_as_a_runner_says_it() -> None:
    a = assess_on(7, QUIET, pain(7, 2, "rest", flags={"locking"}))  # day 7 is Monday 9 November 2026
    reason = next(d.reason for d in a.decisions if d.rule == "F1")
    assert "on Mon 9 Nov" in reason


@pytest.mark.parametrize("flags", [{"after_trauma"}, {"swelling"}, set()])
def test_trauma_without_swelling_or_swelling_without_trauma_is_not_f1(flags: set[str]) -> None:
    assert assess_on(7, QUIET, pain(7, 2, "rest", flags=flags)).state != "refer_urgent"


def test_f1_lasts_until_a_clearance_dated_on_or_after_it_then_restarts_at_r0() -> None:
    flag = pain(7, 4, "rest", flags={"locking"})
    assert over(7, 20, QUIET, flag)[20].state == "refer_urgent"
    days = over(7, 11, QUIET, flag, clearance(10))
    assert days[10].state == "refer_urgent" and not days[10].guidance.running_allowed
    assert days[11].state == "green" and days[11].return_stage == "R0"
    assert not days[11].guidance.running_allowed and days[11].guidance.swap_to_low_impact


def test_a_clearance_dated_before_the_flag_does_not_end_it() -> None:
    assert over(7, 12, QUIET, clearance(6), pain(7, 4, "rest", flags={"locking"}))[12].state == "refer_urgent"


# ---------------------------------------------------------------- F2


@pytest.mark.parametrize(
    "entries",
    [
        [pain(7, 2, "rest", flags={"night_pain"})],
        [pain(7, 2, "rest", flags={"bone_tenderness"})],
        [pain(1, 3, "rest"), pain(7, 3, "rest")],
        [pain(7, 3, "night")],
    ],
    ids=["night_pain", "bone_tenderness", "rest_pain_twice_in_7_days", "night_context_pain_3"],
)
def test_f2_is_red_with_a_see_a_clinician_alert(entries: list[object]) -> None:
    a = assess_on(7, QUIET, entries)
    assert a.state == "red" and not a.guidance.running_allowed
    assert ("see_clinician", "F2") in alert_rules(a)


@pytest.mark.parametrize(
    "entries",
    [
        [pain(0, 3, "rest"), pain(7, 3, "rest")],  # 8 days apart
        [pain(6, 2, "rest"), pain(7, 3, "rest")],
        [pain(7, 2, "night")],
    ],
    ids=["rest_pain_8_days_apart", "rest_pain_2_then_3", "night_context_pain_2"],
)
def test_nearly_f2_is_not_red(entries: list[object]) -> None:
    assert assess_on(7, QUIET, entries).state == "green"


def test_f2_ends_on_a_clearance_and_restarts_at_r0() -> None:
    days = over(7, 13, QUIET, pain(7, 2, "rest", flags={"night_pain"}), clearance(12))
    assert days[12].state == "red" and days[13].state == "green"
    assert days[13].return_stage == "R0"
    assert days[13].guidance.return_session is not None and "walk" in days[13].guidance.return_session


# ---------------------------------------------------------------- F3


def test_one_swelling_swaps_the_next_run_for_low_impact() -> None:
    days = over(
        7, 10, QUIET, pain(7, 2, "morning", flags={"swelling"}), morning(8, 1), morning(9, 1), cross(9)
    )
    assert days[7].state == "amber" and "F3" in fired(days[7])
    assert days[8].guidance.swap_to_low_impact and not days[8].guidance.running_allowed
    assert not days[9].guidance.swap_to_low_impact  # the cross-training session took the run's place
    assert days[10].guidance.running_allowed


def test_swelling_on_two_days_within_7_is_red_with_a_physio_alert() -> None:
    a = assess_on(12, QUIET, pain(7, 2, flags={"swelling"}), pain(12, 2, flags={"swelling"}))
    assert a.state == "red" and ("see_clinician", "F3") in alert_rules(a)


def test_swelling_8_days_apart_is_not_red() -> None:
    a = assess_on(15, QUIET, pain(7, 2, flags={"swelling"}), pain(15, 2, flags={"swelling"}))
    assert a.state == "amber"


def test_the_swelling_red_ends_after_3_days_in_a_row_without_swelling_then_r1() -> None:
    swell = [pain(7, 2, flags={"swelling"}), pain(8, 2, flags={"swelling"})]
    days = over(8, 12, QUIET, swell, mornings(9, [1, 1, 1]))
    assert [days[n].state for n in (9, 10, 11)] == ["red", "red", "red"]
    assert days[12].state == "green" and days[12].return_stage == "R1"


def test_a_day_without_any_check_in_does_not_count_as_a_day_without_swelling() -> None:
    swell = [pain(7, 2, flags={"swelling"}), pain(8, 2, flags={"swelling"})]
    assert over(8, 12, QUIET, swell, morning(9, 1), morning(11, 1))[12].state == "red"


# ---------------------------------------------------------------- F4


def test_sharp_pain_with_a_run_is_red_for_48_hours_then_one_stage_below_the_plan() -> None:
    sharp = [run(7), after_run(7, 3, flags={"sharp"})]
    days = over(7, 9, QUIET, sharp, mornings(8, [1, 1]))
    assert days[7].state == "red" and days[8].state == "red"
    assert not days[8].guidance.running_allowed
    assert days[9].state == "green" and days[9].return_stage == "R5" and days[9].guidance.running_allowed


def test_sharp_pain_in_the_morning_is_not_f4() -> None:
    assert "F4" not in fired(assess_on(7, QUIET, pain(7, 1, "morning", flags={"sharp"})))


def test_sharp_pain_again_on_the_next_run_raises_a_physio_alert_and_drops_another_stage() -> None:
    first = [run(7), after_run(7, 3, flags={"sharp"})]
    second = [run(9), after_run(9, 3, flags={"sharp"})]
    days = over(7, 11, QUIET, first, mornings(8, [1, 1, 1, 1]), second)
    assert ("see_clinician", "F4") in alert_rules(days[9])
    assert days[11].return_stage == "R4"


def test_a_clean_run_after_the_sharp_pain_raises_no_physio_alert() -> None:
    first = [run(7), after_run(7, 3, flags={"sharp"})]
    days = over(7, 11, QUIET, first, mornings(8, [1, 1, 1, 1]), easy_run(9), easy_run(11, run_pain=0))
    assert all(("see_clinician", "F4") not in alert_rules(a) for a in days.values())


# ---------------------------------------------------------------- D1 - D3


def test_a_comfortable_run_and_a_quiet_next_morning_meet_d1() -> None:
    days = over(7, 8, QUIET, easy_run(7, run_pain=1), morning(8, 1))
    assert "D1" in fired(days[8]) and days[8].state == "green"


def test_a_run_is_not_judged_d1_before_the_next_morning_check_in() -> None:
    days = over(7, 8, QUIET, easy_run(7, run_pain=1))
    assert "D1" not in fired(days[7]) and "D1" not in fired(days[8])


def test_a_run_without_a_post_run_check_in_cannot_meet_d1() -> None:
    assert "D1" not in fired(over(7, 8, QUIET, run(7), morning(8, 1))[8])


@pytest.mark.parametrize(
    ("entries", "judged_on"),
    [
        ([run(7), after_run(7, 3)], 7),
        ([run(7), after_run(7, 5)], 7),
        ([run(7), after_run(7, 1, settled=False)], 7),
        ([*easy_run(7, run_pain=1), morning(8, 3)], 8),  # baseline 1, +2
        ([*easy_run(7, run_pain=1), morning(8, 4)], 8),  # +3 (v1 read this as red)
    ],
    ids=["run_pain_3", "run_pain_5", "not_settled", "morning_plus_2", "morning_plus_3"],
)
def test_d2_is_amber_for_48_hours_and_bends_the_next_runs(entries: list[object], judged_on: int) -> None:
    days = over(7, judged_on + 2, QUIET, entries)
    a = days[judged_on]
    assert a.state == "amber" and "D2" in fired(a)
    assert days[judged_on + 1].state == "amber" and days[judged_on + 2].state == "green"
    g = days[judged_on + 2].guidance  # the runs stay bent after the amber days, until 2 D1 runs
    assert (g.easy_only, g.flat_only, g.distance_factor, g.strides_allowed) == (True, True, 0.75, False)


def test_run_pain_2_settled_with_a_quiet_morning_is_not_d2() -> None:
    days = over(7, 8, QUIET, easy_run(7, run_pain=2), morning(8, 1))
    assert "D2" not in fired(days[7]) | fired(days[8])
    assert days[8].state == "green" and days[8].guidance.distance_factor == 1.0
    assert not days[8].guidance.easy_only


def test_the_d2_bends_end_after_2_runs_in_a_row_that_meet_d1() -> None:
    d2 = [run(7), after_run(7, 4)]
    days = over(7, 14, QUIET, d2, mornings(8, [1] * 7), easy_run(9), easy_run(11), easy_run(13))
    bent = days[11].guidance  # one D1 run so far (judged on day 10)
    assert (bent.distance_factor, bent.flat_only) == (0.75, True)
    free = days[12].guidance  # the second D1 run is judged on the morning of day 12
    assert (free.distance_factor, free.flat_only) == (1.0, False)
    assert "D2" in fired(days[12])
    assert free.active_rungs == ("C1",)  # the ladder D2 started stays: easy_only now comes from C1


def test_d2_starts_the_ladder_when_no_rung_is_active() -> None:
    a = assess_on(7, QUIET, run(7), after_run(7, 4))
    assert [r.rung for r in a.rungs] == ["C1"] and a.rungs[0].rule == "D2"


@pytest.mark.parametrize(
    ("entries", "judged_on"),
    [
        ([run(7), after_run(7, 6)], 7),
        ([*easy_run(7, run_pain=1), morning(8, 5)], 8),  # a morning of 5 after a run
        ([morning(8, 5)], 8),  # any morning of 5 or more
    ],
    ids=["run_pain_6", "morning_5_after_a_run", "morning_5"],
)
def test_d3_is_red_for_72_hours_then_r2_after_a_short_break(entries: list[object], judged_on: int) -> None:
    days = over(7, judged_on + 3, QUIET, entries)
    assert [days[judged_on + i].state for i in range(3)] == ["red", "red", "red"]
    assert not days[judged_on + 2].guidance.running_allowed
    assert days[judged_on + 2].guidance.cross_training_pain_max == 2
    assert days[judged_on + 3].state == "green"
    expected = "R2" if any(getattr(e, "distance_m", 0) for e in entries) else "R1"
    assert days[judged_on + 3].return_stage == expected


@pytest.mark.parametrize(
    "entries",
    [[run(7), after_run(7, 5)], [*easy_run(7, run_pain=1), morning(8, 3)], [morning(8, 4)]],
    ids=["run_pain_5", "morning_plus_2", "morning_4_without_a_run"],
)
def test_nearly_d3_is_not_red(entries: list[object]) -> None:
    assert all(a.state != "red" for a in over(7, 9, QUIET, entries).values())


def test_a_red_that_lasts_more_than_7_days_without_running_restarts_at_r1() -> None:
    days = over(7, 20, QUIET, easy_run(6), mornings(7, [5, 5, 5, 5, 5, 5, 2, 1, 1, 1, 1, 1, 1, 1]))
    assert days[14].state == "red" and days[15].state == "green"
    assert days[15].return_stage == "R1"


def test_the_baseline_is_the_median_morning_of_the_last_7_green_days() -> None:
    days = over(0, 8, mornings(0, [1, 1, 2, 2, 3, 3, 2]), morning(8, 1))
    assert days[7].metrics.baseline_morning_pain == 2.0
    amber = over(0, 9, mornings(0, [1, 1, 1, 1, 1, 1, 1]), run(7), after_run(7, 4), mornings(7, [4, 4, 1]))
    assert amber[9].metrics.baseline_morning_pain == 1.0  # the amber days 7 and 8 are left out


def test_two_runs_on_one_day_are_judged_together_and_the_reason_says_so() -> None:
    a = assess_on(7, QUIET, run(7, 8.5), run(7, 5.0), after_run(7, 3))  # Mon 9 Nov: 13.5 km over two runs
    reason = next(d.reason for d in a.decisions if d.rule == "D2")
    assert "Your pain with the 2 runs on Mon 9 Nov (13.5 km in all) was 3/10" in reason
    one = assess_on(7, QUIET, run(7, 8.5), after_run(7, 3))
    single = next(d.reason for d in one.decisions if d.rule == "D2")
    assert "Your pain with the 8.5 km run on Mon 9 Nov" in single
