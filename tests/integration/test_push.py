"""Web Push reminders: the subscription API, the VAPID key, and `push send-reminders` delivering through a
local push endpoint that decrypts what it receives."""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import Flask
from sqlalchemy import func, select

from runner_app.extensions import db
from runner_app.models import PushSubscription
from tests.builders import Api, UserFactory


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class Browser:
    """What a browser keeps for one push subscription: the ECDH key pair and the auth secret."""

    def __init__(self, endpoint: str) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.endpoint = endpoint

    def subscription(self) -> dict[str, Any]:
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        keys = {"p256dh": b64(point), "auth": b64(self.auth)}
        return {"endpoint": self.endpoint, "expirationTime": None, "keys": keys}

    def read(self, body: bytes) -> dict[str, Any]:
        plain = http_ece.decrypt(body, private_key=self.key, auth_secret=self.auth, version="aes128gcm")
        return json.loads(plain)


class PushService:
    """A local push service: `/gone/...` answers 410, anything else 201; every request is kept."""

    def __init__(self) -> None:
        received: list[tuple[str, dict[str, str], bytes]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(410 if self.path.startswith("/gone/") else 201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.received = received
        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def push_service() -> Iterator[PushService]:
    service = PushService()
    yield service
    service.server.shutdown()


def stored(app: Flask) -> list[tuple[int, str]]:
    with app.app_context():
        rows = db.session.execute(select(PushSubscription.user_id, PushSubscription.endpoint)).all()
        return sorted((r[0], r[1]) for r in rows)


def delete(api: Api, body: Any) -> Any:
    return api.client.delete("/api/v1/push/subscription", json=body, headers=api._headers())


def test_the_public_key_is_made_once_and_kept_in_the_instance_folder(app: Flask, api: Api) -> None:
    first = api.get("/api/v1/push/key").get_json()["application_server_key"]
    second = api.get("/api/v1/push/key").get_json()["application_server_key"]
    assert first == second
    raw = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4))
    assert len(raw) == 65 and raw[0] == 4  # an uncompressed P-256 point
    key_file = Path(app.instance_path) / "vapid_private.pem"
    assert key_file.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert key_file.stat().st_mode & 0o077 == 0


def test_a_runner_subscribes_and_unsubscribes_a_browser(app: Flask, api: Api) -> None:
    browser = Browser("https://push.example.com/send/abc")
    created = api.post("/api/v1/push/subscription", browser.subscription())
    assert created.status_code == 201
    assert api.post("/api/v1/push/subscription", browser.subscription()).status_code == 200
    assert stored(app) == [(api.user.id, browser.endpoint)]
    assert delete(api, {"endpoint": browser.endpoint}).status_code == 204
    assert stored(app) == []
    assert delete(api, {"endpoint": browser.endpoint}).status_code == 404


def test_a_runner_cannot_remove_another_runners_subscription(app: Flask, users: UserFactory) -> None:
    mine, theirs = Api.for_new_user(app, users), Api.for_new_user(app, users)
    browser = Browser("https://push.example.com/send/theirs")
    theirs.post("/api/v1/push/subscription", browser.subscription())
    assert delete(mine, {"endpoint": browser.endpoint}).status_code == 404
    assert stored(app) == [(theirs.user.id, browser.endpoint)]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"endpoint", "keys"}),
        ({"endpoint": " ", "keys": {}}, {"endpoint", "keys.p256dh", "keys.auth"}),
        ({"endpoint": "ftp://x", "keys": {"p256dh": "a", "auth": "b"}}, {"endpoint"}),
        ({"endpoint": "http://10.0.0.1/x", "keys": {"p256dh": "a", "auth": "b"}}, {"endpoint"}),
        ({"endpoint": "https://p.example/x", "keys": "nope"}, {"keys"}),
        ({"endpoint": "https://p.example/" + "x" * 2000, "keys": {"p256dh": "a", "auth": "b"}}, {"endpoint"}),
        (
            {"endpoint": "https://p.example/x", "keys": {"p256dh": "a" * 201, "auth": 3}},
            {"keys.p256dh", "keys.auth"},
        ),
        ([1, 2], {"body"}),
    ],
)
def test_a_subscription_that_is_not_one_is_a_422_naming_each_field(
    api: Api, body: Any, fields: set[str]
) -> None:
    response = api.post("/api/v1/push/subscription", body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert set(response.get_json()["errors"]) == fields


def test_unsubscribing_without_an_endpoint_is_a_422(api: Api) -> None:
    response = delete(api, {"keys": {}})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"endpoint"}


def test_the_subscription_api_needs_a_signed_in_runner(client: Any) -> None:
    assert client.post("/api/v1/push/subscription", json={}).status_code == 401
    assert client.get("/api/v1/push/key").status_code == 401


def test_send_reminders_delivers_todays_tasks_and_drops_a_gone_subscription(
    app: Flask, users: UserFactory, push_service: PushService
) -> None:
    runner, other = Api.for_new_user(app, users), Api.for_new_user(app, users, units="mi")
    phone, old_laptop = Browser(f"{push_service.url}/ok/phone"), Browser(f"{push_service.url}/gone/laptop")
    tablet = Browser(f"{push_service.url}/ok/tablet")
    runner.post("/api/v1/push/subscription", phone.subscription())
    runner.post("/api/v1/push/subscription", old_laptop.subscription())
    other.post("/api/v1/push/subscription", tablet.subscription())
    Api.for_new_user(app, users)  # a runner who never switched reminders on gets nothing

    result = app.test_cli_runner().invoke(args=["push", "send-reminders"])

    assert result.exit_code == 0, result.output
    assert "Delivered 2, dropped 1" in result.output
    paths = sorted(path for path, _, _ in push_service.received)
    assert paths == ["/gone/laptop", "/ok/phone", "/ok/tablet"]
    by_path = {path: (headers, body) for path, headers, body in push_service.received}
    headers, body = by_path["/ok/phone"]
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["authorization"].startswith("vapid t=")
    message = phone.read(body)
    assert message["title"] == "Today"
    assert message["url"] == "/today"
    assert "check-in" in message["body"]
    assert stored(app) == sorted([(runner.user.id, phone.endpoint), (other.user.id, tablet.endpoint)])


def test_send_reminders_with_no_subscriptions_sends_nothing(app: Flask, push_service: PushService) -> None:
    result = app.test_cli_runner().invoke(args=["push", "send-reminders"])
    assert result.exit_code == 0
    assert "Delivered 0" in result.output
    assert push_service.received == []
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PushSubscription)) == 0


def test_a_browser_subscribed_by_a_second_account_reminds_only_that_account(
    app: Flask, users: UserFactory, push_service: PushService
) -> None:
    first, second = Api.for_new_user(app, users), Api.for_new_user(app, users, units="mi")
    phone = Browser(f"{push_service.url}/ok/shared-phone")
    assert first.post("/api/v1/push/subscription", phone.subscription()).status_code == 201

    moved = second.post("/api/v1/push/subscription", phone.subscription())

    assert moved.status_code == 200
    assert moved.get_json()["moved_from_another_account"] is True
    assert stored(app) == [(second.user.id, phone.endpoint)]
    assert delete(first, {"endpoint": phone.endpoint}).status_code == 404, "the first has none left"
    result = app.test_cli_runner().invoke(args=["push", "send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Delivered 1, dropped 0" in result.output
    assert [path for path, _, _ in push_service.received] == ["/ok/shared-phone"]
    assert phone.read(push_service.received[0][2])["title"] == "Today"


def test_the_same_account_subscribing_again_is_not_a_move(api: Api) -> None:
    browser = Browser("https://push.example.com/send/again")
    first = api.post("/api/v1/push/subscription", browser.subscription()).get_json()
    again = api.post("/api/v1/push/subscription", browser.subscription()).get_json()
    assert first["moved_from_another_account"] is False
    assert again["moved_from_another_account"] is False
