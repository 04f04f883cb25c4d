"""The content the app ships (product.md): strength exercises, warm-up, strides, gait cues, low-impact swaps.

Served as-is by `GET /api/v1/exercises`; the strength scheduler and the day's tasks read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from runner_app.coach.text import TIMES

Category = Literal["hip", "quads", "calf", "upper_back", "core", "plyometric"]
Measure = Literal["reps", "seconds", "steps"]


@dataclass(frozen=True)
class Exercise:
    """One exercise with its cues and default prescription: `sets` x `low`-`high` reps, seconds or steps.

    `per_side`: the numbers are per leg, arm or direction. `loadable`: ST3 adds load once the top of the
    range is reached (the others progress by band, chair height or variant). `start_load_kg`: None starts at
    bodyweight.
    """

    slug: str
    name: str
    category: Category
    cues: tuple[str, ...]
    sets: int
    measure: Measure
    low: int
    high: int
    per_side: bool
    loadable: bool = False
    start_load_kg: float | None = None


def _ex(
    slug: str,
    name: str,
    category: Category,
    cues: tuple[str, ...],
    prescription: tuple[int, Measure, int, int, bool],
    loadable: bool = False,
    start_load_kg: float | None = None,
) -> Exercise:
    sets, measure, low, high, per_side = prescription
    return Exercise(slug, name, category, cues, sets, measure, low, high, per_side, loadable, start_load_kg)


CATALOGUE: tuple[Exercise, ...] = (
    _ex(
        "side_lying_hip_abduction",
        "Side-lying hip abduction",
        "hip",
        (
            "Lie on your side, bottom knee bent",
            "Lift the top leg slightly behind you, toes forward",
            "Slow down, slow up; hips stacked",
        ),
        (3, "reps", 12, 20, True),
        loadable=True,
    ),
    _ex(
        "clamshells",
        "Clamshells",
        "hip",
        (
            "Knees bent, heels together",
            "Open the top knee without rolling the pelvis back",
            "Pause at the top",
        ),
        (3, "reps", 15, 25, True),
    ),
    _ex(
        "hip_bridges",
        "Hip bridges",
        "hip",
        (
            "Feet flat, hip-width",
            "Squeeze the glutes and lift until knees, hips and shoulders line up",
            "Ribs down; don't arch the lower back",
        ),
        (3, "reps", 12, 20, False),
        loadable=True,
    ),
    _ex(
        "step_ups",
        "Step-ups",
        "quads",
        (
            "Whole foot on the box, knee over the middle toes",
            "Push through the heel; don't bounce off the back foot",
            "Hips level",
        ),
        (3, "reps", 10, 15, True),
        loadable=True,
    ),
    _ex(
        "step_downs",
        "Step-downs",
        "quads",
        (
            "Stand on the step, lower the other heel to touch the floor",
            "Knee tracks over the second toe",
            "Slow, three seconds down",
        ),
        (3, "reps", 8, 15, True),
        loadable=True,
    ),
    _ex(
        "single_leg_rdl",
        "Single-leg Romanian deadlift",
        "hip",
        (
            "Hinge at the hip, back long",
            "Standing knee soft, hips square to the floor",
            f"Bodyweight until 3 {TIMES} 20-30, then add load",
        ),
        (3, "reps", 20, 30, True),
        loadable=True,
    ),
    _ex(
        "single_leg_hip_thrust",
        "Single-leg hip thrust",
        "hip",
        ("Shoulders on a bench, one foot planted", "Drive the hips up, pelvis level", "Pause at the top"),
        (3, "reps", 20, 30, True),
        loadable=True,
    ),
    _ex(
        "lateral_band_walks",
        "Lateral band walks",
        "hip",
        (
            "Band above the knees or at the ankles",
            "Half squat, toes forward",
            "Small steps; keep the band taut",
        ),
        (3, "steps", 40, 40, True),
    ),
    _ex(
        "single_leg_squat_to_chair",
        "Single-leg squat to a chair",
        "quads",
        (
            "Sit back to touch the chair, then stand",
            "Knee over the second toe, never caving in",
            "Use a lower chair to progress",
        ),
        (3, "reps", 8, 12, True),
    ),
    _ex(
        "side_plank_hip_abduction",
        "Side plank with hip abduction",
        "core",
        ("Elbow under the shoulder, body in one line", "Lift the top leg without the hips dropping"),
        (3, "reps", 20, 20, True),
    ),
    _ex(
        "split_squat",
        "Split squat",
        "quads",
        ("Long stance, torso tall", "Lower the back knee towards the floor", "Front knee over the foot"),
        (3, "reps", 8, 12, True),
        loadable=True,
    ),
    _ex(
        "lunges",
        "Lunges",
        "quads",
        ("Step forward and lower under control", "Front knee tracks over the toes", "Push back to standing"),
        (3, "reps", 8, 12, True),
        loadable=True,
    ),
    _ex(
        "calf_raises",
        "Calf raises",
        "calf",
        ("On a step, one leg at a time", "Rise high, lower slowly below the step", "Knee straight"),
        (3, "reps", 15, 25, True),
        loadable=True,
    ),
    _ex(
        "crab_walk",
        "Crab walk",
        "hip",
        ("Band around the ankles or feet", "Squat low, step diagonally forward", "Keep the knees out"),
        (3, "steps", 20, 20, True),
    ),
    _ex(
        "pull_ups",
        "Pull-ups",
        "upper_back",
        ("Full hang, shoulders down", "Pull the chest towards the bar", "Use a band for help if needed"),
        (3, "reps", 3, 8, False),
    ),
    _ex(
        "reverse_flyes",
        "Reverse flyes",
        "upper_back",
        ("Hinge forward, back flat", "Lead with the elbows, squeeze the shoulder blades"),
        (3, "reps", 12, 15, False),
        loadable=True,
        start_load_kg=2.0,
    ),
    _ex(
        "pogo_hops",
        "Pogo hops",
        "plyometric",
        ("Small quick hops on the balls of the feet", "Stiff ankles, quiet landings", "Stop if it hurts"),
        (2, "reps", 20, 30, False),
    ),
)

EXERCISES: dict[str, Exercise] = {exercise.slug: exercise for exercise in CATALOGUE}

# Two alternating 20-30 min blocks, hip and single-leg focus (product.md: "little and often").
BLOCKS: dict[str, tuple[str, ...]] = {
    "A": (
        "hip_bridges",
        "step_ups",
        "side_lying_hip_abduction",
        "clamshells",
        "calf_raises",
        "side_plank_hip_abduction",
        "reverse_flyes",
    ),
    "B": (
        "single_leg_rdl",
        "split_squat",
        "step_downs",
        "lateral_band_walks",
        "single_leg_hip_thrust",
        "calf_raises",
        "pull_ups",
        "pogo_hops",
    ),
}

# ST2's light block, for a rest or easy day right after a hard session: bodyweight, hips and core, no jumps.
LIGHT_BLOCK: tuple[str, ...] = (
    "hip_bridges",
    "side_lying_hip_abduction",
    "clamshells",
    "single_leg_hip_thrust",
    "side_plank_hip_abduction",
)


@dataclass(frozen=True)
class Activity:
    """One line of a fixed routine (warm-up, strides)."""

    name: str
    amount: str


WARMUP_MINUTES = (5, 8)
WARMUP: tuple[Activity, ...] = (
    Activity("Lateral band walks", f"2 {TIMES} 10-15 steps each way"),
    Activity("Clamshells", f"2 {TIMES} 10-15 a side"),
    Activity("Controlled bodyweight step-ups", f"2 {TIMES} 10-15 a side"),
    Activity("Easy running", "a few minutes, building gently"),
)


@dataclass(frozen=True)
class Strides:
    """T3: gentle accelerations after the long run (or up to 2 easy runs a week)."""

    reps: int = 6
    reps_range: tuple[int, int] = (4, 8)
    distance_m: int = 60
    distance_range_m: tuple[int, int] = (60, 100)
    effort: str = "gentle acceleration up to about 5K race pace"
    recovery: str = "60-90 s walking back"
    after: str = "then cool down and stretch"

    def text(self) -> str:
        return f"{self.reps} {TIMES} {self.distance_m} m {self.effort}, {self.recovery}; {self.after}."


STRIDES = Strides()

GAIT_CUES: tuple[str, ...] = (
    "shorter stride, quicker footfall",
    "soft, quiet landing",
    "stay tall",
    "level hips",
)

LOW_IMPACT_SWAPS: tuple[str, ...] = ("cycling", "swimming", "walking", "elliptical")
LOW_IMPACT_NAMES: dict[str, str] = {
    "cycling": "cycling",
    "swimming": "swimming",
    "walking": "brisk walking",
    "elliptical": "elliptical",
}
