"""The baselines for bench/deploy_throughput.py: bare Flask apps answering the same paths with the same JSON.

Without BENCH_ECHO_DB: no database, no auth. `PUT /api/v1/runs/<id>` echoes the body back (201) with the id;
`GET /api/v1/today` answers the document in the file named by BENCH_TODAY_JSON (a real `today` answer
captured by the bench).

With BENCH_ECHO_DB (a `sqlite:///path` or `postgresql://…` URL): the same, plus the least a durable API can
do, straight through the database driver (one connection per worker, no ORM, no auth): `PUT` inserts the
body as one row and commits before answering; `GET today` reads the document from one row.

    gunicorn -c gunicorn.conf.py --pythonpath bench deploy_echo:app
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS bench_echo_runs (id VARCHAR(36) PRIMARY KEY, body TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bench_echo_today (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",
)


class RawDatabase:
    """One DB-API connection for this process, opened on first use (after gunicorn forks)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn: Any = None
        self.mark = "?" if url.startswith("sqlite") else "%s"

    def connection(self) -> Any:
        if self.conn is None:
            if self.url.startswith("sqlite:///"):
                self.conn = sqlite3.connect(self.url.removeprefix("sqlite:///"), timeout=10)
                for pragma in ("journal_mode=WAL", "synchronous=NORMAL"):  # as the app sets them
                    self.conn.execute(f"PRAGMA {pragma}")
            else:
                import psycopg

                self.conn = psycopg.connect(self.url)
        return self.conn

    def run(self, statement: str, params: tuple[Any, ...] = ()) -> Any:
        conn = self.connection()
        cursor = conn.execute(statement.replace("?", self.mark), params)
        row = cursor.fetchone() if cursor.description else None
        conn.commit()
        return row

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


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
