"""The running order of the morning: loading the programme, starting and ending slots, the slot
clock, drift against the plan, moderator notes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from .appliers import applies
from .clock import Timer, TimerPhase
from .command import Command
from .errors import DomainError, finite
from .errors import text as as_text
from .events import Event
from .programme import Programme, Slot, SlotKind
from .speakers import default_turn_seconds, end_speaking_turn
from .state import Note, SessionState, SlotRun, SlotStatus
from .text import clean_text

NOTE_MAX = 2000


# --- commands -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadProgramme(Command):
    programme: Programme

    def decide(self, state: SessionState, now: float) -> list[Event]:
        if state.programme is not None:
            raise DomainError("programme_loaded", "A programme is already loaded for this event.")
        events = [Event("programme_loaded", now, {"programme": self.programme.to_dict()})]
        number = 0
        for slot in self.programme.slots:
            for planned in slot.turns:
                number += 1
                seconds = planned.minutes * 60 if planned.minutes else default_turn_seconds(slot)
                events.append(
                    Event(
                        "turn_added",
                        now,
                        {
                            "turn_id": f"t{number}",
                            "slot_id": slot.id,
                            "person_ids": list(planned.person_ids),
                            "seconds": seconds,
                            "ad_hoc": False,
                        },
                    )
                )
        return events


def _close_current(state: SessionState, now: float) -> list[Event]:
    """End whatever slot is running, with its speaker, before another one starts."""
    current = state.current_slot
    if current is None or current.status not in (SlotStatus.RUNNING, SlotStatus.PAUSED):
        return []
    return [*end_speaking_turn(state, now), Event("slot_ended", now, {"slot_id": current.slot.id})]


def start_slot(state: SessionState, slot_id: str, now: float) -> list[Event]:
    run = state.slot_run(slot_id)
    if run.status is SlotStatus.ENDED:
        raise DomainError("slot_ended", "The slot {title} has already ended.", title=run.slot.title)
    if run.status in (SlotStatus.RUNNING, SlotStatus.PAUSED):
        raise DomainError(
            "slot_running", "The slot {title} is already running.", title=run.slot.title
        )
    return [*_close_current(state, now), Event("slot_started", now, {"slot_id": slot_id})]


@dataclass(frozen=True)
class StartSlot(Command):
    slot_id: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        state.require_programme()
        return start_slot(state, self.slot_id, now)


@dataclass(frozen=True)
class NextSlot(Command):
    """End the current slot (if any) and start the next one still planned."""

    def decide(self, state: SessionState, now: float) -> list[Event]:
        state.require_programme()
        following = next_planned_slot(state)
        if following is None:
            if state.current_slot and state.current_slot.status is not SlotStatus.ENDED:
                return _close_current(state, now)
            raise DomainError("no_next_slot", "Every slot of the programme has been held.")
        return start_slot(state, following.slot.id, now)


def running_slot(state: SessionState) -> SlotRun:
    run = state.current_slot
    if run is None or run.status not in (SlotStatus.RUNNING, SlotStatus.PAUSED):
        raise DomainError("no_running_slot", "No slot is running.")
    return run


@dataclass(frozen=True)
class EndSlot(Command):
    def decide(self, state: SessionState, now: float) -> list[Event]:
        running_slot(state)
        return _close_current(state, now)


@dataclass(frozen=True)
class PauseSlot(Command):
    """Pause the slot clock and the speaker's clock together (an incident, a fire alarm)."""

    def decide(self, state: SessionState, now: float) -> list[Event]:
        run = running_slot(state)
        if run.status is SlotStatus.PAUSED:
            raise DomainError("slot_paused", "The slot is already paused.")
        turn = state.speaking_turn()
        paused = turn if turn is not None and turn.timer.running else None
        events = [
            Event(
                "slot_paused",
                now,
                {"slot_id": run.slot.id, "turn_id": paused.id if paused else None},
            )
        ]
        if paused is not None:
            events.append(Event("turn_paused", now, {"turn_id": paused.id}))
        return events


@dataclass(frozen=True)
class ResumeSlot(Command):
    def decide(self, state: SessionState, now: float) -> list[Event]:
        run = running_slot(state)
        if run.status is not SlotStatus.PAUSED:
            raise DomainError("slot_not_paused", "The slot is not paused.")
        events = [Event("slot_resumed", now, {"slot_id": run.slot.id})]
        turn = state.speaking_turn()
        # Only the speaker this pause stopped: one the moderator paused on purpose stays paused.
        if (
            turn is not None
            and turn.timer.phase is TimerPhase.PAUSED
            and turn.id == run.paused_turn_id
        ):
            events.append(Event("turn_resumed", now, {"turn_id": turn.id}))
        return events


@dataclass(frozen=True)
class AdjustSlotTime(Command):
    """Extend (positive) or shorten (negative) a slot; the current one when no id is given."""

    seconds: float
    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        finite(self.seconds, "seconds")
        run = state.slot_run(self.slot_id) if self.slot_id else running_slot(state)
        if run.status is SlotStatus.ENDED:
            raise DomainError(
                "slot_ended", "The slot {title} has already ended.", title=run.slot.title
            )
        if run.timer.allotted + self.seconds < 0:
            raise DomainError("negative_time", "A slot cannot last less than nothing.")
        return [Event("slot_time_adjusted", now, {"slot_id": run.slot.id, "seconds": self.seconds})]


@dataclass(frozen=True)
class AddNote(Command):
    """A timestamped moderator note into the log of the current slot (or the morning)."""

    text: str
    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        note = clean_text(as_text(self.text, "text"))
        if not note:
            raise DomainError("empty_note", "A note cannot be empty.")
        if len(note) > NOTE_MAX:
            raise DomainError(
                "note_too_long", "A note is limited to {limit} characters.", limit=NOTE_MAX
            )
        slot_id = self.slot_id or state.live_slot_id
        if slot_id is not None:
            state.slot_run(slot_id)
        return [
            Event(
                "note_added", now, {"note_id": state.next_id("n"), "slot_id": slot_id, "text": note}
            )
        ]


@dataclass(frozen=True)
class RecordClockJump(Command):
    """The wall clock moved against the monotonic clock (NTP, a user changing the time)."""

    seconds: float

    def decide(self, state: SessionState, now: float) -> list[Event]:
        return [Event("clock_jumped", now, {"seconds": finite(self.seconds, "seconds")})]


@dataclass(frozen=True)
class AddSlot(Command):
    """An unplanned slot (a break, a technical interruption), placed after `after_slot_id` (or
    after the current slot). It has no planned time: drift ignores it."""

    title: str
    minutes: float
    kind: str = "break"
    after_slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        state.require_programme()
        title = clean_text(as_text(self.title, "title"), multiline=False)
        if not title:
            raise DomainError("empty_title", "A slot needs a title.")
        if len(title) > 200:
            raise DomainError(
                "text_too_long",
                "The {name} is limited to {limit} characters.",
                name="title",
                limit=200,
            )
        minutes = finite(self.minutes, "minutes")
        if minutes <= 0:
            raise DomainError("negative_time", "A slot cannot last less than nothing.")
        try:
            kind = SlotKind(self.kind)
        except ValueError:
            raise DomainError(
                "bad_kind", "Unknown kind of slot {kind}.", kind=str(self.kind)[:20]
            ) from None
        after = self.after_slot_id or state.current_slot_id
        if after is not None:
            state.slot_run(after)
        slot_id = state.next_id("extra-")
        start = (
            datetime.fromtimestamp(now, ZoneInfo(state.programme.event.timezone))
            .time()
            .replace(second=0, microsecond=0)
        )
        slot = Slot(id=slot_id, kind=kind, title=title, start=start, minutes=minutes)
        return [Event("slot_added", now, {"slot": slot.to_dict(), "after": after})]


# --- queries --------------------------------------------------------------------------------


def next_planned_slot(state: SessionState) -> SlotRun | None:
    """The first slot after the current one (in running order) that has not been held."""
    order = list(state.slots)
    start = order.index(state.current_slot_id) + 1 if state.current_slot_id else 0
    # Only forward: a slot skipped earlier is not "next", it was left out.
    for slot_id in order[start:]:
        run = state.slots[slot_id]
        if run.status is SlotStatus.PLANNED:
            return run
    return None


def _projected_end(run: SlotRun, now: float) -> float:
    """When the slot will end if it uses its time: now plus what is left (never before now)."""
    assert run.started_at is not None
    if run.status is SlotStatus.ENDED:
        assert run.ended_at is not None
        return run.ended_at
    return now + max(0.0, run.timer.remaining(now))


def drift(state: SessionState, now: float, *, relative: bool = False) -> float | None:
    """How late (positive) or early the morning runs against the plan, in seconds.

    It is the projected end of the current (or last held) slot against its planned end: the time
    the next slot will start late by if nothing changes. Against the wall clock by default; with
    `relative=True` the plan is shifted so that it starts when the morning actually started, for
    rehearsals run at any hour. None before the morning starts.
    """
    programme = state.programme
    if programme is None or state.event_started_at is None:
        return None
    held = [run for run in state.slots.values() if run.started_at is not None and not run.unplanned]
    if not held:
        return None
    run = (
        state.current_slot if state.current_slot and not state.current_slot.unplanned else held[-1]
    )
    started = state.event_started_at

    def planned_start(slot: Slot) -> float:
        if relative:
            return started + programme.planned_offset(slot)
        return programme.planned_start(slot)

    if run.status is SlotStatus.ENDED:
        # Between slots the morning keeps slipping until the next one starts.
        following = next_planned_slot(state)
        if following is not None and not following.unplanned:
            assert run.ended_at is not None
            return max(now, run.ended_at) - planned_start(following.slot)
    return _projected_end(run, now) - (planned_start(run.slot) + run.slot.seconds)


def event_elapsed(state: SessionState, now: float) -> float:
    if state.event_started_at is None:
        return 0.0
    return max(0.0, now - state.event_started_at)


# --- appliers -------------------------------------------------------------------------------


@applies("programme_loaded")
def _programme_loaded(state: SessionState, event: Event) -> None:
    programme = Programme.from_dict(event.data["programme"])
    state.programme = programme
    state.people.update(programme.people)
    for slot in programme.slots:
        state.slots[slot.id] = SlotRun(slot=slot, timer=Timer(slot.seconds))
        state.queues[slot.id] = []


@applies("slot_added")
def _slot_added(state: SessionState, event: Event) -> None:
    slot = Slot.from_dict(event.data["slot"])
    state.take_id(slot.id, "extra-")
    run = SlotRun(slot=slot, timer=Timer(slot.seconds), unplanned=True)
    order = list(state.slots.items())
    after = event.data["after"]
    index = next((i + 1 for i, (slot_id, _) in enumerate(order) if slot_id == after), len(order))
    order.insert(index, (slot.id, run))
    state.slots = dict(order)
    state.queues[slot.id] = []


@applies("slot_started")
def _slot_started(state: SessionState, event: Event) -> None:
    run = state.slots[event.data["slot_id"]]
    run.status = SlotStatus.RUNNING
    run.started_at = event.at
    run.timer = run.timer.start(event.at)
    state.current_slot_id = run.slot.id
    if state.event_started_at is None:
        state.event_started_at = event.at


@applies("slot_ended")
def _slot_ended(state: SessionState, event: Event) -> None:
    run = state.slots[event.data["slot_id"]]
    run.status = SlotStatus.ENDED
    run.ended_at = event.at
    run.timer = run.timer.stop(event.at)


@applies("slot_paused")
def _slot_paused(state: SessionState, event: Event) -> None:
    run = state.slots[event.data["slot_id"]]
    run.status = SlotStatus.PAUSED
    run.timer = run.timer.pause(event.at)
    run.paused_turn_id = event.data.get("turn_id")


@applies("slot_resumed")
def _slot_resumed(state: SessionState, event: Event) -> None:
    run = state.slots[event.data["slot_id"]]
    run.status = SlotStatus.RUNNING
    run.timer = run.timer.start(event.at)
    run.paused_turn_id = None


@applies("slot_time_adjusted")
def _slot_time_adjusted(state: SessionState, event: Event) -> None:
    run = state.slots[event.data["slot_id"]]
    run.timer = run.timer.add(event.data["seconds"])


@applies("note_added")
def _note_added(state: SessionState, event: Event) -> None:
    d = event.data
    state.take_id(d["note_id"], "n")
    state.notes.append(Note(id=d["note_id"], slot_id=d["slot_id"], at=event.at, text=d["text"]))


@applies("clock_jumped")
def _clock_jumped(state: SessionState, event: Event) -> None:
    """The wall clock moved under running clocks: move their anchors with it, so that a speaker
    neither loses nor gains the jump (the time actually spoken is what the monotonic clock saw)."""
    state.clock_jumps += 1
    shift = event.data["seconds"]
    for run in state.slots.values():
        if run.timer.running and run.timer.run_started_at is not None:
            run.timer = replace(run.timer, run_started_at=run.timer.run_started_at + shift)
    for turn in state.turns.values():
        if turn.timer.running and turn.timer.run_started_at is not None:
            turn.timer = replace(turn.timer, run_started_at=turn.timer.run_started_at + shift)
