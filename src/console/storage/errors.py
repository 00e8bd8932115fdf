"""Why a database cannot be used. The user interface turns `kind` into a translated sentence."""

from __future__ import annotations

from console.core.errors import JournalError


class StorageError(JournalError):
    """A database Tribune will not touch, or a write that did not reach the disk.

    `kind` is one of: missing, locked, read_only, corrupt, not_tribune, newer_schema, disk_full,
    write_failed.
    """

    def __init__(self, kind: str, path: str, detail: str = "") -> None:
        self.kind = kind
        self.path = path
        self.detail = detail
        super().__init__(
            f"{path}: {DESCRIPTIONS.get(kind, kind)}" + (f" ({detail})" if detail else "")
        )


DESCRIPTIONS = {
    "missing": "no such database",
    "locked": "the database is in use by another Tribune console",
    "read_only": "the database cannot be written to",
    "corrupt": "the database is damaged",
    "not_tribune": "this file is not a Tribune database",
    "newer_schema": "the database was written by a newer version of Tribune",
    "disk_full": "the disk is full: the last change was not saved",
    "write_failed": "the last change could not be saved",
}
