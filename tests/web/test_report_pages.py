"""The report's pages for the signed-in runner: the printable report, its PDF, and the links in Settings."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from flask import Flask
from pypdf import PdfReader

from runner_app.models import User
from runner_app.services import entries
from runner_app.services.today import local_today
from tests.builders import new_id, pain_body, run_body
from tests.web.helpers import form_post

TODAY = date.today()  # noqa: DTZ011


def test_the_report_page_shows_the_weeks_and_links_to_its_pdf(app: Flask, client, runner: User) -> None:
    with app.app_context():
        entries.put_entry(runner.id, "runs", new_id(), run_body(distance_m=9000), None)
    html = client.get("/report/").get_data(as_text=True)
    assert "Training and pain report" in html and "Week by week" in html
    assert "9.0 km" in html
    assert "not medical advice" in html
    pdf_url = re.search(r'href="(/report/pdf\?[^"]+)"[^>]*download', html)
    assert pdf_url, "a Download PDF button"
    response = client.get(pdf_url.group(1).replace("&amp;", "&"))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "Week by week" in PdfReader(io.BytesIO(response.data)).pages[0].extract_text()


def test_a_backwards_range_on_the_page_is_said_beside_the_field(client, runner: User) -> None:
    response = client.get(f"/report/?from={TODAY.isoformat()}&to={(TODAY - timedelta(days=9)).isoformat()}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="rep-from-err"' in html and "must not be after" in html


def test_history_and_settings_lead_to_the_report(client, runner: User) -> None:
    assert 'href="/report/"' in client.get("/history/").get_data(as_text=True)
    assert 'href="/report/links"' in client.get("/settings/").get_data(as_text=True)


def test_settings_makes_lists_and_revokes_a_link(app: Flask, client, runner: User) -> None:
    expires = (TODAY + timedelta(days=14)).isoformat()
    html = form_post(client, "/report/links", {"expires_on": expires}).get_data(as_text=True)
    url = re.search(r'<code class="token"[^>]*>https?://[^/]+(/report/rep_[\w-]+)</code>', html)
    assert url, "the new link is shown once"
    assert app.test_client().get(url.group(1)).status_code == 200
    revoke = re.search(r'action="(/report/links/\d+/revoke)"', html)
    assert revoke
    form_post(client, revoke.group(1), {}, page="/report/links")
    assert app.test_client().get(url.group(1)).status_code == 404
    assert "revoked" in client.get("/report/links").get_data(as_text=True)


def test_an_expiry_in_the_past_is_said_beside_the_field(client, runner: User) -> None:
    past = (TODAY - timedelta(days=2)).isoformat()
    html = form_post(client, "/report/links", {"expires_on": past}).get_data(as_text=True)
    assert "must not be in the past" in html and 'id="expires_on-error"' in html
    assert "rep_" not in html


def test_a_clinician_alert_on_today_offers_the_report(app: Flask, client, runner: User) -> None:
    today = local_today(runner.timezone or "UTC").isoformat()
    flagged = pain_body(date=today, score=5, flags=["cannot_weight_bear"])
    with app.app_context():
        entries.put_entry(runner.id, "pain", new_id(), flagged, None)
    html = client.get("/today").get_data(as_text=True)
    assert "Seek same-day care" in html
    assert 'href="/report/">A report to show them</a>' in html


def test_a_pdf_asked_for_with_bad_dates_sends_the_runner_to_the_page_that_says_why(
    client, runner: User
) -> None:
    response = client.get("/report/pdf?from=2026-13-01", follow_redirects=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert 'id="rep-from-err"' in response.get_data(as_text=True)
