"""Generate a plan a marathoner would follow (plan-rules.md). Deterministic: same inputs, same plan.

Plans run in whole ISO weeks from the Monday on or after the start date. The shape (shape.py) sets each
week's phase, distance and long run from the runner's current volume and longest recent run; days.py picks
the run days and the hard days; weekly.py what each day holds; fit.py caps every run at 1.10 × its S1
reference over the history plus the runs planned before it, and every week at 1.20 × the week before (S3's
limit after pain), so no planned run raises S1 or S2 and no week S3; sessions.py gives each its title,
structure, duration and pace. A race beyond what the runner's base allows is never refused: the plan builds
as far as is safe, says where the long run peaks, and offers a half marathon on that date or the first
marathon date the base allows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from runner_app.coach.model import Decision
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.spikes import check_run_spike, reference_distance_m
from runner_app.coach.text import TIMES
from runner_app.coach.text import day as say_day
from runner_app.coach.words import Distance, say
from runner_app.planning.daily.strength import StrengthWeek, schedule_plan_strength
from runner_app.planning.model import (
    Phase,
    PlannedSession,
    PlanSpec,
    SessionKind,
    monday_of,
    plan_id_for,
    session_id,
    title_words,
)
from runner_app.planning.plans.days import week_days
from runner_app.planning.plans.fit import SpikeReference, fit_week
from runner_app.planning.plans.inputs import check_days, check_inputs
from runner_app.planning.plans.layout import default_template, session_notes
from runner_app.planning.plans.paces import Paces, race_label, race_time_s
from runner_app.planning.plans.sessions import Work, describe
from runner_app.planning.plans.shape import (
    DEFAULT_SHAPE,
    HALF_M,
    is_marathon,
    long_run_goal_m,
    plan_phases,
    plan_shape,
    weeks_needed,
)
from runner_app.planning.plans.weekly import WeekContext, lay_out
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings


@dataclass(frozen=True)
class PlanWeek:
    index: int
    start: date
    phase: Phase
    target_m: float  # the shape's nominal week
    planned_m: float  # the week's training as planned, after the spike caps (the race not counted)
    long_run_m: float


@dataclass(frozen=True)
class Alternative:
    """A one-tap alternative when the runner's base is short of the race (plan-rules.md)."""

    label: str
    race_distance_m: float
    race_date: date


@dataclass(frozen=True)
class GeneratedPlan:
    plan_id: str
    spec: PlanSpec
    sessions: tuple[PlannedSession, ...]
    weeks: tuple[PlanWeek, ...]
    strength: tuple[StrengthWeek, ...]
    warnings: tuple[Decision, ...]
    paces: Paces | None = None
    predicted_race_s: float | None = None
    alternatives: tuple[Alternative, ...] = field(default=())


def _race_name(race_distance_m: float) -> str:
    label = race_label(race_distance_m)
    return label.capitalize() if "marathon" in label else f"{label} race"


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
    paces: Paces | None = None,
    current_long_m: float | None = None,
    rest_days: Sequence[int] = (),
    settings: PlanningSettings = DEFAULT_PLANNING,
    coach: CoachSettings = DEFAULT_SETTINGS,
) -> GeneratedPlan:
    """A plan to the race, starting on the Monday of `start_date` (or the Monday after it: plans run in whole
    ISO weeks). `recent_runs` (date, metres) is the runner's history, for the spike caps and the longest
    recent run; `current_long_m` (the profile's longest run) stands in when the history has none. `paces`
    (paces.py) give every session its target pace; without them sessions go by effort. Raises PlanInputError
    for impossible inputs. `spike_override` is kept for callers: the race is never refused, only warned of."""
    check_inputs(
        current_weekly_m, days_per_week, long_run_day, race_date, start_date, race_distance_m, settings
    )
    check_days(days_per_week, long_run_day, rest_days)
    name = race_name or _race_name(race_distance_m)
    first_monday = monday_of(start_date + timedelta(days=6))
    plan_id = plan_id or plan_id_for(name, race_date, first_monday)
    weeks_to_race = (monday_of(race_date) - first_monday).days // 7 + 1
    phases = plan_phases(weeks_to_race, race_distance_m)
    history = [(day, m) for day, m in recent_runs if day < first_monday and math.isfinite(m)]
    history_long = reference_distance_m(history, first_monday, coach)
    start_long = history_long or current_long_m or current_weekly_m * 0.3
    if not any(day >= first_monday - timedelta(days=28) for day, _ in history):
        # the runner's word (profile or form) stands in for four weeks of history (coach-rules.md)
        history += stand_in_runs(first_monday, current_weekly_m, start_long, days_per_week)
    reference = SpikeReference(history, coach)
    shapes = plan_shape(phases, current_weekly_m, start_long, race_distance_m, paces)
    days = week_days(days_per_week, long_run_day, rest_days)
    race_week = weeks_to_race - 1
    build_weeks = max(1, sum(1 for p in phases if p in ("base", "build", "peak", "cutback")))
    sessions: list[PlannedSession] = []
    weeks: list[PlanWeek] = []
    warnings: list[Decision] = []
    for index, week_shape in enumerate(shapes):
        start = first_monday + timedelta(days=7 * index)
        context = WeekContext(
            index,
            start,
            week_shape,
            days,
            race_date,
            race_distance_m,
            race_week - index,
            min(1.0, index / build_weeks),
        )
        week = lay_out(context, paces, first_monday)
        last_week_m = reference.total(start - timedelta(days=7), start)
        ratio = settings.taper_step_max if week_shape.phase in ("taper", "race") else settings.max_week_ratio
        max_total = last_week_m * ratio if last_week_m > 0 else math.inf
        four = max(
            reference.total(start - timedelta(days=7 * k), start - timedelta(days=7 * (k - 1)))
            for k in (1, 2, 3, 4)
        )
        if four > 0:  # no week over 1.10 x the largest of the 4 before it
            max_total = min(max_total, four * (1 + DEFAULT_SHAPE.build_rate))
        distances = fit_week(week.layout, reference, coach, settings, max_total)
        week_sessions = [
            _session(
                plan_id,
                slot.date,
                slot.kind,
                work,
                distance,
                index,
                week_shape.phase,
                paces,
                name,
                units,
                week.progress,
            )
            for slot, work, distance in zip(week.layout.slots, week.works, distances, strict=True)
            if distance > 0
        ]
        planned_m = sum(s.distance_m for s in week_sessions if s.kind != "race")
        if index == 0 and max_total < 0.9 * week_shape.volume_m:
            warnings.append(_first_week_warning(week_shape.volume_m, last_week_m, planned_m, settings))
        long_m = max((s.distance_m for s in week_sessions if s.kind == "long"), default=0.0)
        sessions += week_sessions
        weeks.append(PlanWeek(index, start, week_shape.phase, week_shape.volume_m, planned_m, long_m))
    race = _race_check(race_date, race_distance_m, reference, coach)
    template = default_template(days_per_week, long_run_day)
    spec = PlanSpec(name, race_date, first_monday, template, tuple(w.planned_m for w in weeks), long_run_day)
    strength = schedule_plan_strength(
        sessions, race_date, wants_three=wants_three_strength, first_day=first_monday, settings=coach
    )
    base, alternatives = _base_check(
        weeks, weeks_to_race, race_date, race_distance_m, current_weekly_m, start_long, paces, first_monday
    )
    warnings += [*([base] if base else []), *([race] if race else [])]
    warnings += _strength_notes(strength)
    predicted = race_time_s(paces.vdot, race_distance_m) if paces is not None else None
    return GeneratedPlan(
        plan_id,
        spec,
        tuple(sessions),
        tuple(weeks),
        strength,
        tuple(warnings),
        paces,
        predicted,
        tuple(alternatives),
    )


def _session(
    plan_id: str,
    day: date,
    kind: SessionKind,
    work: Work,
    distance_m: float,
    index: int,
    phase: Phase,
    paces: Paces | None,
    race_name: str,
    units: str,
    progress: float,
) -> PlannedSession:
    detail = describe(work, distance_m, paces, progress, race_name)
    return PlannedSession(
        session_id(plan_id, day),
        day,
        kind,
        distance_m,
        detail.duration_s,
        session_notes(kind, distance_m, race_name, units)
        if paces is None
        else title_words(detail.title, distance_m, detail.structure).render(units),
        index,
        phase,
        title=detail.title,
        structure=detail.structure,
        target_pace=detail.target_pace,
    )


def stand_in_runs(first_monday: date, weekly_m: float, long_m: float, runs: int) -> list[tuple[date, float]]:
    """Four weeks before the plan as the runner says they run: the long run on the Sunday, the rest spread."""
    easy = max(0.0, weekly_m - long_m) / max(1, runs - 1)
    stand_in: list[tuple[date, float]] = []
    for week in range(1, 5):
        monday = first_monday - timedelta(days=7 * week)
        stand_in.append((monday + timedelta(days=6), long_m))
        stand_in += [(monday + timedelta(days=offset), easy) for offset in (1, 3, 5, 2, 4, 0)[: runs - 1]]
    return stand_in


def _base_check(
    weeks: Sequence[PlanWeek],
    weeks_to_race: int,
    race_date: date,
    race_distance_m: float,
    start_m: float,
    start_long_m: float,
    paces: Paces | None,
    first_monday: date,
) -> tuple[Decision | None, list[Alternative]]:
    """When the long run cannot reach what the race needs in the weeks available, say where it peaks, what
    that means, and offer a half marathon on that date and the first marathon date the base allows."""
    goal = long_run_goal_m(race_distance_m, paces)
    needed = goal - 3000.0 if is_marathon(race_distance_m) else goal - 2000.0
    peak = max((w.long_run_m for w in weeks[:weeks_to_race]), default=0.0)
    if peak >= needed:
        return None, []
    reason = say(
        "Your longest run peaks at {peak}: {weeks} weeks from a {long} long run and {start} a week is not "
        "enough to build to {goal} safely (at most 10 % longer each week). Race day will be much longer than "
        "anything you have run: run it easy, or choose an alternative.",
        peak=Distance(peak),
        weeks=weeks_to_race,
        long=Distance(start_long_m),
        start=Distance(start_m),
        goal=Distance(goal),
    )
    alternatives: list[Alternative] = []
    if is_marathon(race_distance_m):
        alternatives.append(Alternative("A half marathon on that date", HALF_M, race_date))
        need = weeks_needed(start_m, start_long_m, max(needed, 29_000.0), DEFAULT_SHAPE)
        later = race_date + timedelta(days=7 * max(1, need - weeks_to_race))
        alternatives.append(Alternative(f"The marathon on {later.isoformat()}", race_distance_m, later))
    return Decision.of("S1", reason, "literature"), alternatives


def _strength_notes(weeks: Sequence[StrengthWeek]) -> list[Decision]:
    """Each strength note of the plan once, with the weeks it is about ("Weeks of Mon 11 Jan, Mon 8 Feb
    and Mon 1 Mar: only 1 of 2 strength sessions fit in the week: …"), not once a week."""
    mondays: dict[Decision, list[date]] = {}
    for week in weeks:
        for note in week.warnings:
            mondays.setdefault(note, []).append(week.week_start)
    notes = []
    for note, starts in mondays.items():
        named = [say_day(start) for start in starts]
        listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        head = f"Week{'s' if len(named) > 1 else ''} of {listed}: "
        notes.append(Decision(note.rule, head + note.reason[:1].lower() + note.reason[1:], note.source))
    return notes


def _first_week_warning(
    volume_m: float, last_week_m: float, planned_m: float, settings: PlanningSettings
) -> Decision:
    return Decision.of(
        "S3",
        say(
            "Your logged runs last week add up to {last}, less than the {gave} a week you gave, so the "
            "first week holds {first} ({ratio:.2f} {X} what you logged). Log your runs and the plan grows "
            "from there.",
            last=Distance(last_week_m),
            gave=Distance(volume_m),
            first=Distance(planned_m),
            ratio=settings.max_week_ratio,
            X=TIMES,
        ),
        "literature",
    )


def _race_check(
    race_date: date, race_distance_m: float, reference: SpikeReference, coach: CoachSettings
) -> Decision | None:
    """The race is never capped nor refused. Every published marathon plan peaks its long run at 70-80 % of
    the race, so only a race more than twice the longest run before it is worth a word (S2's refusal line)."""
    ref = reference.on(race_date)
    spike = check_run_spike(race_distance_m, ref, recent_pain=False, settings=coach)
    if spike.level != "S2_refuse" or spike.rule is None or ref is None:
        return None
    # The reference is the plan's own longest run before the race (run or planned), not only what was run.
    return Decision.of(
        spike.rule,
        say(
            "Race day: the {d} race is {ratio:.2f} {X} the longest run of the 30 days before it ({ref}, "
            "planned or run). Races are never capped: run it easy and walk when you need to.",
            d=Distance(race_distance_m),
            ratio=spike.ratio or 0,
            X=TIMES,
            ref=Distance(ref),
        ),
        "literature",
    )
