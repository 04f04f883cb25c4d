"""Secret links that show a runner's physio report to a clinician who has no account."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class ReportLink(db.Model):  # type: ignore[name-defined,misc]
    """A read-only link to the report of a date range. Only a SHA-256 of the secret is stored; the link stops
    working on `expires_on` or when revoked."""

    __tablename__ = "report_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
