"""Building blocks for tests: a session on a real SQLite journal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from console.core.programme import Programme
from console.core.rundown import LoadProgramme
from console.core.session import Session
from console.storage.database import EventDatabase
from console.storage.journal import SqliteJournal


@contextmanager
def open_session(path: Path, clock, programme: Programme | None = None) -> Iterator[Session]:
    database = EventDatabase(path)
    try:
        session = Session(SqliteJournal(database), clock)
        if programme is not None and session.state.programme is None:
            session.execute(LoadProgramme(programme))
        yield session
    finally:
        database.close()
