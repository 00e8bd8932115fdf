"""The message format between the console and its clients, version 1: parsing, checking and
encoding, with no sockets (docs/protocol.md and docs/protocol.schema.json describe it).

Every message is a JSON object with a "type". A client may add "ref" (a short string or number):
the reply that answers it (ack or error) carries the same "ref".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

PROTOCOL = 1
ROLES = ("audience", "display", "bridge", "moderator")
MODERATION_ACTIONS = ("approve", "reject", "show", "hide", "answer", "merge", "edit", "route")
# Which role may send which message (checked on the server for every message).
ALLOWED: dict[str, frozenset[str]] = {
    "audience": frozenset({"ask", "vote", "unvote", "sync"}),
    "display": frozenset({"sync"}),
    "bridge": frozenset({"ask", "sync"}),
    "moderator": frozenset({"ask", "moderate", "sync"}),
}
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
_DEVICE = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_TEXT_FIELD = 2000  # raw length before cleaning; the core's own limits come after


class ProtocolError(ValueError):
    """A message the server will not take. `code` is stable; the text is for developers."""

    def __init__(self, code: str, message: str, ref: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.ref = ref


VIEWS = ("projection", "stage", "lower-third", "other")


@dataclass(frozen=True, slots=True)
class Hello:
    role: str
    device: str
    token: str
    name: str
    lang: str
    view: str = "other"  # what a display shows, for the console's list of screens


@dataclass(frozen=True, slots=True)
class Ask:
    client_id: str
    text: str
    name: str
    ref: Any


@dataclass(frozen=True, slots=True)
class Vote:
    question_id: str
    up: bool
    ref: Any


@dataclass(frozen=True, slots=True)
class Moderate:
    action: str
    question_id: str
    reason: str
    into: str
    text: str
    person_id: str
    slot_id: str
    ref: Any


@dataclass(frozen=True, slots=True)
class Sync:
    ref: Any


Message = Hello | Ask | Vote | Moderate | Sync


def _text(
    data: dict[str, Any], key: str, ref: Any, *, required: bool = False, limit: int = MAX_TEXT_FIELD
) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ProtocolError("bad_field", f"{key} must be a string", ref)
    if required and not value.strip():
        raise ProtocolError("bad_field", f"{key} is required", ref)
    if len(value) > limit:
        raise ProtocolError("too_long", f"{key} is longer than {limit} characters", ref)
    if not _encodable(value):
        raise ProtocolError("bad_field", f"{key} is not valid text", ref)
    return value


def _ident(data: dict[str, Any], key: str, ref: Any, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not value and not required:
        return ""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ProtocolError(
            "bad_field", f"{key} must be an id of 1 to 64 letters, digits or _.:-", ref
        )
    return value


def _encodable(value: str) -> bool:
    """JSON may carry lone surrogates; they can be neither stored nor sent back."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse(raw: str | bytes) -> Message:
    """Turn a received frame into a message, or raise ProtocolError saying what is wrong."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ProtocolError("bad_json", "messages are UTF-8 JSON text") from None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # JSONDecodeError, and numbers too long to convert
        raise ProtocolError("bad_json", "not valid JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError("bad_json", "a message is a JSON object")
    ref = data.get("ref")
    if ref is not None and not (
        isinstance(ref, int | str)
        and not isinstance(ref, bool)
        and len(str(ref)) <= 64
        and _encodable(str(ref))
    ):
        raise ProtocolError("bad_field", "ref must be a short string or number")
    kind = data.get("type")
    if kind == "hello":
        protocol = data.get("protocol")
        if protocol != PROTOCOL:
            raise ProtocolError("bad_protocol", f"this console speaks protocol {PROTOCOL}", ref)
        role = data.get("role")
        if role not in ROLES:
            raise ProtocolError("bad_field", f"role must be one of {', '.join(ROLES)}", ref)
        device = data.get("device", "")
        if role == "audience" and (not isinstance(device, str) or not _DEVICE.fullmatch(device)):
            raise ProtocolError("bad_field", "device must be 8 to 64 letters, digits, _ or -", ref)
        lang = data.get("lang", "fr")
        return Hello(
            role=role,
            device=device if isinstance(device, str) else "",
            token=_text(data, "token", ref, limit=200),
            name=_text(data, "name", ref, limit=80),
            lang=lang if lang in ("fr", "en") else "fr",
            view=data.get("view") if data.get("view") in VIEWS else "other",
        )
    if kind == "ask":
        return Ask(
            client_id=_ident(data, "client_id", ref),
            text=_text(data, "text", ref, required=True),
            name=_text(data, "name", ref, limit=200),
            ref=ref,
        )
    if kind in ("vote", "unvote"):
        return Vote(question_id=_ident(data, "question_id", ref), up=kind == "vote", ref=ref)
    if kind == "moderate":
        action = data.get("action")
        if action not in MODERATION_ACTIONS:
            raise ProtocolError(
                "bad_field", f"action must be one of {', '.join(MODERATION_ACTIONS)}", ref
            )
        return Moderate(
            action=action,
            question_id=_ident(data, "question_id", ref, required=action != "hide"),
            reason=_text(data, "reason", ref, limit=200),
            into=_ident(data, "into", ref, required=action == "merge"),
            text=_text(data, "text", ref, required=action == "edit"),
            person_id=_ident(data, "person_id", ref, required=False),
            slot_id=_ident(data, "slot_id", ref, required=False),
            ref=ref,
        )
    if kind == "sync":
        return Sync(ref=ref)
    raise ProtocolError("unknown_type", f"unknown message type {str(kind)[:40]!r}", ref)


def message_type(message: Message) -> str:
    if isinstance(message, Vote):
        return "vote" if message.up else "unvote"
    return type(message).__name__.lower()


def encode(kind: str, **fields: Any) -> str:
    return json.dumps({"type": kind, **fields}, ensure_ascii=False, separators=(",", ":"))


def error(code: str, message: str, ref: Any = None) -> str:
    fields: dict[str, Any] = {"code": code, "message": message}
    if ref is not None:
        fields["ref"] = ref
    return encode("error", **fields)
