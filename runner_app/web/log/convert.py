"""Between form fields (in the runner's units) and entry payloads (metres, seconds), both ways."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from flask_wtf import FlaskForm

from runner_app.web.durations import format_duration, parse_duration
from runner_app.web.filters import metres_per_unit
from runner_app.web.log.forms import CrossTrainingForm, PainForm, RunForm, StrengthForm


def _int_or_none(value: Any) -> int | None:
    return None if value in (None, "", "None") else int(value)


def _yes_no(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def _yes_no_text(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def metres_from(value: Decimal | float, units: str) -> float:
    return round(float(value) * metres_per_unit(units), 1)


def _duration_s(form: Any) -> int:
    field = getattr(form, "duration", None)
    text = ((field.data if field is not None else "") or "").strip()
    if text:
        return parse_duration(text)  # the form has checked it reads as a time
    return int(form.duration_min.data or 0) * 60 + int(form.duration_sec.data or 0)


def _fill_duration(form: Any, seconds: int) -> None:
    if hasattr(form, "duration"):
        form.duration.data = format_duration(seconds)
    else:
        form.duration_min.data, form.duration_sec.data = divmod(int(seconds), 60)


def common(form: Any) -> dict[str, Any]:
    return {"date": form.date.data.isoformat(), "notes": (form.notes.data or "").strip()}


def run_payload(form: RunForm, units: str) -> dict[str, Any]:
    return {
        **common(form),
        "kind": form.kind.data,
        "distance_m": metres_from(form.distance.data or 0, units),
        "duration_s": _duration_s(form),
        "rpe": _int_or_none(form.rpe.data),
        "terrain": form.terrain.data,
        "cadence_spm": form.cadence_spm.data,
        "shoe_id": form.shoe_id.data or None,
        "planned_session_id": form.planned_session_id.data or None,
    }


def run_pain_payload(form: RunForm) -> dict[str, Any] | None:
    """The pain felt during the run, logged on the same form, as its own pain entry (or None if not given)."""
    score = _int_or_none(form.pain_score.data)
    if score is None or (score == 0 and not form.pain_location.data):  # no pain, and no place named
        return None
    return {
        "date": form.date.data.isoformat(),  # type: ignore[union-attr]
        "context": "during_run",
        "location": form.pain_location.data,
        "side": form.pain_side.data,
        "score": score,
        "settled_within_60min": _yes_no(form.pain_settled.data),
        "run_id": form.id.data,
        "notes": "",
    }


def pain_payload(form: PainForm) -> dict[str, Any]:
    return {
        **common(form),
        "context": form.context.data,
        "location": form.location.data,
        "side": form.side.data,
        "score": _int_or_none(form.score.data),
        "settled_within_60min": _yes_no(form.settled_within_60min.data),
        "flags": list(form.flags.data or []),
    }


def strength_payload(form: StrengthForm, measures: dict[str, str]) -> dict[str, Any]:
    sets: list[dict[str, Any]] = []
    for row in form.rows:
        r = row.form
        if not r.exercise.data or not r.amount.data:
            continue
        one: dict[str, Any] = {
            "exercise": r.exercise.data,
            measures.get(r.exercise.data, "reps"): r.amount.data,
            "side": r.side.data,
        }
        if r.load_kg.data is not None:
            one["load_kg"] = float(r.load_kg.data)
        sets.extend(dict(one) for _ in range(int(r.sets.data or 1)))
    return {
        **common(form),
        "duration_s": _duration_s(form),
        "rpe": _int_or_none(form.rpe.data),
        "pain_max": _int_or_none(form.pain_max.data),
        "sets": sets,
    }


def cross_payload(form: CrossTrainingForm) -> dict[str, Any]:
    return {
        **common(form),
        "kind": form.kind.data,
        "duration_s": _duration_s(form),
        "rpe": _int_or_none(form.rpe.data),
        "pain_max": _int_or_none(form.pain_max.data),
    }


def fill_common(form: Any, entry: Any) -> None:
    form.id.data, form.version.data = str(entry.id), str(entry.version)
    form.date.data, form.notes.data = entry.date, entry.notes


def fill_run(form: RunForm, entry: Any, units: str, pain: Any | None) -> None:
    fill_common(form, entry)
    per = metres_per_unit(units)
    form.kind.data, form.terrain.data = entry.kind, entry.terrain
    form.distance.data = Decimal(str(round(entry.distance_m / per, 2)))
    _fill_duration(form, entry.duration_s)
    form.rpe.data = None if entry.rpe is None else str(entry.rpe)
    form.cadence_spm.data = entry.cadence_spm
    form.shoe_id.data = entry.shoe_id or ""
    form.planned_session_id.data = entry.planned_session_id or ""
    if pain is not None:
        form.pain_id.data, form.pain_version.data = str(pain.id), str(pain.version)
        form.pain_score.data = str(pain.score)
        form.pain_location.data, form.pain_side.data = pain.location, pain.side
        form.pain_settled.data = _yes_no_text(pain.settled_within_60min)


def fill_pain(form: PainForm, entry: Any) -> None:
    fill_common(form, entry)
    form.context.data, form.location.data, form.side.data = entry.context, entry.location, entry.side
    form.score.data = str(entry.score)
    form.settled_within_60min.data = _yes_no_text(entry.settled_within_60min)
    form.flags.data = list(entry.flags or [])


def fill_strength(form: StrengthForm, entry: Any) -> None:
    fill_common(form, entry)
    _fill_duration(form, entry.duration_s)
    form.rpe.data = None if entry.rpe is None else str(entry.rpe)
    form.pain_max.data = None if entry.pain_max is None else str(entry.pain_max)
    grouped: list[tuple[dict[str, Any], int]] = []
    for one in entry.sets or []:
        if grouped and grouped[-1][0] == one:
            grouped[-1] = (one, grouped[-1][1] + 1)
        else:
            grouped.append((one, 1))
    while len(form.rows) < len(grouped):
        form.rows.append_entry()
    for row, (one, count) in zip(form.rows, grouped, strict=False):
        r = row.form
        r.exercise.data, r.sets.data, r.side.data = one["exercise"], count, one.get("side", "both")
        r.amount.data = one.get("reps") or one.get("seconds") or one.get("steps")
        r.load_kg.data = None if one.get("load_kg") is None else Decimal(str(one["load_kg"]))


def fill_cross(form: CrossTrainingForm, entry: Any) -> None:
    fill_common(form, entry)
    _fill_duration(form, entry.duration_s)
    form.kind.data = entry.kind
    form.rpe.data = None if entry.rpe is None else str(entry.rpe)
    form.pain_max.data = None if entry.pain_max is None else str(entry.pain_max)


def new_id(form: FlaskForm) -> None:
    """A fresh client-style UUID: submitting the same page twice cannot make two entries."""
    if not form.id.data:  # type: ignore[attr-defined]
        form.id.data = str(uuid.uuid4())  # type: ignore[attr-defined]
