"""What the server refuses stays visible on the phone until the runner decides: a 412 conflict shows both
versions and waits for a choice; a 422 lands in "needs attention", is not retried in a loop, and is fixed and
sent again."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import (
    LiveServer,
    all_ids,
    outbox_items,
    ready_offline,
    ready_runner,
    server_put,
    server_rows,
    shoot,
    sign_in,
    wait_for_empty_outbox,
    wait_until,
)
from tests.browser.forms import log_run


def _run_body(distance_m: float, **extra: Any) -> dict[str, Any]:
    day = (date.today() - timedelta(days=1)).isoformat()  # noqa: DTZ011
    return {"date": day, "kind": "easy", "distance_m": distance_m, "duration_s": 3000, "rpe": 3, **extra}


def test_a_different_body_for_a_stored_id_is_kept_as_a_conflict_until_the_runner_chooses(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    app = live_server.app
    edited, reused = str(uuid.uuid4()), str(uuid.uuid4())
    server_put(app, runner, "runs", edited, _run_body(8000))
    server_put(app, runner, "runs", reused, _run_body(8000))
    page = context.new_page()
    sign_in(page, runner)
    ready_offline(page)

    # 1. A stale edit: the page shows version 1, another device makes version 2 meanwhile.
    page.goto(f"/log/run/{edited}")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    server_put(app, runner, "runs", edited, _run_body(10_000), if_match="1")
    page.fill("input[name=distance]", "9")
    page.click("form.entry-form button[type=submit]")
    # 2. The same id sent again with a different body and no If-Match at all.
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.evaluate("(id) => { document.querySelector('input[name=id]').value = id; }", reused)
    log_run(page, "5", 25, go=False)

    page.goto("/history/")
    conflicts = page.locator("#pending-list .state-conflict")
    expect(conflicts).to_have_count(2)
    first = page.locator(f"#pending-list [data-id='{edited}']")
    expect(first).to_contain_text("Which version is right?")
    expect(first.locator("table.versions")).to_contain_text("9.0 km")
    expect(first.locator("table.versions")).to_contain_text("10.0 km")
    shoot(page, "conflict-history")

    # Nothing was deleted or overwritten while the runner has not chosen, and nothing is retried.
    rows = {row["id"]: row for row in server_rows(app, runner)["runs"]}
    assert (rows[edited]["distance_m"], rows[edited]["version"]) == (10_000, 2)
    assert (rows[reused]["distance_m"], rows[reused]["version"]) == (8000, 1)
    assert {item["id"]: item["state"] for item in outbox_items(page, runner)} == {
        edited: "conflict",
        reused: "conflict",
    }
    sent = live_server.sends_per_id()
    page.click("#pending-list [data-action=sync-now]")
    page.wait_for_timeout(1500)
    assert live_server.sends_per_id() == sent, "a conflict was sent again before the runner chose"

    first.locator("[data-action=keep-mine]").click()
    page.locator(f"#pending-list [data-id='{reused}'] [data-action=keep-theirs]").click()
    wait_for_empty_outbox(page, runner)
    rows = {row["id"]: row for row in server_rows(app, runner)["runs"]}
    assert sorted(rows) == sorted([edited, reused])
    assert (rows[edited]["distance_m"], rows[edited]["version"]) == (9000, 3)  # mine won, as an edit of v2
    assert (rows[reused]["distance_m"], rows[reused]["version"]) == (8000, 1)  # theirs won: untouched
    # No choice is left to make (the kept version may stay in view under "Just synced").
    expect(page.locator("#pending-list [data-action=keep-mine]")).to_have_count(0)


def test_a_refused_entry_needs_attention_is_not_retried_and_can_be_fixed_and_sent_again(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)

    context.set_offline(True)
    # Notes of 2001 characters: the server allows 2000 (the phone checks ranges, not this).
    too_far = log_run(page, "10", 50, notes="x" * 2001)["run"]
    fine = log_run(page, "10", 50)["run"]
    context.set_offline(False)

    wait_until(
        lambda: [item["state"] for item in outbox_items(page, runner)] == ["attention"],
        what="the refused run to need attention",
    )
    page.goto("/history/")
    entry = page.locator(f"#pending-list [data-id='{too_far}']")
    expect(entry).to_contain_text("Needs attention")
    expect(entry).to_contain_text("Notes: must be at most 2000 characters")
    expect(page.locator("#sync-badge")).to_have_text("1 not synced")
    shoot(page, "needs-attention-history")

    # Not retried in a loop: every trigger fires, and the refused run is still sent only once.
    page.click("#pending-list [data-action=sync-now]")
    context.set_offline(True)
    context.set_offline(False)
    page.wait_for_timeout(3000)
    assert live_server.sends_per_id()[too_far] == 1
    assert all_ids(server_rows(live_server.app, runner)) == [fine]

    entry.get_by_role("link", name="Fix it").click()
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    expect(page.locator("form.entry-form .save-status")).to_contain_text("at most 2000 characters")
    assert page.input_value("input[name=id]") == too_far
    assert page.input_value("textarea[name=notes]") == "x" * 2001
    page.fill("input[name=distance]", "21.1")
    page.evaluate("document.querySelectorAll('form.entry-form details').forEach((d) => { d.open = true; })")
    page.fill("textarea[name=notes]", "steady")
    page.click("form.entry-form button[type=submit]")

    wait_for_empty_outbox(page, runner)
    rows = {row["id"]: row for row in server_rows(live_server.app, runner)["runs"]}
    assert sorted(rows) == sorted([too_far, fine])
    assert rows[too_far]["distance_m"] == 21_100
    assert rows[too_far]["version"] == 1
    assert live_server.sends_per_id()[too_far] == 2


def test_a_value_the_server_would_refuse_is_stopped_on_the_phone_beside_its_field_and_kept(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    context.set_offline(True)  # no server to ask: the phone itself says what is wrong
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.fill("input[name=distance]", "-5")
    page.fill("input[name=duration]", "0")
    page.click("form.entry-form button[type=submit]")
    beside = "xpath=ancestor::*[contains(@class,'field')][1]"
    distance_field = page.locator("input[name=distance]").locator(beside)
    expect(distance_field.locator(".js-error")).to_have_text("Give a distance above 0.")
    expect(page.locator("form.entry-form .save-status")).to_contain_text("Not saved yet")
    assert page.input_value("input[name=distance]") == "-5", "nothing typed is lost"
    assert outbox_items(page, runner) == []
    page.fill("input[name=distance]", "900")
    page.fill("input[name=duration]", "50")
    page.click("form.entry-form button[type=submit]")
    expect(distance_field.locator(".js-error")).to_have_text("At most 500 km.")
    assert outbox_items(page, runner) == []
    shoot(page, "refused-on-the-phone")
    page.fill("input[name=distance]", "9")
    page.click("form.entry-form button[type=submit]")
    wait_until(lambda: len(outbox_items(page, runner)) == 1, what="the fixed run to be saved on the phone")
