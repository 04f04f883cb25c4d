"""Writing and reading logged entries: idempotent PUTs by client-made UUID, tombstone deletes, keyset lists.

Every function takes the owner's user id, so no query can reach another runner's rows.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, or_, select, update

from runner_app.extensions import db
from runner_app.services import coach_cache, driver, race_paces, writer_turns
from runner_app.services.entry_kinds import KINDS, EntryKind
from runner_app.services.errors import NotFound
from runner_app.services.schemas import Invalid, validate

Entry = Any  # one of the entry models; they share EntryMixin's columns
SERVER_FIELDS = ("version", "created_at", "updated_at", "deleted")


_batch_dates: ContextVar[list[date] | None] = ContextVar("batch_dates", default=None)


def _written(user_id: int, kind: EntryKind, dates: Sequence[date]) -> None:
    """After a write: drop the coach's cache from its dates on (for a kind the coach reads) and commit, or
    leave both to the batch."""
    pending = _batch_dates.get()
    if pending is not None:
        if kind.coached:
            pending.extend(dates)
        return
    if kind.coached:
        coach_cache.invalidate_from(user_id, dates)
    db.session.commit()


def _race_changed(
    user_id: int, kind: EntryKind, values: dict[str, Any], day: date, old_kind: str | None = None
) -> None:
    """A run that is (or was) a race changed: the plan's paces follow it in this transaction. Any other
    write costs nothing here (the kinds are in hand)."""
    if kind.name == "runs" and "race" in (values.get("kind"), old_kind):
        race_paces.race_written(user_id, day)


@contextmanager
def batch(user_id: int) -> Iterator[None]:
    """Apply many writes in one transaction with one cache invalidation (the sync endpoint). Each write is
    still answered on its own; none of them needs undoing when another is refused, since refusals write
    nothing."""
    dates: list[date] = []
    token = _batch_dates.set(dates)
    try:
        with writer_turns.turn():
            with coach_cache.writes_pending():
                yield
            if dates:
                coach_cache.invalidate_from(user_id, dates)
            db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
    finally:
        _batch_dates.reset(token)


@dataclass(frozen=True)
class WriteResult:
    status: int  # 201 created, 200 replay or update, 412 precondition failed
    entry: Entry  # the stored entry: a model instance, or the row a write returned (same attribute names)


def parse_id(raw: str | uuid.UUID) -> uuid.UUID:
    if isinstance(raw, uuid.UUID):
        return raw
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise Invalid({"id": ["must be a UUID"]}) from None


def entry_kind(name: str) -> EntryKind:
    try:
        return KINDS[name]
    except KeyError:
        raise NotFound(name) from None


def owned_entry(kind: str, user_id: int, raw_id: str | uuid.UUID, *, include_deleted: bool = False) -> Entry:
    """The one loader: the entry if it belongs to `user_id`, else NotFound (missing and foreign alike)."""
    model = entry_kind(kind).model
    try:
        entry_id = parse_id(raw_id)
    except Invalid:
        raise NotFound(str(raw_id)) from None
    entry = db.session.get(model, (user_id, entry_id))
    if entry is None or (entry.deleted and not include_deleted):
        raise NotFound(str(raw_id))
    return entry


def _content(kind: EntryKind, entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in kind.schema.model_fields if name != "schema_version"}


def _values(data: Any) -> dict[str, Any]:
    return data.model_dump(exclude_none=False, mode="python")  # type: ignore[no-any-return]


def _normalise(kind: EntryKind, values: dict[str, Any]) -> dict[str, Any]:
    if "sets" in values:
        values["sets"] = [{k: v for k, v in s.items() if v is not None} for s in values["sets"]]
    return values


def put_entry(user_id: int, kind_name: str, raw_id: str, payload: Any, if_match: str | None) -> WriteResult:
    """Create, replay or update one entry. A retry never duplicates; an edit needs the current version.

    A new id (the common case) costs one INSERT answered from its RETURNING row (on PostgreSQL one statement
    that also stamps the write and forgets the cached days it changes); only an id already stored is read
    back to tell a replay from an edit."""
    kind = entry_kind(kind_name)
    entry_id = parse_id(raw_id)
    values = _normalise(kind, _values(validate(kind.schema, payload)))
    row = {**values, "user_id": user_id, "id": entry_id, "version": 1, "deleted": False}
    if _batch_dates.get() is None and not _is_race(kind, values) and driver.session_is_idle():
        # By itself, with nothing else to join: a new entry is one short transaction on the driver.
        table, forget_from = kind.model.__table__, values["date"] if kind.coached else None
        created = coach_cache.insert_alone(table, row, forget_from)
        if created is not None:
            return WriteResult(201, created)
    with writer_turns.turn():
        return _store(kind, row, values, if_match)


def _is_race(kind: EntryKind, values: dict[str, Any]) -> bool:
    """A race also sets the plan's paces (`_race_changed`), in its write's transaction: the session's."""
    return kind.name == "runs" and values.get("kind") == "race"


def _store(kind: EntryKind, row: dict[str, Any], values: dict[str, Any], if_match: str | None) -> WriteResult:
    user_id, entry_id = row["user_id"], row["id"]
    alone = _batch_dates.get() is None
    now, created = coach_cache.stamped_insert(
        kind.model.__table__, row, values["date"] if alone and kind.coached else None
    )
    if created is not None:
        _race_changed(user_id, kind, values, values["date"])
        if alone:
            db.session.commit()  # the cached days are forgotten already
        else:
            _written(user_id, kind, [values["date"]])
        return WriteResult(201, created)
    # Stored already, perhaps by a racing retry whose commit this statement saw: a replay or an edit.
    existing = db.session.get(kind.model, (user_id, entry_id), populate_existing=True)
    if existing is None:
        raise RuntimeError("an insert lost a race to a row that then vanished")
    new_content = {k: v for k, v in values.items() if k != "schema_version"}
    if _content(kind, existing) == new_content:
        return WriteResult(200, existing)
    if if_match is None or if_match != str(existing.version):
        return WriteResult(412, existing)
    old_date, old_kind = existing.date, getattr(existing, "kind", None)
    table = kind.model.__table__
    stmt = (
        update(table)
        .where(table.c.user_id == user_id, table.c.id == entry_id, table.c.version == existing.version)
        .values(**values, version=existing.version + 1, deleted=False, updated_at=now)
        .returning(*table.c)
    )
    updated = db.session.execute(stmt).first()
    if updated is None:
        # Someone else updated it between our read and our write; nothing was written.
        return WriteResult(412, db.session.get(kind.model, (user_id, entry_id), populate_existing=True))
    _race_changed(user_id, kind, values, min(old_date, values["date"]), old_kind)
    _written(user_id, kind, [old_date, values["date"]])
    return WriteResult(200, updated)


def last_pain_spot(user_id: int) -> tuple[str, str] | None:
    """(location, side) of the runner's latest pain entry, or None before their first."""
    model = entry_kind("pain").model
    stmt = (
        select(model.location, model.side)
        .where(model.user_id == user_id, model.deleted.is_(False))
        .order_by(model.date.desc(), model.created_at.desc())
        .limit(1)
    )
    row = db.session.execute(stmt).first()
    return (row.location, row.side) if row is not None else None


def tracked_pain_sites(user_id: int) -> list[tuple[str, str]]:
    """The (location, side) pairs the runner has ever logged pain for, in a stable order."""
    model = entry_kind("pain").model
    stmt = (
        select(model.location, model.side)
        .where(model.user_id == user_id, model.deleted.is_(False))
        .distinct()
        .order_by(model.location, model.side)
    )
    return [(row.location, row.side) for row in db.session.execute(stmt)]


def delete_entry(user_id: int, kind_name: str, raw_id: str) -> None:
    """Leave a tombstone (idempotent). Missing or foreign ids raise NotFound."""
    entry = owned_entry(kind_name, user_id, raw_id, include_deleted=True)
    if entry.deleted:
        return
    with writer_turns.turn():
        _leave_tombstone(user_id, kind_name, entry)


def _leave_tombstone(user_id: int, kind_name: str, entry: Entry) -> None:
    entry.updated_at = coach_cache.stamp_write(user_id)
    entry.deleted = True
    entry.version += 1
    kind = entry_kind(kind_name)
    _race_changed(user_id, kind, {"kind": getattr(entry, "kind", None)}, entry.date)
    _written(user_id, kind, [entry.date])


@dataclass(frozen=True)
class Page:
    items: list[Entry]
    next_cursor: str | None


def _encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([v.isoformat() if isinstance(v, date | datetime) else str(v) for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _aware(raw: str) -> datetime:
    value = datetime.fromisoformat(raw)
    if value.tzinfo is None:  # every time this server writes into a cursor carries its offset
        raise ValueError(raw)
    return value.astimezone(UTC)


def _decode_cursor(cursor: str, by_update: bool) -> tuple[Any, Any, uuid.UUID]:
    """The keyset position a cursor holds; Invalid for anything this server did not give out for this kind
    of list (a date-ordered cursor reused with `updated_since`, say)."""
    try:
        first, second, third = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if by_update:
            return _aware(first), None, uuid.UUID(third)
        return date.fromisoformat(first), _aware(second), uuid.UUID(third)
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise Invalid({"cursor": ["is not a cursor this server gave out"]}) from None


def list_entries(
    user_id: int,
    kind_name: str,
    *,
    start: date | None = None,
    end: date | None = None,
    updated_since: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page:
    """Newest first. With `updated_since`, ordered by server update time and including tombstones."""
    model = entry_kind(kind_name).model
    by_update = updated_since is not None
    order: tuple[Any, ...]
    stmt = select(model).where(model.user_id == user_id)
    if start:
        stmt = stmt.where(model.date >= start)
    if end:
        stmt = stmt.where(model.date <= end)
    if by_update:
        stmt = stmt.where(model.updated_at > updated_since.astimezone(UTC))  # type: ignore[union-attr]
        order = (model.updated_at.desc(), model.id.desc())
    else:
        stmt = stmt.where(model.deleted.is_(False))
        order = (model.date.desc(), model.created_at.desc(), model.id.desc())
    if cursor:
        first, second, last_id = _decode_cursor(cursor, by_update)
        if by_update:
            stmt = stmt.where(
                or_(model.updated_at < first, and_(model.updated_at == first, model.id < last_id))
            )
        else:
            stmt = stmt.where(
                or_(
                    model.date < first,
                    and_(model.date == first, model.created_at < second),
                    and_(model.date == first, model.created_at == second, model.id < last_id),
                )
            )
    rows = list(db.session.scalars(stmt.order_by(*order).limit(limit + 1)))
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        key = [last.updated_at, "", last.id] if by_update else [last.date, last.created_at, last.id]
        next_cursor = _encode_cursor(key)
    return Page(rows, next_cursor)


def entry_to_dict(kind_name: str, entry: Entry) -> dict[str, Any]:
    """The stored entry as the API shows it (dates ISO, ids strings, server fields included)."""
    kind = entry_kind(kind_name)
    out: dict[str, Any] = {"id": str(entry.id)}
    for name in kind.schema.model_fields:
        value = getattr(entry, name)
        if isinstance(value, date | datetime | uuid.UUID):
            value = value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
        out[name] = value
    out["version"] = entry.version
    out["created_at"] = entry.created_at.isoformat()
    out["updated_at"] = entry.updated_at.isoformat()
    out["deleted"] = entry.deleted
    return out


def put_together(user_id: int, writes: Sequence[tuple[str, str, Any, str | None]]) -> list[WriteResult]:
    """Several PUTs that belong together (a run and the pain felt on it): validate all, then write each.

    Errors come back keyed `<index>.<field>` so a form can place them; nothing is written if any is bad.
    """
    errors: dict[str, list[str]] = {}
    for index, (kind_name, raw_id, payload, _) in enumerate(writes):
        try:
            parse_id(raw_id)
            validate(entry_kind(kind_name).schema, payload)
        except Invalid as exc:
            errors.update({f"{index}.{key}": msgs for key, msgs in exc.errors.items()})
    if errors:
        raise Invalid(errors)
    with batch(user_id):
        return [
            put_entry(user_id, kind, raw_id, payload, if_match) for kind, raw_id, payload, if_match in writes
        ]
