"""The plan's vocabulary: a weekly template, a plan spec and the sessions it expands to."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal, get_args

from runner_app.coach.words import Words
from runner_app.planning.plans.paces import PaceRange

TemplateKind = Literal["rest", "easy", "long", "tempo", "intervals", "hills", "cross_training"]
SessionKind = Literal[
    "rest", "easy", "recovery", "long", "tempo", "intervals", "hills", "race", "cross_training"
]
Phase = Literal["base", "build", "cutback", "peak", "taper", "race", "recovery"]

TEMPLATE_KINDS: frozenset[str] = frozenset(get_args(TemplateKind))
SESSION_KINDS: frozenset[str] = frozenset(get_args(SessionKind))
RUN_KINDS: frozenset[str] = frozenset({"easy", "recovery", "long", "tempo", "intervals", "hills", "race"})
QUALITY_KINDS: frozenset[str] = frozenset({"tempo", "intervals", "hills"})

_PLAN_NAMESPACE = uuid.UUID("6f1c2a44-5b0e-4b8e-9a51-2f8f4f1f7c3d")


def monday_of(day: date) -> date:
    """The Monday that starts `day`'s ISO week (weeks run Monday to Sunday, coach-rules.md)."""
    return day - timedelta(days=day.weekday())


def session_id(plan_id: str, on: date) -> str:
    """A stable id for the session of `plan_id` on `on`: regenerating the same plan gives the same ids."""
    return str(uuid.uuid5(_PLAN_NAMESPACE, f"{plan_id}/{on.isoformat()}"))


def plan_id_for(race_name: str, race_date: date, start_date: date) -> str:
    """A deterministic plan id when the caller has none (the service may pass its own database id)."""
    name = f"plan/{race_name}/{race_date.isoformat()}/{start_date.isoformat()}"
    return str(uuid.uuid5(_PLAN_NAMESPACE, name))


@dataclass(frozen=True)
class WeeklyTemplate:
    """What each weekday holds, Monday (0) to Sunday (6)."""

    days: tuple[TemplateKind, ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError(f"a weekly template has 7 days, not {len(self.days)}")
        bad = [kind for kind in self.days if kind not in TEMPLATE_KINDS]
        if bad:
            raise ValueError(f"unknown template kinds: {', '.join(sorted(set(bad)))}")

    def kind_on(self, weekday: int) -> TemplateKind:
        return self.days[weekday]

    @property
    def run_days(self) -> tuple[int, ...]:
        return tuple(day for day, kind in enumerate(self.days) if kind in RUN_KINDS)


@dataclass(frozen=True)
class PlanSpec:
    """A plan as the runner describes it: race, dates, weekly template and one distance target per week."""

    race_name: str
    race_date: date
    start_date: date
    template: WeeklyTemplate
    weekly_targets_m: tuple[float, ...]
    long_run_day: int

    def __post_init__(self) -> None:
        if not 0 <= self.long_run_day <= 6:
            raise ValueError(f"long_run_day is a weekday 0-6, not {self.long_run_day}")
        if self.race_date < self.start_date:
            raise ValueError("the race date is before the plan starts")

    def week_index(self, day: date) -> int:
        return (monday_of(day) - monday_of(self.start_date)).days // 7


@dataclass(frozen=True)
class PlannedSession:
    """One day of a plan. `duration_s` is None when the plan gives a distance only."""

    id: str
    date: date
    kind: SessionKind
    distance_m: float
    duration_s: int | None
    notes: str
    week_index: int
    phase: Phase
    spike_override: bool = False  # the runner chose to run it even though S2 refuses it (planned_spikes.py)
    title: str = ""  # "Threshold 3 × 10 min", "Long run {distance}" (sessions.py; worded by `title_words`)
    structure: tuple[dict[str, Any], ...] = ()  # steps at named paces (api.md)
    target_pace: PaceRange | None = None  # the session's main pace; None when set by effort
    easy_pace: PaceRange | None = None  # the runner's E range, shown when the coach makes the session easy

    @property
    def is_run(self) -> bool:
        return self.kind in RUN_KINDS

    @property
    def title_words(self) -> Words:
        return title_words(self.title, self.distance_m, self.structure)


def title_words(title: str, distance_m: float, structure: Sequence[Mapping[str, Any]]) -> Words:
    """A session's title with its distances as data: `{distance}` is the session's, `{marathon}` the part
    at marathon pace ("Long run {distance} with {marathon} at marathon pace")."""
    marathon = sum(
        float(step["distance_m"]) * int(step.get("repeat", 1))
        for step in structure
        if step.get("pace") == "marathon" and "distance_m" in step
    )
    try:
        return Words.from_template(title, (("distance", distance_m), ("marathon", marathon)))
    except (KeyError, ValueError, IndexError):  # a title with a stray brace: as it is
        return Words(title)


def phases_for_weeks(week_totals_m: list[float], race_week: int | None) -> list[Phase]:
    """Label weeks of a plan that did not come from the generator (an imported CSV).

    The race week is `race`; the week of highest volume before it is `peak`, the weeks between are `taper`;
    before the peak, a week 15 % or more below the week before it is a `cutback`, the first third is `base`
    and the rest `build`. Without a race, the last week is just another training week.
    """
    count = len(week_totals_m)
    end = race_week if race_week is not None else count
    phases: list[Phase] = ["build"] * count
    peak = max(range(end), key=lambda i: (week_totals_m[i], i)) if end > 0 else None
    for i in range(count):
        if race_week is not None and i >= race_week:
            phases[i] = "race" if i == race_week else "base"  # after the race: rebuild from base
        elif peak is not None and i > peak and race_week is not None:
            phases[i] = "taper"
        elif i == peak and race_week is not None:
            phases[i] = "peak"
        elif i > 0 and week_totals_m[i] <= 0.85 * week_totals_m[i - 1]:
            phases[i] = "cutback"
        elif i < max(end, 1) / 3:
            phases[i] = "base"
    return phases
