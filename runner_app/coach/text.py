"""Small formatting helpers for the reason sentences (numbers always quoted the same way)."""

from __future__ import annotations

from datetime import date

from runner_app.coach.spikes import km
from runner_app.coach.words import KM_PER_MILE

__all__ = [
    "DASH",
    "KM_PER_MILE",
    "TIMES",
    "body_part",
    "day",
    "km",
    "metres_per_unit",
    "num",
    "pain",
    "pct",
]

TIMES = "\u00d7"  # multiplication sign
DASH = "\u2013"  # en dash, for ranges


def metres_per_unit(units: str | None) -> float:
    """Metres in one of the runner's units: a mile for a runner in miles, else a kilometre."""
    return KM_PER_MILE * 1000 if units == "mi" else 1000.0


def num(value: float) -> str:
    """A pain mean or baseline with one decimal: 1.8, 3.0."""
    return f"{value:.1f}"


def pain(score: float) -> str:
    """A single pain score out of ten: 4/10."""
    return f"{score:g}/10"


def pct(value: float) -> str:
    return f"{value:g} %"


def day(value: date) -> str:
    """A day as a runner says it: Sat 21 Nov."""
    return f"{value:%a} {value.day} {value:%b}"


_WORDS = {
    "hip": "hip",
    "shin": "shin",
    "achilles": "Achilles",
    "calf": "calf",
    "foot": "foot",
}


def body_part(locations: set[str]) -> str:
    """The word before 'pain' in a sentence: 'knee ' when every location is a knee, '' when mixed."""
    if not locations:
        return ""
    if all(loc.startswith("knee") for loc in locations):
        return "knee "
    if len(locations) == 1:
        word = _WORDS.get(next(iter(locations)))
        return f"{word} " if word else ""
    return ""
