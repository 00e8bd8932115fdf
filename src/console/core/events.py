"""Events: the facts that record every change to a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    """One fact, stamped with the wall-clock time (`at`, epoch seconds) it happened.

    `data` holds only JSON values so that the journal can store it as it is.
    """

    type: str
    at: float
    data: dict[str, Any] = field(default_factory=dict)
