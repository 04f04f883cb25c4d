"""Onboarding: tell the coach where you are (shown after sign-up, from Today's T7 task and in Settings)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.coach.text import metres_per_unit
from runner_app.services import profile
from runner_app.services.schemas import Invalid
from runner_app.services.today import local_today
from runner_app.web.durations import format_duration, parse_duration
from runner_app.web.formtools import attach_errors
from runner_app.web.profile.forms import ProfileForm

bp = Blueprint("profile", __name__)

_ALIASES = {
    "weekly_distance_m": "weekly",
    "longest_run_m": "longest",
    "recent_race": "race_time",
    "recent_race.duration_s": "race_time",
    "recent_race.distance_m": "race_distance",
    "recent_race.date": "race_date",
}


def _fill(form: ProfileForm, row: Any, units: str) -> None:
    per = metres_per_unit(units)
    form.units.data = units
    form.runs_per_week.data = row.runs_per_week
    form.weekly.data = round(row.weekly_distance_m / per, 1)
    form.longest.data = round(row.longest_run_m / per, 1) if row.longest_run_m is not None else None
    form.last_run_date.data = row.last_run_date
    form.usual_morning_pain.data = "" if row.usual_morning_pain is None else str(row.usual_morning_pain)
    if row.race_distance_m:
        form.race_distance.data = f"{row.race_distance_m:g}"
        form.race_time.data = format_duration(row.race_duration_s)
        form.race_date.data = row.race_date


def _payload(form: ProfileForm) -> tuple[dict[str, Any], dict[str, list[str]]]:
    units = form.units.data or "km"
    per = metres_per_unit(units)
    payload: dict[str, Any] = {
        "units": units,
        "runs_per_week": form.runs_per_week.data,
        "weekly_distance_m": round(float(form.weekly.data or 0) * per, 1),  # 0 only when refused above
        "longest_run_m": round(float(form.longest.data) * per, 1) if form.longest.data is not None else None,
        "last_run_date": form.last_run_date.data.isoformat() if form.last_run_date.data else None,
        "usual_morning_pain": int(form.usual_morning_pain.data) if form.usual_morning_pain.data else None,
    }
    errors: dict[str, list[str]] = {}
    if form.race_distance.data:
        race: dict[str, Any] = {"distance_m": float(form.race_distance.data)}
        try:
            race["duration_s"] = parse_duration(form.race_time.data or "")
        except ValueError as exc:
            errors["race_time"] = [str(exc)]
        if form.race_date.data is None:
            errors["race_date"] = ["give the race's date"]
        else:
            race["date"] = form.race_date.data.isoformat()
        payload["recent_race"] = race
    return payload, errors


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def edit() -> str | Response:
    form = ProfileForm()
    row = profile.profile_row(current_user.id)
    if not form.is_submitted() and row is not None:
        _fill(form, row, current_user.units)
    elif not form.is_submitted():
        form.units.data = current_user.units or "km"
    if form.is_submitted():
        valid = form.validate()
        payload, errors = _payload(form)
        attach_errors(form, errors)
        if valid and not errors:
            try:
                profile.put_profile(current_user, payload, local_today(current_user.timezone or "UTC"))
            except Invalid as exc:
                attach_errors(form, exc.errors, _ALIASES)
            else:
                flash("Thanks: the coach and the plan now start from where you are.", "success")
                return redirect(url_for("today.index"))
    return render_template("profile/edit.html", form=form, first_time=row is None)
