"""Sessions that end on the server, password change and reset, common passwords, no-store on private pages."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import Flask

from runner_app.models import User
from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, form_post, sign_in

NEW_PASSWORD = "violet kestrel over the moor"


def _session_cookie(client) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_a_session_cookie_copied_before_sign_out_no_longer_opens_a_page(
    app: Flask, users: UserFactory
) -> None:
    user = users.create()
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    stolen = _session_cookie(client)
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/today"))})
    other = app.test_client()
    other.set_cookie("session", stolen)
    assert other.get("/today").status_code == 302
    assert other.get("/api/v1/runs").status_code == 401


def test_signing_out_on_one_device_leaves_the_runners_other_devices_signed_in(
    app: Flask, users: UserFactory
) -> None:
    user = users.create()
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, user.email, TEST_PASSWORD)
    sign_in(phone, user.email, TEST_PASSWORD)
    copied = _session_cookie(laptop)
    laptop.post("/logout", data={"csrf_token": csrf_from(laptop.get("/today"))})
    assert phone.get("/today").status_code == 200
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/today").status_code == 302


def test_a_cookie_whose_device_session_was_forged_opens_nothing(app: Flask, users: UserFactory) -> None:
    user = users.create()
    client = app.test_client()
    sign_in(client, user.email, TEST_PASSWORD)
    with app.test_request_context():
        from runner_app.services.accounts import user_for_session

        assert user_for_session(f"{user.id}:0:not-a-live-session") is None


def test_a_password_change_ends_every_other_session_and_keeps_this_one(
    app: Flask, users: UserFactory
) -> None:
    user = users.create()
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, user.email, TEST_PASSWORD)
    sign_in(laptop, user.email, TEST_PASSWORD)
    response = form_post(
        laptop,
        "/account/password",
        {"current": TEST_PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert laptop.get("/today").status_code == 200
    assert phone.get("/today").status_code == 302
    assert sign_in(app.test_client(), user.email, NEW_PASSWORD).headers["Location"].endswith("/today")


def test_a_password_change_with_the_wrong_current_password_says_so(app: Flask, client, runner: User) -> None:
    response = form_post(
        client,
        "/account/password",
        {"current": "not my password", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "does not match your password" in response.get_data(as_text=True)


def test_sign_out_everywhere_ends_every_session(app: Flask, users: UserFactory) -> None:
    user = users.create()
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, user.email, TEST_PASSWORD)
    sign_in(laptop, user.email, TEST_PASSWORD)
    form_post(laptop, "/account/sign-out-everywhere", {}, page="/account/password")
    assert laptop.get("/today").status_code == 302
    assert phone.get("/today").status_code == 302


def test_a_remember_me_cookie_copied_before_sign_out_no_longer_signs_in(
    app: Flask, users: UserFactory
) -> None:
    user = users.create()
    client = app.test_client()
    form_post(client, "/login", {"email": user.email, "password": TEST_PASSWORD, "remember": "y"})
    remembered = client.get_cookie("remember_token")
    assert remembered is not None
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/today"))})
    other = app.test_client()
    other.set_cookie("remember_token", remembered.value)
    assert other.get("/today").status_code == 302


def test_remember_me_lasts_thirty_days(app: Flask) -> None:
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)


def test_a_common_password_is_refused_with_the_reason(app: Flask, client) -> None:
    response = form_post(
        client, "/signup", {"email": "c@example.com", "password": "password1234", "confirm": "password1234"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "too common" in html
    from runner_app.extensions import db

    with app.app_context():
        assert db.session.query(User).count() == 0


def test_a_reset_link_from_the_command_line_sets_a_new_password_once(app: Flask, users: UserFactory) -> None:
    user = users.create()
    phone = app.test_client()
    sign_in(phone, user.email, TEST_PASSWORD)
    result = app.test_cli_runner().invoke(args=["user", "reset-password", user.email])
    assert result.exit_code == 0, result.output
    url = re.search(r"https?://\S+", result.output)
    assert url
    path = "/" + url.group(0).split("/", 3)[3]
    client = app.test_client()
    response = form_post(client, path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    assert phone.get("/today").status_code == 302  # the reset ended the old sessions
    assert sign_in(app.test_client(), user.email, NEW_PASSWORD).headers["Location"].endswith("/today")
    assert app.test_client().get(path).status_code == 404  # used once


def test_private_pages_are_not_stored_by_caches(client, runner: User) -> None:
    for path in ("/today", "/settings/", "/history/", "/api/v1/runs"):
        assert client.get(path).headers.get("Cache-Control") == "no-store", path


def test_the_calendar_link_is_built_from_the_public_url_not_the_host_header(
    app: Flask, client, runner: User
) -> None:
    before = app.config["PUBLIC_URL"]
    app.config["PUBLIC_URL"] = "https://runs.example.org"
    try:
        token = csrf_from(client.get("/settings/"))
        html = client.post("/settings/calendar", data={"csrf_token": token}).get_data(as_text=True)
    finally:
        app.config["PUBLIC_URL"] = before
    assert "https://runs.example.org/plan/" in html
    assert "http://localhost/" not in html  # the request's own host
