"""The run form's one time field: "45", "45:30" or "1:05:30"; a time that is not one is refused beside it."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import Run
from tests.builders import days_ago
from tests.web.helpers import form_post


def _runs(app: Flask) -> list[tuple[float, int]]:
    with app.app_context():
        return [(r.distance_m, r.duration_s) for r in db.session.scalars(select(Run))]


@pytest.mark.parametrize(("typed", "seconds"), [("45", 2700), ("45:30", 2730), ("1:05:30", 3930)])
def test_every_way_a_runner_writes_a_time_saves_its_seconds(
    app: Flask, client, runner, typed, seconds
) -> None:
    response = form_post(
        client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "10", "duration": typed}
    )
    assert response.status_code == 302
    assert _runs(app) == [(10000, seconds)]


def test_a_time_with_75_minutes_is_refused_beside_the_field_and_kept(app: Flask, client, runner) -> None:
    response = form_post(
        client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "10", "duration": "1:75:00"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="duration-error"' in html and "minutes and seconds must be under 60" in html
    assert 'value="1:75:00"' in html, "what was typed is kept to correct"
    assert _runs(app) == []


def test_a_run_without_a_time_is_refused(app: Flask, client, runner) -> None:
    response = form_post(client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "10"})
    assert response.status_code == 422
    assert "Give the time." in response.get_data(as_text=True)


def test_a_page_from_an_older_app_still_saves_minutes_and_seconds(app: Flask, client, runner) -> None:
    fields = {
        "date": days_ago(0),
        "kind": "easy",
        "distance": "5",
        "duration_min": "25",
        "duration_sec": "10",
    }
    assert form_post(client, "/log/run", fields).status_code == 302
    assert _runs(app) == [(5000, 1510)]


def test_editing_a_run_shows_its_time_as_h_mm_ss(app: Flask, client, runner) -> None:
    form_post(
        client, "/log/run", {"date": days_ago(0), "kind": "long", "distance": "21", "duration": "1:52:03"}
    )
    with app.app_context():
        run_id = db.session.scalars(select(Run.id)).one()
    assert 'value="1:52:03"' in client.get(f"/log/run/{run_id}").get_data(as_text=True)


def test_a_new_run_starts_as_todays_planned_session(app: Flask, client, runner) -> None:
    from runner_app.services import plans

    today = date.today()  # noqa: DTZ011
    with app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{today.isoformat()},tempo,8,\n")
        session_id = plans.sessions_between(runner.id, today, today)[0].id
    html = client.get("/log/run").get_data(as_text=True)
    assert '<option selected value="tempo">' in html
    assert f'value="{session_id}"' in html


@pytest.mark.parametrize("kind", ["strength", "cross-training"])
@pytest.mark.parametrize(("typed", "seconds"), [("45", 2700), ("45:30", 2730), ("1:05:30", 3930)])
def test_strength_and_cross_training_take_their_time_as_one_h_mm_ss_field(
    app: Flask, client, runner, kind, typed, seconds
) -> None:
    from runner_app.models import CrossTraining, StrengthSession

    html = client.get(f"/log/{kind}").get_data(as_text=True)
    assert 'name="duration"' in html and 'name="duration_min"' not in html
    fields = {"date": days_ago(0), "kind": "swimming", "duration": typed}
    assert form_post(client, f"/log/{kind}", fields).status_code == 302
    model = StrengthSession if kind == "strength" else CrossTraining
    with app.app_context():
        (saved,) = db.session.scalars(select(model))
        assert saved.duration_s == seconds
        entry_id = saved.id
    assert f'value="{typed if ":" in typed else "45:00"}"' in client.get(f"/log/{kind}/{entry_id}").get_data(
        as_text=True
    )


@pytest.mark.parametrize("kind", ["strength", "cross-training"])
def test_a_strength_or_cross_training_time_of_75_minutes_is_refused_beside_the_field(
    client, runner, kind
) -> None:
    fields = {"date": days_ago(0), "kind": "cycling", "duration": "1:75:00"}
    response = form_post(client, f"/log/{kind}", fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="duration-error"' in html and "minutes and seconds must be under 60" in html
    assert 'value="1:75:00"' in html


def test_the_run_forms_pain_location_is_not_preselected_for_a_new_runner(app: Flask, client, runner) -> None:
    from runner_app.models import PainEntry

    html = client.get("/log/run").get_data(as_text=True)
    where = html.split('name="pain_location"')[1].split("</select>")[0]
    assert "selected" not in where.replace('<option selected value="">', "")
    no_place = {"date": days_ago(0), "kind": "easy", "distance": "5", "duration": "30:00", "pain_score": "3"}
    response = form_post(client, "/log/run", no_place)
    assert response.status_code == 422
    assert "Say where it hurt, or leave the pain score empty." in response.get_data(as_text=True)
    assert form_post(client, "/log/run", {**no_place, "pain_score": "0"}).status_code == 302
    with app.app_context():
        assert db.session.scalars(select(PainEntry)).all() == [], "a 0 with no place names no pain"
