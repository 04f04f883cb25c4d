"""What of today's guidance still holds for the days ahead, for the plan's week view.

A day's own verdicts (amber for 48 h, the rest day a return stage asks after a run) are decided each
morning; the ladder's steps and an open red flag last until the coach lifts them, so upcoming sessions show
those bends already.
"""

from __future__ import annotations

from dataclasses import replace

from runner_app.coach.model import Assessment, RunGuidance

_LASTING_STATES = ("refer_urgent",)


def outlook_guidance(assessment: Assessment) -> RunGuidance:
    """Today's guidance reduced to what lasts: the active steps (C1-C5) and an open red flag."""
    today = assessment.guidance
    if assessment.state in _LASTING_STATES:
        return today
    lasting = {rung.reason for rung in assessment.rungs}
    rung_rules = tuple(r for r in today.rules if r.reason in lasting or r.rule == "CADENCE")
    return replace(
        RunGuidance(),
        easy_only="C1" in today.active_rungs,
        easy_pace_slower_pct=today.easy_pace_slower_pct,
        low_impact_swaps_per_week=today.low_impact_swaps_per_week,
        long_run_factor=today.long_run_factor,
        flat_only="C4" in today.active_rungs,
        cadence_cue_pct=today.cadence_cue_pct,
        cadence_cue_easy_runs_only=today.cadence_cue_easy_runs_only,
        active_rungs=today.active_rungs,
        rules=rung_rules,
    )
