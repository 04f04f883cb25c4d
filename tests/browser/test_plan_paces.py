"""A generated plan as a runner sees it on a 390 px phone: the plan page and Today's run card carry the
session's title, its steps and the target pace from the runner's race."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import plans, profile
from runner_app.services.today import local_today
from tests.browser.conftest import LiveServer, ready_runner


def test_the_plan_page_and_todays_run_card_show_the_session_and_its_pace(
    context: Any, live_server: LiveServer, runners: Any, tmp_path: Path
) -> None:
    page, runner = ready_runner(context, runners)
    day = local_today(runner.timezone or "UTC")
    race = {"distance_m": 10_000.0, "duration_s": 3000, "date": (day - timedelta(days=20)).isoformat()}
    with live_server.app.app_context():
        user = db.session.get(User, runner.id)
        said = {
            "runs_per_week": 5,
            "weekly_distance_m": 40_000.0,
            "longest_run_m": 14_000.0,
            "recent_race": race,
        }
        profile.put_profile(user, said, day)
        every_day = ["easy"] * 6 + ["long"]
        built = {
            "race_name": "Spring Marathon",
            "race_date": (day + timedelta(weeks=16)).isoformat(),
            "start_date": day.isoformat(),
            "template": every_day,
            "weekly_targets_m": [40_000.0],
            "long_run_day": 6,
        }
        plans.build_plan(runner.id, built)

    page.goto("/today")
    card = page.locator("#task-run")
    expect(card.locator(".task-head")).to_contain_text(re.compile(r"Easy \d+\.\d km"))  # the session's title
    expect(card.locator(".run-facts")).to_have_text(re.compile(r"^Target pace \d:\d\d–\d:\d\d /km$"))
    page.screenshot(path=str(tmp_path / "today-run-card-390.png"))
    assert (tmp_path / "today-run-card-390.png").stat().st_size > 10_000

    page.goto("/plan/all")
    expect(page.locator("svg.plan-chart")).to_be_visible()
    expect(page.locator(".paces")).to_contain_text("Easy")
    page.goto("/plan/")
    expect(page.locator("main")).to_contain_text("/km")
    page.screenshot(path=str(tmp_path / "plan-week-390.png"), full_page=True)
