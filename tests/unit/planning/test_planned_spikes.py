"""S1/S2 on the day's planned run, checked against coach-rules.md's spike table:

| S1 | a run (planned or logged) > 1.10 x the longest run of the last 30 days | warning; with pain >= 3 in the
  last 14 days the planned run is capped at 1.10 x |
| S2 | > 1.30 x (strong warning) or > 2.0 x (the plan refuses it unless the runner overrides) |
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from runner_app.coach.model import RunGuidance
from runner_app.planning.bending.adjust import adjust_session
from runner_app.planning.bending.planned_spikes import check_planned_spike
from runner_app.planning.daily.progression import strength_block
from runner_app.planning.daily.today import DayTasks, build_tasks
from runner_app.planning.model import PlannedSession

from .builders import TODAY, assessment, run, session

REFERENCE = RunGuidance(spike_reference_m=10_000)  # the longest run of the last 30 days: 10.0 km


def checked(planned: PlannedSession, guidance: RunGuidance = REFERENCE):
    return check_planned_spike(adjust_session(planned, guidance), guidance)


@pytest.mark.parametrize(
    ("km", "rule"),
    [(8.0, None), (11.0, None), (11.1, "S1"), (13.0, "S1"), (13.1, "S2"), (20.0, "S2")],
)
def test_up_to_twice_the_reference_a_planned_run_is_kept_with_a_warning(km: float, rule: str | None) -> None:
    adjusted, alert = checked(session(TODAY, "long", km))
    assert adjusted.distance_m == km * 1000, "a warning never changes the run"
    assert adjusted.refused_distance_m is None
    if rule is None:
        assert alert is None
    else:
        assert alert is not None and alert.kind == "spike_run" and alert.rule == rule
        head = f"Today's {km:.1f} km run is {km / 10:.2f} × your longest run of the last 30 days"
        assert head in alert.message


def test_more_than_twice_the_reference_is_refused_and_the_suggested_distance_offered() -> None:
    adjusted, alert = checked(session(TODAY, "long", 20.1, duration_s=7236))
    assert adjusted.distance_m == 11_000, "1.10 x the reference"
    assert adjusted.duration_s == 3960, "the duration shrinks with the distance"
    assert adjusted.refused_distance_m == 20_100
    assert adjusted.changes[-1].rule == "S2"
    assert "Today's run is 11.0 km (1.10 ×) instead of 20.1 km" in str(adjusted.reason)
    assert "unless you override the refusal" in str(adjusted.reason)
    assert alert is not None and alert.rule == "S2" and "today's run is 11.0 km instead" in alert.message


def test_an_override_lets_the_refused_run_stand_with_a_strong_warning() -> None:
    planned = replace(session(TODAY, "long", 24.0), spike_override=True)
    adjusted, alert = checked(planned)
    assert adjusted.distance_m == 24_000 and adjusted.refused_distance_m is None and not adjusted.changes
    assert alert is not None and alert.rule == "S2"
    assert "2.40 ×" in alert.message and "You chose to run the planned distance anyway" in alert.message


def test_a_race_is_never_capped_or_refused_only_warned_about() -> None:
    adjusted, alert = checked(session(TODAY, "race", 42.2))
    assert adjusted.distance_m == 42_200 and adjusted.refused_distance_m is None
    assert alert is not None and alert.rule == "S2" and "Races are never capped" in alert.message


def test_with_recent_pain_the_coach_has_capped_the_run_already_so_no_spike_remains() -> None:
    guidance = replace(REFERENCE, max_distance_m=11_000)  # S1's cap after pain >= 3 in the last 14 days
    adjusted, alert = checked(session(TODAY, "long", 25.0), guidance)
    assert adjusted.distance_m == 11_000 and alert is None and adjusted.refused_distance_m is None


def test_the_check_applies_to_the_run_as_the_coach_bent_it() -> None:
    guidance = replace(REFERENCE, long_run_factor=0.75)  # C3: the long run is 25 % shorter this week
    adjusted, alert = checked(session(TODAY, "long", 16.0), guidance)
    assert adjusted.distance_m == 12_000
    assert alert is not None and alert.rule == "S1" and "Today's 12.0 km run is 1.20 ×" in alert.message


def test_no_reference_no_run_or_a_swapped_run_means_no_verdict() -> None:
    assert checked(session(TODAY, "long", 30.0), RunGuidance())[1] is None  # no run in 60 days: R table
    assert checked(session(TODAY, "rest", 0.0))[1] is None
    swapped = replace(REFERENCE, swap_to_low_impact=True)
    assert checked(session(TODAY, "long", 30.0), swapped)[1] is None


def test_the_fallback_reference_is_named_as_such() -> None:
    guidance = replace(REFERENCE, spike_reference_m=6_000, spike_reference_is_fallback=True)
    _, alert = checked(session(TODAY, "easy", 8.0), guidance)
    assert alert is not None and "half your longest run of the last 60 days (6.0 km" in alert.message


def day_tasks(planned: PlannedSession, runs_today: int = 0) -> DayTasks:
    return build_tasks(
        TODAY,
        assessment(TODAY, guidance=REFERENCE),
        planned,
        [run(TODAY, 6.0) for _ in range(runs_today)],
        False,
        False,
        False,
        strength_block("A", {}),
        set(),
        0,
    )


def test_the_days_tasks_carry_the_refusal_and_its_alert_until_a_run_is_logged() -> None:
    planned = session(TODAY, "long", 22.0)
    morning = day_tasks(planned)
    run_task = next(t for t in morning.tasks if t.key == "run")
    assert run_task.prescribed["distance_m"] == 11_000
    assert run_task.prescribed["refused_distance_m"] == 22_000
    assert run_task.planned is not None and run_task.planned["distance_m"] == 22_000
    assert "S2" in run_task.rule.split("+")
    assert [a.rule for a in morning.alerts] == ["S2"]
    assert day_tasks(planned, runs_today=1).alerts == (), "once run, the logged run's own check speaks"
