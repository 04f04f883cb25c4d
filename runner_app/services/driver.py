"""The few statements every API request runs, sent on the database driver itself.

Every API request checks a bearer token, and the two busiest routes then run one statement each: a cached
`today` reads its stored answer, a new entry is stamped, inserted and forgets the cached days. Each of those
is some 10 µs of database work, but through Flask-SQLAlchemy's session and SQLAlchemy's execution machinery
it cost 80–130 µs of Python (a session begun, a connection taken from it, the statement's execution context
and result objects), more than the whole of a bare Flask route that runs one statement.

So these statements are `Prepared`: SQLAlchemy compiles each one once per dialect, and the tables and their
types stay the one source of their SQL, their bind processors and their result processors. They then run on
a DBAPI connection checked out of the app's own pool (`checked_out`), with the same pool events (the
idle-connection ping, SQLite's pragmas). On PostgreSQL the connection is in autocommit for the span: each
statement is its own transaction and one round trip, with no BEGIN before it or COMMIT after it.

Nothing else should use this: everything that is not on these hot paths goes through the session. Statements
sent here do not pass through SQLAlchemy's engine events; `observers` sees each one (the tests count them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from runner_app.extensions import db

# Called with (sql, autocommit) for each statement sent here; empty unless a test or a debugger listens.
observers: list[Callable[[str, bool], None]] = []
_CONNECTED = "runner_app_connected"  # in Session.info: the session holds a connection


@event.listens_for(Session, "after_begin")
def _connected(session: Session, _transaction: Any, _connection: Any) -> None:
    session.info[_CONNECTED] = True


@event.listens_for(Session, "after_transaction_end")
def _released(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_CONNECTED, None)


def session_is_idle() -> bool:
    """Whether the app's session holds no connection (nothing read or written through it since its last
    commit): a write on the driver then waits for no lock the request itself holds, and joins no work of it
    left uncommitted."""
    sessions = db.session.registry  # this request's session, if it has one yet
    return not sessions.has() or not sessions().info.get(_CONNECTED, False)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: Sequence[str] | None  # the parameters' order for a positional driver (SQLite), None for named ones
    binds: Mapping[str, Callable[[Any], Any] | None]
    defaults: Mapping[str, Any]  # the values the statement carries itself (a literal `+ 1`, `epoch=1`)
    columns: Sequence[str]
    types: Sequence[Any]  # each result column's SQLAlchemy type, for its result processor


class Prepared:
    """A Core statement compiled once per dialect: run it with `run(span, params)`, and read rows as
    dictionaries of the statement's result columns with their types' values. Give the statement, or a
    function that builds it (called once, in the app's context: for a statement that depends on the
    database in use)."""

    def __init__(self, statement: Any) -> None:
        self._statement = statement
        self._compiled: dict[str, _Compiled] = {}
        self._results: dict[str, list[Callable[[Any], Any] | None]] = {}

    @property
    def statement(self) -> Any:
        if callable(self._statement):
            self._statement = self._statement()
        return self._statement

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = self._compile(dialect)
        return compiled

    def _compile(self, dialect: Dialect) -> _Compiled:
        done = self.statement.compile(dialect=dialect)
        binds = {
            name: bind.type.dialect_impl(dialect).bind_processor(dialect) for name, bind in done.binds.items()
        }
        defaults = {name: bind.effective_value for name, bind in done.binds.items() if not bind.required}
        exported = list(self.statement.exported_columns)
        return _Compiled(
            sql=str(done),
            names=list(done.positiontup) if done.positional else None,
            binds=binds,
            defaults=defaults,
            columns=[column.key for column in exported],
            types=[column.type.dialect_impl(dialect) for column in exported],
        )

    def run(self, span: Span, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Send the statement with `params` (by bind name) and return its rows (none for a statement that
        returns nothing). A driver's error comes out as SQLAlchemy's exception for it."""
        compiled = self._for(span.dialect)
        values = {**compiled.defaults, **params}
        for name, process in compiled.binds.items():
            if process is not None:
                values[name] = process(values[name])
        arguments: Any = [values[name] for name in compiled.names] if compiled.names is not None else values
        for observe in observers:
            observe(compiled.sql, span.autocommit)
        with span.translated(compiled.sql, arguments):
            span.cursor.execute(compiled.sql, arguments)
            rows = span.cursor.fetchall() if span.cursor.description is not None else []
        if not rows:
            return []
        results = self._results.get(span.dialect.name)
        if results is None:  # a type's processor may depend on the driver's type code (PostgreSQL's numerics)
            codes = [column[1] for column in span.cursor.description]
            results = [
                t.result_processor(span.dialect, code) for t, code in zip(compiled.types, codes, strict=True)
            ]
            self._results[span.dialect.name] = results
        columns = compiled.columns
        return [
            {
                name: value if process is None else process(value)
                for name, process, value in zip(columns, results, row, strict=True)
            }
            for row in rows
        ]


@dataclass
class Span:
    """A connection checked out for a few statements, and its cursor."""

    dialect: Dialect
    connection: Any
    cursor: Any
    autocommit: bool

    def commit(self) -> None:
        with self.translated("COMMIT", None):
            self.connection.commit()

    def rollback(self) -> None:
        with self.translated("ROLLBACK", None):
            self.connection.rollback()

    @contextmanager
    def translated(self, statement: str, arguments: Any) -> Iterator[None]:
        """A driver's error as SQLAlchemy's exception for it (what the rest of the app catches). A connection
        the database dropped is not given back to the pool."""
        base = self.dialect.loaded_dbapi.Error
        try:
            yield
        except base as error:
            if self.dialect.is_disconnect(error, self.connection, self.cursor):
                self.connection.invalidate(error)
            raise DBAPIError.instance(statement, arguments, error, base) from error


@contextmanager
def checked_out() -> Iterator[Span]:
    """A connection from the app's pool for a few statements (autocommit on PostgreSQL; on SQLite a write
    begins a transaction that `Span.commit` ends), then returned to the pool, which rolls back what is left
    open (after an error, say)."""
    engine = db.engine
    pooled = engine.raw_connection()
    driver: Any = pooled.driver_connection
    autocommit = engine.dialect.name == "postgresql"
    if autocommit:
        driver.autocommit = True
    cursor = pooled.cursor()
    span = Span(engine.dialect, pooled, cursor, autocommit)
    try:
        yield span
    finally:
        if pooled.is_valid:
            cursor.close()
            if autocommit:
                driver.autocommit = False
        pooled.close()  # back to the pool, which rolls back anything left open
