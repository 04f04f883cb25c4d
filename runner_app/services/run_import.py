"""Import a run from a watch's file. The entry's id is made from the file's bytes, so importing the same file
again (a second tap, a retry after a lost answer) finds the same run instead of making a second one."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from zoneinfo import ZoneInfo

from runner_app.services import entries
from runner_app.services.schemas import Invalid
from runner_app.services.watch_files import UnreadableFile, read_activity

FILES = uuid.UUID("6f1d2a52-8c1e-4c53-9b7e-3e0f2b1d6a41")  # the namespace of ids made from files
MAX_FILE_BYTES = 5 * 1024 * 1024  # 1-second points of a 12-hour run with heart rate; reads in about a second
RATE_LIMIT = "30 per minute"  # per address: reading a file costs a worker real time


def file_id(data: bytes) -> uuid.UUID:
    return uuid.uuid5(FILES, hashlib.sha256(data).hexdigest())


def import_run(user_id: int, data: bytes, *, kind: str, terrain: str, timezone: str) -> entries.WriteResult:
    """The run in `data` (GPX, TCX or FIT) as a new entry on the day it started in the runner's time zone.
    Answers put_entry's result: 201 new, 200 the same file again, 412 imported before and edited since."""
    if len(data) > MAX_FILE_BYTES:
        raise Invalid({"file": [f"This file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB."]})
    try:
        activity = read_activity(data)
    except UnreadableFile as exc:
        raise Invalid({"file": [f"This file {exc}."]}) from None
    day: date = activity.start.astimezone(ZoneInfo(timezone)).date()
    payload = {
        "date": day.isoformat(),
        "kind": kind,
        "distance_m": round(activity.distance_m, 1),
        "duration_s": activity.duration_s,
        "terrain": terrain,
        "notes": f"Imported from a {activity.format.upper()} file.",
    }
    result = entries.put_entry(user_id, "runs", str(file_id(data)), payload, None)
    if result.entry.deleted:
        raise Invalid({"file": ["You imported this file before and deleted that run."]})
    return result
