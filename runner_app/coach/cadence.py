"""The cadence cue (gait retraining): +5 % on easy runs for 2 weeks after front-of-knee pain in the last 30
days (or a cadence of 170 spm or less), stepping to +7.5 % then +10 % only while pain stays <= 2, never
above +10 %."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import CadenceState, DaySummary, between
from runner_app.coach.text import day, pain, pct

RULE = "CADENCE"


def _trigger(days: Sequence[DaySummary], d: date, settings: CoachSettings) -> str | None:
    window = between(days, d - timedelta(days=settings.cadence_pain_lookback_days - 1), d)
    knee = [s for s in window if s.front_knee]
    if knee:
        return f"front-of-knee pain on {day(knee[-1].date)}"
    measured = [s for s in window if s.cadence_min is not None]
    if measured and (measured[-1].cadence_min or 0) <= settings.cadence_low_spm:
        return f"a cadence of {measured[-1].cadence_min} spm on {day(measured[-1].date)}"
    return None


def cadence_step(
    cad: CadenceState, days: Sequence[DaySummary], d: date, settings: CoachSettings, out: DayEvents
) -> CadenceState:
    """Advance the cue by one day; `days` ends with today's summary."""
    trigger = _trigger(days, d, settings)
    if trigger is None:
        if cad.since is not None:
            out.decide(
                RULE,
                f"No front-of-knee pain in the last {settings.cadence_pain_lookback_days} days and a "
                "cadence above "
                f"{settings.cadence_low_spm} spm: the cadence cue ends.",
                "literature",
            )
        return CadenceState()
    base = settings.cadence_cue_pct
    if cad.since is None or cad.level_since is None:
        reason = (
            f"Because of {trigger} (cadence cue): +{pct(base)} cadence on easy runs for "
            f"{settings.cadence_cue_days // 7} weeks; a shorter, quicker step eases the load on the knee."
        )
        out.decide(RULE, reason, "literature")
        return CadenceState(since=d, pct=base, level_since=d, reason=reason)
    today = days[-1].max_pain if days and days[-1].date == d else None
    if cad.pct > base and today is not None and today > settings.cadence_cue_step_pain_max:
        reason = (
            f"Pain of {pain(today)} today (cadence cue): back to +{pct(base)}; the larger cue needs pain ≤ "
            f"{settings.cadence_cue_step_pain_max}."
        )
        out.decide(RULE, reason, "literature")
        return CadenceState(since=cad.since, pct=base, level_since=d, reason=reason)
    if (d - cad.level_since).days < settings.cadence_cue_days or cad.pct >= settings.cadence_cue_max_pct:
        return cad
    span = [s.max_pain for s in between(days, d - timedelta(days=settings.cadence_cue_days - 1), d)]
    worst = max((p for p in span if p is not None), default=0)
    if worst > settings.cadence_cue_step_pain_max:
        return cad
    step = settings.cadence_cue_step_pct
    new = step if cad.pct < step else settings.cadence_cue_max_pct
    reason = (
        f"Pain stayed ≤ {settings.cadence_cue_step_pain_max} (worst {pain(worst)}) through "
        f"{settings.cadence_cue_days} days at +{pct(cad.pct)} (cadence cue): the cue rises to +{pct(new)}."
    )
    out.decide(RULE, reason, "literature")
    return CadenceState(since=cad.since, pct=new, level_since=d, reason=reason)
