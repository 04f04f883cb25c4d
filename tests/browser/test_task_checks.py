"""Ticking off Today's tasks works with no signal: the tick turns at once, the check-off waits in the outbox
(the last tap wins) and reaches the server as PUT /api/v1/tasks/{date}/{key} when there is signal; a reload
with no signal shows the ticks from the phone. Online, a tick goes through the API with no page load."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

from playwright.sync_api import expect

from runner_app.services.today import local_today
from tests.browser.conftest import (
    TEST_PASSWORD,
    LiveServer,
    js_wait,
    outbox_items,
    ready_runner,
    server_put,
    shoot,
    task_checks,
    wait_for_empty_outbox,
    wait_until,
)

DONE = re.compile(r"\bdone\b")
AT_ONCE_MS = 1_000  # the tick turns before any request could have been answered


def _wired(page: Any) -> str:
    """Wait until the ticks save on the phone; answers the day the page shows."""
    page.wait_for_selector("form.check-form[data-ready]", state="attached")
    return str(page.input_value("form.check-form input[name=date]"))


def _tick(page: Any, key: str) -> None:
    page.click(f"#task-{key} button.tick")


def _expect_ticked(page: Any, key: str, done: bool, timeout: float = 5_000) -> None:
    task = page.locator(f"#task-{key}")
    if done:
        expect(task).to_have_class(DONE, timeout=timeout)
    else:
        expect(task).not_to_have_class(DONE, timeout=timeout)
    expect(task.locator("button.tick")).to_have_attribute("aria-pressed", "true" if done else "false")
    expect(task.locator("input[name=done]")).to_have_value("0" if done else "1")


def _queued_checks(page: Any, runner: Any) -> dict[str, bool]:
    return {
        item["body"]["key"]: item["body"]["done"]
        for item in outbox_items(page, runner)
        if item["kind"] == "tasks" and item["state"] == "queued"
    }


def _pump_until(page: Any, check: Any, what: str, timeout_ms: int = 10_000) -> None:
    """Wait while letting Playwright run the route handlers (a plain sleep would hold every request)."""
    for _ in range(timeout_ms // 50):
        if check():
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"timed out waiting for {what}")


def _task_puts(server: LiveServer) -> list[dict[str, Any]]:
    return [line for line in server.write_log() if line["path"].startswith("/api/v1/tasks/")]


def _log_a_run_today(server: LiveServer, runner: Any) -> None:
    day = local_today(runner.timezone or "UTC").isoformat()
    run = {"date": day, "kind": "easy", "distance_m": 5000, "duration_s": 1800}
    server_put(server.app, runner, "runs", str(uuid.uuid4()), run)


def test_task_check_offs_made_offline_show_at_once_survive_a_reload_and_reach_the_server_as_last_tapped(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    day = local_today(runner.timezone or "UTC").isoformat()
    # A run logged today gives Today three tasks to tick: the check-in, the warm-up, the post-run check-in.
    server_put(
        live_server.app,
        runner,
        "runs",
        str(uuid.uuid4()),
        {"date": day, "kind": "easy", "distance_m": 5000, "duration_s": 1800},
    )
    page.goto("/today")
    assert _wired(page) == day

    # Online: the post-run check-in is ticked and synced, and the phone's copy of Today then shows it ticked.
    _tick(page, "post_run_checkin")
    wait_for_empty_outbox(page, runner)  # (polls through the page: the request router needs the driver)
    assert task_checks(live_server.app, runner) == {(day, "post_run_checkin"): True}
    js_wait(
        page,
        "caches.match('/today').then((r) => r && r.text())"
        '.then((t) => Boolean(t && /class="task done" id="task-post_run_checkin"/.test(t)))',
        what="the phone's copy of Today to show the post-run check-in ticked",
    )

    # No signal: tick two tasks, take one of them off again, and take off the one ticked online.
    live_server.clear_faults()  # (and its log of writes: from here on, nothing may reach the server)
    context.set_offline(True)
    page.evaluate("window.__sameDocument = true")
    _tick(page, "checkin")
    _expect_ticked(page, "checkin", True, timeout=AT_ONCE_MS)
    _tick(page, "warmup")
    _expect_ticked(page, "warmup", True, timeout=AT_ONCE_MS)
    _tick(page, "warmup")
    _expect_ticked(page, "warmup", False, timeout=AT_ONCE_MS)
    _tick(page, "post_run_checkin")
    _expect_ticked(page, "post_run_checkin", False, timeout=AT_ONCE_MS)
    final = {"checkin": True, "warmup": False, "post_run_checkin": False}
    wait_until(lambda: _queued_checks(page, runner) == final, what="the last taps in the outbox")
    assert page.evaluate("window.__sameDocument === true"), "a tick navigated away"
    expect(page.locator("#task-post_run_checkin a.button")).to_have_text("Log how it feels")  # not done: back
    for key in final:
        expect(page.locator(f"#task-{key} .task-sync")).to_have_text("Saved on this phone, not yet synced.")
    expect(page.locator("#sync-badge")).to_have_text("3 not synced")
    badge_title = "Waiting on this phone for the server: 3 task check-offs"  # ticks are not entries
    expect(page.locator("#sync-badge")).to_have_attribute("title", badge_title)
    expect(page.locator("#pending-list .pending-entry")).to_have_count(3)
    expect(page.locator("#pending-list")).to_contain_text("Morning check-in · marked done")
    page.locator("#task-checkin").scroll_into_view_if_needed()
    shoot(page, "today-task-ticked-offline")
    assert _task_puts(live_server) == []

    # A reload with no signal: the copy on the phone, with the phone's ticks put back on it.
    page.reload()
    expect(page.locator("[data-banner=offline-copy]")).to_contain_text("this is the copy on your phone")
    _wired(page)
    for key, done in final.items():
        _expect_ticked(page, key, done)
    pending_line = page.locator("#task-post_run_checkin .task-sync")
    expect(pending_line).to_have_text("Saved on this phone, not yet synced.")

    # Signal again, with the first task PUT failing: retried, and the server ends with the last taps.
    live_server.faults({"mode": "500", "limit": 1, "path_prefix": "/api/v1/tasks/"})
    context.set_offline(False)
    wait_for_empty_outbox(page, runner)
    assert task_checks(live_server.app, runner) == {(day, key): done for key, done in final.items()}
    puts = _task_puts(live_server)
    assert [line["fault"] for line in puts if line["fault"]] == ["500"], "the failing PUT was never tried"
    assert {line["method"] for line in puts} == {"PUT"}
    assert {line["path"] for line in puts} == {f"/api/v1/tasks/{day}/{key}" for key in final}
    expect(page.locator("#sync-badge")).to_be_hidden()
    for key in final:
        expect(page.locator(f"#task-{key} .task-sync")).to_be_hidden()

    page.goto("/today")  # the server's own page agrees
    _wired(page)
    expect(page.locator("[data-banner=offline-copy]")).to_have_count(0)
    for key, done in final.items():
        _expect_ticked(page, key, done)


def test_online_a_tick_is_a_put_to_the_api_with_no_page_load_and_a_refusal_needs_attention(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    _log_a_run_today(live_server, runner)  # the warm-up is a task only on a day with a run
    page.goto("/today")
    day = _wired(page)
    page.evaluate("window.__sameDocument = true")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and navigations.append(frame.url))

    _tick(page, "warmup")
    _expect_ticked(page, "warmup", True, timeout=AT_ONCE_MS)
    wait_for_empty_outbox(page, runner)
    assert task_checks(live_server.app, runner) == {(day, "warmup"): True}

    # A tap made while the one before it is still on its way: both are sent, in order, the last one last.
    held: list[Any] = []
    sent: list[bool] = []

    def hold_first(route: Any) -> None:
        sent.append(json.loads(route.request.post_data or "{}").get("done"))
        if held or len(sent) > 1:
            route.continue_()
        else:
            held.append(route)  # answered below, once the runner has tapped again

    page.route("**/api/v1/tasks/*/warmup", hold_first)
    _tick(page, "warmup")  # off...
    _pump_until(page, lambda: held, "the first PUT to be on its way")
    _tick(page, "warmup")  # ...and on again while "off" is in flight
    _expect_ticked(page, "warmup", True, timeout=AT_ONCE_MS)
    held[0].continue_()
    wait_for_empty_outbox(page, runner)
    page.unroute("**/api/v1/tasks/*/warmup", hold_first)
    assert sent == [False, True]
    assert task_checks(live_server.app, runner) == {(day, "warmup"): True}
    assert [(line["method"], line["path"], line["status"]) for line in _task_puts(live_server)] == [
        ("PUT", f"/api/v1/tasks/{day}/warmup", 200)
    ] * 3
    assert navigations == [] and page.evaluate("window.__sameDocument === true"), "a tick loaded a page"
    _expect_ticked(page, "warmup", True)
    expect(page.locator("#task-warmup .task-sync")).to_be_hidden()

    # A 422 for a check-off: kept in "needs attention" with the server's words, not sent again in a loop.
    refusals: list[str] = []

    def refuse(route: Any) -> None:
        refusals.append(route.request.method)
        route.fulfill(
            status=422,
            content_type="application/problem+json",
            body=json.dumps(
                {
                    "type": "about:blank",
                    "title": "Unprocessable",
                    "status": 422,
                    "errors": {"done": ["must be true or false"]},
                }
            ),
        )

    page.route("**/api/v1/tasks/*/checkin", refuse)
    _tick(page, "checkin")
    attention = page.locator("#pending-list .pending-entry.state-attention")
    expect(attention).to_contain_text("Needs attention")
    expect(attention).to_contain_text("must be true or false")
    expect(page.locator("#task-checkin .task-sync")).to_contain_text("the server did not accept this")
    page.click("[data-action=sync-now]")
    page.wait_for_timeout(500)
    assert refusals == ["PUT"], "a refused check-off was sent again by itself"
    page.unroute("**/api/v1/tasks/*/checkin", refuse)

    # Tapping again is the runner's answer: the new tap replaces the refused one and is sent.
    _expect_ticked(page, "checkin", True)  # the page still shows what the runner tapped, marked not synced
    _tick(page, "checkin")
    _expect_ticked(page, "checkin", False)
    wait_for_empty_outbox(page, runner)
    assert task_checks(live_server.app, runner) == {(day, "warmup"): True, (day, "checkin"): False}
    expect(page.locator("#task-checkin .task-sync")).to_be_hidden()
    expect(page.locator("#sync-badge")).to_be_hidden()


def test_with_javascript_off_a_tick_is_the_plain_form_post(
    no_js_context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    _log_a_run_today(live_server, runner)  # the warm-up is a task only on a day with a run
    page = no_js_context.new_page()
    page.goto("/login")
    page.fill("input[name=email]", runner.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/today")
    day = page.input_value("#task-warmup input[name=date]")
    with page.expect_navigation():
        _tick(page, "warmup")
    assert page.url.endswith("/today#task-warmup")
    expect(page.locator("#task-warmup")).to_have_class(DONE)
    assert task_checks(live_server.app, runner) == {(day, "warmup"): True}
    assert _task_puts(live_server) == []  # no API call: the form posted to /today/tasks/warmup
