"""Benchmark: the physio report (JSON and PDF) for runners with 1 and 5 years of daily entries.

The histories are bench/coach_today.py's (a run and a check-in most days, strength twice a week). Each report
covers the last year (the longest a clinician is likely to ask for; the limit is two). The first request fills
the coach's cache, as a runner's first visit after a long gap would; the medians are for a warm cache, which
is what every later request finds. The target is under 2 s for a year.

    .venv/bin/python bench/report.py            # SQLite in a temporary file
    DATABASE_URL=postgresql://... .venv/bin/python bench/report.py
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import coach_today
from coach_today import TODAY, history, timed
from flask_migrate import upgrade

from runner_app.extensions import db
from runner_app.services import users

coach_today.REPEATS = 7
TARGET_S = 2.0


def main() -> None:
    app, url = coach_today.bench_app()
    rng = random.Random(1)
    tokens = {}
    with app.app_context():
        if url.startswith("sqlite"):
            upgrade()
        for years in (1, 5):
            user = users.create_user(f"report{years}-{uuid.uuid4().hex[:6]}@example.com", "a long password")
            rows = history(user.id, years, rng)
            db.session.add_all(rows)
            db.session.commit()
            tokens[years] = users.create_token(user, "bench").secret
            print(f"{years} year(s): {len(rows)} entries")
    client = app.test_client()
    span = f"from={(TODAY - timedelta(days=364)).isoformat()}&to={TODAY.isoformat()}"

    def get(path: str, years: int) -> int:
        response = client.get(path, headers={"Authorization": f"Bearer {tokens[years]}"})
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        return len(response.data)

    def link(years: int) -> str:
        body = {
            "from": (TODAY - timedelta(days=364)).isoformat(),
            "expires_on": (TODAY + timedelta(days=7)).isoformat(),
        }
        response = client.post(
            "/api/v1/report/links", json=body, headers={"Authorization": f"Bearer {tokens[years]}"}
        )
        return urlsplit(str(response.get_json()["url"])).path + ".pdf"  # the origin is PUBLIC_URL's

    for years in (1, 5):
        t0 = time.perf_counter()
        get(f"/api/v1/report?{span}", years)
        elapsed_ms = 1000 * (time.perf_counter() - t0)
        print(f"first report, {years} year(s), filling the coach's cache: {elapsed_ms:.0f} ms")
    pdfs = {years: link(years) for years in (1, 5)}
    size = get(pdfs[5], 5)
    json_1, json_5, pdf_1, pdf_5 = timed(
        lambda: get(f"/api/v1/report?{span}", 1),
        lambda: get(f"/api/v1/report?{span}", 5),
        lambda: get(pdfs[1], 1),
        lambda: get(pdfs[5], 5),
    )
    n = coach_today.REPEATS
    print(f"report JSON, one year, 1 year of history : {1000 * json_1:.0f} ms (median of {n})")
    print(f"report JSON, one year, 5 years of history: {1000 * json_5:.0f} ms")
    print(f"report PDF,  one year, 1 year of history : {1000 * pdf_1:.0f} ms ({size // 1024} KiB)")
    print(f"report PDF,  one year, 5 years of history: {1000 * pdf_5:.0f} ms")
    print(f"ratio 5 years / 1 year: JSON {json_5 / json_1:.2f}, PDF {pdf_5 / pdf_1:.2f}")
    worst = max(json_1, json_5, pdf_1, pdf_5)
    print(
        f"slowest {1000 * worst:.0f} ms: {'within' if worst < TARGET_S else 'OVER'} the {TARGET_S:g} s target"
    )


if __name__ == "__main__":
    main()
