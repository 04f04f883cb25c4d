"""ST1-ST2: which days of a week get a strength session.

ST1 is the coach's `strength_sessions_allowed`: 2 a week (3 on request in base weeks), 1 a week in the 4
weeks before race week, none in race week.
ST2: never the day before or after a hard session; >= 48 h apart; rest days first, then easy-run days
("run first, lift >= 6 h later"). Our reading (product), which differs from the coach's `strength_day_ok`:
a hard-run day is neither the day before nor the day after a hard session, and "prefer rest or easy days"
implies the other days are allowed, so a quality day (then a long-run day) is the last resort, lifting >= 6 h
after the run ("hard days hard"). Without it, 2 a week cannot fit any week holding a long run and a quality
session that are not back to back, and 3 a week cannot fit any week with a long run. Pinned days are kept as
the runner chose them, with warnings.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from runner_app.coach.model import HARD_RUN_KINDS, Decision, RunEntry
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.strength import strength_sessions_allowed
from runner_app.planning.model import RUN_KINDS, Phase, PlannedSession, monday_of

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RANK_REST, _RANK_EASY, _RANK_QUALITY, _RANK_LONG = 0, 1, 2, 3


@dataclass(frozen=True)
class StrengthDay:
    date: date
    note: str  # "" on a rest day; the run-first advice on a run day
    pinned: bool = False


@dataclass(frozen=True)
class StrengthWeek:
    week_start: date
    target: int
    days: tuple[StrengthDay, ...]
    reason: str  # why this many (rule ST1)
    warnings: tuple[Decision, ...] = ()

    def dates(self) -> tuple[date, ...]:
        return tuple(day.date for day in self.days)


def day_kinds_from_sessions(sessions: Iterable[PlannedSession]) -> dict[date, str]:
    """Each day's planned kind, for the scheduler (rest days and cross-training count as non-running)."""
    return {session.date: session.kind for session in sessions}


def day_kinds_from_runs(runs: Iterable[RunEntry]) -> dict[date, str]:
    """Each day's hardest logged run, for a runner without a plan."""
    kinds: dict[date, str] = {}
    for run in runs:
        if run.kind in HARD_RUN_KINDS or run.date not in kinds:
            kinds[run.date] = run.kind
    return kinds


def strength_target(
    week_start: date,
    race_date: date | None,
    phase: Phase | None = None,
    wants_three: bool = False,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> tuple[int, str]:
    """ST1 (the coach's `strength_sessions_allowed`): how many sessions the week holds, and why."""
    count = strength_sessions_allowed(
        week_start, race_date, wants_three=wants_three, base_week=phase == "base", settings=settings
    )
    weeks_out = None if race_date is None else (monday_of(race_date) - monday_of(week_start)).days // 7
    if weeks_out == 0:
        return count, f"No strength session in race week (race on {race_date}; rule ST1)."
    if weeks_out is not None and 0 < weeks_out <= settings.st1_taper_weeks:
        plural = "s" if weeks_out > 1 else ""
        return count, (
            f"{count} strength session this week: the race is {weeks_out} week{plural} away, inside the last "
            f"{settings.st1_taper_weeks} weeks before it (rule ST1)."
        )
    if count == settings.st1_sessions_per_week_on_request:
        return count, f"{count} strength sessions this base week, as you asked (rule ST1)."
    return count, f"{count} strength sessions this week (rule ST1)."


def _is_hard(kinds: Mapping[date, str], day: date) -> bool:
    return kinds.get(day) in HARD_RUN_KINDS


def _rank(kinds: Mapping[date, str], day: date) -> int:
    kind = kinds.get(day)
    if kind in ("long", "race"):
        return _RANK_LONG
    if kind in HARD_RUN_KINDS:
        return _RANK_QUALITY
    return _RANK_EASY if kind in RUN_KINDS else _RANK_REST


def _next_to_hard(kinds: Mapping[date, str], day: date) -> str | None:
    for offset, word in ((1, "before"), (-1, "after")):
        neighbour = day + timedelta(days=offset)
        if _is_hard(kinds, neighbour):
            return f"the day {word} your {kinds[neighbour]} session on {neighbour}"
    return None


def _note(kinds: Mapping[date, str], day: date, settings: CoachSettings) -> str:
    rank = _rank(kinds, day)
    if rank == _RANK_REST:
        return ""
    note = f"Run first, lift at least {settings.st2_same_day_gap_hours} h later"
    if rank >= _RANK_QUALITY:
        return note + " (no rest or easy day this week is clear of hard sessions)."
    return note + " (no rest day this week fits)."


def _spaced(days: Sequence[date], earlier: Sequence[date], gap: int) -> bool:
    pairs = [abs((a - b).days) for a, b in combinations(days, 2)]
    pairs += [abs((a - b).days) for a in days for b in earlier]
    return all(distance >= gap for distance in pairs)


def schedule_strength_week(
    week_start: date,
    day_kinds: Mapping[date, str],
    race_date: date | None = None,
    *,
    phase: Phase | None = None,
    wants_three: bool = False,
    earlier_strength: Iterable[date] = (),
    logged_this_week: Iterable[date] = (),
    open_from: date | None = None,
    pinned_weekdays: Collection[int] | None = None,
    first_day: date | None = None,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> StrengthWeek:
    """Choose the strength days of the week starting `week_start` (a Monday).

    `day_kinds` maps dates to session kinds and should include the Sunday before and the Monday after, so
    hard sessions across the week boundary count. `earlier_strength`: strength days already set before this
    week (the 48 h gap holds across weeks). Days before `first_day` (a plan's start) are not used.
    Part-way through a week (`open_from`, the runner's today), the sessions `logged_this_week` stand: they
    count toward the target and the 48 h gap, and only what is still missing is placed, from `open_from` on.
    """
    week_start = monday_of(week_start)
    target, reason = strength_target(week_start, race_date, phase, wants_three, settings)
    days = [week_start + timedelta(days=i) for i in range(7)]
    logged = sorted({day for day in logged_this_week if day in days})
    earlier = [day for day in earlier_strength if abs((day - week_start).days) <= 14] + logged
    days = [day for day in days if first_day is None or day >= first_day]
    if pinned_weekdays is not None:
        return _pinned_week(week_start, target, reason, days, day_kinds, earlier, pinned_weekdays, settings)
    open_days = [day for day in days if (open_from is None or day >= open_from) and day not in logged]
    candidates = [day for day in open_days if _next_to_hard(day_kinds, day) is None]
    gap = settings.st2_min_gap_days
    missing = max(0, target - len(logged))
    for size in range(min(missing, len(candidates)), 0, -1):
        options = [combo for combo in combinations(candidates, size) if _spaced(combo, earlier, gap)]
        if options:
            best = min(options, key=lambda combo: _preference(combo, day_kinds))
            break
    else:
        size, best = 0, ()
    chosen = tuple(StrengthDay(day, _note(day_kinds, day, settings)) for day in sorted([*logged, *best]))
    warnings: tuple[Decision, ...] = ()
    if len(chosen) < target and len(days) == 7 and (open_from is None or open_from <= week_start):
        warnings = (
            Decision(
                "ST2",
                f"Only {len(chosen)} of {target} strength sessions fit this week: every other day is next to "
                f"a hard session or within {24 * gap} h of another strength session (rule ST2).",
                "product",
            ),
        )
    return StrengthWeek(week_start, target, chosen, reason, warnings)


def _preference(combo: Sequence[date], kinds: Mapping[date, str]) -> tuple[int, int, tuple[date, ...]]:
    """Rest days, then easy-run days, then quality days, then long-run days; then the most even spread;
    then the earliest."""
    spread = min((abs((a - b).days) for a, b in combinations(combo, 2)), default=0)
    return sum(_rank(kinds, day) for day in combo), -spread, tuple(combo)


def _pinned_week(
    week_start: date,
    target: int,
    reason: str,
    days: Sequence[date],
    kinds: Mapping[date, str],
    earlier: Sequence[date],
    pinned_weekdays: Collection[int],
    settings: CoachSettings,
) -> StrengthWeek:
    chosen = [day for day in days if day.weekday() in pinned_weekdays]
    warnings: list[Decision] = []
    if len(chosen) > target:
        message = f"You pinned {len(chosen)} strength days; this week calls for {target}. {reason}"
        warnings.append(Decision("ST1", message, "product"))
    for day in chosen:
        clash = _next_to_hard(kinds, day)
        if clash:
            message = f"{_WEEKDAYS[day.weekday()]} {day} is {clash}: better moved (rule ST2)."
            warnings.append(Decision("ST2", message, "product"))
        gap = settings.st2_min_gap_days
        close = [other for other in earlier if abs((other - day).days) < gap]
        close += [other for other in chosen if other < day and (day - other).days < gap]
        if close:
            warnings.append(
                Decision(
                    "ST2",
                    f"{day} is less than {24 * settings.st2_min_gap_days} h from the strength session on "
                    f"{close[0]} (rule ST2).",
                    "product",
                )
            )
    pinned = tuple(StrengthDay(day, _note(kinds, day, settings), pinned=True) for day in chosen)
    return StrengthWeek(week_start, target, pinned, reason, tuple(warnings))


def schedule_plan_strength(
    sessions: Sequence[PlannedSession],
    race_date: date | None,
    *,
    wants_three: bool = False,
    pinned_weekdays: Collection[int] | None = None,
    first_day: date | None = None,
    settings: CoachSettings = DEFAULT_SETTINGS,
) -> tuple[StrengthWeek, ...]:
    """Strength days for every week of a plan, week by week so the 48 h gap holds across weeks."""
    if not sessions:
        return ()
    kinds = day_kinds_from_sessions(sessions)
    ordered = sorted(sessions, key=lambda session: session.date)
    start = first_day or ordered[0].date
    monday, last = monday_of(start), monday_of(ordered[-1].date)
    phase_of = {monday_of(session.date): session.phase for session in reversed(ordered)}
    weeks: list[StrengthWeek] = []
    earlier: list[date] = []
    while monday <= last:
        week = schedule_strength_week(
            monday,
            kinds,
            race_date,
            phase=phase_of.get(monday),
            wants_three=wants_three,
            earlier_strength=earlier,
            pinned_weekdays=pinned_weekdays,
            first_day=start,
            settings=settings,
        )
        weeks.append(week)
        earlier.extend(week.dates())
        monday += timedelta(days=7)
    return tuple(weeks)
