"""Web Push: a runner's subscriptions (one per browser) and the daily reminder sent to them with pywebpush.

A subscription the push service answers 404 or 410 for is gone (the runner revoked the permission or the
browser dropped it): it is deleted so the next reminder does not try it again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Annotated, Any

from flask import current_app
from pydantic import AfterValidator, Field, Strict, StringConstraints
from sqlalchemy import delete, select

from runner_app.extensions import db
from runner_app.models import PushSubscription, User
from runner_app.services import push_keys
from runner_app.services.push_message import reminder
from runner_app.services.schemas import Schema, validate
from runner_app.services.today import local_today, today_view

log = logging.getLogger(__name__)
GONE = (404, 410)
TTL_S = 12 * 3600  # a reminder not delivered by the evening is not worth delivering
TIMEOUT_S = 10.0
MAX_ENDPOINT = 2000


@dataclass(frozen=True)
class Sent:
    delivered: int
    dropped: int
    failed: int


Endpoint = Annotated[
    str, Strict(), StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ENDPOINT)
]


def _https(endpoint: str) -> str:
    """Push services are https; http only for a local address under test (the tests' push service)."""
    if endpoint.startswith("https://") or _local_http(endpoint):
        return endpoint
    raise ValueError("must be an https URL")


def _local_http(endpoint: str) -> bool:
    return endpoint.startswith(("http://127.0.0.1:", "http://localhost:")) and bool(current_app.testing)


class PushKeysIn(Schema):
    p256dh: Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    auth: Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class PushSubscriptionIn(Schema):
    """The browser's `PushSubscription.toJSON()` (its `expirationTime` is ignored: push services say when a
    subscription is gone)."""

    endpoint: Annotated[Endpoint, AfterValidator(_https)] = Field(json_schema_extra={"pattern": "^https://"})
    keys: PushKeysIn


class PushEndpointIn(Schema):
    """Which of the runner's subscriptions to forget."""

    endpoint: Endpoint


@dataclass(frozen=True)
class Subscribed:
    row: PushSubscription
    created: bool
    moved: bool  # the endpoint was another account's: that account no longer gets reminders on it


def subscribe(user_id: int, body: Any) -> Subscribed:
    """Keep the browser's subscription for the runner. The same endpoint again replaces its keys, and moves
    it to this runner if another one had it: a shared phone gets the reminders of whoever signed in last on
    it, and the one before no longer does (`moved`)."""
    data: Any = validate(PushSubscriptionIn, body)
    endpoint, p256dh, auth = data.endpoint, data.keys.p256dh, data.keys.auth
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    created, moved = row is None, row is not None and row.user_id != user_id
    if row is None:
        row = PushSubscription(user_id=user_id, endpoint=endpoint, p256dh=p256dh, auth=auth)
        db.session.add(row)
    else:
        row.user_id, row.p256dh, row.auth = user_id, p256dh, auth
    db.session.commit()
    return Subscribed(row, created, moved)


def unsubscribe(user_id: int, body: Any) -> bool:
    """Forget the runner's subscription for this endpoint; False when the runner had none for it."""
    data: Any = validate(PushEndpointIn, body)
    result = db.session.execute(
        delete(PushSubscription).where(
            PushSubscription.user_id == user_id, PushSubscription.endpoint == data.endpoint
        )
    )
    db.session.commit()
    return bool(getattr(result, "rowcount", 0))


def subscriptions_of(user_id: int) -> list[PushSubscription]:
    stmt = select(PushSubscription).where(PushSubscription.user_id == user_id).order_by(PushSubscription.id)
    return list(db.session.scalars(stmt))


def reminder_for(user: User) -> dict[str, str]:
    """The notification for the runner's today: a title, the body and where a tap opens."""
    day = local_today(user.timezone or "UTC")
    return {"title": "Today", "body": reminder(today_view(user.id, day).tasks, user.units), "url": "/today"}


def vapid_subject() -> str:
    """VAPID_SUBJECT, else the app's public https address, else a placeholder push services accept."""
    public = current_app.config.get("PUBLIC_URL") or ""
    subject = current_app.config.get("VAPID_SUBJECT") or (public if public.startswith("https://") else "")
    return str(subject or "mailto:runner@localhost")


def send_reminder(user: User) -> Sent:
    """Send today's reminder to each of the runner's browsers."""
    subscriptions = subscriptions_of(user.id)
    if not subscriptions:
        return Sent(0, 0, 0)
    from pywebpush import (  # with `cryptography`: loaded by the cron job, not each worker
        WebPushException,
        webpush,
    )

    payload = json.dumps(reminder_for(user))
    key = push_keys.vapid()
    claims = {"sub": vapid_subject()}
    delivered = dropped = failed = 0
    for row in subscriptions:
        info = {"endpoint": row.endpoint, "keys": {"p256dh": row.p256dh, "auth": row.auth}}
        try:
            webpush(
                info, payload, vapid_private_key=key, vapid_claims=dict(claims), ttl=TTL_S, timeout=TIMEOUT_S
            )
        except WebPushException as exc:
            status = getattr(exc.response, "status_code", None)
            if status in GONE:
                db.session.delete(row)
                dropped += 1
            else:
                log.warning("push to subscription %s failed: %s", row.id, status or exc)
                failed += 1
        else:
            delivered += 1
    db.session.commit()
    return Sent(delivered, dropped, failed)


def send_all() -> Sent:
    """The daily reminder for every runner with a subscription (the cron job's command)."""
    stmt = select(PushSubscription.user_id).distinct().order_by(PushSubscription.user_id)
    total = Sent(0, 0, 0)
    for user_id in list(db.session.scalars(stmt)):
        user = db.session.get(User, user_id)
        if user is None:
            continue
        sent = send_reminder(user)
        total = Sent(
            total.delivered + sent.delivered, total.dropped + sent.dropped, total.failed + sent.failed
        )
    return total
