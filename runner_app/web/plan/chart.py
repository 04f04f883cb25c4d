"""The whole plan at a glance: a bar per week for its planned distance and a dot per week for its long run,
an SVG drawn on the server (no script, no library). The week list under it keeps the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 360, 180
LEFT, RIGHT, TOP, BOTTOM = 34, 350, 14, 150
PHASE_CLASS = {"cutback": "cut", "taper": "taper", "race": "race", "recovery": "recovery"}
# Drawn with presentation attributes, so the chart reads without any stylesheet.
FILL = {"build": "#3b6fb6", "cut": "#93b3e0", "taper": "#5f9e6e", "race": "#c8643b", "recovery": "#b5b5b5"}


@dataclass(frozen=True)
class ChartWeek:
    start: date
    phase: str
    planned_m: float
    long_m: float


def plan_chart(weeks: Sequence[ChartWeek], per_unit_m: float, unit: str) -> Markup:
    """The SVG, in the runner's unit; an empty Markup for a plan without weeks."""
    if not weeks:
        return Markup("")
    top = max(max(w.planned_m for w in weeks), 1.0) / per_unit_m
    step = 10 if top <= 60 else 20 if top <= 120 else 50
    ceiling = (int(top // step) + 1) * step
    slot = (RIGHT - LEFT) / len(weeks)

    def y(value_m: float) -> float:
        return BOTTOM - (value_m / per_unit_m) / ceiling * (BOTTOM - TOP)

    parts = [
        f'<svg class="plan-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        'aria-labelledby="pc-title pc-desc">',
        '<title id="pc-title">Weekly distance and long run, week by week</title>',
        f'<desc id="pc-desc">Bars: planned distance a week, in {unit}. Dots: the long run.</desc>',
    ]
    for tick in range(0, ceiling + 1, step):
        ty = BOTTOM - tick / ceiling * (BOTTOM - TOP)
        parts.append(
            f'<line class="grid" stroke="#ddd" x1="{LEFT}" x2="{RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
        )
        parts.append(
            f'<text class="axis-tick" font-size="9" x="{LEFT - 4}" y="{ty + 3:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    points: list[str] = []
    for index, week in enumerate(weeks):
        x = LEFT + index * slot
        top_y = y(week.planned_m)
        label = (
            f"Week of {week.start:%-d %b} ({escape(week.phase)}): {week.planned_m / per_unit_m:.1f} {unit}, "
            f"long run {week.long_m / per_unit_m:.1f} {unit}"
        )
        css = PHASE_CLASS.get(week.phase, "build")
        parts.append(
            f'<rect class="bar {css}" fill="{FILL[css]}" x="{x + slot * 0.15:.1f}" y="{top_y:.1f}" '
            f'width="{slot * 0.7:.1f}" '
            f'height="{BOTTOM - top_y:.1f}"><title>{label}</title></rect>'
        )
        if week.long_m > 0:
            cx, cy = x + slot / 2, y(week.long_m)
            points.append(f"{cx:.1f},{cy:.1f}")
            parts.append(
                f'<circle class="long" fill="#222" cx="{cx:.1f}" cy="{cy:.1f}" r="2.6">'
                f"<title>{label}</title></circle>"
            )
        if index % 4 == 0:
            parts.append(
                f'<text class="axis-tick" font-size="9" x="{x + slot / 2:.1f}" y="{BOTTOM + 14}" '
                'text-anchor="middle">'
                f"{week.start:%-d %b}</text>"
            )
    if len(points) > 1:
        parts.append(
            f'<polyline class="long" fill="none" stroke="#222" stroke-width="1.2" '
            f'points="{" ".join(points)}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value drawn is a number, a date or escaped
