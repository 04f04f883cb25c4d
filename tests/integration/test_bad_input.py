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


def test_each_refusal_says_in_plain_words_what_the_field_must_be(api: Api) -> None:
    body = {"kind": "jog", "distance_m": 0, "duration_s": 2.5, "rpe": 11, "cadence_spm": 59}
    body["notes"] = "n" * 2001
    errors = problem(api.put(f"/api/v1/runs/{new_id()}", body))["errors"]
    assert errors == {
        "date": ["is required"],
        "kind": ["must be one of 'easy', 'recovery', 'long', 'tempo', 'intervals', 'hills' or 'race'"],
        "distance_m": ["must be more than 0"],
        "duration_s": ["must be a whole number"],
        "rpe": ["must be at most 10"],
        "notes": ["must be at most 2000 characters"],
        "cadence_spm": ["must be at least 60"],
    }


def test_unknown_pain_flags_and_locations_are_refused(api: Api) -> None:
    body = BODIES["pain"](flags=["swelling", "itchy"], location="elbow")
    errors = problem(api.put(f"/api/v1/pain/{new_id()}", body))["errors"]
    assert "flags.1" in errors
    assert "location" in errors


def test_a_strength_set_needs_exactly_one_measure(api: Api) -> None:
    body = BODIES["strength"](sets=[{"exercise": "clamshells", "reps": 10, "seconds": 30}])
    errors = problem(api.put(f"/api/v1/strength/{new_id()}", body))["errors"]
    assert "sets.0" in errors


def test_a_number_that_is_not_finite_is_refused_in_plain_words(api: Api) -> None:
    # Python's JSON reader takes the non-standard Infinity and NaN: they must not reach the database.
    for token in ("Infinity", "NaN"):
        body = '{"date": "2026-11-01", "kind": "easy", "duration_s": 1800, "distance_m": ' + token + "}"
        response = api.client.put(
            f"/api/v1/runs/{new_id()}",
            data=body,
            headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
        )
        assert response.status_code == 422
        assert response.get_json()["errors"] == {"distance_m": ["must be a number"]}


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


def raw_json(api: Api, method: str, path: str, text: str):
    headers = {"Authorization": f"Bearer {api.token}"}
    return api.client.open(path, method=method, data=text, content_type="application/json", headers=headers)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("PUT", f"/api/v1/runs/{new_id()}"),
        ("POST", "/api/v1/sync"),
        ("PUT", "/api/v1/plan"),
        ("POST", "/api/v1/plan/generate"),
        ("PUT", f"/api/v1/tasks/{date.today().isoformat()}/run"),  # noqa: DTZ011
    ],
)
def test_json_nested_deeper_than_the_decoder_goes_is_a_400(api: Api, method: str, path: str) -> None:
    response = raw_json(api, method, path, "[" * 5000 + "]" * 5000)
    assert response.status_code == 400
    assert problem(response)["title"] == "Malformed JSON"


def b64(text: str) -> str:
    import base64

    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_a_cursor_from_another_kind_of_list_or_without_an_offset_is_a_422(api: Api) -> None:
    for n in range(3):
        day = (date.today() - timedelta(days=n)).isoformat()  # noqa: DTZ011
        api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"](date=day))
    by_date = api.get("/api/v1/runs?limit=1").get_json()["next_cursor"]
    response = api.get(f"/api/v1/runs?limit=1&updated_since=2000-01-01T00:00:00Z&cursor={by_date}")
    assert response.status_code == 422 and "cursor" in problem(response)["errors"]
    by_update = api.get("/api/v1/runs?limit=1&updated_since=2000-01-01T00:00:00Z").get_json()["next_cursor"]
    assert api.get(f"/api/v1/runs?limit=1&cursor={by_update}").status_code == 422
    naive = b64('["2020-01-01", "2020-01-01T00:00:00", "00000000-0000-0000-0000-000000000000"]')
    assert api.get(f"/api/v1/runs?cursor={naive}").status_code == 422
    follow = api.get(f"/api/v1/runs?limit=1&updated_since=2000-01-01T00:00:00Z&cursor={by_update}")
    assert follow.status_code == 200 and len(follow.get_json()["items"]) == 1


@pytest.mark.parametrize(
    "query",
    [
        "updated_since=0001-01-01T00:00:00%2B01:00",
        "updated_since=9999-12-31T23:59:59-01:00",
        "limit=%C2%B2",  # "²": a digit to str.isdigit, not to int()
        "limit=%D9%A3",  # an Arabic-Indic 3
        "from=20200101",
        "to=2026-W47-7",
    ],
)
def test_list_filters_outside_what_the_contract_writes_are_named(api: Api, query: str) -> None:
    response = api.get(f"/api/v1/pain?{query}")
    assert response.status_code == 422
    assert query.split("=")[0] in problem(response)["errors"]


def test_the_timeline_names_both_bad_dates_and_says_when_from_is_after_to(api: Api) -> None:
    both = api.get("/api/v1/coach/timeline?from=x&to=y")
    assert both.status_code == 422 and set(problem(both)["errors"]) == {"from", "to"}
    backwards = api.get("/api/v1/coach/timeline?from=2026-01-01&to=2025-01-01")
    assert problem(backwards)["errors"] == {"from": ["must not be after `to`"]}


@pytest.mark.parametrize("day", ["20261122", "0001-01-01", "9999-12-31"])
def test_a_task_date_is_a_yyyy_mm_dd_date_the_coach_knows(api: Api, day: str) -> None:
    response = api.put(f"/api/v1/tasks/{day}/run", {"done": True})
    assert response.status_code == 422 and "date" in problem(response)["errors"]
    assert api.get(f"/api/v1/today?date={day}").status_code == 422


def test_a_sync_batch_within_every_documented_limit_fits(api: Api) -> None:
    ops = [
        {"method": "PUT", "path": f"/runs/{new_id()}", "body": BODIES["runs"](notes="🏃" * 2000)}
        for _ in range(500)
    ]
    response = api.post("/api/v1/sync", {"ops": ops})  # about 4 MB of UTF-8
    assert response.status_code == 200
    assert {r["status"] for r in response.get_json()["results"]} == {201}


def test_a_delete_answers_no_content_and_no_media_type(api: Api) -> None:
    entry_id = new_id()
    api.put(f"/api/v1/runs/{entry_id}", BODIES["runs"]())
    response = api.delete(f"/api/v1/runs/{entry_id}")
    assert response.status_code == 204 and "Content-Type" not in response.headers and not response.data
