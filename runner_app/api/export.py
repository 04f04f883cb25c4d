"""Take everything away: the whole account as JSON, or one kind of entry as CSV."""

from __future__ import annotations

import json

from flask import Response
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.entries import KIND
from runner_app.services import export, today


def _download(body: str, mimetype: str, stem: str, extension: str) -> Response:
    """An attachment named after the runner's today; private data, so no cache keeps a copy."""
    day = today.local_today(current_user.timezone or "UTC").isoformat()
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="runner-{stem}-{day}.{extension}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/v1/export")
@login_required
def export_all() -> Response:
    document = export.document(current_user)
    return _download(json.dumps(document, ensure_ascii=False, indent=1), "application/json", "export", "json")


@bp.get(f"/v1/export/{KIND}.csv")
@login_required
def export_csv(kind: str) -> Response:
    return _download(export.csv_text(current_user.id, kind), "text/csv", kind, "csv")
