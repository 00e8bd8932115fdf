"""The schema, as ordered migrations. A migration that has landed is never edited: add another.

The events table is the journal and the truth; the other tables are kept in step with it in the
same transaction so the file reads well in any SQLite tool.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATION_SET = "tribune"
migrations = Migrations(MIGRATION_SET)
KNOWN: list[str] = []


def step(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register a migration, in the order of this file."""
    KNOWN.append(fn.__name__)
    return migrations()(fn)


@step
def m001_journal(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            at REAL NOT NULL,            -- wall clock, seconds since 1970-01-01 UTC
            at_utc TEXT NOT NULL,        -- the same, readable
            type TEXT NOT NULL,
            slot_id TEXT,
            data TEXT NOT NULL CHECK (json_valid(data))
        )
        """
    )
    db.execute("CREATE INDEX events_type ON events(type)")
    db.execute("CREATE INDEX events_slot ON events(slot_id)")
    db.execute(
        """
        CREATE TABLE event_info (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL,
            date TEXT NOT NULL,
            venue TEXT,
            timezone TEXT,
            language TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            organisation TEXT,
            gender TEXT,
            ad_hoc INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE slots (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            subtitle TEXT,
            planned_start TEXT NOT NULL,
            planned_minutes REAL NOT NULL,
            status TEXT NOT NULL,
            actual_start TEXT,
            actual_end TEXT,
            added_seconds REAL NOT NULL DEFAULT 0,
            elapsed_seconds REAL NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        """
        CREATE TABLE slot_people (
            slot_id TEXT NOT NULL REFERENCES slots(id),
            person_id TEXT NOT NULL REFERENCES people(id),
            role TEXT NOT NULL,
            PRIMARY KEY (slot_id, person_id, role)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE turns (
            id TEXT PRIMARY KEY,
            slot_id TEXT NOT NULL REFERENCES slots(id),
            position INTEGER NOT NULL,
            speakers TEXT NOT NULL,
            status TEXT NOT NULL,
            ad_hoc INTEGER NOT NULL DEFAULT 0,
            allotted_seconds REAL NOT NULL,
            spoken_seconds REAL NOT NULL DEFAULT 0,
            started_at TEXT,
            ended_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE turn_people (
            turn_id TEXT NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
            person_id TEXT NOT NULL REFERENCES people(id),
            PRIMARY KEY (turn_id, person_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE questions (
            id TEXT PRIMARY KEY,
            slot_id TEXT REFERENCES slots(id),
            text TEXT NOT NULL,
            original_text TEXT,
            author TEXT,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            merged_into TEXT REFERENCES questions(id),
            votes INTEGER NOT NULL DEFAULT 0,
            received_at TEXT NOT NULL,
            shown_at TEXT,
            answered_at TEXT,
            addressed_to TEXT REFERENCES people(id),
            moved_to_slot TEXT REFERENCES slots(id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            slot_id TEXT REFERENCES slots(id),
            at TEXT NOT NULL,
            text TEXT NOT NULL
        )
        """
    )
    # One readable line per event, with the slot's title, for a quick look at the morning.
    db.execute(
        """
        CREATE VIEW log AS
        SELECT e.seq, e.at_utc, e.type, s.title AS slot, e.data
        FROM events e LEFT JOIN slots s ON s.id = e.slot_id
        ORDER BY e.seq
        """
    )
