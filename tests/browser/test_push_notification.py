"""The service worker shows the daily reminder: a push message delivered to it through the DevTools
protocol (as the browser's push service would) becomes a notification with the server's words."""

from __future__ import annotations

import json
from typing import Any

from tests.browser.conftest import LiveServer, js_wait, ready_runner, wait_until


def test_a_push_message_shows_the_reminder_as_a_notification(
    context: Any, runners: Any, live_server: LiveServer
) -> None:
    context.grant_permissions(["notifications"], origin=live_server.url)
    page, _runner = ready_runner(context, runners)
    cdp = context.new_cdp_session(page)
    registrations: list[dict[str, Any]] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")

    def ours() -> dict[str, Any] | None:
        page.wait_for_timeout(100)  # lets Playwright hand over the protocol's events
        return next((r for r in registrations if r["scopeURL"] == live_server.url + "/"), None)

    found = wait_until(ours, what="the service worker's registration")
    message = {"title": "Today", "body": "Morning check-in, then: Easy run 8.0 km", "url": "/today"}
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": live_server.url, "registrationId": found["registrationId"], "data": json.dumps(message)},
    )
    shown = js_wait(
        page,
        """async () => {
            const r = await navigator.serviceWorker.ready;
            const all = await r.getNotifications({ tag: "daily-reminder" });
            return all.length ? { title: all[0].title, body: all[0].body, url: all[0].data.url } : null;
        }""",
        what="the reminder notification",
    )
    assert shown == message
