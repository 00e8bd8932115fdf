"""The real console (window, qasync loop, journal) driven by a timer, for the kill -9 test.

    python kill_driver.py run DB       # run the morning; print "ACK <events> <digest>" per change
    python kill_driver.py inspect DB N # print the digest of the first N events and of them all

Every command goes through MainWindow.run, the path a click takes.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.core import questions, rundown, speakers
from console.core.replay import replay
from console.core.state import QuestionStatus, SessionState, SlotStatus


def digest(state: SessionState) -> dict:
    """What a moderator would check after a restart: slot, clocks, queue, questions."""
    current = state.current_slot
    speaking = state.speaking_turn()
    return {
        "slot": current.slot.id if current else None,
        "slot_status": current.status.value if current else None,
        "slot_timer": [
            current.timer.run_started_at,
            current.timer.elapsed_before,
            current.timer.added,
        ]
        if current
        else None,
        "speaking": speaking.id if speaking else None,
        "speaker_timer": [speaking.timer.run_started_at, speaking.timer.elapsed_before]
        if speaking
        else None,
        "queues": {
            s: [(t, state.turns[t].status.value) for t in q] for s, q in state.queues.items()
        },
        "questions": {q.id: [q.status.value, q.votes, q.text] for q in state.questions.values()},
        "notes": len(state.notes),
    }


def next_command(state: SessionState, rng: random.Random):
    current = state.current_slot
    if current is None or current.status is SlotStatus.ENDED:
        # Once the morning is over, notes still go to its log.
        return (
            rundown.NextSlot()
            if rundown.next_planned_slot(state)
            else rundown.AddNote("Après la séance")
        )
    if current.status is SlotStatus.PAUSED:
        return rundown.ResumeSlot()
    pending = [q.id for q in state.questions.values() if q.status is QuestionStatus.PENDING]
    approved = [q.id for q in state.questions.values() if q.status is QuestionStatus.APPROVED]
    roll = rng.random()
    if roll < 0.35:
        n = len(state.questions)
        return questions.ReceiveQuestion(
            f"Question {n} : et l'IA dans les services publics ?",
            device_id=f"phone-{n % 40}",
            client_id=f"c{n}",
        )
    if roll < 0.5 and pending:
        return questions.ApproveQuestion(rng.choice(pending))
    if roll < 0.65 and approved:
        return questions.VoteQuestion(rng.choice(approved), f"voter-{rng.randrange(1000)}")
    if roll < 0.75:
        return speakers.CallNext()
    if roll < 0.8:
        return rundown.AdjustSlotTime(60)
    if roll < 0.83:
        return rundown.PauseSlot()
    if roll < 0.9:
        return rundown.AddNote("Note de séance")
    if roll < 0.91:
        return rundown.NextSlot()
    return speakers.AdjustTurnTime(30) if state.speaking_turn() else speakers.CallNext()


def run(db: str) -> None:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import open_event
    from console.ui.main_window import MainWindow

    app = QApplication([])
    opened = open_event(db, None)
    window = MainWindow(opened.session, opened.timebase.now, db)
    window.show()
    rng = random.Random(os.getpid())
    print("RESUMED", json.dumps(digest(opened.session.state)), flush=True)

    def step() -> None:
        state = opened.session.state
        if window.run(next_command(state, rng)):
            count = opened.session.journal.count()
            print("ACK", count, json.dumps(digest(opened.session.state)), flush=True)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(3)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_forever()


def inspect(db: str, n: int) -> None:
    from console.storage.database import EventDatabase
    from console.storage.journal import read_events

    with EventDatabase(db, writer=False) as database:
        events = list(read_events(database.conn))
    print(
        json.dumps(
            {
                "count": len(events),
                "prefix": digest(replay(events[:n])),
                "all": digest(replay(events)),
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(sys.argv[2])
    else:
        inspect(sys.argv[2], int(sys.argv[3]))
