"""Typed SQLAlchemy 2.0 models, one module per aggregate."""

from runner_app.models.coach import CoachDay, CoachEpoch
from runner_app.models.entries import (
    Clearance,
    CrossTraining,
    EntryMixin,
    PainEntry,
    Run,
    Shoe,
    StrengthSession,
)
from runner_app.models.plan import CalendarFeed, Plan, PlannedSessionRow, TaskCheck
from runner_app.models.profile import RunnerProfile
from runner_app.models.push import PushSubscription
from runner_app.models.report import ReportLink
from runner_app.models.user import ApiToken, LoginSession, User

__all__ = [
    "ApiToken",
    "CalendarFeed",
    "Clearance",
    "CoachDay",
    "CoachEpoch",
    "CrossTraining",
    "EntryMixin",
    "LoginSession",
    "PainEntry",
    "Plan",
    "PlannedSessionRow",
    "PushSubscription",
    "ReportLink",
    "Run",
    "RunnerProfile",
    "Shoe",
    "StrengthSession",
    "TaskCheck",
    "User",
]
