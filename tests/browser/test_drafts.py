"""A draft kept on the phone and opened in a second tab is a second entry, not the first one again: saving in
both tabs keeps both runs, on the phone and on the server."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tests.browser.conftest import (
    LiveServer,
    js_wait,
    ready_runner,
    server_rows,
    wait_for_empty_outbox,
)


def _open_run_form(page: Any) -> None:
    page.goto("/log/run")
    page.wait_for_selector("form.entry-form[data-ready]", state="attached")


def _save(page: Any) -> None:
    page.click("form.entry-form button[type=submit]")
    js_wait(
        page,
        "(document.querySelector('form.entry-form .save-status')?.textContent || '')"
        ".startsWith('Saved on this phone')",
        what="'Saved on this phone'",
    )


def test_a_draft_restored_in_a_second_tab_saves_as_its_own_entry_and_none_is_lost(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    tab_a, runner = ready_runner(context, runners)
    _open_run_form(tab_a)
    tab_a.fill("input[name=distance]", "5")
    tab_a.fill("input[name=duration]", "30")
    js_wait(
        tab_a,
        "localStorage.length > 0 && Object.keys(localStorage).some((k) => k.startsWith('runner-draft'))",
        what="tab A's draft",
    )

    tab_b = context.new_page()
    _open_run_form(tab_b)
    js_wait(
        tab_b,
        "document.querySelector('.save-status')?.textContent.includes('Your unsaved entry was kept')",
        what="the kept draft in tab B",
    )
    assert tab_b.input_value("input[name=distance]") == "5"
    assert tab_b.input_value("input[name=id]") != tab_a.input_value("input[name=id]")
    other_day = (date.today() - timedelta(days=2)).isoformat()  # noqa: DTZ011
    tab_b.fill("input[name=date]", other_day)
    tab_b.fill("input[name=distance]", "10")
    tab_b.fill("input[name=duration]", "60")

    _save(tab_a)
    _save(tab_b)
    wait_for_empty_outbox(tab_a, runner)
    wait_for_empty_outbox(tab_b, runner)
    runs = server_rows(live_server.app, runner)["runs"]
    assert sorted(row["distance_m"] for row in runs) == [5_000, 10_000]
    assert not any(row["deleted"] for row in runs)
    assert {row["date"] for row in runs if row["distance_m"] == 10_000} == {other_day}
