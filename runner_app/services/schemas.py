"""The shapes of what a runner logs, validated once for both the API and the HTML forms.

Numbers are strict (a JSON string or boolean is not a number); unknown fields are ignored; every bad field is
reported, so a 422 names all of them at once.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    model_validator,
)

from runner_app.coach.model import PainContext, PainFlag, PainLocation, RunKind, Side, Terrain

SCHEMA_VERSION = 1  # offline.md: the phone may replay older payloads; every version up to this is accepted
# Every date the app takes (entries, plans, query parameters, page links) lies in this one range, checked by
# parse_day / check_day: nothing a runner logs or plans is outside it, and arithmetic near it cannot overflow.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
DATE_MESSAGE = "must be a date written YYYY-MM-DD"
RANGE_MESSAGE = f"must be between {EARLIEST_DATE} and {LATEST_DATE}"
NUL_MESSAGE = "must not contain a NUL character"

CrossKind = Literal["cycling", "swimming", "walking", "elliptical", "other"]
ClinicianKind = Literal["gp", "physio", "other"]

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_day(value: date) -> date:
    """`value` when it lies in the app's one date range; ValueError(RANGE_MESSAGE) otherwise."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(RANGE_MESSAGE)
    return value


def parse_day(raw: str) -> date:
    """A date written YYYY-MM-DD, and only so (Python also reads 20261122 and 2026-W47-7), in the app's date
    range. ValueError with the runner's words otherwise: the one parser for every date the app takes."""
    if not isinstance(raw, str) or not _DATE_RE.fullmatch(raw):
        raise ValueError(DATE_MESSAGE)
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        raise ValueError("is not a real calendar date") from None
    return check_day(value)


MONTH_MESSAGE = "must be a month written YYYY-MM"
_MONTH_RE = re.compile(r"\d{4}-\d{2}")


def parse_month(raw: str) -> tuple[date, date]:
    """A month written YYYY-MM as its first and last day, checked by `parse_day`; ValueError otherwise."""
    if not isinstance(raw, str) or not _MONTH_RE.fullmatch(raw):
        raise ValueError(MONTH_MESSAGE)
    try:
        first = parse_day(f"{raw}-01")
    except ValueError:
        raise ValueError(MONTH_MESSAGE) from None
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, check_day(following - timedelta(days=1))


def _parse_day(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError("must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return check_day(value)
    return parse_day(value)


def _not_in_future(value: date) -> date:
    # One day of slack covers every time zone ahead of UTC.
    if value > datetime.now(UTC).date() + timedelta(days=1):
        raise ValueError("cannot be in the future")
    return value


def nul_fields(value: Any, path: str = "") -> list[str]:
    """The dotted paths of every string (key or value) in a JSON-like `value` holding a NUL character, which
    PostgreSQL cannot store in text and an export could not carry from SQLite."""
    found: list[str] = []
    if isinstance(value, str):
        if "\x00" in value:
            found.append(path or "body")
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                found.append(name)
            else:
                found.extend(nul_fields(item, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(nul_fields(item, f"{path}.{index}" if path else str(index)))
    return found


Day = Annotated[date, BeforeValidator(_parse_day), AfterValidator(_not_in_future)]
PlanDay = Annotated[date, BeforeValidator(_parse_day)]  # plans look ahead
Int = Annotated[int, Strict()]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Bool = Annotated[bool, Strict()]
Notes = Annotated[str, Strict(), Field(max_length=2000)]
Rpe = Annotated[int, Strict(), Field(ge=0, le=10)]
Score = Annotated[int, Strict(), Field(ge=0, le=10)]
DurationS = Annotated[int, Strict(), Field(gt=0, le=172_800)]
Slug = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9_-]{1,64}$")]
ShortText = Annotated[str, Strict(), Field(max_length=64)]


class Schema(BaseModel):
    """Unknown fields ignored; validated values frozen."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class EntryIn(Schema):
    """Fields every entry has."""

    date: Day
    notes: Notes = ""
    schema_version: Annotated[int, Strict(), Field(ge=1, le=SCHEMA_VERSION)] = SCHEMA_VERSION


class RunIn(EntryIn):
    kind: RunKind
    distance_m: Annotated[float, Strict(), Field(gt=0, le=500_000, allow_inf_nan=False)]
    duration_s: DurationS
    rpe: Rpe | None = None
    terrain: Terrain = "flat"
    cadence_spm: Annotated[int, Strict(), Field(ge=60, le=260)] | None = None
    shoe_id: ShortText | None = None
    planned_session_id: ShortText | None = None


class PainIn(EntryIn):
    context: PainContext
    location: PainLocation
    side: Side
    score: Score
    settled_within_60min: Bool | None = None
    flags: Annotated[list[PainFlag], Field(max_length=9)] = []
    run_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _tidy_flags(self) -> PainIn:
        object.__setattr__(self, "flags", sorted(set(self.flags)))
        return self


class StrengthSetIn(Schema):
    exercise: Slug
    reps: Annotated[int, Strict(), Field(ge=1, le=1000)] | None = None
    seconds: Annotated[int, Strict(), Field(ge=1, le=3600)] | None = None
    steps: Annotated[int, Strict(), Field(ge=1, le=1000)] | None = None
    load_kg: Annotated[float, Strict(), Field(ge=0, le=500, allow_inf_nan=False)] | None = None
    side: Side = "both"

    @model_validator(mode="after")
    def _one_measure(self) -> StrengthSetIn:
        given = [n for n in ("reps", "seconds", "steps") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of reps, seconds or steps")
        return self


class StrengthIn(EntryIn):
    duration_s: DurationS
    rpe: Rpe | None = None
    pain_max: Score | None = None
    sets: Annotated[list[StrengthSetIn], Field(max_length=200)] = []


class CrossTrainingIn(EntryIn):
    kind: CrossKind
    duration_s: DurationS
    rpe: Rpe | None = None
    pain_max: Score | None = None


class ClearanceIn(EntryIn):
    by: ClinicianKind


class ShoeIn(EntryIn):
    name: Annotated[str, Strict(), Field(min_length=1, max_length=80)]
    start_m: Annotated[float, Strict(), Field(ge=0, le=5_000_000, allow_inf_nan=False)] = 0.0
    retire_at_m: Annotated[float, Strict(), Field(ge=50_000, le=5_000_000, allow_inf_nan=False)] = 700_000.0
    retired: Bool = False


class Invalid(Exception):
    """Bad input: `errors` maps each bad field (dotted path) to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items()))
        self.errors = errors


# pydantic's wording for the common refusals, as the rest of the API words them ("must be ..."): these are
# the messages a runner reads beside a field and in the phone's "needs attention" list.
_MESSAGES = {
    "missing": "is required",
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "string_too_short": "must be at least {min_length} characters",
    "string_too_long": "must be at most {max_length} characters",
    "string_pattern_mismatch": "must match the pattern {pattern}",
    "too_short": "must have at least {min_length} items",
    "too_long": "must have at most {max_length} items",
    "literal_error": "must be one of {expected}",
    "enum": "must be one of {expected}",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a number",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "dict_type": "must be an object",
}


def _message(error: Any) -> str:
    template = _MESSAGES.get(str(error.get("type")))
    if template is not None:
        limits = error.get("ctx", {})
        ctx = {k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in limits.items()}
        try:
            return template.format(**ctx)
        except (KeyError, IndexError):
            pass  # a context pydantic did not give: its own words below
    msg = str(error["msg"])
    return msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")


def validate(schema: type[BaseModel], payload: Any) -> BaseModel:
    """Validate `payload` against `schema`, turning pydantic's report into `Invalid` keyed by field."""
    if not isinstance(payload, dict):
        raise Invalid({"body": ["must be a JSON object"]})
    try:
        return schema.model_validate(payload)
    except ValidationError as exc:
        errors: dict[str, list[str]] = {}
        for err in exc.errors():
            loc = [str(p) for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
            # Drop the type tag pydantic adds for union members ("int", "none", "constrained-int"...).
            loc = [p for p in loc if p not in {"int", "float", "none", "str", "bool"}]
            key = ".".join(loc) or "body"
            message = _message(err)
            if message not in errors.setdefault(key, []):
                errors[key].append(message)
        raise Invalid(errors) from None
