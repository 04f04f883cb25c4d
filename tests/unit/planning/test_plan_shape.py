"""The shape of generated plans over runner fitness (plan-rules.md): properties over many runners (hypothesis)
and the worked examples of issue 15."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runner_app.coach.model import HARD_RUN_KINDS
from runner_app.coach.spikes import reference_distance_m
from runner_app.planning.plans.generate import GeneratedPlan, generate_plan
from runner_app.planning.plans.paces import paces_for, vdot_from_race

START = date(2026, 12, 7)  # a Monday
MARATHON, HALF = 42_195.0, 21_097.5


def history(weekly_m: float, long_m: float, runs: int, long_day: int = 6) -> list[tuple[date, float]]:
    """Four weeks before START at `weekly_m`: the long run on `long_day` and equal easy runs."""
    out: list[tuple[date, float]] = []
    easy = (weekly_m - long_m) / (runs - 1)
    for week in range(1, 5):
        monday = START - timedelta(days=7 * week)
        out.append((monday + timedelta(days=long_day), long_m))
        others = [d for d in (1, 3, 5, 2, 4, 0, 6) if d != long_day][: runs - 1]
        out += [(monday + timedelta(days=d), easy) for d in others]
    return out


@st.composite
def runners(draw: st.DrawFn) -> dict[str, object]:
    runs = draw(st.integers(3, 7))
    weekly_km = draw(st.floats(10.0, 120.0))
    assume(3.0 <= weekly_km / runs <= 30.0)
    long_km = draw(st.floats(5.0, 35.0))
    assume(weekly_km / runs <= long_km <= 0.6 * weekly_km)
    assume((weekly_km - long_km) / (runs - 1) >= 2.5)
    weeks = draw(st.integers(8, 24))
    race_distance = draw(st.sampled_from([HALF, MARATHON]))
    vdot = draw(st.one_of(st.none(), st.floats(30.0, 65.0)))
    long_day = draw(st.integers(0, 6))
    return {
        "current_weekly_m": weekly_km * 1000,
        "days_per_week": runs,
        "long_run_day": long_day,
        "race_date": START + timedelta(days=7 * (weeks - 1) + draw(st.integers(0, 6))),
        "start_date": START,
        "recent_runs": history(weekly_km * 1000, long_km * 1000, runs, long_day),
        "race_distance_m": race_distance,
        "paces": paces_for(vdot) if vdot is not None else None,
        "current_long_m": long_km * 1000,
    }


many = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
)


def _weeks_m(plan: GeneratedPlan) -> list[float]:
    return [w.planned_m for w in plan.weeks]


@many
@given(runners())
def test_week_one_is_within_ten_percent_of_the_current_volume(runner: dict[str, object]) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    weekly = runner["current_weekly_m"]
    assert 0.9 * weekly <= plan.weeks[0].planned_m <= 1.1 * weekly  # type: ignore[operator]


@many
@given(runners())
def test_no_week_exceeds_1_10_times_the_largest_of_the_four_before_it(runner: dict[str, object]) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    volumes = [runner["current_weekly_m"]] * 4 + _weeks_m(plan)
    for index in range(4, len(volumes)):
        assert volumes[index] <= 1.10 * max(volumes[index - 4 : index]) + 1.0, (index - 4, volumes)


@many
@given(runners())
def test_no_planned_run_is_over_1_10_times_its_30_day_reference(runner: dict[str, object]) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    before: list[tuple[date, float]] = list(runner["recent_runs"])  # type: ignore[call-overload]
    for session in plan.sessions:
        reference = reference_distance_m(before, session.date)
        if session.kind != "race" and reference is not None:
            assert session.distance_m <= 1.10 * reference + 1.0, (session, reference)
        before.append((session.date, session.distance_m))


@many
@given(runners())
def test_never_two_hard_days_in_a_row(runner: dict[str, object]) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    hard = sorted(s.date for s in plan.sessions if s.kind in HARD_RUN_KINDS)
    assert all((later - earlier).days >= 2 for earlier, later in itertools.pairwise(hard)), hard


@many
@given(runners())
def test_the_taper_falls_into_race_week(runner: dict[str, object]) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    phases = [w.phase for w in plan.weeks]
    race = phases.index("race")
    taper = 2 if runner["race_distance_m"] == MARATHON else 1
    assert phases[race - taper : race] == ["taper"] * taper
    volumes = [w.planned_m for w in plan.weeks[race - taper - 1 : race + 1]]
    assert all(later < earlier for earlier, later in itertools.pairwise(volumes)), volumes
    assert plan.weeks[race - taper - 1].phase == "peak"
    assert 1 <= phases.count("recovery") <= 2


@many
@given(runners())
def test_every_session_has_a_title_a_structure_and_a_pace_when_fitness_is_known(
    runner: dict[str, object],
) -> None:
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    for session in plan.sessions:
        assert session.title and session.structure and session.duration_s
        assert (session.target_pace is not None) == (runner["paces"] is not None)


@many
@given(runners())
def test_the_marathon_long_run_peaks_at_29_to_35_km_when_the_runner_has_the_base(
    runner: dict[str, object],
) -> None:
    assume(runner["race_distance_m"] == MARATHON)
    plan = generate_plan(**runner)  # type: ignore[arg-type]
    weeks = (plan.spec.race_date - START).days // 7 + 1
    start_long = runner["current_long_m"]
    peak = max(w.long_run_m for w in plan.weeks)
    assert peak <= 35_000
    paces = runner["paces"]
    slow = paces is not None and paces.easy.middle > 405  # type: ignore[attr-defined]
    if (weeks >= 16 and start_long >= 14_000) or (weeks >= 12 and start_long >= 20_000):  # type: ignore[operator]
        late = max(w.long_run_m for w in plan.weeks if 3 <= weeks - 1 - w.index <= 5)
        shape = " ".join(f"{w.phase[:3]}:{w.long_run_m:.0f}" for w in plan.weeks)
        assert (26_000 if slow else 29_000) <= late, (weeks, start_long, shape)


def forty_km_marathoner() -> GeneratedPlan:
    return generate_plan(
        40_000.0,
        5,
        6,
        START + timedelta(days=7 * 15 + 6),
        START,
        history(40_000.0, 14_000.0, 5),
        MARATHON,
        paces=paces_for(vdot_from_race(10_000, 3000)),
    )


def test_the_40_km_runner_with_a_14_km_long_run_gets_a_16_week_plan_to_32_km() -> None:
    plan = forty_km_marathoner()
    assert not [w for w in plan.warnings if w.reason.startswith("Your longest run peaks")]
    assert not plan.alternatives
    assert 36_000 <= plan.weeks[0].planned_m <= 44_000
    assert 14_000 <= plan.weeks[0].long_run_m <= 15_400
    assert max(w.long_run_m for w in plan.weeks) >= 30_000
    assert (
        plan.predicted_race_s is not None
        and 3 * 3600 + 48 * 60 <= plan.predicted_race_s <= 3 * 3600 + 51 * 60
    )
    titles = {s.title.split(" ")[0] for s in plan.sessions}
    assert {"Threshold", "Hills", "Marathon", "Long", "Easy"} <= titles


def test_a_15_km_runner_gets_a_plan_at_their_level_a_plain_warning_and_two_alternatives() -> None:
    plan = generate_plan(
        15_000.0, 4, 6, START + timedelta(days=7 * 15 + 6), START, history(15_000.0, 7_000.0, 4), MARATHON
    )
    [base] = [w for w in plan.warnings if w.reason.startswith("Your longest run peaks")]
    peak = max(w.long_run_m for w in plan.weeks)
    assert f"peaks at {peak / 1000:.1f} km" in base.reason
    half, later = plan.alternatives
    assert half.race_distance_m == HALF and half.race_date == plan.spec.race_date
    assert later.race_distance_m == MARATHON and later.race_date > plan.spec.race_date
    assert plan.weeks[0].planned_m <= 16_500
