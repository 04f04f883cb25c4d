"""A statement that is a transaction by itself, sent as one round trip.

On PostgreSQL every transaction costs a BEGIN before its statements and a COMMIT or ROLLBACK after them,
each a round trip to the server. A reading request's token check and a cached `today` are each a single
statement that needs no transaction around it, so they run in autocommit mode (the driver sends the
statement alone, and PostgreSQL runs it as its own transaction): a cached `today` is two round trips instead
of four (the bare route in bench/deploy_echo.py takes three). A write is not sent so: its request's token
check already opened the transaction it joins, and a new entry is one statement there anyway
(coach_cache.stamped_insert); a separate autocommit span for the write measured no faster, its switches
costing the worker about what the round trips saved.

Only when the session has no transaction open (nothing read or written before in the request), and only on
PostgreSQL: SQLite runs inside the process, where BEGIN and COMMIT cost no round trip. After the statement,
`end()` closes the session's autocommit span, so whatever the request does next begins a real transaction.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from runner_app.extensions import db


def connection() -> Connection | None:
    """The session's connection in autocommit mode for one statement, or None (another database, or a
    transaction already open): then use the session as usual."""
    session = db.session()
    if session.in_transaction() or session.get_bind().dialect.name != "postgresql":
        return None
    return session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def end() -> None:
    """Close the autocommit span (no round trip: nothing is open on the server). Objects loaded in it stay
    loaded: they are as fresh as any read, and expiring them would cost a query each to read them again."""
    session = db.session()
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire
