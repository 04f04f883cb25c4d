"""The installable shell: pages render from the phone with no signal, a new version waits for the runner,
Chromium finds the app installable, and with JavaScript off the forms still post as plain forms."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from runner_app.pwa.shell import EXTENSION_KEY
from tests.browser.conftest import (
    TEST_PASSWORD,
    LiveServer,
    all_ids,
    js_wait,
    outbox_items,
    ready_offline,
    ready_runner,
    server_rows,
    shoot,
    sign_in,
    wait_for_empty_outbox,
)
from tests.browser.forms import log_pain, log_run

FETCH_TODAY = """() => fetch('/api/v1/today')
  .then(async (r) => [r.status, r.headers.get('X-Runner-Offline-Copy'), (await r.json()).date])"""
SHELL_CACHES = "caches.keys().then((keys) => keys.filter((k) => k.startsWith('runner-shell-')).sort())"


def test_a_reload_with_no_signal_renders_today_and_history_from_the_phone(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    synced = log_run(page, "7.25", 38)["run"]
    wait_for_empty_outbox(page, runner)
    # Once synced, the phone's copy of History is refreshed to include it.
    js_wait(
        page,
        "caches.match('/history/').then((r) => r && r.text())"
        ".then((t) => Boolean(t && t.includes('7.3 km')))",
        what="History's copy on the phone to show the synced run",
    )
    page.goto("/today")
    expect(page.locator("section[aria-labelledby=logged-h]")).to_contain_text("7.3 km")
    shoot(page, "today-online")
    served_before = len(live_server.write_log())
    status, copy_stamp, day = page.evaluate(FETCH_TODAY)
    assert (status, copy_stamp) == (200, None)

    context.set_offline(True)
    offline_status, offline_stamp, offline_day = page.evaluate(FETCH_TODAY)  # the last copy, stamped
    assert (offline_status, offline_day) == (200, day)
    assert offline_stamp and offline_stamp.startswith("20")
    page.reload()
    expect(page.locator("h1")).to_contain_text("Today")
    expect(page.locator("section[aria-labelledby=logged-h]")).to_contain_text("7.3 km")
    expect(page.locator("[data-banner=offline-copy]")).to_contain_text("this is the copy on your phone from")
    shoot(page, "today-offline")

    # A run logged now shows on Today as still on the phone.
    offline_run = log_run(page, "4", 22)["run"]
    expect(page.locator("form.entry-form .save-status")).to_contain_text("It will sync when there is signal")
    page.locator("form.entry-form .save-status").scroll_into_view_if_needed()
    shoot(page, "run-saved-offline")
    page.goto("/today")
    expect(page.locator("#pending-list .pending-entry")).to_have_count(1)
    expect(page.locator("#pending-list")).to_contain_text("Saved on phone, not yet synced")
    expect(page.locator("#sync-badge")).to_have_text("1 not synced")
    shoot(page, "today-offline-pending")

    page.goto("/history/")
    expect(page.locator("h1")).to_have_text("History")
    expect(page.locator("main")).to_contain_text("7.3 km")
    page.goto("/settings/")  # never opened online, so not on the phone: the offline page says so
    expect(page.locator("h1")).to_contain_text("not on this phone yet")
    assert len(live_server.write_log()) == served_before

    context.set_offline(False)
    page.goto("/today")
    wait_for_empty_outbox(page, runner)
    assert sorted(all_ids(server_rows(live_server.app, runner))) == sorted([synced, offline_run])


@pytest.fixture
def redeploy(live_server: LiveServer) -> Iterator[Any]:
    """Change the shell's version as a deploy with new static files would (restored afterwards)."""
    app = live_server.app
    original = app.extensions[EXTENSION_KEY]

    def deploy() -> str:
        app.extensions[EXTENSION_KEY] = dataclasses.replace(original, version=uuid.uuid4().hex[:16])
        return str(app.extensions[EXTENSION_KEY].version)

    yield deploy
    app.extensions[EXTENSION_KEY] = original


def test_a_new_version_waits_for_the_runner_and_keeps_pending_entries_and_the_draft(
    context: Any, live_server: LiveServer, runners: Any, redeploy: Any
) -> None:
    page, runner = ready_runner(context, runners)
    old_shell = page.evaluate(SHELL_CACHES)

    live_server.faults({"mode": "500", "share": 1.0})  # the server takes no writes: entries stay pending
    pending = [log_run(page, "6", 33)["run"], log_pain(page, 1)]
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    draft_id = page.input_value("input[name=id]")
    page.fill("input[name=distance]", "12.5")
    page.fill("input[name=duration]", "70")
    page.evaluate("window.__sameDocument = true")

    new_version = redeploy()
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    banner = page.locator("[data-banner=update]")
    expect(banner).to_contain_text("A new version of the app is ready")
    # Nothing swapped under the runner: same document, typed values intact, the old worker still in charge.
    assert page.evaluate("window.__sameDocument === true")
    assert page.input_value("input[name=distance]") == "12.5"
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting))")
    assert page.evaluate(SHELL_CACHES) == sorted([*old_shell, f"runner-shell-{new_version}"])
    shoot(page, "update-banner")

    banner.get_by_role("button", name="Reload").click()
    js_wait(
        page, "window.__sameDocument === undefined && document.readyState === 'complete'", what="the reload"
    )
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    assert page.evaluate(SHELL_CACHES) == [f"runner-shell-{new_version}"]  # the old shell went, once replaced
    assert page.input_value("input[name=distance]") == "12.5"
    assert page.input_value("input[name=duration]") == "70"
    assert page.input_value("input[name=id]") == draft_id
    assert sorted(item["id"] for item in outbox_items(page, runner)) == sorted(pending)

    live_server.clear_faults()
    page.click("form.entry-form button[type=submit]")  # the draft, saved at last
    wait_for_empty_outbox(page, runner)
    rows = server_rows(live_server.app, runner)
    assert sorted(all_ids(rows)) == sorted([*pending, draft_id])
    assert {row["id"]: row["distance_m"] for row in rows["runs"]}[draft_id] == 12_500


def test_chromium_finds_the_app_installable(
    persistent_context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    page = persistent_context.pages[0] if persistent_context.pages else persistent_context.new_page()
    sign_in(page, runner)
    ready_offline(page)
    cdp = persistent_context.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")
    icons = page.evaluate("""() => fetch('/manifest.webmanifest').then((r) => r.json())
        .then((m) => Promise.all(m.icons.map((i) => fetch(i.src).then((r) => [i.sizes, i.purpose, r.status,
          r.headers.get('Content-Type')]))))""")
    assert sorted(map(tuple, icons)) == [
        ("192x192", "any", 200, "image/png"),
        ("512x512", "any", 200, "image/png"),
        ("512x512", "maskable", 200, "image/png"),
    ]
    touch = page.get_attribute("link[rel=apple-touch-icon]", "href")
    assert page.evaluate("(href) => fetch(href).then((r) => r.status)", touch) == 200
    assert all(rows == [] for rows in server_rows(live_server.app, runner).values())


def test_with_javascript_off_the_forms_still_post_online(
    no_js_context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    page = no_js_context.new_page()
    page.goto("/login")
    page.fill("input[name=email]", runner.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/today")
    page.goto("/log/run")
    run_id = page.input_value("input[name=id]")
    page.fill("input[name=distance]", "11")
    page.fill("input[name=duration]", "55")
    page.locator("input[name=pain_score][value='2']").locator("xpath=..").click()
    page.select_option("select[name=pain_location]", "knee_front")
    page.click("form.entry-form button[type=submit]")
    page.wait_for_url("**/history/")
    expect(page.locator(".flash")).to_contain_text("Run saved")
    rows = server_rows(live_server.app, runner)
    assert [row["id"] for row in rows["runs"]] == [run_id]
    assert rows["runs"][0]["distance_m"] == 11_000
    assert [row["run_id"] for row in rows["pain"]] == [run_id]
