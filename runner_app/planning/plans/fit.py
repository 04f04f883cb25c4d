"""Fit a week's nominal distances to the spike rules: no planned run above 1.10 x its S1 reference, no
week above 1.20 x the one before it (S3's limit after pain).

The reference is the coach's own (`reference_distance_m`: the longest run of the last 30 days, else half the
longest of the last 60) over the runner's history plus every run planned before it.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.settings import CoachSettings
from runner_app.coach.spikes import reference_distance_m
from runner_app.planning.plans.layout import WeekLayout
from runner_app.planning.settings import PlanningSettings


class SpikeReference:
    """The S1 reference over history plus the plan so far, kept sorted so each lookup stays cheap."""

    def __init__(self, runs: Sequence[tuple[date, float]], coach: CoachSettings) -> None:
        self._runs = sorted((day, distance) for day, distance in runs if distance > 0)
        self._coach = coach

    def add(self, day: date, distance_m: float) -> None:
        if distance_m > 0:
            bisect.insort(self._runs, (day, distance_m))

    def total(self, start: date, end: date) -> float:
        """Distance run or planned in [start, end): a week's volume for S3."""
        low = bisect.bisect_left(self._runs, (start, 0.0))
        high = bisect.bisect_left(self._runs, (end, 0.0))
        return sum(distance for _, distance in self._runs[low:high])

    def on(self, day: date, extra: Sequence[tuple[date, float]] = ()) -> float | None:
        """`reference_distance_m` for a run on `day`, counting `extra` runs not yet added."""
        start = bisect.bisect_left(self._runs, (day - timedelta(days=self._coach.spike_fallback_days), 0.0))
        end = bisect.bisect_left(self._runs, (day, 0.0))
        return reference_distance_m([*self._runs[start:end], *extra], day, self._coach)


def _capped(
    week: WeekLayout,
    want: list[float],
    reference: SpikeReference,
    coach: CoachSettings,
    settings: PlanningSettings,
) -> tuple[list[float], list[float]]:
    """Each run, in date order, at most 1.10 x (S1) its reference over history and the runs before it, and
    a run after the week's long run never longer than it."""
    got: list[float] = []
    caps: list[float] = []
    earlier: list[tuple[date, float]] = []
    long_m = math.inf
    for slot, distance in zip(week.slots, want, strict=True):
        ref = reference.on(slot.date, earlier)
        cap = math.inf if ref is None or slot.kind == "race" else settings.floor_m(ref * coach.s1_ratio)
        if slot.kind not in ("long", "race"):
            cap = min(cap, long_m)
        value = distance if slot.kind == "race" else min(settings.floor_m(distance), cap)
        if slot.kind == "long":
            long_m = value
        got.append(value)
        caps.append(cap)
        earlier.append((slot.date, value))
    return got, caps


def fit_week(
    week: WeekLayout,
    reference: SpikeReference,
    coach: CoachSettings,
    settings: PlanningSettings,
    max_total_m: float = math.inf,
) -> list[float]:
    """Fit the week's runs to the spike rules and add them to `reference`.

    The week's training (the race aside) is first brought down to `max_total_m` (S3: the caller passes
    1.20 x last week), the runs besides the long run first. Then each run is capped (S1, see `_capped`),
    and what the caps removed moves to the week's other non-long runs that have room: up to their own cap,
    never past the long run, at most 1.5 x their nominal distance. A few passes settle it; the last pass is
    always a capping one.
    """
    long_m = sum(slot.distance_m for slot in week.slots if slot.kind == "long")
    others_m = sum(slot.distance_m for slot in week.slots if slot.kind not in ("race", "long"))
    # Over the week's cap, the other runs give way first: the long run is the week's point.
    keep_long = min(1.0, max_total_m / long_m) if long_m > 0 else 1.0
    left_m = max(0.0, max_total_m - long_m * keep_long)
    scale = min(1.0, left_m / others_m) if others_m > 0 else 1.0
    want = [
        slot.distance_m
        if slot.kind == "race"
        else slot.distance_m * (keep_long if slot.kind == "long" else scale)
        for slot in week.slots
    ]
    wanted_total = sum(want)
    got, caps = _capped(week, want, reference, coach, settings)
    for _ in range(3):
        longest = max((g for g, s in zip(got, week.slots, strict=True) if s.kind == "long"), default=math.inf)
        room = [
            0.0 if slot.kind in ("long", "race") else max(0.0, min(cap, longest, 1.5 * slot.distance_m) - g)
            for slot, g, cap in zip(week.slots, got, caps, strict=True)
        ]
        surplus = wanted_total - sum(got)
        if surplus < settings.round_to_m or sum(room) < settings.round_to_m:
            break
        share = min(1.0, surplus / sum(room))
        got, caps = _capped(
            week, [g + r * share for g, r in zip(got, room, strict=True)], reference, coach, settings
        )
    for slot, distance in zip(week.slots, got, strict=True):
        reference.add(slot.date, distance)
    return got
