"""Entries logged with no signal reach the server exactly once: through a flapping network, failing requests,
answers lost after the commit, and two tabs flushing at the same time."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import (
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
    wait_until,
)
from tests.browser.forms import log_cross, log_pain, log_run, log_strength


def test_entries_logged_offline_reach_the_server_once_through_a_flapping_network_and_failing_server(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)

    context.set_offline(True)
    first = log_run(page, "8.5", 45, rpe=4, pain=3)
    second = log_run(page, "5", 30, kind="recovery")
    morning = log_pain(page, 2, flags=("swelling",))
    strength = log_strength(page, [("clamshells", 3, 15, ""), ("lateral_band_walks", 2, 40, "")], 25)
    cross = log_cross(page, "cycling", 40)
    made = {first["run"], first["pain"], second["run"], morning, strength, cross}

    page.goto("/history/")
    # On a strength day the strength log also ticks Today's strength task on the phone.
    waiting = 6 + sum(1 for item in outbox_items(page, runner) if item["kind"] == "tasks")
    expect(page.locator("#pending-list .pending-entry")).to_have_count(waiting)
    expect(page.locator("#pending-list").get_by_text("Saved on phone, not yet synced")).to_have_count(waiting)
    expect(page.locator("#sync-badge")).to_have_text(f"{waiting} not synced")
    shoot(page, "pending-offline-history")
    assert {item["id"] for item in outbox_items(page, runner) if item["kind"] != "tasks"} == made
    assert live_server.sends_per_id() == {}

    # Half of the writes fail with 500 (at most five of them) while the network comes and goes.
    live_server.faults({"mode": "500", "share": 0.5, "limit": 5})
    for _ in range(5):
        context.set_offline(False)
        page.wait_for_timeout(400)
        context.set_offline(True)
        page.wait_for_timeout(250)
    context.set_offline(False)

    wait_for_empty_outbox(page, runner, timeout=60)
    rows = server_rows(live_server.app, runner)
    assert sorted(all_ids(rows)) == sorted(made)
    by_id = {row["id"]: row for kind_rows in rows.values() for row in kind_rows}
    assert by_id[first["run"]]["distance_m"] == 8500
    assert by_id[first["run"]]["duration_s"] == 45 * 60
    assert by_id[first["run"]]["rpe"] == 4
    assert by_id[first["pain"]]["context"] == "during_run"
    assert by_id[first["pain"]]["run_id"] == first["run"]
    assert by_id[first["pain"]]["score"] == 3
    assert by_id[second["run"]]["kind"] == "recovery"
    assert by_id[morning]["flags"] == ["swelling"]
    assert [s.get("reps") or s.get("steps") for s in by_id[strength]["sets"]] == [15, 15, 15, 40, 40]
    assert "steps" in by_id[strength]["sets"][-1]
    assert by_id[cross]["duration_s"] == 40 * 60
    assert all(row["version"] == 1 for row in by_id.values())
    faults = [line for line in live_server.write_log() if line["fault"]]
    assert faults, "the fault switch never fired: this run proved nothing about failing requests"
    js_wait(page, "document.getElementById('sync-badge').hidden")


def _send_log_ids(server: LiveServer) -> list[list[str]]:
    return [line["ids"] for line in server.write_log()]


def test_an_answer_lost_after_the_commit_is_retried_without_a_second_row(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    context.set_offline(True)
    one = log_run(page, "10", 50)
    two = log_run(page, "12", 61)
    # The first answer is replaced by a 502 after the commit, the second never arrives (connection closed).
    live_server.faults({"mode": "commit_then_502", "limit": 1}, {"mode": "commit_then_drop", "limit": 1})
    context.set_offline(False)

    wait_for_empty_outbox(page, runner)
    rows = server_rows(live_server.app, runner)
    assert sorted(all_ids(rows)) == sorted([one["run"], two["run"]])
    assert all(row["version"] == 1 for row in rows["runs"])
    log = live_server.write_log()
    lost = [line for line in log if line["fault"]]
    assert [line["fault"] for line in lost] == ["commit_then_502", "commit_then_drop"]
    assert all(line["status"] == 200 for line in lost), "the lost answers were for committed work"
    assert all(sorted(line["ids"]) == sorted([one["run"], two["run"]]) for line in lost)
    sent = live_server.sends_per_id()
    assert sent[one["run"]] >= 3, "the runs were sent again after each lost answer"
    assert sent[two["run"]] >= 3


def test_two_tabs_flushing_at_once_send_each_entry_once(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    runner = runners.create()
    tab_a = context.new_page()
    sign_in(tab_a, runner)
    ready_offline(tab_a)
    tab_b = context.new_page()
    tab_b.goto("/history/")

    context.set_offline(True)
    made = [log_run(tab_a, str(5 + n), 30 + n, rpe=None)["run"] for n in range(3)]
    made += [log_pain(tab_b, n) for n in range(3)]
    tab_b.goto("/history/")
    tab_a.goto("/today")
    assert len(outbox_items(tab_a, runner)) == 6

    context.set_offline(False)  # both tabs hear "online" and flush at once
    tab_a.evaluate("window.runnerApp.syncer.flush('test')")
    tab_b.evaluate("window.runnerApp.syncer.flush('test')")

    wait_for_empty_outbox(tab_b, runner)
    assert sorted(all_ids(server_rows(live_server.app, runner))) == sorted(made)
    assert live_server.sends_per_id() == dict.fromkeys(made, 1), "an entry was sent by both tabs"
    wait_until(lambda: tab_a.locator("#sync-badge").is_hidden(), what="tab A's badge to clear")
