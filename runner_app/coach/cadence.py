"""The cadence cue (gait retraining): +5 % on easy runs for 2 weeks from the day front-of-knee pain (or a
cadence of 170 spm or less) triggered it, ending then unless triggered again; stepping to +7.5 % then
+10 % only while pain stays <= 2, never above +10 %. Only the ladder's C5 keeps a cue longer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.model import RuleId
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import CadenceState, DaySummary, between, evolve
from runner_app.coach.text import day, pain, pct

RULE: RuleId = "CADENCE"


def _trigger(days: Sequence[DaySummary], d: date, settings: CoachSettings) -> tuple[date, str] | None:
    """The latest trigger still inside its 2 weeks: front-of-knee pain, or a low logged cadence."""
    window = between(days, d - timedelta(days=settings.cadence_cue_days - 1), d)
    found: list[tuple[date, str]] = []
    knee = [s for s in window if s.front_knee]
    if knee:
        found.append((knee[-1].date, f"front-of-knee pain on {day(knee[-1].date)}"))
    measured = [s for s in window if s.cadence_min is not None]
    if measured and (measured[-1].cadence_min or 0) <= settings.cadence_low_spm:
        low = measured[-1]
        found.append((low.date, f"a cadence of {low.cadence_min} spm on {day(low.date)}"))
    return max(found) if found else None


def cadence_step(
    cad: CadenceState, days: Sequence[DaySummary], d: date, settings: CoachSettings, out: DayEvents
) -> CadenceState:
    """Advance the cue by one day; `days` ends with today's summary."""
    found = _trigger(days, d, settings)
    if found is None:
        if cad.since is not None:
            out.decide(
                RULE,
                f"{settings.cadence_cue_days // 7} weeks have passed with no new front-of-knee pain and no "
                f"cadence of {settings.cadence_low_spm} spm or less: the cadence cue ends.",
                "literature",
            )
        return CadenceState()
    trigger_on, trigger = found
    until = trigger_on + timedelta(days=settings.cadence_cue_days)
    base = settings.cadence_cue_pct
    if cad.since is None or cad.level_since is None:
        reason = (
            f"Because of {trigger}: +{pct(base)} cadence on easy runs until {day(until)}; a shorter, "
            "quicker step eases the load on the knee."
        )
        out.decide(RULE, reason, "literature")
        return CadenceState(since=d, pct=base, level_since=d, reason=reason, until=until)
    level_since = cad.level_since
    cad = evolve(cad, until=until)
    today = days[-1].max_pain if days and days[-1].date == d else None
    if cad.pct > base and today is not None and today > settings.cadence_cue_step_pain_max:
        reason = (
            f"Pain of {pain(today)} on {day(d)}, so the cadence cue goes back to +{pct(base)}; the larger "
            f"cue needs pain of {settings.cadence_cue_step_pain_max}/10 or less."
        )
        out.decide(RULE, reason, "literature")
        return CadenceState(since=cad.since, pct=base, level_since=d, reason=reason, until=until)
    if (d - level_since).days < settings.cadence_cue_days or cad.pct >= settings.cadence_cue_max_pct:
        return cad
    span = [s.max_pain for s in between(days, d - timedelta(days=settings.cadence_cue_days - 1), d)]
    worst = max((p for p in span if p is not None), default=0)
    if worst > settings.cadence_cue_step_pain_max:
        return cad
    step = settings.cadence_cue_step_pct
    new = step if cad.pct < step else settings.cadence_cue_max_pct
    reason = (
        f"Pain stayed at {settings.cadence_cue_step_pain_max}/10 or less (worst {pain(worst)}) for "
        f"{settings.cadence_cue_days} days at +{pct(cad.pct)}, so the cadence cue rises to +{pct(new)}."
    )
    out.decide(RULE, reason, "literature")
    return CadenceState(since=cad.since, pct=new, level_since=d, reason=reason, until=until)
