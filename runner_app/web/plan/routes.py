"""The plan: this week and the whole plan (planned against done, the coach's changes beside the original);
build, generate or import one; edit or move any session."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.extensions import limiter
from runner_app.planning.plans.paces import PaceRange, pace_text
from runner_app.services import calendar, plan_generate, plan_view, plans
from runner_app.services.errors import NotFound
from runner_app.services.plan_goal import goal_note
from runner_app.services.schemas import Invalid, parse_day
from runner_app.services.today import local_today
from runner_app.web.durations import parse_duration
from runner_app.web.filters import metres_per_unit, user_today
from runner_app.web.formtools import attach_errors
from runner_app.web.plan.chart import ChartWeek, plan_chart
from runner_app.web.plan.forms import BuildForm, GenerateForm, ImportForm, SessionForm

bp = Blueprint("plan", __name__, url_prefix="/plan")


def replacing() -> str | None:
    """On the pages that make a new plan: what making one throws away, said before the runner submits."""
    plan = plans.plan_of(current_user.id)
    if plan is None:
        return None
    name = plan.race_name or "your current plan"
    edited = plans.edited_sessions(current_user.id)
    also = f", including the {edited} session{'s' if edited != 1 else ''} you edited" if edited else ""
    return f"This replaces {name} (race on {plan.race_date:%a %-d %b %Y}){also}."


@bp.get("/calendar/<secret>.ics")
@limiter.limit("60 per minute")
def calendar_feed(secret: str) -> Response:
    """The plan for a calendar app: no sign-in, the secret link is the credential (Settings makes it)."""
    owner = calendar.owner_of(secret)
    if owner is None:
        abort(404)
    body = calendar.plan_ics(owner, local_today(owner.timezone or "UTC"))
    response = Response(body, mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, max-age=900"
    return response


def _per_unit() -> float:
    return metres_per_unit(current_user.units)


@bp.get("/")
@login_required
def index() -> str:
    today = user_today()
    plan = plans.plan_of(current_user.id)
    try:
        start = parse_day(request.args.get("week", ""))
    except ValueError:
        start = max(today, plan.start_date) if plan else today
    weeks = plan_view.weeks(current_user.id, today, start, 1) if plan else []
    return render_template(
        "plan/index.html",
        plan=plan,
        weeks=weeks,
        today=today,
        prev=start - timedelta(days=7),
        next=start + timedelta(days=7),
    )


@bp.get("/all")
@login_required
def whole() -> str | Response:
    plan = plans.plan_of(current_user.id)
    if plan is None:
        return redirect(url_for("plan.index"))
    weeks = plan_view.all_weeks(current_user.id, user_today())
    rows = [
        ChartWeek(
            w.start,
            w.phase or "",
            w.planned_m,
            max((d.planned.distance_m for d in w.days if d.planned and d.planned.kind == "long"), default=0),
        )
        for w in weeks
    ]
    chart = plan_chart(rows, _per_unit(), current_user.units)
    goal = goal_note(plan.goal_duration_s, plan.predicted_race_s)
    return render_template(
        "plan/all.html", plan=plan, weeks=weeks, today=user_today(), chart=chart, goal_note=goal
    )


@bp.app_template_filter("pace")
def pace_filter(pace: PaceRange | dict[str, float] | None) -> str:
    """A pace range in the runner's units, "5:56-6:38/km"; "" when the session goes by effort."""
    if pace is None:
        return ""
    if isinstance(pace, dict):
        pace = PaceRange(pace["min_s_per_km"], pace["max_s_per_km"])
    return pace_text(pace, current_user.units if current_user.is_authenticated else "km")


@bp.route("/generate", methods=["GET", "POST"])
@login_required
def generate() -> str | Response:
    form = GenerateForm()
    alternatives: list[dict[str, object]] = []
    if form.validate_on_submit():
        payload = _generate_payload(form)
        if payload is not None:
            try:
                _, extra = plan_generate.generate(current_user.id, payload, user_today(), current_user.units)
            except Invalid as exc:
                aliases = {
                    "weekly_m": "weekly",
                    "race_distance_m": "race_distance",
                    "runs_per_week": "days_per_week",
                    "recent_race.date": "recent_race_date",
                    "recent_race.duration_s": "recent_race_time",
                    "recent_race": "recent_race_time",
                    "goal_duration_s": "goal_time",
                }
                attach_errors(form, exc.errors, aliases)
            else:
                flash("Plan made. The coach bends it day by day when your body asks.", "success")
                for warning in extra["warnings"]:
                    flash(warning["reason"], "info")
                if not extra["alternatives"]:
                    return redirect(url_for("plan.index"))
                alternatives = extra["alternatives"]
    return render_template("plan/generate.html", form=form, replacing=replacing(), alternatives=alternatives)


def _generate_payload(form: GenerateForm) -> dict[str, object] | None:
    """The API's body from the form; None (the message beside the field) when the race time is no time."""
    payload: dict[str, object] = {
        "race_name": form.race_name.data or None,
        "race_date": form.race_date.data.isoformat(),
        "race_distance_m": float(form.race_distance.data),
        "runs_per_week": int(form.days_per_week.data),
        "long_run_day": int(form.long_run_day.data),
        "rest_days": [int(d) for d in form.rest_days.data or []],
        "strength_days": [int(d) for d in form.strength_days.data or []],
    }
    if form.weekly.data is not None:
        payload["weekly_m"] = float(form.weekly.data) * _per_unit()
    if form.goal_time.data:
        try:
            payload["goal_duration_s"] = parse_duration(form.goal_time.data)
        except ValueError as error:
            form.goal_time.errors = [str(error)]
            return None
    if form.recent_race_distance.data:
        try:
            duration = parse_duration(form.recent_race_time.data or "")
        except ValueError as error:
            form.recent_race_time.errors = [str(error)]
            return None
        if form.recent_race_date.data is None:
            form.recent_race_date.errors = ["Give the date of the race."]
            return None
        payload["recent_race"] = {
            "distance_m": float(form.recent_race_distance.data),
            "duration_s": duration,
            "date": form.recent_race_date.data.isoformat(),
        }
    return payload


@bp.route("/build", methods=["GET", "POST"])
@login_required
def build() -> str | Response:
    form = BuildForm()
    if not form.is_submitted():
        form.start_date.data = user_today()
    if form.validate_on_submit():
        try:
            targets = [float(x) * _per_unit() for x in (form.targets.data or "").replace(",", " ").split()]
        except ValueError:
            form.targets.errors = ["Write the weekly distances as numbers separated by spaces."]
        else:
            payload = {
                "race_name": form.race_name.data or "",
                "race_date": form.race_date.data.isoformat(),
                "race_distance_m": float(form.race_distance.data),
                "start_date": form.start_date.data.isoformat(),
                "template": [getattr(form, f"day{i}").data for i in range(7)],
                "weekly_targets_m": targets,
                "long_run_day": next((i for i in range(7) if getattr(form, f"day{i}").data == "long"), 6),
                "strength_days": [int(d) for d in form.strength_days.data or []],
            }
            try:
                plans.build_plan(current_user.id, payload, current_user.units)
            except Invalid as exc:
                attach_errors(
                    form, exc.errors, {"weekly_targets_m": "targets", "template": "day0", "body": "race_date"}
                )
            else:
                flash("Plan saved.", "success")
                return redirect(url_for("plan.index"))
    return render_template("plan/build.html", form=form, replacing=replacing())


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_csv() -> str | Response:
    form = ImportForm()
    if form.validate_on_submit():
        data = form.file.data.read(512 * 1024 + 1)
        try:
            if len(data) > 512 * 1024:
                raise Invalid({"file": ["is larger than 512 kB"]})
            plans.import_csv(current_user.id, data, form.race_name.data or "")
        except Invalid as exc:
            form.file.errors = [f"{key}: {', '.join(msgs)}" for key, msgs in exc.errors.items()]
        else:
            flash("Plan imported.", "success")
            return redirect(url_for("plan.index"))
    return render_template("plan/import.html", form=form, replacing=replacing())


@bp.route("/sessions/<session_id>", methods=["GET", "POST"])
@login_required
def edit_session(session_id: str) -> str | Response:
    try:
        row = plans.owned_session(current_user.id, session_id)
    except NotFound:
        abort(404)
    form = SessionForm()
    if not form.is_submitted():
        form.date.data, form.kind.data, form.notes.data = row.date, row.kind, row.notes
        form.distance.data = round(row.distance_m / _per_unit(), 2)  # type: ignore[assignment]
        form.duration_min.data = row.duration_s // 60 if row.duration_s else None
    if form.validate_on_submit():
        payload = {
            "date": form.date.data.isoformat(),
            "kind": form.kind.data,
            "distance_m": round(float(form.distance.data or 0) * _per_unit(), 1),
            "duration_s": form.duration_min.data * 60 if form.duration_min.data else None,
            "notes": form.notes.data or "",
        }
        try:
            plans.edit_session(current_user.id, session_id, payload)
        except Invalid as exc:
            attach_errors(form, exc.errors, {"distance_m": "distance", "duration_s": "duration_min"})
        else:
            flash("Session saved.", "success")
            return redirect(url_for("plan.index", week=form.date.data.isoformat()))
    return render_template("plan/session.html", form=form, session=row)
