"""Stories over weeks, told the way a runner would live them."""

from __future__ import annotations

import pytest

from tests.unit.coach.builders import (
    after_run,
    alert_rules,
    clearance,
    easy_run,
    fired,
    morning,
    over,
    pain,
    run,
    rung_ids,
)


def hip(first: int, scores: list[int]) -> list[object]:
    return [morning(first + i, s, location="hip") for i, s in enumerate(scores)]


def test_rising_morning_pain_for_three_weeks_adds_c1_then_c2_then_c3_a_week_apart() -> None:
    history = hip(0, [0] * 7 + [1] * 7 + [2] * 7 + [3] * 7)
    days = over(0, 28, history)
    added = {}
    for n, a in days.items():
        for r in a.rungs:
            added.setdefault(r.rung, n)
    assert added == {"C1": 14, "C2": 21, "C3": 28}  # each from the Monday after the week that rose
    assert all(len(days[n].rungs) == 1 for n in range(14, 21))  # nothing within the 7-day window


def test_settling_pain_restores_the_rungs_in_reverse_one_per_settled_week() -> None:
    rise = hip(0, [0] * 7 + [1] * 7 + [2] * 7 + [3] * 7)  # C1 day 14, C2 day 21 (P2 freezes), C3 day 28
    settle = hip(28, [2] * 7 + [2] * 7 + [2] * 7 + [1] * 7 + [1] * 7)
    days = over(28, 62, rise, settle, clearance(29))  # the runner saw a physio after the P2 alert
    assert rung_ids(days[41]) == ["C1", "C2", "C3"]  # C3's own window week does not count
    assert rung_ids(days[42]) == ["C1", "C2"]
    assert rung_ids(days[48]) == ["C1", "C2"]
    assert rung_ids(days[49]) == ["C1"]
    assert rung_ids(days[56]) == []
    assert days[42].rungs[-1].review_on == days[48].date


def test_sharp_pain_in_week_5_stops_running_48_hours_and_restarts_one_stage_lower() -> None:
    # weeks 1-4: steady easy running; a D3 in week 3 puts the runner back in the return table (R2)
    steady = [easy_run(n, 6.0) for n in range(0, 14, 2)] + hip(0, [1] * 40)
    d3 = [run(15), after_run(15, 6, location="hip")]  # red 15-17, R2 from 18
    back = [easy_run(n, 4.0, location="hip") for n in (18, 20, 22, 24)]  # R2 -> R3 on 21, R3 -> R4 on 25
    sharp = [run(29), after_run(29, 3, location="hip", flags={"sharp"})]
    days = over(25, 32, steady, d3, back, sharp)
    assert days[25].return_stage == "R4"
    assert days[29].state == "red" and days[30].state == "red"
    assert not days[30].guidance.running_allowed
    assert days[31].state == "green" and days[31].return_stage == "R3" and days[31].guidance.running_allowed


def test_swelling_twice_in_7_days_is_red_with_a_physio_alert() -> None:
    history = [*hip(0, [1] * 10), pain(3, 2, "after_run", flags={"swelling"}), pain(8, 2, flags={"swelling"})]
    days = over(3, 9, history)
    assert days[3].state == "amber" and ("see_clinician", "F3") not in alert_rules(days[3])
    assert days[8].state == "red" and ("see_clinician", "F3") in alert_rules(days[8])
    assert not days[9].guidance.running_allowed


def test_fewer_than_4_morning_check_ins_in_a_week_holds_the_ladder() -> None:
    rise = hip(0, [0] * 7 + [2] * 7)  # C1 on day 14
    sparse = hip(14, [3, 3, 3])  # week 2: only 3 check-ins although pain is up
    days = over(14, 28, rise, sparse, hip(21, [1] * 7))
    assert rung_ids(days[21]) == ["C1"] and "W3" in fired(days[21])
    assert "W2" not in fired(days[21])


def test_a_long_run_of_1_35_times_the_30_day_longest_warns_and_is_capped_after_recent_pain() -> None:
    base = [easy_run(0, 17.0, kind="long"), *hip(0, [1] * 10)]
    calm = over(7, 7, base, easy_run(7, 23.0, kind="long"))[7]
    assert ("spike_run", "S2") in alert_rules(calm)
    sore = over(6, 7, base, pain(5, 3, "after_strength", location="hip"))
    assert sore[7].guidance.max_distance_m == pytest.approx(17000.0 * 1.1)  # S1 cap for any run today
    assert "S1" in {d.rule for d in sore[7].guidance.rules}
