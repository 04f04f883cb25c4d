"""The schemas of the OpenAPI document, generated: requests from the pydantic models that validate them,
responses from the coach's dataclasses and the shapes below, each typed with the same types the services
return (pydantic's TypeAdapter writes the JSON Schema of both)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter
from typing_extensions import TypedDict

from runner_app.api.openapi_parts import REF
from runner_app.coach.model import Alert, Decision, Metrics, ReturnStage, Rung, RunGuidance, State
from runner_app.planning.daily.exercises import Exercise
from runner_app.planning.daily.tasks import Task
from runner_app.services.plan_generate import GenerateIn
from runner_app.services.plans import PlanIn, SessionIn
from runner_app.services.profile import ProfileIn
from runner_app.services.push import PushEndpointIn, PushSubscriptionIn


class AssessmentOut(TypedDict):
    """What the coach says for one day (`GET /api/v1/coach/timeline` items)."""

    date: date
    state: State
    return_stage: ReturnStage | None
    rungs: list[Rung]
    alerts: list[Alert]
    decisions: list[Decision]
    guidance: RunGuidance
    metrics: Metrics
    progression_frozen: bool
    needs_profile: bool
    disclaimer: str


class TodayOut(AssessmentOut):
    """`GET /api/v1/today`: the day's assessment, its tasks, and what else the runner should read."""

    tasks: list[Task]
    plan_prompt: str | None
    strength_warnings: list[Decision]


class PaceRangeOut(TypedDict):
    min_s_per_km: float
    max_s_per_km: float


class PacesOut(TypedDict):
    easy: PaceRangeOut
    marathon: PaceRangeOut
    threshold: PaceRangeOut
    interval: PaceRangeOut
    repetition: PaceRangeOut


class StepOut(TypedDict, total=False):
    """One step of a session (api.md): a distance or a duration at a named pace, repeated."""

    kind: Literal["warmup", "run", "recovery", "cooldown", "strides"]
    distance_m: float
    duration_s: int
    pace: Literal["easy", "marathon", "threshold", "interval", "repetition"]
    repeat: int


class PlanOut(TypedDict):
    race_name: str
    race_date: date
    race_distance_m: float
    start_date: date
    template: list[str]
    weekly_targets_m: list[float]
    long_run_day: int
    strength_days: list[int]
    source: Literal["built", "generated", "imported"]
    updated_at: datetime
    paces: PacesOut | None
    vdot: float | None
    predicted_race_s: int | None
    fitness_note: str
    goal_duration_s: int | None
    goal_note: str | None


class PlanWarning(TypedDict):
    rule: str
    reason: str
    source: str


class AlternativeOut(TypedDict):
    label: str
    race_distance_m: float
    race_date: date


class GeneratedPlanOut(PlanOut):
    warnings: list[PlanWarning]
    alternatives: list[AlternativeOut]


class SessionOut(TypedDict):
    id: str
    date: date
    kind: str
    distance_m: float
    duration_s: int | None
    notes: str
    week_index: int
    phase: str
    edited: bool
    spike_override: bool
    title: str
    structure: list[StepOut]
    target_pace: PaceRangeOut | None


class RecentRaceOut(TypedDict):
    distance_m: float
    duration_s: int
    date: date


class ProfileOut(TypedDict):
    runs_per_week: int
    weekly_distance_m: float
    longest_run_m: float | None
    last_run_date: date | None
    usual_morning_pain: int | None
    recent_race: RecentRaceOut | None
    units: Literal["km", "mi"]
    as_of: date
    updated_at: datetime


class TaskCheckIn(TypedDict):
    done: bool


class TaskCheckOut(TypedDict):
    date: date
    key: str
    done: bool


class PushKeyOut(TypedDict):
    """The server's VAPID public key (base64url), for `pushManager.subscribe({applicationServerKey})`."""

    application_server_key: str


class PushSubscriptionOut(TypedDict):
    """A stored subscription. `moved_from_another_account`: this browser's reminders were another account's
    until now (a shared phone follows whoever signed in last); that account no longer gets them."""

    endpoint: str
    created_at: datetime
    moved_from_another_account: bool


REQUESTS: dict[str, type[BaseModel]] = {
    "PlanIn": PlanIn,
    "GenerateIn": GenerateIn,
    "SessionIn": SessionIn,
    "ProfileIn": ProfileIn,
    "PushSubscriptionIn": PushSubscriptionIn,
    "PushEndpointIn": PushEndpointIn,
}
RESPONSES: dict[str, Any] = {
    "Assessment": AssessmentOut,
    "Today": TodayOut,
    "Plan": PlanOut,
    "GeneratedPlan": GeneratedPlanOut,
    "PlannedSession": SessionOut,
    "Profile": ProfileOut,
    "TaskCheckIn": TaskCheckIn,
    "TaskCheck": TaskCheckOut,
    "Exercise": Exercise,
    "PushKey": PushKeyOut,
    "PushSubscription": PushSubscriptionOut,
}


# A reason kept as data (coach.model.Reason) reaches the API as `reason_template` and `reason_params`
# (metres by name), and only when the sentence quotes a distance (services.today._worded).
_WORDED_AS = {
    "reason_template": {"type": "string"},
    "reason_params": {"type": "object", "additionalProperties": {"type": "number"}},
}


def _strict(schema: Any) -> Any:
    """Every field of an object the server answers is present (the coach's dataclasses are written out whole,
    defaults included), so each is required; a reason's template and distances are optional, as worded."""
    if isinstance(schema, dict):
        out = {key: _strict(value) for key, value in schema.items()}
        if out.get("type") == "object" and "properties" in out:
            props = out["properties"]
            worded = "template" in props and "params" in props and ("reason" in props or "message" in props)
            if worded:
                props = {k: v for k, v in props.items() if k not in ("template", "params")}
                out["properties"] = {**props, **_WORDED_AS}
            out["required"] = list(props)
        return out
    if isinstance(schema, list):
        return [_strict(item) for item in schema]
    return schema


def generated_schemas() -> dict[str, Any]:
    """Component schemas by name (nested types under their own names too)."""
    out: dict[str, Any] = {}
    for name, model in REQUESTS.items():
        schema = model.model_json_schema(mode="validation", ref_template=REF)
        out.update(schema.pop("$defs", {}))
        out[name] = schema
    for name, shape in RESPONSES.items():
        schema = TypeAdapter(shape).json_schema(mode="serialization", ref_template=REF)
        out.update(_strict(schema.pop("$defs", {})))
        out[name] = _strict(schema)
    return out
