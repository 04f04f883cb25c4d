"""The day's alerts: spike warnings on logged runs and weeks (S1-S3), and the clinician alerts that stay
while their condition lasts (F1, F2, F3, F4, P1, P2)."""

from __future__ import annotations

from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.facts import DayFacts
from runner_app.coach.flags import is_open
from runner_app.coach.guidance import CapInfo
from runner_app.coach.history import profile_week_m
from runner_app.coach.ladder import monday_of
from runner_app.coach.model import Alert, RunnerProfile
from runner_app.coach.settings import CoachSettings
from runner_app.coach.spikes import check_run_spike, check_week_spike
from runner_app.coach.state import EngineState, between

_ONE = timedelta(days=1)


def spike_alerts(
    state: EngineState,
    facts: DayFacts,
    cap: CapInfo,
    settings: CoachSettings,
    out: DayEvents,
    profile: RunnerProfile | None = None,
) -> date | None:
    """S1/S2 on each logged run, S3 on the week so far; returns the Monday whose S3 warning was given.
    A profile standing in for history counts its weekly distance in the weeks before its date."""
    d = facts.date
    recent = cap.recent_pain is not None
    near = between(state.days, d - timedelta(days=settings.spike_reference_days), d - _ONE)
    fallback = cap.reference_is_fallback or (
        cap.reference_m is None and not any(s.run_distances_m for s in near)
    )
    for run in facts.runs:
        check = check_run_spike(
            run.distance_m, cap.reference_m, recent, settings, reference_is_fallback=fallback, logged=True
        )
        said = check.as_reason
        if check.rule is not None and said is not None:
            out.alert("spike_run", said, check.rule)
            out.decide(check.rule, said, "literature")
    monday = monday_of(d)
    s3_week = state.alerts.s3_week
    if not facts.runs or s3_week == monday:
        return s3_week
    week = sum(sum(s.run_distances_m) for s in between(state.days, monday, d)) + facts.distance_m
    week = max(week, profile_week_m(profile, monday, settings) + facts.distance_m)
    weeks = [
        _week_m(state, monday - timedelta(days=7 * n), profile, settings)
        for n in range(1, settings.s3_weeks + 1)
    ]
    reference = max(weeks)
    check = check_week_spike(week, reference, recent, settings, reference_is_last_week=weeks[0] == reference)
    said = check.as_reason
    if check.rule is None or said is None:
        return s3_week
    out.alert("spike_week", said, check.rule)
    out.decide(check.rule, said, "literature")
    return monday


def _week_m(
    state: EngineState, monday: date, profile: RunnerProfile | None, settings: CoachSettings
) -> float:
    """A week's running distance: logged, or the profile's where it stands in for history."""
    logged = sum(sum(s.run_distances_m) for s in between(state.days, monday, monday + timedelta(days=6)))
    return max(logged, profile_week_m(profile, monday, settings))


def clinician_alerts_for(state: EngineState, d: date) -> list[Alert]:
    alerts: list[Alert] = []
    for ep in state.flags.episodes:
        if not is_open(ep, d):
            continue
        if ep.key == "F1":
            message = "Seek same-day care (urgent care or A&E). " + ep.reason
            alerts.append(Alert("refer_urgent", message, "F1"))
        elif ep.key == "F2":
            alerts.append(Alert("see_clinician", "See a GP or physio within days. " + ep.reason, "F2"))
        elif ep.key == "F3_red":
            alerts.append(Alert("see_clinician", "See a physio about the swelling. " + ep.reason, "F3"))
    a = state.alerts
    if a.f4_alert_reason is not None:
        alerts.append(Alert("see_clinician", a.f4_alert_reason, "F4"))
    if a.p1_reason is not None:
        alerts.append(Alert("see_clinician", a.p1_reason, "P1"))
    if a.p2_reason is not None:
        alerts.append(Alert("see_clinician_firm", a.p2_reason, "P2"))
    return alerts
