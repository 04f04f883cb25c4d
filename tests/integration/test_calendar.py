"""The plan as a calendar feed at a secret link: made and stopped in Settings, read by a calendar app that
sends no cookie, in the runner's units, and never anyone else's plan."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask
from flask.testing import FlaskClient
from icalendar import Calendar

from runner_app.extensions import db
from runner_app.models import PlannedSessionRow, User
from runner_app.services import entries, plans
from tests.builders import UserFactory, new_id
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, sign_in

TODAY = date.today()  # noqa: DTZ011
MONDAY = TODAY - timedelta(days=TODAY.weekday())


def build_plan(app: Flask, user: User, race_name: str = "City Marathon") -> list[PlannedSessionRow]:
    body = {
        "race_name": race_name,
        "race_date": (MONDAY + timedelta(weeks=6, days=6)).isoformat(),
        "start_date": (MONDAY - timedelta(weeks=6)).isoformat(),
        "template": ["rest", "easy", "tempo", "easy", "rest", "easy", "long"],
        "weekly_targets_m": [40_000],
        "long_run_day": 6,
    }
    with app.app_context():
        plans.build_plan(user.id, body)
        db.session.commit()
        rows = plans.session_rows(user.id, TODAY - timedelta(days=400), TODAY + timedelta(days=400))
        for row in rows:
            db.session.expunge(row)
        return rows


def make_link(client: FlaskClient) -> str:
    token = csrf_from(client.get("/settings/"))
    html = client.post("/settings/calendar", data={"csrf_token": token}).get_data(as_text=True)
    link = r'<code class="token"[^>]*>https?://[^/<]+(/plan/calendar/cal_[\w-]+\.ics)</code>'
    match = re.search(link, html)
    assert match, "the new link is shown once"
    return match.group(1)  # the link's origin is PUBLIC_URL's; the test client asks this app


def events(client: FlaskClient, path: str) -> list:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    return Calendar.from_ical(response.data).walk("VEVENT")


def test_a_calendar_app_reads_the_plan_from_the_link_alone(app: Flask, client, users: UserFactory) -> None:
    runner = users.create()
    sessions = build_plan(app, runner)
    sign_in(client, runner.email, TEST_PASSWORD)
    path = make_link(client)

    found = events(app.test_client(), path)  # a calendar app: no cookie, no header
    shown = [s for s in sessions if s.date >= TODAY - timedelta(days=28)]
    assert [e.decoded("dtstart") for e in found] == [s.date for s in shown], "four weeks back, to the race"
    assert {str(e["uid"]) for e in found} == {f"{s.id}@runner" for s in shown}
    by_day = {e.decoded("dtstart"): e for e in found}
    long_run = next(s for s in shown if s.kind == "long")
    assert str(by_day[long_run.date]["summary"]) == f"Long run {long_run.distance_m / 1000:.1f} km"
    race = shown[-1]
    assert str(by_day[race.date]["summary"]) == "Race: City Marathon"
    assert "What the coach asks on the day is on Today." in str(by_day[race.date]["description"])
    assert all(e.decoded("dtend") == e.decoded("dtstart") + timedelta(days=1) for e in found), "all-day"

    with app.app_context():
        db.session.get(User, runner.id).units = "mi"
        db.session.commit()
    in_miles = {e.decoded("dtstart"): str(e["summary"]) for e in events(app.test_client(), path)}
    assert in_miles[race.date] == "Race: City Marathon"
    assert in_miles[long_run.date] == f"Long run {long_run.distance_m / 1609.344:.1f} mi"


def test_a_new_link_replaces_the_old_and_stopping_ends_it(app: Flask, client, users: UserFactory) -> None:
    runner = users.create()
    build_plan(app, runner)
    sign_in(client, runner.email, TEST_PASSWORD)
    old = make_link(client)
    new = make_link(client)
    reader = app.test_client()
    assert reader.get(old).status_code == 404 and reader.get(new).status_code == 200
    settings = client.get("/settings/").get_data(as_text=True)
    assert f"<code>{new.split('/')[-1][:12]}…</code>" in settings and "Stop the link" in settings
    stopped = client.post("/settings/calendar/stop", data={"csrf_token": csrf_from(client.get("/settings/"))})
    assert stopped.status_code == 302
    assert reader.get(new).status_code == 404
    assert client.post("/settings/calendar", data={}).status_code == 400, "no CSRF token, no link"


def test_a_link_shows_its_own_runners_plan_only_and_an_empty_calendar_before_a_plan(
    app: Flask, client, users: UserFactory
) -> None:
    mine, theirs = users.create(), users.create()
    build_plan(app, theirs, race_name="Their Marathon")
    sign_in(client, mine.email, TEST_PASSWORD)
    path = make_link(client)
    assert events(app.test_client(), path) == [], "no plan yet: a calendar with nothing in it"
    build_plan(app, mine, race_name="My Marathon")
    summaries = [str(e["summary"]) for e in events(app.test_client(), path)]
    assert "Race: My Marathon" in summaries and not any("Their" in s for s in summaries)
    assert app.test_client().get("/plan/calendar/cal_guessed.ics").status_code == 404


def test_an_imported_plan_shows_its_runs_and_cross_training_and_leaves_rest_days_out(
    app: Flask, client, users: UserFactory
) -> None:
    runner = users.create()
    days = [TODAY + timedelta(days=n) for n in range(4)]
    csv = "date,kind,distance_km,notes\n" + "".join(
        f"{day.isoformat()},{kind},{km},{note}\n"
        for day, kind, km, note in zip(
            days,
            ("easy", "rest", "cross_training", "race"),
            ("8", "0", "0", "10"),
            ("", "", "bike", "10K"),
            strict=True,
        )
    )
    with app.app_context():
        plans.import_csv(runner.id, csv, race_name="Park 10K")
        db.session.commit()
    sign_in(client, runner.email, TEST_PASSWORD)
    summaries = [str(e["summary"]) for e in events(app.test_client(), make_link(client))]
    assert summaries == ["Easy 8.0 km", "Cross-training", "Race: Park 10K"]


def test_a_session_the_coach_bends_this_week_reads_as_the_plan_page_shows_it(
    app: Flask, client, users: UserFactory
) -> None:
    runner = users.create()
    body = {
        "race_name": "",
        "race_date": (MONDAY + timedelta(weeks=10, days=6)).isoformat(),
        "start_date": (MONDAY - timedelta(weeks=1)).isoformat(),
        "template": ["easy"] * 7,
        "weekly_targets_m": [56_000],
        "long_run_day": 6,
    }
    pain = {"date": TODAY.isoformat(), "context": "morning", "location": "knee_front", "side": "left"}
    pain["score"] = 7
    with app.app_context():
        plans.build_plan(runner.id, body)
        entries.put_entry(runner.id, "pain", new_id(), pain, None)  # rule D3: red, no running for 72 h
    sign_in(client, runner.email, TEST_PASSWORD)
    found = {e.decoded("dtstart"): e for e in events(app.test_client(), make_link(client))}
    today = found[TODAY]
    assert str(today["summary"]).startswith("Cross-training"), today["summary"]
    said = str(today["description"])
    assert "As planned: Easy 8.0 km." in said and "7/10" in said and "(rule" not in said
    far = found[MONDAY + timedelta(weeks=5)]
    assert str(far["summary"]) == "Easy 8.0 km", "beyond next week, the plan as written"


def test_a_generated_plan_shows_each_sessions_title_and_pace_in_the_calendar(
    app: Flask, client, users: UserFactory
) -> None:
    runner = users.create()
    race = {"distance_m": 10_000.0, "duration_s": 3000, "date": (TODAY - timedelta(days=3)).isoformat()}
    body = {"race_date": (TODAY + timedelta(weeks=16)).isoformat(), "weekly_m": 40_000.0, "recent_race": race}
    with app.app_context():
        plans.generate(runner.id, body, TODAY)
        db.session.commit()
    sign_in(client, runner.email, TEST_PASSWORD)
    found = events(app.test_client(), make_link(client))
    summaries = [str(e["summary"]) for e in found]
    assert any(re.fullmatch(r"Hills \d+ × 60 s @ \d:\d\d–\d:\d\d /km", s) for s in summaries), summaries
    assert any(re.fullmatch(r"Long run [\d.]+ km @ 5:5\d–6:[34]\d /km", s) for s in summaries), summaries
