"""A goal race time beside the predicted one (api.md `goal_duration_s`): kept with the plan, shown in the API
and on the plan page, warned about when fitness does not support it; the paces never follow it."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import text

from runner_app.extensions import db
from tests.builders import Api, UserFactory
from tests.conftest import TEST_PASSWORD
from tests.integration.test_race_paces import generate
from tests.web.helpers import sign_in

TODAY = date.today()  # noqa: DTZ011
PREDICTED_S = 3 * 3600 + 49 * 60  # about what a 50-minute 10 km predicts for the marathon
WITHIN_REACH_S = 3 * 3600 + 45 * 60  # 2 % faster
BEYOND_S = 3 * 3600 + 15 * 60  # 15 % faster


def test_a_goal_the_fitness_supports_is_shown_beside_the_prediction_without_a_warning(api: Api) -> None:
    made = generate(api, goal_duration_s=WITHIN_REACH_S)
    assert abs(made["predicted_race_s"] - PREDICTED_S) < 180
    assert made["goal_duration_s"] == WITHIN_REACH_S
    assert made["goal_note"] is None
    assert not [w for w in made["warnings"] if w["rule"] == "goal"]
    plan = api.get("/api/v1/plan").get_json()
    assert (plan["goal_duration_s"], plan["goal_note"]) == (WITHIN_REACH_S, None)


def test_a_goal_beyond_the_fitness_is_warned_about_and_the_paces_stay_those_of_the_fitness(
    app: Flask, users: UserFactory
) -> None:
    without, hoping = Api.for_new_user(app, users), Api.for_new_user(app, users)
    plain = generate(without)
    made = generate(hoping, goal_duration_s=BEYOND_S)

    assert made["goal_duration_s"] == BEYOND_S
    assert "3:15:00 is 15 % faster" in made["goal_note"]
    assert "set from your current fitness, not the goal" in made["goal_note"]
    assert [w["reason"] for w in made["warnings"] if w["rule"] == "goal"] == [made["goal_note"]]
    assert made["paces"] == plain["paces"] and made["vdot"] == plain["vdot"]
    assert made["predicted_race_s"] == plain["predicted_race_s"]
    assert hoping.get("/api/v1/plan").get_json()["goal_note"] == made["goal_note"]
    assert plain["goal_duration_s"] is None and plain["goal_note"] is None


def test_the_whole_plan_page_shows_the_goal_beside_the_prediction_and_the_warning(
    app: Flask, users: UserFactory
) -> None:
    api = Api.for_new_user(app, users)
    generate(api, goal_duration_s=BEYOND_S)
    browser = app.test_client()
    sign_in(browser, api.user.email, TEST_PASSWORD)
    html = browser.get("/plan/all").get_data(as_text=True)
    assert "Your goal: <strong>3:15:00</strong>" in html
    assert "not the goal" in html

    generate(api, goal_duration_s=WITHIN_REACH_S)
    html = browser.get("/plan/all").get_data(as_text=True)
    assert "Your goal: <strong>3:45:00</strong>" in html
    assert "not the goal" not in html


def test_undoing_the_goal_migration_keeps_the_plan_and_its_sessions(app: Flask, api: Api) -> None:
    from flask_migrate import downgrade, upgrade

    generate(api, goal_duration_s=BEYOND_S)
    sessions = "SELECT count(*) FROM planned_sessions"
    with app.app_context():
        db.session.remove()
        before = db.session.execute(text(sessions)).scalar()
        db.session.remove()
        downgrade(revision="0014")
        assert db.session.execute(text(sessions)).scalar() == before > 0
        assert db.session.execute(text("SELECT count(*) FROM plans")).scalar() == 1
        db.session.remove()
        upgrade()
        assert db.session.execute(text("SELECT goal_duration_s FROM plans")).scalar() is None
        db.session.remove()
