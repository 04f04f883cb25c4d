"""Today first: what to do today and what has been logged."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.services import history
from runner_app.web.filters import user_today
from runner_app.web.history.routes import edit_url

bp = Blueprint("today", __name__)


@bp.get("/")
def home() -> Response:
    return redirect(url_for("today.index" if current_user.is_authenticated else "auth.login"))


@bp.get("/today")
@login_required
def index() -> str:
    day = user_today()
    week = history.weeks_of(current_user.id, until=day, count=1)[0]
    logged = [(kind, e) for kind, e in week.items if e.date == day]
    checked_in = any(kind == "pain" and e.context == "morning" for kind, e in logged)
    return render_template(
        "today/index.html", day=day, logged=logged, checked_in=checked_in, week=week, edit_url=edit_url
    )
