"""Today's run card: what the planned run says (title, distance, target pace, structure) and the values
"Done as planned" logs for it, in the runner's units."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from runner_app.coach.text import metres_per_unit
from runner_app.web.durations import format_duration

EASY_PACE_S_PER_KM = 390  # 6:30/km: a sane easy pace when the plan names neither a pace nor a time


@dataclass(frozen=True)
class RunCard:
    title: str
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


def structure_lines(value: Any) -> tuple[str, ...]:
    """A session's structure as lines to read: a sentence, a list of sentences, or parts with a text."""
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Mapping):
        text = value.get("text") or value.get("label") or value.get("description")
        return (str(text),) if text else ()
    if isinstance(value, list | tuple):
        return tuple(line for item in value for line in structure_lines(item))
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
    return RunCard(
        title=str(prescribed.get("title") or ""),
        distance_m=metres,
        pace_range_s_per_km=pace_range(prescribed.get("target_pace")),
        structure=structure_lines(prescribed.get("structure")),
        fields=fields,
    )


def pace_text(s_per_km: float, units: str) -> str:
    """min:ss per km (or per mile)."""
    secs = round(s_per_km * metres_per_unit(units) / 1000)
    return f"{secs // 60}:{secs % 60:02d}"
