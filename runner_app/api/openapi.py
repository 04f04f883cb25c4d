"""GET /api/openapi.json: the OpenAPI 3.1 document, built from the same schemas that validate input."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Response, jsonify
from pydantic.json_schema import models_json_schema

from runner_app.api import bp
from runner_app.services.entry_kinds import KINDS
from runner_app.services.schemas import SCHEMA_VERSION

REF = "#/components/schemas/{model}"


def _ref(name: str) -> dict[str, str]:
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


def _problem(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/problem+json": {"schema": _ref("Problem")}}}


def _items(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["items"],
        "properties": {"items": {"type": "array", "items": schema}},
    }


def _date_range() -> list[dict[str, Any]]:
    return [
        {"name": name, "in": "query", "schema": {"type": "string", "format": "date"}}
        for name in ("from", "to")
    ]


def _json(schema: dict[str, Any], description: str, etag: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": schema}}}
    if etag:
        out["headers"] = {"ETag": {"schema": {"type": "string"}, "description": 'The version, e.g. "3"'}}
    return out


COMMON_ERRORS = {
    "401": _problem("Not signed in, or the bearer token is unknown or revoked"),
    "400": _problem("CSRF token missing (session callers) or malformed request"),
}


def _entry_paths(kind: str, schema_name: str) -> dict[str, Any]:
    out_schema = {"allOf": [_ref(schema_name), _ref("ServerFields")]}
    id_param = {
        "name": "entry_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "format": "uuid"},
    }
    item = {
        "parameters": [id_param],
        "put": {
            "operationId": f"put_{kind}",
            "summary": f"Create, replay or update a {KINDS[kind].label} by its client-made UUID",
            "parameters": [
                {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"}}
            ],
            "requestBody": {"required": True, "content": {"application/json": {"schema": _ref(schema_name)}}},
            "responses": {
                "201": _json(out_schema, "Created", etag=True),
                "200": _json(
                    out_schema, "A replay of the same body, or an update with the right If-Match", True
                ),
                "412": _json(
                    out_schema, "Different body without the current version: the stored entry", True
                ),
                "415": _problem("The body is not application/json"),
                "422": _problem("Invalid fields, each named in `errors`"),
                **COMMON_ERRORS,
            },
        },
        "get": {
            "operationId": f"get_{kind}",
            "responses": {
                "200": _json(out_schema, "The entry", etag=True),
                "404": _problem("No such entry"),
                **COMMON_ERRORS,
            },
        },
        "delete": {
            "operationId": f"delete_{kind}",
            "summary": "Delete (a tombstone is kept); deleting again is harmless",
            "responses": {
                "204": {"description": "Deleted"},
                "404": _problem("No such entry"),
                "422": _problem("The id is not a UUID"),
                **COMMON_ERRORS,
            },
        },
    }
    query = [
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "updated_since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {"name": "cursor", "in": "query", "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
    ]
    listing = {
        "get": {
            "operationId": f"list_{kind}",
            "summary": "Newest first; with updated_since, tombstones are included",
            "parameters": query,
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "required": ["items", "next_cursor"],
                        "properties": {
                            "items": {"type": "array", "items": out_schema},
                            "next_cursor": {"type": ["string", "null"]},
                        },
                    },
                    "A page of entries",
                ),
                "422": _problem("A bad filter, named in `errors`"),
                **COMMON_ERRORS,
            },
        }
    }
    return {f"/api/v1/{kind}/{{entry_id}}": item, f"/api/v1/{kind}": listing}


def _sync_path() -> dict[str, Any]:
    op = {
        "type": "object",
        "required": ["method", "path"],
        "properties": {
            "method": {"enum": ["PUT", "DELETE"]},
            "path": {"type": "string", "examples": ["/runs/5a1e6c1e-8b7f-4f0e-9d43-2c1d2f1b7a10"]},
            "if_match": {"type": ["string", "null"]},
            "body": {"type": "object"},
        },
    }
    return {
        "/api/v1/sync": {
            "post": {
                "operationId": "sync",
                "summary": "Apply up to 500 writes, each answered exactly as the single request would be",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["ops"],
                                "properties": {"ops": {"type": "array", "maxItems": 500, "items": op}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["results"],
                            "properties": {
                                "results": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["status"],
                                        "properties": {"status": {"type": "integer"}, "body": {}},
                                    },
                                }
                            },
                        },
                        "One result per op, in order",
                    ),
                    "415": _problem("The body is not application/json"),
                    "422": _problem("`ops` is missing, not a list, or too long"),
                    **COMMON_ERRORS,
                },
            }
        }
    }


def _coach_paths() -> dict[str, Any]:
    day = {"type": "string", "format": "date"}
    assessment = {
        "type": "object",
        "required": ["date", "state", "return_stage", "rungs", "alerts", "metrics", "decisions"],
        "properties": {
            "date": day,
            "state": {"enum": ["green", "amber", "red", "refer_urgent"]},
            "return_stage": {"type": ["string", "null"]},
            "rungs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["rung", "variable", "since", "review_on", "rule", "reason"],
                },
            },
            "alerts": {"type": "array", "items": {"type": "object", "required": ["kind", "message", "rule"]}},
            "decisions": {
                "type": "array",
                "items": {"type": "object", "required": ["rule", "reason", "source"]},
            },
            "metrics": {"type": "object"},
            "guidance": {"type": "object"},
        },
    }
    task = {
        "type": "object",
        "required": ["key", "kind", "title", "detail", "planned", "prescribed", "rule", "reason", "done"],
    }
    today = {
        "allOf": [
            assessment,
            {
                "type": "object",
                "required": ["tasks"],
                "properties": {"tasks": {"type": "array", "items": task}},
            },
        ]
    }
    return {
        "/api/v1/today": {
            "get": {
                "operationId": "today",
                "parameters": [{"name": "date", "in": "query", "schema": day}],
                "responses": {
                    "200": _json(today, "What to do today and why"),
                    "422": _problem("A bad date"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/coach/timeline": {
            "get": {
                "operationId": "coach_timeline",
                "parameters": _date_range(),
                "responses": {
                    "200": _json(_items(assessment), "One assessment per day"),
                    "422": _problem("Bad dates or a range over 400 days"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/tasks/{day}/{key}": {
            "put": {
                "operationId": "check_task",
                "parameters": [
                    {"name": "day", "in": "path", "required": True, "schema": day},
                    {"name": "key", "in": "path", "required": True, "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["done"],
                                "properties": {"done": {"type": "boolean"}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": _json({"type": "object"}, "Stored"),
                    "415": _problem("Not JSON"),
                    "422": _problem("Bad date, key or done"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/exercises": {
            "get": {
                "operationId": "exercises",
                "responses": {
                    "200": _json({"type": "object", "required": ["items"]}, "The exercise catalogue"),
                    **COMMON_ERRORS,
                },
            }
        },
    }


def _plan_paths() -> dict[str, Any]:
    day = {"type": "string", "format": "date"}
    plan = {
        "type": "object",
        "required": ["race_name", "race_date", "start_date", "template", "weekly_targets_m"],
    }
    plan_in = {
        "type": "object",
        "required": ["race_date", "start_date", "template", "weekly_targets_m"],
        "properties": {
            "race_name": {"type": "string", "maxLength": 120},
            "race_date": day,
            "race_distance_m": {"type": "number"},
            "start_date": day,
            "template": {
                "type": "array",
                "minItems": 7,
                "maxItems": 7,
                "items": {"enum": ["rest", "easy", "long", "tempo", "intervals", "hills", "cross_training"]},
            },
            "weekly_targets_m": {"type": "array", "items": {"type": "number"}},
            "long_run_day": {"type": "integer", "minimum": 0, "maximum": 6},
            "strength_days": {"type": "array", "items": {"type": "integer"}},
        },
    }
    generate_in = {
        "type": "object",
        "required": ["race_date", "weekly_m"],
        "properties": {
            "race_date": day,
            "weekly_m": {"type": "number"},
            "days_per_week": {"type": "integer"},
            "long_run_day": {"type": "integer"},
            "race_name": {"type": "string"},
            "race_distance_m": {"type": "number"},
        },
    }
    session = {"type": "object", "required": ["id", "date", "kind", "distance_m"]}
    session_in = {
        "type": "object",
        "required": ["date", "kind"],
        "properties": {
            "date": day,
            "kind": {"type": "string"},
            "distance_m": {"type": "number"},
            "duration_s": {"type": ["integer", "null"]},
            "notes": {"type": "string"},
        },
    }
    bad = {"415": _problem("Not JSON"), "422": _problem("Invalid fields, each named"), **COMMON_ERRORS}
    return {
        "/api/v1/plan": {
            "get": {
                "operationId": "get_plan",
                "responses": {
                    "200": _json(plan, "The plan"),
                    "404": _problem("No plan yet"),
                    **COMMON_ERRORS,
                },
            },
            "put": {
                "operationId": "build_plan",
                "requestBody": {"required": True, "content": {"application/json": {"schema": plan_in}}},
                "responses": {"200": _json(plan, "Built"), **bad},
            },
        },
        "/api/v1/plan/generate": {
            "post": {
                "operationId": "generate_plan",
                "requestBody": {"required": True, "content": {"application/json": {"schema": generate_in}}},
                "responses": {"200": _json(plan, "Generated, with warnings"), **bad},
            }
        },
        "/api/v1/plan/import": {
            "post": {
                "operationId": "import_plan",
                "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
                "responses": {"200": _json(plan, "Imported"), **bad},
            }
        },
        "/api/v1/plan/sessions": {
            "get": {
                "operationId": "plan_sessions",
                "parameters": _date_range(),
                "responses": {
                    "200": _json(_items(session), "Sessions"),
                    "422": _problem("Bad dates"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/plan/sessions/{session_id}": {
            "put": {
                "operationId": "edit_session",
                "parameters": [
                    {"name": "session_id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": session_in}}},
                "responses": {"200": _json(session, "Edited"), "404": _problem("No such session"), **bad},
            }
        },
    }


@cache
def document() -> dict[str, Any]:
    names = {kind: KINDS[kind].schema.__name__ for kind in KINDS}
    _, defs = models_json_schema([(KINDS[k].schema, "validation") for k in KINDS], ref_template=REF)
    schemas = {**defs.get("$defs", {}), "Problem": PROBLEM, "ServerFields": SERVER_FIELDS}
    paths: dict[str, Any] = {}
    for kind, name in names.items():
        paths.update(_entry_paths(kind, name))
    paths.update(_sync_path())
    paths.update(_coach_paths())
    paths.update(_plan_paths())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Runner API",
            "version": "1",
            "description": "Log runs, pain, strength and cross-training; read what the coach says. "
            f"Entry payloads carry schema_version (current {SCHEMA_VERSION}).",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"session": []}],
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "session",
                    "description": "The sign-in session; send X-CSRFToken on unsafe methods",
                },
            },
        },
        "paths": paths,
    }


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(document())
