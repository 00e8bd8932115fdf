"""The journal and the readable tables kept in step with it."""

import sqlite3

from console.core import questions, rundown, speakers
from console.core.replay import replay
from console.storage.database import EventDatabase
from console.storage.journal import read_events
from tests.helpers import open_session


def scripted_morning(session, clock):
    session.execute(speakers.CallNext("ouverture"))
    clock.advance(400)
    session.execute(speakers.CallNext())
    clock.advance(30)
    q1 = session.execute(
        questions.ReceiveQuestion("<img src=x><b>hi</b>", device_id="d1", client_id="1")
    )[0]
    q2 = session.execute(
        questions.ReceiveQuestion("Et la sobriété numérique ?", device_id="d2", client_id="1")
    )[0]
    q1, q2 = q1.data["question_id"], q2.data["question_id"]
    session.execute(questions.ApproveQuestion(q1))
    session.execute(questions.ApproveQuestion(q2))
    session.execute(questions.VoteQuestion(q2, "d9"))
    session.execute(questions.MergeQuestion(q2, q1))
    session.execute(rundown.AddNote("Micro HF en panne, remplacé"))
    session.execute(speakers.AddAdHocSpeaker("ouverture", "Jeanne Dupont", minutes=2))
    session.execute(speakers.RemoveTurn("t4"))
    return q1, q2


def test_restart_replays_the_same_state(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        scripted_morning(session, clock)
        live = session.state
    with open_session(db_path, clock) as again:
        assert again.state == live


def test_readable_tables_follow_the_journal(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        q1, q2 = scripted_morning(session, clock)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    slots = conn.execute("SELECT id, status, actual_start FROM slots ORDER BY position").fetchall()
    assert slots[0] == ("ouverture", "running", "2025-02-07T09:00:00+01:00")
    assert [s[1] for s in slots[1:]] == ["planned"] * 3
    turns = conn.execute(
        "SELECT position, speakers, status, spoken_seconds FROM turns WHERE slot_id = 'ouverture' ORDER BY position"
    ).fetchall()
    assert turns == [
        (0, "Thierry Beaudet", "done", 400.0),
        (1, "Jean Cattan", "speaking", 30.0),  # as of the last change written
        (2, "Clara Chappaz", "queued", 0.0),
        (3, "Jeanne Dupont", "queued", 0.0),
    ]
    rows = dict(conn.execute("SELECT id, status FROM questions").fetchall())
    assert rows == {q1: "approved", q2: "merged"}
    assert conn.execute("SELECT votes FROM questions WHERE id = ?", [q1]).fetchone() == (1,)
    assert conn.execute("SELECT text FROM questions WHERE id = ?", [q1]).fetchone() == (
        "<img src=x><b>hi</b>",
    )
    assert (
        conn.execute(
            "SELECT person_id FROM turn_people JOIN turns ON turns.id = turn_id WHERE turns.speakers = 'Jeanne Dupont'"
        )
        .fetchone()[0]
        .startswith("adhoc-")
    )
    assert conn.execute("SELECT count(*) FROM slot_people WHERE role = 'guest'").fetchone() == (4,)
    note = conn.execute("SELECT slot_id, text FROM notes").fetchone()
    assert note == ("ouverture", "Micro HF en panne, remplacé")
    # Every event names its slot where it has one; the log view reads like the morning.
    log = conn.execute("SELECT type, slot FROM log WHERE type = 'question_received'").fetchall()
    assert log == [("question_received", "Ouverture")] * 2


def test_the_journal_is_append_only_and_ordered(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        scripted_morning(session, clock)
        count = session.journal.count()
    with EventDatabase(db_path, writer=False) as reader:
        events = list(read_events(reader.conn))
    assert len(events) == count
    assert events[0].type == "programme_loaded"
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert replay(events).questions.keys() == {"q1", "q2"}


def test_a_listener_hears_only_what_is_committed(db_path, clock, demo):
    heard = []
    with (
        open_session(db_path, clock, demo) as session,
        EventDatabase(db_path, writer=False) as reader,
    ):
        before = reader.conn.execute("SELECT count(*) FROM events").fetchone()[0]

        def listener(state, events):
            # Another connection sees only committed rows: the events must be there already.
            committed = reader.conn.execute("SELECT count(*) FROM events").fetchone()[0]
            heard.append((len(events), committed - before))

        session.subscribe(listener)
        session.execute(speakers.CallNext("ouverture"))
    assert heard == [(2, 2)]


def test_a_merge_chain_keeps_the_table_in_step(db_path, clock, demo):
    with open_session(db_path, clock, demo) as session:
        ids = [
            session.execute(
                questions.ReceiveQuestion(f"Question {i} ?", device_id="d", client_id=str(i))
            )[0].data["question_id"]
            for i in range(3)
        ]
        session.execute(questions.MergeQuestion(ids[0], ids[1]))
        session.execute(questions.MergeQuestion(ids[1], ids[2]))
        rows = dict(
            session.journal.conn.execute("SELECT id, merged_into FROM questions").fetchall()
        )
    assert rows == {ids[0]: ids[2], ids[1]: ids[2], ids[2]: None}


def test_a_database_killed_while_being_created_opens_as_new(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT, PRIMARY KEY (migration_set, name))"
    )
    conn.commit()
    conn.close()
    with EventDatabase(db_path) as database:
        assert "events" in database.db.table_names()
