"""The ladder (W1-W3, C1-C5) and the clinician alerts that watch it (P1, P2).

One variable at a time: a rung is added at most once per 7-day observation window, and rungs come off in
reverse order, one per 7 days, after an improving week and a hold week. Weekly rules run at the end of each
Sunday; D2 may start the ladder on any day when no rung is active.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from runner_app.coach.events import DayEvents
from runner_app.coach.model import Reason, RuleId, Rung, RungId, State
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import ActiveRung, AlertState, DaySummary, LadderState, between, evolve
from runner_app.coach.text import DASH, body_part, day, num, pain

Variable = Literal["intensity", "frequency", "long_run", "terrain", "cadence"]
RUNG_IDS: tuple[RungId, ...] = ("C1", "C2", "C3", "C4", "C5")
VARIABLES: dict[str, Variable] = {
    "C1": "intensity",
    "C2": "frequency",
    "C3": "long_run",
    "C4": "terrain",
    "C5": "cadence",
}


def adds(rung: str, settings: CoachSettings) -> str:
    """What adding step `rung` does, with the numbers in `settings`."""
    if rung == "C1":
        low, high = settings.c1_easy_pace_slower_pct
        return f"makes the hardest session of the week easy and easy runs {low}{DASH}{high} % slower"
    if rung == "C3":
        return f"shortens the long run by {round((1 - settings.c3_long_run_factor) * 100)} %"
    if rung == "C5":
        return f"adds a +{settings.c5_cadence_pct:g} % cadence cue on easy runs"
    if rung == "C2":
        return "swaps one run a week for low-impact cross-training of the same duration"
    return "keeps you on flat routes, with no hills or downhill"


UNDO: dict[str, str] = {
    "C1": "keeping every run easy",
    "C2": "swapping one run a week",
    "C3": "the shorter long run",
    "C4": "keeping to flat routes",
    "C5": "the ladder's cadence cue",
}
REMOVES: dict[str, str] = {
    "C1": "your hardest session and easy pace are back as planned",
    "C2": "all your runs are back",
    "C3": "the long run is back to full length",
    "C4": "hills are allowed again",
    "C5": "the ladder's cadence cue ends",
}
_EPS = 1e-9


@dataclass(frozen=True)
class WeekStats:
    mornings: int
    mean: float | None  # None with fewer than the W3 minimum of morning entries
    max_run_pain: int | None
    locations: frozenset[str]


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def next_sunday(d: date) -> date:
    """The first Sunday on or after d."""
    return d + timedelta(days=(6 - d.weekday()) % 7)


def week_stats(days: Sequence[DaySummary], monday: date, settings: CoachSettings) -> WeekStats:
    week = between(days, monday, monday + timedelta(days=6))
    mornings = [s.morning for s in week if s.morning is not None]
    run_pains = [s.run_pain for s in week if s.run_pain is not None]
    enough = len(mornings) >= settings.w3_min_morning_entries
    return WeekStats(
        mornings=len(mornings),
        mean=sum(mornings) / len(mornings) if enough else None,
        max_run_pain=max(run_pains) if run_pains else None,
        locations=frozenset(s.morning_location for s in week if s.morning_location),
    )


def mean_morning(days: Sequence[DaySummary], d: date, span: int) -> float | None:
    scores = [s.morning for s in between(days, d - timedelta(days=span - 1), d) if s.morning is not None]
    return sum(scores) / len(scores) if scores else None


def add_rung(
    ladder: LadderState,
    d: date,
    rule: RuleId,
    why: str | Reason,
    days: Sequence[DaySummary],
    settings: CoachSettings,
    out: DayEvents,
    baseline: float | None = None,
) -> LadderState:
    """Apply the next rung from day d, unless the observation window or the end of the ladder says no.
    `baseline` is the morning baseline before the first rung (a settled week may sit at it, W2)."""
    source: Literal["literature", "product"] = "literature"
    params = why.params if isinstance(why, Reason) else ()
    cause = why.template if isinstance(why, Reason) else why
    if len(ladder.rungs) == len(RUNG_IDS):
        full = f"{cause}, but every step of the ladder is already in place."
        out.decide(rule, Reason(rule, full, params), source)
        return ladder
    if ladder.last_added is not None and (d - ladder.last_added).days < settings.rung_window_days:
        template = (
            f"{cause}, but the last change to your training came on {day(ladder.last_added)}: we give each "
            f"change {settings.rung_window_days} days to show its effect, so only the next run is kept easy."
        )
        out.decide(rule, Reason(rule, template, params), "product")
        return ladder
    rung = RUNG_IDS[len(ladder.rungs)]
    said = Reason(rule, f"{cause}, so from {day(d)} the coach {adds(rung, settings)}.", params)
    out.decide(rule, said, source)
    first = ladder.first_since is None
    return evolve(
        ladder,
        rungs=(*ladder.rungs, ActiveRung(rung, d, rule, said.render(), said.template, said.params)),
        last_added=d,
        first_since=d if first else ladder.first_since,
        first_ref_mean=mean_morning(days, d, settings.p_window_days) if first else ladder.first_ref_mean,
        first_baseline=baseline if first else ladder.first_baseline,
        added_without_improvement=ladder.added_without_improvement + 1,
    )


def _checkins(count: int) -> str:
    if count == 0:
        return "No morning check-ins"
    return f"Only {count} morning check-in{'' if count == 1 else 's'}"


def settled_week(
    week: WeekStats, days: Sequence[DaySummary], monday: date, ladder: LadderState, settings: CoachSettings
) -> bool:
    """W2: mean morning pain <= 2 (or <= the baseline before the first rung, when higher), no amber, red or
    flag day, and every run's pain <= 2. Needs the W3 minimum of mornings (`week.mean` is None without)."""
    if week.mean is None:
        return False
    ceiling = max(settings.w2_mean_max, ladder.first_baseline or 0.0)
    calm = all(s.state == "green" for s in between(days, monday, monday + timedelta(days=6)))
    runs_ok = week.max_run_pain is None or week.max_run_pain <= settings.w2_stable_run_pain_max
    return week.mean <= ceiling + _EPS and calm and runs_ok


def weekly(
    ladder: LadderState,
    days: Sequence[DaySummary],
    sunday: date,
    frozen: bool,
    settings: CoachSettings,
    out: DayEvents,
) -> LadderState:
    """W1, W2 and W3 over the week ending on `sunday` (days includes it); changes apply from the Monday."""
    monday = monday_of(sunday)
    start = sunday + timedelta(days=1)
    week_of = f"the week of {day(monday)}"
    this = week_stats(days, monday, settings)
    last = week_stats(days, monday - timedelta(days=7), settings)
    if this.mean is None:
        if ladder.rungs or this.mornings:
            out.decide(
                "W3",
                f"{_checkins(this.mornings)} in {week_of}, and the weekly review needs "
                f"{settings.w3_min_morning_entries}: your training stays as it is, nothing added and "
                "nothing given back.",
                "product",
            )
        return ladder
    part = body_part(set(this.locations | last.locations))
    causes: list[str] = []
    if last.mean is not None and this.mean - last.mean >= settings.w1_mean_rise - _EPS:
        rise = f"rose from {num(last.mean)} to {num(this.mean)} in {week_of}"
        causes.append(f"your average morning {part}pain {rise}")
    if (
        this.max_run_pain is not None
        and last.max_run_pain is not None
        and this.max_run_pain - last.max_run_pain >= settings.w1_max_run_pain_rise
    ):
        causes.append(
            f"your worst run pain rose from {pain(last.max_run_pain)} to {pain(this.max_run_pain)} "
            f"in {week_of}"
        )
    if causes:
        cause = " and ".join(causes)
        return add_rung(ladder, start, "W1", cause[0].upper() + cause[1:], days, settings, out)
    if not ladder.rungs:
        return ladder
    newest = ladder.rungs[-1]
    if monday < newest.since + timedelta(days=settings.rung_window_days):
        return ladder  # the newest change is still being watched
    if not settled_week(this, days, monday, ladder, settings):
        worst = "" if this.max_run_pain is None else f", worst run pain {pain(this.max_run_pain)}"
        out.decide(
            "W2",
            f"Not a settled week yet ({week_of}: average morning {part}pain {num(this.mean)}{worst}): "
            f"{UNDO[newest.rung]} stays for now.",
            "product",
        )
        return ladder
    if frozen:
        out.decide(
            "P2",
            f"A settled week ({week_of}: average morning {part}pain {num(this.mean)}), but nothing is "
            f"given back until you record a clinician visit: {UNDO[newest.rung]} stays.",
            "product",
        )
        return ladder
    out.decide(
        "W2",
        f"A settled week ({week_of}: average morning {part}pain {num(this.mean)}, run pain ≤ "
        f"{settings.w2_stable_run_pain_max}), so from {day(start)} {REMOVES[newest.rung]}.",
        "product",
    )
    rest = ladder.rungs[:-1]
    if not rest:
        return LadderState(last_added=ladder.last_added)
    return evolve(ladder, rungs=rest, added_without_improvement=0)


def clinician_alerts(
    ladder: LadderState,
    alerts: AlertState,
    days: Sequence[DaySummary],
    d: date,
    state: State,
    settings: CoachSettings,
    out: DayEvents,
) -> AlertState:
    """P1 (about a week) and P2 (two weeks, or two rungs without improvement)."""
    if ladder.first_since is None or not ladder.rungs:
        return evolve(alerts, p1_since=None, p1_reason=None) if alerts.p1_since else alerts
    clock = ladder.first_since
    if alerts.p2_clock_from is not None and alerts.p2_clock_from >= clock:
        clock = alerts.p2_clock_from + timedelta(days=1)
    recent = between(days, d - timedelta(days=settings.p_window_days - 1), d)
    worst = max((s.max_pain for s in recent if s.max_pain is not None), default=None)
    still = worst is not None and worst >= settings.p1_pain_min
    first = ladder.rungs[0]
    if alerts.p1_since is None and d >= clock + timedelta(days=settings.p1_days) and still:
        now = mean_morning(days, d, settings.p_window_days)
        ref = ladder.first_ref_mean
        if now is None or ref is None or now >= ref - _EPS:
            trend = ""
            if now is not None and ref is not None:
                trend = f" (7-day average morning pain {num(now)}, was {num(ref)})"
            reason = (
                f"Pain of {pain(worst or 0)} is still there {(d - clock).days} days after the coach first "
                f"eased your training on {day(first.since)} and is not improving{trend}: book a physio or GP."
            )
            out.decide("P1", reason, "product")
            alerts = evolve(alerts, p1_since=d, p1_reason=reason)
    if alerts.p2_since is None:
        why = ""
        if ladder.added_without_improvement >= settings.p2_rungs_without_improvement:
            why = (
                f"the coach has eased your training {ladder.added_without_improvement} times without "
                "improvement"
            )
        elif d >= clock + timedelta(days=settings.p2_days) and (still or state != "green"):
            now_what = f"pain of {pain(worst or 0)}" if still else f"the day is still {state}"
            why = (
                f"{now_what} {(d - clock).days} days after the coach first eased your training on "
                f"{day(first.since)}"
            )
        if why:
            reason = (
                f"{why[0].upper()}{why[1:]}: see a physio or GP; progression is frozen "
                "until you record "
                "a clinician visit."
            )
            out.decide("P2", reason, "product")
            alerts = evolve(alerts, p2_since=d, p2_reason=reason)
    return alerts


def output_rungs(ladder: LadderState, d: date, settings: CoachSettings) -> tuple[Rung, ...]:
    """Active rungs with the Sunday whose weekly review may first give each back (newest first: the end of
    the first week that begins after its 7-day window; each older one a week after the one above it)."""
    result = []
    count = len(ladder.rungs)
    if not count:
        return ()
    newest = ladder.rungs[-1]
    first_monday = newest.since + timedelta(days=(7 - newest.since.weekday()) % 7)
    while first_monday < newest.since + timedelta(days=settings.rung_window_days):
        first_monday += timedelta(days=7)
    top_review = max(first_monday + timedelta(days=6), next_sunday(d))
    for index, r in enumerate(ladder.rungs):
        result.append(
            Rung(
                rung=RUNG_IDS[RUNG_IDS.index(r.rung)],
                variable=VARIABLES[r.rung],
                since=r.since,
                review_on=top_review + timedelta(days=7 * (count - 1 - index)),
                rule=r.rule,
                reason=r.reason,
                template=r.template,
                params=r.params,
            )
        )
    return tuple(result)
