"""Read-only secret links to a runner's physio report, for a clinician who has no account.

As with the calendar feed, the URL is the credential: a random secret of which only a SHA-256 is stored
(users.secret_digest). A link names its date range and must expire within 90 days; a revoked or expired link,
like one that never existed, finds nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import ReportLink, User
from runner_app.models.types import utcnow
from runner_app.services import report
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid
from runner_app.services.today import local_today
from runner_app.services.users import secret_digest

SECRET_PREFIX = "rep_"  # noqa: S105  (a marker that says what a leaked secret is, not a secret)
MAX_DAYS = 90
DATE_MESSAGE = "must be a date written YYYY-MM-DD"
RANGE_MESSAGE = "must be between 1900-01-01 and a year from today"
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class NewLink:
    link: ReportLink
    secret: str  # shown once


@dataclass(frozen=True)
class Shared:
    owner: User
    link: ReportLink


def _day(body: dict[str, Any], name: str, today: date, errors: dict[str, list[str]]) -> date | None:
    raw = body.get(name)
    if raw is None or raw == "":
        return None
    try:
        if not isinstance(raw, str) or len(raw) != 10:
            raise ValueError(raw)
        value = date.fromisoformat(raw)
    except ValueError:
        errors[name] = [DATE_MESSAGE]
        return None
    if not EARLIEST <= value <= today + timedelta(days=366):
        errors[name] = [RANGE_MESSAGE]
        return None
    return value


def make_link(user_id: int, body: Any, today: date) -> NewLink:
    """A new link to the report of `from`..`to` (by default the last 8 weeks), expiring on `expires_on`
    (required, today to 90 days ahead; the link works through that day). Invalid names each bad field."""
    if not isinstance(body, dict):
        raise Invalid({"body": ["must be a JSON object"]})
    errors: dict[str, list[str]] = {}
    start, end = _day(body, "from", today, errors), _day(body, "to", today, errors)
    expires = _day(body, "expires_on", today, errors)
    if expires is None and "expires_on" not in errors:
        errors["expires_on"] = ["is required"]
    elif expires is not None and expires < today:
        errors["expires_on"] = ["must not be in the past"]
    elif expires is not None and expires > today + timedelta(days=MAX_DAYS):
        errors["expires_on"] = [f"must be at most {MAX_DAYS} days from today"]
    span = None
    if "from" not in errors and "to" not in errors:
        try:
            span = report.period(start, end, today)
        except Invalid as exc:
            errors.update(exc.errors)
    if errors or span is None or expires is None:
        raise Invalid(errors)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    link = ReportLink(
        user_id=user_id,
        token_hash=secret_digest(secret),
        prefix=secret[:12],
        from_date=span.start,
        to_date=span.end,
        expires_on=expires,
        created_at=utcnow(),
    )
    db.session.add(link)
    db.session.commit()
    return NewLink(link, secret)


def links_of(user_id: int) -> list[ReportLink]:
    stmt = select(ReportLink).where(ReportLink.user_id == user_id).order_by(ReportLink.id.desc())
    return list(db.session.scalars(stmt))


def revoke(user_id: int, link_id: int) -> None:
    """Stop a link now. NotFound for another runner's link as for one that does not exist (and for an id no
    integer column holds, which PostgreSQL would refuse)."""
    if not 0 < link_id < 2**31:
        raise NotFound
    link: ReportLink | None = db.session.get(ReportLink, link_id)
    if link is None or link.user_id != user_id:
        raise NotFound
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        db.session.commit()


def is_live(link: ReportLink, today: date) -> bool:
    return link.revoked_at is None and today <= link.expires_on


def link_document(link: ReportLink, today: date) -> dict[str, Any]:
    return {
        "id": link.id,
        "prefix": link.prefix,
        "from": link.from_date.isoformat(),
        "to": link.to_date.isoformat(),
        "expires_on": link.expires_on.isoformat(),
        "created_at": link.created_at.isoformat(),
        "revoked": link.revoked_at is not None,
        "active": is_live(link, today),
    }


def shared(secret: str, today: date | None = None) -> Shared | None:
    """The link a secret opens and whose report it is; None when it is unknown, revoked or expired (by
    default on the owner's today)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    link: ReportLink | None = db.session.scalar(
        select(ReportLink).where(ReportLink.token_hash == secret_digest(secret))
    )
    if link is None:
        return None
    owner: User | None = db.session.get(User, link.user_id)
    if owner is None or not is_live(link, today or local_today(owner.timezone or "UTC")):
        return None
    return Shared(owner, link)
