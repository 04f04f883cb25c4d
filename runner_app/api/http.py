"""Request parsing shared by the API's routes: JSON bodies, If-Match, query parameters."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from flask import Response, jsonify, request

from runner_app.services.schemas import DATE_MESSAGE, EARLIEST_DATE, Invalid, parse_day

__all__ = ["DATE_MESSAGE", "parse_day"]  # the API's routes take them from here


class BadBody(Exception):
    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def json_body() -> Any:
    """The request's JSON document; BadBody(415) for another media type, BadBody(400) for broken JSON."""
    if not request.is_json:
        raise BadBody(415, "Unsupported Media Type", "Send the body as application/json.")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the JSON decoder goes; werkzeug only silences ValueError
        data = None
    if data is None:
        raise BadBody(400, "Malformed JSON", "The body is not valid JSON.")
    return data


def if_match_version() -> str | None:
    """The version the client is editing, from `If-Match: "3"` (weak tags and bare numbers accepted)."""
    raw = request.headers.get("If-Match")
    if not raw:
        return None
    return raw.strip().removeprefix("W/").strip('"') or None


def entry_response(body: dict[str, Any], status: int) -> Response:
    response = jsonify(body)
    response.status_code = status
    response.headers["ETag"] = f'"{body["version"]}"'
    return response


RANGE_MESSAGE = "must be between 1900-01-01 and a year from today"
_LIMIT = re.compile(r"[0-9]{1,3}")


def in_range(value: date, today: date) -> bool:
    """Within the app's date range and at most a year after `today`: the days the coach answers for."""
    return EARLIEST_DATE <= value <= today + timedelta(days=366)


def date_param(name: str, default: date, today: date | None = None) -> date:
    """The query parameter `name` as a date, or `default` when absent; Invalid when it is not a date between
    1900 and a year after `today` (by default `default`)."""
    raw = request.args.get(name)
    if not raw:
        return default
    try:
        value = parse_day(raw)
    except ValueError as exc:
        raise Invalid({name: [str(exc)]}) from None
    if not in_range(value, today or default):
        raise Invalid({name: [RANGE_MESSAGE]})
    return value


def query_params(names: tuple[str, ...]) -> dict[str, Any]:
    """Parse the list filters; Invalid names every bad one."""
    args = request.args
    errors: dict[str, list[str]] = {}
    out: dict[str, Any] = {}
    for name in ("from", "to"):
        if name in names and args.get(name):
            try:
                out[name] = parse_day(args[name])
            except ValueError as exc:
                errors[name] = [str(exc)]
    if "updated_since" in names and args.get("updated_since"):
        try:
            value = datetime.fromisoformat(args["updated_since"].replace("Z", "+00:00"))
            if value.tzinfo is None:
                raise ValueError
            out["updated_since"] = value.astimezone(UTC)
        except (ValueError, OverflowError):  # OverflowError: 0001-01-01T00:00+01:00 is before year 1 in UTC
            errors["updated_since"] = ["must be an ISO 8601 date and time with an offset"]
    if "limit" in names:
        raw = args.get("limit", "50")
        if _LIMIT.fullmatch(raw) and 1 <= int(raw) <= 200:  # ASCII digits only: "²".isdigit() is True
            out["limit"] = int(raw)
        else:
            errors["limit"] = ["must be a whole number from 1 to 200"]
    if "cursor" in names and args.get("cursor"):
        out["cursor"] = args["cursor"]
    if errors:
        raise Invalid(errors)
    return out
