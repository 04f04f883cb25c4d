"""History's totals as a bar chart: the geometry here, the SVG drawn by the template (no script, nothing from
another origin)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from runner_app.coach.text import metres_per_unit
from runner_app.services.run_totals import Total

WIDTH, HEIGHT, BASE, TOP = 320, 160, 140, 16


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str  # the distance in the runner's units, for the bar's title


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    name: str
    width: int = WIDTH
    height: int = HEIGHT
    base: int = BASE


def bar_chart(rows: Sequence[Total], labels: Sequence[str], units: str) -> BarChart:
    """One bar a period, its height the distance; the figures themselves sit in the table below it."""
    per = metres_per_unit(units)
    most = max((r.distance_m for r in rows), default=0) or 1
    step = WIDTH / max(len(rows), 1)
    bars = tuple(
        Bar(
            x=n * step + step * 0.15,
            y=BASE - (BASE - TOP) * row.distance_m / most,
            width=step * 0.7,
            height=(BASE - TOP) * row.distance_m / most,
            label=label,
            value=f"{row.distance_m / per:.1f} {units}",
        )
        for n, (row, label) in enumerate(zip(rows, labels, strict=True))
    )
    return BarChart(bars, f"Distance by period, the most {most / per:.1f} {units}")
