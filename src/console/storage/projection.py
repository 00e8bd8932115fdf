"""The readable tables (people, slots, turns, questions, notes), written from the state after each
batch of events, in the journal's transaction. They are a view of the journal, never its source."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, tzinfo

from console.core.events import Event
from console.core.programme import Role
from console.core.state import SessionState, SlotRun, Turn

_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_info": ("id", "title", "date", "venue", "timezone", "language"),
    "people": ("id", "name", "title", "organisation", "gender", "ad_hoc"),
    "slots": (
        "id", "position", "kind", "title", "subtitle", "planned_start", "planned_minutes", "status",
        "actual_start", "actual_end", "added_seconds", "elapsed_seconds",
    ),
    "turns": (
        "id", "slot_id", "position", "speakers", "status", "ad_hoc", "allotted_seconds",
        "spoken_seconds", "started_at", "ended_at",
    ),
    "questions": (
        "id", "slot_id", "text", "original_text", "author", "source", "status", "reason",
        "merged_into", "votes", "received_at", "shown_at", "answered_at", "addressed_to",
        "moved_to_slot",
    ),
    "notes": ("id", "slot_id", "at", "text"),
}  # fmt: skip


def _upsert(conn: sqlite3.Connection, table: str, rows: Sequence[tuple]) -> None:
    if not rows:
        return
    columns = _COLUMNS[table]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        rows,
    )


def _local(at: float | None, tz: tzinfo) -> str | None:
    if at is None:
        return None
    return datetime.fromtimestamp(at, tz).isoformat(timespec="seconds")


def _slot_row(state: SessionState, run: SlotRun, position: int, tz: tzinfo) -> tuple:
    slot = run.slot
    now = run.ended_at or state.last_at
    return (
        slot.id, position, slot.kind.value, slot.title, slot.subtitle,
        slot.start.isoformat(timespec="minutes"), slot.minutes, run.status.value,
        _local(run.started_at, tz), _local(run.ended_at, tz), run.timer.added,
        run.timer.elapsed(now),
    )  # fmt: skip


def _turn_row(state: SessionState, turn: Turn, position: int, tz: tzinfo) -> tuple:
    names = [state.people[p].name for p in turn.person_ids if p in state.people]
    return (
        turn.id, turn.slot_id, position, ", ".join(names), turn.status.value, int(turn.ad_hoc),
        turn.timer.allotted, turn.timer.elapsed(turn.ended_at or state.last_at),
        _local(turn.started_at, tz), _local(turn.ended_at, tz),
    )  # fmt: skip


def _question_row(state: SessionState, question_id: str, tz: tzinfo) -> tuple:
    q = state.questions[question_id]
    return (
        q.id, q.slot_id, q.text, q.original_text, q.author, q.source, q.status.value, q.reason,
        q.merged_into, q.votes, _local(q.received_at, tz), _local(q.shown_at, tz),
        _local(q.answered_at, tz), q.addressed_to, q.moved_to_slot,
    )  # fmt: skip


def _write_programme(conn: sqlite3.Connection, state: SessionState, tz: tzinfo) -> None:
    programme = state.programme
    assert programme is not None
    info = programme.event
    _upsert(
        conn,
        "event_info",
        [(1, info.title, info.date.isoformat(), info.venue, info.timezone, info.language)],
    )
    _upsert(
        conn,
        "people",
        [
            (p.id, p.name, p.title, p.organisation, p.gender, int(p.id not in programme.people))
            for p in state.people.values()
        ],
    )
    _upsert(
        conn,
        "slots",
        [_slot_row(state, run, i, tz) for i, run in enumerate(state.slots.values())],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO slot_people (slot_id, person_id, role) VALUES (?, ?, ?)",
        [
            (slot.id, person_id, role.value)
            for slot in programme.slots
            for role in Role
            for person_id in slot.people_in(role)
        ],
    )


def _write_turns(conn: sqlite3.Connection, state: SessionState, slot_id: str, tz: tzinfo) -> None:
    """A slot's turns with their places: a move or a removal renumbers the whole list."""
    queue = state.queues[slot_id]
    _upsert(conn, "turns", [_turn_row(state, state.turns[t], i, tz) for i, t in enumerate(queue)])
    conn.executemany(
        "INSERT OR IGNORE INTO turn_people (turn_id, person_id) VALUES (?, ?)",
        [(t, p) for t in queue for p in state.turns[t].person_ids],
    )


def project(
    conn: sqlite3.Connection, state: SessionState, events: Sequence[Event], tz: tzinfo
) -> None:
    slots: set[str] = set()
    turn_slots: set[str] = set()
    questions: set[str] = set()
    people: set[str] = set()
    for event in events:
        d = event.data
        kind = event.type
        if kind == "programme_loaded":
            _write_programme(conn, state, tz)
        elif kind == "person_added":
            people.add(d["person"]["id"])
        elif kind == "slot_added":
            # An unplanned slot shifts the places of those after it.
            slots.update(state.slots)
        elif kind.startswith("slot_"):
            slots.add(d["slot_id"])
        elif kind == "turn_removed":
            conn.execute("DELETE FROM turns WHERE id = ?", [d["turn_id"]])
            turn_slots.add(d["slot_id"])
        elif kind.startswith("turn_"):
            turn_slots.add(state.turns[d["turn_id"]].slot_id)
        elif kind.startswith("question_"):
            questions.add(d["question_id"])
            if kind == "question_merged":
                # Earlier duplicates of the merged question now point further on too.
                questions.add(d["into_id"])
                questions.update(
                    q.id for q in state.questions.values() if q.merged_into == d["into_id"]
                )
        elif kind == "note_added":
            _upsert(conn, "notes", [(d["note_id"], d["slot_id"], _local(event.at, tz), d["text"])])
    if people:
        programme_people = state.programme.people if state.programme else {}
        _upsert(
            conn,
            "people",
            [
                (p.id, p.name, p.title, p.organisation, p.gender, int(p.id not in programme_people))
                for p in (state.people[i] for i in people if i in state.people)
            ],
        )
    if slots:
        order = list(state.slots)
        _upsert(
            conn,
            "slots",
            [_slot_row(state, state.slots[s], order.index(s), tz) for s in slots],
        )
    for slot_id in turn_slots:
        _write_turns(conn, state, slot_id, tz)
    if questions:
        _upsert(conn, "questions", [_question_row(state, q, tz) for q in questions])


def project_all(conn: sqlite3.Connection, state: SessionState, tz: tzinfo) -> None:
    """Write every readable row from `state`: a database rebuilt from its journal alone."""
    if state.programme is not None:
        _write_programme(conn, state, tz)
    for slot_id in state.queues:
        _write_turns(conn, state, slot_id, tz)
    _upsert(conn, "questions", [_question_row(state, q, tz) for q in state.questions])
    _upsert(conn, "notes", [(n.id, n.slot_id, _local(n.at, tz), n.text) for n in state.notes])
