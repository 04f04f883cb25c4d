"""Sessions that end on the server, password change, and the one-time reset link.

Every session and remember cookie carries the runner's session generation (`User.get_id`); the user loader
refuses a cookie whose generation is not the current one. Bumping it ends every session at once.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from runner_app.extensions import db
from runner_app.models import LoginSession, User
from runner_app.models.types import utcnow
from runner_app.services.passwords import password_problems
from runner_app.services.schemas import Invalid
from runner_app.services.users import hasher, secret_digest

RESET_LINK_LIFETIME = timedelta(hours=24)
SESSION_LIFETIME = timedelta(days=30)  # as long as remember-me; a browser session cookie ends sooner


def user_for_session(raw_id: str) -> User | None:
    """The runner a session or remember cookie names, while its generation is current and, for a cookie
    that names its device's session, while that session is live. A bare id (a cookie made before
    generations) stands for generation 0, so it ends with the first sign-out everywhere."""
    user_id, _, rest = raw_id.partition(":")
    generation, _, secret = rest.partition(":")
    try:
        wanted = int(generation or "0")
        owner = int(user_id)
    except ValueError:
        return None
    if secret:
        row = db.session.execute(
            select(User, LoginSession.expires_at)
            .join(LoginSession, LoginSession.user_id == User.id)
            .where(User.id == owner, LoginSession.digest == secret_digest(secret))
        ).first()
        if row is None or row.expires_at < utcnow():
            return None
        user: User | None = row.User
    else:
        user = db.session.get(User, owner)
    if user is None or user.session_generation != wanted:
        return None
    user.set_login_secret(secret or None)
    return user


def start_session(user: User) -> None:
    """A new signed-in device: its secret goes into the cookie (through `get_id`), its digest is kept."""
    secret = secrets.token_urlsafe(24)
    now = utcnow()
    db.session.add(
        LoginSession(
            digest=secret_digest(secret), user_id=user.id, created_at=now, expires_at=now + SESSION_LIFETIME
        )
    )
    db.session.execute(
        delete(LoginSession).where(LoginSession.user_id == user.id, LoginSession.expires_at < now)
    )
    db.session.commit()
    user.set_login_secret(secret)


def end_this_session(user: User) -> None:
    """Sign-out: this device's session ends; the runner's other devices stay signed in."""
    if user.login_secret:
        db.session.execute(
            delete(LoginSession).where(LoginSession.digest == secret_digest(user.login_secret))
        )
    else:  # a cookie from before device sessions: only a new generation ends it
        user.session_generation += 1
    db.session.commit()
    user.set_login_secret(None)


def end_sessions(user: User) -> None:
    """End every session of this runner, on every device (their API tokens stay)."""
    user.session_generation += 1
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
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
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
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
