"""The export downloads from the settings page of a phone whose pages the service worker controls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.browser.conftest import LiveServer, ready_runner, shoot, wait_for_empty_outbox
from tests.browser.forms import log_run


def test_everything_downloads_as_json_through_the_service_worker(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    page, runner = ready_runner(context, runners)
    synced = log_run(page, "7.25", 38)["run"]
    wait_for_empty_outbox(page, runner)
    page.goto("/settings/")
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    shoot(page, "settings-your-data")
    for name, check in (
        ("Everything (JSON)", lambda text: [r["id"] for r in json.loads(text)["runs"]] == [synced]),
        ("Runs (CSV)", lambda text: text.startswith("id,date,") and synced in text),
    ):
        with page.expect_download() as caught:
            page.get_by_role("link", name=name).click()
        download = caught.value
        assert download.suggested_filename.startswith("runner-")
        assert check(Path(download.path()).read_text(encoding="utf-8")), name
