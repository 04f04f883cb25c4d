"""One builder per task kind (T0-T7): title, detail, what is prescribed, the rule and a reason in numbers.

Reasons are plain words with the runner's numbers; rule ids go in `rule`, never in the sentence.

`build_tasks` in today.py decides which of them the day gets and in what order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from runner_app.coach.model import Assessment, RunEntry
from runner_app.coach.settings import DEFAULT_SETTINGS
from runner_app.coach.text import TIMES
from runner_app.coach.words import Distance, Words, rendered, say
from runner_app.planning.bending.adjust import AdjustedSession
from runner_app.planning.daily.exercises import GAIT_CUES, LOW_IMPACT_SWAPS, STRIDES, WARMUP, WARMUP_MINUTES
from runner_app.planning.daily.progression import Prescription, adapt_block_to_state
from runner_app.planning.daily.strength import Block
from runner_app.planning.settings import PlanningSettings

TaskKind = Literal[
    "profile", "checkin", "warmup", "run", "strides", "strength", "cross_training", "post_run_checkin"
]
PROFILE_URL = "/profile"  # the onboarding page: where the runner tells the coach where they are
RED_DAY_MINUTES = 30  # T5: cross-training on a red day with no run planned
STRENGTH_MINUTES = (20, 30)
LIGHT_MINUTES = (15, 20)
RUN_TITLES = {  # a session's kind as a runner names it
    "easy": "Easy run",
    "recovery": "Easy run",
    "long": "Long run",
    "tempo": "Tempo run",
    "intervals": "Intervals",
    "hills": "Hill session",
    "race": "Race",
}


@dataclass(frozen=True)
class Task:
    """One task of the day. Its sentences keep their distances as data (`Words`, and the session titles in
    `planned` and `prescribed`); `as_dict` words them in the runner's units."""

    key: str
    kind: TaskKind
    title: Words | str
    detail: Words | str
    planned: dict[str, object] | None
    prescribed: dict[str, object]
    rule: str
    reason: Words | str
    done: bool

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", Words(self.title))
        object.__setattr__(self, "reason", Words(self.reason))
        object.__setattr__(self, "detail", Words(self.detail))

    def as_dict(self, units: str | None = "km") -> dict[str, object]:
        return {
            "key": self.key,
            "kind": self.kind,
            "title": rendered(self.title, units),
            "detail": rendered(self.detail, units),
            "planned": rendered(self.planned, units),
            "prescribed": rendered(self.prescribed, units),
            "rule": self.rule,
            "reason": rendered(self.reason, units),
            "done": self.done,
        }


def profile_task(done: bool = False) -> Task:
    """T7: while the coach has neither a profile nor 3 runs in the last 28 days, it cannot tell where the
    runner is: ask, once, on the onboarding page."""
    reason = (
        "The coach has no runs of yours from the last 4 weeks to start from. Tell it how many runs a week "
        "you do and how far, and today's advice starts where you are instead of guessing."
    )
    prescribed: dict[str, object] = {"url": PROFILE_URL}
    detail = "Runs a week, weekly distance, longest recent run; the rest is optional. One screen."
    return Task(
        "profile", "profile", "Tell the coach where you are", detail, None, prescribed, "T7", reason, done
    )


def checkin_task(assessment: Assessment, done: bool) -> Task:
    metrics = assessment.metrics
    numbers = ""
    if metrics.week_mean_morning_pain is not None:  # with no morning this week, 0 is no baseline yet
        numbers = (
            f": your usual morning pain is {metrics.baseline_morning_pain:.1f}/10 and this week's mornings "
            f"average {metrics.week_mean_morning_pain:.1f}"
        )
    reason = (
        f"Morning pain steers today's plan{numbers}. Log it before you train. "
        "Training guidance, not medical advice."
    )
    prescribed: dict[str, object] = {"context": "morning", "score_range": [0, 10]}
    detail = (
        "How does the knee (or hip, shin, Achilles) feel this morning, 0-10? Any swelling, locking, "
        "giving way or night pain?"
    )
    return Task("checkin", "checkin", "Morning check-in", detail, None, prescribed, "T0", reason, done)


def warmup_task(done: bool) -> Task:
    """T1: only on a day with a run task (or a run already logged)."""
    low, high = WARMUP_MINUTES
    items = [{"name": item.name, "amount": item.amount} for item in WARMUP]
    detail = "; ".join(f"{item.name}: {item.amount}" for item in WARMUP)
    reason = (
        f"{low}-{high} min of hip and quad activation before today's run: band walks, clamshells and "
        f"bodyweight step-ups, 2 {TIMES} 10-15 each, then a few minutes easy."
    )
    return Task(
        "warmup",
        "warmup",
        f"Warm-up activation, {low}-{high} min",
        detail,
        None,
        {"minutes": [low, high], "items": items},
        "T1",
        reason,
        done,
    )


def _rule(base: str, adjusted: AdjustedSession) -> str:
    rules = [base]
    for change in adjusted.changes:
        if change.rule not in rules:
            rules.append(change.rule)
    return "+".join(rules)


def run_task(on: date, adjusted: AdjustedSession, done: bool) -> Task:
    original = adjusted.original
    minutes = round((adjusted.duration_s or 0) / 60)
    amount = Words(Distance(adjusted.distance_m)) if adjusted.distance_m else Words(f"{minutes} min")
    title = RUN_TITLES.get(adjusted.kind, "Run")
    named = adjusted.title_words()  # the session's own title, as the coach bent it: "Threshold 3 × 10 min"
    if adjusted.content and "walk" in adjusted.content:
        title, named = "Walk-run", Words()
    parts: list[Words | str] = [
        part for part in (adjusted.content, original.notes if not adjusted.changed else None) if part
    ]
    if adjusted.terrain == "flat":
        parts.append("flat route")
    if adjusted.cadence_cue:
        parts.append(adjusted.cadence_cue)
    if adjusted.kind in ("easy", "recovery"):
        parts.append(f"Gait cue: {GAIT_CUES[on.toordinal() % len(GAIT_CUES)]}")
    if adjusted.changed:
        reason = adjusted.reason
    else:
        reason = say(
            "As planned: {d} {kind} run, week {week} ({phase}) of your plan.",
            d=Distance(original.distance_m),
            kind=original.kind,
            week=original.week_index + 1,
            phase=original.phase,
        )
    planned = adjusted.planned_dict() if adjusted.changed else None
    return Task(
        "run",
        "run",
        _run_title(named, amount) if named else Words(f"{title} · ", amount),
        Words("; ").join(parts),
        planned,
        adjusted.prescribed_dict(),
        _rule("T2", adjusted),
        reason,
        done,
    )


def _run_title(named: Words, amount: Words) -> Words:
    """The session's title, with its distance when the title does not say it."""
    if named.says_distance:
        return named
    return Words(named, " · ", amount)


def strides_task(
    adjusted: AdjustedSession,
    assessment: Assessment,
    easy_strides_this_week: int,
    settings: PlanningSettings,
    done: bool,
) -> Task | None:
    """T3: after the long run, or after up to 2 easy runs a week, when the coach allows strides."""
    guidance = assessment.guidance
    if not guidance.strides_allowed or guidance.easy_only or any(r.rung == "C1" for r in assessment.rungs):
        return None
    if adjusted.kind == "long":
        after = say("after your {d} long run", d=Distance(adjusted.distance_m or 0))
    elif adjusted.kind == "easy" and easy_strides_this_week < settings.easy_strides_per_week:
        after = say(
            "after this easy run ({n} of {limit} easy-run strides this week so far)",
            n=easy_strides_this_week,
            limit=settings.easy_strides_per_week,
        )
    else:
        return None
    prescribed: dict[str, object] = {
        "reps": STRIDES.reps,
        "reps_range": list(STRIDES.reps_range),
        "distance_m": STRIDES.distance_m,
        "distance_range_m": list(STRIDES.distance_range_m),
        "recovery": STRIDES.recovery,
    }
    why = (
        "your return to running has reached the stage that allows them"
        if assessment.return_stage
        else "you are not returning from a break"
    )
    reason = say(
        "{reps} {X} {m} m strides {after}: the last 7 days were green and {why}.",
        reps=STRIDES.reps,
        X=TIMES,
        m=STRIDES.distance_m,
        after=after,
        why=why,
    )
    return Task("strides", "strides", "Strides", STRIDES.text(), None, prescribed, "T3", reason, done)


def cross_training_task(adjusted: AdjustedSession, done: bool, pain_max: int | None = None) -> Task:
    """T5: low-impact work of the same duration as the run it replaces (pain limit from the guidance)."""
    minutes = round((adjusted.duration_s or 0) / 60)
    prescribed: dict[str, object] = {
        "kind": "cross_training",
        "options": list(LOW_IMPACT_SWAPS),
        "duration_s": adjusted.duration_s,
        "pain_max": pain_max,
    }
    reason: Words | str = adjusted.reason
    if not adjusted.changed:  # cross-training the plan itself holds
        length = f"{minutes} min of " if minutes else ""
        reason = f"As planned: {length}low-impact cross-training."
    title = f"Low-impact cross-training · {minutes} min" if minutes else "Low-impact cross-training"
    return Task(
        "cross_training",
        "cross_training",
        title,
        adjusted.content or "",
        adjusted.planned_dict() if adjusted.changed else None,
        prescribed,
        _rule("T5", adjusted),
        reason,
        done,
    )


def red_day_cross_training_task(assessment: Assessment, done: bool) -> Task:
    """T5 on a red day with no run planned (or a return at its first, cross-training stage): 30 min of
    low-impact work, easy, stopping above the guidance's pain limit."""
    limit = assessment.guidance.cross_training_pain_max
    stop = f", stopping if the pain goes above {limit}/10" if limit is not None else ""
    prescribed: dict[str, object] = {
        "kind": "cross_training",
        "options": list(LOW_IMPACT_SWAPS),
        "duration_s": RED_DAY_MINUTES * 60,
        "pain_max": limit,
    }
    if assessment.state == "red":
        why = "No running today while the pain settles"
    else:
        why = "Your return to running starts with low-impact sessions"
    reason = (
        f"{why}: {RED_DAY_MINUTES} min of cycling, swimming, elliptical or a brisk walk keeps you moving "
        f"without the impact, at an easy effort{stop}."
    )
    title = f"Low-impact cross-training · {RED_DAY_MINUTES} min"
    detail = f"Cycling, swimming, elliptical or brisk walking; {RED_DAY_MINUTES} min, easy{stop}."
    return Task("cross_training", "cross_training", title, detail, None, prescribed, "T5", reason, done)


def post_run_checkin_task(runs: Sequence[RunEntry], done: bool) -> Task:
    total = sum(run.distance_m for run in runs)
    reason = say(
        "You logged {d} today: how much it hurt during the run, whether it settled within 60 min, and the "
        "effort (RPE 0-10) decide tomorrow.",
        d=Distance(total),
    )
    prescribed: dict[str, object] = {
        "context": "after_run",
        "run_ids": [run.id for run in runs],
        "fields": ["score", "settled_within_60min", "rpe"],
    }
    return Task(
        "post_run_checkin",
        "post_run_checkin",
        "Post-run check-in",
        "Pain during the run (0-10), settled within 60 min?, effort (RPE).",
        None,
        prescribed,
        "T6",
        reason,
        done,
    )


def strength_task(
    assessment: Assessment,
    block: Sequence[Prescription],
    run_today: bool,
    done: bool,
    last_pain: Mapping[str, int] | None = None,
    kind: Block = "full",
    after: str = "",
) -> Task | None:
    """T4 with ST2's block (`kind`: full, or light the day after a hard session) and ST4 for the day's state.
    `last_pain`: each exercise's pain when last logged (ST4 drops those above 5 on amber and red days).
    `after`: for a light block, the hard session it follows ("your tempo run on Tue 5 Jan")."""
    adapted = adapt_block_to_state(block, assessment.state, last_pain)
    if not adapted.kept:
        return None
    low, high = STRENGTH_MINUTES if kind == "full" else LIGHT_MINUTES
    prescribed: dict[str, object] = {
        "block": kind,
        "minutes": [low, high],
        "exercises": [p.as_dict() for p in adapted.kept],
    }
    planned: dict[str, object] | None = None
    if adapted.dropped:
        planned = {"block": kind, "minutes": [low, high], "exercises": [p.as_dict() for p in block]}
        prescribed["dropped"] = [p.exercise for p in adapted.dropped]
    if kind == "light":
        reason = (
            f"A light strength day, the day after {after or 'a hard session'}: {len(adapted.kept)} "
            f"bodyweight hip and core exercises, {low}-{high} min, no jumps."
        )
    else:
        reason = f"Strength day: {len(adapted.kept)} exercises, {low}-{high} min, hip and single-leg focus."
    if adapted.reason:
        reason += " " + adapted.reason
    if run_today:
        reason += f" Run first, lift at least {DEFAULT_SETTINGS.st2_same_day_gap_hours} h later."
    rule = "T4+ST2" if adapted.rule is None else f"T4+ST2+{adapted.rule}"
    detail = "; ".join(f"{p.name}: {p.text()}" for p in adapted.kept)
    title = (
        f"Strength block, {low}-{high} min" if kind == "full" else f"Light strength block, {low}-{high} min"
    )
    return Task("strength", "strength", title, detail, planned, prescribed, rule, reason, done)
