"""Import a plan from CSV (`date,kind,distance_km,notes`): all rows or none, every bad line reported.

A CSV is untrusted input: size, row count, values and encoding are all checked, and no exception escapes
for bad content. The caller stores the sessions only when `errors` is empty.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, cast

from runner_app.planning.model import PlannedSession, SessionKind, monday_of, phases_for_weeks, session_id

REQUIRED_COLUMNS = ("date", "kind", "distance_km")
OPTIONAL_COLUMNS = ("notes",)
CSV_KINDS = ("easy", "recovery", "long", "tempo", "intervals", "hills", "race", "rest", "cross_training")
MAX_ROWS = 2000
MAX_BYTES = 1_000_000
MAX_DISTANCE_KM = 100.0
MAX_NOTES_CHARS = 2000
YEARS = (1900, 2100)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"\d{1,6}(\.\d{1,6})?")


class CsvError(NamedTuple):
    """One problem: the 1-based line of the file, the column (or `file`) and what is wrong."""

    line: int
    field: str
    message: str


@dataclass(frozen=True)
class CsvImport:
    sessions: tuple[PlannedSession, ...]
    errors: tuple[CsvError, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Row:
    line: int
    date: date
    kind: SessionKind
    distance_m: float
    notes: str


def _decode(data: bytes | str) -> tuple[str | None, list[CsvError]]:
    if len(data) > MAX_BYTES:
        return None, [CsvError(1, "file", f"the file is {len(data)} bytes long; the limit is {MAX_BYTES}")]
    if isinstance(data, str):
        return data, []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte {error.start}); save the file as UTF-8 CSV"
        return None, [CsvError(line, "file", message)]


def _parse_date(text: str) -> tuple[date | None, str | None]:
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        day = date.fromisoformat(text)
    except ValueError:
        return None, f"'{text[:40]}' is not a date (YYYY-MM-DD)"
    if not YEARS[0] <= day.year <= YEARS[1]:
        return None, f"{text} is outside the years {YEARS[0]}-{YEARS[1]}"
    return day, None


def _parse_distance(text: str, kind: str | None) -> tuple[float | None, str | None]:
    if text == "":
        if kind in ("rest", "cross_training"):
            return 0.0, None
        return None, "a distance in km is required"
    if not _NUMBER.fullmatch(text):
        return None, f"'{text[:40]}' is not a number of km (digits, a dot for decimals)"
    km = float(text)
    if not 0 <= km <= MAX_DISTANCE_KM:
        return None, f"{text[:40]} km is outside 0-{MAX_DISTANCE_KM:g} km"
    if kind == "rest" and km > 0:
        return None, "a rest day has no distance"
    if kind not in (None, "rest", "cross_training") and km == 0:
        return None, "a run needs a distance above 0 km"
    return km * 1000.0, None


def _parse_row(line: int, record: dict[str, str | None], extra: object) -> tuple[_Row | None, list[CsvError]]:
    errors: list[CsvError] = []
    if extra:
        errors.append(CsvError(line, "file", "more fields than the header has columns"))
    values = {column: (record.get(column) or "").strip() for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    missing = [column for column in REQUIRED_COLUMNS if record.get(column) is None]
    if missing:
        errors.append(CsvError(line, missing[0], "fewer fields than the header has columns"))
        return None, errors
    day, date_error = _parse_date(values["date"])
    if date_error:
        errors.append(CsvError(line, "date", date_error))
    kind_text = values["kind"].lower()
    kind = kind_text if kind_text in CSV_KINDS else None
    if kind is None:
        errors.append(CsvError(line, "kind", f"'{values['kind'][:40]}' is not one of {', '.join(CSV_KINDS)}"))
    distance_m, distance_error = _parse_distance(values["distance_km"], kind)
    if distance_error:
        errors.append(CsvError(line, "distance_km", distance_error))
    notes = values["notes"]
    if len(notes) > MAX_NOTES_CHARS:
        message = f"notes are {len(notes)} characters; the limit is {MAX_NOTES_CHARS}"
        errors.append(CsvError(line, "notes", message))
    if errors or day is None or kind is None or distance_m is None:
        return None, errors
    return _Row(line, day, cast(SessionKind, kind), distance_m, notes), []


def parse_plan_csv(data: bytes | str, plan_id: str) -> CsvImport:
    """Parse a whole plan CSV. Either every row becomes a session, or no session and every error found."""
    text, errors = _decode(data)
    if text is None:
        return CsvImport((), tuple(errors))
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return CsvImport((), (CsvError(line, "file", "the file contains a NUL byte: not a CSV text file"),))
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="_extra")
    try:
        header = [name.strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as error:
        return CsvImport((), (CsvError(1, "file", f"unreadable header: {error}"),))
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        message = f"the first line must be a header with the columns {','.join((*REQUIRED_COLUMNS, 'notes'))}"
        return CsvImport((), (CsvError(1, missing[0], message),))
    reader.fieldnames = header
    rows: list[_Row] = []
    seen: dict[date, int] = {}
    count = 0
    try:
        for record in reader:
            line = reader.line_num
            if not any((value or "").strip() for key, value in record.items() if key != "_extra"):
                continue
            count += 1
            if count > MAX_ROWS:
                errors.append(CsvError(line, "file", f"more than {MAX_ROWS} rows; split the plan"))
                break
            row, row_errors = _parse_row(line, cast(dict[str, str | None], record), record.get("_extra"))
            errors.extend(row_errors)
            if row is None:
                continue
            if row.date in seen:
                message = f"{row.date} already has a session (line {seen[row.date]})"
                errors.append(CsvError(line, "date", message))
                continue
            seen[row.date] = line
            rows.append(row)
    except csv.Error as error:
        errors.append(CsvError(reader.line_num, "file", f"unreadable CSV: {error}"))
    if not errors and not rows:
        errors.append(CsvError(2, "file", "no sessions: the file has a header but no rows"))
    if errors:
        return CsvImport((), tuple(errors))
    return CsvImport(_to_sessions(rows, plan_id), ())


def _to_sessions(rows: list[_Row], plan_id: str) -> tuple[PlannedSession, ...]:
    rows = sorted(rows, key=lambda row: row.date)
    first_monday = monday_of(rows[0].date)
    week_of = [(monday_of(row.date) - first_monday).days // 7 for row in rows]
    totals = [0.0] * (week_of[-1] + 1)
    for row, week in zip(rows, week_of, strict=True):
        if row.kind != "race":
            totals[week] += row.distance_m
    race_weeks = [week for row, week in zip(rows, week_of, strict=True) if row.kind == "race"]
    phases = phases_for_weeks(totals, race_weeks[-1] if race_weeks else None)
    return tuple(
        PlannedSession(
            id=session_id(plan_id, row.date),
            date=row.date,
            kind=row.kind,
            distance_m=row.distance_m,
            duration_s=None,
            notes=row.notes,
            week_index=week,
            phase=phases[week],
        )
        for row, week in zip(rows, week_of, strict=True)
    )
