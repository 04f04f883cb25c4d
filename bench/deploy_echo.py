"""The baselines for bench/deploy_throughput.py: bare Flask apps answering the same paths with the same JSON.

Without BENCH_ECHO_DB: no database, no auth. `PUT /api/v1/runs/<id>` echoes the body back (201) with the id;
`GET /api/v1/today` answers the document in the file named by BENCH_TODAY_JSON (a real `today` answer
captured by the bench).

With BENCH_ECHO_DB (a `sqlite:///path` or `postgresql://…` URL): the same, plus the least a durable API can
do, through the app's driver and connection pool (no ORM, no auth): `PUT` inserts the
body as one row and commits before answering; `GET today` reads the document from one row.

    gunicorn -c gunicorn.conf.py --pythonpath bench deploy_echo:app
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS bench_echo_runs (id VARCHAR(36) PRIMARY KEY, body TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bench_echo_today (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
)


class RawDatabase:
    """The app's driver and pool: a SQLAlchemy engine made as the app makes it (psycopg 3 and the app's
    pool settings on PostgreSQL, sqlite3 with the app's pragmas), created on first use (after gunicorn
    forks). Statements go straight to the driver (`exec_driver_sql`): no ORM, no statement building."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Any = None
        self.mark = "?" if url.startswith("sqlite") else "%s"

    def connection(self) -> Any:
        if self.engine is None:
            from sqlalchemy import create_engine, event

            url = self.url.replace("postgresql://", "postgresql+psycopg://", 1)
            if url.startswith("postgresql"):
                from runner_app.config import postgres_pool

                options = postgres_pool(os.environ)
                self.engine = create_engine(url, **options)
                if not options.get("pool_pre_ping"):  # as create_app does
                    from runner_app.pool import ping_when_idle

                    ping_when_idle(self.engine, float(os.environ.get("DB_PING_IDLE_S", "10")))
            else:
                self.engine = create_engine(url)
            if url.startswith("sqlite"):

                @event.listens_for(self.engine, "connect")
                def _pragmas(dbapi_connection: Any, _record: Any) -> None:
                    for pragma in ("journal_mode=WAL", "busy_timeout=10000", "synchronous=NORMAL"):
                        dbapi_connection.execute(f"PRAGMA {pragma}")  # as the app sets them

        return self.engine.connect()

    def run(self, statement: str, params: tuple[Any, ...] = ()) -> Any:
        with self.connection() as conn:
            result = conn.exec_driver_sql(statement.replace("?", self.mark), params)
            row = result.fetchone() if result.returns_rows else None
            conn.commit()
        return row

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None


def prepare_database(url: str, today_json: str) -> None:
    """Make the baseline's two tables, holding the `today` document (the bench calls this once, before the
    workers start)."""
    database = RawDatabase(url)
    for statement in SCHEMA:
        database.run(statement)
    database.run("DELETE FROM bench_echo_today")
    database.run("INSERT INTO bench_echo_today (id, body) VALUES (1, ?)", (today_json,))
    database.close()


def create_echo_app(today_path: str | None, database_url: str | None = None) -> Flask:
    app = Flask(__name__)
    today_json = Path(today_path).read_text() if today_path else "{}"
    today: Any = json.loads(today_json)
    database = RawDatabase(database_url) if database_url else None

    @app.put("/api/v1/runs/<entry_id>")
    def put_run(entry_id: str) -> tuple[Response, int]:
        body = request.get_json()
        if database is not None:
            database.run("INSERT INTO bench_echo_runs (id, body) VALUES (?, ?)", (entry_id, json.dumps(body)))
        return jsonify({**body, "id": entry_id}), 201

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify({"status": "ok"})

    @app.get("/api/v1/today")
    def get_today() -> Response:
        if database is not None:
            return jsonify(json.loads(database.run("SELECT body FROM bench_echo_today WHERE id = 1")[0]))
        return jsonify(today)

    return app


app = create_echo_app(os.environ.get("BENCH_TODAY_JSON"), os.environ.get("BENCH_ECHO_DB"))
