"""Opening an event database safely: one writer at a time, durable settings on every connection,
and a clear refusal (never an overwrite) for a file that is locked, read-only, damaged, foreign or
from a newer Tribune."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from .errors import StorageError
from .migrations import KNOWN, MIGRATION_SET, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000


def classify(error: sqlite3.Error) -> str:
    """The StorageError kind for an error SQLite raised."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read_only"
    if "disk is full" in text or "disk full" in text:
        return "disk_full"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "corrupt"
    return "write_failed"


def configure(conn: sqlite3.Connection) -> None:
    """The settings every connection gets: a change is on disk when COMMIT returns."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


class WriterLock:
    """An advisory lock beside the database, so two consoles never write the same event.

    The operating system drops it when the process dies, even on kill -9.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._file = None

    def acquire(self, db_path: Path) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 (held for the life of the console)
        except OSError as error:
            raise StorageError("read_only", str(db_path), error.strerror or "") from None
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise StorageError("locked", str(db_path)) from None
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StorageError("read_only", str(path), "cannot be read") from None
    if head and head != SQLITE_HEADER:
        raise StorageError("not_tribune", str(path), "not an SQLite file")


def _check_schema(db: Database, path: Path) -> None:
    tables = set(db.table_names())
    if not tables:
        return
    if tables == {"_sqlite_migrations"} and not migrations.applied(db):
        # Created and killed before the first migration: still a new database.
        return
    if "_sqlite_migrations" not in tables or "events" not in tables:
        raise StorageError("not_tribune", str(path), "no Tribune journal in it")
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in KNOWN]
    if unknown:
        raise StorageError("newer_schema", str(path), ", ".join(unknown))
    rows = db.execute(
        "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchone()
    if rows[0] == 0:
        raise StorageError("not_tribune", str(path), "no Tribune journal in it")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        raise StorageError("corrupt", str(path), str(result))


class EventDatabase:
    """An open event database. `writer=True` takes the writer's lock and migrates the schema;
    a reader (an export of a database still being written) opens it read-only."""

    def __init__(self, path: str | os.PathLike[str], *, writer: bool = True) -> None:
        self.path = Path(path)
        self.writer = writer
        self.lock = WriterLock(self.path) if writer else None
        self.conn = self._open()
        self.db = Database(self.conn)

    def _open(self) -> sqlite3.Connection:
        path = self.path
        exists = path.exists()
        if not exists and not self.writer:
            raise StorageError("missing", str(path))
        if exists:
            if path.is_dir():
                raise StorageError("not_tribune", str(path), "a folder")
            _check_header(path)
        if self.writer:
            if exists and not os.access(path, os.W_OK):
                raise StorageError("read_only", str(path))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError("read_only", str(path), error.strerror or "") from None
            if not os.access(path.parent, os.W_OK):
                raise StorageError("read_only", str(path), "its folder cannot be written to")
            assert self.lock is not None
            self.lock.acquire(path)
        conn: sqlite3.Connection | None = None
        try:
            if self.writer:
                conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                conn = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
                )
            configure(conn)
            # Look before writing anything: even switching to WAL rewrites the file's header.
            _quick_check(conn, path)
            db = Database(conn)
            _check_schema(db, path)
            if self.writer:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise StorageError("read_only", str(path), f"journal mode {mode}")
                migrations.apply(db)
        except (sqlite3.Error, StorageError) as error:
            if conn is not None:
                conn.close()
            self._release()
            if isinstance(error, StorageError):
                raise
            raise StorageError(classify(error), str(path), str(error)) from None
        return conn

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self._release()

    def __enter__(self) -> EventDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
