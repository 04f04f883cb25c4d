"""The outbox belongs to one runner: a lost session pauses it until they sign in again, signing out with
entries on the phone warns first, and another runner on the same phone never sends or sees them."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

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

NOTHING = {"runs": [], "pain": [], "strength": [], "cross-training": []}


def test_a_401_pauses_the_queue_until_the_runner_signs_in_again(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)

    context.set_offline(True)
    made = [log_run(page, "5", 28)["run"], log_pain(page, 2)]
    page.goto("/history/")
    context.clear_cookies()  # the session ends while the phone has no signal
    context.set_offline(False)

    banner = page.locator("[data-banner=signin]")
    expect(banner).to_contain_text("Sign in again to sync 2 entries")
    expect(page.locator("#sync-badge")).to_have_text("2 not synced")
    shoot(page, "signin-needed")
    page.click("#pending-list [data-action=sync-now]")
    page.wait_for_timeout(2500)
    assert live_server.write_log() == [], "the paused queue sent entries without a session"
    assert len(outbox_items(page, runner)) == 2

    banner.get_by_role("link", name="Sign in").click()
    page.wait_for_url("**/login?next=*")
    page.fill("input[name=email]", runner.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/history/")
    wait_for_empty_outbox(page, runner)
    assert sorted(all_ids(server_rows(live_server.app, runner))) == sorted(made)
    assert live_server.sends_per_id() == dict.fromkeys(made, 1)
    expect(banner).to_have_count(0)


def test_signing_out_warns_and_another_runner_never_sends_or_sees_the_entries(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    alice, bob = runners.create(), runners.create()
    page = context.new_page()
    sign_in(page, alice)
    ready_offline(page)
    live_server.faults({"mode": "500", "share": 1.0})  # the server takes no writes for now
    made = [log_run(page, "9", 47)["run"], log_pain(page, 4)]
    stale_tab = context.new_page()  # a tab of Alice's left open
    stale_tab.goto("/history/")
    expect(stale_tab.locator("#pending-list .pending-entry")).to_have_count(2)

    page.goto("/today")
    page.click("#signout-form button[type=submit]")
    warning = page.locator("[data-banner=signout]")
    expect(warning).to_contain_text("Not synced yet: 2 entries on this phone")
    assert page.url.endswith("/today"), "signed out without the warning"
    shoot(page, "signout-warning")
    warning.locator("[data-action=signout-anyway]").click()
    page.wait_for_url("**/login")
    assert page.evaluate("caches.has('runner-pages')") is False, "Alice's pages stayed on the phone"

    live_server.clear_faults()
    sign_in(page, bob)
    js_wait(page, "window.runnerApp && window.runnerApp.view !== undefined", what="Bob's page to start")
    expect(page.locator("#sync-badge")).to_be_hidden()
    page.goto("/history/")
    page.wait_for_timeout(500)
    expect(page.locator("#pending-list")).to_be_hidden()
    assert outbox_items(page, bob) == []

    # Alice's old tab now rides on Bob's session cookie: it must not send her entries as Bob.
    stale_tab.click("#pending-list [data-action=sync-now]")
    expect(stale_tab.locator("[data-banner=signin]")).to_contain_text("Sign in again to sync 2 entries")
    page.wait_for_timeout(1000)
    assert live_server.write_log() == []
    assert server_rows(live_server.app, bob) == NOTHING
    stale_tab.close()

    page.click("#signout-form button[type=submit]")  # Bob has nothing pending: no warning
    page.wait_for_url("**/login")
    sign_in(page, alice, "/history/")
    wait_for_empty_outbox(page, alice)
    assert sorted(all_ids(server_rows(live_server.app, alice))) == sorted(made)
    assert server_rows(live_server.app, bob) == NOTHING


def test_a_new_account_takes_the_phones_time_zone(browser: Any, live_server: LiveServer) -> None:
    from runner_app.extensions import db
    from runner_app.models import User
    from tests.browser.conftest import _new_guarded_context

    context, guard = _new_guarded_context(browser, live_server, timezone_id="Pacific/Auckland")
    try:
        page = context.new_page()
        page.goto("/signup")
        page.fill("input[name=email]", "kiwi@example.com")
        page.fill("input[name=password]", TEST_PASSWORD)
        page.fill("input[name=confirm]", TEST_PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url("**/profile")
        expect(page.locator("main")).to_contain_text("Your time zone is Pacific/Auckland, from this phone")
        expect(page.locator("h1")).to_have_text("Where you are now")
    finally:
        context.close()
    assert guard.errors == []
    with live_server.app.app_context():
        zone = db.session.query(User.timezone).filter_by(email="kiwi@example.com").scalar()
    assert zone == "Pacific/Auckland"
