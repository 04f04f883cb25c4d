"""The runner's account: change the password (other sessions end), sign out everywhere, and the one-time reset
link printed by `flask --app app user reset-password EMAIL`."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug import Response

from runner_app.extensions import limiter
from runner_app.services import accounts
from runner_app.services.schemas import Invalid
from runner_app.web.auth.forms import NewPasswordForm, PasswordChangeForm
from runner_app.web.auth.routes import _login_limit, bp
from runner_app.web.formtools import attach_errors
from runner_app.web.settings.forms import ActionForm


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_login_limit, methods=["POST"])
def change_password() -> str | Response:
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(
                current_user, form.current.data or "", form.password.data or "", form.confirm.data or ""
            )
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            remembered = current_app.config["REMEMBER_COOKIE_NAME"] in request.cookies
            user = current_user._get_current_object()
            accounts.start_session(user)
            login_user(user, remember=remembered)  # under the new generation
            flash("Password changed. Every other device is signed out.", "success")
            return redirect(url_for("settings.index"))
    return render_template("auth/password.html", form=form, action_form=ActionForm())


@bp.post("/account/sign-out-everywhere")
@login_required
def sign_out_everywhere() -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    accounts.end_sessions(current_user)
    logout_user()
    flash("Signed out on every device.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/reset/<secret>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def reset_password(secret: str) -> str | Response:
    user = accounts.user_for_reset(secret)
    if user is None:
        abort(404)
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.reset_password(user, form.password.data or "", form.confirm.data or "")
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            logout_user()
            flash("Password set. Sign in with it.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/reset.html", form=form, email=user.email)
