"""The Daily reminder switch in Settings and the service worker that shows the reminder."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import sign_in


def test_settings_has_a_daily_reminder_switch_that_is_off_by_default(
    client: FlaskClient, users: UserFactory
) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    html = client.get("/settings/").get_data(as_text=True)
    switch = re.search(r'<input type="checkbox" id="reminder-switch"[^>]*>', html)
    assert switch is not None
    assert "checked" not in switch.group(0)
    assert 'role="switch"' in switch.group(0)
    assert "Daily reminder" in html
    assert re.search(r'<script type="module" src="/static/js/push\.js[^"]*"></script>', html)
    csrf = re.search(r'id="reminder" data-csrf="([^"]+)"', html)
    assert csrf is not None and csrf.group(1)


def test_a_signed_in_page_can_switch_reminders_on_with_its_csrf_token(
    client: FlaskClient, users: UserFactory
) -> None:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    html = client.get("/settings/").get_data(as_text=True)
    token = re.search(r'id="reminder" data-csrf="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    body = {"endpoint": "https://push.example.com/send/1", "keys": {"p256dh": "BAx", "auth": "q1"}}
    refused = client.post("/api/v1/push/subscription", json=body)
    assert refused.status_code in (400, 403)  # a session without the page's token is not enough
    accepted = client.post("/api/v1/push/subscription", json=body, headers={"X-CSRFToken": token})
    assert accepted.status_code == 201


def test_the_service_worker_shows_the_reminder_and_opens_today_on_a_tap(client: FlaskClient) -> None:
    script = client.get("/sw.js").get_data(as_text=True)
    assert 'addEventListener("push"' in script
    assert "showNotification" in script
    assert 'addEventListener("notificationclick"' in script
