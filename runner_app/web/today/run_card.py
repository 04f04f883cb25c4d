"""Today's run card: what the planned run says (title, distance, target pace, structure) and the values
"Done as planned" logs for it, in the runner's units."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from runner_app.coach.text import metres_per_unit
from runner_app.coach.words import Words, as_words
from runner_app.web.durations import format_duration

EASY_PACE_S_PER_KM = 390  # 6:30/km: a sane easy pace when the plan names neither a pace nor a time


@dataclass(frozen=True)
class RunCard:
    title: str
    title_says_distance: bool  # "Long run 32.0 km with …": the card does not repeat the distance
    distance_m: float
    pace_range_s_per_km: tuple[float, float] | None
    structure: tuple[str, ...]
    fields: dict[str, str]  # the run form's fields, as "Done as planned" posts them


def _numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, Mapping):
        return [
            n
            for key, item in value.items()
            if "s_per" in str(key) or key in ("min", "max")
            for n in _numbers(item)
        ]
    if isinstance(value, list | tuple):
        return [n for item in value for n in _numbers(item)]
    return []


def pace_range(value: Any) -> tuple[float, float] | None:
    """A target pace in seconds per km, from a number, a [fast, slow] pair or a dict of them."""
    found = [n for n in _numbers(value) if n > 0]
    return (min(found), max(found)) if found else None


_STEP_NAMES = {"warmup": "Warm-up", "cooldown": "Cool-down", "recovery": "Recovery", "strides": "Strides"}
_PACE_WORDS = {
    "easy": "easy",
    "marathon": "at marathon pace",
    "threshold": "at threshold pace",
    "interval": "at interval pace",
    "repetition": "quick and relaxed",
}


def _amount(step: Mapping[str, Any], units: str) -> str:
    if step.get("distance_m"):
        return f"{float(step['distance_m']) / metres_per_unit(units):.1f} {units}"
    seconds = int(step.get("duration_s") or 0)
    return f"{seconds // 60} min" if seconds >= 60 and seconds % 60 == 0 else format_duration(seconds)


def step_line(step: Mapping[str, Any], units: str = "km") -> str:
    """One step of a session (api.md: kind, distance_m or duration_s, pace, repeat) as a runner reads it:
    "Warm-up 2.0 km easy", "3 × 10 min at threshold pace", "6 × 0:20 strides quick and relaxed"."""
    repeat = int(step.get("repeat") or 1)
    amount = _amount(step, units)
    amount = f"{repeat} × {amount}" if repeat > 1 else amount
    name = _STEP_NAMES.get(str(step.get("kind")), "")
    pace = _PACE_WORDS.get(str(step.get("pace")), "")
    if step.get("kind") == "strides":
        return f"{amount} strides, {pace}"
    return " ".join(part for part in (name, amount, pace) if part)


def structure_lines(value: Any, units: str = "km") -> tuple[str, ...]:
    """A session's structure as lines to read: steps (api.md), or sentences from an older or imported plan.
    A single easy step says nothing the title does not, so it shows no line."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping):
        if "kind" in value and ("distance_m" in value or "duration_s" in value):
            return (step_line(value, units),)
        text = value.get("text") or value.get("label") or value.get("description")
        return (str(text),) if text else ()
    if isinstance(value, list | tuple):
        only = value[0] if len(value) == 1 and isinstance(value[0], Mapping) else {}
        if only.get("kind") == "run" and only.get("pace") == "easy":
            return ()
        return tuple(line for item in value for line in structure_lines(item, units))
    return (str(value),)


def planned_duration_s(prescribed: Mapping[str, Any]) -> int:
    """The time "Done as planned" logs: the distance at the middle of the target pace range; else the
    planned time; else the distance at an easy pace."""
    metres = float(prescribed.get("distance_m") or 0)
    paces = pace_range(prescribed.get("target_pace"))
    if paces and metres:
        return round(metres / 1000 * (paces[0] + paces[1]) / 2)
    if prescribed.get("duration_s"):
        return int(prescribed["duration_s"])
    return round(metres / 1000 * EASY_PACE_S_PER_KM)


def run_card(prescribed: Mapping[str, Any], units: str, day_iso: str) -> RunCard | None:
    """The card for a planned run, or None when there is no planned session with a distance to log."""
    metres = float(prescribed.get("distance_m") or 0)
    session_id = prescribed.get("session_id")
    if not session_id or metres <= 0:
        return None
    seconds = planned_duration_s(prescribed)
    kind = str(prescribed.get("kind") or "easy")
    fields = {
        "date": day_iso,
        "kind": kind,
        "distance": f"{metres / metres_per_unit(units):.2f}",
        "duration": format_duration(seconds),
        "planned_session_id": str(session_id),
    }
    named = prescribed.get("title")
    title = as_words(named if isinstance(named, Words | str) else None)
    return RunCard(
        title=title.render(units),
        title_says_distance=title.says_distance,
        distance_m=metres,
        pace_range_s_per_km=pace_range(prescribed.get("target_pace")),
        structure=structure_lines(prescribed.get("structure"), units),
        fields=fields,
    )


def pace_text(s_per_km: float, units: str) -> str:
    """min:ss per km (or per mile)."""
    secs = round(s_per_km * metres_per_unit(units) / 1000)
    return f"{secs // 60}:{secs % 60:02d}"
