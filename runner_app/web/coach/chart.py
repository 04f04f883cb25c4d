"""Weekly distance against pain, as the geometry of a small SVG chart drawn on the server (no script, no
library): a bar per week for the distance run, a line for the mean morning pain and a dot for the worst pain
on a run, both on the 0-10 scale. The table under it keeps the same figures for screen readers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from runner_app.coach.text import KM_PER_MILE
from runner_app.services.coach_weeks import WeekRow

WIDTH, HEIGHT = 360, 192
LEFT, RIGHT, TOP, BOTTOM = 34, 330, 22, 164  # the plot area; distance on the left axis, pain on the right
PAIN_MAX = 10


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the day of the week's Monday, "30"
    month: str  # its month under the first week and wherever the month changes, "Nov"; else ""
    title: str  # what a pointer or a screen reader gets: "Week of 30 Nov: 26.9 km, morning pain 0.2"


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    value: float


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    morning: tuple[tuple[Dot, ...], ...]  # the line's runs of consecutive weeks with check-ins
    run_pain: tuple[Dot, ...]
    distance_ticks: tuple[Tick, ...]
    pain_ticks: tuple[Tick, ...]
    unit: str
    summary: str  # the chart in one sentence, for aria-label

    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = RIGHT
    top: int = TOP
    bottom: int = BOTTOM


def nice_ceiling(value: float) -> float:
    """The axis top: the value rounded up to a round figure (53 -> 60, 130 -> 150), at least 5, so the tallest
    bar fills most of the height and the half-way tick is round too."""
    if value <= 5:
        return 5.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 1.5, 2, 3, 4, 5, 6, 8, 10) if step * power >= value)


def _pain_y(score: float) -> float:
    return round(BOTTOM - (BOTTOM - TOP) * score / PAIN_MAX, 1)


def volume_pain_chart(rows: Sequence[WeekRow], units: str = "km") -> Chart:
    """The chart of `rows` (any order), oldest week on the left."""
    weeks = sorted(rows, key=lambda row: row.start)
    unit = "mi" if units == "mi" else "km"
    per_unit = 1000 * (KM_PER_MILE if unit == "mi" else 1)
    amounts = [row.distance_m / per_unit for row in weeks]
    top = nice_ceiling(max(amounts, default=0.0))
    slot = (RIGHT - LEFT) / max(1, len(weeks))
    bars: list[Bar] = []
    runs: list[list[Dot]] = [[]]
    run_pain: list[Dot] = []
    for index, (row, amount) in enumerate(zip(weeks, amounts, strict=True)):
        centre = round(LEFT + slot * (index + 0.5), 1)
        height = round((BOTTOM - TOP) * amount / top, 1)
        month = f"{row.start:%b}"
        new_month = index == 0 or weeks[index - 1].start.month != row.start.month
        said = [f"Week of {row.start.day} {month}: {amount:.1f} {unit}"]
        if row.mean_morning_pain is not None:
            said.append(f"morning pain {row.mean_morning_pain:.1f}")
            runs[-1].append(Dot(centre, _pain_y(row.mean_morning_pain), row.mean_morning_pain))
        elif runs[-1]:
            runs.append([])  # no check-ins that week: the line breaks rather than inventing a value
        if row.max_run_pain is not None:
            said.append(f"worst pain on a run {row.max_run_pain}")
            run_pain.append(Dot(centre, _pain_y(row.max_run_pain), row.max_run_pain))
        width = round(slot * 0.6, 1)
        bars.append(
            Bar(
                round(centre - width / 2, 1),
                round(BOTTOM - height, 1),
                width,
                height,
                str(row.start.day),
                month if new_month else "",
                ", ".join(said),
            )
        )
    distance_ticks = tuple(Tick(round(BOTTOM - (BOTTOM - TOP) * f, 1), f"{top * f:g}") for f in (0, 0.5, 1))
    pain_ticks = tuple(Tick(_pain_y(score), str(score)) for score in (0, 5, 10))
    return Chart(
        tuple(bars),
        tuple(tuple(run) for run in runs if run),
        tuple(run_pain),
        distance_ticks,
        pain_ticks,
        unit,
        _summary(weeks, amounts, unit),
    )


def _summary(weeks: Sequence[WeekRow], amounts: Sequence[float], unit: str) -> str:
    if not weeks:
        return "No weeks to show."
    first, last = weeks[0], weeks[-1]
    pains = [row.mean_morning_pain for row in weeks if row.mean_morning_pain is not None]
    pain = "; no morning check-ins"
    if pains:
        pain = f"; mean morning pain from {pains[0]:.1f} to {pains[-1]:.1f}"
    return (
        f"Weekly distance and pain from the week of {first.start.day} {first.start:%b} to that of "
        f"{last.start.day} {last.start:%b}: distance from {amounts[0]:.1f} to {amounts[-1]:.1f} {unit}{pain}."
    )
