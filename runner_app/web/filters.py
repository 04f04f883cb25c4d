"""Template helpers: units, durations and the runner's local day."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask_login import current_user

from runner_app.services.today import local_today

KM_PER_MILE = 1.609344


def user_today() -> date:
    """Today in the signed-in runner's time zone (UTC when signed out)."""
    return local_today(getattr(current_user, "timezone", None) or "UTC")


def distance(metres: float | None, units: str | None = None) -> str:
    if metres is None:
        return ""
    units = units or getattr(current_user, "units", "km") or "km"
    if units == "mi":
        return f"{metres / 1000 / KM_PER_MILE:.2f} mi"
    return f"{metres / 1000:.2f} km"


def duration(seconds: int | None) -> str:
    if not seconds:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def pace(metres: float, seconds: int, units: str | None = None) -> str:
    units = units or getattr(current_user, "units", "km") or "km"
    per = KM_PER_MILE * 1000 if units == "mi" else 1000.0
    if metres <= 0:
        return ""
    secs = round(seconds / (metres / per))
    return f"{secs // 60}:{secs % 60:02d} /{units}"


def words(slug: str | None) -> str:
    return (slug or "").replace("_", " ").replace("-", " ")


def register(app: Flask) -> None:
    app.add_template_filter(distance, "distance")
    app.add_template_filter(duration, "duration")
    app.add_template_filter(words, "words")
    app.add_template_global(pace, "pace")
    app.add_template_global(user_today, "user_today")
