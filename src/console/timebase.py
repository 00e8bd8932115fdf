"""The process's sense of time: wall-clock readings that never jump inside a run.

The journal stores wall-clock anchors (so a restart counts the time the console was down), but
within a run time comes from the monotonic clock, so an NTP correction or a user changing the
system time cannot make a countdown jump. When the two disagree by more than `tolerance`, the
difference is reported as a clock jump and the base is moved to the wall clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Timebase:
    def __init__(
        self,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        tolerance: float = 2.0,
    ) -> None:
        self._wall = wall
        self._monotonic = monotonic
        self.tolerance = tolerance
        self._base_wall = wall()
        self._base_mono = monotonic()

    def now(self) -> float:
        return self._base_wall + (self._monotonic() - self._base_mono)

    def check_jump(self) -> float | None:
        """Seconds the wall clock moved against the monotonic one since the last check, or None.

        After a reported jump, `now()` follows the wall clock again (the room's clocks follow it).
        """
        wall = self._wall()
        mono = self._monotonic()
        drift = wall - (self._base_wall + (mono - self._base_mono))
        if abs(drift) <= self.tolerance:
            return None
        self._base_wall, self._base_mono = wall, mono
        return drift
