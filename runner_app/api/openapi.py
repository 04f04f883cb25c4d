"""GET /api/openapi.json: the OpenAPI 3.1 document, built from the same schemas that validate input."""

from __future__ import annotations

from functools import cache
from typing import Any, get_args

from flask import Response, jsonify
from pydantic.json_schema import models_json_schema

from runner_app.api import bp
from runner_app.api.openapi_models import generated_schemas
from runner_app.api.openapi_parts import (
    COMMON_ERRORS,
    PROBLEM,
    REF,
    SERVER_FIELDS,
    json_response,
    problem_response,
    ref,
)
from runner_app.api.openapi_paths import (
    coach_paths,
    export_paths,
    plan_paths,
    profile_paths,
    push_paths,
)
from runner_app.api.openapi_report import report_paths
from runner_app.services.entry_kinds import KINDS
from runner_app.services.schemas import SCHEMA_VERSION, RunIn


def _entry_paths(kind: str, schema_name: str) -> dict[str, Any]:
    out_schema = {"allOf": [ref(schema_name), ref("ServerFields")]}
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
                {
                    "name": "If-Match",
                    "in": "header",
                    "required": False,
                    "description": 'The version being edited, as the ETag gave it ("3"); `*` matches no '
                    "version (an edit names the one it changes), so it answers 412 like a stale one",
                    "schema": {"type": "string", "examples": ['"3"']},
                }
            ],
            "requestBody": {"required": True, "content": {"application/json": {"schema": ref(schema_name)}}},
            "responses": {
                "201": json_response(out_schema, "Created", etag=True),
                "200": json_response(
                    out_schema, "A replay of the same body, or an update with the right If-Match", True
                ),
                "412": json_response(
                    out_schema, "Different body without the current version: the stored entry", True
                ),
                "415": problem_response("The body is not application/json"),
                "422": problem_response("Invalid fields, each named in `errors`"),
                **COMMON_ERRORS,
            },
        },
        "get": {
            "operationId": f"get_{kind}",
            "responses": {
                "200": json_response(out_schema, "The entry", etag=True),
                "404": problem_response("No such entry"),
                **COMMON_ERRORS,
            },
        },
        "delete": {
            "operationId": f"delete_{kind}",
            "summary": "Delete (a tombstone is kept); deleting again is harmless",
            "responses": {
                "204": {"description": "Deleted"},
                "404": problem_response("No such entry"),
                "422": problem_response("The id is not a UUID"),
                **COMMON_ERRORS,
            },
        },
    }
    query = [
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
        {"name": "updated_since", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {
            "name": "cursor",
            "in": "query",
            "description": "The `next_cursor` of the page before, for the same kind of list (by date, or by "
            "`updated_since`); any other value is refused (422)",
            "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
        },
        {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
    ]
    listing = {
        "get": {
            "operationId": f"list_{kind}",
            "summary": "Newest first; with updated_since, tombstones are included",
            "parameters": query,
            "responses": {
                "200": json_response(
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
                "422": problem_response("A bad filter, named in `errors`"),
                **COMMON_ERRORS,
            },
        }
    }
    return {f"/api/v1/{kind}/{{entry_id}}": item, f"/api/v1/{kind}": listing}


def _import_path() -> dict[str, Any]:
    run = {"allOf": [ref("RunIn"), ref("ServerFields")]}
    run_fields = RunIn.model_fields
    choices = {name: list(get_args(run_fields[name].annotation)) for name in ("kind", "terrain")}
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "/api/v1/runs/import": {
            "post": {
                "operationId": "import_run",
                "summary": "A run from a watch's GPX, TCX or FIT file, sent as the body; the same file again "
                "answers the run it made the first time",
                "parameters": [
                    {"name": name, "in": "query", "schema": {"enum": values}}
                    for name, values in choices.items()
                ],
                "requestBody": {"required": True, "content": {"application/octet-stream": binary}},
                "responses": {
                    "201": json_response(run, "Imported", etag=True),
                    "200": json_response(run, "This file was imported before: its run", etag=True),
                    "412": json_response(run, "Imported before and edited since: the stored run", etag=True),
                    "422": problem_response("Not a run this app can read, or a bad kind or terrain"),
                    **COMMON_ERRORS,
                },
            }
        }
    }


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
                    "200": json_response(
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
                    "415": problem_response("The body is not application/json"),
                    "422": problem_response("`ops` is missing, not a list, or too long"),
                    **COMMON_ERRORS,
                },
            }
        }
    }


@cache
def document() -> dict[str, Any]:
    names = {kind: KINDS[kind].schema.__name__ for kind in KINDS}
    _, defs = models_json_schema([(KINDS[k].schema, "validation") for k in KINDS], ref_template=REF)
    schemas = {
        **defs.get("$defs", {}),
        **generated_schemas(),
        "Problem": PROBLEM,
        "ServerFields": SERVER_FIELDS,
    }
    paths: dict[str, Any] = {}
    for kind, name in names.items():
        paths.update(_entry_paths(kind, name))
    paths.update(_import_path())
    paths.update(_sync_path())
    paths.update(coach_paths())
    paths.update(plan_paths())
    paths.update(profile_paths())
    paths.update(export_paths(list(KINDS)))
    paths.update(report_paths())
    paths.update(push_paths())
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
