"""The programme of an event: its slots, the people and the part each plays in a slot."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo


class SlotKind(StrEnum):
    OPENING = "opening"
    KEYNOTE = "keynote"
    PANEL = "panel"
    DISCUSSION = "discussion"
    BREAK = "break"
    CONCLUSION = "conclusion"
    INTERRUPTION = "interruption"
    OTHER = "other"


class Role(StrEnum):
    MODERATOR = "moderator"
    SPEAKER = "speaker"
    GUEST = "guest"  # "en présence de": at hand, not on the speaking list


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    title: str = ""
    organisation: str = ""
    gender: str = ""  # free text as the programme records it ("f", "m", ...), for statistics only

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "organisation": self.organisation,
            "gender": self.gender,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Person:
        return cls(
            id=d["id"],
            name=d["name"],
            title=d.get("title", ""),
            organisation=d.get("organisation", ""),
            gender=d.get("gender", ""),
        )


@dataclass(frozen=True, slots=True)
class PlannedTurn:
    """A speaking turn written in the programme; a group turn names several people."""

    person_ids: tuple[str, ...]
    minutes: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"person_ids": list(self.person_ids), "minutes": self.minutes}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PlannedTurn:
        return cls(person_ids=tuple(d["person_ids"]), minutes=d.get("minutes"))


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    kind: SlotKind
    title: str
    start: time  # planned start, local time of the event
    minutes: float  # planned duration
    subtitle: str = ""
    moderators: tuple[str, ...] = ()
    turns: tuple[PlannedTurn, ...] = ()
    guests: tuple[str, ...] = ()
    warning_minutes: float = 2.0  # the slot clock turns to "warning" with this much left

    @property
    def seconds(self) -> float:
        return self.minutes * 60.0

    def people_in(self, role: Role) -> tuple[str, ...]:
        if role is Role.MODERATOR:
            return self.moderators
        if role is Role.GUEST:
            return self.guests
        return tuple(pid for turn in self.turns for pid in turn.person_ids)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "subtitle": self.subtitle,
            "start": self.start.isoformat(timespec="minutes"),
            "minutes": self.minutes,
            "moderators": list(self.moderators),
            "turns": [t.to_dict() for t in self.turns],
            "guests": list(self.guests),
            "warning_minutes": self.warning_minutes,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Slot:
        return cls(
            id=d["id"],
            kind=SlotKind(d["kind"]),
            title=d["title"],
            subtitle=d.get("subtitle", ""),
            start=time.fromisoformat(d["start"]),
            minutes=float(d["minutes"]),
            moderators=tuple(d.get("moderators", ())),
            turns=tuple(PlannedTurn.from_dict(t) for t in d.get("turns", ())),
            guests=tuple(d.get("guests", ())),
            warning_minutes=float(d.get("warning_minutes", 2.0)),
        )


@dataclass(frozen=True, slots=True)
class EventInfo:
    title: str
    date: date
    venue: str = ""
    timezone: str = "Europe/Paris"
    organisers: tuple[str, ...] = ()
    language: str = "fr"

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.date.isoformat(),
            "venue": self.venue,
            "timezone": self.timezone,
            "organisers": list(self.organisers),
            "language": self.language,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventInfo:
        return cls(
            title=d["title"],
            date=date.fromisoformat(d["date"]),
            venue=d.get("venue", ""),
            timezone=d.get("timezone", "Europe/Paris"),
            organisers=tuple(d.get("organisers", ())),
            language=d.get("language", "fr"),
        )


@dataclass(frozen=True, slots=True)
class Programme:
    event: EventInfo
    people: dict[str, Person] = field(default_factory=dict)
    slots: tuple[Slot, ...] = ()

    def slot(self, slot_id: str) -> Slot:
        for slot in self.slots:
            if slot.id == slot_id:
                return slot
        raise KeyError(slot_id)

    def planned_start(self, slot: Slot) -> float:
        """The planned start of a slot as epoch seconds, in the event's time zone."""
        moment = datetime.combine(self.event.date, slot.start, ZoneInfo(self.event.timezone))
        return moment.timestamp()

    def planned_end(self, slot: Slot) -> float:
        return self.planned_start(slot) + slot.seconds

    def planned_offset(self, slot: Slot) -> float:
        """Seconds from the planned start of the first slot to the planned start of `slot`."""
        first = self.slots[0]
        return (
            datetime.combine(self.event.date, slot.start)
            - datetime.combine(self.event.date, first.start)
        ) / timedelta(seconds=1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event.to_dict(),
            "people": [p.to_dict() for p in self.people.values()],
            "slots": [s.to_dict() for s in self.slots],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Programme:
        return cls(
            event=EventInfo.from_dict(d["event"]),
            people={p["id"]: Person.from_dict(p) for p in d["people"]},
            slots=tuple(Slot.from_dict(s) for s in d["slots"]),
        )
