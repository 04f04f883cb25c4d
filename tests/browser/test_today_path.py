"""A runner's daily path on a phone: open Today, tap "Done as planned", say how it feels after the run, and
find the run ticked on Today, online and with no signal (the entry in History before and after it syncs).
The taps and seconds of the path are measured: "done as planned" within 2 taps and 5 s."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from runner_app.services import plans
from runner_app.services.today import local_today
from tests.browser.conftest import (
    Guard,
    LiveServer,
    ready_runner,
    server_rows,
    shoot,
    task_checks,
    wait_for_empty_outbox,
)

DONE = re.compile(r"\bdone\b")


def _plan_today(server: LiveServer, runner: Any, km: int = 10) -> str:
    day = local_today(runner.timezone or "UTC")
    with server.app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{day.isoformat()},easy,{km},\n")
        return str(plans.sessions_between(runner.id, day, day)[0].id)


@pytest.fixture(params=[("light", 390, 844), ("dark", 320, 640)], ids=["390-light", "320-dark"])
def phone(request: pytest.FixtureRequest, browser: Any, live_server: LiveServer) -> Iterator[Any]:
    scheme, width, height = request.param
    ctx = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        base_url=live_server.url,
        service_workers="allow",
    )
    ctx.set_default_timeout(15_000)
    guard = Guard(live_server.url)
    guard.watch(ctx)
    ctx.shot_suffix = f"{width}-{scheme}"
    yield ctx
    ctx.close()
    assert guard.foreign == [], f"requests to other origins: {guard.foreign}"
    assert guard.errors == [], f"script errors: {guard.errors}"


@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_done_as_planned_logs_the_planned_run_opens_the_check_in_and_leaves_it_ticked_on_today(
    phone: Any, live_server: LiveServer, runners: Any, offline: bool
) -> None:
    page, runner = ready_runner(phone, runners)
    session_id = _plan_today(live_server, runner)
    page.goto("/today")
    page.wait_for_selector("form.done-plan[data-ready]", state="attached")
    shoot(page, f"today-{phone.shot_suffix}")
    if offline:
        phone.set_offline(True)

    started = time.monotonic()
    page.click("form.done-plan button[type=submit]")  # tap 1: the run is logged
    page.wait_for_url(re.compile(r"/log/pain\?context=after_run"))
    seconds = time.monotonic() - started
    assert seconds <= 5, f"'done as planned' took {seconds:.1f} s"
    print(
        f"\n[measure] done as planned ({phone.shot_suffix}, {'offline' if offline else 'online'}): "
        f"1 tap, {seconds:.2f} s"
    )

    page.wait_for_selector("form.no-pain[data-ready]", state="attached")
    expect(page.locator("select[name=context]")).to_have_value("after_run")
    expect(page.locator("select[name=location]")).to_have_value("")  # no place preselected
    shoot(page, f"pain-form-{phone.shot_suffix}")
    page.click("form.no-pain button[type=submit]")  # tap 2: no pain after the run
    page.wait_for_url(re.compile(r"/today$"))

    page.goto("/today")
    expect(page.locator("#task-run")).to_have_class(DONE)
    if not offline:  # the copy of Today on the phone was made before the run, when it had no post-run task
        expect(page.locator("#task-post_run_checkin")).to_have_class(DONE)
    if offline:
        page.goto("/history/")
        # The run and the two ticks (the run, the post-run check-in), each saved on the phone.
        expect(page.locator("#pending-list .pending-entry")).to_have_count(3)
        expect(page.locator("#pending-list")).to_contain_text("10")
        phone.set_offline(False)  # the page sends what waits by itself, and keeps it in view once sent
        wait_for_empty_outbox(page, runner)
        expect(page.locator("#pending-list .synced-entry")).to_contain_text("10.0 km")
        shoot(page, f"history-after-sync-{phone.shot_suffix}")
    wait_for_empty_outbox(page, runner)

    rows = server_rows(live_server.app, runner)
    runs = [r for r in rows["runs"] if not r.get("deleted")]
    assert [(r["distance_m"], r["duration_s"], r["planned_session_id"], r["kind"]) for r in runs] == [
        (10000, 3900, session_id, "easy")
    ]
    assert rows["pain"] == [], "no place ever named: 'no pain' writes no pain entry"
    day = local_today(runner.timezone or "UTC").isoformat()
    checks = task_checks(live_server.app, runner)
    assert checks.get((day, "post_run_checkin")) is True, (checks, live_server.write_log())
    page.goto("/today")
    expect(page.locator("#task-run")).to_have_class(DONE)
    expect(page.locator("#task-run .logged-line")).to_contain_text("10.0 km in 1:05:00")
    expect(page.locator("#task-post_run_checkin")).to_have_class(DONE)
    page.goto("/history/")
    expect(page.locator("main")).to_contain_text("10")


def test_the_strength_log_opens_prescribed_and_the_block_stays_on_today_ticked(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    day = local_today(runner.timezone or "UTC")
    monday = day - timedelta(days=day.weekday())
    with live_server.app.app_context():
        plans.build_plan(
            runner.id,
            {
                "race_date": (monday + timedelta(weeks=10)).isoformat(),
                "race_distance_m": 42195.0,
                "start_date": monday.isoformat(),
                "template": ["easy"] * 7,
                "weekly_targets_m": [40000.0],
                "strength_days": [day.weekday()],
            },
        )
    page.goto("/today")
    page.click("#task-strength a.button")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    chosen = page.eval_on_selector_all("select.exercise", "(all) => all.map((s) => s.value).filter(Boolean)")
    assert len(chosen) >= 6, chosen
    assert page.input_value("input[name=rows-0-sets]") != ""
    shoot(page, "strength-log")
    page.click("form.entry-form button[type=submit]")
    expect(page.locator("form.entry-form .save-status")).to_contain_text("Saved on this phone")
    page.goto("/today")
    expect(page.locator("#task-strength")).to_have_class(DONE)
    wait_for_empty_outbox(page, runner)
    (session,) = server_rows(live_server.app, runner)["strength"]
    assert {one["exercise"] for one in session["sets"]} == set(chosen)
