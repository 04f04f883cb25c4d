"""Template helpers: units, durations and the runner's local day."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask_login import current_user

from runner_app.coach.text import KM_PER_MILE, metres_per_unit
from runner_app.coach.words import Words, in_unit
from runner_app.services.today import local_today
from runner_app.web.durations import format_duration

__all__ = [
    "KM_PER_MILE",
    "coach_text",
    "distance",
    "duration",
    "metres_per_unit",
    "pace",
    "register",
    "user_today",
    "words",
]


def user_today() -> date:
    """Today in the signed-in runner's time zone (UTC when signed out)."""
    return local_today(getattr(current_user, "timezone", None) or "UTC")


def distance(metres: float | None, units: str | None = None, places: int = 1) -> str:
    """In the runner's units with one decimal, planned or run ("6.3 km", "8.0 km"): the one number format
    a runner reads everywhere. static/js/dom.js formats alike."""
    if metres is None:
        return ""
    return in_unit(metres, units or getattr(current_user, "units", "km") or "km", places)


def coach_text(value: object) -> str:
    """The coach's or the planner's words in the signed-in runner's units: a sentence kept as data
    (`Words`), or a decision, rung or alert (its `words`); plain text as it is."""
    words = getattr(value, "words", value)
    if isinstance(words, Words):
        return words.render(getattr(current_user, "units", "km"))
    return str(value or "")


def duration(seconds: int | None) -> str:
    return format_duration(seconds) if seconds else ""


def pace(metres: float, seconds: int, units: str | None = None) -> str:
    units = units or getattr(current_user, "units", "km") or "km"
    per = metres_per_unit(units)
    if metres <= 0:
        return ""
    secs = round(seconds / (metres / per))
    return f"{secs // 60}:{secs % 60:02d} /{units}"


def step(value: dict[str, object]) -> str:
    """One step of a session's structure in the runner's words and units (web/today/run_card.step_line)."""
    from runner_app.web.today.run_card import step_line

    return step_line(value, getattr(current_user, "units", "km") or "km")


def words(slug: str | None) -> str:
    return (slug or "").replace("_", " ").replace("-", " ")


def register(app: Flask) -> None:
    app.add_template_filter(distance, "distance")
    app.add_template_filter(duration, "duration")
    app.add_template_filter(coach_text, "coach_text")
    app.add_template_filter(words, "words")
    app.add_template_filter(step, "step")
    app.add_template_global(pace, "pace")
    app.add_template_global(user_today, "user_today")
