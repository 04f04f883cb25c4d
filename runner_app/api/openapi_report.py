"""OpenAPI paths of the physio report and its secret links."""

from __future__ import annotations

from typing import Any

from runner_app.api.openapi_parts import COMMON_ERRORS, date_range, items_of, json_response, problem_response

DAY = {"type": "string", "format": "date"}
NUMBER_OR_NULL = {"type": ["number", "null"]}
INTEGER_OR_NULL = {"type": ["integer", "null"]}

WEEK = {
    "type": "object",
    "required": [
        "week_start",
        "week_end",
        "distance_m",
        "runs",
        "long_run_m",
        "hard_sessions",
        "time_on_feet_s",
        "cross_training_min",
        "strength",
        "pain",
        "mean_morning_pain",
        "max_run_pain",
        "flags",
        "states",
        "rungs",
        "return_stages",
    ],
    "properties": {
        "week_start": DAY,
        "week_end": DAY,
        "distance_m": {"type": "number"},
        "runs": {"type": "integer"},
        "long_run_m": {"type": "number"},
        "hard_sessions": {"type": "integer"},
        "time_on_feet_s": {"type": "integer"},
        "cross_training_min": {"type": "integer"},
        "strength": {
            "type": "object",
            "required": ["done", "prescribed", "progressed"],
            "properties": {
                "done": {"type": "integer"},
                "prescribed": {"type": "integer"},
                "progressed": {"type": "array", "items": {"type": "string"}},
            },
        },
        "pain": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["location", "side", "morning_mean", "morning_max", "run_max", "max_by_context"],
                "properties": {
                    "morning_mean": NUMBER_OR_NULL,
                    "morning_max": INTEGER_OR_NULL,
                    "run_max": INTEGER_OR_NULL,
                },
            },
        },
        "mean_morning_pain": NUMBER_OR_NULL,
        "max_run_pain": INTEGER_OR_NULL,
        "flags": {"type": "array", "items": {"type": "string"}},
        "states": {"type": "object", "additionalProperties": {"type": "integer"}},
        "rungs": {"type": "array", "items": {"type": "string"}},
        "return_stages": {"type": "array", "items": {"type": "string"}},
    },
}
EVENT = {
    "type": "object",
    "required": ["date", "kind", "rule", "text"],
    "properties": {
        "date": DAY,
        "kind": {"enum": ["state", "rung_started", "rung_restored", "return_stage", "alert", "clearance"]},
        "rule": {"type": "string"},
        "text": {"type": "string"},
    },
}
PAIN_BY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["name", "runs", "distance_m", "mean_run_pain", "max_run_pain"],
        "properties": {"mean_run_pain": NUMBER_OR_NULL, "max_run_pain": INTEGER_OR_NULL},
    },
}
REPORT = {
    "type": "object",
    "required": ["from", "to", "profile", "weeks", "events", "pain_by_shoe", "pain_by_terrain", "disclaimer"],
    "properties": {
        "from": DAY,
        "to": DAY,
        "profile": {"type": ["object", "null"], "description": "The runner's profile; null until one exists"},
        "weeks": {"type": "array", "items": WEEK},
        "events": {"type": "array", "items": EVENT},
        "pain_by_shoe": PAIN_BY,
        "pain_by_terrain": PAIN_BY,
        "disclaimer": {"type": "string"},
    },
}
LINK = {
    "type": "object",
    "required": ["id", "prefix", "from", "to", "expires_on", "created_at", "revoked", "active"],
    "properties": {
        "id": {"type": "integer"},
        "prefix": {"type": "string"},
        "from": DAY,
        "to": DAY,
        "expires_on": DAY,
        "created_at": {"type": "string", "format": "date-time"},
        "revoked": {"type": "boolean"},
        "active": {"type": "boolean"},
    },
}
NEW_LINK = {
    "allOf": [LINK, {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}}]
}


def report_paths() -> dict[str, Any]:
    return {
        "/api/v1/report": {
            "get": {
                "operationId": "report",
                "description": "Per ISO week, load against pain and the coach's decisions.",
                "parameters": date_range(),
                "responses": {
                    "200": json_response(REPORT, "The physio report"),
                    "422": problem_response("Bad dates, `from` after `to`, or a range over two years"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/report/links": {
            "get": {
                "operationId": "report_links",
                "responses": {"200": json_response(items_of(LINK), "The runner's links"), **COMMON_ERRORS},
            },
            "post": {
                "operationId": "make_report_link",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["expires_on"],
                                "properties": {"from": DAY, "to": DAY, "expires_on": DAY},
                            }
                        }
                    },
                },
                "responses": {
                    "201": json_response(NEW_LINK, "The link; its URL is shown this once"),
                    "415": problem_response("The body is not JSON"),
                    "422": problem_response("Bad dates, or an expiry in the past or over 90 days ahead"),
                    **COMMON_ERRORS,
                },
            },
        },
        "/api/v1/report/links/{link_id}": {
            "delete": {
                "operationId": "revoke_report_link",
                "parameters": [
                    {"name": "link_id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {
                    "204": {"description": "Revoked: the link's URL now answers 404"},
                    "404": problem_response("No such link of this runner"),
                    **COMMON_ERRORS,
                },
            }
        },
    }
