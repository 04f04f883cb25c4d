"""The app's error handlers, registered once by `create_app`: API paths answer application/problem+json,
pages render the HTML error template. Each layer keeps its own format; this module is the one place that
chooses between them, so neither the API nor the pages import the other for it."""

from __future__ import annotations

from flask import Flask, request
from flask_wtf.csrf import CSRFError
from werkzeug import Response
from werkzeug.exceptions import HTTPException

from runner_app.api.errors import problem
from runner_app.web.errors import render_error_page

API_PREFIX = "/api/"


def register_error_handlers(app: Flask, prefix: str = API_PREFIX) -> None:
    """Problem responses for API paths; HTML pages keep their templates."""

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
