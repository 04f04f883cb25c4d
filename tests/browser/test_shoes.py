"""The run form's pair of shoes goes through the phone's outbox like every other field, signal or not."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import LiveServer, ready_runner, server_put, server_rows, wait_for_empty_outbox
from tests.browser.forms import log_run
from tests.builders import days_ago, new_id


def test_a_run_logged_offline_keeps_the_pair_it_was_run_in(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    pair = new_id()
    server_put(live_server.app, runner, "shoes", pair, {"date": days_ago(10), "name": "Road pair"})
    page.goto("/log/run")  # the form now offers the pair; the phone keeps this copy of it
    page.locator("details summary").first.click()
    page.select_option("select[name=shoe_id]", pair)
    context.set_offline(True)
    ids = log_run(page, "8", 44, go=False)
    context.set_offline(False)
    wait_for_empty_outbox(page, runner)
    [run] = server_rows(live_server.app, runner)["runs"]
    assert (run["id"], run["shoe_id"]) == (ids["run"], pair)
