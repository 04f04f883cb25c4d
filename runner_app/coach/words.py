"""Sentences for the runner kept as data until they are worded in the runner's units.

A `Words` is text with its distances left as numbers (metres): "Your long run is ", 16 km, " instead of ",
21 km, " this week". The coach and the planner build them (`say`); the edges (API, pages, calendar, push,
report) word them once with `render(units)`, so a runner in miles reads "9.9 mi" with no text rewriting.
The API also gets the sentence as a template and its distances by name (`template`), as `model.Reason`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from string import Formatter
from typing import Any

__all__ = ["KM_PER_MILE", "Distance", "Words", "as_words", "in_unit", "rendered", "say", "worded"]

KM_PER_MILE = 1.609344


def in_unit(metres: float, units: str | None, places: int = 1) -> str:
    """A distance in the runner's unit, "6.3 km" or "3.9 mi": the one number format a runner reads
    everywhere. Halves round up, as JavaScript's toFixed does on the phone ("7.25" is "7.3" on both sides,
    not Python's "7.2")."""
    per = KM_PER_MILE * 1000 if units == "mi" else 1000.0
    value = Decimal(metres / per).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{value} {'mi' if units == 'mi' else 'km'}"


@dataclass(frozen=True)
class Distance:
    """A distance inside a sentence, in metres; worded with one decimal in the runner's unit."""

    metres: float

    def render(self, units: str | None) -> str:
        return in_unit(self.metres, units)


Part = str | Distance


def _merged(parts: Iterable[Part]) -> tuple[Part, ...]:
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    return tuple(out)


@dataclass(frozen=True, init=False)
class Words:
    parts: tuple[Part, ...]

    def __init__(self, *parts: Part | Words) -> None:
        flat: list[Part] = []
        for part in parts:
            flat.extend(part.parts if isinstance(part, Words) else (part,))
        object.__setattr__(self, "parts", _merged(flat))

    def render(self, units: str | None = "km") -> str:
        return "".join(p if isinstance(p, str) else p.render(units) for p in self.parts)

    def __str__(self) -> str:
        return self.render("km")

    def __bool__(self) -> bool:
        return bool(self.parts)

    @property
    def says_distance(self) -> bool:
        """Whether the sentence quotes a distance ("Long run 32.0 km …"): nothing beside it need repeat it."""
        return any(isinstance(part, Distance) for part in self.parts)

    def __contains__(self, text: str) -> bool:
        """Whether the sentence, as a runner in km reads it, says `text`."""
        return text in self.render("km")

    def __add__(self, other: Words | str) -> Words:
        return Words(self, other)

    def __radd__(self, other: str) -> Words:
        return Words(other, self)

    def join(self, items: Iterable[Words | str]) -> Words:
        """`self` between the items, as str.join."""
        out: list[Words | str] = []
        for n, item in enumerate(items):
            if n:
                out.append(self)
            out.append(item)
        return Words(*out)

    def clause(self) -> Words:
        """The sentence as a clause inside another: stripped, no full stop, lower-cased first letter unless
        the first word is a name or a number ("Your pain rose." -> "your pain rose")."""
        parts = list(self.parts)
        if parts and isinstance(parts[0], str):
            first = parts[0].lstrip()
            parts[0] = first[:1].lower() + first[1:] if first[1:2].islower() else first
        if parts and isinstance(parts[-1], str):
            parts[-1] = parts[-1].rstrip().rstrip(".")
        return Words(*parts)

    def template(self) -> tuple[str, tuple[tuple[str, float], ...]]:
        """The sentence as a template with `{d1}`, `{d2}` … where its distances go, and those distances
        in metres by name (what the API calls `reason_template` and `reason_params`)."""
        text: list[str] = []
        params: list[tuple[str, float]] = []
        for part in self.parts:
            if isinstance(part, str):
                text.append(part.replace("{", "{{").replace("}", "}}"))
            else:
                params.append((f"d{len(params) + 1}", part.metres))
                text.append(f"{{{params[-1][0]}}}")
        return "".join(text), tuple(params)

    @classmethod
    def from_template(cls, template: str, params: Iterable[tuple[str, float]]) -> Words:
        """The inverse of `template` (and `model.Reason`'s form): `{name}` becomes that distance."""
        values = dict(params)
        parts: list[Part] = []
        for literal, field, _spec, _conversion in Formatter().parse(template):
            parts.append(literal)
            if field is not None:
                parts.append(Distance(values[field]))
        return cls(*parts)


def say(template: str, /, **values: Any) -> Words:
    """A sentence from a template: `Distance` values stay distances, anything else is formatted in place
    with the field's format spec. say("Run {d} at {p:.0f} %", d=Distance(8000), p=80.0)."""
    parts: list[Part] = []
    for literal, field, spec, conversion in Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        value = values[field]
        if isinstance(value, Distance):
            parts.append(value)
        elif isinstance(value, Words):
            parts.extend(value.parts)
        else:
            value = repr(value) if conversion == "r" else value
            parts.append(format(value, spec or ""))
    return Words(*parts)


def as_words(text: Words | str | None) -> Words:
    return text if isinstance(text, Words) else Words(text or "")


def worded(text: str, template: str | None, params: Iterable[tuple[str, float]] = ()) -> Words:
    """A decision's, rung's or alert's sentence as data: from its template when it has one, else its text
    (a sentence with no distance in it)."""
    return Words.from_template(template, params) if template else Words(text)


def rendered(value: Any, units: str | None) -> Any:
    """A value for JSON or a page with every `Words` inside it worded in the runner's units."""
    if isinstance(value, Words):
        return value.render(units)
    if isinstance(value, dict):
        return {key: rendered(item, units) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [rendered(item, units) for item in value]
    return value
