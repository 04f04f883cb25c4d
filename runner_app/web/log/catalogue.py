"""The exercise catalogue as the strength form needs it (choices, what each one counts, how-to text)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from runner_app.planning.daily.exercises import CATALOGUE, Exercise


@dataclass(frozen=True)
class ExerciseView:
    slug: str
    name: str
    cues: tuple[str, ...]
    prescription: str


def prescription_text(ex: Exercise) -> str:
    amount = f"{ex.low}" if ex.low == ex.high else f"{ex.low}–{ex.high}"
    unit = {"reps": "", "seconds": " s", "steps": " steps"}[ex.measure]
    return f"{ex.sets} × {amount}{unit}{' a side' if ex.per_side else ''}"


def exercise_choices() -> list[tuple[str, str]]:
    return [(ex.slug, ex.name) for ex in CATALOGUE]


def exercise_measures() -> dict[str, str]:
    return {ex.slug: ex.measure for ex in CATALOGUE}


def exercise_catalogue() -> list[ExerciseView]:
    return [ExerciseView(ex.slug, ex.name, ex.cues, prescription_text(ex)) for ex in CATALOGUE]


def register(app: Flask) -> None:
    app.add_template_global(exercise_catalogue, "exercise_catalogue")
