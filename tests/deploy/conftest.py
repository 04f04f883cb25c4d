"""Fixtures for the deploy tier: the production topology, started as subprocesses on 127.0.0.1.

PostgreSQL stack (the CI pass with TEST_DATABASE_URL): Redis, a database of its own created beside the test
database (the main suite drops and recreates the public schema of that one), `flask --app app db upgrade`,
two gunicorn instances (4 workers each) and nginx round-robin in front. SQLite stack (the SQLite pass): one
gunicorn instance on a WAL database file. A missing nginx or redis-server skips locally, fails in CI.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from tests.deploy.stack import (
    AppServer,
    Database,
    Nginx,
    Redis,
    Runner,
    app_env,
    binary,
    create_runner,
    flask_cli,
)

PG_URL = os.environ.get("TEST_DATABASE_URL")
# Four workers per instance: eight sessions racing on the database, and the waits on PostgreSQL overlap.
PG_WORKERS = 4


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "deploy: starts gunicorn, nginx, Redis and a database as subprocesses")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/deploy" in str(item.fspath):
            item.add_marker(pytest.mark.deploy)


@dataclass
class Stack:
    env: dict[str, str]
    servers: list[AppServer]
    db: Database
    nginx: Nginx | None = None
    redis: Redis | None = None

    def runner(self) -> Runner:
        return create_runner(self.env)


@pytest.fixture(scope="session")
def deploy_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("deploy")


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh database on the TEST_DATABASE_URL server, dropped at the end."""
    if not PG_URL:
        pytest.skip("runs in the PostgreSQL pass (TEST_DATABASE_URL)")
    name = f"runner_deploy_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_URL, autocommit=True, connect_timeout=10) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _with_database(PG_URL, name)
    finally:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=10) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_stack(deploy_dir: Path, pg_url: str) -> Iterator[Stack]:
    """Load balancer -> two app servers -> PostgreSQL, rate limits in Redis."""
    binary("nginx")
    binary("redis-server")
    with contextlib.ExitStack() as cleanup:
        redis = Redis(deploy_dir)
        cleanup.callback(redis.stop)
        redis.start()
        env = app_env(pg_url, redis.url, PROXY_FIX_HOPS="1")
        flask_cli(env, "db", "upgrade")
        servers = [AppServer(name, deploy_dir, env, workers=PG_WORKERS) for name in ("app-a", "app-b")]
        for server in servers:
            cleanup.callback(server.stop)
            server.start()
        nginx = Nginx(deploy_dir, servers)
        cleanup.callback(nginx.stop)
        nginx.start()
        yield Stack(env, servers, Database(pg_url), nginx, redis)


@pytest.fixture(scope="session")
def sqlite_stack(deploy_dir: Path) -> Iterator[Stack]:
    """One app server (two workers) on an SQLite file in WAL mode: the single-machine deployment."""
    if PG_URL:
        pytest.skip("runs in the SQLite pass (TEST_DATABASE_URL unset)")
    url = f"sqlite:///{deploy_dir / 'runner.sqlite3'}"
    env = app_env(url)
    flask_cli(env, "db", "upgrade")
    server = AppServer("app-sqlite", deploy_dir, env)
    try:
        server.start()
        yield Stack(env, [server], Database(url))
    finally:
        server.stop()
