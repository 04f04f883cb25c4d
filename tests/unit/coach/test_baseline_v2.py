"""Baseline and D1-D3 as coach-rules v2 calibrates them: +1 is noise, +2 amber, a morning of 5 red."""

from __future__ import annotations

from datetime import date

from runner_app.coach.model import RunnerProfile
from runner_app.coach.settings import DEFAULT_SETTINGS
from runner_app.coach.verdicts import baseline_morning, morning_verdict
from tests.unit.coach.builders import day, easy_run, fired, logs, morning, mornings, over, rung_ids

CALM = mornings(0, [0] * 7)  # a settled week: baseline 0


def with_profile(n: int, usual: int | None) -> RunnerProfile:
    return RunnerProfile(as_of=day(n), runs_per_week=3, weekly_distance_m=20000.0, usual_morning_pain=usual)


def test_a_morning_one_point_over_the_baseline_after_a_run_stays_green_with_no_rung() -> None:
    days = over(7, 9, CALM, easy_run(7, run_pain=1), morning(8, 1), morning(9, 1))
    assert [days[n].state for n in (7, 8, 9)] == ["green", "green", "green"]
    assert "D2" not in fired(days[8]) and rung_ids(days[9]) == []
    assert "D1" in fired(days[8])


def test_a_morning_two_points_over_the_baseline_after_a_run_is_amber_and_starts_the_ladder() -> None:
    days = over(7, 8, CALM, easy_run(7, run_pain=1), morning(8, 2))
    assert days[8].state == "amber" and "D2" in fired(days[8]) and rung_ids(days[8]) == ["C1"]


def test_a_new_runners_first_morning_of_3_after_a_run_is_amber_not_red() -> None:
    days = over(0, 2, easy_run(0, run_pain=1), morning(1, 3))
    assert days[1].state == "amber" and days[2].state == "amber"
    assert not days[1].metrics.has_baseline


def test_a_new_runners_first_morning_of_5_is_red() -> None:
    days = over(0, 1, easy_run(0, run_pain=1), morning(1, 5))
    assert days[1].state == "red" and not days[1].guidance.running_allowed


def test_a_new_runners_first_morning_of_2_is_green() -> None:
    days = over(0, 1, easy_run(0, run_pain=1), morning(1, 2))
    assert days[1].state == "green" and rung_ids(days[1]) == []


def test_the_baseline_needs_3_settled_mornings() -> None:
    two = over(2, 2, mornings(0, [1, 1]))[2]
    three = over(3, 3, mornings(0, [1, 1, 1]))[3]
    assert not two.metrics.has_baseline
    assert three.metrics.has_baseline and three.metrics.baseline_morning_pain == 1.0


def test_with_fewer_than_3_mornings_the_profiles_usual_pain_is_the_baseline() -> None:
    profile = with_profile(0, usual=2)
    assert baseline_morning((), day(1), DEFAULT_SETTINGS, profile.usual_morning_pain) == 2.0
    from runner_app.coach.engine import timeline

    result = timeline(logs(easy_run(0, run_pain=1), morning(1, 3)), day(0), day(1), profile=profile)
    assert result[1].state == "green"  # 3 against a usual 2 is within a point
    sore = timeline(logs(easy_run(0, run_pain=1), morning(1, 4)), day(0), day(1), profile=profile)
    assert sore[1].state == "amber"


def test_the_profiles_usual_pain_does_not_count_before_the_profile_was_given() -> None:
    from runner_app.coach.engine import timeline

    profile = with_profile(5, usual=3)
    result = timeline(logs(easy_run(0, run_pain=1), morning(1, 3)), day(0), day(1), profile=profile)
    assert result[1].state == "amber" and not result[1].metrics.has_baseline


def test_a_morning_only_amber_steers_that_day_and_the_next_and_starts_no_rung() -> None:
    days = over(7, 10, CALM, morning(8, 2))
    assert [days[n].state for n in (8, 9, 10)] == ["amber", "amber", "green"]
    assert rung_ids(days[10]) == []
    assert days[8].guidance.easy_only and days[9].guidance.flat_only
    assert not days[10].guidance.easy_only and days[10].guidance.distance_factor == 1.0


def test_a_morning_of_5_without_a_run_is_red_but_starts_no_rung() -> None:
    days = over(7, 8, CALM, morning(8, 5))
    assert days[8].state == "red" and rung_ids(days[8]) == []


def test_morning_verdicts_follow_the_v2_table() -> None:
    s = DEFAULT_SETTINGS
    assert [morning_verdict(m, 0.0, s) for m in (0, 1, 2, 4, 5)] == ["D1", "D1", "D2", "D2", "D3"]
    assert [morning_verdict(m, None, s) for m in (2, 3, 4, 5)] == ["D1", "D2", "D2", "D3"]
    assert [morning_verdict(m, 1.5, s) for m in (2, 3, 4)] == ["D1", "D1", "D2"]


def test_the_reason_for_an_amber_morning_names_its_date_not_this_morning() -> None:
    days = over(7, 9, CALM, easy_run(7, run_pain=1), morning(8, 3))
    reasons = [d.reason for a in days.values() for d in a.decisions] + [r.reason for r in days[9].rungs]
    assert any("on Tue 10 Nov" in r for r in reasons)
    assert not any("this morning" in r.lower() for r in reasons)


def test_the_calendar_used_by_these_tests_starts_on_a_monday() -> None:
    assert day(0) == date(2026, 11, 2) and day(0).weekday() == 0
