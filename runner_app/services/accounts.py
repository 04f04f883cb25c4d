"""Sessions that end on the server, password change, and the one-time reset link.

Every session and remember cookie carries the runner's session generation (`User.get_id`); the user loader
refuses a cookie whose generation is not the current one. Bumping it ends every session at once.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import User
from runner_app.models.types import utcnow
from runner_app.services.passwords import password_problems
from runner_app.services.schemas import Invalid
from runner_app.services.users import hasher, secret_digest

RESET_LINK_LIFETIME = timedelta(hours=24)


def user_for_session(raw_id: str) -> User | None:
    """The runner a session or remember cookie names, while its generation is current. A bare id (a cookie
    made before generations) stands for generation 0, so it ends with the first sign-out."""
    user_id, _, generation = raw_id.partition(":")
    try:
        user = db.session.get(User, int(user_id))
        wanted = int(generation or "0")
    except ValueError:
        return None
    if user is None or user.session_generation != wanted:
        return None
    return user


def end_sessions(user: User) -> None:
    """End every session of this runner, on every device (their API tokens stay)."""
    user.session_generation += 1
    db.session.commit()


def _check_new(user: User, password: str, confirm: str) -> None:
    problems = password_problems(password, (user.email, user.email.split("@")[0], user.display_name))
    errors: dict[str, list[str]] = {}
    if problems:
        errors["password"] = problems
    elif password != confirm:
        errors["confirm"] = ["does not match the new password"]
    if errors:
        raise Invalid(errors)


def change_password(user: User, current: str, password: str, confirm: str) -> None:
    """Set a new password after checking the current one; every session ends (the caller signs this one in
    again under the new generation)."""
    try:
        hasher().verify(user.password_hash, current)
    except (VerificationError, InvalidHashError):
        raise Invalid({"current": ["does not match your password"]}) from None
    _check_new(user, password, confirm)
    _set_password(user, password)


def _set_password(user: User, password: str) -> None:
    user.password_hash = hasher().hash(password)
    user.reset_token_hash = None
    user.reset_expires_at = None
    user.session_generation += 1
    db.session.commit()


def make_reset_secret(user: User) -> str:
    """A new one-time reset secret (stored as its SHA-256); an earlier unused one stops working."""
    secret = secrets.token_urlsafe(32)
    user.reset_token_hash = secret_digest(secret)
    user.reset_expires_at = utcnow() + RESET_LINK_LIFETIME
    db.session.commit()
    return secret


def user_for_reset(secret: str) -> User | None:
    """The runner a live reset secret belongs to, or None (unknown, used or expired)."""
    if not secret or len(secret) > 100:
        return None
    user: User | None = db.session.scalar(select(User).where(User.reset_token_hash == secret_digest(secret)))
    if user is None or user.reset_expires_at is None or user.reset_expires_at < utcnow():
        return None
    return user


def reset_password(user: User, password: str, confirm: str) -> None:
    """Set the password from a reset link: the link is spent and every session ends."""
    _check_new(user, password, confirm)
    _set_password(user, password)
