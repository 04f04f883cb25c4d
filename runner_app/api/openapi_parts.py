"""Building blocks of the OpenAPI document: references, problem and JSON responses, common errors."""

from __future__ import annotations

from typing import Any

REF = "#/components/schemas/{model}"


def ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=name)}


PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
}
SERVER_FIELDS = {
    "type": "object",
    "required": ["id", "version", "created_at", "updated_at", "deleted"],
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "version": {"type": "integer", "minimum": 1},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "deleted": {"type": "boolean"},
    },
}


def problem_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/problem+json": {"schema": ref("Problem")}}}


def items_of(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": schema}},
    }


def date_range() -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "query", "schema": {"type": "string", "format": "date"}}
        for name in ("from", "to")
    ]


def json_response(schema: dict[str, Any], description: str, etag: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": schema}}}
    if etag:
        out["headers"] = {"ETag": {"schema": {"type": "string"}, "description": 'The version, e.g. "3"'}}
    return out


COMMON_ERRORS = {
    "401": problem_response("Not signed in, or the bearer token is unknown or revoked"),
    "400": problem_response("CSRF token missing (session callers) or malformed request"),
}
