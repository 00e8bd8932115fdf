"""The registry that turns each event type into its change of state."""

from __future__ import annotations

from collections.abc import Callable

from .events import Event
from .state import SessionState

Applier = Callable[[SessionState, Event], None]
APPLIERS: dict[str, Applier] = {}


def applies(event_type: str) -> Callable[[Applier], Applier]:
    def register(fn: Applier) -> Applier:
        if event_type in APPLIERS:
            raise ValueError(f"two appliers for {event_type}")
        APPLIERS[event_type] = fn
        return fn

    return register
