"""The physio report: weekly numbers against a scenario with known totals, the secret links (made, listed,
revoked, expired, another runner's), the PDF, and bad input."""

from __future__ import annotations

import io
from datetime import date, timedelta
from urllib.parse import urlsplit

from flask import Flask
from pypdf import PdfReader

from runner_app.extensions import db
from runner_app.models import ReportLink
from tests.builders import Api, UserFactory, new_id, pain_body, run_body, strength_body

TODAY = date.today()  # noqa: DTZ011
WEEK = TODAY - timedelta(days=TODAY.weekday()) - timedelta(weeks=3)  # the Monday three weeks ago
BEFORE = WEEK - timedelta(weeks=1)


def day(monday: date, n: int) -> str:
    return (monday + timedelta(days=n)).isoformat()


def log_scenario(api: Api) -> None:
    """The week of WEEK: 8 + 10 + 20 km (one tempo, one long), morning knee pain 2, 4, 3, pain 5 on the tempo,
    one strength session with more clamshells than the week before, 40 min cycling."""
    easy, tempo, long_ = new_id(), new_id(), new_id()
    api.put(f"/api/v1/runs/{easy}", run_body(date=day(WEEK, 0), distance_m=8000, duration_s=2880))
    api.put(
        f"/api/v1/runs/{tempo}",
        run_body(date=day(WEEK, 2), kind="tempo", distance_m=10000, duration_s=3000, terrain="hilly"),
    )
    api.put(
        f"/api/v1/runs/{long_}", run_body(date=day(WEEK, 6), kind="long", distance_m=20000, duration_s=7200)
    )
    for n, score in ((0, 2), (2, 4), (4, 3)):
        api.put(f"/api/v1/pain/{new_id()}", pain_body(date=day(WEEK, n), score=score))
    api.put(
        f"/api/v1/pain/{new_id()}",
        pain_body(date=day(WEEK, 2), context="during_run", score=5, run_id=tempo),
    )
    api.put(f"/api/v1/strength/{new_id()}", strength_body(date=day(BEFORE, 1)))
    more = [{"exercise": "clamshells", "reps": 20, "side": "both"}, {"exercise": "hip_bridges", "reps": 12}]
    api.put(f"/api/v1/strength/{new_id()}", strength_body(date=day(WEEK, 1), sets=more))
    api.put(
        f"/api/v1/cross-training/{new_id()}",
        {"date": day(WEEK, 3), "kind": "cycling", "duration_s": 2400, "rpe": 4},
    )


def the_week(document: dict, monday: date) -> dict:
    return next(w for w in document["weeks"] if w["week_start"] == monday.isoformat())


def test_the_weekly_numbers_add_up_to_what_was_logged(api: Api) -> None:
    log_scenario(api)
    response = api.get(f"/api/v1/report?from={BEFORE.isoformat()}&to={day(WEEK, 6)}")
    assert response.status_code == 200
    document = response.get_json()
    assert [w["week_start"] for w in document["weeks"]] == [BEFORE.isoformat(), WEEK.isoformat()]
    week = the_week(document, WEEK)
    assert week["distance_m"] == 38000
    assert week["runs"] == 3 and week["long_run_m"] == 20000 and week["hard_sessions"] == 2
    assert week["time_on_feet_s"] == 2880 + 3000 + 7200
    assert week["cross_training_min"] == 40
    assert week["strength"] == {"done": 1, "prescribed": 2, "progressed": ["clamshells"]}
    assert week["mean_morning_pain"] == 3.0 and week["max_run_pain"] == 5
    [knee] = week["pain"]
    assert (knee["location"], knee["side"]) == ("knee_front", "right")
    assert (knee["morning_mean"], knee["morning_max"], knee["run_max"]) == (3.0, 4, 5)
    assert sum(week["states"].values()) == 7
    assert the_week(document, BEFORE)["strength"]["done"] == 1
    assert the_week(document, BEFORE)["strength"]["progressed"] == []
    hilly = next(row for row in document["pain_by_terrain"] if row["name"] == "hilly")
    assert (hilly["runs"], hilly["max_run_pain"]) == (1, 5)
    assert document["profile"] is None
    assert "not medical advice" in document["disclaimer"]


def test_the_report_defaults_to_eight_iso_weeks_up_to_today(api: Api) -> None:
    document = api.get("/api/v1/report").get_json()
    assert document["to"] == TODAY.isoformat()
    assert document["from"] == (TODAY - timedelta(days=TODAY.weekday(), weeks=7)).isoformat()
    assert len(document["weeks"]) == 8


def test_bad_ranges_are_named_in_a_422(api: Api) -> None:
    backwards = api.get(f"/api/v1/report?from={TODAY.isoformat()}&to={day(WEEK, 0)}")
    assert backwards.status_code == 422 and "from" in backwards.get_json()["errors"]
    too_long = api.get(f"/api/v1/report?from={(TODAY - timedelta(days=800)).isoformat()}")
    assert too_long.status_code == 422 and "from" in too_long.get_json()["errors"]
    not_a_date = api.get("/api/v1/report?to=yesterday")
    assert not_a_date.status_code == 422 and "to" in not_a_date.get_json()["errors"]


def test_a_link_needs_an_expiry_in_the_next_90_days(api: Api) -> None:
    past = api.post("/api/v1/report/links", {"expires_on": (TODAY - timedelta(days=1)).isoformat()})
    assert past.status_code == 422 and "expires_on" in past.get_json()["errors"]
    missing = api.post("/api/v1/report/links", {"from": day(WEEK, 0)})
    assert missing.status_code == 422 and "expires_on" in missing.get_json()["errors"]
    far = api.post("/api/v1/report/links", {"expires_on": (TODAY + timedelta(days=91)).isoformat()})
    assert far.status_code == 422 and "expires_on" in far.get_json()["errors"]
    both = api.post("/api/v1/report/links", {"from": "soon", "expires_on": "never"})
    assert set(both.get_json()["errors"]) == {"from", "expires_on"}
    ancient = {"from": "0001-01-01", "to": "0001-01-09", "expires_on": day(TODAY, 3)}
    assert set(api.post("/api/v1/report/links", ancient).get_json()["errors"]) == {"from", "to"}


def make_link(api: Api, **body: str) -> dict:
    body = {"from": BEFORE.isoformat(), "to": day(WEEK, 6), "expires_on": day(TODAY, 30), **body}
    response = api.post("/api/v1/report/links", body)
    assert response.status_code == 201
    return response.get_json()


def test_a_shared_link_opens_the_report_without_sign_in_and_without_the_app(app: Flask, api: Api) -> None:
    log_scenario(api)
    link = make_link(api)
    path = urlsplit(link["url"]).path
    page = app.test_client().get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "noindex" in page.headers["X-Robots-Tag"] and '<meta name="robots" content="noindex' in html
    assert api.user.email not in html
    assert 'class="tabs"' not in html and "/settings" not in html and "/history" not in html
    assert "38.0 km" in html  # the scenario's week
    for entry_id in ("/runs/", "/pain/", "/strength/"):
        assert entry_id not in html
    listed = api.get("/api/v1/report/links").get_json()["items"]
    assert [item["id"] for item in listed] == [link["id"]] and listed[0]["active"] is True
    assert "url" not in listed[0]


def test_the_shared_pdf_parses_and_holds_the_week_rows(app: Flask, api: Api) -> None:
    log_scenario(api)
    path = urlsplit(make_link(api)["url"]).path + ".pdf"
    response = app.test_client().get(path)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Week by week" in text
    assert f"{WEEK:%-d %b %Y}" in text and f"{BEFORE:%-d %b %Y}" in text
    assert "38.0" in text and "1/2" in text
    assert api.user.email not in text


def test_a_revoked_an_expired_a_guessed_or_another_runners_link_is_a_plain_404(
    app: Flask, api: Api, users: UserFactory
) -> None:
    revoked = make_link(api)
    assert api.delete(f"/api/v1/report/links/{revoked['id']}").status_code == 204
    expired = make_link(api)
    with app.app_context():
        db.session.get(ReportLink, expired["id"]).expires_on = TODAY - timedelta(days=1)
        db.session.commit()
    other = Api.for_new_user(app, users)
    assert other.delete(f"/api/v1/report/links/{make_link(api)['id']}").status_code == 404
    anonymous = app.test_client()
    for link in (revoked, expired):
        path = urlsplit(link["url"]).path
        assert anonymous.get(path).status_code == 404
        assert anonymous.get(path + ".pdf").status_code == 404
    assert anonymous.get("/report/rep_" + "A" * 43).status_code == 404
    assert anonymous.get("/report/guess.pdf").status_code == 404
    assert other.get("/api/v1/report/links").get_json()["items"] == []


def test_a_shared_link_shows_only_its_owners_report(app: Flask, api: Api, users: UserFactory) -> None:
    log_scenario(api)
    other = Api.for_new_user(app, users)
    other.put(f"/api/v1/runs/{new_id()}", run_body(date=day(WEEK, 1), distance_m=12345, duration_s=4000))
    path = urlsplit(make_link(other)["url"]).path
    html = app.test_client().get(path).get_data(as_text=True)
    assert "12.3 km" in html and "38.0 km" not in html
    assert other.user.email not in html and api.user.email not in html


def test_a_shared_link_is_built_from_the_public_url_not_the_host_header(app: Flask, api: Api) -> None:
    app.config["PUBLIC_URL"] = "https://runs.example.org"
    response = api.post(
        "/api/v1/report/links",
        {"from": BEFORE.isoformat(), "to": day(WEEK, 6), "expires_on": day(TODAY, 30)},
        headers={"Host": "evil.example.com"},
    )
    assert response.get_json()["url"].startswith("https://runs.example.org/report/")


def test_the_report_says_where_the_runner_said_they_were(app: Flask, api: Api) -> None:
    log_scenario(api)
    said = {
        "runs_per_week": 4,
        "weekly_distance_m": 40_000.0,
        "longest_run_m": 14_000.0,
        "usual_morning_pain": 1,
    }
    assert api.put("/api/v1/profile", said).status_code == 201
    document = api.get(f"/api/v1/report?from={BEFORE.isoformat()}&to={day(WEEK, 6)}").get_json()
    assert document["profile"]["weekly_distance_m"] == 40_000.0 and "units" not in document["profile"]
    html = app.test_client().get(urlsplit(make_link(api)["url"]).path).get_data(as_text=True)
    assert "4 runs a week, 40.0 km a week, longest run 14.0 km, usual morning pain 1/10" in html
    pdf = app.test_client().get(urlsplit(make_link(api)["url"]).path + ".pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "4 runs a week" in text


def test_revoking_an_id_no_link_could_have_is_a_404_not_a_500(api: Api) -> None:
    for link_id in (0, 2**31, 10**30):
        assert api.delete(f"/api/v1/report/links/{link_id}").status_code == 404
