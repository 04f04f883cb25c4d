"""Entries by client-made UUID: PUT (create / replay / update), GET, DELETE (tombstone) and lists."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.errors import problem, validation_problem
from runner_app.api.http import entry_response, if_match_version, json_body, query_params
from runner_app.extensions import limiter
from runner_app.services import entries, run_import
from runner_app.services.entry_kinds import KIND_CONVERTER
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid

KIND = KIND_CONVERTER


def no_content() -> Response:
    """A 204 says nothing, not even a media type."""
    response = Response(status=204)
    del response.headers["Content-Type"]
    return response


def apply_op(
    user_id: int, method: str, kind: str, entry_id: str, body: Any, if_match: str | None
) -> Response:
    """One write, as the single route and each batch op answer it."""
    try:
        entries.parse_id(entry_id)
        if method == "DELETE":
            entries.delete_entry(user_id, kind, entry_id)
            return no_content()
        result = entries.put_entry(user_id, kind, entry_id, body, if_match)
    except Invalid as exc:
        return validation_problem(exc.errors)
    except NotFound:
        return problem(404, "Not Found", f"No such {kind} entry.")
    stored = entries.entry_to_dict(kind, result.entry)
    # 412 answers with the current stored entry (and its ETag), so the client can show both versions.
    return entry_response(stored, result.status)


@bp.put(f"/v1/{KIND}/<entry_id>")
@login_required
def put_entry(kind: str, entry_id: str) -> Response:
    return apply_op(current_user.id, "PUT", kind, entry_id, json_body(), if_match_version())


@bp.post("/v1/runs/import")
@limiter.limit(run_import.RATE_LIMIT)
@login_required
def import_run() -> Response:
    """A run from a watch's file (GPX, TCX or FIT) sent as the body; `kind` and `terrain` as query parameters
    (default easy, flat). The same file again answers 200 with the run it made the first time."""
    if (request.content_length or 0) > run_import.MAX_FILE_BYTES:
        return problem(413, "Content Too Large", f"At most {run_import.MAX_FILE_BYTES} bytes.")
    result = run_import.import_run(
        current_user.id,
        request.get_data(cache=False),
        kind=request.args.get("kind", "easy"),
        terrain=request.args.get("terrain", "flat"),
        timezone=current_user.timezone or "UTC",
    )
    return entry_response(entries.entry_to_dict("runs", result.entry), result.status)


@bp.delete(f"/v1/{KIND}/<entry_id>")
@login_required
def delete_entry(kind: str, entry_id: str) -> Response:
    return apply_op(current_user.id, "DELETE", kind, entry_id, None, None)


@bp.get(f"/v1/{KIND}/<entry_id>")
@login_required
def get_entry(kind: str, entry_id: str) -> Response:
    try:
        entry = entries.owned_entry(kind, current_user.id, entry_id)
    except NotFound:
        return problem(404, "Not Found", f"No such {kind} entry.")
    return entry_response(entries.entry_to_dict(kind, entry), 200)


@bp.get(f"/v1/{KIND}")
@login_required
def list_entries(kind: str) -> Response | tuple[Response, int]:
    params = query_params(("from", "to", "updated_since", "cursor", "limit"))
    page = entries.list_entries(
        current_user.id,
        kind,
        start=params.get("from"),
        end=params.get("to"),
        updated_since=params.get("updated_since"),
        cursor=params.get("cursor"),
        limit=params.get("limit", 50),
    )
    items = [entries.entry_to_dict(kind, e) for e in page.items]
    return jsonify({"items": items, "next_cursor": page.next_cursor})
