"""Rules run without a journal: decide, then apply, as the session does."""

import pytest

from console.core import rundown
from console.core.replay import apply
from console.core.state import SessionState


def run(state, command, now=0.0):
    events = command.decide(state, now)
    for event in events:
        apply(state, event)
    return events


@pytest.fixture
def loaded(demo) -> SessionState:
    """A state with the demo programme loaded, nothing started."""
    state = SessionState()
    run(state, rundown.LoadProgramme(demo))
    return state
