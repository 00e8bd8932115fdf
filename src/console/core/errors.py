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
