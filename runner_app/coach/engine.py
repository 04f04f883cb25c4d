"""The coach: what the runner logged up to a date -> the state, rungs, return stage, alerts and guidance.

`advance` moves a bounded `EngineState` by one calendar day; `assess` and `timeline` fold it from the first
logged day, so the answer for a date never looks at anything logged after it and never depends on the
order in which entries arrived. The rules and their ids are in coach-rules.md; the readings chosen where
the rules are ambiguous are listed in the package docstring (`runner_app/coach/__init__.py`), section
"Readings of the rules".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from runner_app.coach.alerts import clinician_alerts_for, spike_alerts
from runner_app.coach.cadence import cadence_step
from runner_app.coach.events import DayEvents
from runner_app.coach.facts import bucket_logs, day_facts, sort_log, summarise
from runner_app.coach.flags import (
    RED_KEYS,
    apply_flags,
    apply_sharp,
    day_state,
    end_of_day_clearance,
    open_keys,
    start_of_day,
)
from runner_app.coach.guidance import build_guidance, spike_context
from runner_app.coach.history import gap_return, needs_profile, standing_in
from runner_app.coach.history import last_run as last_run_known
from runner_app.coach.ladder import add_rung, clinician_alerts, output_rungs, weekly
from runner_app.coach.metrics import build_metrics, update_load
from runner_app.coach.model import Assessment, DayLog, RunnerProfile
from runner_app.coach.returns import session_counts, stage_id
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.state import (
    EngineState,
    PendingSession,
    evolve,
    from_json,
    to_json,
)
from runner_app.coach.verdicts import (
    apply_verdict,
    baseline_morning,
    immediate_reason,
    immediate_verdict,
    judge,
    morning_alone,
)

__all__ = [
    "EngineState",
    "advance",
    "assess",
    "initial_state",
    "state_from_json",
    "state_to_json",
    "timeline",
]

_ONE = timedelta(days=1)
_JSON_VERSION = 2


def initial_state(settings: CoachSettings = DEFAULT_SETTINGS) -> EngineState:
    """The state before any day: nothing known, no history."""
    return EngineState()


def state_to_json(state: EngineState) -> dict[str, Any]:
    """JSON-safe dict (str/int/float/bool/list/dict/None only); `state_from_json` reverses it exactly."""
    return {"version": _JSON_VERSION, "state": to_json(state)}


def state_from_json(data: dict[str, Any]) -> EngineState:
    if data.get("version") != _JSON_VERSION:
        raise ValueError(f"unknown engine state version {data.get('version')!r}")
    state: EngineState = from_json(EngineState, data["state"])
    return state


def advance(
    state: EngineState,
    day: DayLog,
    settings: CoachSettings = DEFAULT_SETTINGS,
    *,
    profile: RunnerProfile | None = None,
) -> tuple[EngineState, Assessment]:
    """Move the state through one calendar day (the day after `state.last_date`, or any day for the
    initial state) and say what the coach decides for it. Entries are used in id order. The runner
    `profile` counts only from its date on (coach-rules.md, "Runner profile")."""
    d = day.date
    if state.last_date is not None and d != state.last_date + _ONE:
        raise ValueError(f"advance expects {state.last_date + _ONE}, got {d}")
    facts = day_facts(sort_log(day), settings)
    out = DayEvents()
    history = state.days
    yesterday = history[-1] if history and history[-1].date == d - _ONE else None
    frozen = state.alerts.p2_since is not None

    given = standing_in(profile, d, history, settings)
    last_run = last_run_known(state.last_run_date, profile, d)
    flags, ret = start_of_day(state.flags, state.ret, history, d, last_run, settings, out)
    ret = gap_return(ret, flags, d, last_run, settings, out)
    usual = given.usual_morning_pain if given is not None else None
    baseline = baseline_morning(history, d, settings, usual)
    flags, ret = apply_flags(flags, ret, facts, history, settings, out)
    flags, ret, f4_alert = apply_sharp(flags, ret, facts, settings, out)

    # Yesterday's sessions, judged by this morning's check-in.
    judged_d3 = judged_run = False
    stage_ok = yesterday is None or yesterday.state in ("green", "amber")
    for prior in state.pending:
        if prior.date != d - _ONE:
            continue
        verdict, why = judge(prior, facts.morning, d, baseline, settings)
        flags, ret = apply_verdict(flags, ret, prior, verdict, why, d, stage_ok, frozen, settings, out)
        judged_d3 = judged_d3 or (verdict == "D3" and prior.kind == "run")
        judged_run = judged_run or prior.kind == "run"
    if facts.morning is not None and not judged_d3:
        flags, ret = morning_alone(flags, ret, facts.morning, d, baseline, judged_run, settings, out)

    # Today's session: judged at once by its own pain when that decides, else tomorrow morning.
    pending: list[PendingSession] = []
    red_now = bool(open_keys(flags.episodes, d) & RED_KEYS)
    ran_yesterday = yesterday is not None and bool(yesterday.run_distances_m)
    session: PendingSession | None = None
    if facts.runs:
        immediate = immediate_verdict(facts.run_pain, facts.settled, settings)
        session = PendingSession(
            date=d,
            kind="run",
            pain=facts.run_pain,
            settled=facts.settled,
            immediate=immediate,
            stage=ret.stage,
            counts=session_counts(ret, d, ran_yesterday),
            distance_m=facts.distance_m,
            runs=len(facts.runs),
        )
    elif facts.cross_training and ret.stage == 0:
        xt = facts.cross_pain
        immediate = "D2" if xt is not None and xt >= settings.d2_run_pain_min else None
        session = PendingSession(
            date=d,
            kind="cross",
            pain=xt,
            settled=True if xt is not None and immediate is None else None,
            immediate=immediate,
            stage=0,
            counts=True,
            distance_m=0.0,
        )
    if session is not None:
        if session.immediate is not None:
            why = immediate_reason(session, session.immediate, settings)
            flags, ret = apply_verdict(
                flags, ret, session, session.immediate, why, d, not red_now, frozen, settings, out
            )
        if session.immediate != "D3":
            pending.append(session)

    today_state = day_state(flags.episodes, d)
    summary = summarise(facts, today_state)
    days = (*history, summary)[-settings.history_days :]
    cap = spike_context(days, d, settings, given)
    s3_week = spike_alerts(state, facts, cap, settings, out, given)

    ladder = state.ladder
    if out.ladder_cause is not None and not ladder.rungs:
        ladder = add_rung(ladder, d, "D2", out.ladder_cause, days, settings, out, baseline)
    if d.weekday() == 0 and history:
        # Weekly rules are evaluated at the end of Sunday and take effect from the Monday.
        ladder = weekly(ladder, history, d - _ONE, frozen, settings, out)
    alerts = clinician_alerts(ladder, state.alerts, days, d, today_state, settings, out)
    if f4_alert is not None:
        alerts = evolve(alerts, f4_alert_since=d, f4_alert_reason=f4_alert)
    alerts = evolve(alerts, s3_week=s3_week)
    cadence = cadence_step(state.cadence, days, d, settings, out)
    load = update_load(state.load, facts.load, settings)

    new_state = EngineState(
        last_date=d,
        days=days,
        pending=tuple(pending),
        last_run_date=d if facts.runs else state.last_run_date,
        flags=flags,
        ret=ret,
        ladder=ladder,
        alerts=alerts,
        cadence=cadence,
        load=load,
    )
    guidance = build_guidance(new_state, d, days, cap, settings)
    day_alerts = [*clinician_alerts_for(new_state, d)]
    if facts.clearance:
        if new_state.alerts.p2_since is not None:
            note = "You recorded a clinician visit: progression is no longer frozen."
            out.decide("P2", note, "product")
        new_state = evolve(
            new_state,
            flags=end_of_day_clearance(new_state.flags, d, out),
            ladder=evolve(ladder, added_without_improvement=0),
            alerts=evolve(
                alerts,
                p1_since=None,
                p1_reason=None,
                p2_since=None,
                p2_reason=None,
                p2_clock_from=d,
                f4_alert_since=None,
                f4_alert_reason=None,
            ),
        )
        day_alerts = [a for a in day_alerts if a.rule not in ("F4", "P1", "P2")]
    assessment = Assessment(
        date=d,
        state=today_state,
        return_stage=stage_id(ret.stage),
        rungs=output_rungs(ladder, d, settings),
        alerts=(*day_alerts, *out.alerts),
        decisions=tuple(out.decisions),
        guidance=guidance,
        metrics=build_metrics(days, d, baseline, load, settings),
        progression_frozen=new_state.alerts.p2_since is not None,
        needs_profile=needs_profile(profile, d, days, settings),
    )
    return new_state, assessment


def timeline(
    days: Iterable[DayLog],
    start: date,
    end: date,
    settings: CoachSettings = DEFAULT_SETTINGS,
    *,
    profile: RunnerProfile | None = None,
) -> list[Assessment]:
    """One assessment per day from start to end (inclusive), each equal to `assess(days, that day)`."""
    if start > end:
        return []
    logs = bucket_logs(days, end)
    first = first_day(logs, profile, end)
    result: list[Assessment] = []
    state = initial_state(settings)
    x = min(start, first)
    while x <= end:
        if x < first:
            assessment = advance(initial_state(settings), DayLog(date=x), settings, profile=profile)[1]
        else:
            state, assessment = advance(state, logs.get(x, DayLog(date=x)), settings, profile=profile)
        if x >= start:
            result.append(assessment)
        x += _ONE
    return result


def assess(
    days: Iterable[DayLog],
    on: date,
    settings: CoachSettings = DEFAULT_SETTINGS,
    *,
    profile: RunnerProfile | None = None,
) -> Assessment:
    """What the coach says for `on`, from everything logged up to and including it."""
    return timeline(days, on, on, settings, profile=profile)[0]


def first_day(logs: Iterable[date], profile: RunnerProfile | None, end: date) -> date:
    """Where the fold starts: the first logged day, or the profile's date when earlier (end + 1: none)."""
    known = [*logs, *([profile.as_of] if profile is not None and profile.as_of <= end else [])]
    return min(known) if known else end + _ONE
