"""adjust_session: the planned session beside what the coach now asks, for the day view and the week view."""

from __future__ import annotations

from runner_app.coach.model import RunGuidance
from runner_app.coach.text import TIMES
from runner_app.planning.bending.adjust import adjust_session, adjust_week, return_session_duration_s

from .builders import day, decision, rung, session

PAIN_ROSE = "Your average morning knee pain rose from 1.8 to 3.1."


def test_a_session_the_coach_does_not_bend_is_unchanged() -> None:
    planned = session(day(1), "tempo", 10.0)
    adjusted = adjust_session(planned, RunGuidance())
    assert (adjusted.kind, adjusted.distance_m, adjusted.terrain) == ("tempo", 10_000, "any")
    assert not adjusted.changed and adjusted.original is planned


def test_rest_days_and_planned_cross_training_pass_through() -> None:
    for kind in ("rest", "cross_training"):
        adjusted = adjust_session(session(day(0), kind, 0.0), RunGuidance(running_allowed=False))  # type: ignore[arg-type]
        assert adjusted.kind == kind and not adjusted.changed


def test_d2_and_c3_compound_on_a_long_run_and_each_change_names_its_rule() -> None:
    d2 = decision("D2", "Yesterday's run hurt 4/10.")
    guidance = RunGuidance(distance_factor=0.75, long_run_factor=0.75, easy_only=True, rules=(d2,))
    adjusted = adjust_session(session(day(6), "long", 20.0), guidance, (rung("C3", PAIN_ROSE),))
    assert adjusted.distance_m == 11_200  # 20.0 -> 15.0 (D2) -> 11.2 (C3), rounded down to 100 m
    assert [change.rule for change in adjusted.changes] == ["D2", "C3"]
    assert str(adjusted.changes[1].reason) == (
        "Your long run is 11.2 km instead of 15.0 km this week: your average morning knee pain rose from 1.8 "
        "to 3.1."
    )


def test_changes_with_one_cause_say_it_once_and_each_other_cause_gets_its_own_sentence() -> None:
    d2 = decision("D2", "Yesterday's run hurt 4/10.")
    guidance = RunGuidance(
        easy_only=True, distance_factor=0.75, flat_only=True, easy_pace_slower_pct=(10, 20), rules=(d2,)
    )
    adjusted = adjust_session(session(day(3), "tempo", 8.0), guidance, (rung("C1", PAIN_ROSE),))
    assert len(adjusted.changes) == 4
    assert str(adjusted.reason) == (
        "Your 8.0 km tempo session becomes an easy run; today's run is 6.0 km instead of 8.0 km (25 % "
        "shorter); flat routes only today, no hills or downhill: yesterday's run hurt 4/10. "
        "Run this one 10-20 % slower than your usual easy pace: your average morning knee pain rose from 1.8 "
        "to 3.1."
    )
    assert str(adjusted.reason).count("yesterday's run hurt") == 1


def test_c4_turns_a_hill_session_into_a_flat_easy_run() -> None:
    adjusted = adjust_session(
        session(day(1), "hills", 9.0), RunGuidance(flat_only=True), (rung("C4", PAIN_ROSE),)
    )
    assert (adjusted.kind, adjusted.terrain) == ("easy", "flat")
    assert adjusted.changes[0].rule == "C4"
    assert "Your 9.0 km hill session becomes an easy run on flat ground" in str(adjusted.changes[0].reason)


def test_a_race_keeps_its_distance_when_the_day_calls_for_easy_running() -> None:
    adjusted = adjust_session(
        session(day(6), "race", 42.195), RunGuidance(easy_only=True, distance_factor=0.75)
    )
    assert (adjusted.kind, adjusted.distance_m) == ("race", 42_195)
    assert "If you start the race, run it at an easy effort" in str(adjusted.changes[0].reason)


def test_a_swap_in_the_week_view_shows_the_original_beside_the_cross_training() -> None:
    adjusted = adjust_session(
        session(day(3), "easy", 6.0), RunGuidance(swap_to_low_impact=True), (rung("C2", PAIN_ROSE),)
    )
    assert adjusted.planned_dict()["kind"] == "easy"
    assert adjusted.prescribed_dict()["kind"] == "cross_training"
    assert adjusted.prescribed_dict()["duration_s"] == 2340  # 6 km at 6:30 /km


def test_return_session_lengths_are_read_from_their_text() -> None:
    assert return_session_duration_s(f"6 {TIMES} (run 3 min / walk 2 min), flat") == 1800
    assert return_session_duration_s("6 x (run 4 min / walk 1 min), flat") == 1800
    assert return_session_duration_s("20\N{EN DASH}30 min continuous easy, flat") == 1800
    assert return_session_duration_s("brisk walk building 10 → 30 min") == 1800
    assert return_session_duration_s("whatever") is None


def test_the_week_view_bends_one_session_per_week_level_rule_and_leaves_the_rest_as_planned() -> None:
    week = [
        session(day(1), "intervals", 10.0),
        session(day(2), "easy", 8.0),
        session(day(3), "tempo", 9.0),
        session(day(6), "long", 21.0),
    ]
    guidance = RunGuidance(easy_only=True, easy_pace_slower_pct=(10, 20), low_impact_swaps_per_week=1)
    rungs = (rung("C1", PAIN_ROSE), rung("C2", PAIN_ROSE))
    adjusted = adjust_week(week, guidance, rungs)
    assert [a.kind for a in adjusted] == ["easy", "cross_training", "tempo", "long"]
    assert [a.original.kind for a in adjusted] == ["intervals", "easy", "tempo", "long"]
    assert [[c.rule for c in a.changes] for a in adjusted] == [["C1"], ["C2"], [], ["C1"]]
    assert adjusted[3].content == "easy pace 10-20 % slower than usual"


def test_without_the_week_c1_eases_any_quality_session_and_c2_swaps_nothing() -> None:
    guidance = RunGuidance(easy_only=True, easy_pace_slower_pct=(10, 20), low_impact_swaps_per_week=1)
    rungs = (rung("C1", PAIN_ROSE), rung("C2", PAIN_ROSE))
    assert adjust_session(session(day(3), "tempo", 9.0), guidance, rungs).kind == "easy"
    assert adjust_session(session(day(2), "easy", 8.0), guidance, rungs).kind == "easy"
