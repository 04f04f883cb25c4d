"""Shoes: each pair's mileage from the runs that name it, the replacement warning, retiring a pair; pages
in the runner's units; a shoe's writes leave the coach's answers alone."""

from __future__ import annotations

import re
import uuid

import pytest
from flask import Flask
from sqlalchemy import func, select

from runner_app.extensions import db
from runner_app.models import CoachDay, Run
from runner_app.services import shoes
from runner_app.services.errors import NotFound
from tests.builders import Api, UserFactory, days_ago, new_id, run_body, shoe_body
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, form_post, sign_in


def mileage_of(app: Flask, user_id: int) -> dict[str, tuple[float, bool]]:
    with app.app_context():
        return {m.shoe.name: (round(m.distance_m, 1), m.due) for m in shoes.mileage(user_id)}


def test_a_pair_counts_the_runs_that_name_it_and_what_it_ran_before(app: Flask, users: UserFactory) -> None:
    api, other = Api.for_new_user(app, users), Api.for_new_user(app, users)
    pair, spare = new_id(), new_id()
    api.put(f"/api/v1/shoes/{pair}", shoe_body(name="Daily", start_m=50_000.0, retire_at_m=80_000.0))
    api.put(f"/api/v1/shoes/{spare}", shoe_body(name="Spare"))
    api.put(f"/api/v1/runs/{new_id()}", run_body(distance_m=10_000, shoe_id=pair))
    api.put(f"/api/v1/runs/{new_id()}", run_body(distance_m=12_000, shoe_id=pair.upper()))  # another spelling
    gone = new_id()
    api.put(f"/api/v1/runs/{gone}", run_body(distance_m=30_000, shoe_id=pair))
    api.delete(f"/api/v1/runs/{gone}")
    api.put(f"/api/v1/runs/{new_id()}", run_body(distance_m=5_000, shoe_id="my old ones"))  # not a pair here
    other.put(f"/api/v1/runs/{new_id()}", run_body(distance_m=99_000, shoe_id=pair))  # someone else's run
    assert mileage_of(app, api.user.id) == {"Daily": (72_000.0, False), "Spare": (0.0, False)}

    api.put(f"/api/v1/runs/{new_id()}", run_body(distance_m=8_000, shoe_id=pair))
    assert mileage_of(app, api.user.id)["Daily"] == (80_000.0, True), "at the distance set: due"
    with app.app_context():
        assert shoes.last_used(api.user.id) == pair
        shoes.set_retired(api.user.id, pair, True)
        assert shoes.last_used(api.user.id) is None, "a retired pair is not offered again"
        assert [m.shoe.name for m in shoes.mileage(api.user.id, include_retired=False)] == ["Spare"]
    assert mileage_of(app, api.user.id)["Daily"] == (80_000.0, False), "retired: no longer due"
    assert api.get(f"/api/v1/shoes/{pair}").get_json()["version"] == 2
    with app.app_context(), pytest.raises(NotFound):
        shoes.set_retired(other.user.id, pair, True)  # another runner's pair


def test_a_shoe_write_leaves_the_coachs_cached_days_alone(app: Flask, api: Api) -> None:
    api.put(f"/api/v1/runs/{new_id()}", run_body(date=days_ago(3)))
    assert api.get("/api/v1/today").status_code == 200

    def cached() -> int:
        with app.app_context():
            stmt = select(func.count()).select_from(CoachDay).where(CoachDay.user_id == api.user.id)
            return db.session.scalar(stmt)

    before = cached()
    assert before > 0
    assert api.put(f"/api/v1/shoes/{new_id()}", shoe_body(date=days_ago(60))).status_code == 201
    assert cached() == before


def test_the_pages_add_a_pair_in_miles_offer_it_on_the_run_form_and_warn_on_today(
    app: Flask, client, users: UserFactory
) -> None:
    runner = users.create(units="mi")
    sign_in(client, runner.email, TEST_PASSWORD)
    page = client.get("/settings/shoes").get_data(as_text=True)
    assert re.search(r'<input id="retire_at"[^>]* value="435">', page), "700 km, in miles"
    pair_fields = {"name": "Blue trainers", "date": days_ago(40), "start": "100", "retire_at": "110"}
    added = form_post(client, "/settings/shoes", pair_fields)
    assert added.status_code == 302
    with app.app_context():
        [pair] = shoes.mileage(runner.id)
        assert (pair.shoe.start_m, pair.shoe.retire_at_m) == (160_934.4, 177_027.8)
        pair_id = str(pair.shoe.id)

    form = client.get("/log/run").get_data(as_text=True)
    assert f'<option value="{pair_id}">Blue trainers (100.0 mi)</option>' in form
    log_run(client, days_ago(1), "6", pair_id)
    chosen = f'<option selected value="{pair_id}">'
    assert chosen in client.get("/log/run").get_data(as_text=True), "the pair last run in comes first"
    assert "time for a new pair" not in client.get("/today").get_data(as_text=True)

    log_run(client, days_ago(0), "5", pair_id)
    today = client.get("/today").get_data(as_text=True)
    assert "Your Blue trainers have run 111.0 mi, past the distance you set: time for a new pair." in today
    listing = client.get("/settings/shoes").get_data(as_text=True)
    assert "111.0 mi of 110 mi" in listing and "time for a new pair" in listing

    retire = re.search(r'action="(/settings/shoes/[^"]+/retire)"', listing)
    assert retire
    client.post(retire.group(1), data={"csrf_token": csrf_from(client.get("/settings/shoes"))})
    assert "time for a new pair" not in client.get("/today").get_data(as_text=True)
    assert pair_id not in client.get("/log/run").get_data(as_text=True), "a retired pair leaves the form"
    with app.app_context():
        kept = {run.shoe_id for run in db.session.scalars(select(Run))}
    assert kept == {pair_id}, "the runs keep their pair"
    token = csrf_from(client.get("/settings/shoes"))
    for unknown in (str(uuid.uuid4()), "not-an-id"):
        assert client.post(f"/settings/shoes/{unknown}/retire", data={"csrf_token": token}).status_code == 404


def log_run(client, day: str, miles: str, shoe_id: str) -> None:
    fields = {"date": day, "kind": "easy", "distance": miles, "duration_min": "50", "shoe_id": shoe_id}
    assert form_post(client, "/log/run", fields).status_code == 302


def test_editing_a_run_on_its_page_keeps_a_shoe_another_app_named(
    app: Flask, client, users: UserFactory
) -> None:
    runner = users.create()
    api = Api(app.test_client(), users.token(runner), runner)
    run_id = new_id()
    api.put(f"/api/v1/runs/{run_id}", run_body(shoe_id="garmin-shoe-17"))
    sign_in(client, runner.email, TEST_PASSWORD)
    page = client.get(f"/log/run/{run_id}").get_data(as_text=True)
    assert '<option selected value="garmin-shoe-17">garmin-shoe-17</option>' in page
    form_post(client, f"/log/run/{run_id}", {**edit_fields(page), "notes": "windy"})
    stored = api.get(f"/api/v1/runs/{run_id}").get_json()
    assert (stored["notes"], stored["shoe_id"], stored["version"]) == ("windy", "garmin-shoe-17", 2)


def edit_fields(page: str) -> dict[str, str]:
    """What the run page's form would send back unchanged."""
    fields = dict(re.findall(r'<input(?![^>]*type="radio")[^>]* name="([a-z_]+)"[^>]* value="([^"]*)"', page))
    selected = r'<select[^>]* name="([a-z_]+)"[^>]*>.*?<option selected value="([^"]*)"'
    fields.update(re.findall(selected, page, re.S))
    fields.update(re.findall(r'<input checked[^>]* name="([a-z_]+)"[^>]* value="([^"]*)"', page))
    return fields


def test_an_error_on_the_forms_hidden_id_is_said_where_the_runner_sees_it(client, users: UserFactory) -> None:
    runner = users.create()
    sign_in(client, runner.email, TEST_PASSWORD)
    token = csrf_from(client.get("/settings/shoes"))
    fields = {"csrf_token": token, "id": "not-an-id", "name": "Pair", "date": days_ago(1), "retire_at": "700"}
    html = client.post("/settings/shoes", data=fields).get_data(as_text=True)
    assert "id: must be a UUID" in html
