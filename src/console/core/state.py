"""The live state of a session: what `replay(journal)` rebuilds."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .clock import Timer
from .errors import DomainError
from .programme import Person, Programme, Slot


class SlotStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class TurnStatus(StrEnum):
    QUEUED = "queued"
    SPEAKING = "speaking"
    DONE = "done"
    SKIPPED = "skipped"


class QuestionStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    ON_SCREEN = "on_screen"
    ANSWERED = "answered"
    MERGED = "merged"


@dataclass(slots=True)
class SlotRun:
    slot: Slot
    timer: Timer
    status: SlotStatus = SlotStatus.PLANNED
    started_at: float | None = None
    ended_at: float | None = None
    unplanned: bool = False
    paused_turn_id: str | None = None  # the speaker the slot's pause stopped, to resume with it
    warning_override: float | None = None  # set in the console; else the programme's

    @property
    def warning_seconds(self) -> float:
        return (
            self.warning_override
            if self.warning_override is not None
            else self.slot.warning_minutes * 60
        )


@dataclass(slots=True)
class Turn:
    id: str
    slot_id: str
    person_ids: tuple[str, ...]
    timer: Timer
    status: TurnStatus = TurnStatus.QUEUED
    ad_hoc: bool = False
    started_at: float | None = None  # first time this turn got the floor
    ended_at: float | None = None


@dataclass(slots=True)
class Question:
    id: str
    text: str
    received_at: float
    slot_id: str | None
    source: str  # "audience", "moderator", "bridge"
    author: str = ""
    device_id: str = ""
    original_text: str | None = None  # set once a moderator edits the text
    status: QuestionStatus = QuestionStatus.PENDING
    reason: str = ""
    merged_into: str | None = None
    voters: set[str] = field(default_factory=set)
    shown_at: float | None = None
    answered_at: float | None = None
    addressed_to: str | None = None  # a person id
    moved_to_slot: str | None = None

    @property
    def votes(self) -> int:
        return len(self.voters)


@dataclass(slots=True)
class Note:
    id: str
    slot_id: str | None
    at: float
    text: str


@dataclass(slots=True)
class SessionState:
    programme: Programme | None = None
    people: dict[str, Person] = field(default_factory=dict)
    slots: dict[str, SlotRun] = field(default_factory=dict)  # in running order
    current_slot_id: str | None = None
    turns: dict[str, Turn] = field(default_factory=dict)
    queues: dict[str, list[str]] = field(default_factory=dict)  # slot id -> turn ids, in order
    questions: dict[str, Question] = field(default_factory=dict)
    question_keys: dict[tuple[str, str], str] = field(default_factory=dict)
    on_screen_id: str | None = None
    notes: list[Note] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    event_started_at: float | None = None
    last_at: float = 0.0
    clock_jumps: int = 0
    projection_mode: str = "live"
    speaker_warning: float = 60.0  # seconds left at which a speaker's clock warns
    stage_message: dict | None = None  # {"text", "flash", "at"}

    # Look-ups that raise the domain's error rather than KeyError.

    def require_programme(self) -> Programme:
        if self.programme is None:
            raise DomainError("no_programme", "No programme is loaded.")
        return self.programme

    def slot_run(self, slot_id: str) -> SlotRun:
        try:
            return self.slots[slot_id]
        except KeyError:
            raise DomainError(
                "unknown_slot", "There is no slot {slot_id}.", slot_id=slot_id
            ) from None

    def turn(self, turn_id: str) -> Turn:
        try:
            return self.turns[turn_id]
        except KeyError:
            raise DomainError(
                "unknown_turn", "There is no turn {turn_id}.", turn_id=turn_id
            ) from None

    def question(self, question_id: str) -> Question:
        try:
            return self.questions[question_id]
        except KeyError:
            raise DomainError(
                "unknown_question", "There is no question {question_id}.", question_id=question_id
            ) from None

    def person(self, person_id: str) -> Person:
        try:
            return self.people[person_id]
        except KeyError:
            raise DomainError(
                "unknown_person", "There is no person {person_id}.", person_id=person_id
            ) from None

    @property
    def live_slot_id(self) -> str | None:
        """The slot under way (running or paused); None between slots."""
        run = self.current_slot
        if run is not None and run.status in (SlotStatus.RUNNING, SlotStatus.PAUSED):
            return run.slot.id
        return None

    @property
    def current_slot(self) -> SlotRun | None:
        return self.slots.get(self.current_slot_id) if self.current_slot_id else None

    def speaking_turn(self, slot_id: str | None = None) -> Turn | None:
        slot_id = slot_id or self.current_slot_id
        if slot_id is None:
            return None
        for turn_id in self.queues.get(slot_id, ()):
            turn = self.turns[turn_id]
            if turn.status is TurnStatus.SPEAKING:
                return turn
        return None

    def next_id(self, prefix: str) -> str:
        """The id the next entity of this kind will get (the applier advances the counter)."""
        return f"{prefix}{self.counters.get(prefix, 0) + 1}"

    def take_id(self, entity_id: str, prefix: str) -> None:
        number = int(entity_id.removeprefix(prefix)) if entity_id.startswith(prefix) else 0
        if number > self.counters.get(prefix, 0):
            self.counters[prefix] = number
