"""Pages given dates at the ends of the calendar or a NUL character: never a 500, nothing stored."""

from __future__ import annotations

from flask import Flask

from runner_app.extensions import db
from runner_app.models import User
from runner_app.models.plan import TaskCheck
from tests.web.helpers import csrf_from, form_post


def test_the_plan_and_history_pages_take_any_date_without_an_error(client, runner: User) -> None:
    for path in (
        "/plan/?week=9999-12-31",
        "/plan/?week=0001-01-01",
        "/history/?until=0001-01-01",
        "/history/?until=9999-12-31",
    ):
        assert client.get(path).status_code < 500, path


def test_the_today_form_refuses_a_task_date_the_api_refuses(app: Flask, client, runner: User) -> None:
    token = csrf_from(client.get("/today"))
    response = client.post(
        "/today/tasks/checkin", data={"csrf_token": token, "date": "9999-12-31", "done": "1"}
    )
    assert response.status_code == 400
    with app.app_context():
        assert db.session.query(TaskCheck).count() == 0


def test_a_nul_character_in_a_form_field_is_refused_and_nothing_is_stored(
    app: Flask, client, runner: User
) -> None:
    response = form_post(
        client,
        "/settings/profile",
        {"display_name": "Ana\u0000", "units": "km", "timezone": "UTC"},
        page="/settings/",
    )
    assert response.status_code == 422
    assert "display_name" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, runner.id).display_name == ""
