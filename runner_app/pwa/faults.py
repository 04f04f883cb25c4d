"""A test-only switch that makes chosen requests fail. Registered only when the app is created for testing.

It wraps the WSGI app, so it acts before anything else (CSRF, sign-in) and after everything (the commit):

- ``POST /__test__/faults`` with ``{"seed": 7, "rules": [{"mode": "500", "share": 0.5, ...}]}`` arms it;
- ``DELETE /__test__/faults`` disarms it and forgets the log;
- ``GET /__test__/faults`` answers the log: one line per matching request, with the entry ids it carried.

Modes: ``"500"`` answers 500 before the app sees the request; ``"commit_then_502"`` lets the app do the
work (and commit), then throws the answer away and says 502; ``"commit_then_drop"`` does the work, then
closes the connection without a byte of answer. Each rule matches methods and a path prefix, hits a
``share`` of the matching requests (drawn from a ``random.Random(seed)``, so a run is repeatable) and stops
after ``limit`` hits when one is given.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask

CONTROL_PATH = "/__test__/faults"
MODES = ("500", "commit_then_502", "commit_then_drop")
ID_RE = re.compile(r"/api/v1/[a-z-]+/([0-9a-fA-F-]{36})$")

StartResponse = Callable[..., Any]


@dataclass
class Rule:
    mode: str
    share: float = 1.0
    methods: tuple[str, ...] = ("PUT", "POST", "DELETE")
    path_prefix: str = "/api/v1/"
    limit: int | None = None
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        return method in self.methods and path.startswith(self.path_prefix)


@dataclass
class FaultState:
    rules: list[Rule] = field(default_factory=list)
    rng: random.Random = field(default_factory=random.Random)  # repeatable test faults, not secrets
    log: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def arm(self, spec: dict[str, Any]) -> None:
        rules = []
        for raw in spec.get("rules", []):
            if raw.get("mode") not in MODES:
                raise ValueError(f"mode must be one of {MODES}")
            rules.append(
                Rule(
                    mode=raw["mode"],
                    share=float(raw.get("share", 1.0)),
                    methods=tuple(raw.get("methods", ("PUT", "POST", "DELETE"))),
                    path_prefix=raw.get("path_prefix", "/api/v1/"),
                    limit=raw.get("limit"),
                )
            )
        with self.lock:
            self.rules = rules
            self.rng = random.Random(spec.get("seed", 0))  # noqa: S311
            self.log = []

    def choose(self, method: str, path: str) -> str | None:
        with self.lock:
            for rule in self.rules:
                if not rule.matches(method, path) or (rule.limit is not None and rule.hits >= rule.limit):
                    continue
                if self.rng.random() < rule.share:
                    rule.hits += 1
                    return rule.mode
            return None

    def record(self, line: dict[str, Any]) -> None:
        with self.lock:
            self.log.append(line)


def _entry_ids(path: str, body: bytes) -> list[str]:
    """The entry ids a write carries: the one in its URL, or each op's in a /api/v1/sync batch."""
    match = ID_RE.search(path)
    if match:
        return [match.group(1)]
    if path.rstrip("/") == "/api/v1/sync":
        try:
            ops = json.loads(body or b"{}").get("ops", [])
            return [str(op.get("path", "")).rsplit("/", 1)[-1] for op in ops if isinstance(op, dict)]
        except (ValueError, AttributeError, TypeError, RecursionError):  # the app answers bad bodies itself
            return []
    return []


def _json(start_response: StartResponse, status: str, payload: Any) -> list[bytes]:
    data = json.dumps(payload).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


class FaultMiddleware:
    def __init__(self, app: Callable[..., Iterable[bytes]], state: FaultState) -> None:
        self.app, self.state = app, state

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        if path == CONTROL_PATH:
            return self._control(environ, method, start_response)
        if not path.startswith("/api/") or method in {"GET", "HEAD", "OPTIONS"}:
            return self.app(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        mode = self.state.choose(method, path)
        line: dict[str, Any] = {
            "method": method,
            "path": path,
            "ids": _entry_ids(path, body),
            "fault": mode,
            "at": round(time.monotonic(), 3),
        }
        if mode == "500":
            line["status"] = 500
            self.state.record(line)
            return _json(
                start_response,
                "500 INTERNAL SERVER ERROR",
                {"type": "about:blank", "title": "Injected fault", "status": 500},
            )
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., Any]:
            captured["status"], captured["headers"] = status, headers
            return lambda _data: None

        result = self.app(environ, capture)
        try:
            chunks = b"".join(result)  # the app has done its work (and committed) once this returns
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        line["status"] = int(str(captured.get("status", "500")).split()[0])
        if mode == "commit_then_502":
            line["answered"] = 502
            self.state.record(line)
            return _json(start_response, "502 BAD GATEWAY", {"title": "Injected lost answer", "status": 502})
        if mode == "commit_then_drop":
            line["answered"] = "dropped"
            self.state.record(line)
            sock = environ.get("werkzeug.socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            raise ConnectionAbortedError("injected: answer dropped after commit")
        self.state.record(line)
        start_response(captured["status"], captured["headers"])
        return [chunks]

    def _control(self, environ: dict[str, Any], method: str, start_response: StartResponse) -> list[bytes]:
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            try:
                self.state.arm(json.loads(environ["wsgi.input"].read(length) or b"{}"))
            except (ValueError, TypeError, KeyError) as exc:
                return _json(start_response, "422 UNPROCESSABLE ENTITY", {"error": str(exc)})
            return _json(start_response, "200 OK", {"armed": len(self.state.rules)})
        if method == "DELETE":
            self.state.arm({})
            return _json(start_response, "200 OK", {"armed": 0})
        with self.state.lock:
            return _json(start_response, "200 OK", {"log": list(self.state.log)})


def register_faults(app: Flask) -> None:
    """Install the fault switch (tests only)."""
    if not app.testing:
        raise RuntimeError("the fault switch exists only in apps created for testing")
    state = FaultState()
    app.extensions["pwa_faults"] = state
    app.wsgi_app = FaultMiddleware(app.wsgi_app, state)  # type: ignore[method-assign]
