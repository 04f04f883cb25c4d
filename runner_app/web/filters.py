"""Template helpers: units, durations and the runner's local day."""

from __future__ import annotations

from datetime import date

from flask import Flask
from flask_login import current_user

from runner_app.coach.text import KM_PER_MILE, in_units, metres_per_unit
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


def distance(metres: float | None, units: str | None = None, places: int = 2) -> str:
    """In the runner's units: two decimals for what was run ("7.25 km"), one when the second is 0 ("8.0 km");
    `places=1` for what is planned ("6.3 km", not "6.29 km"). static/js/dom.js formats alike."""
    if metres is None:
        return ""
    units = units or getattr(current_user, "units", "km") or "km"
    value = f"{metres / metres_per_unit(units):.{places}f}"
    if places > 1 and value.endswith("0"):
        value = value[:-1]
    return f"{value} {'mi' if units == 'mi' else 'km'}"


def coach_text(text: str | None) -> str:
    """The coach's or the planner's words (written in km) in the signed-in runner's units."""
    return in_units(text or "", getattr(current_user, "units", "km"))


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
