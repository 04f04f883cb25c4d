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

from runner_app.coach.model import Alert, RuleId, RunGuidance
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.spikes import X, check_run_spike, reference_phrase
from runner_app.coach.words import Distance, say
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
    rule: RuleId = "S1" if check.level == "S1" else "S2"
    head = say(
        "Today's {d} {what} is {ratio:.2f} {X} {reference}",
        d=Distance(distance),
        what="race" if race else "run",
        ratio=check.ratio,
        X=X,
        reference=reference_phrase(reference, guidance.spike_reference_is_fallback, coach),
    )
    if race:
        return adjusted, Alert.of("spike_run", head + ". Races are never capped.", rule)
    if check.level != "S2_refuse":
        return adjusted, Alert.of("spike_run", head + ". Build distance in steps of about 10 %.", rule)
    limit = f"more than {coach.s2_refuse_ratio:.1f} {X}"
    if adjusted.original.spike_override:
        message = say(
            "{head}, {limit}. You chose to run the planned distance anyway; stop if the pain rises "
            "above {p}/10.",
            head=head,
            limit=limit,
            p=coach.spike_pain_min - 1,
        )
        return adjusted, Alert.of("spike_run", message, "S2")
    offered = settings.floor_m(check.capped_distance_m or reference * coach.s1_ratio)
    why = say(
        "{head}, {limit}, so the plan will not schedule it unless you override the refusal",
        head=head,
        limit=limit,
    )
    change = sentence(
        say(
            "Today's run is {offered} ({ratio:.2f} {X}) instead of {d}",
            offered=Distance(offered),
            ratio=coach.s1_ratio,
            X=X,
            d=Distance(distance),
        ),
        Source("S2", why),
    )
    duration = adjusted.duration_s and round(adjusted.duration_s * offered / distance)
    bent = replace(
        adjusted,
        distance_m=offered,
        duration_s=duration,
        changes=(*adjusted.changes, change),
        refused_distance_m=distance,
    )
    message = say(
        "{head}, {limit}: today's run is {offered} instead. If you choose to run the {d} anyway, "
        "override the refusal on today's run.",
        head=head,
        limit=limit,
        offered=Distance(offered),
        d=Distance(distance),
    )
    return bent, Alert.of("spike_run", message, "S2")
