"""OpenAPI paths of the coach (today, timeline, tasks, exercises), of the plan and of the export."""

from __future__ import annotations

from typing import Any

from runner_app.api.openapi_parts import COMMON_ERRORS, date_range, items_of, json_response, problem_response


def coach_paths() -> dict[str, Any]:
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
                    "200": json_response(today, "What to do today and why"),
                    "422": problem_response("A bad date"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/coach/timeline": {
            "get": {
                "operationId": "coach_timeline",
                "parameters": date_range(),
                "responses": {
                    "200": json_response(items_of(assessment), "One assessment per day"),
                    "422": problem_response("Bad dates or a range over 400 days"),
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
                    "200": json_response({"type": "object"}, "Stored"),
                    "415": problem_response("Not JSON"),
                    "422": problem_response("Bad date, key or done"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/exercises": {
            "get": {
                "operationId": "exercises",
                "responses": {
                    "200": json_response({"type": "object", "required": ["items"]}, "The exercise catalogue"),
                    **COMMON_ERRORS,
                },
            }
        },
    }


def plan_paths() -> dict[str, Any]:
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
            "spike_override": {
                "type": "boolean",
                "description": "make the plan although the race is > 2 x the longest run before it (S2)",
            },
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
            "spike_override": {
                "type": "boolean",
                "description": "run it as planned although S2 refuses it (> 2 x the longest recent run)",
            },
        },
    }
    bad = {
        "415": problem_response("Not JSON"),
        "422": problem_response("Invalid fields, each named"),
        **COMMON_ERRORS,
    }
    return {
        "/api/v1/plan": {
            "get": {
                "operationId": "get_plan",
                "responses": {
                    "200": json_response(plan, "The plan"),
                    "404": problem_response("No plan yet"),
                    **COMMON_ERRORS,
                },
            },
            "put": {
                "operationId": "build_plan",
                "requestBody": {"required": True, "content": {"application/json": {"schema": plan_in}}},
                "responses": {"200": json_response(plan, "Built"), **bad},
            },
        },
        "/api/v1/plan/generate": {
            "post": {
                "operationId": "generate_plan",
                "requestBody": {"required": True, "content": {"application/json": {"schema": generate_in}}},
                "responses": {"200": json_response(plan, "Generated, with warnings"), **bad},
            }
        },
        "/api/v1/plan/import": {
            "post": {
                "operationId": "import_plan",
                "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}}},
                "responses": {"200": json_response(plan, "Imported"), **bad},
            }
        },
        "/api/v1/plan/sessions": {
            "get": {
                "operationId": "plan_sessions",
                "parameters": date_range(),
                "responses": {
                    "200": json_response(items_of(session), "Sessions"),
                    "422": problem_response("Bad dates"),
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
                "responses": {
                    "200": json_response(session, "Edited"),
                    "404": problem_response("No such session"),
                    **bad,
                },
            }
        },
    }


def export_paths(entry_kinds: list[str]) -> dict[str, Any]:
    listed = {"type": "array", "items": {"type": "object"}}
    whole = {
        "type": "object",
        "required": ["format", "version", "exported_at", "account", *entry_kinds, "plan", "plan_sessions"],
        "properties": {
            "format": {"const": "runner_app export"},
            "version": {"type": "integer"},
            "exported_at": {"type": "string", "format": "date-time"},
            "account": {"type": "object"},
            **{kind: listed for kind in entry_kinds},
            "plan": {"type": ["object", "null"]},
            "plan_sessions": listed,
            "task_checks": listed,
        },
    }
    csv = {"description": "One row per entry", "content": {"text/csv": {"schema": {"type": "string"}}}}
    return {
        "/api/v1/export": {
            "get": {
                "operationId": "export",
                "description": "Everything logged, as an attachment; each entry as its own GET shows it",
                "responses": {"200": json_response(whole, "The whole account"), **COMMON_ERRORS},
            }
        },
        "/api/v1/export/{kind}.csv": {
            "get": {
                "operationId": "export_csv",
                "parameters": [
                    {"name": "kind", "in": "path", "required": True, "schema": {"enum": entry_kinds}}
                ],
                "responses": {"200": csv, "404": problem_response("No such kind of entry"), **COMMON_ERRORS},
            }
        },
    }
