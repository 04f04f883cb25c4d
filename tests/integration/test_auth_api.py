"""Who may call the API: a session with CSRF, or a live bearer token. Nothing is written otherwise."""

from __future__ import annotations

from flask import Flask

from runner_app.extensions import db
from runner_app.models import Run
from tests.builders import BODIES, Api, UserFactory, new_id
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, sign_in


def run_count(app: Flask) -> int:
    with app.app_context():
        return db.session.query(Run).count()


def test_no_credentials_is_a_401_problem(client) -> None:
    response = client.get("/api/v1/runs")
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


def test_an_unknown_token_is_a_401_and_writes_nothing(app: Flask, client) -> None:
    response = client.put(
        f"/api/v1/runs/{new_id()}", json=BODIES["runs"](), headers={"Authorization": "Bearer rat_nope"}
    )
    assert response.status_code == 401
    assert run_count(app) == 0


def test_a_revoked_token_is_a_401(app: Flask, api: Api) -> None:
    from runner_app.models import ApiToken
    from runner_app.services import users

    with app.app_context():
        token = db.session.query(ApiToken).filter_by(user_id=api.user.id).one()
        users.revoke_token(db.session.get(type(api.user), api.user.id), token.id)
    assert api.get("/api/v1/runs").status_code == 401


def test_a_bad_token_is_refused_even_beside_a_valid_session(app: Flask, users: UserFactory) -> None:
    user = users.create()
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    assert client.get("/api/v1/runs").status_code == 200
    assert client.get("/api/v1/runs", headers={"Authorization": "Bearer rat_wrong"}).status_code == 401


def test_a_session_write_without_the_csrf_header_is_a_400_and_writes_nothing(app: Flask, users) -> None:
    user = users.create()
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    response = client.put(f"/api/v1/runs/{new_id()}", json=BODIES["runs"]())
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert run_count(app) == 0


def test_a_session_write_with_the_csrf_header_is_accepted(app: Flask, users) -> None:
    user = users.create()
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    token = csrf_from(client.get("/today"))
    response = client.put(f"/api/v1/runs/{new_id()}", json=BODIES["runs"](), headers={"X-CSRFToken": token})
    assert response.status_code == 201
    assert run_count(app) == 1


def test_a_bearer_call_sets_no_session_cookie(api: Api) -> None:
    response = api.get("/api/v1/runs")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_a_bearer_call_answers_without_varying_on_the_cookie(api: Api) -> None:
    response = api.get("/api/v1/today")
    assert response.status_code == 200
    assert "Cookie" not in response.headers.get("Vary", "")


def test_a_bearer_call_beside_a_session_of_another_runner_acts_as_the_tokens_owner(
    app: Flask, users: UserFactory, api: Api
) -> None:
    other = users.create()
    client = app.test_client()
    sign_in(client, other.email, TEST_PASSWORD)
    run_id = new_id()
    assert api.put(f"/api/v1/runs/{run_id}", BODIES["runs"]()).status_code == 201
    mine = client.get(f"/api/v1/runs/{run_id}", headers={"Authorization": f"Bearer {api.token}"})
    assert mine.status_code == 200 and mine.get_json()["id"] == run_id
    assert "Set-Cookie" not in mine.headers
    assert client.get(f"/api/v1/runs/{run_id}").status_code == 404  # the session's runner sees none of it


def test_a_change_to_the_runner_made_through_a_bearer_token_is_kept(app: Flask, api: Api) -> None:
    """The token's owner is attached to the request's session as a loaded object: a change to it is saved."""
    body = {"runs_per_week": 4, "weekly_distance_m": 30000, "units": "mi"}
    assert api.put("/api/v1/profile", body).status_code == 201
    with app.app_context():
        assert db.session.get(type(api.user), api.user.id).units == "mi"
    assert api.get("/api/v1/profile").get_json()["units"] == "mi"
