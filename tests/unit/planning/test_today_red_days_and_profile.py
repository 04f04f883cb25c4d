"""Today's tasks as coach-rules v2 words them: the warm-up only with a run (T1), cross-training on every red
day and every swap (T5), the profile task for a runner the coach cannot place (T7), the cadence cue only while
the coach gives one, and reasons in plain words with no rule ids in them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from runner_app.coach.model import Assessment, ReturnStage, RunGuidance, State
from runner_app.planning.daily.progression import strength_block
from runner_app.planning.daily.today import Task, build_tasks
from runner_app.planning.model import PlannedSession

from .builders import assessment, day, decision, rung, session

BLOCK_A = strength_block("A", {})
# A rule id or a chain of them: T2, ST4, C1, R0, W1, "T2+C1+CADENCE", "S2 · literature".
RULE_ID = re.compile(r"\b(?:[TSDFWCRPG]|ST)\d\b|\+[A-Z]{2,}|· (?:literature|product)")
RED = RunGuidance(running_allowed=False, swap_to_low_impact=True, cross_training_pain_max=2)


def tasks_for(
    on: date, state: Assessment, planned: PlannedSession | None, *, strength: bool = False, runs: int = 0
) -> list[Task]:
    from .builders import run

    logged = [run(on, 8.0) for _ in range(runs)]
    return build_tasks(on, state, planned, logged, False, False, strength, BLOCK_A, (), 0).tasks


def kinds(tasks: list[Task]) -> list[str]:
    return [task.kind for task in tasks]


def test_a_red_day_with_no_run_planned_lists_30_min_of_cross_training_and_no_warm_up() -> None:
    red = assessment(day(0), "red", guidance=replace(RED, rules=(decision("D3", "A morning of 6/10."),)))
    tasks = tasks_for(day(0), red, None, strength=True)
    assert kinds(tasks) == ["checkin", "cross_training", "strength"]
    swap = next(task for task in tasks if task.kind == "cross_training")
    assert swap.prescribed["duration_s"] == 1800 and swap.prescribed["pain_max"] == 2
    assert swap.rule == "T5"
    assert str(swap.reason).startswith("No running today while the pain settles: 30 min of cycling")


def test_a_red_day_with_a_run_planned_swaps_it_and_lists_no_warm_up() -> None:
    tasks = tasks_for(day(6), assessment(day(6), "red", guidance=RED), session(day(6), "long", 20.0))
    assert kinds(tasks) == ["checkin", "cross_training"]
    assert tasks[1].prescribed["duration_s"] == 7800  # the long run's own duration, not 30 min as well


def test_a_return_at_r0_lists_cross_training_even_on_a_green_day() -> None:
    tasks = tasks_for(day(2), assessment(day(2), "green", guidance=RED, return_stage="R0"), None)
    assert kinds(tasks) == ["checkin", "cross_training"]
    assert "(R0" not in str(tasks[1].reason) and "R0" not in str(tasks[1].reason)


def test_a_red_flag_day_offers_no_cross_training_at_all() -> None:
    urgent = RunGuidance(running_allowed=False, cross_training_allowed=False)
    tasks = tasks_for(day(0), assessment(day(0), "refer_urgent", guidance=urgent), None, strength=True)
    assert kinds(tasks) == ["checkin"]


def test_a_rest_day_lists_no_warm_up_with_or_without_a_plan() -> None:
    for planned in (None, session(day(0), "rest", 0.0)):
        tasks = tasks_for(day(0), assessment(day(0)), planned, strength=True)
        assert "warmup" not in kinds(tasks)
        assert kinds(tasks) == ["checkin", "strength"]


def test_a_run_day_and_a_day_with_a_logged_run_list_the_warm_up() -> None:
    assert "warmup" in kinds(tasks_for(day(2), assessment(day(2)), session(day(2), "easy", 8.0)))
    assert "warmup" in kinds(tasks_for(day(0), assessment(day(0)), None, runs=1))


def test_a_new_runner_without_a_profile_is_asked_where_they_are_and_not_once_it_is_given() -> None:
    new = replace(assessment(day(0)), needs_profile=True)
    tasks = tasks_for(day(0), new, None)
    assert kinds(tasks) == ["profile", "checkin"]
    profile = tasks[0]
    assert (profile.rule, profile.prescribed["url"]) == ("T7", "/profile")
    assert str(profile.title) == "Tell the coach where you are"
    assert "T7" not in str(profile.reason)
    given_profile = replace(new, needs_profile=False)
    assert "profile" not in kinds(tasks_for(day(0), given_profile, None))


def test_the_cadence_cue_rides_on_an_easy_run_only_while_the_coach_gives_one() -> None:
    easy = session(day(2), "easy", 8.0)
    cued = tasks_for(day(2), assessment(day(2), guidance=RunGuidance(cadence_cue_pct=5.0)), easy)
    run = next(task for task in cued if task.kind == "run")
    assert "Cadence +5 %" in str(run.detail)
    ended = tasks_for(day(2), assessment(day(2), guidance=RunGuidance(cadence_cue_pct=0.0)), easy)
    assert "Cadence" not in str(next(task for task in ended if task.kind == "run").detail)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    st.sampled_from(["green", "amber", "red"]),
    st.sampled_from([None, "R0", "R1", "R3", "R5"]),
    st.lists(st.sampled_from(["C1", "C2", "C3", "C4", "C5"]), unique=True, max_size=3),
    st.sampled_from(["easy", "long", "tempo", "intervals", "rest", None]),
    st.booleans(),
    st.booleans(),
)
def test_no_reason_or_detail_names_a_rule_id(
    state: State,
    stage: ReturnStage | None,
    rungs: list[str],
    kind: str | None,
    strength: bool,
    needs_profile: bool,
) -> None:
    reasons = (decision("D2", "Yesterday's run hurt 4/10."),)
    guidance = RunGuidance(
        running_allowed=state != "red",
        swap_to_low_impact=state == "red",
        easy_only="C1" in rungs or state == "amber",
        long_run_factor=0.75 if "C3" in rungs else 1.0,
        cadence_cue_pct=5.0 if "C5" in rungs else 0.0,
        low_impact_swaps_per_week=1 if "C2" in rungs else 0,
        cross_training_pain_max=2 if state == "red" else None,
        rules=reasons,
    )
    ladder = tuple(rung(r, "Your morning pain rose from 1.8 to 3.1.") for r in rungs)  # type: ignore[arg-type]
    state_of_day = replace(
        assessment(day(6), state, guidance=guidance, rungs=ladder, return_stage=stage),
        needs_profile=needs_profile,
    )
    planned = session(day(6), kind, 12.0) if kind else None  # type: ignore[arg-type]
    for task in tasks_for(day(6), state_of_day, planned, strength=strength, runs=int(kind == "easy")):
        assert not RULE_ID.search(str(task.reason)), str(task.reason)
        assert not RULE_ID.search(str(task.detail)), str(task.detail)
        assert task.rule  # the codes stay in `rule`


def test_the_check_in_quotes_the_runners_mornings_only_when_there_are_some() -> None:
    fresh = tasks_for(day(0), assessment(day(0), baseline=0.0, week_mean=None), None)[0]
    assert str(fresh.reason).startswith("Morning pain steers today's plan. Log it before you train.")
    known = tasks_for(day(0), assessment(day(0), baseline=1.0, week_mean=1.5), None)[0]
    assert "your usual morning pain is 1.0/10 and this week's mornings average 1.5" in str(known.reason)
