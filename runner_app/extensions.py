"""Flask extensions, created unbound; `create_app` binds them."""

from __future__ import annotations

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_login.signals import user_accessed
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


class TokenFirstLoginManager(LoginManager):  # type: ignore[misc]
    """Flask-Login, with a bearer token looked at first: a request that sends `Authorization: Bearer …` is
    the token's owner or nobody (the token's request loader decides), without reading the cookie session or
    the remember cookie first (bearer API requests open no session: runner_app/security.py)."""

    def _load_user(self) -> None:
        bearer = request.headers.get("Authorization", "")[:7].lower() == "bearer "
        if bearer and self._request_callback is not None:
            user_accessed.send(current_app._get_current_object())  # type: ignore[attr-defined]
            self._update_request_context_with_user(self._request_callback(request))
            return
        super()._load_user()


def _rate_limit_key() -> str:
    return get_remote_address() or request.remote_addr or "unknown"


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = TokenFirstLoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=_rate_limit_key, default_limits=[])
