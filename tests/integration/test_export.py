"""The export: everything a runner logged, as JSON that restores entry for entry, and as CSV per kind."""

from __future__ import annotations

import csv
import io
from typing import Any

from flask import Flask

from tests.builders import (
    Api,
    UserFactory,
    cross_body,
    days_ago,
    new_id,
    pain_body,
    run_body,
    shoe_body,
    strength_body,
)

SERVER_ONLY = ("version", "created_at", "updated_at")


def log_a_bit_of_everything(api: Api) -> dict[str, tuple[str, dict[str, Any]]]:
    """One or two entries of each kind, and one run deleted; answers the live (kind, body) by id."""
    bodies = {
        new_id(): ("runs", run_body(notes="Felt good: 8 km by the river")),
        new_id(): ("runs", run_body(date=days_ago(3), kind="long", distance_m=21_097.5, cadence_spm=172)),
        new_id(): ("pain", pain_body(score=4, flags=["swelling", "sharp"], settled_within_60min=False)),
        new_id(): ("strength", strength_body(sets=[{"exercise": "step_ups", "reps": 12, "load_kg": 7.5}])),
        new_id(): ("cross-training", cross_body(notes="=SUM(A1:A9) is not a formula here")),
        new_id(): ("clearances", {"date": days_ago(2), "by": "physio", "notes": "cleared to run"}),
        new_id(): ("shoes", shoe_body(name="Trail shoes", start_m=120_000.0)),
    }
    for entry_id, (kind, body) in bodies.items():
        assert api.put(f"/api/v1/{kind}/{entry_id}", body).status_code == 201
    gone = new_id()
    assert api.put(f"/api/v1/runs/{gone}", run_body(date=days_ago(5))).status_code == 201
    assert api.delete(f"/api/v1/runs/{gone}").status_code == 204
    return bodies


def without_server_fields(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k not in SERVER_ONLY}


def test_the_export_holds_every_live_entry_as_its_own_get_shows_it(api: Api) -> None:
    logged = log_a_bit_of_everything(api)
    response = api.get("/api/v1/export")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="runner-export-')
    assert response.headers["Cache-Control"] == "no-store"
    document = response.get_json()
    assert document["format"] == "runner_app export" and document["version"] == 1
    assert document["account"]["email"] == api.user.email
    exported = {e["id"]: (kind, e) for kind in logged_kinds() for e in document[kind]}
    assert set(exported) == set(logged), "every live entry, and not the deleted run"
    for entry_id, (kind, entry) in exported.items():
        assert logged[entry_id][0] == kind
        assert entry == api.get(f"/api/v1/{kind}/{entry_id}").get_json()


def test_an_exported_account_restores_into_another_entry_for_entry(app: Flask, users: UserFactory) -> None:
    old, new = Api.for_new_user(app, users), Api.for_new_user(app, users)
    log_a_bit_of_everything(old)
    document = old.get("/api/v1/export").get_json()
    assert all(new.get("/api/v1/export").get_json()[kind] == [] for kind in logged_kinds()), "scoped"

    for kind in logged_kinds():
        for entry in document[kind]:
            assert new.put(f"/api/v1/{kind}/{entry['id']}", entry).status_code == 201
            assert old.put(f"/api/v1/{kind}/{entry['id']}", entry).status_code == 200, "a replay: no new row"

    restored = new.get("/api/v1/export").get_json()
    for kind in logged_kinds():
        assert [without_server_fields(e) for e in restored[kind]] == [
            without_server_fields(e) for e in document[kind]
        ]
    assert old.get("/api/v1/export").get_json()["runs"] == document["runs"], "nothing changed at the source"


def test_the_plan_and_checked_tasks_come_along(api: Api) -> None:
    race = {"race_date": days_ago(-70), "race_distance_m": 10_000.0, "weekly_m": 30_000}
    made = api.post("/api/v1/plan/generate", {**race, "spike_override": True})
    assert made.status_code == 200, made.get_json()
    assert api.put(f"/api/v1/tasks/{days_ago(0)}/warmup", {"done": True}).status_code == 200
    document = api.get("/api/v1/export").get_json()
    assert document["plan"]["race_date"] == days_ago(-70)
    assert [s["kind"] for s in document["plan_sessions"]].count("race") == 1  # recovery weeks follow it
    assert {"date": days_ago(0), "key": "warmup", "done": True} in document["task_checks"]


def test_each_kind_is_a_csv_with_the_apis_names_and_units(api: Api) -> None:
    logged = log_a_bit_of_everything(api)
    for kind in logged_kinds():
        response = api.get(f"/api/v1/export/{kind}.csv")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert response.headers["Content-Disposition"].endswith('.csv"')
        rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
        assert {row["id"] for row in rows} == {i for i, (k, _) in logged.items() if k == kind}
    runs = read_csv(api, "runs")
    long_run = next(row for row in runs if row["kind"] == "long")
    assert (long_run["distance_m"], long_run["cadence_spm"], long_run["rpe"]) == ("21097.5", "172", "3")
    easy = next(row for row in runs if row["kind"] == "easy")
    assert easy["cadence_spm"] == "", "an absent value is an empty cell"
    [pain] = read_csv(api, "pain")
    assert (pain["flags"], pain["settled_within_60min"]) == ('["sharp","swelling"]', "false")
    [strength] = read_csv(api, "strength")
    assert strength["sets"] == '[{"exercise":"step_ups","reps":12,"load_kg":7.5,"side":"both"}]'
    [cross] = read_csv(api, "cross-training")
    assert cross["notes"] == "'=SUM(A1:A9) is not a formula here", "a spreadsheet does not run it"


def test_the_export_needs_a_signed_in_runner_and_a_known_kind(client, api: Api) -> None:
    assert client.get("/api/v1/export").status_code == 401
    assert client.get("/api/v1/export/runs.csv").status_code == 401
    assert api.get("/api/v1/export/socks.csv").status_code == 404


def logged_kinds() -> tuple[str, ...]:
    return ("runs", "pain", "strength", "cross-training", "clearances", "shoes")


def read_csv(api: Api, kind: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(api.get(f"/api/v1/export/{kind}.csv").get_data(as_text=True))))
