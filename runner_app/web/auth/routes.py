"""Sign up, sign in (rate-limited), sign out (which ends the session on the server)."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug import Response

from runner_app.extensions import limiter
from runner_app.services import accounts, users
from runner_app.services.schemas import Invalid
from runner_app.web.auth.forms import LoginForm, SignupForm
from runner_app.web.formtools import attach_errors

bp = Blueprint("auth", __name__)


def _safe_next(default: str) -> str:
    target = request.args.get("next", "")
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc and not parts.scheme:
        return target
    return default


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _account_key() -> str:
    return "login-account:" + request.form.get("email", "").strip().lower()[:254]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_account_key)
def login() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("today.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = users.authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            accounts.start_session(user)
            login_user(user, remember=bool(form.remember.data))
            return redirect(_safe_next(url_for("today.index")))
        form.password.errors = ["That email and password do not match an account."]
    return render_template("auth/login.html", form=form)


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def signup() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("today.index"))
    form = SignupForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(
                form.email.data or "", form.password.data or "", form.display_name.data or ""
            )
        except Invalid as exc:
            attach_errors(form, exc.errors)
        else:
            accounts.start_session(user)
            login_user(user, remember=True)
            zone = users.adopt_time_zone(user, form.timezone.data or "")
            where = f"Your time zone is {zone}, from this phone" if zone else "Set your time zone"
            flash(f"Welcome! {where}; units and time zone are in Settings.", "success")
            return redirect(url_for("profile.edit"))
    return render_template("auth/signup.html", form=form)


@bp.post("/logout")
def logout() -> Response:
    if current_user.is_authenticated:
        accounts.end_this_session(current_user)  # a copy of this cookie opens nothing any more
    logout_user()
    flash("Signed out.", "info")
    return redirect(url_for("auth.login"))
