"""Logging pages: quick entry, errors beside fields with nothing lost, edit and delete from history."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import PainEntry, Run, StrengthSession, User
from tests.builders import days_ago
from tests.watch_files import START, fit_file, gpx_file, tcx_file
from tests.web.helpers import csrf_from, form_post


def rows(app: Flask, model) -> list:
    with app.app_context():
        found = list(db.session.scalars(select(model)))
        for row in found:
            db.session.expunge(row)
        return found


def test_the_run_form_defaults_to_today_and_an_easy_run(client, runner) -> None:
    html = client.get("/log/run").get_data(as_text=True)
    assert re.search(r'id="date"[^>]*value="\d{4}-\d{2}-\d{2}"', html)
    assert '<option selected value="easy">' in html


def test_a_run_with_pain_logs_the_run_and_a_linked_pain_entry(app: Flask, client, runner) -> None:
    response = form_post(
        client,
        "/log/run",
        {
            "date": days_ago(0),
            "kind": "long",
            "distance": "21.1",
            "duration_min": "125",
            "duration_sec": "30",
            "rpe": "6",
            "terrain": "rolling",
            "pain_score": "3",
            "pain_location": "knee_outer",
            "pain_side": "left",
            "pain_settled": "yes",
        },
    )
    assert response.status_code == 302
    [run] = rows(app, Run)
    [pain] = rows(app, PainEntry)
    assert (run.kind, run.distance_m, run.duration_s, run.rpe) == ("long", 21100.0, 7530, 6)
    assert (pain.context, pain.score, pain.location, pain.side) == ("during_run", 3, "knee_outer", "left")
    assert pain.settled_within_60min is True
    assert pain.run_id == run.id


def test_miles_are_stored_as_metres(app: Flask, client, runner) -> None:
    with app.app_context():
        db.session.get(User, runner.id).units = "mi"
        db.session.commit()
    form_post(
        client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "5", "duration_min": "45"}
    )
    [run] = rows(app, Run)
    assert run.distance_m == pytest.approx(8046.7, abs=0.1)


def test_submitting_the_same_run_page_twice_makes_one_run(app: Flask, client, runner) -> None:
    html = client.get("/log/run")
    entry_id = re.search(r'name="id" type="hidden" value="([^"]+)"', html.get_data(as_text=True)).group(1)
    data = {
        "csrf_token": csrf_from(html),
        "id": entry_id,
        "date": days_ago(0),
        "kind": "easy",
        "distance": "8",
        "duration_min": "48",
    }
    client.post("/log/run", data=data)
    client.post("/log/run", data=data)
    assert len(rows(app, Run)) == 1


def test_a_bad_run_re_renders_with_messages_beside_fields_and_keeps_the_input(
    app: Flask, client, runner
) -> None:
    response = form_post(
        client,
        "/log/run",
        {
            "date": days_ago(0),
            "kind": "easy",
            "distance": "900",
            "duration_min": "30",
            "notes": "felt fine",
            "rpe": "4",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="distance-error"' in html
    assert 'value="900' in html
    assert "felt fine" in html
    assert re.search(r'checked[^>]*value="4"|value="4"[^>]*checked', html)
    assert rows(app, Run) == []


def test_a_future_date_is_refused_beside_the_date(app: Flask, client, runner) -> None:
    html = form_post(
        client,
        "/log/pain",
        {"date": "2099-01-01", "context": "morning", "location": "hip", "side": "left", "score": "2"},
    ).get_data(as_text=True)
    assert "cannot be in the future" in html
    assert rows(app, PainEntry) == []


def test_a_pain_check_in_records_flags_in_plain_words(app: Flask, client, runner) -> None:
    html = client.get("/log/pain").get_data(as_text=True)
    assert "Can&#39;t bear weight" in html or "Can't bear weight" in html
    form_post(
        client,
        "/log/pain",
        {
            "date": days_ago(0),
            "context": "morning",
            "location": "knee_front",
            "side": "right",
            "score": "4",
            "flags": ["swelling", "night_pain"],
        },
    )
    [pain] = rows(app, PainEntry)
    assert pain.flags == ["night_pain", "swelling"]


def test_a_strength_session_expands_sets_from_the_catalogue(app: Flask, client, runner) -> None:
    html = client.get("/log/strength").get_data(as_text=True)
    assert "Single-leg Romanian deadlift" in html
    form_post(
        client,
        "/log/strength",
        {
            "date": days_ago(0),
            "duration_min": "25",
            "rpe": "5",
            "pain_max": "1",
            "rows-0-exercise": "clamshells",
            "rows-0-sets": "3",
            "rows-0-amount": "15",
            "rows-0-side": "both",
            "rows-1-exercise": "lateral_band_walks",
            "rows-1-sets": "2",
            "rows-1-amount": "40",
            "rows-1-side": "both",
            "rows-2-exercise": "step_ups",
            "rows-2-sets": "1",
            "rows-2-amount": "10",
            "rows-2-load_kg": "8",
            "rows-2-side": "left",
        },
    )
    [session] = rows(app, StrengthSession)
    assert len(session.sets) == 6
    assert session.sets[3] == {"exercise": "lateral_band_walks", "steps": 40, "side": "both"}
    assert session.sets[5] == {"exercise": "step_ups", "reps": 10, "load_kg": 8.0, "side": "left"}


def test_a_run_is_edited_from_history_with_its_pain(app: Flask, client, runner) -> None:
    form_post(
        client,
        "/log/run",
        {
            "date": days_ago(0),
            "kind": "easy",
            "distance": "8",
            "duration_min": "48",
            "pain_score": "2",
            "pain_location": "knee_front",
        },
    )
    [run] = rows(app, Run)
    history = client.get("/history/").get_data(as_text=True)
    assert f"/log/run/{run.id}" in history
    page = client.get(f"/log/run/{run.id}")
    assert 'value="8.00"' in page.get_data(as_text=True)
    data = {
        "date": days_ago(0),
        "kind": "easy",
        "distance": "10",
        "duration_min": "60",
        "pain_score": "4",
        "pain_location": "knee_front",
        "version": "1",
    }
    html = page.get_data(as_text=True)
    data["pain_id"] = re.search(r'name="pain_id" type="hidden" value="([^"]+)"', html).group(1)
    data["pain_version"] = "1"
    data["csrf_token"] = csrf_from(page)
    assert client.post(f"/log/run/{run.id}", data=data).status_code == 302
    [run] = rows(app, Run)
    [pain] = rows(app, PainEntry)
    assert (run.distance_m, run.version, pain.score, pain.version) == (10000.0, 2, 4, 2)


def test_an_edit_of_a_stale_version_says_so_and_changes_nothing(app: Flask, client, runner) -> None:
    form_post(
        client,
        "/log/pain",
        {"date": days_ago(0), "context": "morning", "location": "hip", "side": "left", "score": "2"},
    )
    [pain] = rows(app, PainEntry)
    page = client.get(f"/log/pain/{pain.id}")
    html = client.post(
        f"/log/pain/{pain.id}",
        data={
            "csrf_token": csrf_from(page),
            "version": "7",
            "date": days_ago(0),
            "context": "morning",
            "location": "hip",
            "side": "left",
            "score": "5",
        },
    ).get_data(as_text=True)
    assert "changed somewhere else" in html
    assert rows(app, PainEntry)[0].score == 2


def test_delete_asks_for_confirmation_then_leaves_a_tombstone(app: Flask, client, runner) -> None:
    form_post(client, "/log/cross-training", {"date": days_ago(0), "kind": "swimming", "duration_min": "30"})
    from runner_app.models import CrossTraining

    [entry] = rows(app, CrossTraining)
    url = f"/history/cross-training/{entry.id}/delete"
    assert "Delete this cross-training?" in client.get(url).get_data(as_text=True)
    unconfirmed = client.post(url, data={"csrf_token": csrf_from(client.get(url))})
    assert unconfirmed.status_code == 200
    assert rows(app, CrossTraining)[0].deleted is False
    client.post(url, data={"csrf_token": csrf_from(client.get(url)), "confirm": "y"})
    assert rows(app, CrossTraining)[0].deleted is True
    assert "swimming" not in client.get("/history/").get_data(as_text=True).lower()


def test_history_groups_by_week_newest_first(client, runner) -> None:
    for n in (0, 8):
        form_post(
            client, "/log/run", {"date": days_ago(n), "kind": "easy", "distance": "5", "duration_min": "30"}
        )
    html = client.get("/history/").get_data(as_text=True)
    weeks = re.findall(r'<h2 id="w(\d{4}-\d{2}-\d{2})">', html)
    assert weeks == sorted(weeks, reverse=True)
    assert html.count("Easy run") == 2


def test_each_red_flag_says_at_once_what_it_means_without_a_server(client, runner) -> None:
    from runner_app.web.log.forms import FLAG_ADVICE, FLAGS

    html = client.get("/log/pain").get_data(as_text=True)
    for flag, _ in FLAGS:
        advice = FLAG_ADVICE[flag].replace("&", "&amp;").replace("'", "&#39;")
        note = rf'value="{flag}"[^>]*> [^<]+</label><p class="flag-advice" role="note">{re.escape(advice)}'
        assert re.search(note, html), flag
    assert "Stop: seek same-day care" in FLAG_ADVICE["giving_way"] and "(rule F1)" in FLAG_ADVICE["locking"]


def test_a_new_pain_form_preselects_no_place_and_the_run_form_starts_at_the_runners_own(client, runner):
    blank = '<option selected value="">Where does it hurt?</option>'
    assert blank in client.get("/log/pain").get_data(as_text=True)
    form_post(
        client,
        "/log/pain",
        {"date": days_ago(1), "context": "morning", "location": "knee_outer", "side": "left", "score": "2"},
    )
    pain = client.get("/log/pain").get_data(as_text=True)
    assert '<option selected value="knee_outer">' not in pain
    run = client.get("/log/run").get_data(as_text=True)
    assert '<option selected value="knee_outer">' in run and '<option selected value="left">' in run


def test_a_pain_entry_without_a_place_is_refused_beside_the_field(app: Flask, client, runner) -> None:
    response = form_post(client, "/log/pain", {"date": days_ago(0), "context": "morning", "score": "3"})
    assert "Say where it hurts" in response.get_data(as_text=True)
    assert rows(app, PainEntry) == []


def test_no_pain_scores_0_only_where_the_runner_already_tracks_pain(app: Flask, client, runner) -> None:
    page = client.get("/log/pain")
    token = csrf_from(page)
    answer = client.post("/log/pain/none", data={"csrf_token": token, "date": days_ago(0)})
    assert answer.status_code == 302 and answer.headers["Location"] == "/today"
    assert rows(app, PainEntry) == [], "no place named yet: no pain entry at all"
    assert re.search(r'class="task done" id="task-checkin"', client.get("/today").get_data(as_text=True))
    for location, side in (("achilles", "left"), ("hip", "right")):
        form_post(
            client,
            "/log/pain",
            {"date": days_ago(3), "context": "morning", "location": location, "side": side, "score": "2"},
        )
    client.post("/log/pain/none", data={"csrf_token": token, "date": days_ago(0)})
    today = sorted((p.location, p.side, p.score, p.context) for p in rows(app, PainEntry) if p.score == 0)
    assert today == [("achilles", "left", 0, "morning"), ("hip", "right", 0, "morning")]


def test_no_pain_without_csrf_is_refused(client, runner) -> None:
    assert client.post("/log/pain/none", data={"date": days_ago(0)}).status_code == 400


def test_the_swelling_question_gives_no_twist_or_fall_advice() -> None:
    from runner_app.web.log.forms import FLAG_ADVICE

    assert "twist" not in FLAG_ADVICE["swelling"] and "fall" not in FLAG_ADVICE["swelling"]
    assert "F3" in FLAG_ADVICE["swelling"]


def upload(client, data: bytes, name: str = "morning.fit", **fields: str):
    token = csrf_from(client.get("/log/import"))
    form = {"csrf_token": token, "kind": "easy", "terrain": "flat", **fields}
    form["file"] = (io.BytesIO(data), name)
    return client.post("/log/import", data=form, content_type="multipart/form-data")


def test_a_watch_file_is_imported_once_and_opens_the_run_to_add_how_it_felt(
    app: Flask, client, runner
) -> None:
    assert 'href="/log/import"' in client.get("/history/").get_data(as_text=True)
    first = upload(client, fit_file(2950.4, 10020.0), kind="long")
    [run] = rows(app, Run)
    assert first.status_code == 302 and first.headers["Location"] == f"/log/run/{run.id}"
    imported = (run.date.isoformat(), run.kind, run.distance_m, run.duration_s)
    assert imported == ("2026-11-29", "long", 10020.0, 2950)
    page = client.get(first.headers["Location"]).get_data(as_text=True)
    assert "Run imported: 10.0 km in 49:10 on Sun 29 Nov. Add how it felt." in page
    assert "Pain during the run" in page, "the run's own page, to add the pain felt on it"

    again = upload(client, fit_file(2950.4, 10020.0), name="renamed.fit", kind="long")
    assert again.headers["Location"] == f"/log/run/{run.id}" and len(rows(app, Run)) == 1
    said = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "You imported this file before: 10.0 km" in said


def test_a_file_that_is_not_a_run_is_refused_beside_the_field(app: Flask, client, runner) -> None:
    response = upload(client, b"<kml></kml>", name="route.kml", kind="tempo")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'<p class="error" id="file-error">This file is not a GPX, TCX or FIT file.</p>', html)
    assert '<option selected value="tempo">' in html, "the choices made are kept"
    missing = client.post("/log/import", data={"csrf_token": csrf_from(client.get("/log/import"))})
    assert "Choose a GPX, TCX or FIT file." in missing.get_data(as_text=True)
    assert rows(app, Run) == []


def test_several_files_import_together_and_a_refused_one_is_named(app: Flask, client, runner) -> None:
    token = csrf_from(client.get("/log/import"))
    files = [
        (io.BytesIO(fit_file(1800, 6000.0)), "sunday.fit"),
        (io.BytesIO(tcx_file([(2400, 8000.0)], start=START + timedelta(days=1))), "monday.tcx"),
        (io.BytesIO(b"<kml></kml>"), "route.kml"),
    ]
    fields = {"csrf_token": token, "kind": "easy", "terrain": "flat", "file": files}
    html = client.post("/log/import", data=fields, content_type="multipart/form-data").get_data(as_text=True)
    assert "route.kml: This file is not a GPX, TCX or FIT file." in html
    assert "Run imported: 6.0 km in 30:00 on Sun 29 Nov." in html
    assert "Run imported: 8.0 km in 40:00 on Mon 30 Nov." in html
    assert sorted(r.distance_m for r in rows(app, Run)) == [6000.0, 8000.0]

    again = [(io.BytesIO(fit_file(1800, 6000.0)), "sunday.fit"), (io.BytesIO(gpx_file(km=5.0)), "w.gpx")]
    fields = {"csrf_token": token, "kind": "easy", "terrain": "flat", "file": again}
    answer = client.post("/log/import", data=fields, content_type="multipart/form-data")
    assert answer.status_code == 302 and answer.headers["Location"] == "/history/"
    history = client.get("/history/").get_data(as_text=True)
    assert "You imported this file before: 6.0 km" in history and "Run imported: 5.0" in history
    assert len(rows(app, Run)) == 3
