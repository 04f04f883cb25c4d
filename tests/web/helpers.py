"""Helpers for page tests: read the CSRF token from a page, sign in through the form."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

_TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf-token" content="([^"]+)"')


def csrf_from(response: TestResponse) -> str:
    match = _TOKEN.search(response.get_data(as_text=True))
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


def sign_in(client: FlaskClient, email: str, password: str) -> TestResponse:
    token = csrf_from(client.get("/login"))
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token})


def form_post(client: FlaskClient, path: str, data: dict, *, page: str | None = None) -> TestResponse:
    """GET the page for its CSRF token (and hidden id), then POST `data` to `path`."""
    html = client.get(page or path)
    payload = {"csrf_token": csrf_from(html), **data}
    if "id" not in payload:
        match = re.search(r'id="id" name="id" type="hidden" value="([^"]*)"', html.get_data(as_text=True))
        if match:
            payload["id"] = match.group(1)
    return client.post(path, data=payload)
