"""Small formatting helpers for the reason sentences (numbers always quoted the same way)."""

from __future__ import annotations

import re
from datetime import date

from runner_app.coach.spikes import km

__all__ = [
    "DASH",
    "KM_PER_MILE",
    "TIMES",
    "body_part",
    "day",
    "in_units",
    "km",
    "metres_per_unit",
    "num",
    "pain",
    "pct",
]

TIMES = "\u00d7"  # multiplication sign
DASH = "\u2013"  # en dash, for ranges
KM_PER_MILE = 1.609344

# A distance as km() writes it: digits, one decimal, " km", standing alone ("16.0 km", "(10.0 km,").
_KM_DISTANCE = re.compile(r"(?<![\w.])(\d+\.\d) km\b")


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


def in_units(text: str, units: str | None) -> str:
    """Coach and planner text for a runner's units. Sentences are written (and cached) in km, through km();
    for a runner in miles each such distance becomes miles ("16.0 km" -> "9.9 mi"). Other numbers, and
    race names such as "5 km race pace", are left alone."""
    if units != "mi" or " km" not in text:
        return text
    return _KM_DISTANCE.sub(lambda m: f"{float(m.group(1)) / KM_PER_MILE:.1f} mi", text)
