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


DESCRIPTIONS_FR = {
    "missing": "cette base n'existe pas",
    "locked": "la base est utilisée par une autre console Tribune",
    "read_only": "impossible d'écrire dans la base",
    "corrupt": "la base est endommagée",
    "not_tribune": "ce fichier n'est pas une base Tribune",
    "newer_schema": "la base a été écrite par une version plus récente de Tribune",
    "disk_full": "le disque est plein : la dernière modification n'a pas été enregistrée",
    "write_failed": "la dernière modification n'a pas pu être enregistrée",
}


def describe(error: StorageError, language: str = "fr") -> str:
    """The error in words, for a terminal (the windows use Qt's translations instead)."""
    table = DESCRIPTIONS_FR if language == "fr" else DESCRIPTIONS
    text = f"{error.path}: {table.get(error.kind, error.kind)}"
    return (
        text
        + (f" ({error.detail})" if error.detail else "")
        + (
            " — le fichier n'a pas été modifié."
            if language == "fr" and error.kind in ("corrupt", "not_tribune", "newer_schema")
            else ""
        )
    )
