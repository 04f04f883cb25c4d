"""Today: the coach's assessment, the plan's session for the day bent by it, and the day's tasks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from runner_app.coach.model import Alert, Assessment, Decision, Rung
from runner_app.coach.state import to_json
from runner_app.extensions import db
from runner_app.models import Plan, TaskCheck
from runner_app.models.types import utcnow
from runner_app.planning.daily.progression import (
    current_prescriptions,
    last_pain_by_exercise,
    light_block,
    next_block_variant,
    strength_block,
)
from runner_app.planning.daily.strength import (
    day_kinds_from_runs,
    day_kinds_from_sessions,
    schedule_strength_week,
)
from runner_app.planning.daily.tasks import Task
from runner_app.planning.daily.today import PlanPrompt, build_tasks, plan_prompt
from runner_app.planning.model import PlannedSession, monday_of
from runner_app.services import coach, coach_cache, plans

STRENGTH_LOOKBACK_DAYS = 120  # enough logged sessions for ST3 progression


def local_today(timezone: str) -> date:
    """Today in the runner's time zone."""
    return datetime.now(ZoneInfo(timezone)).date() if timezone != "UTC" else datetime.now(UTC).date()


@dataclass(frozen=True)
class TodayView:
    date: date
    assessment: Assessment
    tasks: tuple[Task, ...]
    prompt: PlanPrompt | None
    strength_notes: tuple[Decision, ...] = ()  # ST1/ST2 warnings, e.g. about pinned strength days
    run_alerts: tuple[Alert, ...] = ()  # S1/S2 on today's planned run

    @property
    def alerts(self) -> tuple[Alert, ...]:
        """The assessment's alerts (clinician first), then those about today's planned run."""
        return (*self.assessment.alerts, *self.run_alerts)


def done_keys(user_id: int, day: date) -> set[str]:
    stmt = select(TaskCheck.key).where(TaskCheck.user_id == user_id, TaskCheck.date == day, TaskCheck.done)
    return set(db.session.scalars(stmt))


def set_task_done(user_id: int, day: date, key: str, done: bool) -> None:
    """Check a task off or back on (idempotent)."""
    row = db.session.get(TaskCheck, (user_id, day, key))
    if row is None:
        db.session.add(TaskCheck(user_id=user_id, date=day, key=key, done=done))
    else:
        row.done, row.updated_at = done, utcnow()
    coach_cache.forget_today(user_id, day)
    db.session.commit()


def assessment_payload(a: Assessment, units: str | None = "km") -> dict[str, Any]:
    """api.md's shape: state, return stage, rungs, alerts, metrics, plus every decision and the guidance,
    its sentences worded in the runner's units."""
    return {
        "date": a.date.isoformat(),
        "state": a.state,
        "return_stage": a.return_stage,
        "rungs": [said(r, units) for r in a.rungs],
        "alerts": [said(x, units) for x in a.alerts],
        "decisions": [said(d, units) for d in a.decisions],
        "guidance": {**to_json(a.guidance), "rules": [said(r, units) for r in a.guidance.rules]},
        "metrics": to_json(a.metrics),
        "progression_frozen": a.progression_frozen,
        "needs_profile": a.needs_profile,
        "disclaimer": "Training guidance, not medical advice.",
    }


def said(item: Decision | Rung | Alert, units: str | None) -> dict[str, Any]:
    """A decision, rung or alert for the API: its sentence worded in the runner's units, and the same
    sentence as data (`reason_template`, and its distances in metres by name as `reason_params`)."""
    body: dict[str, Any] = to_json(item)
    template, params = body.pop("template", ""), body.pop("params", [])
    body["message" if isinstance(item, Alert) else "reason"] = item.words.render(units)
    if template:
        body["reason_template"] = template
        body["reason_params"] = {name: metres for name, metres in params}
    return body


def today_document(user_id: int, day: date, units: str | None = "km") -> str:
    """The whole `GET /api/v1/today` answer as JSON text, worded in the runner's units and kept in the
    coach's cache until a write changes it (a change of units is such a write)."""
    cached = coach_cache.cached_today(user_id, day)
    if cached is not None:
        return cached
    epoch = coach_cache.current_epoch(user_id)
    view = today_view(user_id, day)
    payload = assessment_payload(view.assessment, units)
    payload["alerts"] = [said(x, units) for x in view.alerts]
    payload["tasks"] = [t.as_dict(units) for t in view.tasks]
    payload["plan_prompt"] = view.prompt.message if view.prompt else None
    payload["strength_warnings"] = [said(note, units) for note in view.strength_notes]
    coach_cache.store_today(user_id, epoch, day, payload)
    return json.dumps(payload)


def today_view(user_id: int, day: date) -> TodayView:
    assessment = coach.assessment_on(user_id, day)
    plan: Plan | None = plans.plan_of(user_id)
    week_start = monday_of(day)
    planned_week = plans.sessions_between(
        user_id, week_start - timedelta(days=1), week_start + timedelta(days=7)
    )
    planned = next((s for s in planned_week if s.date == day), None)
    logs = coach.day_logs(user_id, week_start - timedelta(days=1), day, kinds=("runs", "pains", "strength"))
    today_log = logs.get(day)
    runs_today = list(today_log.runs) if today_log else []
    pains_today = list(today_log.pains) if today_log else []
    lifting = coach.day_logs(
        user_id,
        day - timedelta(days=STRENGTH_LOOKBACK_DAYS),
        day - timedelta(days=1),
        kinds=("strength", "pains"),
    )
    history_strength = [s for log in lifting.values() for s in log.strength]
    history_pains = [p for log in lifting.values() for p in log.pains]
    # What each day of the week holds: what was run where it was run, else what the plan says.
    kinds = day_kinds_from_sessions(planned_week)
    kinds.update(
        day_kinds_from_runs(
            r for log in logs.values() for r in log.runs if r.date >= week_start - timedelta(days=1)
        )
    )
    week = schedule_strength_week(
        week_start,
        kinds,
        plan.race_date if plan else None,
        earlier_strength=[s.date for s in history_strength if s.date < week_start],
        logged_this_week=[s.date for s in [*history_strength, *(today_log.strength if today_log else ())]],
        open_from=day,
        pinned_weekdays=plan.strength_days or None if plan else None,
    )
    strength_day = week.on(day)
    # A block logged today stays on Today, ticked, rather than vanishing.
    strength_logged = bool(today_log and today_log.strength)
    strength_today = strength_day is not None or strength_logged
    prescriptions = current_prescriptions(history_strength, history_pains)
    if strength_day is not None and strength_day.block == "light":
        block = light_block(prescriptions)
    else:
        block = strength_block(next_block_variant(history_strength), prescriptions)
    keys = done_keys(user_id, day) | ({"strength"} if strength_logged else set())
    day_tasks = build_tasks(
        day,
        assessment,
        planned,
        runs_today,
        checkin_logged=any(p.context == "morning" for p in pains_today),
        post_run_checkin_logged=any(p.context in ("during_run", "after_run") for p in pains_today),
        strength_today=strength_today,
        strength_prescription=block,
        done_keys=keys,
        easy_strides_this_week=_easy_strides(user_id, week_start, day, planned_week),
        has_plan=plan is not None,
        week_sessions=[s for s in planned_week if week_start <= s.date < week_start + timedelta(days=7)],
        strength_last_pain=last_pain_by_exercise(history_strength),
        strength_day=strength_day,
    )
    return TodayView(
        day,
        assessment,
        tuple(day_tasks.tasks),
        plan_prompt(plan is not None),
        week.warnings,
        day_tasks.alerts,
    )


def _easy_strides(user_id: int, week_start: date, day: date, planned_week: Sequence[PlannedSession]) -> int:
    """Easy runs earlier this week whose strides were checked off (T3 allows two a week)."""
    easy_days = {s.date for s in planned_week if s.kind == "easy"}
    stmt = select(TaskCheck.date).where(
        TaskCheck.user_id == user_id,
        TaskCheck.key == "strides",
        TaskCheck.done,
        TaskCheck.date >= week_start,
        TaskCheck.date < day,
    )
    return sum(1 for d in db.session.scalars(stmt) if d in easy_days)
