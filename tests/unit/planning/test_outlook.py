"""The plan's days ahead carry the lasting bends (the steps, a red flag), not today's own verdicts."""

from __future__ import annotations

from datetime import date

from runner_app.coach.model import Assessment, Decision, Rung, RunGuidance
from runner_app.planning.bending.outlook import outlook_guidance

TODAY = date(2026, 11, 22)
C3 = Rung("C3", "long_run", TODAY, date(2026, 11, 29), "W1", "Your morning pain rose.")


def assessment(state: str, guidance: RunGuidance, rungs: tuple[Rung, ...] = ()) -> Assessment:
    return Assessment(TODAY, state, None, rungs=rungs, guidance=guidance)  # type: ignore[arg-type]


def test_an_amber_days_own_limits_do_not_reach_the_days_ahead_but_the_steps_do() -> None:
    today = RunGuidance(
        running_allowed=False,
        easy_only=True,
        distance_factor=0.75,
        flat_only=True,
        long_run_factor=0.75,
        active_rungs=("C3",),
        rules=(Decision("D2", "amber for 48 h", "literature"), Decision("W1", C3.reason, "literature")),
    )
    ahead = outlook_guidance(assessment("amber", today, (C3,)))
    assert ahead.running_allowed is True
    assert ahead.distance_factor == 1.0
    assert ahead.flat_only is False
    assert ahead.long_run_factor == 0.75
    assert [r.rule for r in ahead.rules] == ["W1"]


def test_an_open_red_flag_holds_for_the_days_ahead() -> None:
    today = RunGuidance(running_allowed=False, cross_training_allowed=False)
    assert outlook_guidance(assessment("refer_urgent", today)) is today
