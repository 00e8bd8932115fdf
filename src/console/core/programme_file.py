"""Reading a programme from a TOML file, with errors that name the file, line and key.

The format is documented in docs/programme-format.md; resources/programmes/ has the demo.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .programme import EventInfo, Person, PlannedTurn, Programme, Slot, SlotKind

Key = Sequence[str | int]
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")

EVENT_KEYS = {"title", "date", "venue", "timezone", "organisers", "language"}
PERSON_KEYS = {"name", "title", "organisation", "gender"}
SLOT_KEYS = {
    "id", "kind", "title", "subtitle", "start", "minutes", "moderators", "speakers", "guests",
    "turn_minutes", "warning_minutes",
}  # fmt: skip


class ProgrammeError(ValueError):
    """A programme file that cannot be used, with where and why."""

    def __init__(self, file: str, line: int | None, key: str, problem: str) -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem


def dotted(key: Key) -> str:
    out = ""
    for part in key:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def locate(text: str, key: Key) -> int | None:
    """The line (1-based) where `key` is written, or that of its table; None if not found.

    Good enough for the files people write by hand: tables as [a.b] and [[array]] headers, keys
    as `name = value`; an array of tables is counted by its headers.
    """
    table: tuple[str | int, ...] = ()
    counts: dict[str, int] = {}
    table_line: dict[tuple[str | int, ...], int] = {}
    best: int | None = None
    wanted = tuple(key)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            names = tuple(n.strip().strip("\"'") for n in header.group(2).split("."))
            if header.group(1) == "[[":
                counts[header.group(2)] = counts.get(header.group(2), -1) + 1
                table = (*names, counts[header.group(2)])
            else:
                table = names
            table_line.setdefault(table, number)
            continue
        match = _KEY.match(line)
        if match:
            names = tuple(n.strip().strip("\"'") for n in match.group(1).split("."))
            if (*table, *names) == wanted[: len(table) + len(names)]:
                if (*table, *names) == wanted:
                    return number
                best = number
    if best is not None:
        return best
    for length in range(len(wanted), 0, -1):
        if wanted[:length] in table_line:
            return table_line[wanted[:length]]
    return None


class _Reader:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text

    def fail(self, key: Key, problem: str) -> ProgrammeError:
        return ProgrammeError(self.file, locate(self.text, key), dotted(key), problem)

    def table(self, data: dict[str, Any], key: Key, allowed: set[str]) -> dict[str, Any]:
        value = self.get(data, key, dict)
        for name in value:
            if name not in allowed:
                raise self.fail(
                    (*key, name), f"unknown key; expected one of {', '.join(sorted(allowed))}"
                )
        return value

    def get(self, data: dict[str, Any], key: Key, kind: type, default: Any = ...) -> Any:
        value = data.get(key[-1], default) if isinstance(key[-1], str) else data
        if value is ...:
            raise self.fail(key, f"missing; expected {_describe(kind)}")
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.fail(key, f"expected {_describe(kind)}, found {_shown(value)}")
        return value

    def text_value(self, data: dict[str, Any], key: Key, default: Any = ...) -> str:
        value = self.get(data, key, str, default).strip()
        if default is ... and not value:
            raise self.fail(key, "must not be empty")
        return value

    def ident(self, value: Any, key: Key) -> str:
        if not isinstance(value, str) or not _ID.match(value):
            raise self.fail(
                key, f"expected an id of letters, digits, '-' or '_', found {_shown(value)}"
            )
        return value


def _describe(kind: type) -> str:
    return {
        str: "a text in quotes",
        float: "a number",
        dict: "a table",
        list: "a list",
        date: "a date such as 2025-02-07",
        time: "a time such as 09:30:00",
    }.get(kind, kind.__name__)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def parse_programme(text: str, file: str = "<programme>") -> Programme:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ProgrammeError(
            file, int(line.group(1)) if line else None, "", f"not valid TOML: {error}"
        ) from None
    r = _Reader(file, text)
    for name in data:
        if name not in {"event", "people", "slot"}:
            raise r.fail((name,), "unknown table; expected [event], [people.ID] or [[slot]]")

    ev = r.table(data, ("event",), EVENT_KEYS)
    when = ev.get("date", ...)
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when)
        except ValueError:
            raise r.fail(
                ("event", "date"), f"expected a date such as 2025-02-07, found {when!r}"
            ) from None
    when = r.get({"date": when}, ("event", "date"), date)
    timezone = r.text_value(ev, ("event", "timezone"), "Europe/Paris")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise r.fail(
            ("event", "timezone"),
            f"unknown time zone {timezone!r}; expected a name such as Europe/Paris",
        ) from None
    organisers = r.get(ev, ("event", "organisers"), list, [])
    event = EventInfo(
        title=r.text_value(ev, ("event", "title")),
        date=when,
        venue=r.text_value(ev, ("event", "venue"), ""),
        timezone=timezone,
        organisers=tuple(str(o) for o in organisers),
        language=r.text_value(ev, ("event", "language"), "fr"),
    )

    people: dict[str, Person] = {}
    for person_id, fields in r.get(data, ("people",), dict, {}).items():
        key = ("people", person_id)
        r.ident(person_id, key)
        if person_id.startswith("adhoc-"):
            raise r.fail(
                key, "ids starting with 'adhoc-' are kept for speakers added from the floor"
            )
        fields = r.table(data["people"], key, PERSON_KEYS)
        people[person_id] = Person(
            id=person_id,
            name=r.text_value(fields, (*key, "name")),
            title=r.text_value(fields, (*key, "title"), ""),
            organisation=r.text_value(fields, (*key, "organisation"), ""),
            gender=r.text_value(fields, (*key, "gender"), ""),
        )

    slots: list[Slot] = []
    raw_slots = r.get(data, ("slot",), list, [])
    if not raw_slots:
        raise r.fail(("slot",), "the programme has no [[slot]]")
    seen: set[str] = set()
    for index, raw in enumerate(raw_slots):
        key: tuple[str | int, ...] = ("slot", index)
        if not isinstance(raw, dict):
            raise r.fail(key, "expected a [[slot]] table")
        fields = r.table(raw, key, SLOT_KEYS)
        slot_id = r.ident(r.get(fields, (*key, "id"), str), (*key, "id"))
        if slot_id in seen:
            raise r.fail((*key, "id"), f"the id {slot_id!r} is used by another slot")
        seen.add(slot_id)
        kind_text = r.text_value(fields, (*key, "kind"), "other")
        try:
            kind = SlotKind(kind_text)
        except ValueError:
            raise r.fail(
                (*key, "kind"),
                f"unknown kind {kind_text!r}; expected one of {', '.join(k.value for k in SlotKind)}",
            ) from None
        start = fields.get("start", ...)
        if isinstance(start, str):
            try:
                start = time.fromisoformat(start)
            except ValueError:
                raise r.fail(
                    (*key, "start"), f"expected a time such as 09:30, found {start!r}"
                ) from None
        start = r.get({"start": start}, (*key, "start"), time)
        minutes = r.get(fields, (*key, "minutes"), float)
        if minutes <= 0:
            raise r.fail((*key, "minutes"), f"expected a duration above 0, found {minutes:g}")
        turn_minutes = (
            r.get(fields, (*key, "turn_minutes"), float, None) if "turn_minutes" in fields else None
        )

        def person_list(
            name: str, key: tuple[str | int, ...] = key, fields: dict = fields
        ) -> tuple[str, ...]:
            ids = r.get(fields, (*key, name), list, [])
            for i, pid in enumerate(ids):
                r.ident(pid, (*key, name))
                if pid not in people:
                    raise r.fail(
                        (*key, name), f"item {i + 1}: nobody with the id {pid!r} in [people]"
                    )
            return tuple(ids)

        turns = []
        for i, entry in enumerate(r.get(fields, (*key, "speakers"), list, [])):
            at = (*key, "speakers")
            own_minutes = turn_minutes
            if isinstance(entry, dict):
                own_minutes = entry.get("minutes", turn_minutes)
                entry = entry.get("people", ...)
                if entry is ...:
                    raise r.fail(at, f"item {i + 1}: a turn table needs people = [...]")
            members = [entry] if isinstance(entry, str) else entry
            if not isinstance(members, list) or not members:
                raise r.fail(at, f"item {i + 1}: expected an id, or a list of ids for a group turn")
            for pid in members:
                if not isinstance(pid, str) or pid not in people:
                    raise r.fail(at, f"item {i + 1}: nobody with the id {pid!r} in [people]")
            if own_minutes is not None and (
                not isinstance(own_minutes, int | float) or own_minutes <= 0
            ):
                raise r.fail(at, f"item {i + 1}: expected minutes above 0, found {own_minutes!r}")
            turns.append(PlannedTurn(tuple(members), float(own_minutes) if own_minutes else None))

        slot = Slot(
            id=slot_id,
            kind=kind,
            title=r.text_value(fields, (*key, "title")),
            subtitle=r.text_value(fields, (*key, "subtitle"), ""),
            start=start,
            minutes=minutes,
            moderators=person_list("moderators"),
            turns=tuple(turns),
            guests=person_list("guests"),
            warning_minutes=r.get(fields, (*key, "warning_minutes"), float, 2.0),
        )
        if slots and slot.start < slots[-1].start:
            raise r.fail(
                (*key, "start"), f"starts before the slot above it ({slots[-1].start:%H:%M})"
            )
        slots.append(slot)
    return Programme(event=event, people=people, slots=tuple(slots))


def load_programme(path: str | Path) -> Programme:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProgrammeError(str(path), None, "", "no such file") from None
    except UnicodeDecodeError as error:
        line = text_line_of_offset(path.read_bytes(), error.start)
        raise ProgrammeError(str(path), line, "", "not UTF-8 text") from None
    except OSError as error:
        raise ProgrammeError(str(path), None, "", f"cannot be read ({error.strerror})") from None
    return parse_programme(text, str(path))


def text_line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
