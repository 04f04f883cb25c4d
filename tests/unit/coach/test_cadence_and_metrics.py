"""The cadence cue, and the display-only load metrics."""

from __future__ import annotations

from dataclasses import replace

import pytest

from runner_app.coach.engine import advance, initial_state
from runner_app.coach.guidance import build_guidance, spike_context
from runner_app.coach.model import DayLog
from runner_app.coach.settings import DEFAULT_SETTINGS
from runner_app.coach.state import ActiveRung, CadenceState, LadderState
from tests.unit.coach.builders import (
    after_run,
    cross,
    easy_run,
    fired,
    morning,
    mornings,
    over,
    run,
)


def hip(first: int, scores: list[int]) -> list[object]:
    return [morning(first + i, s, location="hip") for i, s in enumerate(scores)]


# ---------------------------------------------------------------- cadence cue


def test_front_of_knee_pain_starts_a_5_percent_cadence_cue_on_easy_runs() -> None:
    a = over(0, 0, morning(0, 1, location="knee_front"))[0]
    assert a.guidance.cadence_cue_pct == 5.0 and a.guidance.cadence_cue_easy_runs_only
    assert "CADENCE" in fired(a)


def test_a_cadence_of_170_or_less_starts_the_cue() -> None:
    assert over(0, 0, run(0, cadence=170), hip(0, [0]))[0].guidance.cadence_cue_pct == 5.0


def test_hip_pain_and_a_cadence_of_171_start_no_cue() -> None:
    assert over(0, 0, run(0, cadence=171), hip(0, [2]))[0].guidance.cadence_cue_pct == 0.0


def test_the_cue_rises_to_7_5_then_10_every_2_weeks_while_pain_stays_at_most_2_and_never_above() -> None:
    history = mornings(0, [1] * 60)  # front of the knee, 1/10: trigger kept, pain <= 2
    days = over(0, 59, history)
    assert days[13].guidance.cadence_cue_pct == 5.0
    assert days[14].guidance.cadence_cue_pct == 7.5
    assert days[28].guidance.cadence_cue_pct == 10.0
    assert max(a.guidance.cadence_cue_pct for a in days.values()) == 10.0


def test_pain_above_2_sends_the_cue_back_to_5_percent() -> None:
    days = over(14, 20, mornings(0, [1] * 20 + [3]))
    assert days[19].guidance.cadence_cue_pct == 7.5 and days[20].guidance.cadence_cue_pct == 5.0


def test_the_cue_ends_2_weeks_after_the_front_of_knee_pain_that_triggered_it() -> None:
    days = over(13, 14, morning(0, 1), hip(1, [0] * 30))
    assert days[13].guidance.cadence_cue_pct > 0 and days[14].guidance.cadence_cue_pct == 0.0
    assert days[13].guidance.cadence_cue_until == days[14].date


def test_new_front_of_knee_pain_keeps_the_cue_for_2_weeks_from_then() -> None:
    days = over(13, 20, morning(0, 1), hip(1, [0] * 30), morning(6, 1))
    assert days[19].guidance.cadence_cue_pct > 0 and days[20].guidance.cadence_cue_pct == 0.0


def test_c5_and_the_cadence_rule_together_never_exceed_10_percent() -> None:
    state, a = advance(initial_state(), DayLog(date=over(0, 0)[0].date))
    rungs = tuple(ActiveRung(r, a.date, "W1", "test") for r in ("C1", "C2", "C3", "C4", "C5"))
    state = replace(state, ladder=LadderState(rungs=rungs), cadence=CadenceState(a.date, 10.0, a.date, "cue"))
    g = build_guidance(
        state, a.date, state.days, spike_context(state.days, a.date, DEFAULT_SETTINGS), DEFAULT_SETTINGS
    )
    assert g.cadence_cue_pct == 10.0


# ---------------------------------------------------------------- display-only metrics


def test_session_load_is_rpe_times_minutes_over_7_days() -> None:
    days = over(0, 7, run(0, 10.0, minutes=60, rpe=5), cross(3, minutes=30))  # 300 + 3 x 30
    assert days[6].metrics.session_load_7d == pytest.approx(390.0)
    assert days[7].metrics.session_load_7d == pytest.approx(90.0)


def test_acwr_fitness_and_fatigue_follow_their_exponential_averages() -> None:
    m = over(0, 0, run(0, 10.0, minutes=60, rpe=5))[0].metrics  # load 300 from a standing start
    assert m.acute_load == pytest.approx(300 * 2 / 8)
    assert m.chronic_load == pytest.approx(300 * 2 / 29)
    assert m.acwr == pytest.approx(29 / 8)
    assert (m.fitness, m.fatigue) == (pytest.approx(300 / 42), pytest.approx(300 / 7))
    assert m.form == pytest.approx(300 / 42 - 300 / 7)


def test_monotony_and_strain_need_a_varying_week() -> None:
    flat = over(6, 6, [run(n, 5.0, minutes=30, rpe=4) for n in range(7)])[6].metrics
    assert flat.monotony is None and flat.strain is None
    varied = over(6, 6, [run(n, 5.0, minutes=30, rpe=4) for n in range(0, 7, 2)])[6].metrics
    loads = [120.0, 0.0, 120.0, 0.0, 120.0, 0.0, 120.0]
    mean = sum(loads) / 7
    sd = (sum((x - mean) ** 2 for x in loads) / 7) ** 0.5
    assert varied.monotony == pytest.approx(mean / sd)
    assert varied.strain == pytest.approx(sum(loads) * mean / sd)


def test_weekly_distances_and_the_30_day_longest_run_are_shown() -> None:
    m = over(8, 8, easy_run(0, 10.0), easy_run(2, 12.0), easy_run(7, 6.0), easy_run(8, 5.0))[8].metrics
    assert (m.week_distance_m, m.last_week_distance_m, m.longest_run_30d_m) == (11000.0, 22000.0, 12000.0)


def test_a_huge_load_spike_is_shown_but_never_gates_the_day() -> None:
    history = [hip(0, [0] * 30), [run(n, 3.0, minutes=20, rpe=2) for n in range(0, 28, 3)]]
    spike = [run(29, 40.0, minutes=300, rpe=9), after_run(29, 0, location="hip")]
    a = over(29, 29, history, spike)[29]
    assert a.metrics.acwr is not None and a.metrics.acwr > 2
    assert a.state == "green" and a.guidance.running_allowed
