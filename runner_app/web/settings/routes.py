"""Settings: name, units, time zone, personal API tokens (created, listed, revoked), the plan's calendar link
and the export."""

from __future__ import annotations

import uuid

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug import Response

from runner_app.coach.text import metres_per_unit
from runner_app.links import public_url
from runner_app.services import calendar, entries, shoes, users
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid
from runner_app.web.filters import user_today
from runner_app.web.formtools import attach_errors
from runner_app.web.settings.forms import (
    ActionForm,
    ProfileForm,
    RevokeForm,
    ShoeForm,
    TimezoneForm,
    TokenForm,
)

bp = Blueprint("settings", __name__, url_prefix="/settings")


def _render(
    profile: ProfileForm | None = None,
    token_form: TokenForm | None = None,
    new_secret: str | None = None,
    calendar_url: str | None = None,
    template: str = "settings/index.html",
) -> str:
    profile = profile or ProfileForm(obj=current_user)
    return render_template(
        template,
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
                current_user,
                form.display_name.data or "",
                form.units.data or "",
                current_user.timezone or "UTC",
            )
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            flash("Settings saved.", "success")
            return redirect(url_for("settings.index"))
    return _render(profile=form)


@bp.route("/timezone", methods=["GET", "POST"])
@login_required
def timezone_page() -> tuple[str, int] | Response:
    """The time zone the runner's days are counted in, chosen from every zone name."""
    form = TimezoneForm(obj=current_user)
    form.timezone.choices = [(z, z) for z in users.timezone_names()]
    if form.validate_on_submit():
        try:
            users.update_profile(
                current_user,
                current_user.display_name or "",
                current_user.units or "km",
                form.timezone.data or "",
            )
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            flash(f"Time zone set to {form.timezone.data}.", "success")
            return redirect(url_for("settings.index"))
    status = 422 if form.errors else 200
    return render_template("settings/timezone.html", form=form), status


TOKENS_PAGE = "settings/tokens.html"


@bp.get("/tokens")
@login_required
def tokens_page() -> str:
    """Personal API tokens, on their own page: a developer's corner, not a runner's daily settings."""
    return _render(template=TOKENS_PAGE)


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
            return _render(new_secret=new.secret, template=TOKENS_PAGE)
    return _render(token_form=form, template=TOKENS_PAGE)


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
    return redirect(url_for("settings.tokens_page"))


@bp.post("/calendar")
@login_required
def make_calendar() -> str | Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    new = calendar.make_feed(current_user.id)
    return _render(calendar_url=public_url("plan.calendar_feed", secret=new.secret))


@bp.post("/calendar/stop")
@login_required
def stop_calendar() -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    calendar.stop_feed(current_user.id)
    flash("The calendar link no longer works.", "success")
    return redirect(url_for("settings.index"))


SHOE_ALIASES = {"start_m": "start", "retire_at_m": "retire_at"}
NEW_PAIR_M = 700_000.0  # a common rule of thumb; the runner sets their own


@bp.route("/shoes", methods=["GET", "POST"])
@login_required
def shoes_page() -> str | Response:
    """The runner's pairs with what each has run, and a form to add one."""
    units = current_user.units or "km"
    per = metres_per_unit(units)
    form = ShoeForm()
    if not form.is_submitted():
        form.date.data = user_today()
        form.retire_at.data = round(NEW_PAIR_M / per)
        form.id.data = str(uuid.uuid4())
    if form.validate_on_submit():
        payload = {
            "date": form.date.data.isoformat(),  # type: ignore[union-attr]
            "name": (form.name.data or "").strip(),
            "start_m": round(float(form.start.data or 0) * per, 1),
            "retire_at_m": round(float(form.retire_at.data or 0) * per, 1),
        }
        try:
            result = entries.put_entry(current_user.id, "shoes", form.id.data or "", payload, None)
        except Invalid as exc:
            attach_errors(form, exc.errors, SHOE_ALIASES)
        else:
            if result.status == 412:
                form.form_errors.append("This pair was added already; it is in the list above.")
            else:
                flash(f"{payload['name']} added.", "success")
                return redirect(url_for("settings.shoes_page"))
    pairs = shoes.mileage(current_user.id)
    return render_template("settings/shoes.html", form=form, pairs=pairs, action_form=ActionForm(), per=per)


@bp.post("/shoes/<shoe_id>/<any(retire, restore):action>")
@login_required
def retire_shoe(shoe_id: str, action: str) -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        shoes.set_retired(current_user.id, shoe_id, action == "retire")
    except (NotFound, Invalid):  # not the runner's, or not an id at all
        abort(404)
    return redirect(url_for("settings.shoes_page"))
