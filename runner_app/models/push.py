"""Web Push subscriptions: where the browser's push service takes a runner's daily reminder."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class PushSubscription(db.Model):  # type: ignore[name-defined,misc]
    """One browser (or phone) that asked for the daily reminder. The endpoint is the push service's URL for
    that browser; p256dh and auth are the keys the message is encrypted with (RFC 8291)."""

    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(Text, unique=True)
    p256dh: Mapped[str] = mapped_column(String(200))
    auth: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
