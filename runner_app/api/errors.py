"""One error format for the API: application/problem+json (RFC 9457). The app-wide handlers that answer
with it on API paths live in `runner_app.error_handlers`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from werkzeug import Response

PROBLEM_TYPE = "about:blank"


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    errors: dict[str, list[str]] | None = None,
    **extra: Any,
) -> Response:
    body: dict[str, Any] = {"type": PROBLEM_TYPE, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    body.update(extra)
    response = jsonify(body)
    response.status_code = status
    response.mimetype = "application/problem+json"
    return response


def validation_problem(errors: dict[str, list[str]]) -> Response:
    fields = ", ".join(sorted(errors))
    return problem(422, "Invalid input", f"These fields need attention: {fields}.", errors)


def answer_bad_input_as_problems(bp: Blueprint) -> None:
    """A route raises; the runner gets a problem: 400/415 for a body that is not JSON, 422 naming every bad
    field for input that is (routes then need no try/except of their own for either)."""
    from runner_app.api.http import BadBody
    from runner_app.services.schemas import Invalid

    @bp.errorhandler(BadBody)
    def _bad_body(exc: BadBody) -> Response:
        return problem(exc.status, exc.title, exc.detail)

    @bp.errorhandler(Invalid)
    def _invalid(exc: Invalid) -> Response:
        return validation_problem(exc.errors)
