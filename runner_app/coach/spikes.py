"""Spike warnings S1-S3: a run, or a week, much longer than what the runner has recently done.

Single-run spikes (a run longer than 1.10 x the longest of the last 30 days) are the best-supported
running-injury risk signal; the planner calls `check_run_spike` on planned runs, the engine on logged ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from runner_app.coach.model import Params, Reason, RuleId
from runner_app.coach.settings import DEFAULT_SETTINGS, CoachSettings
from runner_app.coach.words import Words

SpikeLevel = Literal["none", "S1", "S2", "S2_refuse", "S3"]

_EPS = 1e-9
X = "\u00d7"  # the multiplication sign of every ratio sentence


@dataclass(frozen=True)
class SpikeCheck:
    """The verdict on one run or one week. `capped_distance_m` is set when the planned distance must "
    "shrink."""

    level: SpikeLevel
    ratio: float | None
    capped_distance_m: float | None
    rule: RuleId | None
    reason: str | None  # in km; `template` and `params` word it in any unit (model.Reason)
    source: str = "literature"
    template: str | None = None
    params: Params = ()

    @property
    def as_reason(self) -> Reason | None:
        """The reason as data, for the engine's decisions and alerts."""
        if self.rule is None or self.template is None:
            return None
        return Reason(self.rule, self.template, self.params)


def _check(
    level: SpikeLevel, ratio: float, cap_m: float | None, rule: RuleId, template: str, params: Params
) -> SpikeCheck:
    reason = Reason(rule, template, params)
    return SpikeCheck(level, ratio, cap_m, rule, reason.render(), "literature", template, params)


def km(distance_m: float) -> str:
    """Metres as a km string with one decimal, the unit every reason sentence uses."""
    return f"{distance_m / 1000:.1f} km"


def reference_distance_m(
    runs: Iterable[tuple[date, float]], on: date, settings: CoachSettings = DEFAULT_SETTINGS
) -> float | None:
    """The S1/S2 reference for a run on `on`: the longest run in [on-30, on-1]; if none, half the longest
    in [on-60, on-1]; None when there is no run at all in those 60 days (the return table applies)."""
    return spike_reference(runs, on, settings)[0]


def spike_reference(
    runs: Iterable[tuple[date, float]], on: date, settings: CoachSettings = DEFAULT_SETTINGS
) -> tuple[float | None, bool]:
    """`reference_distance_m`, and whether it is the 60-day fallback (half the longest)."""
    near_start = on - timedelta(days=settings.spike_reference_days)
    far_start = on - timedelta(days=settings.spike_fallback_days)
    near: float | None = None
    far: float | None = None
    for day, distance_m in runs:
        if distance_m <= 0 or not far_start <= day < on:
            continue
        far = distance_m if far is None else max(far, distance_m)
        if day >= near_start:
            near = distance_m if near is None else max(near, distance_m)
    if near is not None:
        return near, False
    if far is not None:
        return far * settings.spike_fallback_factor, True
    return None, False


def reference_phrase(reference_m: float, reference_is_fallback: bool, settings: CoachSettings) -> Words:
    template = _reference_template(reference_is_fallback, settings)
    return Words.from_template(template, (("reference", reference_m),))


def _reference_template(reference_is_fallback: bool, settings: CoachSettings) -> str:
    if reference_is_fallback:
        return (
            f"half your longest run of the last {settings.spike_fallback_days} days ({{reference}}, "
            f"as you ran nothing in the last {settings.spike_reference_days} days)"
        )
    return f"your longest run of the last {settings.spike_reference_days} days ({{reference}})"


def check_run_spike(
    distance_m: float,
    reference_m: float | None,
    recent_pain: bool,
    settings: CoachSettings = DEFAULT_SETTINGS,
    *,
    reference_is_fallback: bool = False,
    logged: bool = False,
) -> SpikeCheck:
    """S1 / S2 for one run against the reference from `reference_distance_m`.

    > 1.10 x: S1 warning, and the run is capped at 1.10 x when there was pain >= 3 in the last 14 days
    (`recent_pain`); > 1.30 x: S2 strong warning (same cap with recent pain); > 2.0 x: S2_refuse, the plan
    refuses it unless the runner overrides, and offers 1.10 x instead. With `logged=True` (a run already
    done) the level is the same but nothing is capped: the sentence is a warning about the next runs.
    """
    if reference_m is None or reference_m <= 0 or distance_m <= 0:
        return SpikeCheck("none", None, None, None, None)
    ratio = distance_m / reference_m
    if ratio <= settings.s1_ratio + _EPS:
        return SpikeCheck("none", ratio, None, None, None)
    cap_m = reference_m * settings.s1_ratio
    head = (
        f"This {{run}} run {'was' if logged else 'is'} {ratio:.2f} {X} "
        f"{_reference_template(reference_is_fallback, settings)}"
    )
    params: Params = (("run", distance_m), ("reference", reference_m))
    capped: Params = (*params, ("cap", cap_m))
    if logged:
        level_l: SpikeLevel = "S1"
        if ratio > settings.s2_refuse_ratio + _EPS:
            level_l = "S2_refuse"
        elif ratio > settings.s2_ratio + _EPS:
            level_l = "S2"
        rule_l: RuleId = "S1" if level_l == "S1" else "S2"
        tail = (
            f" With pain of {settings.spike_pain_min} or more in the last {settings.spike_pain_days} "
            "days, runs "
            f"are capped at {settings.s1_ratio:.2f} {X} the longest recent run."
            if recent_pain
            else " Build distance in steps of about 10 %."
        )
        return _check(level_l, ratio, None, rule_l, f"{head}.{tail}", params)
    if ratio > settings.s2_refuse_ratio + _EPS:
        reason = (
            f"{head}, more than {settings.s2_refuse_ratio:.1f} {X}, so the plan will not "
            "schedule it "
            f"unless you override; {{cap}} ({settings.s1_ratio:.2f} {X}) is the suggested distance."
        )
        return _check("S2_refuse", ratio, cap_m, "S2", reason, capped)
    level: Literal["S1", "S2"] = "S2" if ratio > settings.s2_ratio + _EPS else "S1"
    if recent_pain:
        reason = (
            f"{head}; with pain of {settings.spike_pain_min} or more in the last "
            f"{settings.spike_pain_days} days it is capped at {{cap}} ({settings.s1_ratio:.2f} "
            f"{X})."
        )
        return _check(level, ratio, cap_m, level, reason, capped)
    return _check(level, ratio, None, level, f"{head}.", params)


def check_week_spike(
    week_m: float,
    reference_m: float,
    recent_pain: bool,
    settings: CoachSettings = DEFAULT_SETTINGS,
    *,
    reference_is_last_week: bool = True,
) -> SpikeCheck:
    """S3: this week's distance > 1.30 x the biggest of the 4 weeks before it (1.20 x after pain >= 3 in
    the last 14 days). A warning only: nothing is capped. No verdict when those weeks were empty.
    The biggest of 4 weeks, not last week alone: a week back at the usual volume after a lighter one (a
    cut-back week, a C2 swap, a few days off) is not a spike."""
    if reference_m <= 0 or week_m <= 0:
        return SpikeCheck("none", None, None, None, None)
    ratio = week_m / reference_m
    limit = settings.s3_pain_ratio if recent_pain else settings.s3_ratio
    if ratio <= limit + _EPS:
        return SpikeCheck("none", ratio, None, None, None)
    why = (
        f" (the {limit:.2f} {X} limit that applies after pain of {settings.spike_pain_min} or more in "
        f"the last {settings.spike_pain_days} days)"
        if recent_pain
        else ""
    )
    before = (
        "last week's {reference}"
        if reference_is_last_week
        else f"the biggest of your last {settings.s3_weeks} weeks ({{reference}})"
    )
    template = f"This week's {{week}} is {ratio:.2f} {X} {before}{why}."
    return _check("S3", ratio, None, "S3", template, (("week", week_m), ("reference", reference_m)))
