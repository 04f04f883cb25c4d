"""Input an attacker or a clumsy client sends: NUL characters, watch files with impossible times or too large,
dates at the ends of the calendar. Each is a 4xx problem, never a 500, and nothing is stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from flask import Flask

from runner_app.extensions import db
from runner_app.models import Run
from tests.builders import Api, new_id, run_body
from tests.integration.test_plan_api import MONDAY, template_plan
from tests.watch_files import tcx_file

NUL = "\u0000"


def run_count(app: Flask) -> int:
    with app.app_context():
        return db.session.query(Run).count()


def test_a_nul_character_in_run_notes_is_a_422_naming_the_field_and_stores_nothing(
    app: Flask, api: Api
) -> None:
    response = api.put(f"/api/v1/runs/{new_id()}", run_body(notes=f"easy{NUL}run"))
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert "notes" in response.get_json()["errors"]
    assert run_count(app) == 0


def test_a_nul_character_in_a_shoe_name_or_a_planned_sessions_notes_is_a_422(api: Api) -> None:
    shoe = api.put(f"/api/v1/shoes/{new_id()}", {"date": MONDAY.isoformat(), "name": f"Blue{NUL}"})
    assert shoe.status_code == 422
    assert "name" in shoe.get_json()["errors"]
    api.put("/api/v1/plan", template_plan())
    first = api.get(f"/api/v1/plan/sessions?from={MONDAY}&to={MONDAY}").get_json()["items"][0]
    edit = api.put(
        f"/api/v1/plan/sessions/{first['id']}", {"date": first["date"], "kind": "easy", "notes": f"a{NUL}b"}
    )
    assert edit.status_code == 422
    assert "notes" in edit.get_json()["errors"]


def test_a_nul_character_in_one_sync_op_refuses_that_op_alone(app: Flask, api: Api) -> None:
    good, bad = new_id(), new_id()
    response = api.post(
        "/api/v1/sync",
        {
            "ops": [
                {"method": "PUT", "path": f"/runs/{bad}", "body": run_body(notes=NUL)},
                {"method": "PUT", "path": f"/runs/{good}", "body": run_body()},
            ]
        },
    )
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["status"] for r in results] == [422, 201]
    assert "notes" in results[0]["body"]["errors"]
    assert api.get(f"/api/v1/runs/{good}").status_code == 200
    assert api.get(f"/api/v1/runs/{bad}").status_code == 404


def test_a_nul_character_in_a_query_parameter_is_a_422(api: Api) -> None:
    response = api.get(f"/api/v1/runs?cursor=a{NUL}b")
    assert response.status_code == 422
    assert "cursor" in response.get_json()["errors"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32-le"])
def test_a_nul_character_is_found_in_a_json_body_however_it_is_encoded(
    app: Flask, api: Api, encoding: str
) -> None:
    """JSON may come in UTF-16 or UTF-32 (the decoder detects it): the quick scan of the raw bytes must not
    wave those through."""
    body = json.dumps(run_body(notes=f"easy{NUL}run")).encode(encoding)
    response = api.client.put(
        f"/api/v1/runs/{new_id()}",
        data=body,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert "notes" in response.get_json()["errors"]
    assert run_count(app) == 0


def test_notes_that_spell_a_nul_escape_in_words_are_kept(app: Flask, api: Api) -> None:
    """A backslash then "u0000" typed in the notes is text, not a NUL: stored as typed."""
    notes = "the file said \\u0000 and %00"
    response = api.put(f"/api/v1/runs/{new_id()}", run_body(notes=notes))
    assert response.status_code == 201
    assert response.get_json()["notes"] == notes


def test_a_percent_encoded_nul_in_a_query_parameter_is_a_422(api: Api) -> None:
    response = api.get("/api/v1/runs?cursor=a%00b")
    assert response.status_code == 422
    assert "cursor" in response.get_json()["errors"]


def post_file(api: Api, data: bytes) -> tuple[int, dict]:
    response = api.client.post(
        "/api/v1/runs/import",
        data=data,
        headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/octet-stream"},
    )
    return response.status_code, response.get_json()


def test_a_watch_file_whose_start_overflows_in_utc_is_a_422(app: Flask, api: Api) -> None:
    data = tcx_file([(1800, 5000)], start=datetime(2026, 1, 1, tzinfo=UTC))
    data = data.replace(b"2026-01-01T00:00:00Z", b"9999-12-31T23:00:00-01:00")
    status, body = post_file(api, data)
    assert status == 422
    assert "file" in body["errors"]
    assert run_count(app) == 0


def test_a_watch_file_over_the_size_cap_is_refused_unread(app: Flask, api: Api) -> None:
    from runner_app.services.run_import import MAX_FILE_BYTES

    status, body = post_file(api, b"<gpx>" + b" " * MAX_FILE_BYTES + b"</gpx>")
    assert status == 413
    assert body["status"] == 413
    assert run_count(app) == 0


def test_a_watch_file_that_takes_too_long_to_read_is_a_422(app: Flask, api: Api, monkeypatch) -> None:
    from runner_app.services import watch_files
    from tests.watch_files import gpx_file

    monkeypatch.setattr(watch_files, "PARSE_SECONDS", 0.001)
    status, body = post_file(api, gpx_file(km=40, every_s=1))
    assert status == 422
    assert "too long" in body["errors"]["file"][0]
    assert run_count(app) == 0


def test_plan_sessions_from_the_end_of_the_calendar_is_a_422(api: Api) -> None:
    for query in ("from=9999-12-31", "from=0001-01-01", "to=9999-12-31"):
        response = api.get(f"/api/v1/plan/sessions?{query}")
        assert response.status_code == 422, query
        assert response.mimetype == "application/problem+json"
