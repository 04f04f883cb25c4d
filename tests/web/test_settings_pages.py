"""Settings: profile and personal API tokens, created once-shown, listed, revoked."""

from __future__ import annotations

import re

from flask import Flask

from runner_app.extensions import db
from runner_app.models import ApiToken, User
from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import form_post, sign_in


def test_units_and_time_zone_are_saved(app: Flask, client, users: UserFactory) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    form_post(client, "/settings/timezone", {"timezone": "Europe/Paris"}, page="/settings/timezone")
    form_post(
        client,
        "/settings/profile",
        {"display_name": "Kim", "units": "mi", "timezone": "Asia/Tokyo"},
        page="/settings/",
    )
    with app.app_context():
        saved = db.session.get(User, user.id)
        assert (saved.display_name, saved.units, saved.timezone) == ("Kim", "mi", "Europe/Paris")


def test_the_time_zone_list_has_its_own_page_and_settings_shows_the_current_zone(client, runner) -> None:
    settings = client.get("/settings/").get_data(as_text=True)
    assert "Europe/Paris" not in settings and settings.count("<option") < 10
    assert "Time zone: <strong>UTC</strong>" in settings and 'href="/settings/timezone"' in settings
    page = client.get("/settings/timezone").get_data(as_text=True)
    assert page.count("<option") > 400 and '<option selected value="UTC">' in page
    answer = form_post(client, "/settings/timezone", {"timezone": "Europe/Paris"}, page="/settings/timezone")
    assert answer.status_code == 302
    assert "Time zone: <strong>Europe/Paris</strong>" in client.get("/settings/").get_data(as_text=True)


def test_an_unknown_time_zone_is_refused_beside_the_field(client, users: UserFactory) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    answer = form_post(client, "/settings/timezone", {"timezone": "Mars/Olympus"}, page="/settings/timezone")
    assert answer.status_code == 422
    assert 'id="timezone-error"' in answer.get_data(as_text=True)


def test_a_token_is_shown_once_works_and_stops_working_when_revoked(app: Flask, client, users) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    answer = form_post(client, "/settings/tokens", {"name": "watch"}, page="/settings/tokens")
    html = answer.get_data(as_text=True)
    secret = re.search(r'<code class="token" id="new-token">([^<]+)</code>', html).group(1)
    assert secret not in client.get("/settings/tokens").get_data(as_text=True)
    with app.app_context():
        token = db.session.query(ApiToken).one()
        assert token.token_hash != secret
        assert secret not in token.token_hash
    api = app.test_client()
    assert api.get("/api/v1/runs", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    form_post(client, f"/settings/tokens/{token.id}/revoke", {}, page="/settings/tokens")
    assert api.get("/api/v1/runs", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_distances_read_as_a_runner_says_them_in_either_unit(app: Flask) -> None:
    from runner_app.web.filters import distance

    with app.test_request_context():
        assert distance(7250, "km") == "7.3 km", "one decimal, halves up as static/js/dom.js"
        assert distance(7240, "km") == "7.2 km"
        assert distance(8000, "km") == "8.0 km"
        assert distance(21_100, "km") == "21.1 km"
        assert distance(62_012, "km") == "62.0 km", "planned and run alike"
        assert distance(6285.7, "km") == "6.3 km"
        assert distance(0, "km") == "0.0 km"
        assert distance(16_093.44, "mi") == "10.0 mi"
        assert distance(None) == ""


def test_the_settings_page_offers_every_export_and_the_signed_in_runner_can_download_them(
    client, users: UserFactory
) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    run = {"date": "2026-11-01", "kind": "easy", "distance": "8", "duration_min": "45"}
    form_post(client, "/log/run", run)
    html = client.get("/settings/").get_data(as_text=True)
    links = re.findall(r'<a href="(/api/v1/export[^"]*)" download>', html)
    assert links == ["/api/v1/export"] + [
        f"/api/v1/export/{kind}.csv"
        for kind in ("runs", "pain", "strength", "cross-training", "clearances", "shoes")
    ]
    document = client.get(links[0]).get_json()  # the session cookie is enough: a GET needs no CSRF token
    assert [(r["date"], r["distance_m"]) for r in document["runs"]] == [("2026-11-01", 8000.0)]
    assert client.get(links[1]).get_data(as_text=True).count("2026-11-01") == 1


def test_settings_are_grouped_and_tokens_live_on_their_own_page(client, runner) -> None:
    html = client.get("/settings/").get_data(as_text=True)
    for anchor in ("profile", "units", "calendar", "shoes", "data", "account", "developer"):
        assert f'id="{anchor}"' in html, anchor
    assert "Create token" not in html and 'href="/settings/tokens"' in html
    assert "Create token" in client.get("/settings/tokens").get_data(as_text=True)
