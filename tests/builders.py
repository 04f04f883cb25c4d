"""Small builders for test data: users, API clients, entry bodies."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from runner_app.extensions import db
from runner_app.models import User
from runner_app.services import users as user_service

_counter = itertools.count(1)


class UserFactory:
    def __init__(self, app: Flask, password: str) -> None:
        self.app, self.password = app, password

    def create(self, email: str | None = None, **profile: Any) -> User:
        with self.app.app_context():
            user = user_service.create_user(email or f"runner{next(_counter)}@example.com", self.password)
            for key, value in profile.items():
                setattr(user, key, value)
            db.session.commit()
            db.session.refresh(user)
            db.session.expunge(user)
            return user

    def token(self, user: User, name: str = "test") -> str:
        with self.app.app_context():
            return user_service.create_token(db.session.get(User, user.id), name).secret


@dataclass
class Api:
    """A bearer-token API client for one runner."""

    client: FlaskClient
    token: str
    user: User

    @classmethod
    def for_new_user(cls, app: Flask, users: UserFactory, **profile: Any) -> Api:
        user = users.create(**profile)
        return cls(app.test_client(), users.token(user), user)

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **(extra or {})}

    def get(self, path: str, **kw: Any) -> TestResponse:
        return self.client.get(path, headers=self._headers(kw.pop("headers", None)), **kw)

    def put(self, path: str, body: Any, if_match: str | None = None, **kw: Any) -> TestResponse:
        headers = self._headers(kw.pop("headers", None))
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return self.client.put(path, json=body, headers=headers, **kw)

    def post(self, path: str, body: Any, **kw: Any) -> TestResponse:
        return self.client.post(path, json=body, headers=self._headers(kw.pop("headers", None)), **kw)

    def delete(self, path: str, **kw: Any) -> TestResponse:
        return self.client.delete(path, headers=self._headers(kw.pop("headers", None)), **kw)


def new_id() -> str:
    return str(uuid.uuid4())


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()  # noqa: DTZ011


def run_body(**overrides: Any) -> dict[str, Any]:
    return {
        "date": days_ago(1),
        "kind": "easy",
        "distance_m": 8000,
        "duration_s": 2880,
        "rpe": 3,
        "terrain": "flat",
        **overrides,
    }


def pain_body(**overrides: Any) -> dict[str, Any]:
    return {
        "date": days_ago(1),
        "context": "morning",
        "location": "knee_front",
        "side": "right",
        "score": 2,
        **overrides,
    }


def strength_body(**overrides: Any) -> dict[str, Any]:
    sets = [{"exercise": "clamshells", "reps": 15, "side": "both"}, {"exercise": "hip_bridges", "reps": 12}]
    return {"date": days_ago(1), "duration_s": 1500, "rpe": 5, "pain_max": 1, "sets": sets, **overrides}


def cross_body(**overrides: Any) -> dict[str, Any]:
    return {"date": days_ago(1), "kind": "cycling", "duration_s": 2400, "rpe": 4, **overrides}


def shoe_body(**overrides: Any) -> dict[str, Any]:
    return {"date": days_ago(30), "name": "Daily trainers", "retire_at_m": 700_000.0, **overrides}


BODIES = {
    "runs": run_body,
    "pain": pain_body,
    "strength": strength_body,
    "cross-training": cross_body,
    "shoes": shoe_body,
}
