"""The journal: every event appended durably, with the readable tables kept in step."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
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


class SqliteJournal:
    """Appends events and reads them back, over an open EventDatabase (the writer)."""

    def __init__(self, database: EventDatabase) -> None:
        self.database = database
        self.conn = database.conn

    def read(self) -> list[Event]:
        return list(read_events(self.conn))

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    def append(
        self, events: Sequence[Event], state: SessionState, apply: Callable[[], None]
    ) -> None:
        """Write `events` and the rows they change in one transaction, durably.

        `apply` applies the events to `state` inside the transaction, so that the readable tables
        are written from the state after them; if anything fails, nothing is kept.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    _INSERT,
                    [
                        (
                            e.at,
                            utc_text(e.at),
                            e.type,
                            _slot_of(e, state),
                            json.dumps(e.data, ensure_ascii=False, separators=(",", ":")),
                        )
                        for e in events
                    ],
                )
                apply()
                project(conn, state, events, _zone(state))
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
