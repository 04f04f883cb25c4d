"""Accounts: sign-up, password checks (argon2id) and personal API tokens (stored as SHA-256)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import instance_dict

from runner_app.extensions import db
from runner_app.models import ApiToken, User
from runner_app.models.types import utcnow
from runner_app.services import coach_cache, driver
from runner_app.services.errors import NotFound
from runner_app.services.passwords import password_problems
from runner_app.services.schemas import Invalid

TOKEN_PREFIX = "rat_"  # noqa: S105  (a label, not a secret)
TOKEN_TOUCH_EVERY = timedelta(minutes=5)  # how stale a token's "last used" may get

# Every API request runs this query, on the driver itself (services/driver.py): it reads the owner's columns
# and, of the token, only what deciding needs, and the owner is made from them (`user_for_token`).
_OWNER_COLUMNS = tuple((attr.key, attr.columns[0].key) for attr in User.__mapper__.column_attrs)
_TOKEN_AND_OWNER = driver.Prepared(
    select(*(attr.columns[0] for attr in User.__mapper__.column_attrs))
    .add_columns(ApiToken.id.label("token_id"), ApiToken.last_used_at.label("token_used_at"))
    .join_from(User, ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.token_hash == bindparam("digest"), ApiToken.revoked_at.is_(None))
)
_TOUCH_TOKEN = driver.Prepared(
    update(ApiToken).where(ApiToken.id == bindparam("token_id")).values(last_used_at=bindparam("now"))
)


def hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(
        time_cost=cfg["ARGON2_TIME_COST"],
        memory_cost=cfg["ARGON2_MEMORY_COST"],
        parallelism=cfg["ARGON2_PARALLELISM"],
    )


def normalise_email(raw: str) -> str:
    try:
        return str(validate_email(raw.strip(), check_deliverability=False).normalized).lower()
    except EmailNotValidError as exc:
        raise Invalid({"email": [str(exc)]}) from None


def create_user(email: str, password: str, display_name: str = "") -> User:
    address = normalise_email(email)
    errors: dict[str, list[str]] = {}
    problems = password_problems(password, (address, address.split("@")[0], display_name))
    if problems:
        errors["password"] = problems
    if db.session.scalar(select(User.id).where(User.email == address)) is not None:
        errors["email"] = ["an account with this address already exists"]
    if errors:
        raise Invalid(errors)
    user = User(email=address, password_hash=hasher().hash(password), display_name=display_name.strip()[:80])
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user whose password this is, or None. Spends a hash on unknown addresses too (no timing oracle)."""
    try:
        address = normalise_email(email)
    except Invalid:
        return None
    user: User | None = db.session.scalar(select(User).where(User.email == address))
    argon = hasher()
    if user is None:
        argon.hash(password)
        return None
    try:
        argon.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if argon.check_needs_rehash(user.password_hash):
        user.password_hash = argon.hash(password)
        db.session.commit()
    return user


def user_by_email(email: str) -> User:
    user: User | None = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise NotFound(email)
    return user


def update_profile(user: User, display_name: str, units: str, timezone: str) -> None:
    errors: dict[str, list[str]] = {}
    if units not in {"km", "mi"}:
        errors["units"] = ["must be km or mi"]
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = ["is not a known time zone"]
    if len(display_name) > 80:
        errors["display_name"] = ["must be at most 80 characters"]
    if errors:
        raise Invalid(errors)
    if units != user.units:  # Today's stored answers are worded in the runner's units
        coach_cache.forget_today(user.id)
    user.display_name, user.units, user.timezone = display_name.strip(), units, timezone
    db.session.commit()


def adopt_time_zone(user: User, name: str) -> str | None:
    """Take the phone's time zone for a new account when it is a known one; None (UTC stays) otherwise."""
    if name not in available_timezones():
        return None
    user.timezone = name
    db.session.commit()
    return name


def timezone_names() -> list[str]:
    return sorted(available_timezones())


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


def secret_digest(secret: str) -> str:
    """What is stored of a secret shown once (an API token, a calendar link): its SHA-256."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, name: str) -> NewToken:
    name = name.strip()
    if not name or len(name) > 80:
        raise Invalid({"name": ["give the token a name of 1 to 80 characters"]})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_hash=secret_digest(secret), prefix=secret[:12])
    db.session.add(token)
    db.session.commit()
    return NewToken(token, secret)


def tokens_of(user: User) -> list[ApiToken]:
    stmt = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())
    return list(db.session.scalars(stmt))


def revoke_token(user: User, token_id: int) -> None:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound(str(token_id))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.commit()


_new_user = User.__mapper__.class_manager.new_instance  # a User whose columns are then set, unhistoried


def user_for_token(secret: str) -> User | None:
    """The owner of a live token, or None for unknown and revoked tokens. One statement, sent on the driver
    on a connection of its own (services/driver.py; on PostgreSQL alone, one round trip); the last-used time
    is written at most every few minutes, so reads with a token stay reads.

    The owner is a User as if the ORM had loaded it, but detached: every column is loaded and User has no
    relationship to load later, so it answers all a request asks of it without the session (attaching it
    cost a fifth of the token check). A service that changes a User adds it to the session first
    (`profile.put_profile`), as one would a User from anywhere."""
    with driver.checked_out() as span:
        rows = _TOKEN_AND_OWNER.run(span, {"digest": secret_digest(secret)})
        if not rows:
            return None
        row, now = rows[0], utcnow()
        if row["token_used_at"] is None or now - row["token_used_at"] > TOKEN_TOUCH_EVERY:
            _TOUCH_TOKEN.run(span, {"token_id": row["token_id"], "now": now})
            span.commit()
    user: User = _new_user()
    instance_dict(user).update((key, row[column]) for key, column in _OWNER_COLUMNS)
    make_transient_to_detached(user)  # loaded, as though by a query
    return user
