"""A runner's plan in the database, read as the planning package's dataclasses."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import Plan, PlannedSessionRow
from runner_app.planning.model import PlannedSession


def plan_of(user_id: int) -> Plan | None:
    plan: Plan | None = db.session.scalar(select(Plan).where(Plan.user_id == user_id))
    return plan


def to_session(row: Any) -> PlannedSession:
    return PlannedSession(
        id=str(row.id),
        date=row.date,
        kind=row.kind,
        distance_m=row.distance_m,
        duration_s=row.duration_s,
        notes=row.notes,
        week_index=row.week_index,
        phase=row.phase,
    )


def session_rows(user_id: int, start: date, end: date) -> list[PlannedSessionRow]:
    stmt = (
        select(PlannedSessionRow)
        .where(
            PlannedSessionRow.user_id == user_id,
            PlannedSessionRow.date >= start,
            PlannedSessionRow.date <= end,
        )
        .order_by(PlannedSessionRow.date)
    )
    return list(db.session.scalars(stmt))


def sessions_between(user_id: int, start: date, end: date) -> list[PlannedSession]:
    return [to_session(row) for row in session_rows(user_id, start, end)]
