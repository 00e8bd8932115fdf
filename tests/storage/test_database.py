"""A database Tribune cannot use gets a clear refusal and is never overwritten."""

import hashlib
import os
import sqlite3

import pytest

from console.core import questions, speakers
from console.core.replay import replay
from console.storage.database import EventDatabase
from console.storage.errors import StorageError
from tests.helpers import open_session


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refusal(path, **kw) -> StorageError:
    with pytest.raises(StorageError) as caught:
        EventDatabase(path, **kw)
    return caught.value


def test_every_connection_is_durable(db_path):
    with EventDatabase(db_path) as database:
        conn = database.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with EventDatabase(db_path, writer=False) as reader:
        assert reader.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_a_second_console_on_the_same_event_is_refused(db_path):
    with EventDatabase(db_path):
        error = refusal(db_path)
        assert error.kind == "locked"
        # A reader (an export) may still look at it.
        with EventDatabase(db_path, writer=False) as reader:
            assert "events" in reader.db.table_names()
    # Once the first console is gone, the file opens again.
    EventDatabase(db_path).close()


def test_a_file_that_is_not_sqlite_is_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Compte rendu de la matinée\n" * 50)
    before = digest(path)
    assert refusal(path).kind == "not_tribune"
    assert digest(path) == before


def test_another_programs_sqlite_database_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.commit()
    conn.close()
    before = digest(path)
    assert refusal(path).kind == "not_tribune"
    assert digest(path) == before


def test_a_damaged_database_is_refused_untouched(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        for i in range(200):
            session.execute(
                questions.ReceiveQuestion(
                    f"Question numéro {i} sur l'IA", device_id="d", client_id=str(i)
                )
            )
    data = bytearray(db_path.read_bytes())
    # Scribble over the middle of the file, past the header.
    data[8192:12288] = b"\xff" * 4096
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    error = refusal(db_path)
    assert error.kind in ("corrupt", "not_tribune")
    assert digest(db_path) == before


def test_a_newer_schema_is_refused_untouched(db_path):
    with EventDatabase(db_path) as database:
        database.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('tribune', 'm999_future', '2030-01-01')"
        )
    before = digest(db_path)
    error = refusal(db_path)
    assert error.kind == "newer_schema"
    assert "m999_future" in str(error)
    assert digest(db_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files")
def test_a_read_only_database_is_refused(db_path):
    EventDatabase(db_path).close()
    db_path.chmod(0o444)
    assert refusal(db_path).kind == "read_only"


def test_a_read_only_folder_is_refused(tmp_path, monkeypatch):
    # os.access is how the refusal is decided; as root it would always say yes, so ask it plainly.
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if str(p).startswith(str(folder)) else real_access(p, mode),
    )
    assert refusal(folder / "event.db").kind == "read_only"
    assert not (folder / "event.db").exists()


def test_a_reader_needs_an_existing_file(tmp_path):
    assert refusal(tmp_path / "nope.db", writer=False).kind == "missing"


def test_a_full_disk_is_reported_and_nothing_half_written(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        conn = session.journal.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        # A real SQLITE_FULL: the file may not grow past its current size.
        conn.execute(f"PRAGMA max_page_count = {pages}")
        before = session.journal.count()
        state_before = repr(session.state)
        with pytest.raises(StorageError) as caught:
            for i in range(500):
                session.execute(
                    questions.ReceiveQuestion(
                        "Une question assez longue " * 15, device_id="d", client_id=str(i)
                    )
                )
        assert caught.value.kind == "disk_full"
        # The failed command left neither a row nor a change in the live state: what the
        # console shows is exactly what is on disk.
        assert session.journal.count() > before
        assert replay(session.journal.read()) == session.state
        assert repr(session.state) != state_before
        conn.execute("PRAGMA max_page_count = 1073741823")
        session.execute(speakers.CallNext("ouverture"))  # the console carries on once space is back
