"""Bad input gets a clear error naming every bad field, loses nothing, and never a 500."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.builders import BODIES, Api, new_id


def problem(response) -> dict:
    assert response.mimetype == "application/problem+json"
    return response.get_json()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"distance_m": -5}, "distance_m"),
        ({"distance_m": 0}, "distance_m"),
        ({"distance_m": 600_000}, "distance_m"),
        ({"duration_s": -1}, "duration_s"),
        ({"duration_s": 200_000}, "duration_s"),
        ({"duration_s": 12.5}, "duration_s"),
        ({"kind": "jog"}, "kind"),
        ({"terrain": "lunar"}, "terrain"),
        ({"rpe": 11}, "rpe"),
        ({"date": "2999-01-01"}, "date"),
        ({"date": "1899-12-31"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "yesterday"}, "date"),
        ({"notes": "x" * 100_000}, "notes"),
        ({"distance_m": "8000"}, "distance_m"),
    ],
)
def test_a_bad_run_field_is_named_in_a_422(api: Api, overrides: dict, field: str) -> None:
    entry_id = new_id()
    response = api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"](**overrides))
    assert response.status_code == 422
    assert field in problem(response)["errors"]
    assert api.get(f"/api/v1/runs/{entry_id}").status_code == 404


@pytest.mark.parametrize("score", [11, -1, 2.5, "3", True, None])
def test_a_pain_score_outside_0_to_10_integers_is_refused(api: Api, score) -> None:
    response = api.put(f"/api/v1/pain/{new_id()}", BODIES["pain"](score=score))
    assert response.status_code == 422
    assert list(problem(response)["errors"]) == ["score"]


def test_every_bad_field_is_named_at_once(api: Api) -> None:
    body = {"date": "nope", "kind": "jog", "distance_m": -1, "duration_s": 0, "rpe": 99}
    errors = problem(api.put(f"/api/v1/runs/{new_id()}", body))["errors"]
    assert set(errors) == {"date", "kind", "distance_m", "duration_s", "rpe"}


def test_unknown_pain_flags_and_locations_are_refused(api: Api) -> None:
    body = BODIES["pain"](flags=["swelling", "itchy"], location="elbow")
    errors = problem(api.put(f"/api/v1/pain/{new_id()}", body))["errors"]
    assert "flags.1" in errors
    assert "location" in errors


def test_a_strength_set_needs_exactly_one_measure(api: Api) -> None:
    body = BODIES["strength"](sets=[{"exercise": "clamshells", "reps": 10, "seconds": 30}])
    errors = problem(api.put(f"/api/v1/strength/{new_id()}", body))["errors"]
    assert "sets.0" in errors


def test_a_malformed_uuid_is_a_422_naming_the_id(api: Api) -> None:
    response = api.put("/api/v1/runs/not-a-uuid", BODIES["runs"]())
    assert response.status_code == 422
    assert "id" in problem(response)["errors"]


def test_a_body_that_is_not_json_is_a_400(api: Api) -> None:
    response = api.client.put(
        f"/api/v1/runs/{new_id()}",
        data="{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 400
    assert problem(response)["title"] == "Malformed JSON"


def test_a_body_of_another_media_type_is_a_415(api: Api) -> None:
    response = api.client.put(
        f"/api/v1/runs/{new_id()}",
        data="date=2026-01-01",
        content_type="application/x-www-form-urlencoded",
        headers={"Authorization": f"Bearer {api.token}"},
    )
    assert response.status_code == 415


@pytest.mark.parametrize("body", [[], "run", 42])
def test_a_json_body_that_is_not_an_object_is_a_422(api: Api, body) -> None:
    response = api.put(f"/api/v1/runs/{new_id()}", body)
    assert response.status_code == 422
    assert "body" in problem(response)["errors"]


def test_an_empty_put_is_a_415(api: Api) -> None:
    response = api.client.put(f"/api/v1/runs/{new_id()}", headers={"Authorization": f"Bearer {api.token}"})
    assert response.status_code == 415


def test_bad_list_filters_are_named(api: Api) -> None:
    response = api.get("/api/v1/runs?from=x&limit=0&updated_since=2020-01-01&cursor=%%%")
    assert response.status_code == 422
    assert {"from", "limit", "updated_since"} <= set(problem(response)["errors"])


def test_a_forged_cursor_is_a_422_not_a_500(api: Api) -> None:
    response = api.get("/api/v1/runs?cursor=bm90LWEtY3Vyc29y")
    assert response.status_code == 422
    assert "cursor" in problem(response)["errors"]


def test_today_plus_one_day_is_allowed_for_time_zones_ahead(api: Api) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()  # noqa: DTZ011
    assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"](date=tomorrow)).status_code == 201
