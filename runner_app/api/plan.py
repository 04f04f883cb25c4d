"""The plan: read, build (PUT), generate, import a CSV, list and edit sessions."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, jsonify, request
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.errors import problem, validation_problem
from runner_app.api.http import json_body, query_params
from runner_app.services import plan_generate, plans, today
from runner_app.services.errors import NotFound

MAX_CSV_BYTES = 512 * 1024


def _no_plan() -> Response:
    return problem(404, "Not Found", "No plan yet: PUT one, generate one or import a CSV.")


@bp.get("/v1/plan")
@login_required
def get_plan() -> Response:
    plan = plans.plan_of(current_user.id)
    return jsonify(plans.plan_dict(plan)) if plan else _no_plan()


@bp.put("/v1/plan")
@login_required
def put_plan() -> Response:
    plan = plans.build_plan(current_user.id, json_body(), current_user.units)
    return jsonify(plans.plan_dict(plan))


@bp.post("/v1/plan/generate")
@login_required
def generate_plan() -> Response:
    plan, extra = plan_generate.generate(
        current_user.id, json_body(), today.local_today(current_user.timezone or "UTC"), current_user.units
    )
    return jsonify({**plans.plan_dict(plan), **extra})


@bp.post("/v1/plan/import")
@login_required
def import_plan() -> Response:
    if request.mimetype not in {"text/csv", "text/plain"}:
        return problem(415, "Unsupported Media Type", "Send the CSV as text/csv.")
    data = request.get_data(cache=False)
    if len(data) > MAX_CSV_BYTES:
        return validation_problem({"csv": [f"at most {MAX_CSV_BYTES // 1024} kB"]})
    plan = plans.import_csv(current_user.id, data, request.args.get("race_name", ""))
    return jsonify(plans.plan_dict(plan))


@bp.get("/v1/plan/sessions")
@login_required
def list_sessions() -> Response:
    now = today.local_today(current_user.timezone or "UTC")
    params = query_params(("from", "to"))
    start = params.get("from", now - timedelta(days=now.weekday()))
    end = params.get("to", start + timedelta(days=6))
    if end < start or (end - start).days > 800:
        return validation_problem({"to": ["must be on or after `from`, at most 800 days later"]})
    rows = plans.session_rows(current_user.id, start, end)
    return jsonify({"items": [plans.session_dict(r, current_user.units) for r in rows]})


@bp.put("/v1/plan/sessions/<session_id>")
@login_required
def put_session(session_id: str) -> Response:
    try:
        row = plans.edit_session(current_user.id, session_id, json_body())
    except NotFound:
        return problem(404, "Not Found", "No such planned session.")
    return jsonify(plans.session_dict(row, current_user.units))
