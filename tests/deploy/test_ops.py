"""The ops pieces in-process: the health check, the JSON request log, the backup command's refusals.

These need no subprocess and run in both CI passes (the backup tests on the pass's own database).
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from flask import Flask

from runner_app import create_app
from runner_app.extensions import db
from runner_app.ops.request_log import LOGGER_NAME, JsonLineFormatter
from tests.builders import UserFactory, new_id, run_body
from tests.conftest import test_config as base_config
from tests.deploy.stack import free_port
from tests.recorder import statements as sent_statements

ON_POSTGRES = bool(os.environ.get("TEST_DATABASE_URL"))


def test_healthz_answers_200_and_json_when_the_database_answers(app: Flask) -> None:
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json is not None and response.json["status"] == "ok"
    assert response.json["checks"] == {"database": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path: Path) -> None:
    closed = free_port()  # nothing listens there
    url = f"postgresql+psycopg://nobody:nothing@127.0.0.1:{closed}/none"
    broken = create_app(base_config(tmp_path, SQLALCHEMY_DATABASE_URI=url))
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "checks": {"database": "unreachable"}}


@pytest.fixture
def log_lines(tmp_path: Path) -> Iterator[tuple[Flask, io.StringIO]]:
    """An app with the request log on, its lines captured (a database is not needed for these requests)."""
    logged = create_app(base_config(tmp_path, REQUEST_LOG=True, SQLALCHEMY_DATABASE_URI="sqlite://"))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    try:
        yield logged, stream
    finally:
        logger.removeHandler(handler)


def _lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_logs_one_json_line_with_method_path_status_duration_and_id(
    log_lines: tuple[Flask, io.StringIO],
) -> None:
    logged, stream = log_lines
    client = logged.test_client()
    ok = client.get("/healthz")
    missing = client.get("/no/such/page")
    refused = client.post("/login", data={"email": "a@example.com"})  # no CSRF token: answered by a hook

    lines = _lines(stream)
    assert [(line["method"], line["path"], line["status"]) for line in lines] == [
        ("GET", "/healthz", 200),
        ("GET", "/no/such/page", 404),
        ("POST", "/login", 400),
    ]
    assert [line["request_id"] for line in lines] == [
        r.headers["X-Request-ID"] for r in (ok, missing, refused)
    ]
    assert len({line["request_id"] for line in lines}) == 3
    assert all(isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0 for line in lines)
    assert all(line["event"] == "request" and line["level"] == "info" for line in lines)


def test_a_sane_request_id_from_the_load_balancer_is_kept_and_a_bad_one_replaced(
    log_lines: tuple[Flask, io.StringIO],
) -> None:
    logged, stream = log_lines
    client = logged.test_client()
    kept = client.get("/healthz", headers={"X-Request-ID": "4f1c9a0e2b7d4c55"})
    replaced = client.get("/healthz", headers={"X-Request-ID": "no spaces <script>" + "x" * 200})

    assert kept.headers["X-Request-ID"] == "4f1c9a0e2b7d4c55"
    assert re.fullmatch(r"[0-9a-f]{32}", replaced.headers["X-Request-ID"])
    assert [line["request_id"] for line in _lines(stream)] == [
        "4f1c9a0e2b7d4c55",
        replaced.headers["X-Request-ID"],
    ]


def test_the_request_log_is_off_in_tests_unless_asked_for(app: Flask) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logging.getLogger(LOGGER_NAME).addHandler(handler)
    try:
        response = app.test_client().get("/healthz")
    finally:
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
    assert stream.getvalue() == ""
    assert response.headers["X-Request-ID"]


def test_a_new_run_costs_the_fewest_statements_and_its_log_line_names_the_runner_without_a_query(
    app: Flask, users: UserFactory, tmp_path: Path
) -> None:
    """The write path's budget: find the token's owner, advance the runner's write clock, insert the run, drop
    its cached days (on PostgreSQL the last three are one statement, one round trip). Logging the user id
    after the commit must not load the (expired) user again."""
    logged = create_app(
        base_config(tmp_path, REQUEST_LOG=True, SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"])
    )
    runner = users.create()
    token = users.token(runner)
    headers = {"Authorization": f"Bearer {token}"}
    client = logged.test_client()
    client.get("/api/v1/runs", headers=headers)  # the first use of a token stamps its last-used time
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLineFormatter())
    logging.getLogger(LOGGER_NAME).addHandler(handler)
    try:
        with sent_statements(logged) as seen:
            response = client.put(f"/api/v1/runs/{new_id()}", json=run_body(), headers=headers)
    finally:
        logging.getLogger(LOGGER_NAME).removeHandler(handler)
        with logged.app_context():
            db.engine.dispose()
    statements = [" ".join(statement.split()).upper() for statement in seen]

    assert response.status_code == 201
    verbs = [s.split()[0] for s in statements]
    if logged.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        assert verbs == ["SELECT", "WITH"], statements
        assert all(table in statements[1] for table in ("COACH_EPOCHS", "INSERT INTO RUNS", "COACH_DAYS"))
    else:
        assert verbs == ["SELECT", "INSERT", "INSERT", "DELETE"], statements
        # The token; the runner's write clock first (it takes their write lock); the run; the cache.
        assert "COACH_EPOCHS" in statements[1] and "RUNS" in statements[2] and "COACH_DAYS" in statements[3]
    assert [line["user_id"] for line in _lines(stream)] == [runner.id]


def test_unshared_rate_limits_are_warned_about_when_serving_but_not_for_a_flask_command(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    production = base_config(
        tmp_path, TESTING=False, SECRET_KEY="s" * 40, SQLALCHEMY_DATABASE_URI="sqlite://"
    )
    with caplog.at_level(logging.WARNING, logger="runner_app"):
        create_app(production)  # as gunicorn loads it
        served = [r.getMessage() for r in caplog.records]
        caplog.clear()
        with click.Context(click.Command("upgrade")):  # as `flask --app app db upgrade` loads it
            create_app(production)
        commanded = [r.getMessage() for r in caplog.records]
    assert any("REDIS_URL is not set" in message for message in served)
    assert not any("REDIS_URL" in message for message in commanded)


@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite pass backs up its SQLite database")
def test_backup_copies_the_sqlite_database_with_its_rows(
    app: Flask, users: UserFactory, tmp_path: Path
) -> None:
    users.create("kept@example.com")
    target = tmp_path / "copy.sqlite3"
    result = app.test_cli_runner().invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert "integrity ok" in result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT email FROM users").fetchall() == [("kept@example.com",)]


@pytest.mark.skipif(not ON_POSTGRES, reason="the PostgreSQL pass checks the refusal")
def test_backup_on_postgresql_refuses_and_points_at_pg_dump(app: Flask, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    result = app.test_cli_runner().invoke(args=["backup", str(target)])
    assert result.exit_code != 0
    assert "pg_dump" in result.output
    assert not target.exists()


def test_a_secret_in_a_path_is_masked_in_the_log(log_lines: tuple[Flask, io.StringIO]) -> None:
    logged, stream = log_lines
    with logged.app_context():
        db.create_all()
    secret = "cal_" + "s3cr3t" * 7
    assert logged.test_client().get(f"/plan/calendar/{secret}.ics").status_code == 404
    [line] = _lines(stream)
    assert line["path"] == "/plan/calendar/[secret].ics"
    assert secret not in stream.getvalue()
