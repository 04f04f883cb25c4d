"""How a request finds its user: the session cookie for pages and the PWA, a bearer token for scripts."""

from __future__ import annotations

from flask import Request, redirect, request, url_for
from flask_login import LoginManager
from werkzeug import Response

from runner_app.models import User
from runner_app.security import is_bearer_request
from runner_app.services.accounts import user_for_session
from runner_app.services.users import user_for_token


def register_loaders(manager: LoginManager) -> None:
    manager.login_view = "auth.login"
    manager.login_message = "Sign in to see that page."
    manager.login_message_category = "info"
    manager.session_protection = "basic"

    @manager.user_loader
    def _load_from_session(user_id: str) -> User | None:
        if is_bearer_request():
            return None  # an Authorization header wins over the cookie: a bad token is a 401
        return user_for_session(user_id)  # None once the runner's session generation moved on

    @manager.request_loader
    def _load_from_token(req: Request) -> User | None:
        header = req.headers.get("Authorization", "")
        if not header.lower().startswith("bearer "):
            return None
        return user_for_token(header[7:].strip())

    @manager.unauthorized_handler
    def _unauthorized() -> Response:
        if request.path.startswith("/api/"):
            from runner_app.api.errors import problem

            return problem(
                401, "Sign in required", "Send a session cookie or an Authorization: Bearer token."
            )
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
