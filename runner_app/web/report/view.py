"""What the report's page needs beyond the report itself: the chart's weeks and labels in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from runner_app.services.coach_weeks import WeekRow
from runner_app.services.report_pdf import EVENT_LABELS
from runner_app.web.coach.chart import Chart

STATE_ORDER = ("green", "amber", "red", "refer_urgent")
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


@dataclass(frozen=True)
class LocationLine:
    """Mean morning pain of one location and side, week by week, on the chart's pain axis."""

    label: str
    runs: tuple[tuple[tuple[float, float], ...], ...]  # a week with no check-in breaks the line


def location_lines(document: dict[str, Any], chart: Chart, most: int = 4) -> list[LocationLine]:
    """One line per painful location (the `most` with the most check-ins), when more than one hurts: with a
    single location the chart's morning line already is that location's."""
    series: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for index, week in enumerate(sorted(document["weeks"], key=lambda w: w["week_start"])):
        for row in week["pain"]:
            if row["morning_mean"] is not None:
                series.setdefault((row["location"], row["side"]), []).append((index, row["morning_mean"]))
    if len(series) < 2:
        return []
    kept = sorted(series.items(), key=lambda item: -len(item[1]))[:most]
    lines = []
    for (location, side), values in kept:
        runs: list[list[tuple[float, float]]] = [[]]
        last = None
        for index, mean in values:
            bar = chart.bars[index]
            y = chart.bottom - (chart.bottom - chart.top) * mean / 10
            point = (round(bar.x + bar.width / 2, 1), round(y, 1))
            if last is not None and index != last + 1:
                runs.append([])
            runs[-1].append(point)
            last = index
        lines.append(LocationLine(where(location, side), tuple(tuple(run) for run in runs)))
    return lines


def worst_state(week: dict[str, Any]) -> str:
    return max((s for s in STATE_ORDER if week["states"].get(s)), key=STATE_ORDER.index, default="green")


def where(location: str, side: str) -> str:
    """ "knee front, right"."""
    return f"{location.replace('_', ' ')}, {SIDES.get(side, side)}"


def page_context(document: dict[str, Any], units: str | None, **extra: Any) -> dict[str, Any]:
    units = units or "km"
    events = document["events"]
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
