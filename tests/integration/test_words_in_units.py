"""A runner in miles reads every sentence of the coach and the planner in miles: Today's tasks and their
reasons, the bends, the spike alerts, session titles, the calendar and the generator's refusals. Sentences
are worded from their distances (coach.words), never rewritten from km text."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from flask import Flask

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import calendar
from tests.builders import Api, new_id

TODAY = date.today()  # noqa: DTZ011
MONDAY = TODAY - timedelta(days=TODAY.weekday())
KM_WRITTEN = re.compile(r"\d km\b")
MILES = re.compile(r"\d+\.\d mi\b")


def sentences(value: Any) -> list[str]:
    """Every string in an answer, however deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in sentences(item)]
    if isinstance(value, list):
        return [text for item in value for text in sentences(item)]
    return []


def runner_in_miles(api: Api) -> None:
    profile = {"runs_per_week": 5, "weekly_distance_m": 25_000, "longest_run_m": 8_000, "units": "mi"}
    assert api.put("/api/v1/profile", profile).status_code in (200, 201)
    for n in range(15, 0, -3):
        body = {"date": (TODAY - timedelta(days=n)).isoformat(), "kind": "easy", "distance_m": 5000}
        assert api.put(f"/api/v1/runs/{new_id()}", {**body, "duration_s": 1800}).status_code == 201
    plan = {
        "race_name": "Spring Marathon",
        "race_date": (MONDAY + timedelta(weeks=12, days=6)).isoformat(),
        "race_distance_m": 42_195,
        "start_date": MONDAY.isoformat(),
        "template": ["easy"] * 6 + ["long"],
        "weekly_targets_m": [56_000],
        "long_run_day": 6,
    }
    assert api.put("/api/v1/plan", plan).status_code == 200


def test_today_the_bends_and_the_spike_alerts_speak_miles(api: Api) -> None:
    runner_in_miles(api)
    said: list[str] = []
    for n in range(7):
        said += sentences(api.get(f"/api/v1/today?date={(TODAY + timedelta(days=n)).isoformat()}").get_json())
    spikes = [text for text in said if "longest run of the last 30 days" in text]
    assert spikes, "the plan's 8 km runs are over 1.10 x the 5 km runs before them: S1 speaks"
    morning = {"date": TODAY.isoformat(), "context": "morning", "location": "knee_front", "side": "left"}
    assert api.put(f"/api/v1/pain/{new_id()}", {**morning, "score": 6}).status_code == 201
    red = api.get("/api/v1/today").get_json()
    swap = next(t for t in red["tasks"] if t["key"] == "cross_training")
    assert MILES.search(swap["reason"]), swap[
        "reason"
    ]  # "No running today: … instead of the 5.0 mi easy run"
    said += sentences(red)
    assert [text for text in said if KM_WRITTEN.search(text)] == []
    assert len([text for text in said if MILES.search(text)]) >= 10


def test_session_titles_and_the_calendar_speak_miles(app: Flask, api: Api) -> None:
    runner_in_miles(api)
    end = (TODAY + timedelta(weeks=14)).isoformat()
    items = api.get(f"/api/v1/plan/sessions?from={MONDAY.isoformat()}&to={end}").get_json()["items"]
    titles = [item["title"] for item in items if item["kind"] != "race"]
    assert titles and all(MILES.search(title) for title in titles), titles[:5]
    with app.app_context():
        feed = calendar.plan_ics(db.session.get(User, api.user.id), TODAY).decode()
    assert MILES.search(feed) and not KM_WRITTEN.search(feed)


def test_a_generated_plans_refusal_names_the_distances_in_miles(api: Api) -> None:
    assert (
        api.put("/api/v1/profile", {"runs_per_week": 3, "weekly_distance_m": 2000, "units": "mi"}).status_code
        == 201
    )
    body = {"race_date": (TODAY + timedelta(weeks=16)).isoformat(), "race_distance_m": 42_195, "weekly_m": 90}
    errors = api.post("/api/v1/plan/generate", body).get_json()["errors"]
    texts = sentences(errors)
    assert any(MILES.search(text) for text in texts) and not any(KM_WRITTEN.search(t) for t in texts), texts
