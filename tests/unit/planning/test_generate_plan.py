"""The plan generator: properties over many inputs (hypothesis), one worked example, and refusals."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runner_app.coach.model import HARD_RUN_KINDS
from runner_app.coach.spikes import check_run_spike, reference_distance_m
from runner_app.planning.model import RUN_KINDS, monday_of
from runner_app.planning.plans.generate import GeneratedPlan, generate_plan, stand_in_runs
from runner_app.planning.plans.inputs import PlanInputError

from .builders import TODAY

History = list[tuple[date, float]]


def steady_history(weeks: int = 6, long_km: float = 16.0, easy_km: float = 8.0) -> History:
    """A runner doing ~40 km a week: three easy runs and a Sunday long run, for the weeks before TODAY."""
    runs: History = []
    for week in range(1, weeks + 1):
        sunday = TODAY - timedelta(days=7 * week)
        runs.append((sunday, long_km * 1000))
        runs += [(sunday - timedelta(days=offset), easy_km * 1000) for offset in (5, 3, 2)]
    return runs


@st.composite
def plan_inputs(draw: st.DrawFn) -> dict[str, object]:
    days_per_week = draw(st.integers(2, 7))
    weekly_km = draw(st.floats(max(12.0, 3.0 * days_per_week), min(110.0, 30.0 * days_per_week)))
    start = TODAY + timedelta(days=draw(st.integers(0, 6)))
    history = draw(
        st.lists(
            st.tuples(st.integers(1, 60), st.floats(2.0, 36.0)).map(
                lambda pair: (start - timedelta(days=pair[0]), pair[1] * 1000)
            ),
            max_size=25,
        )
    )
    return {
        "current_weekly_m": weekly_km * 1000,
        "days_per_week": days_per_week,
        "long_run_day": draw(st.integers(0, 6)),
        "race_date": start + timedelta(days=draw(st.integers(21, 300))),
        "start_date": start,
        "recent_runs": history,
        "race_distance_m": draw(st.sampled_from([5000.0, 10000.0, 21097.5, 42195.0])),
        "wants_three_strength": draw(st.booleans()),
    }


def _generate_or_refused(inputs: dict[str, object]) -> GeneratedPlan | None:
    try:
        return generate_plan(**inputs)  # type: ignore[arg-type]
    except PlanInputError as error:
        raise AssertionError(f"valid inputs are never refused: {error}") from None


many_plans = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@many_plans
@given(plan_inputs())
def test_every_generated_plan_holds_its_race_on_the_race_date_and_only_easy_running_after(
    inputs: dict[str, object],
) -> None:
    plan = _generate_or_refused(inputs)
    if plan is None:
        return
    races = [s for s in plan.sessions if s.kind == "race"]
    assert [(s.date, s.distance_m) for s in races] == [(inputs["race_date"], inputs["race_distance_m"])]
    after = [s for s in plan.sessions if s.date > inputs["race_date"]]  # type: ignore[operator]
    assert all(s.kind == "recovery" for s in after)
    assert 1 <= sum(1 for w in plan.weeks if w.phase == "recovery") <= 2
    first_day = min(s.date for s in plan.sessions)
    assert plan.spec.start_date == first_day - timedelta(days=first_day.weekday())  # the plan's first Monday
    assert 0 <= (plan.spec.start_date - inputs["start_date"]).days <= 6  # type: ignore[operator]
    assert [w.phase for w in plan.weeks if w.phase != "recovery"][-1] == "race"
    assert len({s.date for s in plan.sessions}) == len(plan.sessions)


@many_plans
@given(plan_inputs())
def test_no_planned_run_breaches_s1_or_s2_against_history_and_the_runs_planned_before_it(
    inputs: dict[str, object],
) -> None:
    plan = _generate_or_refused(inputs)
    if plan is None:
        return
    history: History = [(d, m) for d, m in inputs["recent_runs"] if d < plan.spec.start_date]  # type: ignore[attr-defined]
    if not any(
        d >= plan.spec.start_date - timedelta(days=28) for d, _ in history
    ):  # the runner's word stands in
        long_m = reference_distance_m(history, plan.spec.start_date) or inputs["current_weekly_m"] * 0.3  # type: ignore[operator]
        history += stand_in_runs(
            plan.spec.start_date, inputs["current_weekly_m"], long_m, inputs["days_per_week"]
        )  # type: ignore[arg-type]
    runs = [s for s in plan.sessions if s.kind in RUN_KINDS]
    for planned in runs:
        if planned.kind == "race":
            continue
        before = history + [(s.date, s.distance_m) for s in runs if s.date < planned.date]
        reference = reference_distance_m(before, planned.date)
        verdict = check_run_spike(planned.distance_m, reference, recent_pain=True)
        assert verdict.level == "none", (planned, reference, verdict.reason)


@many_plans
@given(plan_inputs())
def test_a_generated_plan_says_each_warning_once(inputs: dict[str, object]) -> None:
    """A note that holds for several weeks (only 1 of 2 strength sessions fit) is one note naming them."""
    plan = _generate_or_refused(inputs)
    if plan is None:
        return
    said = [warning.reason for warning in plan.warnings]
    assert len(said) == len(set(said)), said
    short = {(len(week.days), week.target) for week in plan.strength if len(week.days) < week.target}
    notes = [text for text in said if "strength sessions fit in the week" in text]
    assert len(notes) == len(short)
    weeks = sum(1 for week in plan.strength if len(week.days) < week.target)
    assert sum(note.count(" Mon ") for note in notes) == weeks, "every short week is named once"


@given(plan_inputs())
def test_strength_days_follow_st1_and_st2_in_every_generated_plan(inputs: dict[str, object]) -> None:
    plan = _generate_or_refused(inputs)
    if plan is None:
        return
    kinds = {s.date: s.kind for s in plan.sessions}
    days = sorted(day for week in plan.strength for day in week.dates())
    for chosen in (chosen for week in plan.strength for chosen in week.days):  # ST2 as the sources say
        assert kinds.get(chosen.date) not in HARD_RUN_KINDS
        assert kinds.get(chosen.date + timedelta(days=1)) not in HARD_RUN_KINDS
        after_hard = kinds.get(chosen.date - timedelta(days=1)) in HARD_RUN_KINDS
        assert chosen.block == ("light" if after_hard else "full")
    assert all((later - earlier).days >= 2 for earlier, later in itertools.pairwise(days))
    race_monday = monday_of(plan.spec.race_date)
    for week in plan.strength:
        weeks_out = (race_monday - week.week_start).days // 7
        phase = plan.weeks[(week.week_start - plan.spec.start_date).days // 7].phase
        if weeks_out == 0:
            assert week.days == ()
        elif weeks_out < 0:  # recovery weeks after the race: the coach's rules as usual
            continue
        elif weeks_out <= 4:  # the four weeks before race week (the coach's ST1 reading)
            assert week.target == 1
            assert len(week.days) == 1 or any(w.rule == "ST2" for w in week.warnings)
        else:
            assert week.target == (3 if inputs["wants_three_strength"] and phase == "base" else 2)
            # fewer only when the rules leave no room, and then the week says why
            assert len(week.days) == week.target or any(w.rule == "ST2" for w in week.warnings)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(plan_inputs())
def test_the_same_inputs_always_give_the_same_plan(inputs: dict[str, object]) -> None:
    first = _generate_or_refused(inputs)
    assert first == _generate_or_refused(inputs)


def test_a_first_week_is_held_to_1_2_times_the_logged_week_before_it_with_a_warning() -> None:
    history = [(TODAY - timedelta(days=1), 6000.0), (TODAY - timedelta(days=4), 4000.0)]
    plan = generate_plan(40_000, 4, 6, date(2027, 4, 25), TODAY, history)
    assert plan.weeks[0].planned_m <= 12_000
    assert plan.warnings[0].rule == "S3"
    assert "add up to 10.0 km, less than the 40.0 km a week you gave" in plan.warnings[0].reason


def test_session_ids_are_stable_for_the_same_plan_and_date() -> None:
    one = generate_plan(30_000, 4, 6, date(2027, 2, 28), TODAY, [], race_distance_m=10_000, plan_id="p1")
    two = generate_plan(30_000, 4, 6, date(2027, 2, 28), TODAY, [], race_distance_m=10_000, plan_id="p1")
    other = generate_plan(30_000, 4, 6, date(2027, 2, 28), TODAY, [], race_distance_m=10_000, plan_id="p2")
    assert [s.id for s in one.sessions] == [s.id for s in two.sessions]
    assert not {s.id for s in one.sessions} & {s.id for s in other.sessions}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"race_date": TODAY - timedelta(days=1)}, "in the past"),
        ({"race_date": TODAY + timedelta(days=20)}, "at least 21 days"),
        ({"race_date": TODAY + timedelta(days=7 * 60)}, "within 52"),
        ({"days_per_week": 1}, "2 to 7"),
        ({"days_per_week": 8}, "2 to 7"),
        ({"long_run_day": 7}, "weekday 0"),
        ({"current_weekly_m": -5.0}, "not a plausible"),
        ({"current_weekly_m": math.nan}, "not a plausible"),
        ({"current_weekly_m": 500_000.0}, "not a plausible"),
        ({"current_weekly_m": 5_000.0}, "return-to-running"),
        ({"current_weekly_m": 12_000.0, "days_per_week": 7}, "choose 4 days a week or fewer"),
        ({"current_weekly_m": 100_000.0, "days_per_week": 2}, "choose 4 days a week or more"),
        ({"race_distance_m": 250_000.0}, "outside"),
        ({"rest_days": (6,)}, "long-run day cannot also be a rest day"),
        ({"rest_days": (0, 1, 2)}, "do not fit"),
    ],
)
def test_impossible_inputs_are_refused_with_a_clear_reason(changes: dict[str, object], message: str) -> None:
    inputs: dict[str, object] = {
        "current_weekly_m": 40_000.0,
        "days_per_week": 5,
        "long_run_day": 6,
        "race_date": date(2027, 4, 25),
        "start_date": TODAY,
        "recent_runs": [],
        "race_distance_m": 42_195.0,
        **changes,
    }
    with pytest.raises(PlanInputError, match=message):
        generate_plan(**inputs)  # type: ignore[arg-type]
    assert issubclass(PlanInputError, ValueError)


def test_a_marathon_after_a_32_km_long_run_gets_no_race_day_warning() -> None:
    plan = generate_plan(
        current_weekly_m=40_000.0,
        days_per_week=5,
        long_run_day=6,
        race_date=TODAY + timedelta(weeks=20),
        start_date=TODAY,
        recent_runs=[],
        race_distance_m=42_195.0,
    )
    assert not [w for w in plan.warnings if w.reason.startswith("Race day")]


def test_the_race_warning_says_its_reference_is_the_plans_longest_run_not_only_what_was_run() -> None:
    plan = generate_plan(
        current_weekly_m=15_000.0,
        days_per_week=3,
        long_run_day=6,
        race_date=TODAY + timedelta(weeks=8),
        start_date=TODAY,
        recent_runs=[],  # a runner who has logged nothing: every run before the race is a planned one
        race_distance_m=42_195.0,
    )
    [race] = [w for w in plan.warnings if w.reason.startswith("Race day")]
    assert "the longest run of the 30 days before it" in race.reason and "planned or run" in race.reason
    assert "your longest run" not in race.reason
