"""For any sequence of commands, the state rebuilt from the journal on disk is the live state."""

import contextlib
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core import displays, questions, rundown, speakers
from console.core.errors import DomainError
from console.core.replay import replay
from console.storage.database import EventDatabase
from console.storage.projection import project_all
from tests.conftest import FakeClock
from tests.helpers import open_session

TEXTS = [
    "Quelle place pour les citoyens ?",
    "<b>gras</b> & <i>co</i>",
    "L'IA et l'emploi ?",
    "  ??  ",
]

action = st.one_of(
    st.tuples(st.just("advance"), st.integers(1, 900)),
    st.tuples(st.just("next_slot")),
    st.tuples(st.just("start_slot"), st.integers(0, 3)),
    st.tuples(st.just("end_slot")),
    st.tuples(st.just("pause")),
    st.tuples(st.just("resume")),
    st.tuples(st.just("slot_time"), st.sampled_from([-60, 60, 300])),
    st.tuples(st.just("call_next")),
    st.tuples(st.just("give_floor"), st.integers(0, 20)),
    st.tuples(st.just("return")),
    st.tuples(st.just("skip"), st.integers(0, 20)),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 5)),
    st.tuples(st.just("adhoc"), st.integers(0, 3)),
    st.tuples(st.just("turn_time"), st.sampled_from([-30, 60])),
    st.tuples(st.just("ask"), st.integers(0, 3), st.integers(0, 3), st.integers(0, 2)),
    st.tuples(st.just("approve"), st.integers(0, 9)),
    st.tuples(st.just("reject"), st.integers(0, 9)),
    st.tuples(st.just("show"), st.integers(0, 9)),
    st.tuples(st.just("hide")),
    st.tuples(st.just("answer"), st.integers(0, 9)),
    st.tuples(st.just("merge"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("edit"), st.integers(0, 9)),
    st.tuples(st.just("vote"), st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.just("unvote"), st.integers(0, 9), st.integers(0, 3)),
    st.tuples(st.just("note")),
    st.tuples(st.just("call_slot"), st.integers(0, 3)),
    st.tuples(st.just("add_turn"), st.integers(0, 3), st.integers(0, 30)),
    st.tuples(st.just("remove"), st.integers(0, 20)),
    st.tuples(st.just("pause_turn")),
    st.tuples(st.just("resume_turn")),
    st.tuples(st.just("end_turn")),
    st.tuples(st.just("route"), st.integers(0, 9), st.integers(0, 30), st.integers(0, 3)),
    st.tuples(st.just("jump"), st.sampled_from([-120, 300])),
    st.tuples(st.just("add_slot"), st.integers(0, 3)),
    st.tuples(st.just("share")),
    st.tuples(st.just("warn"), st.integers(-1, 3), st.sampled_from([30, 120, 300])),
    st.tuples(
        st.just("restore"),
        st.integers(0, 9),
        st.sampled_from(["pending", "approved", "rejected", "answered"]),
    ),
)


def nth(items, index):
    items = list(items)
    return items[index % len(items)] if items else "none"


def command_for(state, step):
    kind, *args = step
    slot_ids = list(state.slots)
    turn_ids = list(state.turns)
    question_ids = list(state.questions)
    return {
        "next_slot": lambda: rundown.NextSlot(),
        "start_slot": lambda: rundown.StartSlot(nth(slot_ids, args[0])),
        "end_slot": lambda: rundown.EndSlot(),
        "pause": lambda: rundown.PauseSlot(),
        "resume": lambda: rundown.ResumeSlot(),
        "slot_time": lambda: rundown.AdjustSlotTime(args[0]),
        "call_next": lambda: speakers.CallNext(),
        "give_floor": lambda: speakers.GiveFloor(nth(turn_ids, args[0])),
        "return": lambda: speakers.ReturnToQueue(),
        "skip": lambda: speakers.SkipTurn(nth(turn_ids, args[0])),
        "move": lambda: speakers.MoveTurn(nth(turn_ids, args[0]), args[1]),
        "adhoc": lambda: speakers.AddAdHocSpeaker(nth(slot_ids, args[0]), "Voix de la salle"),
        "turn_time": lambda: speakers.AdjustTurnTime(args[0]),
        "ask": lambda: questions.ReceiveQuestion(
            TEXTS[args[0]], device_id=f"d{args[1]}", client_id=f"c{args[2]}"
        ),
        "approve": lambda: questions.ApproveQuestion(nth(question_ids, args[0])),
        "reject": lambda: questions.RejectQuestion(nth(question_ids, args[0]), "hors sujet"),
        "show": lambda: questions.ShowQuestion(nth(question_ids, args[0])),
        "hide": lambda: questions.HideQuestion(),
        "answer": lambda: questions.AnswerQuestion(nth(question_ids, args[0])),
        "merge": lambda: questions.MergeQuestion(
            nth(question_ids, args[0]), nth(question_ids, args[1])
        ),
        "edit": lambda: questions.EditQuestion(
            nth(question_ids, args[0]), "Question reformulée par la modération"
        ),
        "vote": lambda: questions.VoteQuestion(nth(question_ids, args[0]), f"v{args[1]}"),
        "unvote": lambda: questions.UnvoteQuestion(nth(question_ids, args[0]), f"v{args[1]}"),
        "note": lambda: rundown.AddNote("Note de séance"),
        "call_slot": lambda: speakers.CallNext(nth(slot_ids, args[0])),
        "add_turn": lambda: speakers.AddTurn(nth(slot_ids, args[0]), (nth(state.people, args[1]),)),
        "remove": lambda: speakers.RemoveTurn(nth(turn_ids, args[0])),
        "pause_turn": lambda: speakers.PauseTurn(),
        "resume_turn": lambda: speakers.ResumeTurn(),
        "end_turn": lambda: speakers.EndTurn(),
        "route": lambda: questions.RouteQuestion(
            nth(question_ids, args[0]), nth(state.people, args[1]), nth(slot_ids, args[2])
        ),
        "jump": lambda: rundown.RecordClockJump(args[0]),
        "add_slot": lambda: rundown.AddSlot(
            "Pause technique", 10, "interruption", nth(slot_ids, args[0])
        ),
        "share": lambda: speakers.ShareRemaining(),
        "warn": lambda: displays.SetWarning(
            args[1], None if args[0] < 0 else nth(slot_ids, args[0])
        ),
        "restore": lambda: questions.RestoreQuestion(
            nth(question_ids, args[0]), args[1], "", "Texte rétabli ?"
        ),
    }[kind]()


# Columns that hold "as of the last change to this row" figures, which a full rebuild computes
# at the last event instead.
AS_OF = {"slots": ("elapsed_seconds",), "turns": ("spoken_seconds",)}
TABLES = (
    "event_info",
    "people",
    "slots",
    "slot_people",
    "turns",
    "turn_people",
    "questions",
    "notes",
)


def table_rows(conn, table):
    columns = [
        row[1]
        for row in conn.execute(f"PRAGMA table_info({table})")
        if row[1] not in AS_OF.get(table, ())
    ]
    return conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2").fetchall()


def rebuilt_tables(state, folder):
    """The readable tables written from scratch from a state: what the journal alone implies."""
    database = EventDatabase(Path(folder) / "rebuilt.db")
    try:
        with database.conn:
            project_all(database.conn, state, ZoneInfo(state.programme.event.timezone))
        return {table: table_rows(database.conn, table) for table in TABLES}
    finally:
        database.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(action, min_size=1, max_size=60))
def test_replay_of_the_journal_equals_the_live_state(demo, steps):
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.db"
        with open_session(path, clock, demo) as session:
            for step in steps:
                if step[0] == "advance":
                    clock.advance(step[1])
                    continue
                with contextlib.suppress(DomainError):
                    session.execute(command_for(session.state, step))
            live = session.state
            assert replay(session.journal.read()) == live
            # The readable tables say what the journal says.
            kept = {table: table_rows(session.journal.conn, table) for table in TABLES}
            assert kept == rebuilt_tables(live, folder)
        # And through a restart from the file itself.
        with open_session(path, clock) as again:
            assert again.state == live
