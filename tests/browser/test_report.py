"""The physio report as a person sees it: on a 390 px phone, and printed to A4 by the browser."""

from __future__ import annotations

import io
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.browser.conftest import LiveServer, server_put, sign_in
from tests.builders import new_id

TODAY = date.today()  # noqa: DTZ011
KNEE = {"location": "knee_front", "side": "right"}


def eight_weeks(app: Any, runner: Any) -> None:
    for n in range(56):
        day = (TODAY - timedelta(days=n)).isoformat()
        if n % 7 in (0, 2, 4):
            run = new_id()
            kind = "long" if n % 7 == 0 else "easy"
            distance = 6000 + 1000 * (n % 5)
            run_body = {
                "date": day,
                "kind": kind,
                "distance_m": distance,
                "duration_s": 2400,
                "terrain": "flat",
            }
            server_put(app, runner, "runs", run, run_body)
            on_run = {**KNEE, "date": day, "context": "during_run", "score": 2 + n % 3, "run_id": run}
            server_put(app, runner, "pain", new_id(), on_run)
        server_put(
            app, runner, "pain", new_id(), {**KNEE, "date": day, "context": "morning", "score": 1 + n % 4}
        )
        if n % 2:
            achilles = {"date": day, "context": "morning", "location": "achilles", "side": "left", "score": 3}
            server_put(app, runner, "pain", new_id(), achilles)


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PWA_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_report_fits_a_phone_and_prints_clean_a4_pages(
    context: Any, live_server: LiveServer, runners: Any, tmp_path: Path
) -> None:
    runner = runners.create()
    eight_weeks(live_server.app, runner)
    page = context.new_page()
    sign_in(page, runner)
    page.goto("/report/")
    assert page.locator("h1").inner_text() == "Training and pain report"
    assert page.locator("table.report-weeks tbody tr").count() >= 8
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways: {width} px"
    folder = shots(tmp_path)
    page.screenshot(path=str(folder / "report-390.png"), full_page=True)

    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    assert not page.locator("header.top").is_visible()
    assert not page.locator(".report-tools").is_visible()
    assert page.locator(".report-chart svg").is_visible()
    assert page.locator(".report-chart polyline.loc").count() >= 2  # knee and achilles, each its own line
    assert page.locator(".report-chart polyline.loc").count() >= 2  # knee and achilles, each its own line
    page.screenshot(path=str(folder / "report-a4-print.png"), full_page=True)
    printed = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() for p in printed.pages)
    assert "Week by week" in text and "Settings" not in text and "Download PDF" not in text
    assert len(printed.pages) <= 4


def test_the_shared_report_has_no_accessibility_violations(
    context: Any, live_server: LiveServer, runners: Any
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    from runner_app.services import report_links

    runner = runners.create()
    eight_weeks(live_server.app, runner)
    with live_server.app.app_context():
        expires = (TODAY + timedelta(days=7)).isoformat()
        secret = report_links.make_link(runner.id, {"expires_on": expires}, TODAY).secret
    page = context.new_page()
    response = page.goto(f"/report/{secret}")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Training and pain report"
    assert page.locator("a[href^='/today'], a[href^='/settings'], nav").count() == 0
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
