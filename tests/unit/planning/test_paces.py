"""VDOT and training paces against Daniels' published tables (Daniels' Running Formula, VDOT 30-60)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runner_app.planning.plans.paces import (
    RaceResult,
    TimedRun,
    estimate_fitness,
    paces_for,
    race_time_s,
    riegel_s,
    vdot_from_race,
)


def hms(text: str) -> float:
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


# VDOT, 5 km, 10 km, marathon (the tables' equivalent race times)
RACES = [
    (30, "30:40", "63:46", "4:49:17"),
    (40, "24:08", "50:03", "3:49:45"),
    (50, "19:57", "41:21", "3:10:49"),
    (60, "17:03", "35:22", "2:43:25"),
]
# VDOT, M, T, I per km (the tables' training paces)
PACES = [
    (30, "7:03", "6:24", "5:55"),
    (40, "5:29", "5:06", "4:42"),
    (50, "4:31", "4:15", "3:55"),
    (60, "3:52", "3:40", "3:23"),
]


def test_a_10_km_in_50_minutes_is_a_vdot_of_40() -> None:
    assert vdot_from_race(10_000, 3000) == pytest.approx(40.0, abs=0.3)


@pytest.mark.parametrize(("vdot", "five", "ten", "marathon"), RACES)
def test_race_times_match_the_daniels_table(vdot: int, five: str, ten: str, marathon: str) -> None:
    assert race_time_s(vdot, 5000) == pytest.approx(hms(five), rel=0.005)
    assert race_time_s(vdot, 10_000) == pytest.approx(hms(ten), rel=0.005)
    assert race_time_s(vdot, 42_195) == pytest.approx(hms(marathon), rel=0.005)


@pytest.mark.parametrize(("vdot", "marathon", "threshold", "interval"), PACES)
def test_training_paces_match_the_daniels_table(
    vdot: int, marathon: str, threshold: str, interval: str
) -> None:
    paces = paces_for(vdot)
    assert paces.marathon.middle == pytest.approx(hms(marathon), abs=3)
    assert paces.threshold.middle == pytest.approx(hms(threshold), abs=3)
    assert paces.interval.middle == pytest.approx(hms(interval), abs=3)


@pytest.mark.parametrize(("vdot", "per_400"), [(30, "2:16"), (40, "1:44"), (50, "1:27"), (60, "1:13")])
def test_repetition_pace_per_400_m_matches_the_table(vdot: int, per_400: str) -> None:
    assert paces_for(vdot).repetition.middle * 0.4 == pytest.approx(hms(per_400), abs=2.5)


def test_the_oracle_runner_has_easy_pace_5_56_to_6_38_and_a_marathon_near_3_50() -> None:
    fitness = estimate_fitness(date(2026, 12, 5), races=[RaceResult(10_000, 3000, date(2026, 12, 1))])
    paces = fitness.paces
    assert paces is not None and fitness.source == "race"
    assert paces.easy.min_s_per_km == pytest.approx(hms("5:56"), abs=3)
    assert paces.easy.max_s_per_km == pytest.approx(hms("6:38"), abs=3)
    predicted = fitness.predicted_s(42_195)
    assert predicted is not None and hms("3:48:00") <= predicted <= hms("3:51:00")
    # Riegel's cross-check lands within 3 % of Daniels' prediction for a marathon from a 10 km
    assert riegel_s(10_000, 3000, 42_195) == pytest.approx(predicted, rel=0.03)


def test_paces_get_faster_as_vdot_rises_and_keep_their_order() -> None:
    for vdot in range(30, 70):
        slow, fast = paces_for(vdot), paces_for(vdot + 1)
        assert fast.threshold.middle < slow.threshold.middle
        p = slow
        assert p.repetition.middle < p.interval.middle < p.threshold.middle < p.marathon.middle
        assert p.marathon.middle < p.easy.min_s_per_km < p.easy.max_s_per_km


def test_an_older_race_counts_less() -> None:
    today = date(2026, 12, 5)
    fresh = estimate_fitness(today, races=[RaceResult(10_000, 3000, today - timedelta(days=1))])
    old = estimate_fitness(today, races=[RaceResult(10_000, 3000, today - timedelta(days=122))])
    assert fresh.vdot is not None and old.vdot is not None
    assert fresh.vdot - old.vdot == pytest.approx(2.0, abs=0.1)


def test_a_race_older_than_six_months_is_ignored_and_runs_are_used_less_two_vdot() -> None:
    today = date(2026, 12, 5)
    fitness = estimate_fitness(
        today,
        races=[RaceResult(10_000, 2400, today - timedelta(days=200))],
        runs=[
            TimedRun(today - timedelta(days=3), 10_000, 3000),
            TimedRun(today - timedelta(days=2), 2000, 400),
        ],
    )
    assert fitness.source == "runs"
    assert fitness.vdot == pytest.approx(38.0, abs=0.3)


def test_without_a_race_or_timed_runs_sessions_are_set_by_effort_and_it_says_so() -> None:
    fitness = estimate_fitness(date(2026, 12, 5), runs=[TimedRun(date(2026, 12, 1), 8000, None)])
    assert fitness.source == "volume" and fitness.vdot is None and fitness.paces is None
    assert "effort" in fitness.note
