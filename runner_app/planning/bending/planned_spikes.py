"""S1/S2 on the day's planned run, before it is run: the spike rules apply to a run "planned or logged".

A generated plan never schedules a spike, but an imported or edited plan can, and so can a generated one
after missed weeks. Against the longest run of the last 30 days (the reference the coach hands over in
RunGuidance), today's run as the coach has bent it is:
- at most 1.10 x: as it is;
- above 1.10 x: a warning (S1; above 1.30 x a strong one, S2). With pain of 3 or more in the last 14 days
  the run is already capped at 1.10 x by the coach's guidance, so it never gets here;
- above 2.0 x: refused (S2). The run offered is 1.10 x the reference, unless the runner has overridden the
  refusal for this session (`PlannedSession.spike_override`), in which case it stands with a strong warning.
A race is never capped or refused: it gets the warning only.
"""

from __future__ import annotations

from dataclasses import replace

from runner_app.coach.model import Alert, RunGuidance
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.spikes import X, check_run_spike, km, reference_phrase
from runner_app.planning.bending.bend import AdjustedSession
from runner_app.planning.bending.cite import Source, sentence
from runner_app.planning.settings import DEFAULT_PLANNING, PlanningSettings

__all__ = ["check_planned_spike"]


def check_planned_spike(
    adjusted: AdjustedSession,
    guidance: RunGuidance,
    settings: PlanningSettings = DEFAULT_PLANNING,
    coach: CoachSettings = DEFAULT_SETTINGS,
) -> tuple[AdjustedSession, Alert | None]:
    """Today's bent run, capped when S2 refuses it (and not overridden), and the warning to show."""
    reference = guidance.spike_reference_m
    distance = adjusted.distance_m
    if not adjusted.is_run or distance is None or reference is None:
        return adjusted, None
    race = adjusted.kind == "race"
    capped = guidance.max_distance_m is not None and not race
    check = check_run_spike(
        distance,
        reference,
        recent_pain=capped,
        settings=coach,
        reference_is_fallback=guidance.spike_reference_is_fallback,
    )
    if check.level == "none" or check.ratio is None:
        return adjusted, None
    rule = "S1" if check.level == "S1" else "S2"
    head = (
        f"Today's {km(distance)} {'race' if race else 'run'} is {check.ratio:.2f} {X} "
        f"{reference_phrase(reference, guidance.spike_reference_is_fallback, coach)}"
    )
    if race:
        return adjusted, Alert("spike_run", f"{head}. Races are never capped.", rule)
    if check.level != "S2_refuse":
        message = f"{head}. Build distance in steps of about 10 %."
        return adjusted, Alert("spike_run", message, rule)
    limit = f"more than {coach.s2_refuse_ratio:.1f} {X}"
    if adjusted.original.spike_override:
        message = (
            f"{head}, {limit}. You chose to run the planned distance anyway; stop if the pain "
            f"rises above {coach.spike_pain_min - 1}/10."
        )
        return adjusted, Alert("spike_run", message, "S2")
    offered = settings.floor_m(check.capped_distance_m or reference * coach.s1_ratio)
    why = f"{head}, {limit}, so the plan will not schedule it unless you override the refusal"
    change = sentence(
        f"Today's run is {km(offered)} ({coach.s1_ratio:.2f} {X}) instead of {km(distance)}",
        Source("S2", "rule S2", why),
    )
    duration = adjusted.duration_s and round(adjusted.duration_s * offered / distance)
    bent = replace(
        adjusted,
        distance_m=offered,
        duration_s=duration,
        changes=(*adjusted.changes, change),
        refused_distance_m=distance,
    )
    message = (
        f"{head}, {limit}: today's run is {km(offered)} instead. If you choose to run the "
        f"{km(distance)} anyway, override the refusal on today's run."
    )
    return bent, Alert("spike_run", message, "S2")
