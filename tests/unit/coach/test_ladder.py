"""W1-W3, the rungs C1-C5 and their observation window, W2 restoration, and the P1/P2 alerts."""

from __future__ import annotations

import pytest

from tests.unit.coach.builders import (
    after_run,
    alert_rules,
    clearance,
    easy_run,
    fired,
    over,
    run,
    rung_ids,
)

SUNDAY_1, SUNDAY_2 = 13, 20  # week 0 is days 0-6; week 1 ends on day 13
MONDAY_2, MONDAY_3 = 14, 21  # weekly rules take effect from the Monday after the week they judge


def hip_mornings(first: int, scores: list[int]) -> list[object]:
    """Morning check-ins at the hip (so the knee cadence cue stays out of the way)."""
    from tests.unit.coach.builders import morning

    return [morning(first + i, s, location="hip") for i, s in enumerate(scores)]


def test_w1_a_weekly_mean_morning_pain_up_by_1_adds_c1_from_the_monday() -> None:
    days = over(7, 27, hip_mornings(0, [1] * 7 + [2] * 7))
    assert rung_ids(days[SUNDAY_1]) == []  # Sunday's own Today is decided by the week as of Saturday night
    assert rung_ids(days[MONDAY_2]) == ["C1"]
    rung = days[MONDAY_2].rungs[0]
    assert (rung.variable, rung.rule, rung.since) == ("intensity", "W1", days[MONDAY_2].date)
    assert rung.reason.startswith(
        "Your average morning hip pain rose from 1.0 to 2.0 in the week of Mon 9 Nov, so from Mon 16 Nov"
    )
    assert rung.review_on == days[27].date  # the end of the first week that begins after its window


def test_w1_a_weekly_mean_up_by_less_than_1_adds_nothing() -> None:
    days = over(SUNDAY_1, SUNDAY_1, hip_mornings(0, [1] * 7 + [2, 2, 2, 2, 2, 2, 1]))
    assert rung_ids(days[SUNDAY_1]) == [] and "W1" not in fired(days[SUNDAY_1])


def test_w1_a_worst_run_pain_up_by_2_adds_c1() -> None:
    history = [hip_mornings(0, [0] * 14), easy_run(2, run_pain=0), easy_run(9, run_pain=2)]
    assert rung_ids(over(MONDAY_2, MONDAY_2, *history)[MONDAY_2]) == ["C1"]


def test_w1_a_worst_run_pain_up_by_1_adds_nothing() -> None:
    history = [hip_mornings(0, [0] * 14), easy_run(2, run_pain=1), easy_run(9, run_pain=2)]
    assert rung_ids(over(SUNDAY_1, SUNDAY_1, *history)[SUNDAY_1]) == []


def test_w3_with_3_morning_check_ins_the_week_holds() -> None:
    history = hip_mornings(0, [1] * 7) + hip_mornings(7, [4, 4, 4])
    a = over(MONDAY_2, MONDAY_2, history)[MONDAY_2]
    assert rung_ids(a) == [] and "W3" in fired(a)
    assert any("Only 3 morning check-ins" in d.reason for d in a.decisions)


def test_w3_with_4_morning_check_ins_the_week_counts() -> None:
    history = hip_mornings(0, [1] * 7) + hip_mornings(7, [3, 3, 3, 3])
    assert rung_ids(over(MONDAY_2, MONDAY_2, history)[MONDAY_2]) == ["C1"]


def rising(weeks: int) -> list[object]:
    """Mornings rising by 1 each week from 0, at the hip."""
    return hip_mornings(0, [score for w in range(weeks) for score in [min(w, 4)] * 7])


@pytest.mark.parametrize(
    ("rungs", "check"),
    [
        (1, lambda g: g.easy_only and g.easy_pace_slower_pct == (10, 20)),
        (2, lambda g: g.low_impact_swaps_per_week == 1),
        (3, lambda g: g.long_run_factor == 0.75),
        (4, lambda g: g.flat_only),
        (5, lambda g: g.cadence_cue_pct == 5.0),
    ],
    ids=["C1_intensity", "C2_frequency", "C3_long_run", "C4_terrain", "C5_cadence"],
)
def test_each_rung_bends_one_variable(rungs: int, check: object) -> None:
    # weekly means 0, 1, 2, 3, 4, 4... and the run pain clause for the fifth rung
    history = rising(rungs + 1)
    monday = 7 * (rungs + 1)
    extra = []
    if rungs == 5:
        history = rising(5) + hip_mornings(35, [4] * 7)
        extra = [run(30), after_run(30, 1, location="hip"), run(37), after_run(37, 3, location="hip")]
        monday = 42
    a = over(monday, monday, history, *extra)[monday]
    assert rung_ids(a) == ["C1", "C2", "C3", "C4", "C5"][:rungs]
    assert check(a.guidance)  # type: ignore[operator]
    before = over(monday - 1, monday - 1, history, *extra)[monday - 1]
    assert not check(before.guidance)  # type: ignore[operator]


def test_no_new_rung_within_7_days_of_the_last_one() -> None:
    # D2 from a run on Wednesday (day 9) starts C1; the W1 rise judged on Monday 14 comes 5 days later
    history = [hip_mornings(0, [1] * 7 + [1, 1, 3, 3, 3, 3, 3] + [4] * 7), run(9), after_run(9, 4)]
    days = over(9, MONDAY_3, *history)
    assert rung_ids(days[9]) == ["C1"] and days[9].rungs[0].rule == "D2"
    assert rung_ids(days[MONDAY_2]) == ["C1"] and "W1" in fired(days[MONDAY_2])
    assert any("7 days to show its effect" in d.reason for d in days[MONDAY_2].decisions)
    assert rung_ids(days[MONDAY_3]) == ["C1", "C2"]


def test_d2_inside_the_window_adds_no_rung() -> None:
    history = [hip_mornings(0, [1] * 14), run(8), after_run(8, 4), run(10), after_run(10, 4)]
    assert rung_ids(over(10, 10, *history)[10]) == ["C1"]


def test_w2_the_first_settled_week_after_the_rungs_window_gives_it_back_from_the_monday() -> None:
    history = hip_mornings(0, [0] * 7 + [1] * 7 + [1] * 7 + [1] * 7 + [1] * 7)
    days = over(14, 35, history)
    assert rung_ids(days[14]) == ["C1"]  # weekly mean 0 -> 1
    assert rung_ids(days[27]) == ["C1"]  # its own window (days 14-20) is not a week that begins after it
    assert rung_ids(days[28]) == []  # the week of day 21 was settled: C1 comes off from Monday 28
    assert any("are back as planned" in d.reason for d in days[28].decisions)


def test_w2_a_week_with_a_run_pain_of_3_is_not_settled_and_the_next_settled_week_restores() -> None:
    history = [hip_mornings(0, [0] * 7 + [1] * 28), easy_run(21, run_pain=3, location="hip")]
    days = over(14, 35, *history)
    assert rung_ids(days[28]) == ["C1"] and "W2" in fired(days[28]) and "W1" not in fired(days[28])
    assert rung_ids(days[35]) == []


def test_w2_a_settled_runner_has_every_rung_back_within_rungs_plus_one_weeks() -> None:
    rise = hip_mornings(0, [0] * 7 + [1] * 7 + [2] * 7)  # C1 on day 14, C2 on day 21 (P2 freezes)
    settled = hip_mornings(21, [1] * 28)
    days = over(21, 49, rise, settled, clearance(22))
    assert rung_ids(days[21]) == ["C1", "C2"]
    assert rung_ids(days[35]) == ["C1"] and rung_ids(days[42]) == []  # 2 rungs, 3 weeks


def test_w2_a_run_pain_of_3_in_the_hold_week_keeps_the_rung() -> None:
    history = [hip_mornings(0, [0] * 7 + [1] * 21), easy_run(23, run_pain=3)]
    assert rung_ids(over(27, 27, *history)[27]) == ["C1"]


def test_p1_pain_still_3_a_week_after_the_first_rung_advises_a_physio() -> None:
    history = hip_mornings(0, [0] * 7 + [3] * 15)
    days = over(14, 21, history)
    assert ("see_clinician", "P1") not in alert_rules(days[20])
    assert ("see_clinician", "P1") in alert_rules(days[21])


def test_p1_not_raised_when_pain_settles_below_3() -> None:
    history = hip_mornings(0, [0] * 7 + [2] * 7 + [1] * 7)
    assert all(("see_clinician", "P1") not in alert_rules(a) for a in over(13, 20, history).values())


def test_p2_pain_still_3_two_weeks_after_the_first_rung_freezes_progression() -> None:
    history = hip_mornings(0, [0] * 7 + [3] * 22)
    days = over(14, 28, history)
    assert not days[27].progression_frozen
    assert days[28].progression_frozen and ("see_clinician_firm", "P2") in alert_rules(days[28])


def test_p2_two_rungs_added_without_improvement_freezes_progression_at_once() -> None:
    days = over(14, 21, rising(3))
    assert rung_ids(days[21]) == ["C1", "C2"] and days[21].progression_frozen


def test_p2_freeze_ends_when_a_clinician_visit_is_recorded() -> None:
    days = over(21, 23, rising(3), hip_mornings(21, [2, 2, 2]), clearance(22))
    assert days[21].progression_frozen and not days[22].progression_frozen and not days[23].progression_frozen
    assert ("see_clinician_firm", "P2") not in alert_rules(days[23])


def test_p2_freeze_holds_back_a_restore() -> None:
    # C1 then C2 (P2), then improving and stable weeks: nothing comes off without a clinician visit
    history = hip_mornings(0, [0] * 7 + [1] * 7 + [2] * 7 + [1] * 21)
    days = over(21, 42, history)
    assert rung_ids(days[42]) == ["C1", "C2"]
    assert "P2" in fired(days[35])


def test_the_w3_hold_counts_check_ins_as_a_runner_says_them() -> None:
    from runner_app.coach.ladder import _checkins

    assert [_checkins(n) for n in (0, 1, 3)] == [
        "No morning check-ins",
        "Only 1 morning check-in",
        "Only 3 morning check-ins",
    ]


def test_a_steps_reason_quotes_the_numbers_in_the_settings_object() -> None:
    from dataclasses import replace

    from runner_app.coach.ladder import adds
    from runner_app.coach.settings import DEFAULT_SETTINGS

    assert adds("C3", DEFAULT_SETTINGS) == "shortens the long run by 25 %"
    tuned = replace(
        DEFAULT_SETTINGS, c3_long_run_factor=0.8, c1_easy_pace_slower_pct=(5, 15), c5_cadence_pct=7.5
    )
    assert adds("C3", tuned) == "shortens the long run by 20 %"
    assert adds("C1", tuned).endswith("easy runs 5–15 % slower")
    assert adds("C5", tuned) == "adds a +7.5 % cadence cue on easy runs"
