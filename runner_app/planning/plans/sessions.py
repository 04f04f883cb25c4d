"""Every session says what to do (plan-rules.md): a title, a structure of steps at named paces, an estimated
duration and a target pace range.

A structure is a list of steps `{"kind": warmup|run|recovery|cooldown|strides, "distance_m"|"duration_s",
"pace": easy|marathon|threshold|interval|repetition, "repeat": n}` (api.md). Work is chosen by the session's
role in the week (`Work`); its warm-up and cool-down take what is left of the session's distance, so a session
capped by the spike rules keeps its work and loses easy running first, and loses repeats only when it must.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from runner_app.coach.text import TIMES
from runner_app.planning.plans.paces import PaceName, PaceRange, Paces, paces_for

Step = dict[str, Any]
Work = Literal["easy", "strides", "hills", "threshold", "marathon", "intervals", "long", "long_m", "race"]

# Distances are worked out at these paces when the runner's fitness is unknown (sessions then go by effort).
EFFORT_VDOT = 33.0
WARMUP_M = 2000.0
COOLDOWN_M = 1500.0
MIN_EASY_PART_M = 1000.0
STRIDES = 6  # × 20 s, walk or jog back


@dataclass(frozen=True)
class SessionDetail:
    title: str  # a template: "{distance}" and "{marathon}" are worded from the session (model.title_words)
    structure: tuple[Step, ...]
    duration_s: int
    target_pace: PaceRange | None  # the session's main pace; None when set by effort


def _step(kind: str, pace: PaceName, repeat: int = 1, *, distance_m: float = 0, duration_s: int = 0) -> Step:
    step: Step = {"kind": kind, "pace": pace, "repeat": repeat}
    if duration_s:
        step["duration_s"] = duration_s
    else:
        step["distance_m"] = round(distance_m / 100) * 100
    return step


def _seconds(step: Step, paces: Paces) -> float:
    pace = paces.of(step["pace"]).middle
    each = step["duration_s"] if "duration_s" in step else step["distance_m"] / 1000 * pace
    return float(each * step["repeat"])


def _metres(step: Step, paces: Paces) -> float:
    if "distance_m" in step:
        return float(step["distance_m"] * step["repeat"])
    return float(step["duration_s"] * step["repeat"] / paces.of(step["pace"]).middle * 1000)


def _threshold_work(progress: float) -> tuple[int, int]:
    """Repeats × minutes at T: 2 × 10 min growing to 3 × 12 as the build goes on (`progress` 0..1)."""
    options = ((2, 8), (2, 10), (3, 8), (3, 10), (2, 15), (3, 12))
    return options[min(len(options) - 1, int(progress * len(options)))]


def _work(work: Work, distance_m: float, progress: float, fewer: int = 0) -> tuple[str, list[Step]]:
    """The title and the work steps of a session (no warm-up or cool-down), with `fewer` repeats when the
    session's distance cannot hold them all."""
    if work == "threshold":
        reps, minutes = _threshold_work(progress)
        reps = max(1, reps - fewer)
        return f"Threshold {reps} {TIMES} {minutes} min", [
            _step("run", "threshold", reps, duration_s=minutes * 60),
            *([_step("recovery", "easy", reps - 1, duration_s=120)] if reps > 1 else []),
        ]
    if work == "intervals":
        reps = max(2, (5 if progress < 0.5 else 6) - fewer)
        return f"Intervals {reps} {TIMES} 1000 m", [
            _step("run", "interval", reps, distance_m=1000),
            _step("recovery", "easy", reps - 1, duration_s=180),
        ]
    if work == "hills":
        reps = max(3, (6 if progress < 0.5 else 8) - fewer)
        return f"Hills {reps} {TIMES} 60 s", [
            _step("run", "repetition", reps, duration_s=60),
            _step("recovery", "easy", reps, duration_s=90),
        ]
    if work == "marathon":
        segment = max(4000.0, min(12_000.0, round((distance_m - 3500.0) / 1000) * 1000))
        return "Marathon pace {marathon}", [_step("run", "marathon", distance_m=segment)]
    return "", []


def describe(
    work: Work, distance_m: float, paces: Paces | None, progress: float = 0.0, race_name: str = "Race"
) -> SessionDetail:
    """The session's title, structure, duration and target pace; `progress` (0..1) is how far into the build
    the week is, so threshold sessions grow."""
    shown = paces
    paces = paces or paces_for(EFFORT_VDOT)
    if work == "race":
        name: PaceName = "marathon" if distance_m > 30_000 else "threshold"
        structure: list[Step] = [_step("run", name, distance_m=distance_m)]
        title = race_name.replace("{", "{{").replace("}", "}}")
    elif work in ("easy", "strides", "long"):
        title = {"easy": "Easy", "strides": "Easy with strides", "long": "Long run"}[work]
        title = f"{title} {{distance}}"
        structure = [_step("run", "easy", distance_m=distance_m)]
        if work == "strides":
            structure.append(_step("strides", "repetition", STRIDES, duration_s=20))
    elif work == "long_m":
        segment = min(16_000.0, round(distance_m * 0.35 / 1000) * 1000)
        title = "Long run {distance} with {marathon} at marathon pace"
        structure = [
            _step("run", "easy", distance_m=distance_m - segment),
            _step("run", "marathon", distance_m=segment),
        ]
    else:
        for fewer in range(6):
            title, work_steps = _work(work, distance_m, progress, fewer)
            work_m = sum(_metres(step, paces) for step in work_steps)
            if distance_m - work_m >= 2 * MIN_EASY_PART_M:
                break
        spare = max(2 * MIN_EASY_PART_M, distance_m - work_m)
        warmup = max(MIN_EASY_PART_M, spare * WARMUP_M / (WARMUP_M + COOLDOWN_M))
        structure = [
            _step("warmup", "easy", distance_m=warmup),
            *work_steps,
            _step("cooldown", "easy", distance_m=spare - warmup),
        ]
    duration = round(sum(_seconds(step, paces) for step in structure) / 60) * 60
    main: PaceName = next(
        (s["pace"] for s in structure if s["kind"] == "run" and s["pace"] != "easy"), "easy"
    )
    if work == "hills":  # hill repeats go by effort; the running around them is easy
        main = "easy"
    target = shown.of(main) if shown is not None else None
    return SessionDetail(title, tuple(structure), int(duration), target)


def easy_version(detail: SessionDetail, distance_m: float, paces: Paces | None) -> SessionDetail:
    """The session as an easy run (a coach rung made it easy): the E range, one step."""
    plain = describe("easy", distance_m, paces)
    return SessionDetail(plain.title, plain.structure, plain.duration_s, paces.easy if paces else None)
