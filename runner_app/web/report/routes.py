"""The physio report as a printable page and a PDF: for the signed-in runner, and for a clinician through a
secret link (no sign-in, no navigation to the rest of the app, never indexed)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.api.http import DATE_MESSAGE, in_range, parse_day
from runner_app.extensions import limiter
from runner_app.services import report, report_links, report_pdf
from runner_app.services.schemas import Invalid
from runner_app.services.today import local_today
from runner_app.web.coach.chart import volume_pain_chart
from runner_app.web.filters import user_today
from runner_app.web.report.view import chart_rows, location_lines, page_context

bp = Blueprint("report", __name__, url_prefix="/report")
bp.add_app_template_global(report.profile_line, "profile_line")
NOINDEX = "noindex, nofollow, noarchive"


def _asked_period() -> tuple[report.Period, dict[str, list[str]]]:
    """The signed-in runner's range from the query; on bad input the default range, and why."""
    today = user_today()
    errors: dict[str, list[str]] = {}
    given: dict[str, date | None] = {}
    for name in ("from", "to"):
        try:
            raw = request.args.get(name, "")
            given[name] = parse_day(raw) if raw else None
            if given[name] is not None and not in_range(given[name], today):  # type: ignore[arg-type]
                raise ValueError(raw)
        except ValueError:
            errors[name] = [DATE_MESSAGE]
            given[name] = None
    try:
        return report.period(given["from"], given["to"], today), errors
    except Invalid as exc:
        return report.period(None, None, today), {**errors, **exc.errors}


def _page(user: Any, span: report.Period, **extra: Any) -> dict[str, Any]:
    document = report.build(user.id, span, user.units)
    chart = volume_pain_chart(chart_rows(document), user.units)
    return page_context(document, user.units, chart=chart, locations=location_lines(document, chart), **extra)


@bp.get("/")
@login_required
def index() -> str:
    span, errors = _asked_period()
    context = _page(current_user, span, errors=errors, shared=False)
    return render_template("report/index.html", **context)


@bp.get("/pdf")
@login_required
def pdf() -> Response:
    span, errors = _asked_period()
    if errors:  # only a hand-made URL gets here: the page says what is wrong with its dates
        return redirect(url_for("report.index", **request.args))
    return _pdf_response(current_user, span, user_today())


@bp.get("/<secret>")
@limiter.limit("60 per minute")
def shared(secret: str) -> Response:
    found, span = _shared_or_404(secret)
    context = _page(
        found.owner,
        span,
        errors={},
        shared=True,
        secret=secret,
        link_expires=f"{found.link.expires_on:%-d %b %Y}",
    )
    response = Response(render_template("report/shared.html", **context), mimetype="text/html")
    return _private(response)


@bp.get("/<secret>.pdf")
@limiter.limit("60 per minute")
def shared_pdf(secret: str) -> Response:
    found, span = _shared_or_404(secret)
    return _pdf_response(found.owner, span, local_today(found.owner.timezone or "UTC"))


def _shared_or_404(secret: str) -> tuple[Any, report.Period]:
    """The live link a secret opens and the weeks it shows; a plain 404 for any other secret."""
    found = report_links.shared(secret)
    if found is None:
        abort(404)
    return found, report.Period(found.link.from_date, found.link.to_date)


def _pdf_response(user: Any, span: report.Period, today: date) -> Response:
    document = report.build(user.id, span, user.units)
    body = report_pdf.render(document, user.units, made_on=today)
    response = Response(body, mimetype="application/pdf")
    name = f"physio-report-{span.start.isoformat()}-to-{span.end.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return _private(response)


def _private(response: Response) -> Response:
    response.headers["X-Robots-Tag"] = NOINDEX
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


from runner_app.web.report import links  # noqa: E402,F401  (its routes register on bp)
