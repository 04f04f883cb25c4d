"""The physio report as JSON, and the secret links that share it with a clinician."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, abort, jsonify, request
from flask_login import current_user, login_required

from runner_app.api import bp
from runner_app.api.http import date_param, json_body
from runner_app.links import public_url
from runner_app.services import report, report_links, today
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid


def report_range() -> report.Period:
    """`from` and `to` of the query (by default the 8 weeks before today); Invalid names each bad one."""
    now = today.local_today(current_user.timezone or "UTC")
    errors: dict[str, list[str]] = {}
    given: dict[str, date | None] = {}
    for name in ("from", "to"):
        try:
            given[name] = date_param(name, now) if request.args.get(name) else None
        except Invalid as exc:
            errors.update(exc.errors)
    if errors:
        raise Invalid(errors)
    return report.period(given["from"], given["to"], now)


def document_for(user: Any, span: report.Period) -> dict[str, Any]:
    """The report with the coach's sentences in the runner's units (numbers stay in metres)."""
    return report.build(user.id, span, user.units)


@bp.get("/v1/report")
@login_required
def get_report() -> Response:
    return jsonify(document_for(current_user, report_range()))


@bp.post("/v1/report/links")
@login_required
def post_report_link() -> Response:
    now = today.local_today(current_user.timezone or "UTC")
    new = report_links.make_link(current_user.id, json_body(), now)
    body = {
        **report_links.link_document(new.link, now),
        "url": public_url("report.shared", secret=new.secret),
    }
    response = jsonify(body)
    response.status_code = 201
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/v1/report/links")
@login_required
def get_report_links() -> Response:
    now = today.local_today(current_user.timezone or "UTC")
    items = [report_links.link_document(link, now) for link in report_links.links_of(current_user.id)]
    return jsonify({"items": items})


@bp.delete("/v1/report/links/<int:link_id>")
@login_required
def delete_report_link(link_id: int) -> Response:
    try:
        report_links.revoke(current_user.id, link_id)
    except NotFound:
        abort(404)
    return Response(status=204)
