"""HTTP clients for the deploy tests: keep-alive connections in threads, every answer kept, all bounded."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

REQUEST_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Http:
    """One keep-alive connection to one base URL (not thread-safe: one per client thread)."""

    def __init__(self, base_url: str, token: str | None = None, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.token, self.timeout_s = token, timeout_s
        self.cookies: dict[str, str] = {}
        self._conn: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        form: bool = False,
    ) -> Reply:
        sent = dict(headers or {})
        data: bytes | None = None
        if body is not None:
            if form:
                data, sent["Content-Type"] = urlencode(body).encode(), "application/x-www-form-urlencoded"
            else:
                data, sent["Content-Type"] = json.dumps(body).encode(), "application/json"
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout_s)
        try:
            self._conn.request(method, path, body=data, headers=sent)
            response = self._conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, payload)

    def put(self, path: str, body: Any, **headers: str) -> Reply:
        return self.request("PUT", path, body, headers)

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def run_body(rng: random.Random, days_back: int = 1) -> dict[str, Any]:
    km = rng.choice([5, 6, 8, 10, 12])
    return {
        "date": (date.today() - timedelta(days=days_back)).isoformat(),  # noqa: DTZ011
        "kind": rng.choice(["easy", "recovery", "tempo"]),
        "distance_m": km * 1000 + rng.randrange(0, 999),
        "duration_s": km * 330,
        "rpe": rng.randrange(2, 7),
    }


@dataclass
class Outcome:
    """What one client saw: (entry id, status) per answered request, and the errors of unanswered ones."""

    answers: list[tuple[str, str, int]] = field(default_factory=list)  # (op kind, entry id, status)
    errors: list[str] = field(default_factory=list)
    sent: dict[str, dict[str, Any]] = field(default_factory=dict)  # entry id -> body


def run_clients(
    count: int, work: Callable[[int, Outcome, threading.Event], None], timeout_s: float
) -> list[Outcome]:
    """Run `work(client_no, outcome, stop)` in `count` threads that start together; bounded by `timeout_s`."""
    outcomes = [Outcome() for _ in range(count)]
    stop = threading.Event()
    barrier = threading.Barrier(count)

    def body(n: int) -> None:
        barrier.wait(timeout=30)
        try:
            work(n, outcomes[n], stop)
        except Exception as exc:  # a client crash is recorded, and fails the test's assertions
            outcomes[n].errors.append(f"client crashed: {exc!r}")

    threads = [threading.Thread(target=body, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout_s
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if any(t.is_alive() for t in threads):
        stop.set()
        for thread in threads:
            thread.join(REQUEST_TIMEOUT_S + 5)
        raise AssertionError(f"the load did not finish within {timeout_s:.0f}s")
    return outcomes


def new_id() -> str:
    return str(uuid.uuid4())
