"""How today's run must bend: every open period, return stage, rung and cue merged into one RunGuidance.

The most restrictive wins for each field; `rules` lists every constraint in force today with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runner_app.coach.flags import RED_KEYS, is_open
from runner_app.coach.history import profile_runs
from runner_app.coach.ladder import RUNG_IDS
from runner_app.coach.model import Decision, Reason, RuleId, RungId, RunGuidance, RunnerProfile, Source
from runner_app.coach.returns import STAGE_CONTENT, STAGE_IDS, STAGE_NAMES
from runner_app.coach.settings import CoachSettings
from runner_app.coach.spikes import spike_reference
from runner_app.coach.state import DaySummary, EngineState, between
from runner_app.coach.text import TIMES, day, pct

_SOURCES: dict[str, Source] = {"F4": "product", "F3_red": "product"}


@dataclass(frozen=True)
class CapInfo:
    reference_m: float | None
    recent_pain: int | None  # worst pain of the last 14 days when >= the spike threshold
    reference_is_fallback: bool = False  # half the longest run of 60 days: none in the last 30


def spike_context(
    days: Sequence[DaySummary], d: date, settings: CoachSettings, profile: RunnerProfile | None = None
) -> CapInfo:
    """The S1 reference for a run on d and the recent pain (>= 3 in the 14 days up to d) that caps it.
    A profile standing in for history adds its longest run (history.profile_runs)."""
    start = d - timedelta(days=settings.spike_fallback_days)
    pain_start = d - timedelta(days=settings.spike_pain_days - 1)
    runs: list[tuple[date, float]] = profile_runs(profile, settings)
    worst: int | None = None
    for s in between(days, start, d):
        if s.run_distances_m:
            runs.append((s.date, max(s.run_distances_m)))
        if s.date >= pain_start and s.max_pain is not None and s.max_pain >= settings.spike_pain_min:
            worst = s.max_pain if worst is None else max(worst, s.max_pain)
    reference, fallback = spike_reference(runs, d, settings)
    return CapInfo(reference, worst, fallback)


def _ran_yesterday(days: Sequence[DaySummary], d: date) -> bool:
    return len(days) >= 2 and days[-2].date == d - timedelta(days=1) and bool(days[-2].run_distances_m)


def build_guidance(
    state: EngineState, d: date, days: Sequence[DaySummary], cap: CapInfo, settings: CoachSettings
) -> RunGuidance:
    """`state` is the state after advancing d; `days` ends with today's summary."""
    rules: list[Decision] = []
    running = True
    swap = False
    xt_allowed = True
    xt_pain: int | None = None
    easy = flat = False
    distance = long_run = 1.0
    session: str | None = None
    note: str | None = None
    max_rpe: int | None = None
    quality: int | None = None

    def say(rule: RuleId, reason: str | Reason, source: Source = "literature") -> None:
        if isinstance(reason, Reason):
            rules.append(Decision(rule, reason.render(), source, reason.template, reason.params))
        else:
            rules.append(Decision(rule=rule, reason=reason, source=source))

    for ep in state.flags.episodes:
        if not is_open(ep, d):
            continue
        said = Reason(ep.rule, ep.template, ep.params) if ep.template else ep.reason
        say(ep.rule, said, _SOURCES.get(ep.key, "literature"))
        if ep.key == "F1":
            running, xt_allowed = False, False
        elif ep.key in RED_KEYS:
            running, swap, xt_pain = False, True, settings.cross_training_pain_max
        elif ep.key == "D2":
            easy = flat = True
    if state.flags.swap_pending is not None:
        running, swap = False, True
        if not any(r.reason == state.flags.swap_pending for r in rules):
            say("F3", state.flags.swap_pending)
    mods = state.flags.d2_mods
    if mods is not None:
        easy = flat = True
        distance = min(distance, settings.d2_distance_factor)
        if not any(r.reason == mods for r in rules):
            f = state.flags
            say("D2", Reason("D2", f.d2_mods_template, f.d2_mods_params) if f.d2_mods_template else mods)
    stage = state.ret.stage
    if stage is not None:
        sid = STAGE_IDS[stage]
        since = day(state.ret.stage_since or d)
        say(sid, f"Coming back to running since {since}, now {STAGE_NAMES[stage]}: {STAGE_CONTENT[stage]}.")
        # R5 is "strides first, then one quality session a week": none until an R5 session has met D1.
        quality = (1 if state.ret.passed >= 1 else 0) if stage == 5 else None if stage == 6 else 0
        if stage <= 3:
            session, max_rpe = STAGE_CONTENT[stage], settings.return_max_rpe[stage]
            easy = flat = True
        else:
            note = STAGE_CONTENT[stage]
            flat = flat or stage < 6
            easy = easy or stage == 4
        if stage == 0:
            running, swap = False, True
        elif stage <= 3 and _ran_yesterday(days, d):
            running = False
            yday = day(d - timedelta(days=1))
            say(sid, f"You ran yesterday ({yday}): for now you need a non-running day between runs.")
        if state.ret.rest_day_on == d:
            running = False
            again = STAGE_NAMES[stage]
            say(sid, f"A rest day after the session that did not go well: {again} is repeated from tomorrow.")
    active: list[RungId] = []
    cue = 0.0
    pace: tuple[int, int] | None = None
    swaps = 0
    for rung in state.ladder.rungs:
        active.append(RUNG_IDS[RUNG_IDS.index(rung.rung)])
        say(rung.rule, Reason(rung.rule, rung.template, rung.params) if rung.template else rung.reason)
        if rung.rung == "C1":
            easy, pace = True, settings.c1_easy_pace_slower_pct
        elif rung.rung == "C2":
            swaps = 1
        elif rung.rung == "C3":
            long_run = min(long_run, settings.c3_long_run_factor)
        elif rung.rung == "C4":
            flat = True
        elif rung.rung == "C5":
            cue = settings.c5_cadence_pct
    cue_until = None
    if state.cadence.since is not None and state.cadence.reason is not None:
        cue_until = state.cadence.until if state.cadence.pct >= cue else None
        cue = max(cue, state.cadence.pct)
        ends = f" The cue runs until {day(state.cadence.until)}." if state.cadence.until else ""
        said = state.cadence.reason
        if f"+{pct(state.cadence.pct)}" not in said:
            said += f" The cue is now +{pct(state.cadence.pct)} on easy runs."
        say("CADENCE", said + ends)
    cue = min(cue, settings.cadence_cue_max_pct)
    green_days = settings.t3_green_days
    last7 = between(days, d - timedelta(days=green_days - 1), d)
    strides = (
        running
        and not easy
        and (stage is None or stage >= 5)
        and len(last7) == green_days
        and all(s.state == "green" for s in last7)
    )
    max_distance = None
    if running and cap.reference_m is not None and cap.recent_pain is not None:
        max_distance = cap.reference_m * settings.s1_ratio
        template = (
            f"With pain of {cap.recent_pain}/10 in the last {settings.spike_pain_days} days, any run today "
            f"is capped at {{cap}}, {settings.s1_ratio:.2f} {TIMES} your reference run of {{reference}}."
        )
        say("S1", Reason("S1", template, (("cap", max_distance), ("reference", cap.reference_m))))
    return RunGuidance(
        running_allowed=running,
        swap_to_low_impact=swap,
        easy_only=easy,
        distance_factor=distance,
        long_run_factor=long_run,
        flat_only=flat,
        cadence_cue_pct=cue,
        cadence_cue_until=cue_until,
        strides_allowed=strides,
        max_distance_m=max_distance,
        spike_reference_m=cap.reference_m if running else None,
        spike_reference_is_fallback=cap.reference_is_fallback,
        return_session=session,
        max_rpe=max_rpe,
        rules=tuple(rules),
        cross_training_allowed=xt_allowed,
        cross_training_pain_max=xt_pain,
        easy_pace_slower_pct=pace,
        low_impact_swaps_per_week=swaps,
        max_quality_sessions_per_week=quality,
        return_stage_note=note,
        active_rungs=tuple(active),
    )
