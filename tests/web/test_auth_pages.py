"""Sign up, sign in (rate-limited), sign out; CSRF on every form; security headers on every response."""

from __future__ import annotations

from flask import Flask

from runner_app.extensions import db
from runner_app.models import User
from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import csrf_from, form_post, sign_in


def test_a_runner_signs_up_and_is_asked_where_they_are(app: Flask, client) -> None:
    response = form_post(
        client,
        "/signup",
        {
            "email": "New@Example.com",
            "password": "a long password",
            "confirm": "a long password",
            "display_name": "Ana",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/profile")
    with app.app_context():
        user = db.session.query(User).one()
        assert user.email == "new@example.com"
        assert user.password_hash.startswith("$argon2id$")
    assert client.get("/today").status_code == 200


def test_signup_errors_sit_beside_their_fields_and_keep_what_was_typed(client) -> None:
    response = form_post(
        client,
        "/signup",
        {"email": "not-an-email", "password": "short", "confirm": "other", "display_name": "Ana"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="password-error"' in html
    assert 'id="confirm-error"' in html
    assert 'value="Ana"' in html


def test_a_duplicate_email_is_refused_on_the_email_field(client, users: UserFactory) -> None:
    user = users.create()
    html = form_post(
        client, "/signup", {"email": user.email, "password": "a long password", "confirm": "a long password"}
    ).get_data(as_text=True)
    assert "already exists" in html
    assert 'id="email-error"' in html


def test_a_wrong_password_does_not_sign_in(client, users: UserFactory) -> None:
    user = users.create()
    response = sign_in(client, user.email, "wrong password!")
    assert response.status_code == 200
    assert "do not match" in response.get_data(as_text=True)
    assert client.get("/today").status_code == 302


def test_sign_in_and_sign_out(client, users: UserFactory) -> None:
    user = users.create()
    assert sign_in(client, user.email, TEST_PASSWORD).status_code == 302
    assert client.get("/today").status_code == 200
    token = csrf_from(client.get("/today"))
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/today").status_code == 302


def test_the_eleventh_sign_in_within_a_minute_is_429(client, users: UserFactory) -> None:
    user = users.create()
    statuses = [sign_in(client, user.email, "wrong password!").status_code for _ in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_the_account_limit_holds_across_addresses(app: Flask, users: UserFactory) -> None:
    user = users.create()
    statuses = []
    for n in range(11):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.0.0.{n + 1}"
        statuses.append(sign_in(client, user.email, "wrong password!").status_code)
    assert statuses[10] == 429


def test_a_form_post_without_a_csrf_token_is_400_and_writes_nothing(app: Flask, client) -> None:
    response = client.post(
        "/signup",
        data={"email": "x@example.com", "password": "a long password", "confirm": "a long password"},
    )
    assert response.status_code in {200, 400}
    with app.app_context():
        assert db.session.query(User).count() == 0


def test_a_next_parameter_never_leaves_the_site(client, users: UserFactory) -> None:
    user = users.create()
    token = csrf_from(client.get("/login"))
    response = client.post(
        "/login?next=//evil.example/x",
        data={"email": user.email, "password": TEST_PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"].endswith("/today")


def test_every_response_carries_the_security_headers(client) -> None:
    for path in ("/login", "/api/openapi.json", "/api/v1/runs", "/nope"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_the_session_cookie_is_httponly_and_lax(client, users: UserFactory) -> None:
    user = users.create()
    response = sign_in(client, user.email, TEST_PASSWORD)
    cookie = next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_the_session_cookie_is_secure_outside_the_dev_run(tmp_path) -> None:
    from runner_app import config

    settings = config.load(tmp_path, {"SECRET_KEY": "x" * 32})
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert config.load(tmp_path, {"DEV_RUN": True})["SESSION_COOKIE_SECURE"] is False


def test_the_app_refuses_to_start_without_a_secret_key_in_production(tmp_path, monkeypatch) -> None:
    import pytest

    from runner_app import config

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("RUNNER_APP_DEV", raising=False)
    with pytest.raises(config.ConfigError):
        config.load(tmp_path, {})


def test_pages_use_no_inline_script(client, users: UserFactory) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    for path in (
        "/login",
        "/today",
        "/log/run",
        "/log/pain",
        "/log/strength",
        "/log/cross-training",
        "/history/",
        "/settings/",
    ):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html
        assert " onclick=" not in html
        assert " style=" not in html


def test_a_new_account_takes_the_phones_time_zone_when_it_is_a_known_one(app: Flask, client) -> None:
    base = {"password": "a long password", "confirm": "a long password"}
    form_post(client, "/signup", {**base, "email": "la@example.com", "timezone": "America/Los_Angeles"})
    welcome = client.get("/today").get_data(as_text=True)
    assert "Your time zone is America/Los_Angeles, from this phone" in welcome
    client.post("/logout", data={"csrf_token": csrf_from(client.get("/today"))})
    form_post(client, "/signup", {**base, "email": "mars@example.com", "timezone": "Mars/Olympus_Mons"})
    with app.app_context():
        zones = dict(db.session.query(User.email, User.timezone).all())
    assert zones == {"la@example.com": "America/Los_Angeles", "mars@example.com": "UTC"}
