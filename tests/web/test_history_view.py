"""History: a day's pain check-ins fold into one row so runs stand out; a filter shows one kind."""

from __future__ import annotations

from tests.builders import days_ago
from tests.web.helpers import form_post


def _log(client) -> None:
    form_post(client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "8", "duration": "48:00"})
    for context, score in (("morning", "2"), ("after_run", "4")):
        pain = {"date": days_ago(0), "context": context, "location": "hip", "side": "left", "score": score}
        form_post(client, "/log/pain", pain)


def test_a_days_pain_check_ins_fold_into_one_row_below_its_run(client, runner) -> None:
    _log(client)
    html = client.get("/history/").get_data(as_text=True)
    assert "Pain check-ins: 2, worst 4/10" in html
    assert html.index("entry-runs") < html.index("entry-pain-day")


def test_the_kind_filter_shows_only_that_kind(client, runner) -> None:
    _log(client)
    html = client.get("/history/?kind=runs").get_data(as_text=True)
    assert "entry-runs" in html and "Pain check-ins" not in html
    assert 'aria-current="page">Runs<' in html
    html = client.get("/history/?kind=strength").get_data(as_text=True)
    assert "Nothing logged of that kind." in html
    assert client.get("/history/?kind=nonsense").status_code == 200


def test_totals_add_up_distance_time_and_runs_with_a_chart(client, runner) -> None:
    _log(client)
    form_post(client, "/log/run", {"date": days_ago(0), "kind": "easy", "distance": "5", "duration": "30:00"})
    for period in ("week", "month", "year"):
        html = client.get(f"/history/totals?period={period}").get_data(as_text=True)
        assert "<td>13.0 km</td><td>1:18:00</td><td>2</td>" in html, period
        assert '<svg class="totals-chart"' in html and 'role="img"' in html
    assert client.get("/history/totals?period=decade").status_code == 200


def test_the_delete_page_of_a_pain_entry_highlights_one_tab(app, client, runner) -> None:
    import re

    from sqlalchemy import select

    from runner_app.extensions import db
    from runner_app.models import PainEntry

    _log(client)
    with app.app_context():
        pain_id = db.session.scalars(select(PainEntry.id)).first()
    html = client.get(f"/history/pain/{pain_id}/delete").get_data(as_text=True)
    tabs = html.split('<nav class="tabs"')[1].split("</nav>")[0]
    assert re.findall(r'aria-current="page">(\w+)<', tabs) == ["History"]


def test_the_month_filter_shows_only_that_months_entries(client, runner) -> None:
    from datetime import date, timedelta

    _log(client)
    last_month_day = date.fromisoformat(days_ago(0)).replace(day=1) - timedelta(days=1)
    run = {"date": last_month_day.isoformat(), "kind": "long", "distance": "21", "duration": "2:00:00"}
    form_post(client, "/log/run", run)
    this_month = days_ago(0)[:7]
    html = client.get(f"/history/?month={this_month}").get_data(as_text=True)
    assert html.count("entry-runs") == 1 and "Pain check-ins: 2" in html
    assert f'value="{this_month}"' in html and "Earlier month" in html
    html = client.get(f"/history/?month={last_month_day:%Y-%m}&kind=runs").get_data(as_text=True)
    assert html.count("entry-runs") == 1 and "Pain check-ins" not in html
    assert last_month_day.strftime("%B %Y") in html


def test_a_bad_month_answers_the_page_with_a_message(client, runner) -> None:
    for bad in ("2026-13", "26-01", "2026-1", "3000-01", "0000-00", "2026-01-01"):
        response = client.get("/history/", query_string={"month": bad})
        assert response.status_code == 422, bad
        assert "Month must be a month written YYYY-MM." in response.get_data(as_text=True), bad
    assert client.get("/history/", query_string={"month": "x\x00"}).status_code < 500
    assert client.get("/history/?month=2100-12").status_code == 200
    assert client.get("/history/?month=1900-01").status_code == 200
