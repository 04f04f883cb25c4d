"""One JSON line per request on stderr: method, path, status, duration and a request id.

The id comes from the load balancer's `X-Request-ID` when it sends a sane one (nginx: `$request_id`), else it
is made here; either way it goes back in the response's `X-Request-ID`, so a runner's bug report can be
matched to the log line. Logging is on outside tests (`REQUEST_LOG=0|1` in the environment overrides).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, request
from sqlalchemy import inspect as sa_inspect

LOGGER_NAME = "runner_app.request"
REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class JsonLineFormatter(logging.Formatter):
    """A record as one JSON object: time, level, message, and the fields passed in `extra={"fields": …}`."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        line.update(getattr(record, "fields", {}))
        return json.dumps(line, separators=(",", ":"), default=str)


def request_logger() -> logging.Logger:
    """The request logger, with its own JSON-lines handler on stderr (attached once per process)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(getattr(h, "_runner_app_json", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLineFormatter())
        handler._runner_app_json = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False  # the root logger's plain-text handlers would print it twice
    return logger


def _incoming_id() -> str:
    raw = request.headers.get(REQUEST_ID_HEADER)
    return raw if raw and _SANE_ID.fullmatch(raw) else os.urandom(16).hex()  # as a uuid4's hex, for less


def _user_id(user: object) -> Any:
    """The signed-in user's id without a query: after a commit the user's attributes are expired, and
    reading `user.id` would load the row again just for the log line."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    identity = sa_inspect(user).identity
    return identity[0] if identity else None


def _loggable_path() -> str:
    """The path, a secret in it (a calendar link's) masked: logs are no place for credentials."""
    secret = (request.view_args or {}).get("secret")
    return request.path.replace(secret, "[secret]") if isinstance(secret, str) and secret else request.path


def install_request_log(app: Flask) -> None:
    enabled = bool(app.config.get("REQUEST_LOG", not app.testing))  # config.py reads REQUEST_LOG=0|1
    logger = request_logger() if enabled else None

    def _start() -> None:
        g.request_started = time.perf_counter()
        g.request_id = _incoming_id()

    # First of all before-request hooks, so a hook that answers early (CSRF, rate limit) is timed too.
    app.before_request_funcs.setdefault(None, []).insert(0, _start)

    @app.after_request
    def _finish(response: Response) -> Response:
        request_id = g.get("request_id") or _incoming_id()
        response.headers[REQUEST_ID_HEADER] = request_id
        if logger is not None and logger.isEnabledFor(logging.INFO):
            started = g.get("request_started")
            duration_ms = round((time.perf_counter() - started) * 1000, 2) if started else None
            # The record made directly: logger.info() would also look up the calling frame, unused here.
            record = logging.LogRecord(LOGGER_NAME, logging.INFO, __file__, 0, "request", None, None)
            record.fields = {
                "method": request.method,
                "path": _loggable_path(),
                "status": response.status_code,
                "duration_ms": duration_ms,
                "request_id": request_id,
                "remote_addr": request.remote_addr,
                "user_id": _user_id(g.get("_login_user")),  # only if this request already loaded it
            }
            logger.handle(record)
        return response
