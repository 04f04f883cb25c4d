"""A runner signed in through the sign-in page, for the page tests."""

from __future__ import annotations

import pytest
from flask import Flask

from runner_app.models import User
from tests.builders import UserFactory
from tests.conftest import TEST_PASSWORD
from tests.web.helpers import sign_in


@pytest.fixture
def runner(app: Flask, client, users: UserFactory) -> User:
    user = users.create()
    sign_in(client, user.email, TEST_PASSWORD)
    return user
