"""Where a runner says they are: asked once at sign-up, editable in Settings (coach-rules.md)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class RunnerProfile(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "runner_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    runs_per_week: Mapped[int] = mapped_column(Integer)
    weekly_distance_m: Mapped[float] = mapped_column(Float)
    longest_run_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_run_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    usual_morning_pain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    race_distance_m: Mapped[float | None] = mapped_column(Float, nullable=True)
    race_duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    race_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The runner's own date when it was given: the coach uses it for the days from this date on.
    as_of: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
