"""The shipped content (product.md), the plan model's invariants, and the package's purity."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from runner_app.coach.text import TIMES
from runner_app.planning.daily.exercises import (
    BLOCKS,
    CATALOGUE,
    EXERCISES,
    GAIT_CUES,
    LOW_IMPACT_SWAPS,
    STRIDES,
    WARMUP,
)
from runner_app.planning.model import PlanSpec, WeeklyTemplate, phases_for_weeks, session_id
from runner_app.planning.plans.layout import default_template, session_notes

ROOT = Path(__file__).resolve().parents[3]


def test_the_catalogue_holds_every_exercise_product_md_names_with_cues_and_a_prescription() -> None:
    named = {
        "side_lying_hip_abduction",
        "clamshells",
        "hip_bridges",
        "step_ups",
        "step_downs",
        "single_leg_rdl",
        "single_leg_hip_thrust",
        "lateral_band_walks",
        "single_leg_squat_to_chair",
        "side_plank_hip_abduction",
        "split_squat",
        "lunges",
        "calf_raises",
        "crab_walk",
        "pull_ups",
        "reverse_flyes",
    }
    assert named <= set(EXERCISES)
    assert len(EXERCISES) == len(CATALOGUE)
    for exercise in CATALOGUE:
        assert 2 <= len(exercise.cues) <= 4
        assert exercise.sets >= 2 and 0 < exercise.low <= exercise.high
    assert (EXERCISES["single_leg_rdl"].low, EXERCISES["single_leg_rdl"].high) == (20, 30)
    assert (EXERCISES["lateral_band_walks"].measure, EXERCISES["lateral_band_walks"].high) == ("steps", 40)
    assert (EXERCISES["side_plank_hip_abduction"].sets, EXERCISES["side_plank_hip_abduction"].high) == (3, 20)
    assert {e.category for e in CATALOGUE} == {"hip", "quads", "calf", "upper_back", "core", "plyometric"}
    assert all(slug in EXERCISES for block in BLOCKS.values() for slug in block)


def test_warm_up_strides_gait_cues_and_swaps_match_the_product_content() -> None:
    assert [item.name for item in WARMUP][:3] == [
        "Lateral band walks",
        "Clamshells",
        "Controlled bodyweight step-ups",
    ]
    assert all(f"2 {TIMES} 10-15" in item.amount for item in WARMUP[:3])
    assert STRIDES.text() == (
        f"6 {TIMES} 60 m gentle acceleration up to about 5K race pace, 60-90 s walking back; "
        "then cool down and stretch."
    )
    assert (STRIDES.reps_range, STRIDES.distance_range_m) == ((4, 8), (60, 100))
    assert "level hips" in GAIT_CUES and "soft, quiet landing" in GAIT_CUES
    assert LOW_IMPACT_SWAPS == ("cycling", "swimming", "walking", "elliptical")


def test_a_weekly_template_has_seven_known_days() -> None:
    with pytest.raises(ValueError, match="7 days"):
        WeeklyTemplate(("easy",) * 6)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown"):
        WeeklyTemplate(("jog",) * 7)  # type: ignore[arg-type]
    template = default_template(4, 6)
    assert template.days == ("rest", "tempo", "easy", "rest", "easy", "rest", "long")
    assert template.run_days == (1, 2, 4, 6)


def test_the_generator_template_keeps_the_day_after_the_long_run_free_when_it_can() -> None:
    for days in range(2, 7):
        for long_day in range(7):
            template = default_template(days, long_day)
            assert len(template.run_days) == days
            assert template.kind_on(long_day) == "long"
            assert template.kind_on((long_day + 1) % 7) == "rest"
    assert default_template(7, 6).kind_on(0) == "easy"


def test_a_plan_spec_refuses_a_race_before_its_start_and_a_bad_long_run_day() -> None:
    template = default_template(4, 6)
    with pytest.raises(ValueError, match="before the plan starts"):
        PlanSpec("Race", date(2026, 1, 1), date(2026, 2, 1), template, (), 6)
    with pytest.raises(ValueError, match="weekday"):
        PlanSpec("Race", date(2026, 3, 1), date(2026, 2, 1), template, (), 9)


def test_session_ids_depend_on_the_plan_and_the_date_only() -> None:
    assert session_id("p", date(2027, 1, 1)) == session_id("p", date(2027, 1, 1))
    assert session_id("p", date(2027, 1, 1)) != session_id("p", date(2027, 1, 2))
    assert session_id("p", date(2027, 1, 1)) != session_id("q", date(2027, 1, 1))


@pytest.mark.parametrize(
    ("metres", "units", "said"),
    [
        (14_000, "km", "then 7 km at"),  # half the session at tempo
        (14_000, "mi", "then 4 mi at"),  # 8.7 mi: 4.3 mi at tempo, to the whole mile
        (2_000, "km", "then 2 km at"),  # never less than 2 km
        (1_000, "mi", "then 1 mi at"),  # nor 1 mi
    ],
)
def test_a_tempo_note_gives_its_distance_in_the_runners_units(metres: float, units: str, said: str) -> None:
    assert said in session_notes("tempo", metres, "Test Marathon", units)


def test_imported_weeks_are_labelled_from_their_volumes() -> None:
    totals = [30.0, 33.0, 36.0, 28.0, 38.0, 41.0, 44.0, 34.0, 25.0, 20.0]
    assert phases_for_weeks(totals, race_week=9) == [
        "base",
        "base",
        "base",
        "cutback",
        "build",
        "build",
        "peak",
        "taper",
        "taper",
        "race",
    ]
    assert phases_for_weeks([30.0, 33.0, 20.0], race_week=None) == ["base", "build", "cutback"]


def test_the_planning_package_imports_neither_flask_nor_sqlalchemy() -> None:
    # runner_app/__init__.py builds the Flask app, so stand in for the parent package and import ours alone
    script = (
        "import sys, types, pkgutil, importlib\n"
        f"root = types.ModuleType('runner_app'); root.__path__ = [{str(ROOT / 'runner_app')!r}]\n"
        "sys.modules['runner_app'] = root\n"
        "import runner_app.planning as planning\n"
        "for module in pkgutil.walk_packages(planning.__path__, 'runner_app.planning.'):\n"
        "    importlib.import_module(module.name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'sqlalchemy', 'werkzeug'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == ""
