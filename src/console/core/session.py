"""The one path every change takes: command, events, journal, state, listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from .command import Command
from .errors import DomainError, JournalError
from .events import Event
from .replay import apply, replay
from .state import SessionState

log = logging.getLogger(__name__)

Listener = Callable[[SessionState, Sequence[Event]], None]
Outcome = list[Event] | DomainError


class Batch(Protocol):
    def write(self, events: Sequence[Event]) -> None: ...


class Journal(Protocol):
    """Where events are made durable.

    `transaction(state)` opens one durable write: events are written with `batch.write`, and
    when the block ends without an exception they are on disk (the readable tables written from
    `state` as it is then). If anything fails, nothing of the transaction is kept and the error
    (a JournalError) propagates.
    """

    def transaction(self, state: SessionState) -> AbstractContextManager[Batch]: ...

    def read(self) -> list[Event]: ...

    def count(self) -> int: ...


class Session:
    """Runs commands against the live state.

    For each command, in this order: it decides (a DomainError changes nothing), its events are
    written to the journal and applied to the state; the transaction commits; only then do
    listeners (Qt models, broadcasts) hear of the events. Nothing reaches a listener, and nothing
    is acknowledged to anyone, before it is on disk.
    """

    def __init__(self, journal: Journal, clock: Callable[[], float]) -> None:
        self.journal = journal
        self.clock = clock
        self.state = replay(journal.read())
        self._listeners: list[Listener] = []
        # Set when a failed write could not even be followed by a re-read of the journal: the
        # live state may then differ from the disk, so nothing more is accepted.
        self.faulted: JournalError | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def execute(self, command: Command) -> list[Event]:
        """Run one command; raise its DomainError, or a JournalError if it could not be kept."""
        (outcome,) = self.execute_batch([command])
        if isinstance(outcome, DomainError):
            raise outcome
        return outcome

    def execute_batch(self, commands: Sequence[Command]) -> list[Outcome]:
        """Run several commands in one durable write (many phones asking at once).

        Each command sees the state left by the ones before it. Returns, per command, its events
        or the DomainError that refused it. A JournalError fails the whole batch and leaves the
        state as it is on disk.
        """
        if self.faulted is not None:
            raise self.faulted
        now = self.clock()
        outcomes: list[Outcome] = []
        written: list[Event] = []
        touched = False
        try:
            with self.journal.transaction(self.state) as batch:
                for command in commands:
                    try:
                        events = command.decide(self.state, now)
                    except DomainError as error:
                        outcomes.append(error)
                        continue
                    except Exception as error:
                        # A command the rules did not foresee: refuse it alone, not the batch.
                        log.exception("command %r failed to decide", command)
                        outcomes.append(
                            DomainError(
                                "invalid_command", "That command is not valid: {error}", error=error
                            )
                        )
                        continue
                    if events:
                        touched = True
                        batch.write(events)
                        for event in events:
                            apply(self.state, event)
                        written.extend(events)
                    outcomes.append(events)
        except BaseException:
            if touched:
                self._recover()
            raise
        if written:
            self._notify(written)
        return outcomes

    def _recover(self) -> None:
        """After a failed write: go back to what is on disk and tell the listeners to start
        over (an empty batch means "reset"). If the disk cannot even be read, stop accepting."""
        try:
            self.state = replay(self.journal.read())
        except JournalError as error:
            self.faulted = error
            log.error("the journal cannot be read back: %s", error)
            return
        self._notify([])

    def _notify(self, events: Sequence[Event]) -> None:
        for listener in list(self._listeners):
            try:
                listener(self.state, events)
            except Exception:
                # A broken view must not undo a change that is already on disk.
                log.exception("a listener failed on %s", [e.type for e in events[:5]])
