"""Plan pages: generate, build and import on a phone; the week view; a session edited."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from flask import Flask

from runner_app.extensions import db
from runner_app.models import PlannedSessionRow, User
from runner_app.services import entries, plans
from tests.builders import new_id, run_body
from tests.web.helpers import csrf_from, form_post

TODAY = date.today()  # noqa: DTZ011


def test_without_a_plan_the_page_offers_three_ways_in(client, runner) -> None:
    html = client.get("/plan/").get_data(as_text=True)
    for text in ("Generate one", "Build your own", "Import a CSV"):
        assert text in html


def test_a_built_plan_shows_this_week_planned_against_done(client, runner) -> None:
    response = form_post(
        client,
        "/plan/build",
        {
            "race_name": "Town Marathon",
            "race_date": (TODAY + timedelta(weeks=10)).isoformat(),
            "race_distance": "42195",
            "start_date": TODAY.isoformat(),
            "day0": "easy",
            "day1": "easy",
            "day2": "tempo",
            "day3": "easy",
            "day4": "rest",
            "day5": "easy",
            "day6": "long",
            "targets": "40 44",
        },
    )
    assert response.status_code == 302
    html = client.get("/plan/").get_data(as_text=True)
    assert "Town Marathon" in html
    assert "planned" in html
    assert "is-today" in html


def test_build_errors_sit_beside_the_targets(client, runner) -> None:
    html = form_post(
        client,
        "/plan/build",
        {
            "race_date": (TODAY + timedelta(weeks=10)).isoformat(),
            "race_distance": "42195",
            "start_date": TODAY.isoformat(),
            "day0": "easy",
            "day1": "easy",
            "day2": "easy",
            "day3": "easy",
            "day4": "easy",
            "day5": "easy",
            "day6": "long",
            "targets": "forty",
        },
    ).get_data(as_text=True)
    assert 'id="targets-error"' in html
    assert 'value="forty"' in html


def test_a_bad_csv_lists_every_bad_line_and_imports_nothing(app: Flask, client, runner) -> None:
    page = client.get("/plan/import")
    csv = b"date,kind,distance_km,notes\n2027-01-01,jog,5,\n2027-01-02,easy,-1,\n"
    html = client.post(
        "/plan/import",
        data={"csrf_token": csrf_from(page), "file": (io.BytesIO(csv), "plan.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "line 2" in html
    assert "line 3" in html
    with app.app_context():
        assert db.session.query(PlannedSessionRow).count() == 0


def test_a_generated_plan_can_have_one_session_moved(app: Flask, client, runner) -> None:
    form_post(
        client,
        "/plan/build",
        {
            "race_date": (TODAY + timedelta(weeks=8)).isoformat(),
            "race_distance": "21097.5",
            "start_date": TODAY.isoformat(),
            "day0": "easy",
            "day1": "easy",
            "day2": "easy",
            "day3": "easy",
            "day4": "easy",
            "day5": "easy",
            "day6": "long",
            "targets": "30",
        },
    )
    with app.app_context():
        row = db.session.query(PlannedSessionRow).order_by(PlannedSessionRow.date).first()
        session_id, old_date = row.id, row.date
    url = f"/plan/sessions/{session_id}"
    page = client.get(url)
    assert re.search(r'value="\d+(\.\d+)?"', page.get_data(as_text=True))
    new_date = (old_date + timedelta(days=1)).isoformat()
    client.post(url, data={"csrf_token": csrf_from(page), "date": new_date, "kind": "tempo", "distance": "7"})
    with app.app_context():
        row = db.session.get(PlannedSessionRow, (runner.id, session_id))
        assert (row.date.isoformat(), row.kind, row.distance_m, row.edited) == (
            new_date,
            "tempo",
            7000.0,
            True,
        )


def test_pinned_strength_days_are_kept_and_a_clash_is_only_warned(app: Flask, client, runner) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    form_post(
        client,
        "/plan/build",
        {
            "race_date": (monday + timedelta(weeks=10)).isoformat(),
            "race_distance": "42195",
            "start_date": monday.isoformat(),
            "day0": "easy",
            "day1": "tempo",
            "day2": "easy",
            "day3": "easy",
            "day4": "easy",
            "day5": "easy",
            "day6": "long",
            "targets": "40",
            "strength_days": ["0", "2"],
        },
    )
    with app.app_context():
        from runner_app.models import Plan

        assert db.session.query(Plan).one().strength_days == [0, 2]
    body = client.get("/api/v1/today").get_json()
    pinned_today = TODAY.weekday() in (0, 2)
    assert any(t["kind"] == "strength" for t in body["tasks"]) == pinned_today
    assert any(
        w["rule"] == "ST2" for w in body["strength_warnings"]
    )  # Monday and Wednesday sit by Tuesday's tempo


def test_a_run_logged_as_another_kind_than_planned_says_which_on_the_plan(app: Flask, client, runner) -> None:
    days = {f"day{n}": "easy" for n in range(7)}
    days[f"day{TODAY.weekday()}"] = "tempo"
    form = {"race_name": "Town Marathon", "race_date": (TODAY + timedelta(weeks=10)).isoformat()}
    form.update(race_distance="42195", start_date=TODAY.isoformat(), targets="40 44", **days)
    assert form_post(client, "/plan/build", form).status_code == 302
    with app.app_context():  # the coach eased the tempo, and the runner ran it easy
        entries.put_entry(runner.id, "runs", new_id(), run_body(date=TODAY.isoformat(), kind="easy"), None)
    html = client.get("/plan/").get_data(as_text=True)
    assert re.search(r"✓ ran easy \d", html)


def marathon_in_four_weeks(weekly: str = "40", days_per_week: str = "5") -> dict[str, str]:
    """The generate form for a marathon four weeks away."""
    return {
        "race_date": (TODAY + timedelta(days=28)).isoformat(),
        "race_distance": "42195",
        "weekly": weekly,
        "days_per_week": days_per_week,
        "long_run_day": "6",
    }


def test_a_runner_short_of_the_base_gets_the_plan_and_one_tap_alternatives_in_miles(
    app: Flask, client, runner
) -> None:
    with app.app_context():
        db.session.get(User, runner.id).units = "mi"
        db.session.commit()
    fields = marathon_in_four_weeks(weekly="15", days_per_week="4")
    token = csrf_from(client.get("/plan/generate"))
    made = client.post("/plan/generate", data={"csrf_token": token, **fields})
    html = made.get_data(as_text=True)
    assert made.status_code == 200 and "Or choose, in one tap" in html
    [warning] = re.findall(r"[^<>]*Your longest run peaks at[^<>]*", html)
    assert re.search(r"\d mi\b", warning) and not re.search(r"\d km\b", warning), warning
    assert "A half marathon on that date" in html and "The marathon on " in html
    assert '<input type="hidden" name="race_distance" value="21097.5">' in html
    half = client.post("/plan/generate", data={"csrf_token": token, **fields, "race_distance": "21097.5"})
    assert half.status_code in (200, 302)
    with app.app_context():
        assert plans.plan_of(runner.id).race_distance_m == 21097.5


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"rest_days": ["6"]}, "long_run_day", "cannot also be a rest day"),
        (
            {"recent_race_distance": "10000", "recent_race_time": "12:00", "recent_race_date": "2026-01-01"},
            "recent_race_time",
            "world record",
        ),
        ({"recent_race_distance": "10000", "recent_race_time": "fast"}, "recent_race_time", "h:mm:ss"),
        ({"goal_time": "3:75:00"}, "goal_time", "h:mm:ss"),
    ],
)
def test_the_generate_form_says_what_is_wrong_beside_the_field(
    client, runner, changes: dict[str, object], field: str, message: str
) -> None:
    token = csrf_from(client.get("/plan/generate"))
    page = client.post("/plan/generate", data={"csrf_token": token, **marathon_in_four_weeks(), **changes})
    html = page.get_data(as_text=True)
    assert page.status_code == 200, html
    beside = re.search(rf'id="{field}".*?</div>', html, re.S) or re.search(
        rf'name="{field}".*?</div>', html, re.S
    )
    assert beside and message in beside.group(0), html[html.find(field) - 200 : html.find(field) + 800]


def test_making_a_new_plan_says_first_what_it_replaces(app: Flask, client, runner) -> None:
    for path in ("/plan/generate", "/plan/build", "/plan/import"):
        assert "This replaces" not in client.get(path).get_data(as_text=True), "nothing to replace yet"
    with app.app_context():
        csv = f"date,kind,distance_km,notes\n{TODAY.isoformat()},long,12,\n"
        plans.import_csv(runner.id, csv, "Spring 10K")
        row = db.session.query(PlannedSessionRow).filter_by(user_id=runner.id).one()
        row.edited = True
        db.session.commit()
    for path in ("/plan/generate", "/plan/build", "/plan/import"):
        html = client.get(path).get_data(as_text=True)
        assert "This replaces Spring 10K" in html and "including the 1 session you edited" in html, path


def test_the_plan_pages_show_each_sessions_title_pace_and_a_chart_of_the_whole_plan(client, runner) -> None:
    token = csrf_from(client.get("/plan/generate"))
    fields = {
        "race_date": (TODAY + timedelta(weeks=16)).isoformat(),
        "race_distance": "42195",
        "weekly": "40",
        "days_per_week": "5",
        "long_run_day": "6",
        "recent_race_distance": "10000",
        "recent_race_time": "50:00",
        "recent_race_date": (TODAY - timedelta(days=3)).isoformat(),
    }
    assert client.post("/plan/generate", data={"csrf_token": token, **fields}).status_code == 302
    whole = client.get("/plan/all").get_data(as_text=True)
    assert '<svg class="plan-chart"' in whole and whole.count('<rect class="bar') >= 16
    assert "VDOT 40" in whole and re.search(r"Easy</dt><dd>5:5\d–6:[34]\d /km", whole)
    assert re.search(r"Long run [\d.]+ km</strong> <span class=\"pace\">5:5\d–6:[34]\d /km", whole)
    assert "Threshold" in whole and '<ol class="steps">' in whole


def test_a_goal_time_from_the_form_stands_beside_the_prediction_and_paces_stay_from_fitness(
    app: Flask, client, runner
) -> None:
    race = {
        "recent_race_distance": "10000",
        "recent_race_time": "50:00",
        "recent_race_date": TODAY.isoformat(),
    }
    fields = {**marathon_in_four_weeks(), **race, "race_date": (TODAY + timedelta(weeks=16)).isoformat()}
    token = csrf_from(client.get("/plan/generate"))
    made = client.post("/plan/generate", data={"csrf_token": token, **fields, "goal_time": "3:15:00"})
    assert made.status_code == 302
    with app.app_context():
        plan = plans.plan_of(runner.id)
        assert plan.goal_duration_s == 3 * 3600 + 15 * 60 and 39.5 <= plan.vdot <= 40.5
    page = client.get("/plan/all").get_data(as_text=True)
    assert "3:15:00" in page and "current fitness" in page, page[:3000]
