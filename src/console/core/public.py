"""What the room may see of the state: the public view sent to phones and displays.

Pure functions of the core's state; no sockets here. Pending and rejected questions, device ids
and moderation reasons never leave the console.
"""

from __future__ import annotations

from typing import Any

from .clock import Timer
from .rundown import next_planned_slot
from .speakers import turn_label
from .state import Question, QuestionStatus, SessionState, SlotStatus

# The room sees the most supported questions; a phone page of hundreds helps nobody.
PUBLIC_QUESTIONS = 50
VISIBLE = (QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN, QuestionStatus.ANSWERED)
# How an asker sees their own question: "selected" is the audience's word for approved.
ASKER_STATUS = {
    QuestionStatus.PENDING: "pending",
    QuestionStatus.APPROVED: "selected",
    QuestionStatus.ON_SCREEN: "on_screen",
    QuestionStatus.ANSWERED: "answered",
    QuestionStatus.REJECTED: "not_selected",
    QuestionStatus.MERGED: "merged",
}


def timer_view(timer: Timer, now: float, warning: float) -> dict[str, Any]:
    """A clock a client can run on its own: what remains at `now`, and whether it runs."""
    return {
        "allotted": round(timer.allotted, 3),
        "remaining": round(timer.remaining(now), 3),
        "running": timer.running,
        "warning": warning,
    }


def question_view(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "text": question.text,
        "author": question.author,
        "votes": question.votes,
        "status": question.status.value,
    }


def public_questions(state: SessionState) -> list[dict[str, Any]]:
    visible = [q for q in state.questions.values() if q.status in VISIBLE]
    # On screen first, then the most voted still to answer, then the answered ones.
    visible.sort(
        key=lambda q: (
            q.status is not QuestionStatus.ON_SCREEN,
            q.status is QuestionStatus.ANSWERED,
            -q.votes,
            q.received_at,
        )
    )
    return [question_view(q) for q in visible[:PUBLIC_QUESTIONS]]


def public_state(state: SessionState, now: float, *, for_displays: bool = False) -> dict[str, Any]:
    """The state the room may see. Displays (and the console's own screens) also get the
    moderator's message to the speaker, which phones must not see."""
    programme = state.programme
    event = (
        {
            "title": programme.event.title,
            "date": programme.event.date.isoformat(),
            "venue": programme.event.venue,
        }
        if programme
        else None
    )
    slot = None
    run = state.current_slot
    if run is not None and run.status is not SlotStatus.ENDED:
        slot = {
            "id": run.slot.id,
            "title": run.slot.title,
            "subtitle": run.slot.subtitle,
            "kind": run.slot.kind.value,
            "status": run.status.value,
            "timer": timer_view(run.timer, now, run.warning_seconds),
        }
    following = next_planned_slot(state)
    next_slot = (
        {
            "id": following.slot.id,
            "title": following.slot.title,
            "start": following.slot.start.strftime("%H:%M"),
        }
        if following
        else None
    )
    speaker = None
    turn = state.speaking_turn()
    if turn is not None:
        people = [state.people[p] for p in turn.person_ids if p in state.people]
        speaker = {
            "label": turn_label(state, turn),
            "people": [
                {"name": p.name, "title": p.title, "organisation": p.organisation} for p in people
            ],
            "timer": timer_view(turn.timer, now, state.speaker_warning),
        }
    on_screen = state.questions.get(state.on_screen_id) if state.on_screen_id else None
    return {
        "event": event,
        "slot": slot,
        "next_slot": next_slot,
        "speaker": speaker,
        "on_screen": question_view(on_screen) if on_screen else None,
        "questions": public_questions(state),
        "projection": state.projection_mode,
        **({"stage_message": state.stage_message} if for_displays else {}),
    }


def asker_view(question: Question, client_id: str = "") -> dict[str, Any]:
    return {
        "id": question.id,
        "client_id": client_id,
        "text": question.text,
        "status": ASKER_STATUS[question.status],
        "votes": question.votes,
        "merged_into": question.merged_into,
    }


def device_questions(state: SessionState, device_id: str) -> list[dict[str, Any]]:
    """The questions a phone asked, with where each one stands."""
    client_ids = {
        qid: client for (device, client), qid in state.question_keys.items() if device == device_id
    }
    return [
        asker_view(q, client_ids.get(q.id, ""))
        for q in state.questions.values()
        if q.device_id == device_id and q.source == "audience"
    ]


def device_votes(state: SessionState, device_id: str) -> list[str]:
    return [q.id for q in state.questions.values() if device_id in q.voters]
