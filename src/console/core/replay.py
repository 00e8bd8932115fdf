"""Apply events to a state; rebuild a state from the journal."""

from __future__ import annotations

from collections.abc import Iterable

# Importing the rule modules registers their appliers.
from . import displays, questions, rundown, speakers  # noqa: F401
from .appliers import APPLIERS
from .errors import DomainError
from .events import Event
from .state import SessionState


def apply(state: SessionState, event: Event) -> None:
    try:
        applier = APPLIERS[event.type]
    except KeyError:
        raise DomainError("unknown_event", "Unknown event type {type}.", type=event.type) from None
    applier(state, event)
    if event.at > state.last_at:
        state.last_at = event.at


def replay(events: Iterable[Event]) -> SessionState:
    state = SessionState()
    for event in events:
        apply(state, event)
    return state
