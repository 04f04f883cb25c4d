"""Fixtures shared by the integration, web and browser tiers (the coach's unit tests need none of them).

The database is SQLite in a temporary file unless TEST_DATABASE_URL names a PostgreSQL database. The schema
is made by running the migrations (so every run exercises them), and each test starts from empty tables.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text

from runner_app import create_app
from runner_app.config import database_url
from runner_app.extensions import db, limiter
from tests.builders import Api, UserFactory

TEST_PASSWORD = "correct horse battery"


def test_config(tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    url = os.environ.get("TEST_DATABASE_URL")
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url(url) if url else f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "ARGON2_TIME_COST": 1,
        "ARGON2_MEMORY_COST": 8,
        "RATELIMIT_STORAGE_URI": "memory://",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        **overrides,
    }


def reset_schema(app: Flask) -> None:
    """Drop everything and migrate from empty to head."""
    from flask_migrate import upgrade

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        else:
            db.drop_all()
            with db.engine.begin() as conn:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        upgrade()


def empty_tables(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        with db.engine.begin() as conn:
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    flask_app = create_app(test_config(tmp_path_factory.mktemp("db")))
    reset_schema(flask_app)
    yield flask_app
    with flask_app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "app" in request.fixturenames:
        flask_app = request.getfixturevalue("app")
        empty_tables(flask_app)
        with flask_app.app_context():
            limiter.reset()


@pytest.fixture
def ctx(app: Flask) -> Iterator[None]:
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def users(app: Flask) -> UserFactory:
    return UserFactory(app, TEST_PASSWORD)


@pytest.fixture
def api(app: Flask, users: UserFactory) -> Api:
    """An API client for a fresh runner, authenticated with a bearer token."""
    return Api.for_new_user(app, users)
