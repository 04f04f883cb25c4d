"""The strength log opens with today's prescribed block filled in; a block logged stays on Today, ticked."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask import Flask

from tests.web.helpers import csrf_from, form_post

TODAY = date.today()  # noqa: DTZ011


def _strength_day_today(client) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    days = {f"day{n}": "easy" for n in range(7)}
    form_post(
        client,
        "/plan/build",
        {
            "race_date": (monday + timedelta(weeks=10)).isoformat(),
            "race_distance": "42195",
            "start_date": monday.isoformat(),
            "targets": "40",
            "strength_days": [str(TODAY.weekday())],
            **days,
        },
    )


def test_the_strength_log_opens_with_every_prescribed_exercise_filled_in(app: Flask, client, runner) -> None:
    _strength_day_today(client)
    body = client.get("/api/v1/today").get_json()
    (task,) = [t for t in body["tasks"] if t["key"] == "strength"]
    prescribed = task["prescribed"]["exercises"]
    page = client.get("/log/strength")
    html = page.get_data(as_text=True)
    chosen = re.findall(r'<select class="exercise"[^>]*>.*?<option selected value="([a-z_]+)">', html, re.S)
    assert chosen == [p["exercise"] for p in prescribed], "every prescribed exercise, in order"
    first = prescribed[0]
    amount = first.get("reps") or first.get("seconds") or first.get("steps")
    assert re.search(rf'name="rows-0-sets"[^>]*value="{first["sets"]}"', html)
    assert re.search(rf'name="rows-0-amount"[^>]*value="{amount}"', html)

    fields = {"csrf_token": csrf_from(page), "date": TODAY.isoformat()}
    fields.update(dict(re.findall(r'name="(duration)"[^>]*value="([\d:]+)"', html)))
    assert fields.get("duration"), "the prescribed time is filled in as one h:mm:ss field"
    for n, p in enumerate(prescribed):
        fields[f"rows-{n}-exercise"] = p["exercise"]
        fields[f"rows-{n}-sets"] = str(p["sets"])
        fields[f"rows-{n}-amount"] = str(p.get("reps") or p.get("seconds") or p.get("steps"))
        fields[f"rows-{n}-side"] = "both"
    assert client.post("/log/strength", data=fields).status_code == 302
    today = client.get("/today").get_data(as_text=True)
    assert re.search(r'class="task done" id="task-strength"', today), "the logged block stays, ticked"
