"""Timers derived from anchors, never from counting ticks.

A tick of a GUI timer may come early, late or not at all while the machine is busy; a timer that
counts ticks drifts. These timers keep when they were started and how much ran before, and compute
the time from `now` each time they are asked, the way Ontime does
(`current = startedAt + duration + added - now`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo


class TimerPhase(StrEnum):
    IDLE = "idle"  # never started
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"


class Urgency(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    OVERTIME = "overtime"


@dataclass(frozen=True, slots=True)
class Timer:
    """A countdown of `duration` seconds, plus whatever time was added or removed."""

    duration: float
    added: float = 0.0
    run_started_at: float | None = None  # wall-clock anchor of the current run
    elapsed_before: float = 0.0  # time run before the current run
    phase: TimerPhase = TimerPhase.IDLE

    @property
    def running(self) -> bool:
        return self.phase is TimerPhase.RUNNING

    @property
    def allotted(self) -> float:
        return self.duration + self.added

    def start(self, now: float) -> Timer:
        if self.running:
            return self
        return replace(self, run_started_at=now, phase=TimerPhase.RUNNING)

    def pause(self, now: float) -> Timer:
        if not self.running:
            return self
        return replace(
            self,
            elapsed_before=self.elapsed(now),
            run_started_at=None,
            phase=TimerPhase.PAUSED,
        )

    def stop(self, now: float) -> Timer:
        return replace(
            self, elapsed_before=self.elapsed(now), run_started_at=None, phase=TimerPhase.STOPPED
        )

    def add(self, seconds: float) -> Timer:
        return replace(self, added=self.added + seconds)

    def elapsed(self, now: float) -> float:
        if self.run_started_at is None:
            return self.elapsed_before
        # A wall clock set backwards must not make time run backwards.
        return self.elapsed_before + max(0.0, now - self.run_started_at)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once in overtime."""
        return self.allotted - self.elapsed(now)

    def overtime(self, now: float) -> float:
        return max(0.0, -self.remaining(now))

    def urgency(self, now: float, warning: float) -> Urgency:
        left = self.remaining(now)
        if left < 0:
            return Urgency.OVERTIME
        if left <= warning:
            return Urgency.WARNING
        return Urgency.NORMAL


def format_duration(seconds: float, *, signed: bool = False) -> str:
    """`h:mm:ss` or `m:ss`, rounded towards the display a countdown expects.

    A countdown shows 0:01 until the last second is gone, so positive values round up; overtime
    counts up from 0:00, so negative values round down in magnitude.
    """
    negative = seconds < 0
    whole = int(-seconds) if negative else int(-(-seconds // 1))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    text = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    if negative:
        return "-" + text if whole else text
    return "+" + text if signed and whole else text


def format_drift(seconds: float) -> str:
    """A drift in whole minutes for a rundown: "+6 min", "-2 min", "±0 min"."""
    minutes = round(seconds / 60)
    if minutes == 0:
        return "±0 min"
    return f"{minutes:+d} min"


def local_clock(at: float | None, zone: str | None, *, seconds: bool = False) -> str:
    """The time of day of `at` in the event's time zone ("09:04", or "09:04:12"); "" for None."""
    if at is None:
        return ""
    moment = datetime.fromtimestamp(at, ZoneInfo(zone) if zone else None)
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")
