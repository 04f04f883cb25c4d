"""A property-based fuzzer (schemathesis) against the live app, in-process, keeps the OpenAPI document true:
no server error, and every response matches the document."""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from runner_app.api.openapi import document
from tests.builders import Api, UserFactory

OPERATIONS = [
    (path, method.upper())
    for path, item in document()["paths"].items()
    for method in item
    if method in {"get", "put", "post", "delete"}
]


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_the_api_answers_every_generated_request_as_documented(
    app: Flask, users: UserFactory, path: str, method: str
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operation = schema[path][method]
    api = Api.for_new_user(app, users)

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def answers_as_documented(case: schemathesis.Case) -> None:
        # Schema-valid data can still be refused for reasons JSON Schema cannot say (a date in 1850, an
        # If-Match that does not match), so acceptance of positive data is not required.
        case.call_and_validate(
            headers={"Authorization": f"Bearer {api.token}"}, excluded_checks=[positive_data_acceptance]
        )

    answers_as_documented()


def test_the_document_is_openapi_3_1_and_names_every_entry_route(client) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    for kind in ("runs", "pain", "strength", "cross-training", "clearances"):
        assert f"/api/v1/{kind}/{{entry_id}}" in doc["paths"]
        assert f"/api/v1/{kind}" in doc["paths"]
    assert "/api/v1/sync" in doc["paths"]
