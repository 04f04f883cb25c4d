"""What the report's page needs beyond the report itself: the chart's weeks and labels in plain words."""

from __future__ import annotations

from datetime import date
from typing import Any

from runner_app.coach.text import in_units
from runner_app.services.coach_weeks import WeekRow

STATE_ORDER = ("green", "amber", "red", "refer_urgent")
EVENT_LABELS = {
    "state": "State",
    "rung_started": "Step started",
    "rung_restored": "Step restored",
    "return_stage": "Return to running",
    "alert": "Alert",
    "clearance": "Clearance",
}
SIDES = {"left": "left", "right": "right", "both": "both sides"}


def chart_rows(document: dict[str, Any]) -> list[WeekRow]:
    """The report's weeks in the shape of the coach page's chart (services.coach_weeks.WeekRow)."""
    rows = []
    for week in document["weeks"]:
        states = week["states"]
        worst = max((s for s in STATE_ORDER if states.get(s)), key=STATE_ORDER.index, default="green")
        rows.append(
            WeekRow(
                date.fromisoformat(week["week_start"]),
                (),
                week["mean_morning_pain"],
                week["max_run_pain"],
                tuple(week["rungs"]),
                worst,
                week["distance_m"],
            )
        )
    return rows


def worst_state(week: dict[str, Any]) -> str:
    return max((s for s in STATE_ORDER if week["states"].get(s)), key=STATE_ORDER.index, default="green")


def where(location: str, side: str) -> str:
    """ "knee front, right"."""
    return f"{location.replace('_', ' ')}, {SIDES.get(side, side)}"


def page_context(document: dict[str, Any], units: str | None, **extra: Any) -> dict[str, Any]:
    units = units or "km"
    events = [{**event, "text": in_units(event["text"], units)} for event in document["events"]]
    label_every = max(1, -(-len(document["weeks"]) // 12))  # at most about 12 week labels under the bars
    return {
        "report": document,
        "weeks": document["weeks"],
        "events": events,
        "units": units,
        "label_every": label_every,
        "labels": {
            w["week_start"]: f"{date.fromisoformat(w['week_start']):%-d %b %Y}" for w in document["weeks"]
        },
        "event_labels": EVENT_LABELS,
        "labels_day": lambda iso: f"{date.fromisoformat(iso):%a %-d %b}",
        "worst_state": worst_state,
        "where": where,
        "start": date.fromisoformat(document["from"]),
        "end": date.fromisoformat(document["to"]),
        **extra,
    }
