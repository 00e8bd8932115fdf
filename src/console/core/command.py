"""The base of every command: a request that the core checks and turns into events."""

from __future__ import annotations

from .events import Event
from .state import SessionState


class Command:
    """A change someone asks for. `decide` raises DomainError or returns the events; it never
    changes the state itself: only applying the events does, after they are in the journal."""

    def decide(self, state: SessionState, now: float) -> list[Event]:
        raise NotImplementedError
