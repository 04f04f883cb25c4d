"""OpenAPI paths of the coach (today, timeline, tasks, exercises), of the plan, the profile, the export and
the push reminders;
their schemas are generated (openapi_models.py)."""

from __future__ import annotations

from typing import Any

from runner_app.api.coach import TASK_KEYS
from runner_app.api.openapi_parts import (
    COMMON_ERRORS,
    date_range,
    items_of,
    json_response,
    problem_response,
    ref,
)


def coach_paths() -> dict[str, Any]:
    day = {"type": "string", "format": "date"}
    return {
        "/api/v1/today": {
            "get": {
                "operationId": "today",
                "parameters": [{"name": "date", "in": "query", "schema": day}],
                "responses": {
                    "200": json_response(ref("Today"), "What to do today and why"),
                    "422": problem_response("A bad date"),
                    **COMMON_ERRORS,
                },
            }
        },
        "/api/v1/coach/timeline": {
            "get": {
                "operationId": "coach_timeline",
                "description": "At most 400 days; `to` defaults to today, `from` to 27 days before `to`",
                "parameters": date_range(),
                "responses": {
                    "200": json_response(items_of(ref("Assessment")), "One assessment per day"),
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
                    {"name": "key", "in": "path", "required": True, "schema": {"enum": list(TASK_KEYS)}},
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("TaskCheckIn")}},
                },
                "responses": {
                    "200": json_response(ref("TaskCheck"), "Stored"),
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
                    "200": json_response(items_of(ref("Exercise")), "The exercise catalogue"),
                    **COMMON_ERRORS,
                },
            }
        },
    }


def plan_paths() -> dict[str, Any]:
    bad = {
        "415": problem_response("Not JSON"),
        "422": problem_response("Invalid fields, each named"),
        **COMMON_ERRORS,
    }
    plan = ref("Plan")
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
                "requestBody": {"required": True, "content": {"application/json": {"schema": ref("PlanIn")}}},
                "responses": {"200": json_response(plan, "Built"), **bad},
            },
        },
        "/api/v1/plan/generate": {
            "post": {
                "operationId": "generate_plan",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("GenerateIn")}},
                },
                "responses": {"200": json_response(ref("GeneratedPlan"), "Generated, with warnings"), **bad},
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
                "description": "`from` defaults to this week's Monday, `to` to six days later; "
                "at most 800 days",
                "parameters": date_range(),
                "responses": {
                    "200": json_response(items_of(ref("PlannedSession")), "Sessions"),
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
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("SessionIn")}},
                },
                "responses": {
                    "200": json_response(ref("PlannedSession"), "Edited"),
                    "404": problem_response("No such session"),
                    **bad,
                },
            }
        },
    }


def profile_paths() -> dict[str, Any]:
    profile = ref("Profile")
    return {
        "/api/v1/profile": {
            "get": {
                "operationId": "get_profile",
                "responses": {
                    "200": json_response(profile, "The runner's profile, in metres and seconds"),
                    "404": problem_response("No profile yet"),
                    **COMMON_ERRORS,
                },
            },
            "put": {
                "operationId": "put_profile",
                "summary": "Replace the profile (where the runner says they are)",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("ProfileIn")}},
                },
                "responses": {
                    "201": json_response(profile, "Created"),
                    "200": json_response(profile, "Replaced"),
                    "415": problem_response("Not JSON"),
                    "422": problem_response("Invalid fields, each named in `errors`"),
                    **COMMON_ERRORS,
                },
            },
        }
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


def push_paths() -> dict[str, Any]:
    def body(name: str) -> dict[str, Any]:
        return {"required": True, "content": {"application/json": {"schema": ref(name)}}}

    bad = {"415": problem_response("Not JSON"), "422": problem_response("Invalid fields, each named")}
    return {
        "/api/v1/push/key": {
            "get": {
                "operationId": "push_key",
                "responses": {"200": json_response(ref("PushKey"), "The VAPID public key"), **COMMON_ERRORS},
            }
        },
        "/api/v1/push/subscription": {
            "post": {
                "operationId": "push_subscribe",
                "summary": "Send today's reminder to this browser; another account's endpoint moves here",
                "requestBody": body("PushSubscriptionIn"),
                "responses": {
                    "201": json_response(ref("PushSubscription"), "Subscribed"),
                    "200": json_response(ref("PushSubscription"), "Known endpoint: its keys replaced"),
                    **bad,
                    **COMMON_ERRORS,
                },
            },
            "delete": {
                "operationId": "push_unsubscribe",
                "requestBody": body("PushEndpointIn"),
                "responses": {
                    "204": {"description": "No more reminders to this browser"},
                    "404": problem_response("The runner has no subscription with this endpoint"),
                    **bad,
                    **COMMON_ERRORS,
                },
            },
        },
    }
