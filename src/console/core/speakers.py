"""The list of speakers of each slot: who is queued, who has the floor, who has spoken, for how
long, against the time they were given."""

from __future__ import annotations

from dataclasses import dataclass

from .appliers import applies
from .clock import Timer, TimerPhase
from .command import Command
from .errors import DomainError, finite, whole
from .errors import text as as_text
from .events import Event
from .programme import Person, Slot
from .state import SessionState, SlotStatus, Turn, TurnStatus
from .text import clean_text

NAME_MAX = 120
TITLE_MAX = 240


def _bounded(value: object, name: str, limit: int) -> str:
    """Cleaned text within `limit` characters; longer is refused, never cut without a word."""
    cleaned = clean_text(as_text(value, name), multiline=False)
    if len(cleaned) > limit:
        raise DomainError(
            "text_too_long", "The {name} is limited to {limit} characters.", name=name, limit=limit
        )
    return cleaned


def default_turn_seconds(slot: Slot) -> float:
    """Each planned turn's share of the slot when the programme gives no time of its own."""
    return slot.seconds / max(1, len(slot.turns))


def end_speaking_turn(state: SessionState, now: float, slot_id: str | None = None) -> list[Event]:
    turn = state.speaking_turn(slot_id)
    return [] if turn is None else [Event("turn_ended", now, {"turn_id": turn.id})]


def _queued(state: SessionState, turn_id: str) -> Turn:
    turn = state.turn(turn_id)
    if turn.status is not TurnStatus.QUEUED:
        raise DomainError("turn_not_queued", "That speaker is not waiting in the queue.")
    return turn


def _give_floor(state: SessionState, turn: Turn, now: float) -> list[Event]:
    """Events that give `turn` the floor, starting its slot (and ending another) if need be."""
    from .rundown import start_slot  # the rundown and the queue call each other

    run = state.slot_run(turn.slot_id)
    events: list[Event] = []
    if run.status is SlotStatus.PLANNED:
        events += start_slot(state, turn.slot_id, now)
    elif run.status is SlotStatus.ENDED:
        raise DomainError("slot_ended", "The slot {title} has already ended.", title=run.slot.title)
    elif run.status is SlotStatus.PAUSED:
        raise DomainError("slot_paused", "Resume the slot before giving the floor.")
    events += end_speaking_turn(state, now, turn.slot_id)
    events.append(Event("turn_started", now, {"turn_id": turn.id}))
    return events


def _turn_added(
    state: SessionState,
    slot_id: str,
    person_ids: list[str],
    seconds: float,
    now: float,
    ad_hoc: bool = False,
) -> Event:
    return Event(
        "turn_added",
        now,
        {
            "turn_id": state.next_id("t"),
            "slot_id": slot_id,
            "person_ids": person_ids,
            "seconds": seconds,
            "ad_hoc": ad_hoc,
        },
    )


def _seconds_for(state: SessionState, slot_id: str, minutes: float | None) -> float:
    if minutes is not None:
        minutes = finite(minutes, "minutes")
        if minutes < 0:
            raise DomainError("negative_time", "A speaking time cannot be negative.")
        return minutes * 60
    return default_turn_seconds(state.slot_run(slot_id).slot)


@dataclass(frozen=True)
class AddTurn(Command):
    """Put one person, or a group speaking together, on a slot's list."""

    slot_id: str
    person_ids: tuple[str, ...]
    minutes: float | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        run = state.slot_run(self.slot_id)
        if run.status is SlotStatus.ENDED:
            raise DomainError(
                "slot_ended", "The slot {title} has already ended.", title=run.slot.title
            )
        if not self.person_ids:
            raise DomainError("empty_turn", "A turn needs at least one person.")
        for person_id in self.person_ids:
            state.person(person_id)
        seconds = _seconds_for(state, self.slot_id, self.minutes)
        return [_turn_added(state, self.slot_id, list(self.person_ids), seconds, now)]


@dataclass(frozen=True)
class AddAdHocSpeaker(Command):
    """Someone not in the programme asks for the floor (from the audience, a late guest)."""

    slot_id: str
    name: str
    title: str = ""
    organisation: str = ""
    minutes: float | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        run = state.slot_run(self.slot_id)
        if run.status is SlotStatus.ENDED:
            raise DomainError(
                "slot_ended", "The slot {title} has already ended.", title=run.slot.title
            )
        name = clean_text(as_text(self.name, "name"), multiline=False)
        if not name:
            raise DomainError("empty_name", "A speaker needs a name.")
        if len(name) > NAME_MAX:
            raise DomainError(
                "name_too_long", "A name is limited to {limit} characters.", limit=NAME_MAX
            )
        person = Person(
            id=state.next_id("adhoc-"),
            name=name,
            title=_bounded(self.title, "title", TITLE_MAX),
            organisation=_bounded(self.organisation, "organisation", TITLE_MAX),
        )
        seconds = _seconds_for(state, self.slot_id, self.minutes)
        return [
            Event("person_added", now, {"person": person.to_dict()}),
            _turn_added(state, self.slot_id, [person.id], seconds, now, ad_hoc=True),
        ]


@dataclass(frozen=True)
class RemoveTurn(Command):
    turn_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        turn = _queued(state, self.turn_id)
        return [Event("turn_removed", now, {"turn_id": turn.id, "slot_id": turn.slot_id})]


@dataclass(frozen=True)
class MoveTurn(Command):
    """Move a waiting speaker to `position` among the turns still waiting (0 is next)."""

    turn_id: str
    position: int

    def decide(self, state: SessionState, now: float) -> list[Event]:
        whole(self.position, "position")
        turn = _queued(state, self.turn_id)
        waiting = [
            t for t in state.queues[turn.slot_id] if state.turns[t].status is TurnStatus.QUEUED
        ]
        if not 0 <= self.position < len(waiting):
            raise DomainError(
                "bad_position", "There is no place {position} in the queue.", position=self.position
            )
        if waiting.index(self.turn_id) == self.position:
            return []
        return [Event("turn_moved", now, {"turn_id": self.turn_id, "position": self.position})]


@dataclass(frozen=True)
class CallNext(Command):
    """End the current speaker's turn and give the floor to the first one waiting."""

    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        slot_id = self.slot_id or state.current_slot_id
        if slot_id is None:
            raise DomainError("no_running_slot", "No slot is running.")
        state.slot_run(slot_id)
        waiting = [
            state.turns[t]
            for t in state.queues[slot_id]
            if state.turns[t].status is TurnStatus.QUEUED
        ]
        if not waiting:
            ended = end_speaking_turn(state, now, slot_id)
            if ended:
                return ended
            raise DomainError("queue_empty", "Nobody is waiting to speak.")
        return _give_floor(state, waiting[0], now)


@dataclass(frozen=True)
class GiveFloor(Command):
    """Give the floor to a particular waiting speaker, out of order."""

    turn_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        return _give_floor(state, _queued(state, self.turn_id), now)


def _speaking(state: SessionState, turn_id: str | None) -> Turn:
    turn = state.turn(turn_id) if turn_id else state.speaking_turn()
    if turn is None or turn.status is not TurnStatus.SPEAKING:
        raise DomainError("nobody_speaking", "Nobody has the floor.")
    return turn


@dataclass(frozen=True)
class EndTurn(Command):
    turn_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        return [Event("turn_ended", now, {"turn_id": _speaking(state, self.turn_id).id})]


@dataclass(frozen=True)
class ReturnToQueue(Command):
    """The speaker gives the floor back for now and waits first in line; their time is kept."""

    turn_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        return [Event("turn_returned", now, {"turn_id": _speaking(state, self.turn_id).id})]


@dataclass(frozen=True)
class SkipTurn(Command):
    turn_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        _queued(state, self.turn_id)
        return [Event("turn_skipped", now, {"turn_id": self.turn_id})]


@dataclass(frozen=True)
class PauseTurn(Command):
    turn_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        turn = _speaking(state, self.turn_id)
        if not turn.timer.running:
            raise DomainError("turn_paused", "The speaker's clock is already paused.")
        return [Event("turn_paused", now, {"turn_id": turn.id})]


@dataclass(frozen=True)
class ResumeTurn(Command):
    turn_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        turn = _speaking(state, self.turn_id)
        if turn.timer.running:
            raise DomainError("turn_not_paused", "The speaker's clock is not paused.")
        if state.slot_run(turn.slot_id).status is SlotStatus.PAUSED:
            raise DomainError("slot_paused", "Resume the slot before giving the floor.")
        return [Event("turn_resumed", now, {"turn_id": turn.id})]


@dataclass(frozen=True)
class AdjustTurnTime(Command):
    """Give the speaker more time (positive) or less (negative); the speaker with the floor by
    default."""

    seconds: float
    turn_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        finite(self.seconds, "seconds")
        turn = state.turn(self.turn_id) if self.turn_id else _speaking(state, None)
        if turn.status in (TurnStatus.DONE, TurnStatus.SKIPPED):
            raise DomainError("turn_over", "That turn is over.")
        if turn.timer.allotted + self.seconds < 0:
            raise DomainError("negative_time", "A speaking time cannot be negative.")
        return [Event("turn_time_adjusted", now, {"turn_id": turn.id, "seconds": self.seconds})]


@dataclass(frozen=True)
class ShareRemaining(Command):
    """Share what is left of the slot equally among the speakers still waiting (and the one
    speaking, for what they have not used yet)."""

    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        slot_id = self.slot_id or state.current_slot_id
        if slot_id is None:
            raise DomainError("no_running_slot", "No slot is running.")
        run = state.slot_run(slot_id)
        waiting = [
            state.turns[t]
            for t in state.queues[slot_id]
            if state.turns[t].status is TurnStatus.QUEUED
        ]
        speaking = state.speaking_turn(slot_id)
        if not waiting:
            raise DomainError("queue_empty", "Nobody is waiting to speak.")
        left = max(0.0, run.timer.remaining(now))
        sharing = len(waiting) + (1 if speaking else 0)
        share = left / sharing
        events = []
        for turn in [*waiting, *([speaking] if speaking else [])]:
            # The speaker on the floor keeps what they spoke and gets a share of what is left.
            target = share + (turn.timer.elapsed(now) if turn is speaking else 0.0)
            delta = round(target - turn.timer.allotted, 3)
            if delta:
                events.append(
                    Event("turn_time_adjusted", now, {"turn_id": turn.id, "seconds": delta})
                )
        return events


# --- queries --------------------------------------------------------------------------------


def spoken_seconds(state: SessionState, now: float) -> dict[str, float]:
    """Speaking time per person so far. A group turn's time is shared equally among its members,
    so that the totals add up to the time the floor was held."""
    totals: dict[str, float] = {}
    for turn in state.turns.values():
        elapsed = turn.timer.elapsed(now)
        if elapsed <= 0:
            continue
        share = elapsed / len(turn.person_ids)
        for person_id in turn.person_ids:
            totals[person_id] = totals.get(person_id, 0.0) + share
    return totals


def turn_label(state: SessionState, turn: Turn) -> str:
    names = [state.people[p].name for p in turn.person_ids if p in state.people]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " & " + names[-1]


# --- appliers -------------------------------------------------------------------------------


@applies("person_added")
def _person_added(state: SessionState, event: Event) -> None:
    person = Person.from_dict(event.data["person"])
    state.take_id(person.id, "adhoc-")
    state.people[person.id] = person


@applies("turn_added")
def _turn_added_applier(state: SessionState, event: Event) -> None:
    d = event.data
    state.take_id(d["turn_id"], "t")
    turn = Turn(
        id=d["turn_id"],
        slot_id=d["slot_id"],
        person_ids=tuple(d["person_ids"]),
        timer=Timer(d["seconds"]),
        ad_hoc=d.get("ad_hoc", False),
    )
    state.turns[turn.id] = turn
    state.queues[turn.slot_id].append(turn.id)


@applies("turn_removed")
def _turn_removed(state: SessionState, event: Event) -> None:
    turn = state.turns.pop(event.data["turn_id"])
    state.queues[turn.slot_id].remove(turn.id)


@applies("turn_moved")
def _turn_moved(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    queue = state.queues[turn.slot_id]
    queue.remove(turn.id)
    waiting = [t for t in queue if state.turns[t].status is TurnStatus.QUEUED]
    position = event.data["position"]
    # Before the waiting turn that holds the target place now, or just after the last one waiting.
    if position < len(waiting):
        index = queue.index(waiting[position])
    elif waiting:
        index = queue.index(waiting[-1]) + 1
    else:
        index = len(queue)
    queue.insert(index, turn.id)


@applies("turn_started")
def _turn_started(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    turn.status = TurnStatus.SPEAKING
    turn.timer = turn.timer.start(event.at)
    if turn.started_at is None:
        turn.started_at = event.at
    # Whoever has spoken comes before whoever waits: the list reads as the order of the floor.
    queue = state.queues[turn.slot_id]
    queue.remove(turn.id)
    first_waiting = next(
        (i for i, t in enumerate(queue) if state.turns[t].status is TurnStatus.QUEUED), len(queue)
    )
    queue.insert(first_waiting, turn.id)


@applies("turn_ended")
def _turn_ended(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    turn.status = TurnStatus.DONE
    turn.timer = turn.timer.stop(event.at)
    turn.ended_at = event.at


@applies("turn_returned")
def _turn_returned(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    turn.status = TurnStatus.QUEUED
    turn.timer = turn.timer.pause(event.at)


@applies("turn_skipped")
def _turn_skipped(state: SessionState, event: Event) -> None:
    state.turns[event.data["turn_id"]].status = TurnStatus.SKIPPED


@applies("turn_paused")
def _turn_paused(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    turn.timer = turn.timer.pause(event.at)


@applies("turn_resumed")
def _turn_resumed(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    if turn.timer.phase is TimerPhase.PAUSED:
        turn.timer = turn.timer.start(event.at)


@applies("turn_time_adjusted")
def _turn_time_adjusted(state: SessionState, event: Event) -> None:
    turn = state.turns[event.data["turn_id"]]
    turn.timer = turn.timer.add(event.data["seconds"])
