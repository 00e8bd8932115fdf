"""Translated sentences for the errors the core and the storage raise by code."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.errors import DomainError
from console.core.programme_file import ProgrammeError
from console.storage.errors import StorageError

# Spelled out at each call, so that lupdate finds the strings.
translate = QCoreApplication.translate


def storage_message(error: StorageError) -> str:
    texts = {
        "missing": translate("Messages", "The database {path} does not exist."),
        "locked": translate(
            "Messages",
            "The database {path} is already open in another Tribune console. Close the other "
            "console, or open another file with --db.",
        ),
        "read_only": translate(
            "Messages",
            "The database {path} cannot be written to. Check that the disk is not read-only and "
            "that you may write to the file and its folder.",
        ),
        "corrupt": translate(
            "Messages",
            "The database {path} is damaged and cannot be used. It has not been modified: keep a "
            "copy, and start a new file with --db.",
        ),
        "not_tribune": translate(
            "Messages",
            "The file {path} is not a Tribune database. It has not been modified; choose another "
            "file with --db.",
        ),
        "newer_schema": translate(
            "Messages",
            "The database {path} was written by a newer version of Tribune. It has not been "
            "modified: update Tribune to open it.",
        ),
        "disk_full": translate(
            "Messages",
            "The disk is full: the last change was NOT saved. Free some space; Tribune keeps "
            "everything saved before it.",
        ),
        "write_failed": translate("Messages", "The last change could NOT be saved to {path}."),
    }
    text = texts.get(error.kind, texts["write_failed"]).format(path=error.path)
    if error.detail:
        text += "\n\n" + translate("Messages", "Details: {detail}").format(detail=error.detail)
    return text


def domain_message(error: DomainError) -> str:
    texts = {
        "no_programme": translate("Messages", "No programme is loaded."),
        "programme_loaded": translate("Messages", "A programme is already loaded for this event."),
        "unknown_slot": translate("Messages", "There is no such slot."),
        "unknown_turn": translate("Messages", "There is no such turn."),
        "unknown_question": translate("Messages", "There is no such question."),
        "unknown_person": translate("Messages", "There is no such person."),
        "slot_ended": translate("Messages", "The slot “{title}” has already ended."),
        "slot_running": translate("Messages", "The slot “{title}” is already running."),
        "no_running_slot": translate("Messages", "No slot is running."),
        "no_next_slot": translate("Messages", "Every slot of the programme has been held."),
        "slot_paused": translate("Messages", "The slot is paused: resume it first."),
        "slot_not_paused": translate("Messages", "The slot is not paused."),
        "negative_time": translate("Messages", "The time cannot go below zero."),
        "empty_note": translate("Messages", "A note cannot be empty."),
        "note_too_long": translate("Messages", "A note is limited to {limit} characters."),
        "turn_not_queued": translate("Messages", "That speaker is not waiting in the queue."),
        "empty_turn": translate("Messages", "A turn needs at least one person."),
        "empty_name": translate("Messages", "A speaker needs a name."),
        "name_too_long": translate("Messages", "A name is limited to {limit} characters."),
        "text_too_long": translate("Messages", "This text is limited to {limit} characters."),
        "bad_position": translate("Messages", "There is no such place in the queue."),
        "queue_empty": translate("Messages", "Nobody is waiting to speak."),
        "nobody_speaking": translate("Messages", "Nobody has the floor."),
        "turn_paused": translate("Messages", "The speaker's clock is already paused."),
        "turn_not_paused": translate("Messages", "The speaker's clock is not paused."),
        "turn_over": translate("Messages", "That turn is over."),
        "question_too_short": translate(
            "Messages", "A question needs at least {limit} characters."
        ),
        "question_too_long": translate("Messages", "A question is limited to {limit} characters."),
        "bad_question_status": translate(
            "Messages", "That question cannot be changed that way now."
        ),
        "merge_self": translate("Messages", "A question cannot be merged into itself."),
        "nothing_on_screen": translate("Messages", "No question is on screen."),
        "not_votable": translate("Messages", "Only approved questions can be voted for."),
    }
    template = texts.get(error.code)
    return template.format(**error.params) if template else str(error)


def programme_message(error: ProgrammeError) -> str:
    where = f"{error.file}:{error.line}" if error.line else error.file
    text = translate("Messages", "The programme file cannot be used.") + "\n\n" + where
    if error.key:
        text += "\n" + translate("Messages", "Field: {key}").format(key=error.key)
    return text + "\n" + translate("Messages", "Problem: {problem}").format(problem=error.problem)
