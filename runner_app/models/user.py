"""Accounts and their personal API tokens."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(80), default="")
    units: Mapped[str] = mapped_column(String(2), default="km")  # "km" or "mi"
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Stamped into every session and remember cookie: bumping it ends them all (sign-out, password change).
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    reset_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)  # SHA-256, one-time
    reset_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    def set_login_secret(self, secret: str | None) -> None:
        """The signed-in device's own session (a LoginSession secret), when a session starts or is loaded."""
        self._login_secret = secret

    @property
    def login_secret(self) -> str | None:
        secret: str | None = getattr(self, "_login_secret", None)
        return secret

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and remember cookie: the id, the session generation and
        this device's session secret (so signing out ends this device's session only)."""
        secret = f":{self.login_secret}" if self.login_secret else ""
        return f"{self.id}:{self.session_generation}{secret}"


class LoginSession(db.Model):  # type: ignore[name-defined,misc]
    """One signed-in device. Signing out deletes its row, so a copy of its cookie opens nothing; only the
    secret's SHA-256 is stored."""

    __tablename__ = "login_sessions"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApiToken(db.Model):  # type: ignore[name-defined,misc]
    """A personal access token. Only a SHA-256 of the secret is stored; the secret is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
