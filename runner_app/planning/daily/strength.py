"""ST1-ST2: which days of a week get a strength session, and which block (full or light) each day gets.

ST1 is the coach's `strength_sessions_allowed`: 2 a week (3 on request in base weeks), 1 a week in the 4
weeks before race week, none in race week.
ST2, in the sources' words ("after easy runs or on rest days ... not the day before or after a hard running
workout"; "on moderate-to-low load days, not high-intensity, not high-volume days"): never on the day of a
hard session or the day before one; >= 48 h between sessions. A rest or easy day with no hard session either
side gets the full block; a rest or easy day right after a hard session gets the light block (bodyweight,
hips and core, no jumps). If neither fits, the week holds fewer sessions and says why. Part-way through a
week, a missed session moves only to a later day of the same week that meets these rules and is 48 h from
every other session; otherwise it is dropped with a note, never crammed in. Pinned days are kept as the
runner chose them, with warnings.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import Literal

from runner_app.coach.model import HARD_RUN_KINDS, Decision, RunEntry
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.strength import strength_sessions_allowed
from runner_app.coach.text import day as say_day
from runner_app.planning.model import RUN_KINDS, Phase, PlannedSession, monday_of

Block = Literal["full", "light"]
_KIND_WORDS = {
    "long": "long run",
    "race": "race",
    "tempo": "tempo run",
    "intervals": "intervals",
    "hills": "hills",
}


@dataclass(frozen=True)
class StrengthDay:
    date: date
    note: str  # "" on a rest day with the full block; otherwise what the runner should know
    pinned: bool = False
    block: Block = "full"
    after: str = ""  # light block: the hard session it follows, "your tempo run on Tue 5 Jan"


@dataclass(frozen=True)
class StrengthWeek:
    week_start: date
    target: int
    days: tuple[StrengthDay, ...]
    reason: str  # why this many (rule ST1)
    warnings: tuple[Decision, ...] = ()

    def dates(self) -> tuple[date, ...]:
        return tuple(day.date for day in self.days)

    def on(self, day: date) -> StrengthDay | None:
        return next((chosen for chosen in self.days if chosen.date == day), None)


def day_kinds_from_sessions(sessions: Iterable[PlannedSession]) -> dict[date, str]:
    """Each day's planned kind, for the scheduler (rest days and cross-training count as non-running)."""
    kinds: dict[date, str] = {}
    for session in sessions:
        if session.kind in HARD_RUN_KINDS or session.date not in kinds:
            kinds[session.date] = session.kind
    return kinds


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
    if weeks_out == 0 and race_date is not None:
        return count, f"No strength session in race week (the race is on {say_day(race_date)})."
    if weeks_out is not None and 0 < weeks_out <= settings.st1_taper_weeks:
        plural = "s" if weeks_out > 1 else ""
        return count, (
            f"{count} strength session this week to keep what you built: the race is {weeks_out} "
            f"week{plural} away, inside the last {settings.st1_taper_weeks} weeks before it."
        )
    if count == settings.st1_sessions_per_week_on_request:
        return count, f"{count} strength sessions this base week, as you asked."
    return count, f"{count} strength sessions this week, hips and single-leg work."


def _is_hard(kinds: Mapping[date, str], day: date) -> bool:
    return kinds.get(day) in HARD_RUN_KINDS


def day_block(kinds: Mapping[date, str], day: date) -> Block | None:
    """ST2 for one day: None on a hard day or the day before one; the light block right after a hard
    session; otherwise (a rest or easy day clear of hard sessions) the full block."""
    if _is_hard(kinds, day) or _is_hard(kinds, day + timedelta(days=1)):
        return None
    return "light" if _is_hard(kinds, day - timedelta(days=1)) else "full"


def _after(kinds: Mapping[date, str], day: date) -> str:
    before = day - timedelta(days=1)
    return f"your {_KIND_WORDS.get(kinds.get(before, ''), 'hard session')} on {say_day(before)}"


def _day(
    kinds: Mapping[date, str], day: date, block: Block, settings: CoachSettings, **more: bool
) -> StrengthDay:
    after = _after(kinds, day) if block == "light" and _is_hard(kinds, day - timedelta(days=1)) else ""
    return StrengthDay(day, _note(kinds, day, block, settings), block=block, after=after, **more)


def _note(kinds: Mapping[date, str], day: date, block: Block, settings: CoachSettings) -> str:
    parts: list[str] = []
    if block == "light":
        parts.append(f"A light block the day after {_after(kinds, day)}: bodyweight, hips and core, no jumps")
    if kinds.get(day) in RUN_KINDS:
        parts.append(f"run first, lift at least {settings.st2_same_day_gap_hours} h later")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""


def _spaced(days: Sequence[date], others: Iterable[date], gap: int) -> bool:
    pairs = [abs((a - b).days) for a, b in combinations(days, 2)]
    pairs += [abs((a - b).days) for a in days for b in others]
    return all(distance >= gap for distance in pairs)


def _choose(
    candidates: Mapping[date, Block],
    count: int,
    others: Sequence[date],
    gap: int,
    kinds: Mapping[date, str],
) -> tuple[date, ...]:
    """The most sessions (up to `count`) that keep the gap; then the fewest light blocks; then the most even
    spread; then rest days before easy-run days; then the later days (a single session sits late in the
    week, away from the week's first hard session and the next week's)."""
    days = sorted(candidates)
    for size in range(min(count, len(days)), 0, -1):
        options = [combo for combo in combinations(days, size) if _spaced(combo, others, gap)]
        if options:
            return min(options, key=lambda combo: _preference(combo, candidates, kinds))
    return ()


def _preference(
    combo: Sequence[date], blocks: Mapping[date, Block], kinds: Mapping[date, str]
) -> tuple[int, int, int, tuple[int, ...]]:
    spread = min((abs((a - b).days) for a, b in combinations(combo, 2)), default=0)
    lights = sum(blocks[day] == "light" for day in combo)
    runs = sum(kinds.get(day) in RUN_KINDS for day in combo)
    return lights, -spread, runs, tuple(-day.toordinal() for day in sorted(combo, reverse=True))


def _fewer_note(chosen: int, target: int, gap: int) -> Decision:
    return Decision(
        "ST2",
        f"Only {chosen} of {target} strength sessions fit in the week: every other day is a hard session, "
        f"the day before one, or within {24 * gap} h of another strength session. Lifting there would "
        "stack load on your hard days, so the week holds fewer.",
        "literature",
    )


def _dropped_note(missed: Sequence[date], gap: int) -> Decision:
    days = " and ".join(say_day(day) for day in missed)
    plural = "s" if len(missed) > 1 else ""
    return Decision(
        "ST2",
        f"The strength session{plural} planned for {days} did not happen and no later day this week is a "
        f"rest or easy day clear of hard sessions and {24 * gap} h from your other strength sessions, so "
        f"{'they are' if plural else 'it is'} dropped rather than crammed in. Pick up again next week.",
        "literature",
    )


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
    """Choose the strength days of the week starting `week_start` (a Monday), each with its block.

    `day_kinds` maps dates to session kinds and should include the Sunday before and the Monday after, so
    hard sessions across the week boundary count. `earlier_strength`: strength days before this week (the
    48 h gap holds across weeks). Days before `first_day` (a plan's start) are not used.
    The week is planned as it stands on Monday. Part-way through it (`open_from`, the runner's today), the
    sessions `logged_this_week` stand; planned days from today on are kept where they are 48 h from them;
    a session planned earlier and not logged moves only to a later day that meets ST2 and keeps 48 h from
    every other session, else it is dropped with a note.
    """
    week_start = monday_of(week_start)
    target, reason = strength_target(week_start, race_date, phase, wants_three, settings)
    gap = settings.st2_min_gap_days
    week = [week_start + timedelta(days=i) for i in range(7)]
    days = [day for day in week if first_day is None or day >= first_day]
    earlier = [day for day in earlier_strength if day < week_start and (week_start - day).days <= 14]
    if pinned_weekdays is not None:
        logged_days = [day for day in logged_this_week if day in week]
        return _pinned_week(
            week_start, target, reason, days, day_kinds, [*earlier, *logged_days], pinned_weekdays, settings
        )
    blocks = {day: block for day in days if (block := day_block(day_kinds, day)) is not None}
    planned = _choose(blocks, target, earlier, gap, day_kinds)
    warnings: list[Decision] = []
    if len(planned) < target and len(days) == 7:
        warnings.append(_fewer_note(len(planned), target, gap))
    logged = sorted({day for day in logged_this_week if day in week})
    if open_from is None and not logged:
        chosen = {day: blocks[day] for day in planned}
    else:
        start = open_from or week_start
        chosen, dropped = _replan(planned, blocks, logged, start, target, earlier, gap, day_kinds)
        if dropped:
            warnings.append(_dropped_note(dropped, gap))
    strength_days = tuple(_day(day_kinds, day, block, settings) for day, block in sorted(chosen.items()))
    return StrengthWeek(week_start, target, strength_days, reason, tuple(warnings))


def _replan(
    planned: Sequence[date],
    blocks: Mapping[date, Block],
    logged: Sequence[date],
    start: date,
    target: int,
    earlier: Sequence[date],
    gap: int,
    kinds: Mapping[date, str],
) -> tuple[dict[date, Block], list[date]]:
    """The week part-way through: the logged sessions, the planned days still ahead that keep 48 h from them,
    and a missed session moved to a later day only where ST2 allows it. Returns the days and what was
    dropped (planned before `start`, not logged, and not made up)."""
    chosen: dict[date, Block] = {day: blocks.get(day, "full") for day in logged}
    missing = max(0, target - len(logged))
    ahead = [day for day in planned if day >= start and day not in chosen and _spaced([day], logged, gap)]
    for day in ahead[:missing]:
        chosen[day] = blocks[day]
    missing -= min(missing, len(ahead))
    if missing == 0:
        return chosen, []
    later = {day: block for day, block in blocks.items() if day >= start and day not in chosen}
    moved = _choose(later, missing, [*earlier, *chosen], gap, kinds)
    chosen.update({day: blocks[day] for day in moved})
    missed = [day for day in planned if day < start and day not in logged]
    return chosen, missed[len(moved) :]


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
    gap = settings.st2_min_gap_days
    pinned: list[StrengthDay] = []
    for day in chosen:
        block = day_block(kinds, day)
        if block is None:
            clash = day if _is_hard(kinds, day) else day + timedelta(days=1)
            what = _KIND_WORDS.get(kinds[clash], "hard session")
            where = "the day of" if clash == day else "the day before"
            message = (
                f"{say_day(day)} is {where} your {what}: better moved to a rest or easy day clear of hard "
                "sessions. Until then it gets the light block."
            )
            warnings.append(Decision("ST2", message, "literature"))
        close = [other for other in earlier if other != day and abs((other - day).days) < gap]
        close += [other for other in chosen if other < day and (day - other).days < gap]
        if close:
            warnings.append(
                Decision(
                    "ST2",
                    f"{say_day(day)} is less than {24 * gap} h from the strength session on "
                    f"{say_day(close[0])}: the muscles need two days between sessions.",
                    "literature",
                )
            )
        final: Block = block or "light"
        pinned.append(_day(kinds, day, final, settings, pinned=True))
    return StrengthWeek(week_start, target, tuple(pinned), reason, tuple(warnings))


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
