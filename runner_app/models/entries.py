"""What a runner logs. Every entry is keyed by (user_id, id), the id being a UUID made by the client.

Entries are documents: a write replaces the whole body and bumps `version`; a delete leaves a tombstone.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class EntryMixin:
    """Columns every kind of entry shares: identity, day, notes and the sync bookkeeping."""

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    date: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    schema_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        name = cls.__tablename__  # type: ignore[attr-defined]
        return (
            Index(f"ix_{name}_user_date", "user_id", "date"),
            Index(f"ix_{name}_user_updated", "user_id", "updated_at"),
        )


class Run(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "runs"

    kind: Mapped[str] = mapped_column(String(16))
    distance_m: Mapped[float] = mapped_column(Float)
    duration_s: Mapped[int] = mapped_column(Integer)
    rpe: Mapped[int | None] = mapped_column(Integer, nullable=True)
    terrain: Mapped[str] = mapped_column(String(16), default="flat")
    cadence_spm: Mapped[int | None] = mapped_column(Integer, nullable=True)
    shoe_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    planned_session_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class PainEntry(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "pain_entries"

    context: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(16))
    side: Mapped[str] = mapped_column(String(8))
    score: Mapped[int] = mapped_column(Integer)
    settled_within_60min: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    run_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)


class StrengthSession(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "strength_sessions"

    duration_s: Mapped[int] = mapped_column(Integer)
    rpe: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sets: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class CrossTraining(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "cross_training"

    kind: Mapped[str] = mapped_column(String(16))
    duration_s: Mapped[int] = mapped_column(Integer)
    rpe: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pain_max: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Clearance(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    """A clinician's clearance: ends the red-flag states F1/F2 and the P2 freeze."""

    __tablename__ = "clearances"

    by: Mapped[str] = mapped_column(String(8))


class Shoe(EntryMixin, db.Model):  # type: ignore[name-defined,misc]
    """A pair of running shoes; a run names it by `shoe_id`. `date` is the day the pair was first run in."""

    __tablename__ = "shoes"

    name: Mapped[str] = mapped_column(String(80))
    start_m: Mapped[float] = mapped_column(Float, default=0.0)  # run in them before they were added here
    retire_at_m: Mapped[float] = mapped_column(Float, default=700_000.0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
