"""The onboarding page: one screen, big inputs, two answers needed, the rest optional."""

from __future__ import annotations

from flask import Flask

from runner_app.extensions import db
from runner_app.models import RunnerProfile, User
from tests.web.helpers import form_post


def _answers(**overrides: str) -> dict[str, str]:
    return {
        "units": "km",
        "runs_per_week": "4",
        "weekly": "40",
        "usual_morning_pain": "",
        "race_distance": "",
        **overrides,
    }


def test_two_answers_are_enough_and_land_on_today(app: Flask, client, runner: User) -> None:
    response = form_post(client, "/profile", _answers())
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/today")
    with app.app_context():
        row = db.session.get(RunnerProfile, runner.id)
        assert row.runs_per_week == 4
        assert row.weekly_distance_m == 40_000.0


def test_miles_are_stored_as_metres_and_shown_back_in_miles(app: Flask, client, runner: User) -> None:
    form_post(client, "/profile", _answers(units="mi", weekly="25", longest="10"))
    with app.app_context():
        row = db.session.get(RunnerProfile, runner.id)
        assert round(row.weekly_distance_m) == 40_234
        assert db.session.get(User, runner.id).units == "mi"
    page = client.get("/profile").get_data(as_text=True)
    assert 'value="25.0"' in page and 'value="10.0"' in page


def test_a_race_time_is_read_as_h_mm_ss(app: Flask, client, runner: User) -> None:
    form_post(client, "/profile", _answers(race_distance="10000", race_time="50:00", race_date="2026-10-01"))
    with app.app_context():
        row = db.session.get(RunnerProfile, runner.id)
        assert row.race_duration_s == 3000


def test_bad_answers_re_render_with_the_message_beside_each_field(app: Flask, client, runner: User) -> None:
    response = form_post(
        client,
        "/profile",
        _answers(runs_per_week="", weekly="-3", race_distance="42195", race_time="1:75:00", race_date=""),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for field in ("runs_per_week", "weekly", "race_time", "race_date"):
        assert f'id="{field}-error"' in html, field
    with app.app_context():
        assert db.session.get(RunnerProfile, runner.id) is None


def test_a_world_record_beating_race_is_refused_beside_its_time(app: Flask, client, runner: User) -> None:
    response = form_post(
        client, "/profile", _answers(race_distance="42195", race_time="1:50:00", race_date="2026-10-01")
    )
    assert response.status_code == 200
    assert 'id="race_time-error"' in response.get_data(as_text=True)
