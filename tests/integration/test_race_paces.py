"""A logged race sets the plan's paces on the write that logs it (plan-rules.md "Paces follow fitness"):
through a PUT, through /api/v1/sync, on an edit and on a delete; reading the plan, Today and the calendar
then writes nothing, and a run that is not a race never looks at the plan."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from flask import Flask

from tests.builders import Api, UserFactory, new_id, run_body
from tests.conftest import TEST_PASSWORD
from tests.integration.test_calendar import make_link
from tests.recorder import statements
from tests.watch_files import fit_file
from tests.web.helpers import sign_in

TODAY = date.today()  # noqa: DTZ011
END = (TODAY + timedelta(weeks=20)).isoformat()
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
FAST_10K = {"kind": "race", "distance_m": 10_000.0, "duration_s": 2700, "rpe": 9}  # VDOT about 44.6


def generate(api: Api, **overrides: Any) -> dict[str, Any]:
    body = {
        "race_date": (TODAY + timedelta(weeks=16)).isoformat(),
        "weekly_m": 40_000.0,
        "runs_per_week": 5,
        "recent_race": {
            "distance_m": 10_000.0,
            "duration_s": 3000,
            "date": (TODAY - timedelta(days=5)).isoformat(),
        },
    }
    made = api.post("/api/v1/plan/generate", {**body, **overrides})
    assert made.status_code == 200, made.get_json()
    return made.get_json()  # type: ignore[no-any-return]


def later_paces(api: Api) -> dict[str, float]:
    """The fast end of each session's target pace after today, by session id."""
    items = api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={END}").get_json()["items"]
    return {s["id"]: s["target_pace"]["min_s_per_km"] for s in items if s["date"] > TODAY.isoformat()}


def all_faster(after: dict[str, float], before: dict[str, float]) -> bool:
    return bool(after) and all(after[key] < before[key] for key in after)


def written_table(statement: str) -> str:
    match = re.match(r"\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)", statement, re.IGNORECASE)
    return match.group(1) if match else statement


def test_a_race_logged_with_a_put_sets_the_later_paces_on_that_write(app: Flask, api: Api) -> None:
    plan = generate(api)
    before = later_paces(api)
    logged = api.put(f"/api/v1/runs/{new_id()}", run_body(date=TODAY.isoformat(), **FAST_10K))
    assert logged.status_code == 201
    with statements(app) as seen:
        after = later_paces(api)
        followed = api.get("/api/v1/plan").get_json()
    assert not [s for s in seen if WRITE.match(s)]
    assert all_faster(after, before)
    assert followed["vdot"] > plan["vdot"] + 3
    assert "Paces updated from your 10K race" in followed["fitness_note"]


def test_a_race_logged_through_sync_sets_the_later_paces(api: Api) -> None:
    plan = generate(api)
    before = later_paces(api)
    race = {
        "method": "PUT",
        "path": f"/runs/{new_id()}",
        "body": run_body(date=TODAY.isoformat(), **FAST_10K),
    }
    synced = api.post("/api/v1/sync", {"ops": [race]})
    assert synced.status_code == 200 and synced.get_json()["results"][0]["status"] == 201
    assert all_faster(later_paces(api), before)
    assert api.get("/api/v1/plan").get_json()["vdot"] > plan["vdot"] + 3


def test_deleting_the_race_puts_back_the_paces_of_the_runners_fitness_and_an_edit_follows_the_new_time(
    api: Api,
) -> None:
    race_5_days_ago = {
        "distance_m": 10_000.0,
        "duration_s": 3000,
        "date": (TODAY - timedelta(days=5)).isoformat(),
    }
    profile = {"runs_per_week": 5, "weekly_distance_m": 40_000.0, "recent_race": race_5_days_ago}
    assert api.put("/api/v1/profile", profile).status_code in (200, 201)
    plan = generate(api, recent_race=None)
    before = later_paces(api)
    race_id = new_id()
    api.put(f"/api/v1/runs/{race_id}", run_body(date=TODAY.isoformat(), **FAST_10K))
    faster = api.get("/api/v1/plan").get_json()["vdot"]
    quicker = run_body(date=TODAY.isoformat(), **{**FAST_10K, "duration_s": 2580})
    assert api.put(f"/api/v1/runs/{race_id}", quicker, "1").status_code == 200
    assert api.get("/api/v1/plan").get_json()["vdot"] > faster + 1, "a faster time, a higher VDOT"

    assert api.delete(f"/api/v1/runs/{race_id}").status_code == 204

    back = api.get("/api/v1/plan").get_json()
    assert back["vdot"] == plan["vdot"]
    assert back["paces"] == plan["paces"]
    assert later_paces(api) == pytest.approx(before, abs=0.01)


def test_deleting_the_only_race_with_nothing_else_timed_keeps_the_paces_it_gave(api: Api) -> None:
    generate(api)  # from a race given with the request, which the log does not keep
    race_id = new_id()
    api.put(f"/api/v1/runs/{race_id}", run_body(date=TODAY.isoformat(), **FAST_10K))
    followed = api.get("/api/v1/plan").get_json()
    assert api.delete(f"/api/v1/runs/{race_id}").status_code == 204
    assert api.get("/api/v1/plan").get_json()["vdot"] == followed["vdot"]


def test_deleting_a_later_race_falls_back_to_the_race_before_it(api: Api) -> None:
    generate(api)
    first, second = new_id(), new_id()
    api.put(f"/api/v1/runs/{first}", run_body(date=(TODAY - timedelta(days=2)).isoformat(), **FAST_10K))
    after_first = api.get("/api/v1/plan").get_json()["vdot"]
    quicker = {**FAST_10K, "duration_s": 2520}
    api.put(f"/api/v1/runs/{second}", run_body(date=TODAY.isoformat(), **quicker))
    assert api.get("/api/v1/plan").get_json()["vdot"] > after_first + 1
    api.delete(f"/api/v1/runs/{second}")
    assert api.get("/api/v1/plan").get_json()["vdot"] == after_first


def test_reading_the_plan_today_and_the_calendar_after_a_race_writes_nothing(
    app: Flask, users: UserFactory
) -> None:
    api = Api.for_new_user(app, users)
    generate(api)
    api.put(f"/api/v1/runs/{new_id()}", run_body(date=TODAY.isoformat(), **FAST_10K))
    browser = app.test_client()
    sign_in(browser, api.user.email, TEST_PASSWORD)
    feed = make_link(browser)
    reads = [
        lambda: api.get("/api/v1/plan"),
        lambda: api.get(f"/api/v1/plan/sessions?from={TODAY.isoformat()}&to={END}"),
        lambda: api.get("/api/v1/today"),
        lambda: browser.get("/plan/"),
        lambda: browser.get("/today"),
        lambda: app.test_client().get(feed),
    ]
    with statements(app) as first:
        answers = [read().status_code for read in reads]
    with statements(app) as again:
        [read() for read in reads]
    assert answers == [200] * len(reads)
    # The first read of a day fills the coach's cache (its own tables); nothing else is ever written.
    assert {written_table(s) for s in first if WRITE.match(s)} <= {"coach_days", "coach_epochs"}
    assert [s for s in again if WRITE.match(s)] == []


def test_a_run_that_is_not_a_race_never_reads_the_plan(app: Flask, api: Api) -> None:
    generate(api)
    run_id = new_id()
    with statements(app) as seen:
        assert api.put(f"/api/v1/runs/{run_id}", run_body(date=TODAY.isoformat())).status_code == 201
        edited = run_body(date=TODAY.isoformat(), distance_m=9000)
        assert api.put(f"/api/v1/runs/{run_id}", edited, "1").status_code == 200
        assert api.delete(f"/api/v1/runs/{run_id}").status_code == 204
    assert [s for s in seen if re.search(r"\bFROM plans\b", s)] == []


def test_a_race_imported_from_a_watch_file_sets_the_later_paces(api: Api) -> None:
    plan = generate(api)
    before = later_paces(api)
    start = datetime.combine(TODAY, time(8, 30), tzinfo=UTC)
    imported = api.client.post(
        "/api/v1/runs/import?kind=race",
        data=fit_file(2700, 10_000.0, start=start),
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/octet-stream"},
    )
    assert imported.status_code == 201, imported.get_json()
    assert all_faster(later_paces(api), before)
    assert api.get("/api/v1/plan").get_json()["vdot"] > plan["vdot"] + 3


def test_a_race_without_a_plan_costs_one_look_at_the_plan_and_writes_none(app: Flask, api: Api) -> None:
    with statements(app) as seen:
        logged = api.put(f"/api/v1/runs/{new_id()}", run_body(date=TODAY.isoformat(), **FAST_10K))
    assert logged.status_code == 201
    assert len([s for s in seen if re.search(r"\bFROM plans\b", s)]) == 1
    assert not [
        s for s in seen if re.search(r"^\s*(UPDATE|INSERT INTO|DELETE FROM) (plans|planned_sessions)\b", s)
    ]
    assert api.get("/api/v1/plan").status_code == 404
