"""The run form on a phone: one time field read exactly as the server reads it, the pace shown as it is typed,
"1:75:00" refused beside the field, and after saving a confirmation at the top with the saved run. Logging a
run that differed from the plan ("Log differently" from Today) is measured: within 15 s."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import expect

from runner_app.services import plans
from runner_app.services.today import local_today
from runner_app.web.durations import parse_duration
from tests.browser.conftest import (
    LiveServer,
    outbox_items,
    ready_runner,
    server_rows,
    shoot,
    wait_for_empty_outbox,
)

CASES = ["45", "45:30", "1:05:30", " 0:50:00 ", "50.00", "3:49:10", "120"]
CASES += ["1:75:00", "45:60", "", "abc", "1h05", "1:2:3:4", "-5"]


def _python_reading(text: str) -> int | None:
    try:
        return parse_duration(text)
    except ValueError:
        return None


def test_the_page_reads_every_time_as_the_server_does(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, _ = ready_runner(context, runners)
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    readings = page.evaluate(
        """async (cases) => {
          const { parseDuration } = await import('/static/js/durations.js');
          return cases.map((text) => { try { return parseDuration(text); } catch { return null; } });
        }""",
        CASES,
    )
    assert readings == [_python_reading(text) for text in CASES]


METRES = [7250, 7240, 8000, 12_345, 21_097.5, 42_195, 0, 16_093.44, 5_000.4]
SECONDS = [45, 2700, 2730.4, 3930, 13_750, 59.5]


def test_the_page_writes_distances_and_times_as_the_server_does(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    from runner_app.web.filters import distance, duration

    page, _ = ready_runner(context, runners)
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    written = page.evaluate(
        """async ([metres, seconds]) => {
          const dom = await import('/static/js/dom.js');
          const both = (m) => [dom.distance(m, 'km'), dom.distance(m, 'mi')];
          return [metres.flatMap(both), seconds.map(dom.duration)];
        }""",
        [METRES, SECONDS],
    )
    with live_server.app.test_request_context():
        expected = [[text for m in METRES for text in (distance(m, "km"), distance(m, "mi"))]]
        expected.append([duration(s) for s in SECONDS])  # type: ignore[arg-type]
    assert written == expected


def test_log_differently_fills_the_planned_run_shows_the_pace_refuses_a_wrong_time_and_confirms_at_the_top(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    day = local_today(runner.timezone or "UTC")
    with live_server.app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{day.isoformat()},tempo,8,\n")
        session_id = str(plans.sessions_between(runner.id, day, day)[0].id)

    started = time.monotonic()
    page.goto("/today")
    page.click("#task-run a.button")  # tap 1: "Log differently"
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")
    expect(page.locator("select[name=kind]")).to_have_value("tempo")
    expect(page.locator("input[name=distance]")).to_have_value("8.00")
    expect(page.locator("#pace-out")).to_have_text("Pace 6:30 /km")
    page.fill("input[name=distance]", "9")  # what differed: a little further, a little faster
    page.fill("input[name=duration]", "1:75:00")
    page.click("form.entry-form button[type=submit]")
    beside = page.locator("input[name=duration]").locator("xpath=ancestor::*[contains(@class,'field')][1]")
    expect(beside.locator(".js-error")).to_contain_text("minutes and seconds must be under 60")
    assert outbox_items(page, runner) == []
    page.fill("input[name=duration]", "52:30")
    expect(page.locator("#pace-out")).to_have_text("Pace 5:50 /km")
    shoot(page, "run-form")
    page.click("form.entry-form button[type=submit]")  # 3 taps and two fields typed
    note = page.locator(".saved-note")
    expect(note).to_contain_text("Run saved.")
    seconds = time.monotonic() - started
    expect(note).to_contain_text("tempo run 9.0 km in 52:30 (5:50 /km)")
    above_form = page.inner_html("main").split("<form")[0]
    assert re.search(r"saved-note", above_form), "the confirmation is above the form"
    print(f"\n[measure] a run logged differently: 3 taps + 2 fields, {seconds:.2f} s")
    assert seconds <= 15
    shoot(page, "run-form-saved")

    wait_for_empty_outbox(page, runner)
    (run,) = server_rows(live_server.app, runner)["runs"]
    assert (run["distance_m"], run["duration_s"], run["planned_session_id"]) == (9000, 3150, session_id)
