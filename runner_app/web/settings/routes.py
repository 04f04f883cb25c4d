"""Settings: name, units, time zone, personal API tokens (created, listed, revoked), the plan's calendar link
and the export."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.services import calendar, users
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid
from runner_app.web.formtools import attach_errors
from runner_app.web.settings.forms import ActionForm, ProfileForm, RevokeForm, TokenForm

bp = Blueprint("settings", __name__, url_prefix="/settings")


def _render(
    profile: ProfileForm | None = None,
    token_form: TokenForm | None = None,
    new_secret: str | None = None,
    calendar_url: str | None = None,
) -> str:
    profile = profile or ProfileForm(obj=current_user)
    profile.timezone.choices = [(z, z) for z in users.timezone_names()]
    return render_template(
        "settings/index.html",
        profile=profile,
        token_form=token_form or TokenForm(),
        revoke_form=RevokeForm(),
        tokens=users.tokens_of(current_user),
        new_secret=new_secret,
        action_form=ActionForm(),
        calendar_feed=calendar.feed_of(current_user.id),
        calendar_url=calendar_url,
    )


@bp.get("/")
@login_required
def index() -> str:
    return _render()


@bp.post("/profile")
@login_required
def profile() -> str | Response:
    form = ProfileForm()
    if form.validate_on_submit():
        try:
            users.update_profile(
                current_user, form.display_name.data or "", form.units.data or "", form.timezone.data or ""
            )
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            flash("Settings saved.", "success")
            return redirect(url_for("settings.index"))
    return _render(profile=form)


@bp.post("/tokens")
@login_required
def create_token() -> str:
    form = TokenForm()
    if form.validate_on_submit():
        try:
            new = users.create_token(current_user, form.name.data or "")
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            return _render(new_secret=new.secret)
    return _render(token_form=form)


@bp.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int) -> Response:
    if not RevokeForm().validate_on_submit():
        abort(400)
    try:
        users.revoke_token(current_user, token_id)
    except NotFound:
        abort(404)
    flash("Token revoked.", "info")
    return redirect(url_for("settings.index"))


@bp.post("/calendar")
@login_required
def make_calendar() -> str | Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    new = calendar.make_feed(current_user.id)
    return _render(calendar_url=url_for("plan.calendar_feed", secret=new.secret, _external=True))


@bp.post("/calendar/stop")
@login_required
def stop_calendar() -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    calendar.stop_feed(current_user.id)
    flash("The calendar link no longer works.", "success")
    return redirect(url_for("settings.index"))
