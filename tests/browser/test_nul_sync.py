"""A NUL character in one entry of a sync batch: that entry needs attention on the phone (kept, not sent
again), the entry beside it in the same batch is stored."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import (
    LiveServer,
    all_ids,
    outbox_items,
    ready_runner,
    server_rows,
    wait_until,
)
from tests.browser.forms import log_run


def test_a_nul_character_refuses_its_entry_alone_and_is_not_retried(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    context.set_offline(True)
    refused = log_run(page, "10", 50, notes="easy\u0000run")["run"]
    fine = log_run(page, "8", 40)["run"]
    context.set_offline(False)

    wait_until(
        lambda: [item["state"] for item in outbox_items(page, runner)] == ["attention"],
        what="the entry with a NUL to need attention",
    )
    [item] = outbox_items(page, runner)
    assert item["id"] == refused
    context.set_offline(True)
    context.set_offline(False)
    page.wait_for_timeout(2000)
    assert live_server.sends_per_id()[refused] == 1
    assert all_ids(server_rows(live_server.app, runner)) == [fine]
