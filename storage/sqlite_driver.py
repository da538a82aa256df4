"""SQLAlchemy's aiosqlite adapter with one trip to the SQLite thread per statement.

aiosqlite runs every call on its own thread, and SQLAlchemy's adapter makes four calls per
statement (open a cursor, execute, fetch all, close), plus a COMMIT and a pool-reset
ROLLBACK per session even when nothing was written. Each trip is a hand-over between two
threads — about 40 µs on one core, more across cores — and that, not SQLite, was the
largest single cost of a bot update (bench/fullstack.py). This adapter runs
execute-fetch-close as one function on the same thread and skips COMMIT/ROLLBACK when
SQLite says no transaction is open. Everything else is SQLAlchemy's own dialect, passed in
with create_async_engine(module=...), so URLs and pools stay as they are.

Inside `interactive()` (a member's update) a statement skips the hand-over altogether and runs
on the event loop's own thread: the lookups of a turn take SQLite 10–150 µs, less than the
hand-over itself. Two guards keep the loop from stalling there: a SELECT still running after
INLINE_BUDGET is interrupted (SQLite's progress handler) and run again on the thread, and the
loop never waits for a lock — a statement that finds the database locked by another writer is
run again on the thread, which waits with busy_timeout as before. Bulk writes (executemany),
COMMIT and everything outside `interactive()` (the planner, the dispatcher, persistence) stay
on the thread.

It relies on aiosqlite's `Connection._execute(fn, *args)` (the queue every aiosqlite method
goes through) and its `_conn` (the sqlite3 connection; SQLAlchemy opens it with
check_same_thread=False, and the mutex below keeps one statement at a time on it).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import aiosqlite
from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util.concurrency import await_

Outcome = tuple[Any, list[Any], int, int | None, bool]

# A SELECT running longer than this on the loop's thread is moved to aiosqlite's thread.
INLINE_BUDGET = 0.005  # seconds
# How often SQLite asks whether the budget is spent (virtual machine steps; ~10–50 µs).
_PROGRESS_STEPS = 1000
# What the thread waits for a lock (the engine connects with it); inline statements wait 0.
BUSY_TIMEOUT_MS = 10_000

_WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)

_interactive: ContextVar[bool] = ContextVar("sqlite_interactive", default=False)


@contextmanager
def interactive() -> Iterator[None]:
    """Statements in this block may run on the event loop's thread (see the module's doc)."""
    token = _interactive.set(True)
    try:
        yield
    finally:
        _interactive.reset(token)


@contextmanager
def background() -> Iterator[None]:
    """Inside a member's turn, statements that must not run on the loop's thread: a bulk job
    (a 5,000-row import) whose thousands of writes, each waiting on SQLite's WAL bookkeeping
    now and then, would otherwise hold up every other user's turn."""
    token = _interactive.set(False)
    try:
        yield
    finally:
        _interactive.reset(token)


def _run(raw: sqlite3.Connection, operation: str, parameters: Any, many: bool = False) -> Outcome:
    """On aiosqlite's thread: the whole statement, results read before the cursor closes."""
    cursor = raw.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, () if parameters is None else parameters)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, rows, cursor.rowcount, cursor.lastrowid, raw.in_transaction
    finally:
        cursor.close()


def _set_busy_timeout(raw: sqlite3.Connection, milliseconds: int) -> None:
    raw.execute(f"PRAGMA busy_timeout={int(milliseconds)}").close()


def _run_waiting(
    raw: sqlite3.Connection, operation: str, parameters: Any, many: bool, restore_busy: bool
) -> Outcome:
    """On aiosqlite's thread, waiting for locks as long as the engine was told to."""
    if restore_busy:
        _set_busy_timeout(raw, BUSY_TIMEOUT_MS)
    return _run(raw, operation, parameters, many)


def _is_read(operation: str) -> bool:
    """A SELECT (or WITH … SELECT): interrupting it loses nothing. An interrupted write inside
    a transaction would roll the whole transaction back, so writes are never interrupted."""
    head = operation.lstrip()[:6].upper()
    return head == "SELECT" or (head.startswith("WITH") and not _WRITES.search(operation))


def _run_inline(raw: sqlite3.Connection, operation: str, parameters: Any) -> Outcome | None:
    """On the loop's thread; None when the statement must go to the thread instead."""
    fresh = not raw.in_transaction
    read = _is_read(operation)
    if read:
        deadline = time.perf_counter() + INLINE_BUDGET
        raw.set_progress_handler(lambda: time.perf_counter() > deadline, _PROGRESS_STEPS)
    try:
        return _run(raw, operation, parameters)
    except sqlite3.OperationalError as error:
        reason = str(error)
        if read and "interrupted" in reason:
            return None  # a long SELECT has no effects; it starts over on the thread
        if "locked" in reason:
            # Nothing was written. A transaction this statement opened is closed, so the
            # thread opens a new one instead of writing on a stale snapshot.
            if fresh and raw.in_transaction:
                raw.rollback()
            return None
        raise
    finally:
        if read:
            raw.set_progress_handler(None, 0)


def _end_transaction(raw: sqlite3.Connection, commit: bool) -> None:
    if commit:
        raw.commit()
    else:
        raw.rollback()


async def _on_sqlite_thread(connection: aiosqlite.Connection, fn: Any, *args: Any) -> Any:
    return await connection._execute(fn, *args)  # type: ignore[no-untyped-call]


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose statement and rows travel in one call to the SQLite thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:
        # No aiosqlite cursor is opened here (that would be a trip of its own).
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = {}  # type: ignore[assignment]
        self._rows = deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        return None

    async def _async_soft_close(self) -> None:
        return None  # nothing is open on the other thread

    def close(self) -> None:
        self._rows.clear()

    async def _execute_async(self, operation: Any, parameters: Any) -> Any:
        return await self._trip(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> Any:
        return await self._trip(operation, seq_of_parameters, many=True)

    async def _trip(self, operation: str, parameters: Any, *, many: bool) -> None:
        adapt = self._adapt_connection
        assert isinstance(adapt, OneTripConnection)
        async with adapt._execute_mutex:
            connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
            raw: sqlite3.Connection = connection._conn
            outcome: Outcome | None = None
            if not many and _interactive.get():
                if adapt.busy_timeout_ms != 0:
                    _set_busy_timeout(raw, 0)  # the loop must never sleep on a lock
                    adapt.busy_timeout_ms = 0
                outcome = _run_inline(raw, operation, parameters)
            if outcome is None:
                restore = adapt.busy_timeout_ms != BUSY_TIMEOUT_MS
                outcome = await _on_sqlite_thread(
                    connection, _run_waiting, raw, operation, parameters, many, restore
                )
                adapt.busy_timeout_ms = BUSY_TIMEOUT_MS
        self._description, rows, self._rowcount, self._lastrowid, adapt.in_transaction = outcome
        self._rows = deque(rows)

    def setinputsizes(self, *inputsizes: Any) -> None:
        return None


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """Commits and rolls back only when SQLite has a transaction open."""

    __slots__ = ("busy_timeout_ms", "in_transaction")
    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        # Unknown until the first statement says; assume open so nothing is skipped wrongly.
        self.in_transaction = True
        # As storage.engine connects (timeout=); statements run inline set it to 0.
        self.busy_timeout_ms = BUSY_TIMEOUT_MS

    def _finish(self, commit: bool) -> None:
        connection: aiosqlite.Connection = self._connection  # type: ignore[assignment]
        if not self.in_transaction or not connection._connection:
            return
        try:
            await_(self._end_on_thread(connection, commit))
        except Exception as error:
            self._handle_exception(error)
        self.in_transaction = False

    async def _end_on_thread(self, connection: aiosqlite.Connection, commit: bool) -> None:
        # Under the statement mutex: a connection shared by sessions (StaticPool) must not
        # commit on aiosqlite's thread while another session's statement runs on the loop's.
        async with self._execute_mutex:
            await _on_sqlite_thread(connection, _end_transaction, connection._conn, commit)

    def commit(self) -> None:
        self._finish(commit=True)

    def rollback(self) -> None:
        self._finish(commit=False)


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite DBAPI shim, handing out OneTripConnections."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        adapted = super().connect(*arg, **kw)
        return OneTripConnection(self, adapted._connection)


def one_trip_dbapi() -> OneTripDBAPI:
    return OneTripDBAPI(aiosqlite, sqlite3)
