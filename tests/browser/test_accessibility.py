"""axe-core (bundled with axe-playwright-python, nothing fetched) finds no serious or critical violation
on the pages a runner uses every day, in light and in dark mode."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from runner_app.services import plans
from runner_app.services.today import local_today
from tests.browser.conftest import LiveServer, ready_runner, shoot

PAGES = ["/today", "/log/run", "/log/pain", "/log/strength", "/log/cross-training", "/history/", "/settings/"]
PAGES += ["/profile", "/history/?month=2026-13", "/settings/timezone"]
SHOTS = ("/history/", "/settings/", "/history/?month=2026-13", "/settings/timezone")


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_or_critical_violation_on_the_daily_pages(
    context: Any, live_server: LiveServer, runners: Any, scheme: str
) -> None:
    page, runner = ready_runner(context, runners)
    page.emulate_media(color_scheme=scheme)
    day = local_today(runner.timezone or "UTC").isoformat()
    with live_server.app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{day},easy,8,\n")
    found = {}
    for path in PAGES:
        page.goto(path)
        page.wait_for_load_state("load")
        if scheme == "light" and path in SHOTS:
            shoot(page, path.strip("/").replace("/", "-").replace("?month=", "-month-") or "today")
        problems = _serious(page)
        if problems:
            found[path] = problems
    assert found == {}
