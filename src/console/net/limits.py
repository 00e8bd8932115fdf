"""Rate limits that stop a flood without stopping a full room behind one NAT.

Each device has its own allowance; an address's allowance grows with the number of devices
connected from it, so 500 phones on the venue Wi-Fi (one public address for all of them) can
each ask, while one machine cannot ask for 500.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(slots=True)
class Bucket:
    """A token bucket: `capacity` at once, refilled at `rate` per second."""

    capacity: float
    rate: float
    tokens: float = -1.0
    last: float = 0.0

    def take(self, now: float, capacity: float | None = None) -> bool:
        capacity = self.capacity if capacity is None else capacity
        if self.tokens < 0:
            self.tokens, self.last = capacity, now
        self.tokens = min(capacity, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


@dataclass(frozen=True, slots=True)
class Limits:
    questions_per_device: float = 5  # at once
    question_refill_seconds: float = 20  # then one every 20 s
    votes_per_device: float = 60
    vote_refill_seconds: float = 0.5
    messages_per_connection: float = 60
    message_refill_seconds: float = 0.1
    address_questions_per_device: float = 3  # an address may ask 3 per device connected from it
    address_slack: float = 10
    max_connections: int = 5000
    max_connections_per_address: int = 3000
    max_message_bytes: int = 8192


@dataclass
class RateLimiter:
    limits: Limits = field(default_factory=Limits)
    _device_questions: dict[str, Bucket] = field(default_factory=dict)
    _device_votes: dict[str, Bucket] = field(default_factory=dict)
    _address_questions: dict[str, Bucket] = field(default_factory=dict)
    _devices_at: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))

    def connected(self, address: str, device: str) -> None:
        devices = self._devices_at[address]
        devices[device] = devices.get(device, 0) + 1

    def disconnected(self, address: str, device: str) -> None:
        devices = self._devices_at.get(address)
        if devices is None or device not in devices:
            return
        devices[device] -= 1
        if devices[device] <= 0:
            del devices[device]
        if not devices:
            del self._devices_at[address]

    def devices_at(self, address: str) -> int:
        return len(self._devices_at.get(address, ()))

    def connection_bucket(self) -> Bucket:
        lim = self.limits
        return Bucket(lim.messages_per_connection, 1 / lim.message_refill_seconds)

    def may_ask(self, address: str, device: str, now: float) -> bool:
        lim = self.limits
        device_bucket = self._device_questions.setdefault(
            device, Bucket(lim.questions_per_device, 1 / lim.question_refill_seconds)
        )
        capacity = lim.address_slack + lim.address_questions_per_device * max(
            1, self.devices_at(address)
        )
        address_bucket = self._address_questions.setdefault(
            address, Bucket(capacity, capacity / lim.question_refill_seconds)
        )
        if capacity > address_bucket.capacity and address_bucket.tokens >= 0:
            # Each phone that joins brings its own allowance with it, at once.
            address_bucket.tokens += capacity - address_bucket.capacity
        address_bucket.capacity = capacity
        address_bucket.rate = capacity / lim.question_refill_seconds
        return device_bucket.take(now) and address_bucket.take(now)

    def may_vote(self, device: str, now: float) -> bool:
        lim = self.limits
        bucket = self._device_votes.setdefault(
            device, Bucket(lim.votes_per_device, 1 / lim.vote_refill_seconds)
        )
        return bucket.take(now)
