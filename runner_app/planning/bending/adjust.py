"""Bend one planned session by the coach's RunGuidance: what was planned beside what is now asked, and why.

Used by the day's tasks and by the plan's week view (the original struck through beside the change).
Every change carries the rule that made it and a sentence quoting the numbers. Week-level choices (C2's
swap, C1's hardest session, the return stage's quality limit) come from week.py when the week is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from runner_app.coach.model import ReturnStage, Rung, RunGuidance
from runner_app.coach.words import Distance, Words, say
from runner_app.planning.bending.bend import AdjustedSession, bent_run
from runner_app.planning.bending.cite import Change, Source, find_source, sentence
from runner_app.planning.bending.week import same_week, week_bends
from runner_app.planning.daily.exercises import LOW_IMPACT_NAMES, LOW_IMPACT_SWAPS
from runner_app.planning.model import PlannedSession
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings

__all__ = ["AdjustedSession", "Change", "adjust_session", "adjust_week", "return_session_duration_s"]

_SWAPS = ", ".join(LOW_IMPACT_NAMES[kind] for kind in LOW_IMPACT_SWAPS[:-1]) + f" or {LOW_IMPACT_SWAPS[-1]}"


def return_session_duration_s(content: str) -> int | None:
    """The length of an R0-R3 session from its text: "6 x (run 3 min / walk 2 min)" is 30 min;
    "20-30 min" is up to 30 min."""
    reps = re.search(r"(\d+)\s*[\N{MULTIPLICATION SIGN}x]\s*\(run (\d+) min / walk (\d+) min\)", content)
    if reps:
        return int(reps[1]) * (int(reps[2]) + int(reps[3])) * 60
    span = re.search(r"(\d+)\s*(?:[-\N{EN DASH}\N{RIGHTWARDS ARROW}]|to)\s*(\d+)\s*min", content)
    return int(span[2]) * 60 if span else None


def adjust_session(
    planned: PlannedSession,
    guidance: RunGuidance,
    rungs: Sequence[Rung] = (),
    *,
    return_stage: ReturnStage | None = None,
    week: Sequence[PlannedSession] | None = None,
    settings: PlanningSettings = DEFAULT_PLANNING,
) -> AdjustedSession:
    """Apply the guidance to a planned session: no running, a swap, the return-to-run session, or the run
    made easier, shorter, flatter, with a cue. `week`: the plan's sessions around it, for the week-level
    choices; without it C2 swaps nothing and C1 eases any quality session."""
    if not planned.is_run:
        return AdjustedSession(
            planned,
            planned.kind,
            planned.distance_m,
            planned.duration_s,
            "any",
            None,
            planned.notes or None,
            None,
            (),
        )
    bends = week_bends(same_week(week, planned.date), guidance, rungs) if week is not None else None
    duration_s = planned.duration_s or round(planned.distance_m / 1000 * settings.easy_pace_s_per_km)
    what = say("{d} {kind} run", d=Distance(planned.distance_m), kind=planned.kind)
    if not guidance.running_allowed or guidance.swap_to_low_impact or (bends and planned.id in bends.swapped):
        return _swapped(planned, guidance, rungs, duration_s, what, return_stage)
    if guidance.return_session:
        stage = return_stage or "R"
        source = find_source(guidance, rungs, None, (stage, "R"))
        change = sentence(
            say("Instead of the {what}: {session}", what=what, session=guidance.return_session),
            Source(stage, source.why),
        )
        rpe = f", RPE ≤ {guidance.max_rpe}" if guidance.max_rpe else ""
        return AdjustedSession(
            planned,
            "recovery",
            None,
            return_session_duration_s(guidance.return_session),
            "flat",
            None,
            guidance.return_session + rpe,
            guidance.max_rpe,
            (change,),
        )
    return bent_run(planned, guidance, rungs, bends, settings)


def adjust_week(
    sessions: Sequence[PlannedSession],
    guidance: RunGuidance,
    rungs: Sequence[Rung] = (),
    *,
    return_stage: ReturnStage | None = None,
    settings: PlanningSettings = DEFAULT_PLANNING,
) -> list[AdjustedSession]:
    """The plan's week view: every session beside what the current guidance makes of it."""
    return [
        adjust_session(s, guidance, rungs, return_stage=return_stage, week=sessions, settings=settings)
        for s in sorted(sessions, key=lambda s: (s.date, s.id))
    ]


def _swapped(
    planned: PlannedSession,
    guidance: RunGuidance,
    rungs: Sequence[Rung],
    duration_s: int,
    what: Words,
    return_stage: ReturnStage | None,
) -> AdjustedSession:
    minutes = round(duration_s / 60)
    if not guidance.cross_training_allowed or any(d.rule == "F1" for d in guidance.rules):
        change = sentence(
            say("No {what} and no impact today", what=what), find_source(guidance, rungs, None, ("F1", "F"))
        )
        return AdjustedSession(planned, "rest", None, None, "any", None, None, None, (change,))
    if not guidance.running_allowed:
        source = find_source(guidance, rungs, None, ("F", "D", "R", "P"))
        head = say(
            "No running today: {m} min of low-impact cross-training instead of the {what}",
            m=minutes,
            what=what,
        )
    else:
        source = find_source(guidance, rungs, "C2", ("F3", "C2", "D", "F"))
        head = say(
            "Your {what} becomes {m} min of low-impact cross-training (same duration)", m=minutes, what=what
        )
    limit = guidance.cross_training_pain_max
    content = f"{_SWAPS}; {minutes} min" + (
        f", stopping if the pain goes above {limit}/10" if limit is not None else ""
    )
    if return_stage == "R0" and guidance.return_session:
        content = f"{guidance.return_session}; or {content}"
    return AdjustedSession(
        planned,
        "cross_training",
        None,
        duration_s,
        "any",
        None,
        content,
        guidance.max_rpe,
        (sentence(head, source),),
    )
