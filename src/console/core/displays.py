"""What the room's screens show: the projection's mode, and the moderator's message to the
speaker's monitor. Journaled like everything else, so a restarted console (and every remote
display) shows what it showed before."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .appliers import applies
from .command import Command
from .errors import DomainError, finite
from .errors import text as as_text
from .events import Event
from .state import SessionState
from .text import clean_text

MESSAGE_MAX = 120


class ProjectionMode(StrEnum):
    LIVE = "live"  # the slot, the speaker, the question on screen
    HOLDING = "holding"  # a holding card: the event and what comes next
    BLACKOUT = "blackout"  # nothing: a black screen


@dataclass(frozen=True)
class SetProjection(Command):
    mode: str

    def decide(self, state: SessionState, now: float) -> list[Event]:
        try:
            mode = ProjectionMode(self.mode)
        except ValueError:
            raise DomainError(
                "bad_mode", "Unknown projection mode {mode}.", mode=str(self.mode)[:20]
            ) from None
        if mode.value == state.projection_mode:
            return []
        return [Event("projection_set", now, {"mode": mode.value})]


@dataclass(frozen=True)
class SendStageMessage(Command):
    """A line for the speaker's monitor ("Merci de conclure"), optionally flashing."""

    text: str
    flash: bool = False

    def decide(self, state: SessionState, now: float) -> list[Event]:
        message = clean_text(as_text(self.text, "text"), multiline=False)
        if not message:
            raise DomainError("empty_message", "A message cannot be empty.")
        if len(message) > MESSAGE_MAX:
            raise DomainError(
                "message_too_long", "A message is limited to {limit} characters.", limit=MESSAGE_MAX
            )
        return [Event("stage_message_sent", now, {"text": message, "flash": bool(self.flash)})]


@dataclass(frozen=True)
class ClearStageMessage(Command):
    def decide(self, state: SessionState, now: float) -> list[Event]:
        if state.stage_message is None:
            return []
        return [Event("stage_message_cleared", now, {})]


@dataclass(frozen=True)
class SetWarning(Command):
    """When the clocks turn to "time nearly up": for a slot (its own threshold), or for every
    speaker's clock (when `slot_id` is None). Journaled, so every screen warns at the same time."""

    seconds: float
    slot_id: str | None = None

    def decide(self, state: SessionState, now: float) -> list[Event]:
        seconds = finite(self.seconds, "seconds")
        if seconds < 0 or seconds > 3600:
            raise DomainError(
                "bad_threshold", "A warning comes between 0 and 60 minutes before the end."
            )
        if self.slot_id is not None:
            run = state.slot_run(self.slot_id)
            if run.warning_seconds == seconds:
                return []
        elif state.speaker_warning == seconds:
            return []
        return [Event("warning_set", now, {"slot_id": self.slot_id, "seconds": seconds})]


@applies("warning_set")
def _warning_set(state: SessionState, event: Event) -> None:
    slot_id = event.data["slot_id"]
    if slot_id is None:
        state.speaker_warning = event.data["seconds"]
    else:
        state.slots[slot_id].warning_override = event.data["seconds"]


@applies("projection_set")
def _projection_set(state: SessionState, event: Event) -> None:
    state.projection_mode = event.data["mode"]


@applies("stage_message_sent")
def _stage_message_sent(state: SessionState, event: Event) -> None:
    state.stage_message = {"text": event.data["text"], "flash": event.data["flash"], "at": event.at}


@applies("stage_message_cleared")
def _stage_message_cleared(state: SessionState, event: Event) -> None:
    state.stage_message = None
