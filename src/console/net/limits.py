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
    # An address may ask 3 questions (and cast 30 votes) per device connected from it for a
    # while: a room behind one NAT can ask, a script opening fresh connections cannot.
    address_questions_per_device: float = 3
    address_votes_per_device: float = 30
    address_slack: float = 10
    device_warmup_seconds: float = 10.0
    max_connections: int = 5000
    max_connections_per_address: int = 3000
    max_message_bytes: int = 8192
    idle_bucket_seconds: float = 600.0  # buckets unused this long are forgotten


@dataclass
class RateLimiter:
    limits: Limits = field(default_factory=Limits)
    _device_questions: dict[str, Bucket] = field(default_factory=dict)
    _device_votes: dict[str, Bucket] = field(default_factory=dict)
    _address_questions: dict[str, Bucket] = field(default_factory=dict)
    _address_votes: dict[str, Bucket] = field(default_factory=dict)
    # address -> device -> (connections open, when the first of them opened)
    _devices_at: dict[str, dict[str, list[float]]] = field(
        default_factory=lambda: defaultdict(dict)
    )

    def connected(self, address: str, device: str, now: float = 0.0) -> None:
        entry = self._devices_at[address].setdefault(device, [0, now])
        entry[0] += 1

    def disconnected(self, address: str, device: str) -> None:
        devices = self._devices_at.get(address)
        if devices is None or device not in devices:
            return
        devices[device][0] -= 1
        if devices[device][0] <= 0:
            del devices[device]
        if not devices:
            del self._devices_at[address]

    def settled_devices_at(self, address: str, now: float) -> int:
        """Devices connected from `address` for longer than the warm-up: those that count."""
        warmup = self.limits.device_warmup_seconds
        return sum(
            1 for _, since in self._devices_at.get(address, {}).values() if now - since >= warmup
        )

    def connection_bucket(self) -> Bucket:
        lim = self.limits
        return Bucket(lim.messages_per_connection, 1 / lim.message_refill_seconds)

    def _address_bucket(
        self, table: dict[str, Bucket], address: str, per_device: float, now: float
    ) -> Bucket:
        lim = self.limits
        capacity = lim.address_slack + per_device * max(1, self.settled_devices_at(address, now))
        bucket = table.setdefault(address, Bucket(capacity, capacity / lim.question_refill_seconds))
        if capacity > bucket.capacity and bucket.tokens >= 0:
            # Each phone that has settled in brings its own allowance with it, at once.
            bucket.tokens += capacity - bucket.capacity
        bucket.capacity = capacity
        bucket.rate = capacity / lim.question_refill_seconds
        return bucket

    def may_ask(self, address: str, device: str, now: float) -> bool:
        lim = self.limits
        device_bucket = self._device_questions.setdefault(
            device, Bucket(lim.questions_per_device, 1 / lim.question_refill_seconds)
        )
        address_bucket = self._address_bucket(
            self._address_questions, address, lim.address_questions_per_device, now
        )
        return address_bucket.take(now) and device_bucket.take(now)

    def may_vote(self, address: str, device: str, now: float) -> bool:
        lim = self.limits
        bucket = self._device_votes.setdefault(
            device, Bucket(lim.votes_per_device, 1 / lim.vote_refill_seconds)
        )
        address_bucket = self._address_bucket(
            self._address_votes, address, lim.address_votes_per_device, now
        )
        return address_bucket.take(now) and bucket.take(now)

    def prune(self, now: float) -> None:
        """Forget buckets nobody used for a while: device ids are the client's to invent."""
        idle = self.limits.idle_bucket_seconds
        for table in (
            self._device_questions,
            self._device_votes,
            self._address_questions,
            self._address_votes,
        ):
            for key in [k for k, b in table.items() if now - b.last > idle]:
                del table[key]
