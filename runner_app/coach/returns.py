"""Return to running after red (R0-R6): volume before pace before hills, two D1 sessions per stage.

Stages are held as integers 0..6 (R0..R6); None means the plan as written. For "one stage below the
current" (F4), the plan as written counts as R6, so a sharp pain in normal training restarts at R5.
"""

from __future__ import annotations

from datetime import date, timedelta

from runner_app.coach.events import DayEvents
from runner_app.coach.model import ReturnStage
from runner_app.coach.settings import CoachSettings
from runner_app.coach.state import PendingSession, ReturnState, evolve
from runner_app.coach.text import DASH, TIMES, day

STAGE_IDS: tuple[ReturnStage, ...] = ("R0", "R1", "R2", "R3", "R4", "R5", "R6")
TOP_STAGE = 6

STAGE_CONTENT: dict[int, str] = {
    0: "cross-training only; brisk walk building 10 → 30 min",
    1: f"walk-run: 6 {TIMES} (run 3 min / walk 2 min), flat",
    2: f"6 {TIMES} (run 4 min / walk 1 min), flat",
    3: f"20{DASH}30 min continuous easy, flat",
    4: "volume: frequency, then duration, back toward the plan; easy only (spike rules apply)",
    5: "pace: strides first, then one quality session a week; still flat",
    6: "hills: uphill first, downhill last; then the plan as written",
}


STAGE_NAMES: dict[int, str] = {
    0: "brisk walking and cross-training",
    1: "walk-run (run 3 min, walk 2 min)",
    2: "walk-run (run 4 min, walk 1 min)",
    3: "continuous easy running",
    4: "building your volume back",
    5: "adding pace back",
    6: "adding hills back",
}


def stage_id(stage: int | None) -> ReturnStage | None:
    return None if stage is None else STAGE_IDS[stage]


def level(stage: int | None) -> int:
    """Stage as a number where the plan as written counts as R6."""
    return TOP_STAGE if stage is None else stage


def one_below(stage: int | None) -> int:
    return max(0, level(stage) - 1)


def owe_exit(ret: ReturnState, stage: int) -> ReturnState:
    """A red has begun that must end at `stage` (or lower, if another red owes lower)."""
    owed = stage if ret.red_exit is None else min(ret.red_exit, stage)
    return evolve(ret, red_exit=owed)


def end_red(
    ret: ReturnState, d: date, last_run: date | None, settings: CoachSettings, out: DayEvents
) -> ReturnState:
    """All red episodes are over: enter the owed return stage (never higher than the current one)."""
    owed = ret.red_exit
    why = ""
    if ret.red_d3:
        off_days = None if last_run is None else (d - last_run).days - 1
        d3_stage = 2 if off_days is not None and off_days <= settings.d3_short_break_days else 1
        owed = d3_stage if owed is None else min(owed, d3_stage)
        why = (
            f" ({off_days} days without running)"
            if d3_stage == 2
            else f" (more than {settings.d3_short_break_days} days without running)"
        )
    if owed is None:
        return evolve(ret, red_exit=None, red_d3=False)
    new = min(level(ret.stage), owed)
    out.decide(
        STAGE_IDS[new],
        f"The pause from running has ended{why}: you restart with {STAGE_NAMES[new]}: {STAGE_CONTENT[new]}.",
        "literature",
    )
    return ReturnState(stage=new, stage_since=d)


def session_counts(ret: ReturnState, d: date, ran_yesterday: bool) -> bool:
    """Whether a day's run counts toward its stage: not at R0 (cross-training only), nor the day after a run
    in R1-R3 (they need a non-running day between runs)."""
    if ret.stage is None:
        return True
    return ret.stage != 0 and not (1 <= ret.stage <= 3 and ran_yesterday)


def record_pass(
    ret: ReturnState, session: PendingSession, d: date, frozen: bool, settings: CoachSettings, out: DayEvents
) -> ReturnState:
    """A session at the current stage met D1: advance after two of them (unless P2 froze progression)."""
    if ret.stage is None or session.stage != ret.stage:
        return ret
    current = STAGE_IDS[ret.stage]
    name = STAGE_NAMES[ret.stage]
    if not session.counts:
        why = (
            "it was a run, and for now it is cross-training and brisk walking only"
            if ret.stage == 0
            else "it came the day after another run, and for now you need a non-running day between runs"
        )
        out.decide(
            current,
            f"Your session on {day(session.date)} went well but does not count toward moving on: {why}.",
            "literature",
        )
        return ret
    passed = ret.passed + 1
    needed = settings.r0_sessions_to_advance if ret.stage == 0 else settings.return_sessions_to_advance
    if passed < needed:
        out.decide(
            current,
            f"Your session on {day(session.date)} went well: {passed} of the {needed} needed at {name}.",
            "literature",
        )
        return evolve(ret, passed=passed, failures=0)
    if frozen:
        out.decide(
            current,
            f"{passed} sessions at {name} went well, but nothing moves on until you record a clinician "
            "visit.",
            "product",
        )
        return evolve(ret, passed=passed, failures=0)
    if ret.stage == TOP_STAGE:
        out.decide(
            current,
            f"{passed} sessions {name} went well (the last on {day(session.date)}): you are back to the plan "
            "as written.",
            "literature",
        )
        return evolve(ret, stage=None, stage_since=None, passed=0, failures=0, rest_day_on=None)
    new = ret.stage + 1
    out.decide(
        STAGE_IDS[new],
        f"{passed} sessions at {name} went well (the last on {day(session.date)}): you move on to "
        f"{STAGE_NAMES[new]}: {STAGE_CONTENT[new]}.",
        "literature",
    )
    return evolve(ret, stage=new, stage_since=d, passed=0, failures=0, rest_day_on=None)


def record_failure(
    ret: ReturnState, session: PendingSession, d: date, why: str, settings: CoachSettings, out: DayEvents
) -> ReturnState:
    """A session at the current stage met D2: repeat the stage after a rest day; two in a row drop one."""
    if ret.stage is None or session.stage != ret.stage:
        return ret
    current = STAGE_IDS[ret.stage]
    name = STAGE_NAMES[ret.stage]
    failures = ret.failures + 1
    rest_day = session.date + timedelta(days=1)
    if failures < settings.return_failures_to_drop:
        out.decide(
            current,
            f"Your session on {day(session.date)} did not go well ({why}): you repeat {name} after a "
            f"rest day on {day(rest_day)}.",
            "literature",
        )
        return evolve(ret, passed=0, failures=failures, rest_day_on=rest_day)
    new = max(0, ret.stage - 1)
    if new == ret.stage:
        out.decide(
            current,
            f"A second session in a row did not go well ({why}): stay with {name} "
            f"({STAGE_CONTENT[new]}) and rest on {day(rest_day)}.",
            "literature",
        )
        return evolve(ret, passed=0, failures=0, rest_day_on=rest_day)
    out.decide(
        STAGE_IDS[new],
        f"A second session in a row at {name} did not go well ({why}): you go back to "
        f"{STAGE_NAMES[new]} ({STAGE_CONTENT[new]}) after a rest day on {day(rest_day)}.",
        "literature",
    )
    return evolve(ret, stage=new, stage_since=d, passed=0, failures=0, rest_day_on=rest_day)
