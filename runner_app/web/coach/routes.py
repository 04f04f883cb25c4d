"""The coach's timeline (pain against the steps, week by week) and recording a clinician's clearance."""

from __future__ import annotations

import uuid

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug import Response
from wtforms import DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import InputRequired

from runner_app.services import coach_weeks, entries
from runner_app.services.schemas import Invalid
from runner_app.web.coach.chart import volume_pain_chart
from runner_app.web.filters import user_today
from runner_app.web.formtools import attach_errors

bp = Blueprint("coach", __name__, url_prefix="/coach")


class ClearanceForm(FlaskForm):
    id = HiddenField()
    date = DateField("Date of the visit", validators=[InputRequired("Give the date.")])
    by = SelectField(
        "Who cleared you", choices=[("physio", "Physio"), ("gp", "GP"), ("other", "Other clinician")]
    )
    notes = TextAreaField("What they said (optional)")


@bp.get("/")
@login_required
def index() -> str:
    rows = coach_weeks.weeks(current_user.id, until=user_today(), count=8)
    return render_template("coach/index.html", rows=rows, chart=volume_pain_chart(rows, current_user.units))


@bp.route("/clearance", methods=["GET", "POST"])
@login_required
def clearance() -> str | Response:
    form = ClearanceForm()
    if not form.is_submitted():
        form.date.data = user_today()
    if not form.id.data:
        form.id.data = str(uuid.uuid4())
    if form.validate_on_submit():
        payload = {"date": form.date.data.isoformat(), "by": form.by.data, "notes": form.notes.data or ""}
        try:
            entries.put_entry(current_user.id, "clearances", form.id.data, payload, None)
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            flash("Clearance recorded. The coach will bring you back stepwise.", "success")
            return redirect(url_for("today.index"))
    return render_template("coach/clearance.html", form=form)
