"""Every route that takes an id answers another runner's id exactly like a missing one: 404."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from tests.builders import BODIES, Api, UserFactory, new_id
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, sign_in

ID_ARGS = {"entry_id", "token_id", "session_id"}


@pytest.fixture
def owner_and_intruder(app: Flask, users: UserFactory) -> tuple[Api, Api, dict[str, str], int]:
    owner = Api.for_new_user(app, users)
    intruder = Api.for_new_user(app, users)
    ids = {}
    for kind, body in BODIES.items():
        ids[kind] = new_id()
        assert owner.put(f"/api/v1/{kind}/{ids[kind]}", body()).status_code == 201
    ids["clearances"] = new_id()
    owner.put(f"/api/v1/clearances/{ids['clearances']}", {"date": BODIES["runs"]()["date"], "by": "physio"})
    plan = {
        "race_date": "2027-06-01",
        "start_date": BODIES["runs"]()["date"],
        "template": ["easy"] * 7,
        "weekly_targets_m": [30_000],
    }
    assert owner.put("/api/v1/plan", plan).status_code == 200
    ids["session"] = owner.get("/api/v1/plan/sessions").get_json()["items"][0]["id"]
    from runner_app.extensions import db
    from runner_app.models import ApiToken

    with app.app_context():
        token_id = db.session.query(ApiToken).filter_by(user_id=owner.user.id).one().id
    return owner, intruder, ids, token_id


def _id_routes(app: Flask) -> list[tuple[str, set[str], dict]]:
    routes = []
    for rule in app.url_map.iter_rules():
        if ID_ARGS & set(rule.arguments):
            routes.append((rule.rule, set(rule.methods or ()) - {"HEAD", "OPTIONS"}, rule))
    return routes


def _url(rule, ids: dict[str, str], token_id: int) -> list[str]:
    kinds = ["runs", "pain", "strength", "cross-training", "clearances"]
    urls = []
    template = rule.rule
    if "<token_id>" in template or "<int:token_id>" in template:
        return [re.sub(r"<(int:)?token_id>", str(token_id), template)]
    if "<session_id>" in template:
        return [template.replace("<session_id>", ids["session"])]
    for kind in kinds:
        url = re.sub(r"<any\([^)]*\):kind>", kind, template)
        url = url.replace("<entry_id>", ids[kind])
        if "/log/run/" in url and kind != "runs":
            continue
        if url != template and (f"/{kind}/" in url or "/log/run/" in url):
            urls.append(url)
    return sorted(set(urls))


def test_the_walk_covers_every_route_with_an_id(app: Flask) -> None:
    assert len(_id_routes(app)) >= 5


def test_every_route_answers_another_runners_id_with_404(app, owner_and_intruder) -> None:
    owner, intruder, ids, token_id = owner_and_intruder
    page_client = app.test_client()
    sign_in(page_client, intruder.user.email, TEST_PASSWORD)
    csrf = csrf_from(page_client.get("/settings/"))
    walked = 0
    for _, methods, rule in _id_routes(app):
        for url in _url(rule, ids, token_id):
            for method in methods:
                if url.startswith("/api/"):
                    if method == "PUT" and "/plan/" not in url:
                        continue  # a PUT to an unknown id creates the caller's own entry: checked below
                    response = intruder.client.open(
                        url, method=method, json={}, headers={"Authorization": f"Bearer {intruder.token}"}
                    )
                else:
                    response = page_client.open(url, method=method, data={"csrf_token": csrf})
                assert response.status_code == 404, f"{method} {url} answered {response.status_code}"
                walked += 1
    assert walked >= 20
    for kind in BODIES:  # and the owner's entries are untouched
        assert owner.get(f"/api/v1/{kind}/{ids[kind]}").get_json()["version"] == 1


def test_a_put_to_another_runners_id_makes_the_callers_own_entry_and_leaves_theirs(
    owner_and_intruder,
) -> None:
    owner, intruder, ids, _ = owner_and_intruder
    response = intruder.put(f"/api/v1/runs/{ids['runs']}", BODIES["runs"](distance_m=1234))
    assert response.status_code == 201
    assert owner.get(f"/api/v1/runs/{ids['runs']}").get_json()["distance_m"] == 8000
