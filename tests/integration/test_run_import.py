"""Importing a run from a watch's file: once per file, on the runner's own day, every refusal named."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask

from runner_app.services.watch_files import read_activity
from tests.builders import Api, UserFactory
from tests.watch_files import fit_file, gpx_file, tcx_file

LATE_EVENING_UTC = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)


def post_file(api: Api, data: bytes, query: str = "") -> tuple[int, dict]:
    response = api.client.post(
        f"/api/v1/runs/import{query}",
        data=data,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/octet-stream"},
    )
    return response.status_code, response.get_json()


def test_each_kind_of_file_becomes_a_run_once(api: Api) -> None:
    for data, fmt in (
        (gpx_file(), "GPX"),
        (tcx_file([(1500, 5000.0), (1510, 5020.0)]), "TCX"),
        (fit_file(2950.4, 10020.0), "FIT"),
    ):
        status, run = post_file(api, data, "?kind=long&terrain=rolling")
        assert status == 201, run
        assert (run["date"], run["kind"], run["terrain"]) == ("2026-11-29", "long", "rolling")
        assert run["notes"] == f"Imported from a {fmt} file."
        again, same = post_file(api, data, "?kind=long&terrain=rolling")
        assert (again, same) == (200, run), "the same file again finds the same run"
    runs = api.get("/api/v1/runs?from=2026-11-29&to=2026-11-29").get_json()["items"]
    assert len(runs) == 3
    assert sorted((r["distance_m"], r["duration_s"]) for r in runs) == sorted(
        [(gpx_distance(gpx_file()), 2970), (10020.0, 3010), (10020.0, 2950)]
    )


def gpx_distance(data: bytes) -> float:
    return round(read_activity(data).distance_m, 1)


def test_the_day_is_the_runners_own(app: Flask, users: UserFactory) -> None:
    tokyo = Api.for_new_user(app, users, timezone="Asia/Tokyo")
    status, run = post_file(tokyo, fit_file(1800, 6000.0, start=LATE_EVENING_UTC))
    assert (status, run["date"]) == (201, "2026-11-30"), "23:30 UTC is the next morning in Tokyo"
    london = Api.for_new_user(app, users, timezone="Europe/London")
    status, theirs = post_file(london, fit_file(1800, 6000.0, start=LATE_EVENING_UTC))
    assert (status, theirs["date"]) == (201, "2026-11-29"), "the same file is another runner's own run"
    assert tokyo.get(f"/api/v1/runs/{run['id']}").get_json()["date"] == "2026-11-30"


def test_a_file_imported_then_edited_or_deleted_is_not_imported_over_it(api: Api) -> None:
    data = tcx_file([(1800, 6000.0)])
    _, run = post_file(api, data)
    edited = {**run, "rpe": 4}
    assert api.put(f"/api/v1/runs/{run['id']}", edited, if_match="1").status_code == 200
    status, body = post_file(api, data)
    assert (status, body["rpe"], body["version"]) == (412, 4, 2), "the runner's edit stands"

    other = tcx_file([(1200, 4000.0)])
    _, gone = post_file(api, other)
    assert api.delete(f"/api/v1/runs/{gone['id']}").status_code == 204
    status, problem = post_file(api, other)
    assert status == 422
    assert problem["errors"] == {"file": ["You imported this file before and deleted that run."]}


def test_bad_files_and_bad_choices_are_named(api: Api) -> None:
    status, problem = post_file(api, b"not a watch file")
    assert status == 422
    assert problem["errors"] == {"file": ["This file is not a GPX, TCX or FIT file."]}
    status, problem = post_file(api, tcx_file([(3600, 30_000.0)], sport="Biking"))
    biking = "This file is a biking activity, not a run: log it as cross-training."
    assert (status, problem["errors"]) == (422, {"file": [biking]})
    status, problem = post_file(api, gpx_file(), "?kind=jog&terrain=moon")
    assert status == 422 and set(problem["errors"]) == {"kind", "terrain"}
    assert api.get("/api/v1/runs").get_json()["items"] == [], "nothing half-imported"


def test_an_import_needs_a_signed_in_runner(client) -> None:
    response = client.post("/api/v1/runs/import", data=gpx_file())
    assert response.status_code == 401, response.get_json()


def test_imports_are_rate_limited(api: Api) -> None:
    statuses = [post_file(api, b"not a watch file")[0] for _ in range(31)]
    assert statuses == [422] * 30 + [429]
