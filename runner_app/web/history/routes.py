"""History: everything logged, a week at a time, newest first; each entry editable and deletable."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.services import entries, history, run_totals
from runner_app.services.errors import NotFound
from runner_app.services.schemas import EARLIEST_DATE, LATEST_DATE, parse_day, parse_month
from runner_app.web.filters import user_today
from runner_app.web.history.chart import bar_chart
from runner_app.web.log.forms import DeleteForm

bp = Blueprint("history", __name__, url_prefix="/history")

EDIT_ENDPOINTS = {
    "runs": ("log.run", {}),
    "pain": ("log.entry", {"kind": "pain"}),
    "strength": ("log.entry", {"kind": "strength"}),
    "cross-training": ("log.entry", {"kind": "cross-training"}),
}


def edit_url(kind: str, entry_id: Any) -> str:
    endpoint, extra = EDIT_ENDPOINTS[kind]
    return url_for(endpoint, entry_id=str(entry_id), **extra)


@bp.get("/")
@login_required
def index() -> tuple[str, int]:
    kind = request.args.get("kind") if request.args.get("kind") in EDIT_ENDPOINTS else None
    month_error = None
    if request.args.get("month"):
        try:
            return _month_page(kind, *parse_month(request.args["month"]))
        except ValueError as error:
            month_error = f"Month {error}."
    try:
        until = parse_day(request.args.get("until", ""))
    except ValueError:
        until = user_today()
    weeks = history.weeks_of(current_user.id, until=until, count=4)
    older = weeks[-1].start - timedelta(days=1) if weeks else None
    page = render_template(
        "history/index.html", weeks=weeks, older=older, edit_url=edit_url, kind=kind, month_error=month_error
    )
    return page, 422 if month_error else 200


def _month_page(kind: str | None, first: date, last: date) -> tuple[str, int]:
    """The weeks of one month, holding only that month's entries, with links to the months either side."""
    count = (last - timedelta(days=last.weekday()) - (first - timedelta(days=first.weekday()))).days // 7 + 1
    weeks = history.weeks_of(current_user.id, until=last, count=count, since=first)
    earlier = (first - timedelta(days=1)).strftime("%Y-%m") if first > EARLIEST_DATE else None
    later = (last + timedelta(days=1)).strftime("%Y-%m") if last < LATEST_DATE else None
    page = render_template(
        "history/index.html",
        weeks=weeks,
        edit_url=edit_url,
        kind=kind,
        month=first,
        earlier=earlier,
        later=later,
    )
    return page, 200


LABELS = {"week": "%-d %b", "month": "%b", "year": "%Y"}
COUNTS = {"week": 8, "month": 6, "year": 4}


@bp.get("/totals")
@login_required
def totals_page() -> str:
    """Weekly, monthly or yearly totals of distance, time and runs, with a chart."""
    period = request.args.get("period", "week")
    if period not in run_totals.PERIODS:
        period = "week"
    rows = run_totals.totals(current_user.id, period, user_today(), COUNTS[period])  # type: ignore[arg-type]
    labels = [r.start.strftime(LABELS[period]) for r in rows]
    units = str(current_user.units or "km")
    return render_template(
        "history/totals.html",
        period=period,
        rows=list(zip(rows, labels, strict=True)),
        chart=bar_chart(rows, labels, units),
    )


@bp.route("/<any(runs, pain, strength, 'cross-training'):kind>/<entry_id>/delete", methods=["GET", "POST"])
@login_required
def delete(kind: str, entry_id: str) -> str | Response:
    try:
        entry = entries.owned_entry(kind, current_user.id, entry_id)
    except NotFound:
        abort(404)
    form = DeleteForm()
    if form.validate_on_submit():
        entries.delete_entry(current_user.id, kind, entry_id)
        flash(f"{entries.entry_kind(kind).label.capitalize()} deleted.", "info")
        return redirect(url_for("history.index"))
    return render_template(
        "history/delete.html", form=form, kind=kind, entry=entry, label=entries.entry_kind(kind).label
    )
