"""One error format for the API: application/problem+json (RFC 9457)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, jsonify
from flask_wtf.csrf import CSRFError
from werkzeug import Response
from werkzeug.exceptions import HTTPException

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


def register_api_errors(app: Flask, prefix: str = "/api/") -> None:
    """Problem responses for API paths; HTML pages keep their templates."""
    from flask import request

    from runner_app.web.errors import render_error_page

    @app.errorhandler(CSRFError)
    def _csrf(exc: CSRFError) -> Response | tuple[str, int]:
        if request.path.startswith(prefix):
            return problem(400, "CSRF token missing or invalid", exc.description)
        return render_error_page(400, "This form expired. Go back, reload the page and send it again.")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response | tuple[str, int]:
        status = exc.code or 500
        if request.path.startswith(prefix):
            response = problem(status, exc.name, exc.description)
            if status == 405 and exc.get_response().headers.get("Allow"):
                response.headers["Allow"] = exc.get_response().headers["Allow"]
            if status == 429:
                response.headers.update(
                    {k: v for k, v in exc.get_response().headers.items() if k.lower().startswith("retry")}
                )
            return response
        return render_error_page(status, exc.description or exc.name)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response | tuple[str, int]:
        app.logger.exception("unhandled error", exc_info=exc)
        if request.path.startswith(prefix):
            return problem(
                500, "Internal Server Error", "Something went wrong on our side; nothing was lost."
            )
        return render_error_page(500, "Something went wrong on our side. What you logged is safe.")
