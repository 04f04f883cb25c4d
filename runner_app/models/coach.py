"""The coach's per-day cache: the engine's state after each day, so a request only advances new days.

Any write of an entry dated d deletes the rows from d on and bumps the runner's epoch in the same
transaction; a computation that started before a write never stores its (stale) result.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class CoachEpoch(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "coach_epochs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, default=0)
    # The runner's write clock, microseconds since 1970 UTC: the `updated_at` of their latest write. Each
    # write advances it under this row's lock (services/coach_cache.stamp_write): stamps follow commit order.
    last_write_us: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class CoachDay(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "coach_days"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    # Deferred: answering from the cache needs only the assessment, not the (larger) engine state.
    state: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True, deferred=True
    )
    assessment: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The whole `GET /api/v1/today` answer, once asked for; task checks and plan edits clear it.
    today: Mapped[dict[str, Any] | None] = mapped_column(
        JSON(none_as_null=True), nullable=True, deferred=True
    )
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The code that computed it (services/engine_version.py): a row from other code is computed again.
    engine_version: Mapped[str] = mapped_column(String(16), server_default="")
