"""The OpenAPI document is generated from the models the code uses, and says what the API enforces."""

from __future__ import annotations

import re
from typing import Any

import jsonschema_rs
from flask import Flask

from runner_app.api.openapi import document
from runner_app.services.entry_kinds import KINDS
from tests.builders import BODIES, Api, new_id

# Whole-account dumps whose parts are each described by their own routes.
LOOSE = {"/api/v1/export"}


def resolve(schema: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def undescribed_objects(schema: Any, doc: dict[str, Any], where: str, seen: set[str]) -> list[str]:
    """Places where an answer is an object whose fields the document does not name."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            name = schema["$ref"]
            if name in seen:
                return []
            return undescribed_objects(resolve(schema, doc), doc, where, seen | {name})
        found = []
        if (
            schema.get("type") == "object"
            and "properties" not in schema
            and "additionalProperties" not in schema
        ):
            found.append(where)
        for key, value in schema.items():
            found += undescribed_objects(value, doc, f"{where}.{key}", seen)
        return found
    if isinstance(schema, list):
        return [hit for item in schema for hit in undescribed_objects(item, doc, where, seen)]
    return []


def test_every_answer_of_the_api_names_its_fields() -> None:
    doc = document()
    gaps = []
    for path, item in doc["paths"].items():
        if path in LOOSE:
            continue
        for method, operation in item.items():
            if method == "parameters":
                continue
            for status, response in operation["responses"].items():
                content = response.get("content", {}).get("application/json")
                if status.startswith("2") and content:
                    gaps += undescribed_objects(content["schema"], doc, f"{method} {path} {status}", set())
    assert gaps == []


def test_the_profile_is_documented_from_the_model_that_validates_it() -> None:
    doc = document()
    put = doc["paths"]["/api/v1/profile"]["put"]
    request = resolve(put["requestBody"]["content"]["application/json"]["schema"], doc)
    assert request["properties"]["runs_per_week"]["maximum"] == 14
    assert request["properties"]["runs_per_week"]["type"] == "integer"
    assert set(put["responses"]) >= {"200", "201", "422"}


def test_the_document_states_the_caps_enums_and_whole_number_durations_the_api_enforces() -> None:
    doc = document()
    schemas = doc["components"]["schemas"]
    assert schemas["RunIn"]["properties"]["duration_s"]["type"] == "integer"
    assert schemas["RunIn"]["properties"]["duration_s"]["maximum"] == 172_800
    assert "easy" in schemas["RunIn"]["properties"]["kind"]["enum"]
    listing = doc["paths"]["/api/v1/runs"]["get"]["parameters"]
    by_name = {p["name"]: p for p in listing}
    assert by_name["limit"]["schema"]["maximum"] == 200
    assert "pattern" in by_name["cursor"]["schema"]
    put = doc["paths"]["/api/v1/runs/{entry_id}"]["put"]
    if_match = next(p for p in put["parameters"] if p["name"] == "If-Match")
    assert "`*`" in if_match["description"]


def test_a_real_today_answer_matches_the_generated_schema(app: Flask, api: Api) -> None:
    for _ in range(3):
        assert api.put(f"/api/v1/runs/{new_id()}", BODIES["runs"]()).status_code == 201
        assert api.put(f"/api/v1/pain/{new_id()}", BODIES["pain"]()).status_code == 201
    doc = document()
    answer = api.get("/api/v1/today").get_json()
    schema = {
        **doc["paths"]["/api/v1/today"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    }
    schema["components"] = doc["components"]
    jsonschema_rs.validate(schema, answer)
    assert answer["tasks"] is not None


# Routes of the `api` blueprint the document leaves out on purpose, with the reason.
UNDOCUMENTED = {
    ("/api/openapi.json", "GET"): "the document itself, not an operation of the API it describes",
}


def documented_paths(rule: str) -> list[str]:
    """The document's paths for a URL rule: `<name>` becomes `{name}`, and an entry route (`<kind>`, one
    rule for every kind) becomes one path per kind, as the document lists them."""
    path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)
    if path.startswith("/api/v1/{kind}"):
        return [path.replace("{kind}", kind) for kind in KINDS]
    return [path]


def test_every_route_of_the_api_blueprint_is_in_the_document(app: Flask) -> None:
    doc = document()
    seen, missing = set(), []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] != "api":
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            for path in documented_paths(rule.rule):
                seen.add((path, method))
                if (path, method) not in UNDOCUMENTED and method.lower() not in doc["paths"].get(path, {}):
                    missing.append(f"{method} {path}")
    assert missing == []
    assert ("/api/v1/push/subscription", "DELETE") in seen and ("/api/v1/runs/{entry_id}", "PUT") in seen
    assert set(UNDOCUMENTED) <= seen, "an exception for a route that no longer exists"


def test_the_push_routes_are_documented_with_their_request_and_answer_models() -> None:
    doc = document()
    paths, schemas = doc["paths"], doc["components"]["schemas"]
    subscribe = paths["/api/v1/push/subscription"]["post"]
    assert subscribe["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/PushSubscriptionIn"
    )
    assert {"200", "201", "422"} <= set(subscribe["responses"])
    assert schemas["PushSubscriptionIn"]["required"] == ["endpoint", "keys"]
    assert set(schemas["PushSubscription"]["required"]) == {
        "endpoint",
        "created_at",
        "moved_from_another_account",
    }
    assert {"204", "404", "422"} <= set(paths["/api/v1/push/subscription"]["delete"]["responses"])
    assert schemas["PushKey"]["required"] == ["application_server_key"]
    assert "200" in paths["/api/v1/push/key"]["get"]["responses"]
