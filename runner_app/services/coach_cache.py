"""The coach's per-day cache in the database (shared by every app instance).

A write of an entry dated d bumps the runner's epoch (`stamp_write`, which also gives the write its time),
then deletes the cached days from d on, inside the write's own transaction. A computation stores its days
only if the epoch it started with is still current, so a result computed from data that a concurrent write
has since changed is never kept.

Each cached day names the code that computed it (`engine_version`): after a deploy that changes the coach,
days computed by the code before it are ignored and computed again.

On PostgreSQL a write of a new entry does all of that in one statement (`stamped_insert`): the stamp, the
insert and the invalidation are one round trip. A new entry written by itself (`insert_alone`, the API's
`PUT`) sends that statement alone on the driver (services/driver.py), so it is its own transaction and the
runner's clock row is locked for that one statement; on SQLite the three statements and their commit go
out back to back in the database's writer turn (services/writer_turns.py).

A batch of writes (`entries.batch`, the sync endpoint) drops the cache once, when it ends. Until then the
cache still holds days its writes change, and storing would commit the batch half-way: inside a batch, the
cache refuses to be read or written (`writes_pending`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta
from functools import wraps
from types import SimpleNamespace
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import DateTime, Text, bindparam, cast, delete, exists, literal_column, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from runner_app.extensions import db
from runner_app.models import CoachDay, CoachEpoch
from runner_app.models.types import utcnow
from runner_app.services import driver, upsert, writer_turns
from runner_app.services.engine_version import engine_version


# The statements of every write and every cached `today`, built once.
def _stamp_statement(insert: Callable[[Any], Any]) -> Any:
    stmt = insert(CoachEpoch).values(user_id=bindparam("user_id"), epoch=1, last_write_us=bindparam("now_us"))
    clock = upsert.greatest(CoachEpoch.last_write_us + 1, stmt.excluded.last_write_us)
    return stmt.on_conflict_do_update(
        index_elements=["user_id"], set_={"epoch": CoachEpoch.epoch + 1, "last_write_us": clock}
    ).returning(CoachEpoch.last_write_us)


_STAMP_WRITE = upsert.Prebuilt(_stamp_statement)
_EPOCH_START = datetime(1970, 1, 1, tzinfo=UTC)
_FORGET_FROM = delete(CoachDay).where(
    CoachDay.user_id == bindparam("user_id"), CoachDay.day >= bindparam("day")
)
# As the JSON text it was stored as: a cached answer is served without being decoded and encoded again.
_CACHED_TODAY = driver.Prepared(
    select(cast(CoachDay.today, Text).label("today")).where(
        CoachDay.user_id == bindparam("user_id"),
        CoachDay.day == bindparam("day"),
        CoachDay.engine_version == bindparam("version"),
    )
)


_pending: ContextVar[bool] = ContextVar("coach_cache_writes_pending", default=False)
P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def writes_pending() -> Iterator[None]:
    """Mark a batch of writes whose cache invalidation comes at its end."""
    token = _pending.set(True)
    try:
        yield
    finally:
        _pending.reset(token)


def _outside_batches(function: Callable[P, R]) -> Callable[P, R]:
    @wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        if _pending.get():
            raise RuntimeError(
                "the coach's cache was used inside a batch of writes: read the coach after the batch ends"
            )
        return function(*args, **kwargs)

    return checked


def _stamped_insert_statement(table: Any, forget: bool) -> Any:
    """PostgreSQL: stamp the write, insert the entry with that stamp (or nothing if its id is taken) and, when
    it was inserted, forget the cached days from its date on: one statement, so one round trip. It answers
    one row: the stamp, then the inserted row's columns (NULLs when nothing was inserted)."""
    clock = _stamp_statement(postgresql.insert).cte("clock")
    stamped = literal_column(
        "(timestamptz 'epoch' + clock.last_write_us * interval '1 microsecond')", DateTime(timezone=True)
    )
    given = [c for c in table.c if c.name not in {"created_at", "updated_at"}]
    values = select(
        *[cast(bindparam(c.name, type_=c.type), c.type) for c in given], stamped, stamped
    ).select_from(clock)
    inserted = (
        postgresql.insert(table)
        .from_select([*(c.name for c in given), "created_at", "updated_at"], values)
        .on_conflict_do_nothing(index_elements=["user_id", "id"])
        .returning(*table.c)
        .cte("inserted")
    )
    answer = select(clock.c.last_write_us, *inserted.c).select_from(clock.outerjoin(inserted, true()))
    if forget:
        forgotten = (
            delete(CoachDay)
            .where(CoachDay.user_id == bindparam("user_id"), CoachDay.day >= bindparam("forget_from"))
            .where(exists(select(1).select_from(inserted)))
            .cte("forgotten")
        )
        answer = answer.add_cte(forgotten)
    return answer


_STAMPED_INSERTS: dict[tuple[str, bool], Any] = {}
_SQLITE_INSERTS: dict[str, Any] = {}


def stamped_insert(table: Any, row: dict[str, Any], forget_from: date | None) -> tuple[datetime, Any]:
    """What `stamp_write`, an INSERT … ON CONFLICT DO NOTHING of `row` (its `created_at` and `updated_at` the
    stamp) and, if it inserted, `invalidate_from(forget_from)` do: the stamp and the inserted row, or (stamp,
    None) when the id was taken. On PostgreSQL one statement, so one round trip; the same lock as
    `stamp_write`, held from this statement to the commit, which then comes straight after. On SQLite the
    three statements, sent one after the other on one connection (each a call inside the process)."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        return _one_statement(connection, table, row, forget_from)
    stamp = stamp_write(row["user_id"], connection)
    if table.name not in _SQLITE_INSERTS:
        _SQLITE_INSERTS[table.name] = _sqlite_insert_statement(table)
    stamped_row = {**row, "created_at": stamp, "updated_at": stamp}
    inserted = connection.execute(_SQLITE_INSERTS[table.name], stamped_row).first()
    if inserted is not None and forget_from is not None:
        invalidate_from(row["user_id"], [forget_from], connection)
    return stamp, inserted


def _one_statement(
    connection: Connection, table: Any, row: dict[str, Any], forget_from: date | None
) -> tuple[datetime, Any]:
    key = (table.name, forget_from is not None)
    if key not in _STAMPED_INSERTS:
        _STAMPED_INSERTS[key] = _stamped_insert_statement(table, forget_from is not None)
    params = {**row, "now_us": _now_us(), "forget_from": forget_from}
    result = connection.execute(_STAMPED_INSERTS[key], params).one()
    stamp = _EPOCH_START + timedelta(microseconds=result[0])
    if result.id is None:
        return stamp, None
    return stamp, _entry(table, result._mapping)


def _entry(table: Any, columns: Mapping[Any, Any]) -> SimpleNamespace:
    """The inserted entry from an answer that holds its columns (and, on PostgreSQL, the stamp)."""
    return SimpleNamespace(**{c.name: columns[c.name] for c in table.c})


def _sqlite_insert_statement(table: Any) -> Any:
    every = {c.key: bindparam(c.key, type_=c.type) for c in table.c}  # each column given: no default applies
    insert = sqlite.insert(table).values(every).on_conflict_do_nothing(index_elements=["user_id", "id"])
    return insert.returning(*table.c)


_ALONE: dict[tuple[str, ...], driver.Prepared] = {}


def _alone(key: tuple[str, ...], build: Callable[[], Any]) -> driver.Prepared:
    if key not in _ALONE:
        _ALONE[key] = driver.Prepared(build)
    return _ALONE[key]


def insert_alone(table: Any, row: dict[str, Any], forget_from: date | None) -> Any | None:
    """`stamped_insert` on the driver, in a transaction of its own (services/driver.py), for a new entry
    written by itself: on PostgreSQL its one statement, sent alone (one round trip, no BEGIN or COMMIT); on
    SQLite its three statements and the commit, in the database's writer turn. The inserted row, or None
    when the id was taken (then nothing is written but, on PostgreSQL, a stamp)."""
    user_id, forget = row["user_id"], forget_from is not None
    with driver.checked_out() as span:
        if span.dialect.name == "postgresql":
            statement = _alone(
                ("postgresql", table.name, str(forget)), lambda: _stamped_insert_statement(table, forget)
            )
            answer = statement.run(span, {**row, "now_us": _now_us(), "forget_from": forget_from})[0]
            return None if answer["id"] is None else _entry(table, answer)
        with writer_turns.turn(holding_nothing=True):
            clock = _alone(("stamp",), lambda: _stamp_statement(sqlite.insert))
            stamped = clock.run(span, {"user_id": user_id, "now_us": _now_us()})[0]["last_write_us"]
            stamp = _EPOCH_START + timedelta(microseconds=stamped)
            insert = _alone(("insert", table.name), lambda: _sqlite_insert_statement(table))
            inserted = insert.run(span, {**row, "created_at": stamp, "updated_at": stamp})
            if inserted and forget:
                _alone(("forget",), lambda: _FORGET_FROM).run(span, {"user_id": user_id, "day": forget_from})
            (span.commit if inserted else span.rollback)()
    return SimpleNamespace(**inserted[0]) if inserted else None


def _now_us() -> int:
    return (utcnow() - _EPOCH_START) // timedelta(microseconds=1)


def _ensure_epoch_row(user_id: int) -> None:
    db.session.execute(upsert.insert(CoachEpoch).values(user_id=user_id, epoch=0).on_conflict_do_nothing())


def stamp_write(user_id: int, connection: Connection | None = None) -> datetime:
    """The `updated_at` of a write the caller is about to make, in its transaction; call it before writing.

    One statement bumps the runner's epoch (so a computation that started before this write will not store
    its result) and advances their write clock to max(its last value + 1 µs, now). It takes the lock that
    every other write of this runner then waits for until this transaction ends: the epoch row's lock on
    PostgreSQL, the database's write lock on SQLite. So a runner's stamps increase in the order their writes
    commit, whatever the app servers' clocks say, and a client asking for `updated_since` the latest stamp
    it has seen misses no write that commits after it asked."""
    params = {"user_id": user_id, "now_us": _now_us()}
    connection = connection or db.session.connection()
    stamped: int = connection.execute(_STAMP_WRITE(), params).scalar_one()
    return _EPOCH_START + timedelta(microseconds=stamped)


def invalidate_from(user_id: int, dates: Iterable[date], connection: Connection | None = None) -> None:
    """Forget cached days from the earliest of `dates` on, after writes stamped by `stamp_write` (which
    bumped the epoch). Runs inside the caller's transaction; a plain Core statement, no ORM objects."""
    connection = connection or db.session.connection()
    connection.execute(_FORGET_FROM, {"user_id": user_id, "day": min(dates)})


def current_epoch(user_id: int) -> int:
    epoch: int | None = db.session.scalar(select(CoachEpoch.epoch).where(CoachEpoch.user_id == user_id))
    return epoch or 0


@_outside_batches
def cached_day(user_id: int, day: date) -> CoachDay | None:
    row: CoachDay | None = db.session.get(CoachDay, (user_id, day))
    return row if row is not None and row.engine_version == engine_version() else None


@_outside_batches
def latest_checkpoint_before(user_id: int, day: date) -> CoachDay | None:
    """The most recent cached day before `day` that kept the engine's state."""
    stmt = (
        select(CoachDay)
        .where(CoachDay.user_id == user_id, CoachDay.day < day, CoachDay.state.is_not(None))
        .where(CoachDay.engine_version == engine_version())
        .order_by(CoachDay.day.desc())
        .limit(1)
    )
    row: CoachDay | None = db.session.scalars(stmt).first()
    return row


@_outside_batches
def days_between(user_id: int, start: date, end: date) -> list[CoachDay]:
    stmt = (
        select(CoachDay)
        .where(CoachDay.user_id == user_id, CoachDay.day >= start, CoachDay.day <= end)
        .where(CoachDay.engine_version == engine_version())
        .order_by(CoachDay.day)
    )
    return list(db.session.scalars(stmt))


@_outside_batches
def store(
    user_id: int, epoch: int, rows: Sequence[tuple[date, dict[str, Any] | None, dict[str, Any]]]
) -> bool:
    """Keep computed days (day, state or None, assessment) if no write happened since `epoch` was read."""
    if not rows:
        return True
    try:
        _ensure_epoch_row(user_id)
        locked = select(CoachEpoch.epoch).where(CoachEpoch.user_id == user_id).with_for_update()
        if db.session.scalar(locked) != epoch:
            db.session.rollback()
            return False
        first, last, version = rows[0][0], rows[-1][0], engine_version()
        db.session.execute(
            delete(CoachDay).where(CoachDay.user_id == user_id, CoachDay.day >= first, CoachDay.day <= last)
        )
        db.session.add_all(
            CoachDay(user_id=user_id, day=day, state=state, assessment=assessment, engine_version=version)
            for day, state, assessment in rows
        )
        db.session.commit()
    except OperationalError:
        # SQLite refuses to upgrade a read snapshot that a writer has since moved past: a write won.
        db.session.rollback()
        return False
    return True


@_outside_batches
def cached_today(user_id: int, day: date) -> str | None:
    """The day's stored answer, as JSON text: one statement on the driver (services/driver.py; on PostgreSQL
    alone, one round trip)."""
    with driver.checked_out() as span:
        rows = _CACHED_TODAY.run(span, {"user_id": user_id, "day": day, "version": engine_version()})
    return rows[0]["today"] if rows else None


@_outside_batches
def store_today(user_id: int, epoch: int, day: date, payload: dict[str, Any]) -> None:
    """Keep the day's whole answer beside its assessment, unless a write came in since `epoch` was read."""
    try:
        locked = select(CoachEpoch.epoch).where(CoachEpoch.user_id == user_id).with_for_update()
        if db.session.scalar(locked) != epoch:
            db.session.rollback()
            return
        db.session.execute(
            update(CoachDay)
            .where(CoachDay.user_id == user_id, CoachDay.day == day)
            .where(CoachDay.engine_version == engine_version())
            .values(today=payload)
        )
        db.session.commit()
    except OperationalError:
        db.session.rollback()


def forget_today(user_id: int, day: date | None = None) -> None:
    """Drop cached day answers (one day, or all of them) inside the caller's transaction; the coach's own
    days stay, since task checks and plans do not change what the engine says."""
    _ensure_epoch_row(user_id)
    db.session.execute(
        update(CoachEpoch).where(CoachEpoch.user_id == user_id).values(epoch=CoachEpoch.epoch + 1)
    )
    stmt = update(CoachDay).where(CoachDay.user_id == user_id)
    if day is not None:
        stmt = stmt.where(CoachDay.day == day)
    db.session.execute(stmt.values(today=None))
