"""The journal: every event appended durably, with the readable tables kept in step."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

from console.core.events import Event
from console.core.state import SessionState

from .database import EventDatabase, classify
from .errors import StorageError
from .projection import project

_INSERT = "INSERT INTO events (at, at_utc, type, slot_id, data) VALUES (?, ?, ?, ?, ?)"


def utc_text(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _slot_of(event: Event, state: SessionState | None) -> str | None:
    data = event.data
    if "slot_id" in data:
        return data["slot_id"]
    if state is not None:
        if "turn_id" in data and data["turn_id"] in state.turns:
            return state.turns[data["turn_id"]].slot_id
        if "question_id" in data and data["question_id"] in state.questions:
            return state.questions[data["question_id"]].slot_id
    return None


class _Batch:
    def __init__(self, conn: sqlite3.Connection, state: SessionState) -> None:
        self.conn = conn
        self.state = state
        self.events: list[Event] = []

    def write(self, events: Sequence[Event]) -> None:
        self.conn.executemany(
            _INSERT,
            [
                (
                    e.at,
                    utc_text(e.at),
                    e.type,
                    _slot_of(e, self.state),
                    json.dumps(e.data, ensure_ascii=False, separators=(",", ":")),
                )
                for e in events
            ],
        )
        self.events.extend(events)


class SqliteJournal:
    """Appends events and reads them back, over an open EventDatabase (the writer)."""

    def __init__(self, database: EventDatabase) -> None:
        self.database = database
        self.conn = database.conn

    def read(self) -> list[Event]:
        try:
            return list(read_events(self.conn))
        except sqlite3.Error as error:
            raise StorageError(classify(error), str(self.database.path), str(error)) from None

    def count(self) -> int:
        try:
            return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        except sqlite3.Error as error:
            raise StorageError(classify(error), str(self.database.path), str(error)) from None

    @contextmanager
    def transaction(self, state: SessionState) -> Iterator[_Batch]:
        """One durable write: events and the rows they change, or nothing.

        The readable tables are written from `state` when the block ends, so the caller applies
        the events to it inside the block. COMMIT returns once the data is on disk
        (synchronous=FULL).
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                batch = _Batch(conn, state)
                yield batch
                if batch.events:
                    project(conn, state, batch.events, _zone(state))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            raise StorageError(classify(error), str(self.database.path), str(error)) from None


def _zone(state: SessionState) -> tzinfo:
    return ZoneInfo(state.programme.event.timezone) if state.programme else UTC


def read_events(conn: sqlite3.Connection) -> Iterable[Event]:
    loads = json.loads
    for type_, at, data in conn.execute("SELECT type, at, data FROM events ORDER BY seq"):
        yield Event(type_, at, loads(data))
