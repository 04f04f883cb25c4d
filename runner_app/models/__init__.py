"""Typed SQLAlchemy 2.0 models, one module per aggregate."""

from runner_app.models.entries import Clearance, CrossTraining, EntryMixin, PainEntry, Run, StrengthSession
from runner_app.models.user import ApiToken, User

__all__ = [
    "ApiToken",
    "Clearance",
    "CrossTraining",
    "EntryMixin",
    "PainEntry",
    "Run",
    "StrengthSession",
    "User",
]
