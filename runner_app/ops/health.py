"""`GET /healthz`: is this instance able to serve? It is if it can reach its database.

A load balancer takes an instance out of rotation on 503. The check is one `SELECT 1` (the pool's pre-ping
reconnects a stale connection first), and it needs no sign-in.
"""

from __future__ import annotations

import logging
import time

from flask import Blueprint, Response, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from runner_app.extensions import db

bp = Blueprint("ops", __name__)
log = logging.getLogger(__name__)


@bp.get("/healthz")
def healthz() -> Response:
    started = time.perf_counter()
    try:
        db.session.execute(text("SELECT 1"))
        db.session.rollback()
    except SQLAlchemyError as exc:
        db.session.rollback()
        log.warning("health check: database unreachable: %s", type(exc).__name__)
        response = jsonify({"status": "unavailable", "checks": {"database": "unreachable"}})
        response.status_code = 503
    else:
        elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
        response = jsonify({"status": "ok", "checks": {"database": "ok"}, "database_ms": elapsed_ms})
    response.headers["Cache-Control"] = "no-store"
    return response
