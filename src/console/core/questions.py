"""Audience questions and their moderation: received, approved or rejected, merged, edited, put on
screen, answered; one vote per device."""

from __future__ import annotations

from dataclasses import dataclass

from .appliers import applies
from .command import Command
from .errors import DomainError
from .errors import text as as_text
from .events import Event
from .state import Question, QuestionStatus, SessionState
from .text import clean_text

TEXT_MIN = 3
TEXT_MAX = 500
AUTHOR_MAX = 80
REASON_MAX = 200
SOURCES = ("audience", "moderator", "bridge")

# Statuses in which the room may see a question and vote for it.
PUBLIC = (QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN, QuestionStatus.ANSWERED)


def clean_question(raw: object) -> str:
    text = clean_text(as_text(raw, "text"))
    if len(text) < TEXT_MIN:
        raise DomainError(
            "question_too_short", "A question needs at least {limit} characters.", limit=TEXT_MIN
        )
    if len(text) > TEXT_MAX:
        raise DomainError(
            "question_too_long", "A question is limited to {limit} characters.", limit=TEXT_MAX
        )
    return text


@dataclass(frozen=True)
class ReceiveQuestion(Command):
    """A question from the room, a moderator's card or a bridge.

    `client_id` is the sender's own id for this question: a resend of the same (device, client_id)
    is stored once, so a phone on a bad connection can retry safely.
    """

    text: str
    source: str = "audience"
    author: str = ""
    device_id: str = ""
    client_id: str = ""
    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        if self.source not in SOURCES:
            raise DomainError("bad_source", "Unknown source {source}.", source=self.source)
        if self.client_id and (self.device_id, self.client_id) in state.question_keys:
            return []
        text = clean_question(self.text)
        author = clean_text(as_text(self.author, "author"), multiline=False)
        if len(author) > AUTHOR_MAX:
            raise DomainError(
                "name_too_long", "A name is limited to {limit} characters.", limit=AUTHOR_MAX
            )
        slot_id = self.slot_id or state.live_slot_id
        if slot_id is not None:
            state.slot_run(slot_id)
        return [
            Event(
                "question_received",
                now,
                {
                    "question_id": state.next_id("q"),
                    "text": text,
                    "author": author,
                    "device_id": self.device_id,
                    "client_id": self.client_id,
                    "source": self.source,
                    "slot_id": slot_id,
                },
            )
        ]


def _in(
    state: SessionState, question_id: str, allowed: tuple[QuestionStatus, ...], action: str
) -> Question:
    question = state.question(question_id)
    if question.status not in allowed:
        raise DomainError(
            "bad_question_status",
            "A question that is {status} cannot be {action}.",
            status=question.status.value,
            action=action,
        )
    return question


@dataclass(frozen=True)
class ApproveQuestion(Command):
    question_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        _in(state, self.question_id, (QuestionStatus.PENDING, QuestionStatus.REJECTED), "approved")
        return [Event("question_approved", now, {"question_id": self.question_id})]


@dataclass(frozen=True)
class RejectQuestion(Command):
    question_id: str
    reason: str = ""

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = _in(
            state,
            self.question_id,
            (QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN),
            "rejected",
        )
        reason = clean_text(as_text(self.reason, "reason"), multiline=False)[:REASON_MAX]
        events = []
        if question.status is QuestionStatus.ON_SCREEN:
            events.append(Event("question_hidden", now, {"question_id": question.id}))
        events.append(
            Event("question_rejected", now, {"question_id": question.id, "reason": reason})
        )
        return events


@dataclass(frozen=True)
class EditQuestion(Command):
    """A moderator corrects or shortens a question; the original words are kept."""

    question_id: str
    text: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = _in(
            state,
            self.question_id,
            (QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN),
            "edited",
        )
        text = clean_question(self.text)
        if text == question.text:
            return []
        return [Event("question_edited", now, {"question_id": question.id, "text": text})]


@dataclass(frozen=True)
class MergeQuestion(Command):
    """Fold a duplicate into another question: its voters count for the one that stays."""

    question_id: str
    into_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        if self.question_id == self.into_id:
            raise DomainError("merge_self", "A question cannot be merged into itself.")
        movable = (
            QuestionStatus.PENDING,
            QuestionStatus.APPROVED,
            QuestionStatus.ON_SCREEN,
            QuestionStatus.REJECTED,
        )
        source = _in(state, self.question_id, movable, "merged")
        _in(state, self.into_id, (*movable, QuestionStatus.ANSWERED), "merged into")
        events = []
        if source.status is QuestionStatus.ON_SCREEN:
            events.append(Event("question_hidden", now, {"question_id": source.id}))
        events.append(
            Event("question_merged", now, {"question_id": source.id, "into_id": self.into_id})
        )
        return events


@dataclass(frozen=True)
class ShowQuestion(Command):
    """Put a question on screen; the one there before goes back among the approved."""

    question_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        _in(state, self.question_id, (QuestionStatus.PENDING, QuestionStatus.APPROVED), "shown")
        events = []
        if state.on_screen_id is not None:
            events.append(Event("question_hidden", now, {"question_id": state.on_screen_id}))
        question = state.questions[self.question_id]
        if question.status is QuestionStatus.PENDING:
            events.append(Event("question_approved", now, {"question_id": question.id}))
        events.append(Event("question_shown", now, {"question_id": question.id}))
        return events


@dataclass(frozen=True)
class HideQuestion(Command):
    question_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question_id = self.question_id or state.on_screen_id
        if question_id is None:
            raise DomainError("nothing_on_screen", "No question is on screen.")
        _in(state, question_id, (QuestionStatus.ON_SCREEN,), "hidden")
        return [Event("question_hidden", now, {"question_id": question_id})]


@dataclass(frozen=True)
class AnswerQuestion(Command):
    question_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = _in(
            state,
            self.question_id,
            (QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN),
            "marked answered",
        )
        events = []
        if question.status is QuestionStatus.ON_SCREEN:
            events.append(Event("question_hidden", now, {"question_id": question.id}))
        events.append(Event("question_answered", now, {"question_id": question.id}))
        return events


@dataclass(frozen=True)
class RouteQuestion(Command):
    """Address a question to a speaker, or keep it for a later slot."""

    question_id: str
    person_id: str | None = None
    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = state.question(self.question_id)
        if question.status is QuestionStatus.MERGED:
            raise DomainError(
                "bad_question_status",
                "A question that is {status} cannot be {action}.",
                status="merged",
                action="routed",
            )
        if self.person_id is not None:
            state.person(self.person_id)
        if self.slot_id is not None:
            state.slot_run(self.slot_id)
        return [
            Event(
                "question_routed",
                now,
                {"question_id": question.id, "person_id": self.person_id, "slot_id": self.slot_id},
            )
        ]


@dataclass(frozen=True)
class VoteQuestion(Command):
    """One vote per device; voting again changes nothing (a resend on a bad connection)."""

    question_id: str
    device_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        if not self.device_id:
            raise DomainError("no_device", "A vote needs a device id.")
        question = state.question(self.question_id)
        while question.status is QuestionStatus.MERGED and question.merged_into:
            question = state.question(question.merged_into)
        if question.status not in PUBLIC:
            raise DomainError("not_votable", "Only approved questions can be voted for.")
        if self.device_id in question.voters:
            return []
        return [
            Event("question_voted", now, {"question_id": question.id, "device_id": self.device_id})
        ]


@dataclass(frozen=True)
class UnvoteQuestion(Command):
    question_id: str
    device_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = state.question(self.question_id)
        while question.status is QuestionStatus.MERGED and question.merged_into:
            question = state.question(question.merged_into)
        if self.device_id not in question.voters:
            return []
        return [
            Event(
                "question_unvoted", now, {"question_id": question.id, "device_id": self.device_id}
            )
        ]


UNDOABLE = (
    QuestionStatus.PENDING,
    QuestionStatus.APPROVED,
    QuestionStatus.REJECTED,
    QuestionStatus.ANSWERED,
)


@dataclass(frozen=True)
class RestoreQuestion(Command):
    """Put a question back as it was before a moderation action (the console's undo): its
    status, reason and words. Merges are not undone this way."""

    question_id: str
    status: str
    reason: str = ""
    text: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        question = state.question(self.question_id)
        try:
            status = QuestionStatus(self.status)
        except ValueError:
            raise DomainError(
                "bad_question_status",
                "A question that is {status} cannot be {action}.",
                status=str(self.status)[:20],
                action="restored",
            ) from None
        if status not in UNDOABLE or question.status is QuestionStatus.MERGED:
            raise DomainError(
                "bad_question_status",
                "A question that is {status} cannot be {action}.",
                status=question.status.value,
                action="restored",
            )
        events = []
        if question.status is QuestionStatus.ON_SCREEN:
            events.append(Event("question_hidden", now, {"question_id": question.id}))
        data = {
            "question_id": question.id,
            "status": status.value,
            "reason": as_text(self.reason, "reason"),
        }
        if self.text is not None and self.text != question.text:
            data["text"] = clean_question(self.text)
        events.append(Event("question_restored", now, data))
        return events


# --- appliers -------------------------------------------------------------------------------


@applies("question_received")
def _received(state: SessionState, event: Event) -> None:
    d = event.data
    state.take_id(d["question_id"], "q")
    question = Question(
        id=d["question_id"],
        text=d["text"],
        received_at=event.at,
        slot_id=d["slot_id"],
        source=d["source"],
        author=d["author"],
        device_id=d["device_id"],
    )
    state.questions[question.id] = question
    if d.get("client_id"):
        state.question_keys[(d["device_id"], d["client_id"])] = question.id


@applies("question_approved")
def _approved(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus.APPROVED
    question.reason = ""


@applies("question_rejected")
def _rejected(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus.REJECTED
    question.reason = event.data["reason"]


@applies("question_edited")
def _edited(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    if question.original_text is None:
        question.original_text = question.text
    question.text = event.data["text"]


@applies("question_merged")
def _merged(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    into = state.questions[event.data["into_id"]]
    into.voters |= question.voters
    question.status = QuestionStatus.MERGED
    question.merged_into = into.id
    # Questions merged into this one earlier now point at the one that stays.
    for other in state.questions.values():
        if other.merged_into == question.id:
            other.merged_into = into.id


@applies("question_shown")
def _shown(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus.ON_SCREEN
    question.shown_at = event.at
    state.on_screen_id = question.id


@applies("question_hidden")
def _hidden(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus.APPROVED
    if state.on_screen_id == question.id:
        state.on_screen_id = None


@applies("question_answered")
def _answered(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus.ANSWERED
    question.answered_at = event.at


@applies("question_routed")
def _routed(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.addressed_to = event.data["person_id"]
    question.moved_to_slot = event.data["slot_id"]


@applies("question_voted")
def _voted(state: SessionState, event: Event) -> None:
    state.questions[event.data["question_id"]].voters.add(event.data["device_id"])


@applies("question_unvoted")
def _unvoted(state: SessionState, event: Event) -> None:
    state.questions[event.data["question_id"]].voters.discard(event.data["device_id"])


@applies("question_restored")
def _restored(state: SessionState, event: Event) -> None:
    question = state.questions[event.data["question_id"]]
    question.status = QuestionStatus(event.data["status"])
    question.reason = event.data["reason"]
    if "text" in event.data:
        question.text = event.data["text"]
        if question.text == question.original_text:
            question.original_text = None
    if question.status is not QuestionStatus.ANSWERED:
        question.answered_at = None
