"""Today and the coach pages: the state in words, alerts first, tasks checked off in one tap."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask

from runner_app.coach.model import Assessment, Rung
from runner_app.extensions import db
from runner_app.models import Clearance, User
from runner_app.web.today.routes import GREEN_WITH_STEPS, STATE_WORDS, headline
from tests.builders import new_id
from tests.web.helpers import csrf_from, form_post

TODAY = date.today().isoformat()  # noqa: DTZ011


def test_today_starts_with_the_check_in_task_and_a_plan_prompt(client, runner) -> None:
    html = client.get("/today").get_data(as_text=True)
    assert "No check-in yet" in html, "before the first morning check-in the coach has nothing to call green"
    assert "Green" not in html
    assert html.index('id="task-checkin"') < html.index("Logged today")
    assert "No plan yet" in html
    for page in ("/plan/generate", "/plan/build", "/plan/import"):
        assert f'href="{page}"' in html


def test_after_a_morning_check_in_a_good_day_reads_green(client, runner) -> None:
    form_post(
        client,
        "/log/pain",
        {"date": TODAY, "context": "morning", "location": "knee_front", "side": "left", "score": "0"},
    )
    html = client.get("/today").get_data(as_text=True)
    assert "Green: good to run today" in html, "no plan: nothing to train as planned"
    assert "No check-in yet" not in html


def test_the_run_card_comes_first_and_done_as_planned_logs_the_planned_run(
    app: Flask, client, runner
) -> None:
    from runner_app.models import Run
    from runner_app.services import plans

    with app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{TODAY},long,12,\n")
        session_id = plans.sessions_between(runner.id, date.today(), date.today())[0].id  # noqa: DTZ011
    page = client.get("/today")
    html = page.get_data(as_text=True)
    assert html.index('id="task-run"') < html.index('id="state-h"') < html.index('id="task-checkin"')
    assert "Done as planned" in html and "Log differently" in html
    form = re.search(
        r'<form method="post" action="/log/run" class="entry-form done-plan".*?</form>', html, re.S
    )
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form.group(0)))
    assert fields["distance"] == "12.00" and fields["kind"] == "long"
    assert fields["planned_session_id"] == session_id
    assert fields["duration"] == "1:18:00", "12 km at an easy 6:30/km: no pace planned"
    fields["csrf_token"] = csrf_from(page)
    answer = client.post("/log/run", data=fields)
    assert answer.status_code == 302 and "/log/pain?context=after_run" in answer.headers["Location"]
    with app.app_context():
        runs = db.session.scalars(db.select(Run).where(Run.user_id == runner.id)).all()
    assert [(r.distance_m, r.duration_s, str(r.planned_session_id)) for r in runs] == [
        (12000, 4680, session_id)
    ]
    html = client.get("/today").get_data(as_text=True)
    assert re.search(r'class="task done" id="task-run"', html), "the logged run stays on Today, ticked"
    assert "✓ Logged: 12.0 km in 1:18:00" in html
    assert "Done as planned" not in html


def test_a_red_flag_puts_an_unmissable_alert_above_everything(client, runner) -> None:
    form_post(
        client,
        "/log/pain",
        {
            "date": TODAY,
            "context": "morning",
            "location": "knee_front",
            "side": "left",
            "score": "5",
            "flags": ["cannot_weight_bear"],
        },
    )
    html = client.get("/today").get_data(as_text=True)
    assert "Stop: see a clinician today" in html
    assert html.index("Seek same-day care") < html.index('id="state-h"')
    assert 'id="task-run"' not in html


def test_a_task_is_checked_off_with_one_tap_and_can_be_undone(client, runner) -> None:
    page = client.get("/today")
    token = csrf_from(page)
    client.post("/today/tasks/checkin", data={"csrf_token": token, "date": TODAY, "done": "1"})
    html = client.get("/today").get_data(as_text=True)
    assert re.search(r'class="task done" id="task-checkin"', html)
    client.post("/today/tasks/checkin", data={"csrf_token": token, "date": TODAY, "done": "0"})
    assert 'class="task done" id="task-checkin"' not in client.get("/today").get_data(as_text=True)


def test_a_task_check_without_csrf_is_refused(client, runner) -> None:
    assert client.post("/today/tasks/checkin", data={"date": TODAY, "done": "1"}).status_code == 400


def test_the_coach_page_shows_eight_weeks_of_pain_against_steps(client, runner) -> None:
    for n in range(10):
        day = (date.today() - timedelta(days=n)).isoformat()  # noqa: DTZ011
        form_post(
            client,
            "/log/pain",
            {"date": day, "context": "morning", "location": "knee_front", "side": "left", "score": "2"},
        )
    html = client.get("/coach/").get_data(as_text=True)
    assert html.count('<tr class="wk-') == 8
    assert ">2.0<" in html, html[html.index("<tbody>") : html.index("</tbody>")]
    chart = html[html.index('<figure class="chart') : html.index("</figure>")]
    assert chart.count('<rect class="bar"') == 8, "the chart draws the same eight weeks"
    assert "mean morning pain from 2.0 to 2.0." in chart
    days = [date.today() - timedelta(days=n) for n in range(10)]  # noqa: DTZ011
    weeks = {d - timedelta(days=d.weekday()) for d in days}
    assert chart.count('<circle class="morning"') == len(weeks), "a point per week with check-ins"


def test_a_clearance_is_recorded_from_its_page(app: Flask, client, runner) -> None:
    form_post(
        client, "/coach/clearance", {"date": TODAY, "by": "physio", "notes": "fine to jog", "id": new_id()}
    )
    with app.app_context():
        [row] = db.session.query(Clearance).all()
        assert (row.by, row.notes) == ("physio", "fine to jog")


def test_a_green_day_while_a_step_still_holds_does_not_say_train_as_planned() -> None:
    step = Rung("C1", "intensity", date(2026, 11, 1), date(2026, 11, 8), "W1", "pain rose")
    assert headline(Assessment(date(2026, 11, 2), "green", None, rungs=(step,))) == GREEN_WITH_STEPS
    assert headline(Assessment(date(2026, 11, 2), "green", None)) == STATE_WORDS["green"]
    assert headline(Assessment(date(2026, 11, 2), "amber", None, rungs=(step,))) == STATE_WORDS["amber"]


def test_a_refused_planned_run_can_be_run_anyway_from_today_and_taken_back(app: Flask, client, runner, users):
    """S2: a planned run > 2.0 x the longest of the last 30 days is refused unless the runner overrides."""
    from runner_app.services import entries, plans

    today = date.today()  # noqa: DTZ011
    with app.app_context():
        for n, km in ((9, 10), (4, 8)):
            body = {
                "date": (today - timedelta(days=n)).isoformat(),
                "kind": "easy",
                "distance_m": km * 1000,
                "duration_s": km * 330,
            }
            entries.put_entry(runner.id, "runs", new_id(), body, None)
        checkin = {"date": TODAY, "context": "morning", "location": "knee_front", "side": "left", "score": 0}
        entries.put_entry(runner.id, "pain", new_id(), checkin, None)
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{TODAY},long,22,\n")
    page = client.get("/today")
    html = page.get_data(as_text=True)
    assert "Big jump in distance" in html
    assert "Green: train, minding the warning above" in html
    assert "Run the planned 22.0 km anyway" in html
    plan_page = client.get("/plan/").get_data(as_text=True)
    assert re.search(r"<s class=\"original\">long 22\.0 km</s>\s*<strong>long 11\.0 km</strong>", plan_page)
    action = re.search(r'action="(/today/runs/[^"]+/override)"', html).group(1)
    assert client.post(action, data={"override": "1"}).status_code == 400, "CSRF"
    token = csrf_from(page)
    assert client.post(action, data={"csrf_token": token, "override": "1"}).status_code == 302
    html = client.get("/today").get_data(as_text=True)
    assert "You chose to run the planned distance anyway" in html
    assert "Take the coach's shorter distance instead" in html
    client.post(action, data={"csrf_token": token, "override": "0"})
    assert "Run the planned 22.0 km anyway" in client.get("/today").get_data(as_text=True)

    other = users.create()
    with app.app_context():
        plans.import_csv(other.id, f"date,kind,distance_km,notes\n{TODAY},long,22,\n")
        theirs = plans.sessions_between(other.id, today, today)[0].id
    response = client.post(f"/today/runs/{theirs}/override", data={"csrf_token": token, "override": "1"})
    assert response.status_code == 404, "someone else's session"


def test_log_the_run_opens_the_form_as_the_planned_session(app: Flask, client, runner) -> None:
    from runner_app.services import plans

    with app.app_context():
        plans.import_csv(runner.id, f"date,kind,distance_km,notes\n{TODAY},long,12,\n")
        session_id = plans.sessions_between(runner.id, date.today(), date.today())[0].id  # noqa: DTZ011
    html = client.get("/today").get_data(as_text=True)
    link = re.search(r'<a class="button" href="(/log/run[^"]*)">Log differently</a>', html).group(1)
    assert link.startswith("/log/run?")
    assert f"planned_session_id={session_id}" in link and "kind=long" in link
    form = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert 'value="12.00"' in form and 'value="1:18:00"' in form, "the planned run filled in, to correct"
    assert '<option selected value="long">' in form
    assert f'name="planned_session_id" type="hidden" value="{session_id}"' in form


def test_a_runner_in_miles_reads_the_coachs_distances_in_miles(app: Flask, client, runner) -> None:
    with app.app_context():
        db.session.get(User, runner.id).units = "mi"
        db.session.commit()
    twelve_days_ago = (date.today() - timedelta(days=12)).isoformat()  # noqa: DTZ011
    for day, miles in ((twelve_days_ago, "5"), (TODAY, "10.5")):  # 2.1 x: rule S2 speaks on Today
        form_post(client, "/log/run", {"date": day, "kind": "easy", "distance": miles, "duration_min": "90"})
    html = client.get("/today").get_data(as_text=True)
    alert = re.search(r'<div class="alert alert-spike_run".*?</div>', html, re.S)
    assert alert, "the S2 alert is on Today"
    assert "10.5 mi" in alert.group(0) and "(5.0 mi)" in alert.group(0)
    assert not re.search(r"\d km\b", html), "no distance is left in km"
