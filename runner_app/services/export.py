"""Everything a runner has logged, to take away: one JSON document, or one CSV per kind of entry.

The JSON document carries each entry exactly as the API shows it, so every entry in it can be `PUT` back to
its own URL (on this server or another) and is the same entry again. Deleted entries (tombstones) are left
out: they are not the runner's data any more.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from runner_app.extensions import db
from runner_app.models import PlannedSessionRow, TaskCheck, User
from runner_app.models.types import utcnow
from runner_app.services import plans
from runner_app.services.entries import entry_kind, entry_to_dict
from runner_app.services.entry_kinds import KINDS as ENTRY_KINDS

FORMAT = "runner_app export"
VERSION = 1
KINDS = tuple(ENTRY_KINDS)  # the URL names, as in /api/v1/<kind>/<id>
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula


def entries_of(user_id: int, kind_name: str) -> Iterator[dict[str, Any]]:
    """The runner's live entries of one kind, oldest first, as the API shows them."""
    model = entry_kind(kind_name).model
    stmt = (
        select(model)
        .where(model.user_id == user_id, model.deleted.is_(False))
        .order_by(model.date, model.created_at, model.id)
    )
    for entry in db.session.scalars(stmt):
        yield entry_to_dict(kind_name, entry)


def document(user: User, now: datetime | None = None) -> dict[str, Any]:
    """The whole account as one JSON document: profile, entries of every kind, the plan and checked tasks."""
    plan = plans.plan_of(user.id)
    sessions = db.session.scalars(
        select(PlannedSessionRow).where(PlannedSessionRow.user_id == user.id).order_by(PlannedSessionRow.date)
    )
    checks = db.session.scalars(
        select(TaskCheck).where(TaskCheck.user_id == user.id).order_by(TaskCheck.date, TaskCheck.key)
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": (now or utcnow()).isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "units": user.units,
            "timezone": user.timezone,
        },
        **{kind: list(entries_of(user.id, kind)) for kind in KINDS},
        "plan": plans.plan_dict(plan) if plan else None,
        "plan_sessions": [plans.session_dict(row, user.units) for row in sessions],
        "task_checks": [{"date": c.date.isoformat(), "key": c.key, "done": c.done} for c in checks],
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        value = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    text = str(value)
    return f"'{text}" if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def csv_columns(kind_name: str) -> list[str]:
    """The API's field names, the free-text notes last (the column a spreadsheet shows widest)."""
    fields = entry_kind(kind_name).schema.model_fields
    own = [name for name in fields if name not in ("schema_version", "notes")]
    return ["id", *own, "notes", "version", "created_at", "updated_at"]


def csv_text(user_id: int, kind_name: str) -> str:
    """One kind of entry as CSV, a row per entry with the API's field names and units (metres, seconds,
    kilograms). Lists (a pain entry's flags, a strength session's sets) are JSON in their cell; text that a
    spreadsheet would take for a formula is quoted with a leading apostrophe."""
    columns = csv_columns(kind_name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for entry in entries_of(user_id, kind_name):
        writer.writerow([_cell(entry[name]) for name in columns])
    return out.getvalue()
