"""The runner profile through the API: where the runner says they are (api.md, "Runner profile")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.builders import Api

TODAY = date.today()  # noqa: DTZ011


def profile_body(**overrides) -> dict:
    return {
        "runs_per_week": 4,
        "weekly_distance_m": 40_000.0,
        "longest_run_m": 14_000.0,
        "last_run_date": (TODAY - timedelta(days=2)).isoformat(),
        "usual_morning_pain": 1,
        "recent_race": {
            "distance_m": 10_000.0,
            "duration_s": 3000,
            "date": (TODAY - timedelta(days=40)).isoformat(),
        },
        **overrides,
    }


def test_there_is_no_profile_until_the_runner_gives_one(api: Api) -> None:
    response = api.get("/api/v1/profile")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"


def test_the_first_put_creates_the_profile_and_the_next_replaces_it(api: Api) -> None:
    first = api.put("/api/v1/profile", profile_body())
    assert first.status_code == 201
    assert first.get_json()["weekly_distance_m"] == 40_000.0
    assert first.get_json()["recent_race"]["duration_s"] == 3000
    second = api.put("/api/v1/profile", profile_body(weekly_distance_m=30_000.0, recent_race=None))
    assert second.status_code == 200
    got = api.get("/api/v1/profile").get_json()
    assert got["weekly_distance_m"] == 30_000.0
    assert got["recent_race"] is None
    assert got["as_of"] == TODAY.isoformat()


def test_only_runs_a_week_and_weekly_distance_are_needed(api: Api) -> None:
    response = api.put("/api/v1/profile", {"runs_per_week": 3, "weekly_distance_m": 20_000})
    assert response.status_code == 201
    body = response.get_json()
    assert (
        body["longest_run_m"] is None and body["usual_morning_pain"] is None and body["recent_race"] is None
    )


def test_the_profile_sets_the_runners_units(api: Api) -> None:
    assert api.put("/api/v1/profile", profile_body(units="mi")).get_json()["units"] == "mi"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("runs_per_week", 15),
        ("runs_per_week", -1),
        ("runs_per_week", "4"),
        ("weekly_distance_m", -5),
        ("weekly_distance_m", 1e9),
        ("usual_morning_pain", 11),
        ("last_run_date", (TODAY + timedelta(days=5)).isoformat()),
        ("units", "furlongs"),
    ],
)
def test_a_value_out_of_range_is_a_422_naming_the_field(api: Api, field: str, value: object) -> None:
    response = api.put("/api/v1/profile", profile_body(**{field: value}))
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
    assert api.get("/api/v1/profile").status_code == 404


def test_every_bad_field_is_named_at_once(api: Api) -> None:
    response = api.put("/api/v1/profile", {"runs_per_week": 99, "weekly_distance_m": "lots"})
    assert set(response.get_json()["errors"]) >= {"runs_per_week", "weekly_distance_m"}


def test_a_race_faster_than_the_world_record_is_refused(api: Api) -> None:
    race = {
        "distance_m": 42_195.0,
        "duration_s": 2 * 3600 - 60,
        "date": (TODAY - timedelta(days=9)).isoformat(),
    }
    response = api.put("/api/v1/profile", profile_body(recent_race=race))
    assert response.status_code == 422
    assert "recent_race" in response.get_json()["errors"]


def test_a_race_dated_in_the_future_is_refused(api: Api) -> None:
    race = {"distance_m": 10_000.0, "duration_s": 3000, "date": (TODAY + timedelta(days=20)).isoformat()}
    response = api.put("/api/v1/profile", profile_body(recent_race=race))
    assert response.status_code == 422
    assert [k for k in response.get_json()["errors"] if k.startswith("recent_race")]


def test_a_world_class_but_possible_time_is_accepted(api: Api) -> None:
    race = {"distance_m": 10_000.0, "duration_s": 27 * 60, "date": (TODAY - timedelta(days=9)).isoformat()}
    assert api.put("/api/v1/profile", profile_body(recent_race=race)).status_code == 201
