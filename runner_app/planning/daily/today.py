"""The day's tasks (T0-T7), in the order a runner does them, each with the rule that shaped it and why.

Shape: api.md `GET /api/v1/today` `tasks`. `planned` sits beside `prescribed` only when the coach bent it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from runner_app.coach.model import Alert, Assessment, RunEntry
from runner_app.planning.bending.adjust import adjust_session
from runner_app.planning.bending.planned_spikes import check_planned_spike
from runner_app.planning.daily.progression import Prescription
from runner_app.planning.daily.strength import StrengthDay
from runner_app.planning.daily.tasks import (
    Task,
    TaskKind,
    checkin_task,
    cross_training_task,
    post_run_checkin_task,
    profile_task,
    red_day_cross_training_task,
    run_task,
    strength_task,
    strides_task,
    warmup_task,
)
from runner_app.planning.model import PlannedSession
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings

__all__ = ["ORDER", "DayTasks", "PlanPrompt", "Task", "TaskKind", "build_tasks", "plan_prompt"]

ORDER: tuple[TaskKind, ...] = (
    "profile",
    "checkin",
    "warmup",
    "run",
    "strides",
    "cross_training",
    "post_run_checkin",
    "strength",
)


@dataclass(frozen=True)
class PlanPrompt:
    """Shown beside the tasks when the runner has no plan yet (a flag, not a task kind of the API)."""

    message: str
    actions: tuple[str, ...] = ("build", "generate", "import")


@dataclass(frozen=True)
class DayTasks:
    tasks: list[Task]
    alerts: tuple[Alert, ...]  # about today's planned run (S1/S2), besides the assessment's own


def plan_prompt(has_plan: bool) -> PlanPrompt | None:
    if has_plan:
        return None
    return PlanPrompt(
        "No training plan yet: build one from a weekly template, generate one from your current volume and "
        "race date, or import a CSV. Until then the coach still checks in, warms you up and plans strength."
    )


def build_tasks(
    on: date,
    assessment: Assessment,
    planned: PlannedSession | None,
    runs_logged_today: Sequence[RunEntry],
    checkin_logged: bool,
    post_run_checkin_logged: bool,
    strength_today: bool,
    strength_prescription: Sequence[Prescription],
    done_keys: Collection[str],
    easy_strides_this_week: int,
    *,
    has_plan: bool = True,
    week_sessions: Sequence[PlannedSession] | None = None,
    strength_last_pain: Mapping[str, int] | None = None,
    strength_day: StrengthDay | None = None,
    settings: PlanningSettings = DEFAULT_PLANNING,
) -> DayTasks:
    """The tasks for `on`: check-in, warm-up, the (adjusted) run, strides, cross-training, post-run check-in,
    strength. `easy_strides_this_week` counts easy runs earlier this week that already had strides (T3).
    `week_sessions`: the plan's sessions of this week, for the week-level bends (C2's swap, C1's hardest
    session, a return stage's quality limit); without them C2 swaps nothing and C1 eases any quality session.
    `strength_prescription` is the block before ST4: the day's state (and `strength_last_pain`, each
    exercise's pain when last logged) is applied here. The alerts: the spike
    rules on today's run as bent (planned_spikes.py). `strength_day`: the scheduler's day (its block, full or
    light, and its note); `strength_prescription` must already be that block's exercises.
    T1 only with a run task or a logged run; T5 on every swap and every red day (R0 included), never under
    F1; T7 while the coach says it needs the profile."""
    guidance = assessment.guidance
    tasks: list[Task] = [checkin_task(assessment, checkin_logged or "checkin" in done_keys)]
    if assessment.needs_profile:
        tasks.append(profile_task("profile" in done_keys))
    adjusted = None
    alerts: tuple[Alert, ...] = ()
    if planned is not None and planned.date == on:
        adjusted = adjust_session(
            planned,
            guidance,
            assessment.rungs,
            return_stage=assessment.return_stage,
            week=week_sessions,
            settings=settings,
        )
        adjusted, spike = check_planned_spike(adjusted, guidance, settings)
        alerts = (spike,) if spike is not None and not runs_logged_today else ()
    run_planned = adjusted is not None and adjusted.is_run
    if run_planned or runs_logged_today:
        tasks.append(warmup_task("warmup" in done_keys))
    if adjusted is not None and adjusted.is_run:
        tasks.append(run_task(on, adjusted, bool(runs_logged_today) or "run" in done_keys))
        strides = strides_task(adjusted, assessment, easy_strides_this_week, settings, "strides" in done_keys)
        if strides is not None:
            tasks.append(strides)
    elif adjusted is not None and adjusted.kind == "cross_training" and guidance.cross_training_allowed:
        done = "cross_training" in done_keys
        tasks.append(cross_training_task(adjusted, done, guidance.cross_training_pain_max))
    red_day = assessment.state == "red" or assessment.return_stage == "R0"
    no_impact = assessment.state == "refer_urgent" or not guidance.cross_training_allowed
    if red_day and not no_impact and not any(task.kind == "cross_training" for task in tasks):
        tasks.append(red_day_cross_training_task(assessment, "cross_training" in done_keys))
    if runs_logged_today:
        logged = post_run_checkin_logged or "post_run_checkin" in done_keys
        tasks.append(post_run_checkin_task(runs_logged_today, logged))
    if strength_today and strength_prescription:
        task = strength_task(
            assessment,
            strength_prescription,
            run_planned or bool(runs_logged_today),
            "strength" in done_keys,
            strength_last_pain,
            strength_day.block if strength_day else "full",
            strength_day.after if strength_day else "",
        )
        if task is not None:
            tasks.append(task)
    return DayTasks(sorted(tasks, key=lambda task: ORDER.index(task.kind)), alerts)
