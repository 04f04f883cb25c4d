"""The baseline for bench/deploy_throughput.py: a bare Flask app answering the same paths with the same JSON.

`PUT /api/v1/runs/<id>` echoes the body back (201) with the id; `GET /api/v1/today` answers the document in
the file named by BENCH_TODAY_JSON (a real `today` answer captured by the bench). No database, no auth.

    gunicorn -c gunicorn.conf.py --pythonpath bench deploy_echo:app
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request


def create_echo_app(today_path: str | None) -> Flask:
    app = Flask(__name__)
    today: Any = json.loads(Path(today_path).read_text()) if today_path else {}

    @app.put("/api/v1/runs/<entry_id>")
    def put_run(entry_id: str) -> tuple[Response, int]:
        body = request.get_json()
        return jsonify({**body, "id": entry_id}), 201

    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify({"status": "ok"})

    @app.get("/api/v1/today")
    def get_today() -> Response:
        return jsonify(today)

    return app


app = create_echo_app(os.environ.get("BENCH_TODAY_JSON"))
