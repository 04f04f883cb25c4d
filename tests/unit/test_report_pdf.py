"""The report's PDF on its own: two years of weeks, two painful locations, text the built-in font lacks."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfReader

from runner_app.services.report_pdf import render

MONDAY = date(2025, 1, 6)


def week(n: int) -> dict:
    start = MONDAY + timedelta(weeks=n)
    pain = [
        {"location": "knee_front", "side": "right", "morning_mean": 2.5, "morning_max": 4, "run_max": 5},
        {"location": "achilles", "side": "left", "morning_mean": 1.0, "morning_max": 1, "run_max": None},
    ]
    return {
        "week_start": start.isoformat(),
        "week_end": (start + timedelta(days=6)).isoformat(),
        "distance_m": 30000 + 100 * n,
        "runs": 4,
        "long_run_m": 15000,
        "hard_sessions": 2,
        "time_on_feet_s": 4 * 3600,
        "cross_training_min": 40,
        "strength": {"done": 1, "prescribed": 2, "progressed": ["hip_bridges"] if n == 3 else []},
        "pain": pain,
        "mean_morning_pain": 1.8 if n % 9 else None,
        "max_run_pain": 5,
        "flags": [],
        "states": {"green": 5, "amber": 2, "red": 0, "refer_urgent": 0},
        "rungs": ["C1"],
        "return_stages": [],
    }


def document(weeks: int) -> dict:
    rows = [week(n) for n in range(weeks)]
    event = {
        "date": "2025-02-01",
        "kind": "rung_started",
        "rule": "D2",
        "text": "pain 4/10 \u2265 3 \u00d7 2 \u2013 ok",
    }
    return {
        "from": rows[0]["week_start"],
        "to": rows[-1]["week_end"],
        "profile": None,
        "weeks": rows,
        "events": [event],
        "pain_by_shoe": [],
        "pain_by_terrain": [],
        "disclaimer": "Training guidance, not medical advice.",
    }


def test_two_years_of_weeks_print_every_week_row_and_each_location() -> None:
    pdf = PdfReader(io.BytesIO(render(document(104), "mi", made_on=date(2027, 1, 4))))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    for n in (0, 51, 103):
        assert f"{MONDAY + timedelta(weeks=n):%-d %b %Y}" in text
    assert "achilles, left" in text and "knee front, right" in text
    assert "18.6" in text and "30.0" not in text  # 30 km in miles
    assert "pain 4/10 >= 3 x 2 - ok" in text  # spelt out in the built-in font
    assert "(+hip bridges)" in text
