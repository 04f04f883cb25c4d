"""The runner profile standing in for history (S1-S3, G1), the gap rule G1 and T7's needs_profile."""

from __future__ import annotations

from datetime import timedelta

from runner_app.coach.engine import timeline
from runner_app.coach.history import standing_in
from runner_app.coach.model import Assessment, RunnerProfile
from runner_app.coach.settings import DEFAULT_SETTINGS
from runner_app.coach.state import DaySummary
from tests.unit.coach.builders import Entry, alert_rules, day, easy_run, fired, logs, mornings


def line(
    first: int, last: int, *entries: Entry | list[Entry], profile: RunnerProfile | None = None
) -> dict[int, Assessment]:
    result = timeline(logs(*entries), day(first), day(last), profile=profile)
    return {first + i: a for i, a in enumerate(result)}


def profile(n: int, **kw: object) -> RunnerProfile:
    values: dict[str, object] = {"runs_per_week": 4, "weekly_distance_m": 32000.0, "longest_run_m": 12000.0}
    values.update(kw)
    return RunnerProfile(as_of=day(n), **values)  # type: ignore[arg-type]


def test_14_days_without_a_run_keeps_the_plan_as_written() -> None:
    days = line(0, 14, easy_run(0))
    assert days[14].return_stage is None and "G1" not in fired(days[14])


def test_21_days_without_a_run_then_a_run_restarts_at_r4() -> None:
    days = line(0, 21, easy_run(0), easy_run(21))
    assert days[14].return_stage is None
    assert days[15].return_stage == "R4" and "G1" in fired(days[15])
    assert days[21].return_stage == "R4"


def test_45_days_without_a_run_restarts_at_r3_and_90_at_r2() -> None:
    days = line(0, 90, easy_run(0))
    assert days[28].return_stage == "R4" and days[29].return_stage == "R3"
    assert days[60].return_stage == "R3" and days[61].return_stage == "R2"
    assert days[45].return_stage == "R3" and days[90].return_stage == "R2"


def test_a_gap_stage_advances_like_any_return_stage() -> None:
    back = [easy_run(n, 4.0) for n in (21, 23)] + [mornings(20, [0] * 6)]
    days = line(0, 24, easy_run(0), *back)
    assert days[21].return_stage == "R4" and days[24].return_stage == "R5"


def test_a_fresh_account_with_no_runs_and_no_profile_has_no_stage_and_needs_a_profile() -> None:
    days = line(0, 40)
    assert days[40].return_stage is None and days[40].needs_profile


def test_three_runs_in_28_days_no_longer_need_a_profile() -> None:
    days = line(0, 4, easy_run(0), easy_run(2), easy_run(4))
    assert days[2].needs_profile and not days[4].needs_profile


def test_a_profile_ends_the_need_for_one_from_its_date_on() -> None:
    days = line(0, 6, profile=profile(3))
    assert days[2].needs_profile and not days[3].needs_profile


def test_the_profiles_last_run_date_places_the_gap() -> None:
    days = line(0, 10, profile=profile(0, last_run_date=day(0) - timedelta(days=90)))
    assert days[0].return_stage == "R2" and "G1" in fired(days[0])
    recent = line(0, 20, profile=profile(0, last_run_date=day(-3)))
    assert recent[0].return_stage is None and recent[12].return_stage == "R4"


def test_a_profile_gives_the_spike_rules_a_reference_for_a_new_account() -> None:
    given = profile(0)
    calm = line(2, 2, easy_run(2, 13.0), profile=given)[2]
    assert not any(rule in ("S1", "S2") for _, rule in alert_rules(calm))
    big = line(2, 2, easy_run(2, 20.0), profile=given)[2]
    assert ("spike_run", "S2") in alert_rules(big)
    assert line(2, 2, easy_run(2, 20.0))[2].guidance.spike_reference_m is None  # no profile: no reference
    assert calm.guidance.spike_reference_m == 12000.0


def test_a_profile_gives_s3_a_last_week_for_a_new_account() -> None:
    week = [easy_run(n, 12.0) for n in (7, 8, 9, 10)]  # 48 km against the profile's 32 km a week
    days = line(7, 10, *week, profile=profile(5))
    assert any(rule == "S3" for a in days.values() for _, rule in alert_rules(a))


def test_the_profile_stops_standing_in_once_4_weeks_of_runs_are_logged() -> None:
    given = profile(0)
    summaries = tuple(
        DaySummary(day(n), "green", 0, None, None, None, None, False, False, True, (5000.0,), None, 0.0)
        for n in range(0, 40)
    )
    assert standing_in(given, day(27), summaries[:28], DEFAULT_SETTINGS) is given
    assert standing_in(given, day(28), summaries[:29], DEFAULT_SETTINGS) is None
    assert standing_in(given, day(-1), (), DEFAULT_SETTINGS) is None  # never before its date


def _weeks(*weekly_km: float) -> list[Entry]:
    """Four runs a week (Monday, Wednesday, Friday, Sunday) making up each week's distance."""
    return [easy_run(7 * w + n, km / 4) for w, km in enumerate(weekly_km) for n in (0, 2, 4, 6)]


def test_a_week_back_at_the_usual_volume_after_a_lighter_one_is_not_a_spike() -> None:
    """A plan's cut-back week (75 %) or a week with one run swapped by C2: the week after returns to what
    the runner did before it, 1.33 x last week but not above the biggest of the 4 weeks before."""
    days = line(0, 34, *_weeks(40, 40, 40, 30, 40))
    assert not any(rule == "S3" for a in days.values() for _, rule in alert_rules(a))


def test_a_week_well_above_the_biggest_of_the_last_four_is_a_spike() -> None:
    days = line(0, 34, *_weeks(40, 40, 40, 30, 56))
    [warning] = {x.message for a in days.values() for x in a.alerts if x.rule == "S3"}
    assert "1.40 × last week's" not in warning and "the biggest of your last 4 weeks (40.0 km)" in warning
