"""Benchmark: draining 500 queued entries through POST /api/v1/sync against one PUT per entry (target: the
batched per-entry cost <= 0.3 x a single PUT's), both measured in one run against one server.

Two measurements, each the same shape (500 entries one way, then 500 other entries the other way):

1. HTTP: the app served on 127.0.0.1 by werkzeug in a thread, a session cookie and the CSRF header as the
   PWA sends them, one keep-alive connection; 500 single PUTs, then 500 entries in batches of 100 (the
   outbox's batch size in static/js/sync.js).
2. Browser (when Chromium is there): 500 entries queued in the real outbox (IndexedDB) of a signed-in page,
   then drained by the page's own flusher, first in its one-PUT-per-entry mode, then in batches.

    .venv/bin/python bench/pwa_sync_drain.py
"""

from __future__ import annotations

import http.client
import json
import re
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade
from werkzeug.serving import WSGIRequestHandler, make_server

from runner_app import create_app
from runner_app.services import users

ENTRIES = 500
BATCH = 100
PASSWORD = "correct horse battery staple"  # noqa: S105 (a throwaway bench account)
CHROMIUM = "/usr/bin/chromium"
YESTERDAY = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()


class Quiet(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


def body(n: int) -> dict[str, Any]:
    return {
        "date": YESTERDAY,
        "kind": "easy",
        "distance_m": 5000 + n,
        "duration_s": 1800 + n,
        "rpe": 3,
        "terrain": "flat",
        "notes": f"bench {n}",
        "schema_version": 1,
    }


class Session:
    """One keep-alive connection with the sign-in cookie and CSRF token, as the PWA's fetches carry."""

    def __init__(self, port: int, email: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""
        page = self.call("GET", "/login")[1].decode()
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
        assert token, "no CSRF token on the sign-in page"
        form = f"email={email}&password={PASSWORD.replace(' ', '+')}&csrf_token={token.group(1)}"
        form_type = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _ = self.call("POST", "/login", form.encode(), form_type)
        assert status == 302, status
        self.csrf = json.loads(self.call("GET", "/pwa/session")[1])["csrf_token"]

    def call(
        self, method: str, path: str, data: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        self.conn.request(method, path, body=data, headers={"Cookie": self.cookie, **(headers or {})})
        response = self.conn.getresponse()
        payload = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
        return response.status, payload

    def json(self, method: str, path: str, document: Any) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.csrf}
        status, payload = self.call(method, path, json.dumps(document).encode(), headers)
        return status, json.loads(payload)


def http_drain(port: int, email: str) -> tuple[float, float]:
    session = Session(port, email)
    start = time.perf_counter()
    for n in range(ENTRIES):
        status, _ = session.json("PUT", f"/api/v1/runs/{uuid.uuid4()}", body(n))
        assert status == 201, status
    single = time.perf_counter() - start
    start = time.perf_counter()
    for first in range(0, ENTRIES, BATCH):
        ops = [
            {"method": "PUT", "path": f"/runs/{uuid.uuid4()}", "if_match": None, "body": body(n)}
            for n in range(first, first + BATCH)
        ]
        status, answer = session.json("POST", "/api/v1/sync", {"ops": ops})
        assert status == 200 and all(r["status"] == 201 for r in answer["results"]), status
    batched = time.perf_counter() - start
    return single, batched


QUEUE = """async ([count, offset]) => {
  const outbox = await import('/static/js/outbox.js');
  const user = window.runnerApp.userId;
  for (let first = 0; first < count; first += 50) {
    const writes = [];
    for (let n = first; n < Math.min(count, first + 50); n += 1) {
      writes.push({ id: crypto.randomUUID(), kind: 'runs', ifMatch: null, fields: [], form: null,
        body: { date: 'YESTERDAY', kind: 'easy', distance_m: 5000 + offset + n, duration_s: 1800 + n, rpe: 3,
                terrain: 'flat', notes: 'bench ' + n } });
    }
    await outbox.save(user, writes);
  }
  return (await outbox.queued(user)).length;
}""".replace("YESTERDAY", YESTERDAY)

DRAIN = """async (mode) => {
  const outbox = await import('/static/js/outbox.js');
  const app = window.runnerApp;
  app.syncer.mode = mode;
  const start = performance.now();
  await app.syncer.flush('bench');
  const left = (await outbox.items(app.userId)).length;
  return [performance.now() - start, left];
}"""


def browser_drain(base_url: str, email: str) -> tuple[float, float] | None:
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(base_url=base_url)
        page.goto("/login")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/today")
        page.wait_for_timeout(1000)  # let the page's start-up flush and the worker settle
        results = []
        for offset, mode in ((0, "single"), (ENTRIES, "batch")):
            # Queued straight into the outbox (as 500 saves with no signal would leave it); nothing flushes
            # until DRAIN asks, so each drain is timed alone.
            assert page.evaluate(QUEUE, [ENTRIES, offset]) == ENTRIES
            elapsed_ms, left = page.evaluate(DRAIN, mode)
            assert left == 0, f"{left} entries left in the outbox"
            results.append(elapsed_ms / 1000)
        browser.close()
    return results[0], results[1]


def report(name: str, single: float, batched: float) -> None:
    per_single, per_batched = single / ENTRIES * 1000, batched / ENTRIES * 1000
    ratio = per_batched / per_single
    print(
        f"{name}: {ENTRIES} single PUTs {single:.2f} s ({per_single:.2f} ms/entry); "
        f"{ENTRIES} through /api/v1/sync {batched:.2f} s ({per_batched:.2f} ms/entry); "
        f"ratio {ratio:.2f} x (target <= 0.3: {'met' if ratio <= 0.3 else 'NOT met'})"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 8,
            "RATELIMIT_STORAGE_URI": "memory://",
            "LOGIN_RATE_LIMIT": "1000 per minute",
        }
    )
    with app.app_context():
        upgrade()
        users.create_user("drain-http@example.com", PASSWORD)
        users.create_user("drain-browser@example.com", PASSWORD)
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        report("HTTP (keep-alive, session + CSRF)", *http_drain(server.server_port, "drain-http@example.com"))
        measured = browser_drain(f"http://127.0.0.1:{server.server_port}", "drain-browser@example.com")
        if measured is None:
            print("browser: skipped (no Chromium at /usr/bin/chromium)")
        else:
            report("Browser outbox (IndexedDB + flusher)", *measured)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
