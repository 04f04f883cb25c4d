"""D1-D3: how a run went, judged from its own pain and the next morning's check-in.

A run on day d is judged when day d + 1 is advanced (D1 needs the next morning), except that its own pain
decides at once when it can: pain >= 6 is D3 (red) on d, pain 3-5 or "not settled within 60 min" is D2
(amber) on d; the next morning may still raise a D2 to D3. Without a post-run check-in or without the next
morning's check-in a run cannot meet D1: it stays unjudged, which never counts as progress.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.flags import upsert
from runner_app.coach.model import Reason, RuleId
from runner_app.coach.returns import STAGE_IDS, record_failure, record_pass
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import (
    DaySummary,
    FlagState,
    PendingSession,
    ReturnState,
    Verdict,
    between,
    evolve,
)
from runner_app.coach.text import day, num, pain

_EPS = 1e-9


def baseline_morning(
    history: Sequence[DaySummary], d: date, settings: CoachSettings, usual: int | None = None
) -> float | None:
    """Median worst-morning score over the 7 days before d that were green, when there are at least 3 of
    them; else the profile's usual morning pain (`usual`); else None: no baseline, absolute thresholds."""
    start = d - timedelta(days=settings.baseline_window_days)
    window = between(history, start, d - timedelta(days=1))
    scores = [s.morning for s in window if s.state == "green" and s.morning is not None]
    if len(scores) >= settings.baseline_min_mornings:
        return float(statistics.median(scores))
    return None if usual is None else float(usual)


def immediate_verdict(
    pain_score: int | None, settled: bool | None, settings: CoachSettings
) -> Verdict | None:
    if pain_score is not None and pain_score >= settings.d3_run_pain_min:
        return "D3"
    if (pain_score is not None and pain_score >= settings.d2_run_pain_min) or settled is False:
        return "D2"
    return None


def _what(session: PendingSession) -> str:
    """The session, with `{run}` where its distance goes (a template: see `worded`)."""
    if session.kind == "cross":
        return f"cross-training session on {day(session.date)}"
    if session.runs > 1:  # judged together: say so, not "the 13.5 km run" that nobody ran
        return f"{session.runs} runs on {day(session.date)} ({{run}} in all)"
    return f"{{run}} run on {day(session.date)}"


def worded(rule: RuleId, template: str, session: PendingSession) -> Reason:
    """A verdict's sentence as data: the template the functions here write, and the session's distance."""
    return Reason(rule, template, (("run", session.distance_m),) if session.kind == "run" else ())


def immediate_reason(session: PendingSession, verdict: Verdict, settings: CoachSettings) -> str:
    if session.pain is not None and session.pain >= settings.d2_run_pain_min:
        head = f"Your pain with the {_what(session)} was {pain(session.pain)}"
    else:
        head = f"The pain after your {_what(session)} had not settled within 60 min"
    return head + consequence(verdict, settings)


def consequence(verdict: Verdict, settings: CoachSettings) -> str:
    if verdict == "D3":
        return (
            f": red for {settings.d3_red_days * 24} h, no running; cross-training only where its "
            f"pain stays ≤ {settings.cross_training_pain_max}."
        )
    return (
        f": amber for {settings.d2_amber_days * 24} h; your runs stay easy, "
        f"{round((1 - settings.d2_distance_factor) * 100)} % shorter and flat, with no strides or intervals, "
        f"until {settings.d2_clear_runs} runs in a row go well."
    )


def morning_only_consequence(settings: CoachSettings) -> str:
    """A D2 from a morning alone steers that day and the next only (coach-rules v2)."""
    return (
        f": amber for {settings.d2_amber_days * 24} h, so runs today and tomorrow stay easy, "
        f"{round((1 - settings.d2_distance_factor) * 100)} % shorter and flat; the weekly review judges the "
        "trend."
    )


def morning_verdict(morning: int, baseline: float | None, settings: CoachSettings) -> Verdict:
    """D3 at 5 or more; D2 at the baseline + 2 (3-4 with no baseline); below that, D1 (+1 is noise)."""
    if morning >= settings.d3_morning_abs_min:
        return "D3"
    if baseline is None:
        return "D2" if morning >= settings.d2_morning_abs_min else "D1"
    if morning - baseline >= settings.d2_morning_rise_min - _EPS:
        return "D2"
    return "D1"


def morning_phrase(morning: int, d: date, baseline: float | None, settings: CoachSettings) -> str:
    """The morning's score against the baseline, naming the day it was logged."""
    head = f"your morning pain on {day(d)} was {pain(morning)}"
    if morning >= settings.d3_morning_abs_min:
        return f"{head}, {settings.d3_morning_abs_min}/10 or more"
    if baseline is None:
        return (
            f"{head}, and with fewer than {settings.baseline_min_mornings} settled mornings in the week "
            "before there is no usual level to compare it with"
        )
    rise = morning - baseline
    if rise >= settings.d2_morning_rise_min - _EPS:
        return f"{head}, {rise:g} above your usual {num(baseline)}"
    if rise > _EPS:
        return f"{head}, within a point of your usual {num(baseline)}"
    return f"{head}, not above your usual {num(baseline)}"


def judge(
    session: PendingSession, morning: int | None, d: date, baseline: float | None, settings: CoachSettings
) -> tuple[Verdict | None, str]:
    """The verdict the next morning (day d) adds (None: nothing new, or unjudged) and its sentence."""
    if morning is None:
        if session.immediate is None:
            return None, f"no morning check-in the day after the {_what(session)}, so it could not be judged"
        return None, ""
    mv = morning_verdict(morning, baseline, settings)
    phrase = morning_phrase(morning, d, baseline, settings)
    if session.immediate is not None:
        if session.immediate == "D2" and mv == "D3":
            return "D3", f"After the {_what(session)}, {phrase}" + consequence("D3", settings)
        return None, ""
    if mv != "D1":
        return mv, f"After the {_what(session)}, {phrase}" + consequence(mv, settings)
    if session.pain is None:
        return None, f"no post-run pain check-in for the {_what(session)}, so it could not be judged"
    if session.pain > 0 and session.settled is not True:
        what = _what(session)
        return None, f"no answer to 'settled within 60 min' for the {what}, so it could not be judged"
    return "D1", (
        f"Your {_what(session)} went well: pain {pain(session.pain)}, settled within 60 min, and {phrase}."
    )


def apply_verdict(
    flags: FlagState,
    ret: ReturnState,
    session: PendingSession,
    verdict: Verdict | None,
    why: str,
    d: date,
    stage_ok: bool,
    frozen: bool,
    settings: CoachSettings,
    out: DayEvents,
) -> tuple[FlagState, ReturnState]:
    """Open the D2/D3 periods, move the D2 streak and the return stage. `stage_ok` is False when the session
    happened during a red, so it neither counts nor fails a stage. `why` is a template (`worded`)."""
    said = worded(verdict or "D1", why, session)
    template, why = why, said.render()
    if session.kind == "cross":
        if verdict is None or not stage_ok:
            return flags, ret
        if verdict == "D1":
            return flags, record_pass(ret, session, d, frozen, settings, out)
        return flags, record_failure(ret, session, d, why.split(":")[0], settings, out)
    if verdict == "D3":
        episodes = upsert(flags.episodes, "D3", "D3", d, d + timedelta(days=settings.d3_red_days), said)
        out.decide("D3", said, "literature")
        if session.kind == "run":
            out.ladder_cause = worded("D3", template.split(":")[0], session)
        return evolve(flags, episodes=episodes, d1_streak=0), evolve(ret, red_d3=True)
    if verdict == "D2":
        episodes = upsert(flags.episodes, "D2", "D2", d, d + timedelta(days=settings.d2_amber_days), said)
        out.decide("D2", said, "literature")
        out.ladder_cause = worded("D2", template.split(":")[0], session)
        flags = evolve(
            flags,
            episodes=episodes,
            d2_mods=why,
            d2_mods_template=template,
            d2_mods_params=said.params,
            d1_streak=0,
        )
        if stage_ok:
            ret = record_failure(ret, session, d, why.split(":")[0], settings, out)
        return flags, ret
    if verdict == "D1":
        out.decide("D1", said, "literature")
        streak = flags.d1_streak + 1
        if flags.d2_mods is not None and streak >= settings.d2_clear_runs:
            out.decide(
                "D2",
                f"{streak} runs in a row went well (the last on {day(session.date)}): your runs are no "
                "longer shortened or kept flat.",
                "literature",
            )
            flags = evolve(flags, d2_mods=None, d2_mods_template="", d2_mods_params=(), d1_streak=0)
        else:
            flags = evolve(flags, d1_streak=streak)
        if stage_ok:
            ret = record_pass(ret, session, d, frozen, settings, out)
        return flags, ret
    if why:
        flags = evolve(flags, d1_streak=0)
        if stage_ok and ret.stage is not None and session.stage == ret.stage:
            stage = STAGE_IDS[ret.stage]
            out.decide(stage, worded(stage, f"{template[0].upper()}{template[1:]}.", session), "product")
    return flags, ret


def morning_alone(
    flags: FlagState,
    ret: ReturnState,
    morning: int,
    d: date,
    baseline: float | None,
    after_run: bool,
    settings: CoachSettings,
    out: DayEvents,
) -> tuple[FlagState, ReturnState]:
    """D2/D3 from a morning check-in on its own: a morning of 5 or more is red; a morning 2 above the
    baseline (3-4 with none) is amber for that day and the next. Neither starts the ladder (only a
    run-related D2/D3 does); a morning the day after a run was already judged with that run."""
    verdict = morning_verdict(morning, baseline, settings)
    phrase = morning_phrase(morning, d, baseline, settings)
    if verdict == "D3":
        why = phrase[0].upper() + phrase[1:] + consequence("D3", settings)
        episodes = upsert(flags.episodes, "D3", "D3", d, d + timedelta(days=settings.d3_red_days), why)
        out.decide("D3", why, "literature")
        return evolve(flags, episodes=episodes, d1_streak=0), evolve(ret, red_d3=True)
    if verdict == "D2" and not after_run:
        why = phrase[0].upper() + phrase[1:] + morning_only_consequence(settings)
        episodes = upsert(flags.episodes, "D2", "D2", d, d + timedelta(days=settings.d2_amber_days), why)
        out.decide("D2", why, "literature")
        return evolve(flags, episodes=episodes), ret
    return flags, ret
