"""The coach through the API: today's state and tasks, the timeline, task checks, and the cache staying true
to the data whatever order it arrives in."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from flask import Flask

from runner_app.coach import engine
from runner_app.extensions import db
from runner_app.models import CoachDay, User
from runner_app.services import coach, entries, users
from runner_app.services.engine_version import LENGTH, engine_version
from tests.builders import Api, new_id, pain_body

TODAY = date.today()  # noqa: DTZ011


def day(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def morning(api: Api, n: int, score: int, **extra) -> str:
    entry_id = new_id()
    body = {"date": day(n), "context": "morning", "location": "knee_front", "side": "right", "score": score}
    assert api.put(f"/api/v1/pain/{entry_id}", {**body, **extra}).status_code == 201
    return entry_id


def test_today_answers_the_api_shape(api: Api) -> None:
    morning(api, 0, 1)
    body = api.get("/api/v1/today").get_json()
    assert body["date"] == TODAY.isoformat()
    assert body["state"] in {"green", "amber", "red", "refer_urgent"}
    assert {"return_stage", "rungs", "tasks", "alerts", "metrics", "decisions"} <= set(body)
    keys = [t["key"] for t in body["tasks"]]
    assert keys[0] in ("profile", "checkin")  # a runner the coach cannot place is asked for the profile first
    checkin = body["tasks"][keys.index("checkin")]
    assert checkin["done"] is True


def test_a_red_flag_sends_the_runner_to_a_clinician_and_stops_running(api: Api) -> None:
    morning(api, 0, 4, flags=["giving_way"])
    body = api.get("/api/v1/today").get_json()
    assert body["state"] == "refer_urgent"
    assert any(a["kind"] == "refer_urgent" and a["rule"] == "F1" for a in body["alerts"])
    assert body["guidance"]["running_allowed"] is False
    assert not any(t["kind"] == "run" for t in body["tasks"])


def test_a_clearance_ends_the_red_flag(api: Api) -> None:
    morning(api, 2, 4, flags=["locking"])
    assert api.get(f"/api/v1/today?date={day(1)}").get_json()["state"] == "refer_urgent"
    api.put(f"/api/v1/clearances/{new_id()}", {"date": day(1), "by": "physio"})
    assert api.get("/api/v1/today").get_json()["state"] != "refer_urgent"


def test_a_back_dated_entry_changes_the_answer_from_its_date_on(app: Flask, api: Api) -> None:
    for n in range(20, 0, -1):
        morning(api, n, 1)
    before = api.get("/api/v1/today").get_json()
    assert before["state"] == "green"
    with app.app_context():
        cached = db.session.query(CoachDay).filter_by(user_id=api.user.id).count()
    assert cached >= 20
    morning(api, 5, 6, flags=["night_pain"])  # synced late from an offline phone
    with app.app_context():
        kept = sorted(r.day for r in db.session.query(CoachDay).filter_by(user_id=api.user.id))
    assert kept and max(kept) < TODAY - timedelta(days=5)  # only the days from the entry on were dropped
    after = api.get("/api/v1/today").get_json()
    assert after["state"] == "red"
    assert any(a["rule"] == "F2" for a in after["alerts"])


def test_the_cached_answer_equals_a_fresh_fold_whatever_the_arrival_order(app: Flask, users) -> None:
    rng = random.Random(3)
    bodies = []
    for n in range(40, -1, -1):
        bodies.append(
            (
                "pain",
                {
                    "date": day(n),
                    "context": "morning",
                    "location": "knee_front",
                    "side": "left",
                    "score": rng.choice([0, 1, 1, 2, 3, 4]),
                },
            )
        )
        if n % 2 == 0:
            bodies.append(
                (
                    "runs",
                    {
                        "date": day(n),
                        "kind": rng.choice(["easy", "long", "tempo"]),
                        "distance_m": rng.choice([6000, 9000, 14000]),
                        "duration_s": 3600,
                    },
                )
            )
    answers = []
    for order in (bodies, list(reversed(bodies)), rng.sample(bodies, len(bodies))):
        api = Api.for_new_user(app, users)
        for i, (kind, body) in enumerate(order):
            api.put(f"/api/v1/{kind}/{new_id()}", body)
            if i % 9 == 0:  # read in between, so the cache fills and is invalidated as entries arrive
                api.get(f"/api/v1/today?date={body['date']}")
        timeline = api.get(f"/api/v1/coach/timeline?from={day(40)}&to={day(0)}").get_json()["items"]
        answers.append(
            [(d["date"], d["state"], d["return_stage"], [r["rung"] for r in d["rungs"]]) for d in timeline]
        )
        with app.app_context():
            logs = coach.day_logs(api.user.id, TODAY - timedelta(days=40), TODAY)
        fresh = engine.timeline(logs.values(), TODAY - timedelta(days=40), TODAY)
        assert [
            (a.date.isoformat(), a.state, a.return_stage, [r.rung for r in a.rungs]) for a in fresh
        ] == answers[-1]
    assert answers[0] == answers[1] == answers[2]


def test_a_task_is_checked_off_idempotently(api: Api) -> None:
    for _ in range(2):
        response = api.put(f"/api/v1/tasks/{day(0)}/warmup", {"done": True})
        assert response.status_code == 200
    assert api.put(f"/api/v1/tasks/{day(0)}/checkin", {"done": True}).status_code == 200
    body = api.get("/api/v1/today").get_json()
    assert next(t for t in body["tasks"] if t["key"] == "checkin")["done"] is True


def test_bad_task_and_date_input_is_named(api: Api) -> None:
    response = api.put("/api/v1/tasks/not-a-day/nap", {"done": "yes"})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"date", "key", "done"}
    assert api.get("/api/v1/today?date=2026-13-01").status_code == 422
    assert api.get(f"/api/v1/coach/timeline?from={day(0)}&to={day(3)}").status_code == 422
    assert api.get("/api/v1/coach/timeline?from=2000-01-01&to=2026-01-01").status_code == 422


def test_the_exercise_catalogue_lists_cues_and_prescriptions(api: Api) -> None:
    items = api.get("/api/v1/exercises").get_json()["items"]
    names = {i["slug"]: i for i in items}
    assert "single_leg_rdl" in names
    assert names["lateral_band_walks"]["measure"] == "steps"
    assert all(i["cues"] for i in items)


def test_the_cached_today_answer_follows_task_checks_and_plan_edits(api: Api) -> None:
    first = api.get("/api/v1/today").get_json()
    assert next(t for t in first["tasks"] if t["key"] == "checkin")["done"] is False
    api.put(f"/api/v1/tasks/{day(0)}/checkin", {"done": True})
    assert (
        next(t for t in api.get("/api/v1/today").get_json()["tasks"] if t["key"] == "checkin")["done"] is True
    )
    assert api.get("/api/v1/today").get_json()["plan_prompt"] is not None
    plan = {
        "race_date": (TODAY + timedelta(weeks=10)).isoformat(),
        "start_date": day(3),
        "template": ["easy"] * 7,
        "weekly_targets_m": [35_000],
    }
    assert api.put("/api/v1/plan", plan).status_code == 200
    after = api.get("/api/v1/today").get_json()
    assert after["plan_prompt"] is None
    assert any(t["kind"] == "run" for t in after["tasks"])


def test_the_cached_answer_is_served_as_the_json_first_computed(app: Flask, api: Api) -> None:
    for n, score in ((9, 1), (8, 1), (2, 4), (1, 5), (0, 6)):
        morning(api, n, score)
    computed, cached = api.get("/api/v1/today"), api.get("/api/v1/today")
    assert computed.mimetype == cached.mimetype == "application/json"
    assert computed.get_json()["decisions"], "a day with something to say"
    assert cached.get_json() == computed.get_json()
    with app.app_context():
        assert db.session.get(CoachDay, (api.user.id, TODAY)).today == computed.get_json()


def test_a_runner_who_has_logged_nothing_yet_is_answered_from_the_cache_too(app: Flask, api: Api) -> None:
    first = api.get("/api/v1/today").get_json()
    with app.app_context():
        kept = db.session.get(CoachDay, (api.user.id, TODAY))
        assert kept is not None and kept.today == first
    morning(api, 0, 3)  # the first entry drops it
    with app.app_context():
        assert db.session.get(CoachDay, (api.user.id, TODAY)) is None
    assert next(t for t in api.get("/api/v1/today").get_json()["tasks"] if t["key"] == "checkin")["done"]


def test_the_coach_refuses_to_be_read_inside_a_batch_of_writes_whose_invalidation_is_still_to_come(
    app: Flask, api: Api
) -> None:
    morning(api, 1, 0)
    api.get("/api/v1/today")  # cached now
    with app.app_context():
        with pytest.raises(RuntimeError, match="inside a batch of writes"), entries.batch(api.user.id):
            entries.put_entry(api.user.id, "pain", new_id(), pain_body(date=day(0), score=7), None)
            coach.assessment_on(api.user.id, TODAY)  # would answer from the stale cache
        assert coach.assessment_on(api.user.id, TODAY).state == "green"  # the batch was rolled back


def test_days_cached_by_other_code_are_computed_again(app: Flask, api: Api) -> None:
    for n in range(10, -1, -1):
        morning(api, n, 0)
    assert api.get("/api/v1/today").get_json()["state"] == "green"
    with app.app_context():  # as if an earlier deploy had cached a different verdict for every day
        for row in db.session.query(CoachDay).filter_by(user_id=api.user.id):
            row.assessment = {**row.assessment, "state": "red"}
            row.today = {**(row.today or {}), "state": "red"}
            row.engine_version = "an-older-build"
        db.session.commit()
    assert api.get("/api/v1/today").get_json()["state"] == "green"
    states = {item["state"] for item in api.get(f"/api/v1/coach/timeline?from={day(10)}").get_json()["items"]}
    assert states == {"green"}
    with app.app_context():
        assert coach.assessment_on(api.user.id, TODAY - timedelta(days=3)).state == "green"


def test_the_engine_version_is_a_fingerprint_of_the_coach_source() -> None:
    version = engine_version()
    assert len(version) == LENGTH and int(version, 16) >= 0
    engine_version.cache_clear()
    assert engine_version() == version  # the same source, the same version


def test_a_runner_in_miles_reads_the_coach_in_miles_once_the_units_change(app: Flask, api: Api) -> None:
    def set_units(units: str) -> None:
        with app.app_context():
            user = db.session.get(User, api.user.id)
            users.update_profile(user, user.display_name or "", units, user.timezone or "UTC")

    for n, metres in ((12, 8000), (0, 16093.44)):  # the second is 2.01 x the first: rule S2 speaks
        body = {"date": day(n), "kind": "easy", "distance_m": metres, "duration_s": 3600, "rpe": 3}
        assert api.put(f"/api/v1/runs/{new_id()}", body).status_code == 201
    in_km = api.get("/api/v1/today").get_json()
    [spike] = [a for a in in_km["alerts"] if a["rule"] == "S2"]
    assert "16.1 km" in spike["message"] and "8.0 km" in spike["message"]

    set_units("mi")
    in_mi = api.get("/api/v1/today").get_json()
    [spike_mi] = [a for a in in_mi["alerts"] if a["rule"] == "S2"]
    assert "10.0 mi" in spike_mi["message"] and "5.0 mi" in spike_mi["message"]
    assert " km" not in spike_mi["message"]
    assert in_mi["metrics"] == in_km["metrics"], "numbers stay in metres"
    timeline = api.get(f"/api/v1/coach/timeline?from={day(1)}&to={day(0)}").get_json()["items"]
    assert any("10.0 mi" in a["message"] for item in timeline for a in item["alerts"])

    assert spike_mi["reason_template"] and spike_mi["reason_params"] == spike["reason_params"]

    set_units("km")
    assert api.get("/api/v1/today").get_json() == in_km, "the same answer, worded in km again"
