"""POST /api/v1/sync: many writes in one request, each applied and answered as if sent alone."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Response, jsonify
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.entries import apply_op
from runner_app.api.errors import validation_problem
from runner_app.api.http import json_body
from runner_app.services import entries
from runner_app.services.entry_kinds import KINDS
from runner_app.services.schemas import NUL_MESSAGE, nul_fields

MAX_OPS = 500
OP_PATH = re.compile(rf"^/({'|'.join(map(re.escape, KINDS))})/([^/]+)$")


def _op_result(user_id: int, op: Any) -> dict[str, Any]:
    if not isinstance(op, dict):
        return _problem_result(422, {"op": ["must be an object with method, path and body"]})
    errors: dict[str, list[str]] = {}
    method = op.get("method")
    if method not in {"PUT", "DELETE"}:
        errors["method"] = ["must be PUT or DELETE"]
    match = OP_PATH.match(op.get("path") or "") if isinstance(op.get("path"), str) else None
    if match is None:
        errors["path"] = [f"must look like /<kind>/<id>, the kind one of {', '.join(KINDS)}"]
    if_match = op.get("if_match")
    if if_match is not None and not isinstance(if_match, str | int):
        errors["if_match"] = ["must be a version string"]
    if isinstance(op.get("path"), str) and "\x00" in op["path"]:
        errors["path"] = [NUL_MESSAGE]
    for name in nul_fields(op.get("body")):  # PostgreSQL cannot store it: this op is refused, not the batch
        errors[name] = [NUL_MESSAGE]
    if errors or match is None:
        return _problem_result(422, errors)
    response = apply_op(
        user_id,
        str(method),
        match.group(1),
        match.group(2),
        op.get("body"),
        None if if_match is None else str(if_match).removeprefix("W/").strip('"'),
    )
    body = json.loads(response.get_data()) if response.status_code != 204 else None
    return {"status": response.status_code, "body": body}


def _problem_result(status: int, errors: dict[str, list[str]]) -> dict[str, Any]:
    return {"status": status, "body": json.loads(validation_problem(errors).get_data())}


@bp.post("/v1/sync")
@login_required
def sync() -> Response:
    payload = json_body()
    ops = payload.get("ops") if isinstance(payload, dict) else None
    if not isinstance(ops, list):
        return validation_problem({"ops": ["must be a list of operations"]})
    if len(ops) > MAX_OPS:
        return validation_problem({"ops": [f"at most {MAX_OPS} operations per request"]})
    with entries.batch(current_user.id):
        results = [_op_result(current_user.id, op) for op in ops]
    return jsonify({"results": results})
