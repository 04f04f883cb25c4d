"""A form only the server can answer says so when there is no signal, and keeps what the runner chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import LiveServer, ready_runner, server_rows, shoot
from tests.watch_files import gpx_file


def test_an_import_with_no_signal_says_why_and_works_once_there_is_signal(
    context: Any, live_server: LiveServer, runners: Any, tmp_path: Path
) -> None:
    page, runner = ready_runner(context, runners)
    track = tmp_path / "morning.gpx"
    track.write_bytes(gpx_file(km=5.0))
    page.goto("/log/import")
    page.select_option("select[name=kind]", "long")
    page.set_input_files("input[name=file]", str(track))

    context.set_offline(True)
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".no-signal")).to_have_text(
        "No signal: this needs the server. Try again when you have signal."
    )
    shoot(page, "import-no-signal")
    assert page.url.endswith("/log/import")
    assert page.locator("select[name=kind]").input_value() == "long", "what was chosen stays"
    assert server_rows(live_server.app, runner)["runs"] == []

    context.set_offline(False)
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/log/run/*")
    [run] = server_rows(live_server.app, runner)["runs"]
    assert (run["kind"], round(run["distance_m"], -2)) == ("long", 5000.0)
