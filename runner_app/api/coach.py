"""What the coach says: today (with tasks), the timeline, task check-offs, the exercise catalogue."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta

from flask import Response, jsonify
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.errors import validation_problem
from runner_app.api.http import DATE_MESSAGE, RANGE_MESSAGE, date_param, in_range, json_body, parse_day
from runner_app.planning.daily.exercises import CATALOGUE
from runner_app.services import coach, today
from runner_app.services.schemas import Invalid

MAX_TIMELINE_DAYS = 400
TASK_KEYS = (
    "profile",
    "checkin",
    "warmup",
    "run",
    "strides",
    "strength",
    "cross_training",
    "post_run_checkin",
)


@bp.get("/v1/today")
@login_required
def get_today() -> Response:
    day = date_param("date", today.local_today(current_user.timezone or "UTC"))
    document = today.today_document(current_user.id, day, current_user.units)
    return Response(document, mimetype="application/json")


@bp.get("/v1/coach/timeline")
@login_required
def get_timeline() -> Response:
    now = today.local_today(current_user.timezone or "UTC")
    errors: dict[str, list[str]] = {}
    end = start = now
    try:
        end = date_param("to", now)
    except Invalid as exc:
        errors.update(exc.errors)
    try:
        start = date_param("from", end - timedelta(days=27), today=now)
    except Invalid as exc:
        errors.update(exc.errors)
    if errors:
        return validation_problem(errors)
    if start > end:
        return validation_problem({"from": ["must not be after `to`"]})
    if (end - start).days >= MAX_TIMELINE_DAYS:
        return validation_problem({"from": [f"the range is at most {MAX_TIMELINE_DAYS} days"]})
    days = coach.timeline(current_user.id, start, end)
    return jsonify({"items": [today.assessment_payload(a, current_user.units) for a in days]})


@bp.put("/v1/tasks/<day>/<key>")
@login_required
def put_task(day: str, key: str) -> Response:
    errors: dict[str, list[str]] = {}
    try:
        parsed = parse_day(day)
    except ValueError:
        errors["date"] = [DATE_MESSAGE]
    else:
        if not in_range(parsed, today.local_today(current_user.timezone or "UTC")):
            errors["date"] = [RANGE_MESSAGE]
    if key not in TASK_KEYS:
        errors["key"] = [f"must be one of {', '.join(TASK_KEYS)}"]
    body = json_body()
    done = body.get("done") if isinstance(body, dict) else None
    if not isinstance(done, bool):
        errors["done"] = ["must be true or false"]
    if errors:
        return validation_problem(errors)
    today.set_task_done(current_user.id, parsed, key, bool(done))
    return jsonify({"date": parsed.isoformat(), "key": key, "done": done})


@bp.get("/v1/exercises")
@login_required
def get_exercises() -> Response:
    return jsonify({"items": [{**asdict(ex), "cues": list(ex.cues)} for ex in CATALOGUE]})
