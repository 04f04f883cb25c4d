"""Settings › links to the report: make one for a date range (it expires within 90 days), list, revoke."""

from __future__ import annotations

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from werkzeug import Response
from wtforms import DateField
from wtforms.validators import InputRequired, Optional

from runner_app.links import public_url
from runner_app.services import report, report_links
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid
from runner_app.web.filters import user_today
from runner_app.web.formtools import attach_errors
from runner_app.web.report.routes import bp

DEFAULT_EXPIRY_DAYS = 30


class LinkForm(FlaskForm):
    from_ = DateField("From", validators=[Optional()], name="from")
    to = DateField("To", validators=[Optional()])
    expires_on = DateField(
        "Link works until", validators=[InputRequired("Give the last day the link works.")]
    )


class RevokeLinkForm(FlaskForm):
    """A button that posts: nothing but the CSRF token."""


def _render(form: LinkForm, url: str | None = None) -> str:
    today = user_today()
    return render_template(
        "report/links.html",
        form=form,
        revoke_form=RevokeLinkForm(),
        links=report_links.links_of(current_user.id),
        is_live=lambda link: report_links.is_live(link, today),
        new_url=url,
        max_days=report_links.MAX_DAYS,
    )


def _day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


@bp.get("/links")
@login_required
def links() -> str:
    form = LinkForm(formdata=None)
    today = user_today()
    span = report.period(None, None, today)
    form.from_.data = _day(request.args.get("from")) or span.start
    form.to.data = _day(request.args.get("to")) or span.end
    form.expires_on.data = today + timedelta(days=DEFAULT_EXPIRY_DAYS)
    return _render(form)


@bp.post("/links")
@login_required
def make_link() -> str:
    form = LinkForm()
    if form.validate_on_submit():
        body = {
            "from": form.from_.data.isoformat() if form.from_.data else None,
            "to": form.to.data.isoformat() if form.to.data else None,
            "expires_on": form.expires_on.data.isoformat() if form.expires_on.data else None,
        }
        try:
            new = report_links.make_link(current_user.id, body, user_today())
        except Invalid as exc:
            attach_errors(form, exc.errors, {"from": "from_"})
        else:
            return _render(form, public_url("report.shared", secret=new.secret))
    return _render(form)


@bp.post("/links/<int:link_id>/revoke")
@login_required
def revoke_link(link_id: int) -> Response:
    if not RevokeLinkForm().validate_on_submit():
        abort(400)
    try:
        report_links.revoke(current_user.id, link_id)
    except NotFound:
        abort(404)
    flash("The link no longer works.", "success")
    return redirect(url_for("report.links"))
