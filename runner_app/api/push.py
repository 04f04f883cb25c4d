"""Web Push subscriptions: `GET /api/v1/push/key`, `POST|DELETE /api/v1/push/subscription`."""

from __future__ import annotations

from flask import jsonify
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.api import bp
from runner_app.api.errors import problem
from runner_app.api.http import json_body
from runner_app.services import push, push_keys


@bp.get("/v1/push/key")
@login_required
def push_key() -> Response:
    """The server's public VAPID key, for `pushManager.subscribe({applicationServerKey})`."""
    return jsonify({"application_server_key": push_keys.application_server_key()})


@bp.post("/v1/push/subscription")
@login_required
def subscribe() -> Response:
    done = push.subscribe(current_user.id, json_body())
    row = done.row
    response = jsonify(
        {
            "endpoint": row.endpoint,
            "created_at": row.created_at.isoformat(),
            "moved_from_another_account": done.moved,
        }
    )
    response.status_code = 201 if done.created else 200
    return response


@bp.delete("/v1/push/subscription")
@login_required
def unsubscribe() -> Response:
    if not push.unsubscribe(current_user.id, json_body()):
        return problem(404, "Not Found", "You have no reminder subscription with this endpoint.")
    return Response(status=204)
