"""Errors raised by the domain when a command is not allowed."""

from __future__ import annotations

from typing import Any


class DomainError(ValueError):
    """An illegal command: nothing was changed.

    `code` is stable and names the rule (the user interface translates it); `params` carries the
    values the message refers to; `str()` gives an English sentence for logs and developers.
    """

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message.format(**params))
        self.code = code
        self.params = params


def finite(value: object, name: str) -> float:
    """A number a command may carry: finite, not a boolean; else a DomainError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value != value
        or value in (float("inf"), float("-inf"))
    ):
        raise DomainError("bad_number", "{name} must be a finite number.", name=name)
    return float(value)


def whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise DomainError("bad_number", "{name} must be a whole number.", name=name)
    return value


def text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise DomainError("bad_text", "{name} must be text.", name=name)
    return value


class JournalError(Exception):
    """The journal could not keep a change: nothing of it was acknowledged or applied.

    The storage raises a subclass with the details; the network and the interface catch this one,
    so that they need not know the storage.
    """
