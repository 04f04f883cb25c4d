"""R0-R6: entering, advancing after 2 D1 sessions, the non-running day in R1-R3, failing and dropping."""

from __future__ import annotations

import pytest

from tests.unit.coach.builders import (
    Entry,
    after_run,
    clearance,
    cross,
    day,
    easy_run,
    fired,
    mornings,
    over,
    pain,
    run,
)

X = "\u00d7"  # the multiplication sign the coach's sentences use
R0_FROM = 9  # F2 on day 7, cleared on day 8: R0 from day 9


def base() -> list[Entry]:
    """A quiet week (baseline 1), night pain on day 7 (F2), a clearance on day 8, then quiet mornings."""
    return [*mornings(0, [1] * 70), pain(7, 2, "rest", flags={"night_pain"}), clearance(8)]


def climb(stage: int) -> tuple[list[Entry], int]:
    """Entries that reach return stage `stage` (0-7, 7 = back to the plan) and the first day at it."""
    entries = base()
    if stage == 0:
        return entries, R0_FROM
    entries += [cross(9), cross(11)]  # R0 passes, judged on the mornings of days 10 and 12
    n = 13
    for _ in range(1, stage):
        entries += [*easy_run(n, 5.0), *easy_run(n + 2, 5.0)]
        n += 4  # the second run is judged on the next morning, when the stage goes up
    return entries, n - 1


@pytest.mark.parametrize("stage", range(0, 8))
def test_two_sessions_that_meet_d1_advance_one_stage(stage: int) -> None:
    entries, first = climb(stage)
    expected = None if stage == 7 else f"R{stage}"
    days = over(first - 1, first, entries)
    assert days[first].return_stage == expected
    assert days[first - 1].return_stage != expected


def test_r0_is_cross_training_and_a_brisk_walk() -> None:
    entries, first = climb(0)
    g = over(first, first, entries)[first].guidance
    assert not g.running_allowed and g.swap_to_low_impact
    assert g.return_session is not None and "brisk walk building 10 → 30 min" in g.return_session


@pytest.mark.parametrize(
    ("stage", "session", "max_rpe"),
    [
        (1, f"walk-run: 6 {X} (run 3 min / walk 2 min), flat", 3),
        (2, f"6 {X} (run 4 min / walk 1 min), flat", 4),
        (3, "20\u201330 min continuous easy, flat", 5),
    ],
)
def test_r1_to_r3_prescribe_the_session_flat_and_easy(stage: int, session: str, max_rpe: int) -> None:
    entries, first = climb(stage)
    g = over(first, first, entries)[first].guidance
    assert (g.return_session, g.max_rpe, g.flat_only, g.easy_only) == (session, max_rpe, True, True)
    assert g.max_quality_sessions_per_week == 0 and not g.strides_allowed


def test_r4_to_r6_bring_volume_then_pace_then_hills_back() -> None:
    r4, r5, r6 = (over(f, f, e)[f].guidance for e, f in (climb(4), climb(5), climb(6)))
    assert (r4.easy_only, r4.flat_only, r4.max_quality_sessions_per_week, r4.return_session) == (
        True,
        True,
        0,
        None,
    )
    assert (r5.easy_only, r5.flat_only, r5.max_quality_sessions_per_week) == (False, True, 0), "strides first"
    assert (r6.easy_only, r6.flat_only, r6.max_quality_sessions_per_week) == (False, False, None)
    assert r6.return_stage_note is not None and "uphill first, downhill last" in r6.return_stage_note


def test_in_r1_to_r3_the_day_after_a_run_is_a_non_running_day() -> None:
    entries, first = climb(1)
    days = over(first, first + 1, entries, easy_run(first, 4.0))
    assert not days[first + 1].guidance.running_allowed


def test_a_run_the_day_after_a_run_does_not_count_toward_r1_to_r3() -> None:
    entries, first = climb(1)
    back_to_back = [*easy_run(first, 4.0), *easy_run(first + 1, 4.0)]
    days = over(first, first + 2, entries, back_to_back)
    assert days[first + 2].return_stage == "R1"
    assert any("does not count toward moving on" in d.reason for d in days[first + 2].decisions)


def test_in_r4_runs_on_consecutive_days_count() -> None:
    entries, first = climb(4)
    days = over(first, first + 2, entries, easy_run(first, 6.0), easy_run(first + 1, 6.0))
    assert days[first + 2].return_stage == "R5"


def test_one_failed_session_repeats_the_stage_after_a_rest_day() -> None:
    entries, first = climb(4)
    days = over(first, first + 2, entries, run(first), after_run(first, 3))
    assert days[first].return_stage == "R4" and "R4" in fired(days[first])
    assert not days[first + 1].guidance.running_allowed  # the rest day
    assert days[first + 2].guidance.running_allowed and days[first + 2].return_stage == "R4"


def test_two_failed_sessions_in_a_row_drop_one_stage() -> None:
    entries, first = climb(4)
    fails = [run(first), after_run(first, 3), run(first + 2), after_run(first + 2, 4)]
    days = over(first, first + 3, entries, fails)
    assert days[first + 2].return_stage == "R3"


def test_a_pass_between_two_failures_means_they_are_not_in_a_row() -> None:
    entries, first = climb(4)
    mixed = [run(first), after_run(first, 3), *easy_run(first + 2), run(first + 4), after_run(first + 4, 3)]
    assert over(first + 4, first + 4, entries, mixed)[first + 4].return_stage == "R4"


def test_two_failures_in_r0_keep_r0() -> None:
    entries, first = climb(0)
    days = over(first, first + 3, entries, cross(first, pain_max=3), cross(first + 2, pain_max=4))
    assert days[first + 3].return_stage == "R0"


def test_a_session_without_the_next_morning_check_in_does_not_count() -> None:
    entries, first = climb(4)
    skipped = day(first + 1)
    kept = [e for e in entries if not (e.date == skipped and getattr(e, "context", None) == "morning")]
    days = over(first, first + 3, kept, easy_run(first), easy_run(first + 2))
    assert days[first + 3].return_stage == "R4"
    assert any("no morning check-in" in d.reason.lower() for d in days[first + 1].decisions)


def test_p2_freeze_holds_a_stage_that_has_earned_its_advance() -> None:
    from runner_app.coach.events import DayEvents
    from runner_app.coach.returns import record_pass
    from runner_app.coach.settings import DEFAULT_SETTINGS
    from runner_app.coach.state import PendingSession, ReturnState

    ret = ReturnState(stage=4, stage_since=day(0), passed=1)
    session = PendingSession(day(1), "run", 0, True, None, 4, True, 5000.0)
    out = DayEvents()
    assert record_pass(ret, session, day(2), True, DEFAULT_SETTINGS, out).stage == 4
    assert "until you record a clinician visit" in out.decisions[-1].reason
    assert record_pass(ret, session, day(2), False, DEFAULT_SETTINGS, DayEvents()).stage == 5


def test_runs_at_r0_do_not_count_toward_it_since_r0_is_cross_training_only() -> None:
    days = over(R0_FROM, 12, base(), easy_run(9, 3.0), easy_run(11, 3.0))  # told not to run, ran anyway
    assert days[9].return_stage == "R0" and not days[9].guidance.running_allowed
    assert days[12].return_stage == "R0"
    reason = next(d.reason for d in days[10].decisions if d.rule == "R0")
    assert "does not count toward moving on: it was a run, and for now it is cross-training" in reason
    assert over(R0_FROM, 12, base(), cross(9), cross(11))[12].return_stage == "R1", "cross-training does"


def test_r5_brings_strides_first_and_one_quality_session_a_week_after_an_r5_session_met_d1() -> None:
    entries, first = climb(5)
    days = over(first, first + 2, entries, easy_run(first, 6.0))  # judged on the morning of first + 1
    assert [days[n].return_stage for n in (first, first + 1)] == ["R5", "R5"]
    assert [days[n].guidance.max_quality_sessions_per_week for n in (first, first + 1)] == [0, 1]
