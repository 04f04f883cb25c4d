"""Settings from the environment. `create_app(config)` layers explicit overrides on top."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any


class ConfigError(RuntimeError):
    """The environment does not describe a runnable app."""


def database_url(raw: str) -> str:
    """Point PostgreSQL URLs at psycopg 3, whatever scheme the host hands us."""
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


def postgres_pool(env: Mapping[str, str]) -> dict[str, Any]:
    """Pool for one app process. A sync gunicorn worker uses one connection at a time, so the server sees
    about instances x workers connections; the pool only caps bursts (threads, CLI) and drops dead ones."""
    return {
        "pool_size": int(env.get("DB_POOL_SIZE", "5")),
        "max_overflow": int(env.get("DB_MAX_OVERFLOW", "5")),
        "pool_timeout": 10,
        # Not a ping on every checkout (a round trip per request): runner_app/pool.py pings only connections
        # idle for DB_PING_IDLE_S seconds, so one cut by a database restart or failover is replaced, not used.
        "pool_pre_ping": False,
        "pool_recycle": 1800,  # under typical proxy/firewall idle cut-offs
        "connect_args": {"connect_timeout": 5},
    }


def _dev_secret_key(instance_path: Path) -> str:
    """The dev run keeps a random key in instance/ so sessions survive restarts; never used in production."""
    key_file = instance_path / "dev_secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def load(instance_path: Path, overrides: dict[str, Any] | None) -> dict[str, Any]:
    """Build the app's settings: environment first, then `overrides` (tests and tools pass these)."""
    overrides = dict(overrides or {})
    env = os.environ
    testing = bool(overrides.get("TESTING", False))
    dev = env.get("RUNNER_APP_DEV") == "1" or bool(overrides.get("DEV_RUN", False))
    settings: dict[str, Any] = {
        "TESTING": testing,
        "DEV_RUN": dev,
        "SECRET_KEY": env.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": database_url(
            env.get("DATABASE_URL", f"sqlite:///{instance_path / 'runner_app.sqlite3'}")
        ),
        # SQLite is a file: no server to restart under an open connection, so no ping before each use.
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "RATELIMIT_STORAGE_URI": env.get("REDIS_URL", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "10 per minute"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": not (dev or testing),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": not (dev or testing),
        "REMEMBER_COOKIE_DURATION": timedelta(days=30),
        "REMEMBER_COOKIE_NAME": "remember_token",
        # Where runners reach the app, e.g. https://runs.example.org: links shown to them (calendar, report,
        # password reset) are built from it, never from a request's Host header.
        "PUBLIC_URL": (env.get("PUBLIC_URL") or "").rstrip("/") or None,
        # Who push services may contact about our reminders (RFC 8292 "sub"): a mailto: or https: URL.
        "VAPID_SUBJECT": env.get("VAPID_SUBJECT") or None,
        "WTF_CSRF_TIME_LIMIT": None,  # a form left open on a phone all day still submits
        "WTF_CSRF_CHECK_DEFAULT": False,  # checked in a before_request hook that exempts bearer tokens
        # argon2id: OWASP's second recommended setting; tests pass cheap values.
        "ARGON2_TIME_COST": int(env.get("ARGON2_TIME_COST", "2")),
        "ARGON2_MEMORY_COST": int(env.get("ARGON2_MEMORY_COST", "19456")),
        "ARGON2_PARALLELISM": 1,
        "PROXY_FIX_HOPS": int(env.get("PROXY_FIX_HOPS", "0")),
        # A /sync batch within api.md's limits (500 ops, notes of 2000 characters, each escaped as \uXXXX in
        # the worst case) fits; the CSV import has its own, smaller limit.
        "MAX_CONTENT_LENGTH": 16 * 1024 * 1024,
        "DEMO_SEED_ON_START": False,
        # One JSON line per request on stderr (runner_app/ops/request_log.py); off in tests unless asked.
        "REQUEST_LOG": env.get("REQUEST_LOG", "0" if testing else "1") == "1",
    }
    settings.update(overrides)
    if (
        settings["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
        and "SQLALCHEMY_ENGINE_OPTIONS" not in overrides
    ):
        settings["SQLALCHEMY_ENGINE_OPTIONS"] = postgres_pool(env)
    if not settings["SECRET_KEY"]:
        if settings["TESTING"]:
            settings["SECRET_KEY"] = secrets.token_hex(32)
        elif settings["DEV_RUN"]:
            settings["SECRET_KEY"] = _dev_secret_key(instance_path)
        else:
            raise ConfigError("SECRET_KEY must be set (outside tests and the dev run).")
    return settings
