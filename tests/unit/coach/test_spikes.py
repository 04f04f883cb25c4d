"""S1-S3 and the spike reference, as pure functions and as alerts on logged runs."""

from __future__ import annotations

from datetime import date

import pytest

from runner_app.coach.spikes import check_run_spike, check_week_spike, reference_distance_m
from tests.unit.coach.builders import alert_rules, assess_on, easy_run, over, pain

ON = date(2026, 11, 22)
X = "\u00d7"  # the multiplication sign of every ratio sentence


def test_the_reference_is_the_longest_run_dated_from_30_days_before_to_the_day_before() -> None:
    runs = [(date(2026, 10, 23), 30000.0), (date(2026, 11, 21), 9000.0), (ON, 50000.0)]
    assert reference_distance_m(runs, ON) == 30000.0
    assert reference_distance_m([(date(2026, 10, 22), 30000.0), (date(2026, 11, 1), 8000.0)], ON) == 8000.0


def test_with_no_run_in_30_days_the_reference_is_half_the_longest_of_60_days() -> None:
    assert reference_distance_m([(date(2026, 10, 1), 20000.0)], ON) == 10000.0


def test_with_no_run_in_60_days_there_is_no_reference() -> None:
    assert reference_distance_m([(date(2026, 9, 22), 20000.0)], ON) is None
    assert check_run_spike(30000.0, None, recent_pain=True).level == "none"


@pytest.mark.parametrize(
    ("distance_m", "level"),
    [
        (11000.0, "none"),  # exactly 1.10 x is not "> 1.10 x"
        (11100.0, "S1"),
        (13000.0, "S1"),  # exactly 1.30 x
        (13100.0, "S2"),
        (20000.0, "S2"),  # exactly 2.0 x
        (20100.0, "S2_refuse"),
    ],
)
def test_a_run_is_graded_against_its_reference(distance_m: float, level: str) -> None:
    assert check_run_spike(distance_m, 10000.0, recent_pain=False).level == level


def test_a_spike_without_recent_pain_warns_but_is_not_capped() -> None:
    check = check_run_spike(23000.0, 17000.0, recent_pain=False)
    assert (check.level, check.rule, check.capped_distance_m) == ("S2", "S2", None)
    assert check.reason == f"This 23.0 km run is 1.35 {X} your longest run of the last 30 days (17.0 km)."


def test_a_spike_after_recent_pain_is_capped_at_1_10_times_the_reference() -> None:
    check = check_run_spike(23000.0, 17000.0, recent_pain=True)
    assert check.capped_distance_m == pytest.approx(18700.0)
    assert check.reason is not None and "capped at 18.7 km" in check.reason and "rule" not in check.reason
    s1 = check_run_spike(12000.0, 10000.0, recent_pain=True)
    assert (s1.level, s1.capped_distance_m) == ("S1", pytest.approx(11000.0))


def test_a_run_over_twice_the_reference_is_refused_with_a_suggested_distance() -> None:
    check = check_run_spike(25000.0, 10000.0, recent_pain=False)
    assert (check.level, check.rule, check.capped_distance_m) == ("S2_refuse", "S2", pytest.approx(11000.0))
    assert check.reason is not None and "unless you override" in check.reason


@pytest.mark.parametrize(
    ("week_m", "recent_pain", "level"),
    [
        (39000.0, False, "none"),  # exactly 1.30 x
        (39100.0, False, "S3"),
        (36000.0, True, "none"),  # exactly 1.20 x
        (36100.0, True, "S3"),
        (36100.0, False, "none"),
    ],
)
def test_a_week_is_graded_against_last_week(week_m: float, recent_pain: bool, level: str) -> None:
    assert check_week_spike(week_m, 30000.0, recent_pain).level == level


def test_the_week_spike_reason_quotes_both_weeks_in_km() -> None:
    reason = check_week_spike(46000.0, 34000.0, recent_pain=False).reason
    assert reason == f"This week's 46.0 km is 1.35 {X} last week's 34.0 km."
    older = check_week_spike(46000.0, 34000.0, recent_pain=False, reference_is_last_week=False).reason
    assert older == f"This week's 46.0 km is 1.35 {X} the biggest of your last 4 weeks (34.0 km)."


def test_a_logged_run_of_1_35_times_the_30_day_longest_raises_a_spike_run_alert() -> None:
    a = assess_on(20, easy_run(0, 17.0), easy_run(20, 23.0))
    assert ("spike_run", "S2") in alert_rules(a)
    assert any(
        f"23.0 km run was 1.35 {X} your longest run of the last 30 days (17.0 km)" in x.message
        for x in a.alerts
    )


def test_a_logged_run_within_1_10_times_the_reference_raises_no_alert() -> None:
    a = assess_on(20, easy_run(0, 17.0), easy_run(20, 18.7))
    assert not [x for x in a.alerts if x.kind == "spike_run"]


def test_after_recent_pain_the_next_run_is_capped_at_1_10_times_the_reference() -> None:
    strength_pain = pain(21, 3, "after_strength", location="hip")
    days = over(20, 21, easy_run(0, 17.0), easy_run(20, 23.0), strength_pain)
    assert days[21].guidance.running_allowed
    assert days[21].guidance.max_distance_m == pytest.approx(1.1 * 23000.0)
    assert "S1" in {d.rule for d in days[21].guidance.rules}
    mild = pain(21, 2, "after_strength", location="hip")
    assert over(20, 21, easy_run(0, 17.0), easy_run(20, 23.0), mild)[21].guidance.max_distance_m is None


def test_a_week_more_than_1_30_times_the_last_raises_a_spike_week_alert_once() -> None:
    last_week = [easy_run(n, 10.0) for n in (0, 2, 4)]  # 30 km
    this_week = [easy_run(n, 10.0) for n in (7, 9, 11)] + [easy_run(12, 10.0)]
    days = over(7, 13, *last_week, *this_week)
    assert ("spike_week", "S3") in alert_rules(days[12])
    assert all(("spike_week", "S3") not in alert_rules(days[n]) for n in (7, 9, 11, 13))


def test_a_week_of_1_30_times_the_last_raises_no_spike_week_alert() -> None:
    last_week = [easy_run(n, 10.0) for n in (0, 2, 4)]
    this_week = [easy_run(n, 13.0) for n in (7, 9, 11)]
    assert all(x.kind != "spike_week" for a in over(7, 13, *last_week, *this_week).values() for x in a.alerts)


@pytest.mark.parametrize("first", [0, 1])  # 60 and 59 days before day 60
def test_the_engine_sees_the_60_day_fallback_window_to_its_first_day(first: int) -> None:
    """[d-60, d-1]: a 20 km run exactly 60 days back still sets the reference (half of it: 10 km)."""
    a = assess_on(60, easy_run(first, 20.0), easy_run(60, 15.0))
    assert ("spike_run", "S2") in alert_rules(a), "15.0 km is 1.50 x the 10.0 km fallback reference"
    assert a.guidance.spike_reference_m == pytest.approx(10_000.0) and a.guidance.spike_reference_is_fallback


def test_a_run_61_days_back_is_out_of_the_window() -> None:
    a = assess_on(61, easy_run(0, 20.0), easy_run(61, 15.0))
    assert not [x for x in a.alerts if x.kind == "spike_run"]
