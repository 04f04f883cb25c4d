"""Today first: the coach's word for the day, alerts first, then the tasks in the order a runner does them."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug import Response

from runner_app.api.coach import TASK_KEYS
from runner_app.api.http import in_range
from runner_app.coach.model import Alert, Assessment
from runner_app.extensions import db
from runner_app.models import PainEntry
from runner_app.services import history, plans, shoes, today
from runner_app.services.errors import NotFound
from runner_app.services.schemas import parse_day
from runner_app.web.filters import user_today
from runner_app.web.history.routes import edit_url
from runner_app.web.today.run_card import pace_text, run_card

bp = Blueprint("today", __name__)

TASK_LINKS = {
    "profile": ("profile.edit", {}, "Tell the coach"),
    "checkin": ("log.entry", {"kind": "pain", "context": "morning"}, "Log check-in"),
    "run": ("log.run", {}, "Log the run"),
    "post_run_checkin": ("log.entry", {"kind": "pain", "context": "after_run"}, "Log how it feels"),
    "strength": ("log.entry", {"kind": "strength"}, "Log strength"),
    "cross_training": ("log.entry", {"kind": "cross-training"}, "Log cross-training"),
}
STATE_WORDS = {
    "green": "Green: train as planned",
    "amber": "Amber: ease off",
    "red": "Red: no running today",
    "refer_urgent": "Stop: see a clinician today",
}
GREEN_WITH_STEPS = "Green: train, with the coach's steps below"  # a good day while a step still holds
GREEN_WITH_WARNING = "Green: train, minding the warning above"  # a good day, but today's run is a spike


GREEN_WITHOUT_PLAN = "Green: good to run today"  # nothing planned to train "as planned"
NO_CHECKIN_YET = "No check-in yet: tell the coach how you feel this morning"


def headline(
    assessment: Assessment, run_alerts: Sequence[Alert] = (), has_plan: bool = True, checked_in: bool = True
) -> str:
    if assessment.state == "green" and not checked_in:
        return NO_CHECKIN_YET  # "Green" would be a guess: the coach has no morning pain to go on
    if assessment.state == "green" and assessment.rungs:
        return GREEN_WITH_STEPS
    if assessment.state == "green" and run_alerts:
        return GREEN_WITH_WARNING
    if assessment.state == "green" and not has_plan:
        return GREEN_WITHOUT_PLAN
    return STATE_WORDS[assessment.state]


def task_link(key: str, prescribed: dict[str, object]) -> tuple[str, str]:
    """Where a task's "Log it" goes, and its label. The run is logged as the session it stands for: its kind
    (as the coach prescribed it) and the planned session it fulfils."""
    endpoint, args, label = TASK_LINKS[key]
    if key == "run" and prescribed.get("session_id"):
        args = {"kind": prescribed.get("kind"), "planned_session_id": prescribed["session_id"]}
        label = "Log differently"  # beside "Done as planned"
    return url_for(endpoint, **args), label


@bp.get("/")
def home() -> Response:
    return redirect(url_for("today.index" if current_user.is_authenticated else "auth.login"))


@bp.get("/today")
@login_required
def index() -> str:
    day = user_today()
    view = today.today_view(current_user.id, day)
    week = history.weeks_of(current_user.id, until=day, count=1)[0]
    logged = [(kind, e) for kind, e in week.items if e.date == day]
    links = {t.key: task_link(t.key, t.prescribed) for t in view.tasks if t.key in TASK_LINKS}
    units = str(current_user.units or "km")
    run = next((t for t in view.tasks if t.key == "run"), None)
    card = run_card(run.prescribed, units, day.isoformat()) if run else None
    checked_in = _ever_checked_in()
    if card:  # "Log differently": the run form with the planned run filled in, to correct what differed
        prefill = {k: v for k, v in card.fields.items() if k != "date"}
        links["run"] = (url_for("log.run", **prefill), "Log differently")
    return render_template(
        "today/index.html",
        day=day,
        view=view,
        a=view.assessment,
        logged=logged,
        week=week,
        edit_url=edit_url,
        headline=headline(
            view.assessment, view.run_alerts, has_plan=view.prompt is None, checked_in=checked_in
        ),
        checked_in=checked_in,
        task_links=links,
        card=card,
        units=units,
        pace_text=pace_text,
        logged_runs=[e for kind, e in logged if kind == "runs"],
        check_form=FlaskForm(),
        worn=[m for m in shoes.mileage(current_user.id, include_retired=False) if m.due],
    )


def _ever_checked_in() -> bool:
    stmt = select(PainEntry.id).where(
        PainEntry.user_id == current_user.id, PainEntry.context == "morning", PainEntry.deleted.is_(False)
    )
    return db.session.scalars(stmt.limit(1)).first() is not None


@bp.post("/today/tasks/<key>")
@login_required
def check_task(key: str) -> Response:
    form = FlaskForm()
    if key not in TASK_KEYS or not form.validate_on_submit():
        abort(400)
    try:
        day = parse_day(request.form.get("date", ""))
    except ValueError:
        abort(400)
    if not in_range(day, user_today()):  # the days PUT /api/v1/tasks takes
        abort(400)
    today.set_task_done(current_user.id, day, key, request.form.get("done") == "1")
    return redirect(url_for("today.index") + f"#task-{key}")


@bp.post("/today/runs/<session_id>/override")
@login_required
def override_spike(session_id: str) -> Response:
    """Run today's planned run at its planned distance although S2 refuses it, or take the coach's again."""
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        plans.override_spike(current_user.id, session_id, request.form.get("override") == "1")
    except NotFound:
        abort(404)
    return redirect(url_for("today.index") + "#task-run")
