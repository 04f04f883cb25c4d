"""The day's tasks (T0-T6) for a scripted week of a plan, and the strides rule (T3) over many days."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from runner_app.coach.model import Assessment, ReturnStage, RunGuidance
from runner_app.coach.text import TIMES
from runner_app.planning.daily.exercises import EXERCISES
from runner_app.planning.daily.progression import default_prescription, strength_block
from runner_app.planning.daily.today import Task, build_tasks, plan_prompt
from runner_app.planning.model import PlannedSession

from .builders import assessment, day, decision, run, rung, session

PAIN_ROSE = "Your average morning knee pain rose from 1.8 to 3.1."
# The scripted week: Tuesday intervals, Wednesday easy, Thursday tempo, Friday easy, Sunday long.
WEEK = [
    session(day(1), "intervals", 10.0),
    session(day(2), "easy", 8.0),
    session(day(3), "tempo", 9.0),
    session(day(4), "easy", 6.0),
    session(day(6), "long", 21.0),
]
BLOCK_B = strength_block("B", {})


def tasks_for(
    on: date,
    state: Assessment,
    planned: PlannedSession | None,
    *,
    runs: int = 0,
    strength: bool = False,
    easy_strides: int = 0,
    done: frozenset[str] = frozenset(),
    has_plan: bool = True,
    week: list[PlannedSession] | None = None,
) -> list[Task]:
    logged = [run(on, 8.0) for _ in range(runs)]
    return build_tasks(
        on,
        state,
        planned,
        logged,
        False,
        False,
        strength,
        BLOCK_B,
        done,
        easy_strides,
        has_plan=has_plan,
        week_sessions=week,
    ).tasks


def keys(tasks: list[Task]) -> list[str]:
    return [task.key for task in tasks]


def by_key(tasks: list[Task], key: str) -> Task:
    return next(task for task in tasks if task.key == key)


# ---------------------------------------------------------------- a scripted week (Mon 16 - Sun 22 Nov)


def test_a_green_long_run_sunday_has_warm_up_the_run_and_strides_after_it() -> None:
    long_run = session(day(6), "long", 21.0, notes="Long run at an easy pace.")
    tasks = tasks_for(day(6), assessment(day(6)), long_run)
    assert keys(tasks) == ["checkin", "warmup", "run", "strides"]
    run_task = by_key(tasks, "run")
    assert str(run_task.title) == "Long run · 21.0 km"
    assert run_task.planned is None  # nothing bent: no "planned" beside "prescribed"
    assert run_task.prescribed["distance_m"] == 21_000
    assert run_task.rule == "T2"
    strides = by_key(tasks, "strides")
    assert strides.rule == "T3"
    assert strides.prescribed["reps"] == 6 and strides.prescribed["distance_m"] == 60
    assert "strides after your 21.0 km long run: the last 7 days were green" in str(strides.reason)


def test_a_tuesday_intervals_session_is_turned_easy_by_c1_and_gets_no_strides() -> None:
    guidance = RunGuidance(easy_only=True, strides_allowed=True, easy_pace_slower_pct=(10, 20))
    state = assessment(day(1), guidance=guidance, rungs=(rung("C1", PAIN_ROSE),))
    tasks = tasks_for(day(1), state, WEEK[0], week=WEEK)
    assert keys(tasks) == ["checkin", "warmup", "run"]
    run_task = by_key(tasks, "run")
    assert run_task.planned is not None and run_task.planned["kind"] == "intervals"
    assert run_task.prescribed["kind"] == "easy"
    assert run_task.prescribed["distance_m"] == 10_000
    assert run_task.rule == "T2+C1"
    assert str(run_task.reason).startswith(
        "Your 10.0 km intervals session becomes an easy run: your average morning knee pain rose from 1.8 "
        "to 3.1."
    )
    assert "10-20 % slower" in str(run_task.prescribed["content"])
    assert "Gait cue:" in str(run_task.detail)


def test_a_red_day_swaps_the_run_for_cross_training_of_the_same_duration_without_strides() -> None:
    d3 = decision("D3", "Your run pain was 7/10 yesterday.")
    guidance = RunGuidance(
        running_allowed=False, swap_to_low_impact=True, cross_training_pain_max=2, rules=(d3,)
    )
    state = assessment(day(6), "red", guidance=guidance)
    tasks = tasks_for(day(6), state, session(day(6), "long", 20.0), strength=True)
    assert keys(tasks) == ["checkin", "cross_training", "strength"]
    swap = by_key(tasks, "cross_training")
    assert swap.prescribed["duration_s"] == 7800  # 20 km at the 6:30 /km easy pace
    assert swap.prescribed["pain_max"] == 2
    assert str(swap.detail).endswith("130 min, stopping if the pain goes above 2/10")
    assert swap.planned is not None and swap.planned["kind"] == "long"
    assert swap.rule == "T5+D3"
    assert str(swap.reason) == (
        "No running today: 130 min of low-impact cross-training instead of the 20.0 km long run: your run "
        "pain was 7/10 yesterday."
    )
    strength = by_key(tasks, "strength")
    assert strength.rule == "T4+ST2+ST4"
    assert strength.prescribed["dropped"] == ["pogo_hops"]
    exercises = strength.prescribed["exercises"]
    assert isinstance(exercises, list) and "pogo_hops" not in [e["exercise"] for e in exercises]


def test_a_c3_long_run_is_a_quarter_shorter_and_says_why_in_numbers() -> None:
    guidance = RunGuidance(long_run_factor=0.75, strides_allowed=True)
    state = assessment(day(6), guidance=guidance, rungs=(rung("C3", PAIN_ROSE),))
    run_task = by_key(tasks_for(day(6), state, session(day(6), "long", 21.0)), "run")
    assert run_task.prescribed["distance_m"] == 15_700
    assert str(run_task.reason) == (
        "Your long run is 15.7 km instead of 21.0 km this week: your average morning knee pain rose from 1.8 "
        "to 3.1."
    )


def test_an_amber_day_makes_the_run_easy_shorter_and_flat_by_d2() -> None:
    d2 = decision("D2", "Yesterday's run hurt 4/10.")
    guidance = RunGuidance(easy_only=True, distance_factor=0.75, flat_only=True, rules=(d2,))
    tasks = tasks_for(day(3), assessment(day(3), "amber", guidance=guidance), session(day(3), "tempo", 8.0))
    run_task = by_key(tasks, "run")
    assert (run_task.prescribed["kind"], run_task.prescribed["distance_m"]) == ("easy", 6000)
    assert run_task.prescribed["terrain"] == "flat"
    assert run_task.rule == "T2+D2"
    assert "today's run is 6.0 km instead of 8.0 km (25 % shorter)" in str(run_task.reason)
    assert "strides" not in keys(tasks)


def test_an_s1_cap_and_a_cadence_cue_bend_an_easy_run() -> None:
    s1 = decision("S1", "This 12.0 km run is 1.33 x your longest run of the last 30 days (9.0 km).")
    guidance = RunGuidance(max_distance_m=9_900, cadence_cue_pct=5.0, rules=(s1,))
    state = assessment(day(2), guidance=guidance, rungs=(rung("C5", PAIN_ROSE),))
    run_task = by_key(tasks_for(day(2), state, session(day(2), "easy", 12.0)), "run")
    assert run_task.prescribed["distance_m"] == 9_900
    assert run_task.prescribed["cadence_cue"] == "Cadence +5 %: shorter stride, quicker footfall"
    assert run_task.rule == "T2+S1+C5"
    assert "capped at 9.9 km instead of 12.0 km" in str(run_task.reason)


def test_a_return_stage_r1_day_prescribes_the_walk_run_instead_of_the_plan() -> None:
    guidance = RunGuidance(
        return_session=f"6 {TIMES} (run 3 min / walk 2 min), flat", max_rpe=3, flat_only=True
    )
    state = assessment(day(4), "green", guidance=guidance, return_stage="R1")
    run_task = by_key(tasks_for(day(4), state, session(day(4), "tempo", 10.0)), "run")
    assert str(run_task.title) == "Walk-run · 30 min"
    assert run_task.prescribed["duration_s"] == 1800
    assert run_task.prescribed["max_rpe"] == 3
    assert run_task.rule == "T2+R1"


def test_a_refer_urgent_day_keeps_only_the_check_in() -> None:
    f1 = decision("F1", "You reported the knee giving way.")
    guidance = RunGuidance(running_allowed=False, cross_training_allowed=False, rules=(f1,))
    state = assessment(day(5), "refer_urgent", guidance=guidance)
    tasks = tasks_for(day(5), state, session(day(5), "easy", 8.0), strength=True)
    assert keys(tasks) == ["checkin"]


def test_c2_swaps_the_first_easy_run_of_the_week_for_low_impact_work_of_the_same_duration() -> None:
    guidance = RunGuidance(low_impact_swaps_per_week=1)
    state = assessment(day(2), guidance=guidance, rungs=(rung("C2", PAIN_ROSE),))
    tasks = tasks_for(day(2), state, WEEK[1], week=WEEK)
    assert keys(tasks) == ["checkin", "cross_training"]
    swap = by_key(tasks, "cross_training")
    assert swap.prescribed["duration_s"] == 3120  # 8 km at 6:30 /km
    assert swap.rule == "T5+C2"
    assert str(swap.reason).endswith("your average morning knee pain rose from 1.8 to 3.1.")
    friday = tasks_for(day(4), assessment(day(4), guidance=guidance, rungs=state.rungs), WEEK[3], week=WEEK)
    assert "run" in keys(friday)  # one run a week, not every easy run


def test_c1_makes_only_the_hardest_session_of_the_week_easy() -> None:
    guidance = RunGuidance(easy_only=True, easy_pace_slower_pct=(10, 20))
    state = assessment(day(3), guidance=guidance, rungs=(rung("C1", PAIN_ROSE),))
    thursday = by_key(tasks_for(day(3), state, WEEK[2], week=WEEK), "run")
    assert thursday.prescribed["kind"] == "tempo" and thursday.rule == "T2"


def _run_on(offset: int, guidance: RunGuidance, stage: ReturnStage) -> Task:
    state = assessment(day(offset), guidance=guidance, return_stage=stage)
    planned = next(s for s in WEEK if s.date == day(offset))
    return by_key(tasks_for(day(offset), state, planned, week=WEEK), "run")


def test_return_stage_r5_keeps_one_quality_session_a_week_and_r4_none() -> None:
    r5 = decision("R5", "Return to running, stage R5: pace: strides first, then one quality session a week.")
    guidance = RunGuidance(max_quality_sessions_per_week=1, rules=(r5,), strides_allowed=True)
    tuesday, thursday = _run_on(1, guidance, "R5"), _run_on(3, guidance, "R5")
    assert (tuesday.prescribed["kind"], thursday.prescribed["kind"]) == ("intervals", "easy")
    assert thursday.rule == "T2+R5"
    r4 = decision("R4", "Return to running, stage R4: volume back toward the plan; easy only.")
    tuesday = _run_on(1, RunGuidance(easy_only=True, max_quality_sessions_per_week=0, rules=(r4,)), "R4")
    assert (tuesday.prescribed["kind"], tuesday.rule) == ("easy", "T2+R4")


def test_the_post_run_check_in_appears_once_a_run_is_logged_and_tasks_can_be_ticked() -> None:
    planned = session(day(2), "easy", 8.0)
    before = tasks_for(day(2), assessment(day(2)), planned, easy_strides=2)
    assert keys(before) == ["checkin", "warmup", "run"]
    after = tasks_for(day(2), assessment(day(2)), planned, runs=1, easy_strides=2, done=frozenset({"warmup"}))
    assert keys(after) == ["checkin", "warmup", "run", "post_run_checkin"]
    assert [task.done for task in after] == [False, True, True, False]
    assert by_key(after, "post_run_checkin").rule == "T6"


def test_a_strength_day_with_a_run_says_run_first_and_lists_the_prescriptions() -> None:
    tasks = tasks_for(day(3), assessment(day(3)), session(day(3), "easy", 8.0), strength=True, easy_strides=2)
    assert keys(tasks) == ["checkin", "warmup", "run", "strength"]
    strength = by_key(tasks, "strength")
    assert strength.rule == "T4+ST2"
    assert strength.prescribed["block"] == "full"
    assert "Run first, lift at least 6 h later." in str(strength.reason)
    assert f"Single-leg Romanian deadlift: 3 {TIMES} 20 a side, bodyweight" in str(strength.detail)


def test_without_a_plan_the_day_has_check_in_strength_and_a_prompt_to_set_one_up_but_no_warm_up() -> None:
    tasks = tasks_for(day(3), assessment(day(3)), None, strength=True, has_plan=False)
    assert keys(tasks) == ["checkin", "strength"]  # no run task, so no warm-up before a run
    prompt = plan_prompt(has_plan=False)
    assert prompt is not None and "No training plan yet" in prompt.message
    assert plan_prompt(has_plan=True) is None


def test_a_rest_day_of_a_plan_has_only_the_check_in() -> None:
    assert keys(tasks_for(day(0), assessment(day(0)), None)) == ["checkin"]
    assert keys(tasks_for(day(0), assessment(day(0)), session(day(0), "rest", 0.0))) == ["checkin"]


def test_cross_training_the_plan_holds_is_a_task_as_planned() -> None:
    bike = session(day(0), "cross_training", 0.0, duration_s=2700, notes="Bike 45 min")
    task = by_key(tasks_for(day(0), assessment(day(0)), bike), "cross_training")
    assert (task.planned, task.rule) == (None, "T5")
    assert str(task.reason) == "As planned: 45 min of low-impact cross-training."


def test_every_task_serialises_to_the_api_shape() -> None:
    tasks = tasks_for(day(6), assessment(day(6)), session(day(6), "long", 21.0), runs=1, strength=True)
    for task in tasks:
        shape = task.as_dict()
        assert list(shape) == [
            "key",
            "kind",
            "title",
            "detail",
            "planned",
            "prescribed",
            "rule",
            "reason",
            "done",
        ]
        assert str(task.reason).endswith(".") and "(rule " not in str(task.reason)


# ---------------------------------------------------------------- T3 over many days


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    kind=st.sampled_from(["easy", "recovery", "long", "tempo", "intervals", "hills", "race"]),
    strides_allowed=st.booleans(),
    easy_only=st.booleans(),
    c1=st.booleans(),
    easy_strides=st.integers(0, 4),
)
def test_strides_come_only_after_a_long_run_or_an_early_easy_run_and_only_when_allowed(
    kind: str, strides_allowed: bool, easy_only: bool, c1: bool, easy_strides: int
) -> None:
    guidance = RunGuidance(strides_allowed=strides_allowed, easy_only=easy_only)
    state = assessment(day(3), guidance=guidance, rungs=(rung("C1", PAIN_ROSE),) if c1 else ())
    tasks = tasks_for(day(3), state, session(day(3), kind, 10.0), easy_strides=easy_strides)  # type: ignore[arg-type]
    prescribed_kind = by_key(tasks, "run").prescribed["kind"]
    if "strides" in keys(tasks):
        assert strides_allowed and not easy_only and not c1
        assert prescribed_kind == "long" or (prescribed_kind == "easy" and easy_strides < 2)
    elif strides_allowed and not easy_only and not c1:
        assert not (prescribed_kind == "long" or (prescribed_kind == "easy" and easy_strides < 2))


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["easy", "long", "tempo", None]), min_size=7, max_size=7))
def test_a_week_never_has_strides_after_more_than_two_easy_runs(week: list[str | None]) -> None:
    easy_strides = 0
    for offset, kind in enumerate(week):
        planned = session(day(offset), kind, 8.0) if kind else None  # type: ignore[arg-type]
        tasks = tasks_for(day(offset), assessment(day(offset)), planned, easy_strides=easy_strides)
        if "strides" in keys(tasks) and kind == "easy":
            easy_strides += 1
    assert easy_strides <= 2
    assert easy_strides == min(2, week.count("easy"))


def test_the_strength_block_b_holds_the_catalogue_defaults() -> None:
    assert BLOCK_B[0] == default_prescription(EXERCISES["single_leg_rdl"])


def test_st4_drops_an_exercise_that_last_hurt_above_5_on_an_amber_day_and_keeps_it_on_a_green_one() -> None:
    """coach-rules.md ST4: in amber or red, keep only exercises whose last logged pain was <= 5."""
    last_pain = {"split_squat": 7, "step_downs": 5}

    def strength_on(state: str) -> Task:
        day_tasks = build_tasks(
            day(2),
            assessment(day(2), state),
            None,
            [],
            False,
            False,
            True,
            BLOCK_B,
            set(),
            0,  # type: ignore[arg-type]
            strength_last_pain=last_pain,
        )
        return by_key(day_tasks.tasks, "strength")

    amber = strength_on("amber")
    assert "split_squat" in amber.prescribed["dropped"]  # type: ignore[operator]
    assert "step_downs" not in amber.prescribed["dropped"]  # type: ignore[operator]
    assert "ST4" in amber.rule
    assert EXERCISES["split_squat"].name not in str(amber.detail) and EXERCISES["step_downs"].name in str(
        amber.detail
    )
    green = strength_on("green")
    assert "dropped" not in green.prescribed
