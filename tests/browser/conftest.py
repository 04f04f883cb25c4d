"""The browser tier: the real app served on 127.0.0.1 in a thread, driven by Debian's Chromium via Playwright.

Every test gets a fresh browser context whose requests are watched: one to any origin other than the app's
fails the test. Each test ends by reading the server's rows through the database.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from runner_app import create_app
from runner_app.extensions import db, limiter
from runner_app.models import User
from runner_app.services import entries
from runner_app.services.entry_kinds import LOGGED_KINDS
from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD, empty_tables, reset_schema
from tests.conftest import test_config as base_config

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,MediaRouter",
]
VIEWPORT = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _chromium_or_skip() -> None:
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium is missing at {CHROMIUM}: the browser tests must run in CI")
    pytest.skip(f"Chromium is missing at {CHROMIUM}")


class QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass


class LiveServer:
    """The app on 127.0.0.1:<free port>, with the test-only fault switch reachable over HTTP."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 (our own 127.0.0.1 server)
            self.url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (our own 127.0.0.1 server)
            return json.loads(response.read())

    def faults(self, *rules: dict[str, Any], seed: int = 7) -> None:
        self._call("POST", "/__test__/faults", {"seed": seed, "rules": list(rules)})

    def clear_faults(self) -> None:
        self._call("DELETE", "/__test__/faults")

    def write_log(self) -> list[dict[str, Any]]:
        """Every API write the server saw since the switch was last armed or cleared."""
        log: list[dict[str, Any]] = self._call("GET", "/__test__/faults")["log"]
        return log

    def sends_per_id(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for line in self.write_log():
            for entry_id in line["ids"]:
                counts[entry_id] = counts.get(entry_id, 0) + 1
        return counts


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    _chromium_or_skip()
    app = create_app(base_config(tmp_path_factory.mktemp("browser-db"), LOGIN_RATE_LIMIT="1000 per minute"))
    reset_schema(app)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(live_app: Flask) -> Iterator[LiveServer]:
    server = LiveServer(live_app)
    server.thread.start()
    yield server
    server.server.shutdown()


@pytest.fixture(autouse=True)
def _fresh_server_state(request: pytest.FixtureRequest) -> Iterator[None]:
    if "live_server" not in request.fixturenames:
        yield
        return
    server: LiveServer = request.getfixturevalue("live_server")
    server.clear_faults()
    yield
    server.clear_faults()
    empty_tables(server.app)
    with server.app.app_context():
        limiter.reset()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    _chromium_or_skip()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=15_000)  # assertions wait as long as actions: a loaded CI machine is slower
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Any) -> Iterator[Any]:
    chromium = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


class Guard:
    """Fails the test on any request to another origin (routed and aborted, and recorded)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.foreign: list[str] = []
        self.errors: list[str] = []  # uncaught script errors: a broken page must not pass as "offline"

    def is_ours(self, url: str) -> bool:
        return url.startswith((self.base_url + "/", "data:", "blob:", "about:")) or url == self.base_url

    def route(self, route: Any) -> None:
        if self.is_ours(route.request.url):
            route.fallback()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def watch(self, context: Any) -> None:
        context.route("**/*", self.route)
        context.on("request", lambda req: None if self.is_ours(req.url) else self.foreign.append(req.url))
        context.on("page", self.watch_page)
        for page in context.pages:
            self.watch_page(page)

    def watch_page(self, page: Any) -> None:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda msg: (
                self.errors.append(f"{page.url}: {msg.text}")
                if msg.type == "error"
                and "Failed to load resource" not in msg.text
                and "net::ERR" not in msg.text
                else None
            ),
        )


def _new_guarded_context(browser: Any, server: LiveServer, **options: Any) -> tuple[Any, Guard]:
    context = browser.new_context(viewport=VIEWPORT, base_url=server.url, service_workers="allow", **options)
    context.set_default_timeout(15_000)
    guard = Guard(server.url)
    guard.watch(context)
    return context, guard


@pytest.fixture
def context(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    ctx, guard = _new_guarded_context(browser, live_server)
    yield ctx
    ctx.close()
    assert guard.foreign == [], f"requests to other origins: {guard.foreign}"
    assert guard.errors == [], f"script errors: {guard.errors}"


@pytest.fixture
def no_js_context(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    ctx, guard = _new_guarded_context(browser, live_server, java_script_enabled=False)
    yield ctx
    ctx.close()
    assert guard.foreign == [], f"requests to other origins: {guard.foreign}"


@pytest.fixture
def persistent_context(playwright_driver: Any, live_server: LiveServer, tmp_path: Path) -> Iterator[Any]:
    profile = tmp_path / "profile"
    ctx = playwright_driver.chromium.launch_persistent_context(
        str(profile),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport=VIEWPORT,
        base_url=live_server.url,
        service_workers="allow",
    )
    guard = Guard(live_server.url)
    guard.watch(ctx)
    yield ctx
    ctx.close()
    shutil.rmtree(profile, ignore_errors=True)
    assert guard.foreign == [], f"requests to other origins: {guard.foreign}"
    assert guard.errors == [], f"script errors: {guard.errors}"


@pytest.fixture
def runners(live_app: Flask) -> UserFactory:
    return UserFactory(live_app, TEST_PASSWORD)


# --- helpers the tests share -------------------------------------------------------------------------------


def server_rows(app: Flask, user: User) -> dict[str, list[dict[str, Any]]]:
    """Every row the server holds for `user`, by kind, as the API shows them (tombstones included)."""
    from sqlalchemy import select

    from runner_app.services.entry_kinds import KINDS

    out: dict[str, list[dict[str, Any]]] = {}
    with app.app_context():
        for kind in LOGGED_KINDS:
            model = KINDS[kind].model
            rows = db.session.scalars(select(model).where(model.user_id == user.id)).all()
            out[kind] = [entries.entry_to_dict(kind, row) for row in rows]
        db.session.remove()
    return out


def task_checks(app: Flask, user: User) -> dict[tuple[str, str], bool]:
    """The server's task check-offs for `user`: {(date, key): done}."""
    from sqlalchemy import select

    from runner_app.models import TaskCheck

    with app.app_context():
        rows = db.session.scalars(select(TaskCheck).where(TaskCheck.user_id == user.id)).all()
        out = {(row.date.isoformat(), row.key): row.done for row in rows}
        db.session.remove()
    return out


def all_ids(rows: dict[str, list[dict[str, Any]]]) -> list[str]:
    return [row["id"] for kind_rows in rows.values() for row in kind_rows]


def sign_in(page: Any, user: User, next_path: str = "/today") -> None:
    page.goto(f"/login?next={next_path}")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**{next_path}")


def js_wait(page: Any, expression: str, timeout: float = 15.0, what: str | None = None) -> Any:
    """Poll a JavaScript expression (or async arrow function) until it is truthy.

    Playwright's wait_for_function compiles its predicate inside the page, which the app's CSP (no eval)
    forbids; page.evaluate goes through the DevTools protocol instead.
    """
    return wait_until(lambda: evaluate_settled(page, expression), timeout=timeout, what=what or expression)


def evaluate_settled(page: Any, expression: str, arg: Any = None) -> Any:
    """page.evaluate that answers None while the page is between two documents (a reload, a redirect)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate(expression, arg)
    except Error as error:
        if "context was destroyed" in str(error) or "navigat" in str(error):
            return None
        raise


def ready_offline(page: Any) -> None:
    """Wait until the service worker controls the page and the pages a runner logs from are on the phone."""
    js_wait(
        page,
        "navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated')",
        what="an active service worker",
    )
    if not page.evaluate("navigator.serviceWorker.controller !== null"):
        page.reload()  # the page opened while the worker was installing: the next one is controlled
    js_wait(page, "navigator.serviceWorker.controller !== null", what="a controlling service worker")
    js_wait(
        page,
        """async () => {
            const cache = await caches.open('runner-pages');
            const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
            return ['/today', '/history/', '/log/run', '/log/pain', '/log/strength', '/log/cross-training']
              .every((p) => keys.includes(p));
        }""",
        what="the pages to be kept on the phone",
    )


def ready_runner(context: Any, runners: UserFactory) -> tuple[Any, User]:
    """A new runner signed in on a fresh page whose shell is ready to work offline."""
    runner = runners.create()
    page = context.new_page()
    sign_in(page, runner)
    ready_offline(page)
    return page, runner


def outbox_items(page: Any, user: User) -> list[dict[str, Any]]:
    """The outbox as the phone holds it (read straight from IndexedDB)."""
    items: list[dict[str, Any]] | None = evaluate_settled(
        page,
        """async (name) => (await indexedDB.databases()).some((d) => d.name === name) ?
          new Promise((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('outbox')) { db.close(); resolve([]); return; }
              const get = db.transaction('outbox').objectStore('outbox').getAll();
              get.onsuccess = () => { db.close(); resolve(get.result); };
              get.onerror = () => reject(get.error);
            };
        }) : []""",
        f"runner-u{user.id}",
    )
    if items is None:  # mid-navigation: read again once the next document is there
        page.wait_for_load_state()
        return outbox_items(page, user)
    return items


def wait_until(check: Any, timeout: float = 20.0, interval: float = 0.2, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(interval)


def wait_for_empty_outbox(page: Any, user: User, timeout: float = 30.0) -> None:
    wait_until(lambda: outbox_items(page, user) == [], timeout=timeout, what="an empty outbox")


def shoot(page: Any, name: str) -> None:
    """Save a screenshot when PWA_SHOTS_DIR is set (the 390 x 844 pictures a person looks at)."""
    folder = os.environ.get("PWA_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def server_put(
    app: Flask, user: User, kind: str, entry_id: str, body: dict[str, Any], if_match: str | None = None
) -> dict[str, Any]:
    """Write an entry as another device would (through the same service the API uses)."""
    with app.app_context():
        result = entries.put_entry(user.id, kind, entry_id, body, if_match)
        stored = entries.entry_to_dict(kind, result.entry)
        db.session.remove()
    return stored
