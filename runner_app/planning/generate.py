"""Generate a plan from current weekly volume to a race date. Deterministic: same inputs, same plan.

Plans run in whole ISO weeks from the Monday on or after the start date. Counting back from the race week:
a 2-week taper (3 weeks for plans of 16+ weeks), the peak week about 3 weeks out, and before it blocks of 3 or
4 weeks each ending in a cut-back week (-20 %); a race only three weeks away gets no build, only the taper.
Volumes (volume.py): build weeks +10 % while below a sensible peak for the race, then +5 %, never past
1.15 x max(that peak, current volume). The long run starts from the runner's longest recent run and grows
+10 % a build week, between its usual share of the week and 40 % of it (half and full marathon), capped at
33 km. Each week has the long run, at most one quality session (hills in base weeks) and easy runs
(layout.py). Then the spike rules (fit.py): every run is capped at 1.10 x its S1 reference over the history
plus the runs planned before it, and every week at 1.20 x the week before (S3's limit after pain), so no
planned run raises S1 or S2 and no week S3. The race is never capped: its S1/S2 verdict is reported, and a
race more than 2 x the longest run before it (S2's refusal) refuses the plan.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runner_app.coach.model import Decision
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.spikes import check_run_spike, km, reference_distance_m
from runner_app.coach.text import TIMES
from runner_app.planning.fit import SpikeReference, fit_week
from runner_app.planning.layout import (
    WeekInputs,
    default_template,
    lay_out_week,
    session_notes,
    week_phases,
)
from runner_app.planning.model import (
    Phase,
    PlannedSession,
    PlanSpec,
    monday_of,
    plan_id_for,
    session_id,
)
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings
from runner_app.planning.strength import StrengthWeek, schedule_plan_strength
from runner_app.planning.volume import long_run_targets, weekly_targets


class PlanInputError(ValueError):
    """Inputs no sensible plan can meet. The message says which and why, in the runner's numbers."""


@dataclass(frozen=True)
class PlanWeek:
    index: int
    start: date
    phase: Phase
    target_m: float  # the volume curve's nominal week
    planned_m: float  # the week's training as planned, after the spike caps (the race not counted)
    long_run_m: float


@dataclass(frozen=True)
class GeneratedPlan:
    plan_id: str
    spec: PlanSpec
    sessions: tuple[PlannedSession, ...]
    weeks: tuple[PlanWeek, ...]
    strength: tuple[StrengthWeek, ...]
    warnings: tuple[Decision, ...]


def _race_name(race_distance_m: float) -> str:
    if abs(race_distance_m - 42195.0) < 200:
        return "Marathon"
    if abs(race_distance_m - 21097.5) < 200:
        return "Half marathon"
    return f"{km(race_distance_m)} race"


def _validate(
    current_weekly_m: float,
    days_per_week: int,
    long_run_day: int,
    race_date: date,
    start_date: date,
    race_distance_m: float,
    settings: PlanningSettings,
) -> None:
    days_to_race = (race_date - start_date).days
    if days_to_race < 0:
        raise PlanInputError(f"The race date {race_date} is in the past (the plan starts {start_date}).")
    if days_to_race < settings.min_days_to_race:
        raise PlanInputError(
            f"The race is {days_to_race} days away; a plan needs at least {settings.min_days_to_race} days "
            "(3 weeks). Keep your current running and taper in the last week instead."
        )
    if days_to_race > settings.max_weeks * 7:
        raise PlanInputError(
            f"The race is {days_to_race // 7} weeks away; generate the plan within {settings.max_weeks} "
            "weeks of it."
        )
    if not 2 <= days_per_week <= 7:
        raise PlanInputError(f"Days per week must be 2 to 7, not {days_per_week}.")
    if not 0 <= long_run_day <= 6:
        raise PlanInputError(f"The long-run day is a weekday 0 (Monday) to 6 (Sunday), not {long_run_day}.")
    if (
        not math.isfinite(race_distance_m)
        or not settings.min_race_m <= race_distance_m <= settings.max_race_m
    ):
        raise PlanInputError(
            f"A race of {km(race_distance_m)} is outside {km(settings.min_race_m)}-{km(settings.max_race_m)}."
        )
    if (
        not math.isfinite(current_weekly_m)
        or current_weekly_m < 0
        or current_weekly_m > settings.max_weekly_m
    ):
        raise PlanInputError(
            f"{km(current_weekly_m)} a week is not a plausible current volume "
            f"(0-{km(settings.max_weekly_m)})."
        )
    if current_weekly_m < settings.min_weekly_m:
        raise PlanInputError(
            f"At {km(current_weekly_m)} a week, start with the return-to-running table until you run "
            f"{km(settings.min_weekly_m)} a week; then generate a plan."
        )
    if current_weekly_m / days_per_week > settings.max_run_m:
        more = min(7, math.ceil(current_weekly_m / settings.max_run_m))
        raise PlanInputError(
            f"{km(current_weekly_m)} over {days_per_week} days makes runs of "
            f"{km(current_weekly_m / days_per_week)} on average; choose {more} days a week or more."
        )
    if current_weekly_m / days_per_week < settings.min_run_m:
        fewer = max(2, int(current_weekly_m // settings.min_run_m))
        raise PlanInputError(
            f"{km(current_weekly_m)} over {days_per_week} days makes runs shorter than "
            f"{km(settings.min_run_m)}; choose {fewer} days a week or fewer."
        )


def generate_plan(
    current_weekly_m: float,
    days_per_week: int,
    long_run_day: int,
    race_date: date,
    start_date: date,
    recent_runs: Sequence[tuple[date, float]],
    race_distance_m: float = 42195.0,
    *,
    race_name: str | None = None,
    plan_id: str | None = None,
    wants_three_strength: bool = False,
    spike_override: bool = False,
    units: str = "km",
    settings: PlanningSettings = DEFAULT_PLANNING,
    coach: CoachSettings = DEFAULT_SETTINGS,
) -> GeneratedPlan:
    """A plan to the race, starting on the Monday of `start_date` (or the Monday after it: plans run in whole
    ISO weeks, so S3 always compares whole weeks). `recent_runs` (date, metres) is the runner's history, used
    for the spike caps. Raises PlanInputError for impossible inputs, and when the race is more than 2 x the
    longest run before it (S2), unless the runner overrides that refusal (`spike_override`). Session notes are
    written in `units` ("km" or "mi"); refusals and warnings in km, through km()."""
    _validate(current_weekly_m, days_per_week, long_run_day, race_date, start_date, race_distance_m, settings)
    name = race_name or _race_name(race_distance_m)
    first_monday = monday_of(start_date + timedelta(days=6))
    plan_id = plan_id or plan_id_for(name, race_date, first_monday)
    template = default_template(days_per_week, long_run_day)
    phases = week_phases((monday_of(race_date) - first_monday).days // 7 + 1, settings)
    targets = weekly_targets(current_weekly_m, phases, race_distance_m, settings)
    history = [(day, m) for day, m in recent_runs if day < first_monday and math.isfinite(m)]
    reference = SpikeReference(history, coach)
    current_long = reference_distance_m(history, first_monday, coach)
    longs = long_run_targets(targets, phases, current_long, days_per_week, race_distance_m, settings)
    sessions: list[PlannedSession] = []
    weeks: list[PlanWeek] = []
    warnings: list[Decision] = []
    scale = long_scale = 1.0  # taper and race weeks follow the peak week as planned, after its caps
    for index, (phase, volume) in enumerate(zip(phases, targets, strict=True)):
        if phase in ("taper", "race"):
            volume, longs[index] = volume * scale, longs[index] * long_scale
        inputs = WeekInputs(volume, template, first_monday, race_date, race_distance_m, longs[index])
        layout = lay_out_week(index, first_monday + timedelta(days=7 * index), phase, inputs, settings)
        last_week_m = reference.total(layout.start - timedelta(days=7), layout.start)
        ratio = settings.taper_step_max if phase in ("taper", "race") else settings.max_week_ratio
        max_total = last_week_m * ratio if last_week_m > 0 else math.inf
        distances = fit_week(layout, reference, coach, settings, max_total)
        week_sessions = [
            PlannedSession(
                session_id(plan_id, slot.date),
                slot.date,
                slot.kind,
                distance,
                None,
                session_notes(slot.kind, distance, name, units),
                index,
                phase,
            )
            for slot, distance in zip(layout.slots, distances, strict=True)
            if distance > 0
        ]
        planned_m = sum(s.distance_m for s in week_sessions if s.kind != "race")
        if index == 0 and phase != "taper" and max_total < 0.9 * volume:
            warnings.append(_first_week_warning(volume, last_week_m, planned_m, settings))
        long_m = max((s.distance_m for s in week_sessions if s.kind == "long"), default=0.0)
        if phase == "peak":
            scale, long_scale = min(1.0, planned_m / volume), min(1.0, long_m / longs[index])
        sessions += week_sessions
        weeks.append(PlanWeek(index, layout.start, phase, volume, planned_m, long_m))
    race = _race_check(race_date, race_distance_m, reference, coach, spike_override)
    spec = PlanSpec(name, race_date, first_monday, template, tuple(w.planned_m for w in weeks), long_run_day)
    strength = schedule_plan_strength(
        sessions, race_date, wants_three=wants_three_strength, first_day=first_monday, settings=coach
    )
    warnings += [*([race] if race else []), *(w for week in strength for w in week.warnings)]
    return GeneratedPlan(plan_id, spec, tuple(sessions), tuple(weeks), strength, tuple(warnings))


def _first_week_warning(
    volume_m: float, last_week_m: float, planned_m: float, settings: PlanningSettings
) -> Decision:
    return Decision(
        "S3",
        f"Your logged runs last week add up to {km(last_week_m)}, less than the {km(volume_m)} a week you "
        f"gave, so the first week holds {km(planned_m)} ({settings.max_week_ratio:.2f} {TIMES} what you "
        "logged, rule S3). Log your runs and the plan grows from there.",
        "literature",
    )


def _race_check(
    race_date: date,
    race_distance_m: float,
    reference: SpikeReference,
    coach: CoachSettings,
    override: bool = False,
) -> Decision | None:
    """The race is never capped; say how it compares with the longest run before it, and refuse the plan
    when even the plan's longest run leaves the race more than 2 x longer (S2), unless overridden."""
    ref = reference.on(race_date)
    spike = check_run_spike(race_distance_m, ref, recent_pain=False, settings=coach)
    if spike.level == "S2_refuse":
        numbers = (
            f"With this volume and time the longest run before the race is only {km(ref or 0.0)}, and the "
            f"{km(race_distance_m)} race would be {spike.ratio or 0:.1f} {TIMES} that (rule S2)."
        )
        if not override:
            raise PlanInputError(
                f"{numbers} Choose a later race, a shorter one, or start from a higher weekly volume; "
                "or override the refusal and make the plan anyway."
            )
        return Decision(
            "S2", f"{numbers} You chose to make the plan anyway. Races are never capped.", "literature"
        )
    if spike.level == "none" or spike.rule is None or ref is None:
        return None
    # The reference is the plan's own longest run before the race (run or planned), not only what was run.
    return Decision(
        spike.rule,
        f"Race day: the {km(race_distance_m)} race is {spike.ratio or 0:.2f} {TIMES} the longest run of the "
        f"30 days before it ({km(ref)}, planned or run; rule {spike.rule}). Races are never capped.",
        "literature",
    )
