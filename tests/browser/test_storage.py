"""Saving on the phone tells the truth: one IndexedDB failure is retried on a reopened database; a lasting
one says "NOT saved" and offers the plain form post instead. Payloads carry schema_version, and the first save
asks the browser to keep the app's storage."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import (
    LiveServer,
    all_ids,
    js_wait,
    outbox_items,
    ready_runner,
    server_rows,
    sign_in,
    wait_for_empty_outbox,
)
from tests.browser.forms import log_run

BREAK_WRITES = """(count) => {
  window.__failWrites = count;
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    if (mode === 'readwrite' && window.__failWrites > 0) {
      window.__failWrites -= 1;
      throw new DOMException('injected storage failure', 'UnknownError');
    }
    return original.call(this, names, mode, options);
  };
}"""

META = """(name) => new Promise((resolve) => {
  const open = indexedDB.open(name);
  open.onsuccess = () => {
    const get = open.result.transaction('meta').objectStore('meta').get('persist-asked');
    get.onsuccess = () => { open.result.close(); resolve(get.result ?? null); };
  };
})"""


def test_one_storage_failure_is_retried_and_the_entry_is_saved_once(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    context.set_offline(True)
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.evaluate(BREAK_WRITES, 1)
    made = log_run(page, "15", 80, go=False)["run"]
    assert page.evaluate("window.__failWrites") == 0, "the injected failure never happened"
    [item] = outbox_items(page, runner)
    assert item["id"] == made
    assert item["body"]["schema_version"] == 1
    assert item["body"]["distance_m"] == 15_000
    js_wait(page, f"({META})('runner-u{runner.id}')", what="storage.persist() asked after the first save")

    context.set_offline(False)
    wait_for_empty_outbox(page, runner)
    assert all_ids(server_rows(live_server.app, runner)) == [made]


def test_a_lasting_storage_failure_says_not_saved_and_offers_the_plain_post(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    page = context.new_page()
    sign_in(page, runner)
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    page.evaluate(BREAK_WRITES, 1000)
    page.fill("input[name=distance]", "6")
    page.fill("input[name=duration]", "31")
    run_id = page.input_value("input[name=id]")
    page.click("form.entry-form button[type=submit]")

    status = page.locator("form.entry-form .save-status")
    expect(status).to_contain_text("NOT saved")
    expect(status).not_to_contain_text("Saved on this phone")
    assert outbox_items(page, runner) == []
    assert all_ids(server_rows(live_server.app, runner)) == []

    status.get_by_role("button", name="Send it straight to the server").click()
    page.wait_for_url("**/history/")
    expect(page.locator(".flash")).to_contain_text("Run saved")
    assert all_ids(server_rows(live_server.app, runner)) == [run_id]
    assert outbox_items(page, runner) == []
