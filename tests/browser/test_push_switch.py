"""The Daily reminder switch in Chromium: off by default; switching it on asks permission, subscribes
through the service worker's push manager with the server's key and posts the subscription to the app;
switching it off takes it back.

Headless Chromium has no push service to register with (a real `pushManager.subscribe` waits for one that
is never reached), so the browser's push manager is stood in for by a fake that records the key it is given
and answers a subscription's JSON. Everything else (the page, the module, the service worker, the app's
push API with its CSRF check) is the real thing.
"""

from __future__ import annotations

import base64
from typing import Any

from flask import Flask
from playwright.sync_api import expect
from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import PushSubscription
from runner_app.services import push_keys
from tests.browser.conftest import LiveServer, js_wait, ready_runner

FAKE_PUSH_MANAGER = """
(() => {
  if (location.protocol !== "http:") return;  // about:blank has no storage
  // The subscription outlives a reload, as a browser's does.
  let current = sessionStorage.getItem("fake-push") ? fake(sessionStorage.getItem("fake-push")) : null;
  window.__pushKeys = [];
  Object.defineProperty(Notification, "permission", { get: () => "granted" });
  Notification.requestPermission = async () => "granted";
  function fake(endpoint) { return {
    endpoint,
    toJSON: () => ({ endpoint, expirationTime: null,
      keys: { p256dh: "BPfakeKeyFromTheBrowser", auth: "fakeAuth" } }),
    unsubscribe: async () => { current = null; sessionStorage.removeItem("fake-push"); return true; },
  }; }
  PushManager.prototype.getSubscription = async function () { return current; };
  PushManager.prototype.subscribe = async function (options) {
    window.__pushKeys.push(btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey))));
    current = fake("https://push.example.com/send/" + Math.random().toString(36).slice(2));
    sessionStorage.setItem("fake-push", current.endpoint);
    return current;
  };
})();
"""


def endpoints(app: Flask, user_id: int) -> list[str]:
    with app.app_context():
        stmt = select(PushSubscription.endpoint).where(PushSubscription.user_id == user_id)
        found = list(db.session.scalars(stmt))
        db.session.remove()
    return found


def test_the_daily_reminder_switch_subscribes_this_device_and_unsubscribes_it(
    context: Any, runners: Any, live_server: LiveServer
) -> None:
    context.add_init_script(FAKE_PUSH_MANAGER)
    page, runner = ready_runner(context, runners)
    page.goto("/settings/")
    switch = page.locator("#reminder-switch")
    expect(switch).to_be_enabled()
    expect(switch).not_to_be_checked()
    assert endpoints(live_server.app, runner.id) == []

    switch.check()
    expect(page.locator("#reminder-status")).to_contain_text("On: a reminder each morning")
    saved = endpoints(live_server.app, runner.id)
    assert len(saved) == 1 and saved[0].startswith("https://push.example.com/send/")
    with live_server.app.app_context():
        expected_key = push_keys.application_server_key()
    sent_key = base64.b64decode(page.evaluate("window.__pushKeys[0]"))
    assert sent_key == base64.urlsafe_b64decode(expected_key + "=" * (-len(expected_key) % 4))

    page.reload()
    js_wait(page, "!document.getElementById('reminder-switch').disabled")
    expect(switch).to_be_checked()  # this device is subscribed: the switch says so after a reload

    switch.uncheck()
    expect(page.locator("#reminder-status")).to_contain_text("Off: no reminders")
    assert endpoints(live_server.app, runner.id) == []
