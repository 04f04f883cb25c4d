"""The runner profile: `GET|PUT /api/v1/profile` (api.md, "Runner profile")."""

from __future__ import annotations

from flask import Response, jsonify
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.errors import problem
from runner_app.api.http import json_body
from runner_app.services import profile, today


@bp.get("/v1/profile")
@login_required
def get_profile() -> Response:
    row = profile.profile_row(current_user.id)
    if row is None:
        return problem(404, "Not Found", "No profile yet: PUT one (runs a week and weekly distance).")
    return jsonify(profile.profile_dict(row, current_user.units))


@bp.put("/v1/profile")
@login_required
def put_profile() -> Response:
    row, created = profile.put_profile(
        current_user, json_body(), today.local_today(current_user.timezone or "UTC")
    )
    response = jsonify(profile.profile_dict(row, current_user.units))
    response.status_code = 201 if created else 200
    return response
