"""A runner's training plan: one active plan, its weekly template and targets, and its dated sessions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column

from runner_app.extensions import db
from runner_app.models.types import UTCDateTime, utcnow


class Plan(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "plans"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    race_name: Mapped[str] = mapped_column(String(120), default="")
    race_date: Mapped[date] = mapped_column(Date)
    race_distance_m: Mapped[float] = mapped_column(Float, default=42195.0)
    start_date: Mapped[date] = mapped_column(Date)
    template: Mapped[list[str]] = mapped_column(JSON)  # seven kinds, Monday first
    weekly_targets_m: Mapped[list[float]] = mapped_column(JSON, default=list)
    long_run_day: Mapped[int] = mapped_column(Integer, default=6)
    strength_days: Mapped[list[int]] = mapped_column(
        JSON, default=list
    )  # pinned weekdays (empty: coach picks)
    source: Mapped[str] = mapped_column(String(16), default="built")  # built | generated | imported
    # The runner's fitness when the plan was made (planning/paces.py): None when sessions go by effort.
    paces: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    vdot: Mapped[float | None] = mapped_column(Float, nullable=True)
    predicted_race_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    fitness_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The race time the runner hopes for (generated plans): shown beside the predicted one; paces ignore it.
    goal_duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PlannedSessionRow(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "planned_sessions"
    __table_args__ = (Index("ix_planned_sessions_user_date", "user_id", "date"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    distance_m: Mapped[float] = mapped_column(Float, default=0.0)
    duration_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    week_index: Mapped[int] = mapped_column(Integer, default=0)
    phase: Mapped[str] = mapped_column(String(8), default="build")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    # Run as planned although the spike rule S2 refuses it: the runner's choice (planning/planned_spikes.py).
    spike_override: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # What to do (planning/sessions.py): "Threshold 3 × 10 min", its steps, and the target pace range.
    title: Mapped[str] = mapped_column(String(120), default="", server_default="")
    structure: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    pace_min_s_per_km: Mapped[float | None] = mapped_column(Float, nullable=True)
    pace_max_s_per_km: Mapped[float | None] = mapped_column(Float, nullable=True)


class TaskCheck(db.Model):  # type: ignore[name-defined,misc]
    """A task of the day checked off (or un-checked) by the runner."""

    __tablename__ = "task_checks"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    done: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarFeed(db.Model):  # type: ignore[name-defined,misc]
    """A runner's plan as an iCalendar feed at a secret URL (calendar apps send no headers). Only a SHA-256 of
    the secret is stored; a new link replaces the old one."""

    __tablename__ = "calendar_feeds"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
