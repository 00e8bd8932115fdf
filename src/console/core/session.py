"""The one path every change takes: command, events, journal, state, listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from .command import Command
from .events import Event
from .replay import apply, replay
from .state import SessionState

log = logging.getLogger(__name__)

Listener = Callable[[SessionState, Sequence[Event]], None]


class Journal(Protocol):
    """Where events are made durable. `append` returns only once they are on disk; if it raises,
    nothing of the batch was kept."""

    def append(
        self, events: Sequence[Event], state: SessionState, apply: Callable[[], None]
    ) -> None: ...

    def read(self) -> list[Event]: ...


class Session:
    """Runs commands against the live state.

    In this order: the command decides (raising DomainError changes nothing), the events go to
    the journal, which applies them to the state inside its transaction so that its tables for
    slots, turns and questions stay in step, then listeners (Qt models, broadcast) hear of them.
    Nothing reaches a listener before it is on disk. A journal that does not apply the events itself
    leaves it to the session, after the write.
    """

    def __init__(self, journal: Journal, clock: Callable[[], float]) -> None:
        self.journal = journal
        self.clock = clock
        self.state = replay(journal.read())
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def execute(self, command: Command) -> list[Event]:
        events = command.decide(self.state, self.clock())
        if not events:
            return []
        applied = False

        def apply_events() -> None:
            nonlocal applied
            for event in events:
                apply(self.state, event)
            applied = True

        try:
            self.journal.append(events, self.state, apply_events)
        except BaseException:
            if applied:
                # The write failed after the state moved on: go back to what is on disk, and
                # tell the listeners to start over (an empty batch means "reset").
                self.state = replay(self.journal.read())
                self._notify([])
            raise
        if not applied:
            apply_events()
        self._notify(events)
        return events

    def _notify(self, events: Sequence[Event]) -> None:
        for listener in list(self._listeners):
            try:
                listener(self.state, events)
            except Exception:
                # A broken view must not undo a change that is already on disk.
                log.exception("a listener failed on %s", [e.type for e in events])
