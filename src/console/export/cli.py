"""`tribune export EVENT.db --format … --out …`: the record of a morning, without a display,
from a database that may be still written to, or left behind by a crash. It only reads."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from console.core.record import build_record
from console.core.replay import replay
from console.storage.database import EventDatabase
from console.storage.errors import StorageError, describe
from console.storage.journal import read_events

from .formats import to_csv, to_html, to_json, to_markdown

FORMATS = ("html", "pdf", "md", "csv", "json")


def load_record(db: Path) -> dict:
    with EventDatabase(db, writer=False) as database:
        try:
            events = list(read_events(database.conn))
        except Exception as error:  # a file damaged past its first pages
            raise StorageError("corrupt", str(db), str(error)) from None
    state = replay(events)
    if state.programme is None:
        raise StorageError("not_tribune", str(db), "the journal holds no programme")
    # A console still writing this event: its clocks run until now, not until its last change.
    return build_record(state, time.time() if writer_alive(db) else None)


def writer_alive(db: Path) -> bool:
    """Whether a console holds the event's writer lock (read only: the lock is not created)."""
    lock = db.with_name(db.name + ".lock")
    if sys.platform == "win32" or not lock.exists():
        return False
    import fcntl
    import os

    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def export(record: dict, formats: list[str], out: Path, language: str, stem: str) -> list[Path]:
    """Write the chosen formats: into the folder `out` (several formats, or CSV), or to the file
    `out` (one format)."""
    single = len(formats) == 1 and formats[0] != "csv" and out.suffix
    folder = out.parent if single else out
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind in formats:
        if kind == "csv":
            written += to_csv(record, folder / f"{stem}-csv" if not single else folder, language)
            continue
        path = out if single else folder / f"{stem}.{kind}"
        if kind == "json":
            path.write_text(to_json(record), encoding="utf-8")
        elif kind == "md":
            path.write_text(to_markdown(record, language), encoding="utf-8")
        elif kind == "html":
            path.write_text(to_html(record, language), encoding="utf-8")
        elif kind == "pdf":
            from .pdf import to_pdf

            to_pdf(record, language, path)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="tribune export", description="Export the record of an event: report and data."
    )
    parser.add_argument("database", type=Path, help="the event's database (.db)")
    parser.add_argument(
        "--format",
        default="all",
        help=f"one or more of {', '.join(FORMATS)}, separated by commas, or all",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="a folder (or a file, for one format); default: beside the database",
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    args = parser.parse_args(argv)
    formats = list(FORMATS) if args.format == "all" else [f.strip() for f in args.format.split(",")]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        parser.error(f"unknown format {', '.join(unknown)}; choose among {', '.join(FORMATS)}")
    try:
        record = load_record(args.database)
    except StorageError as error:
        print(describe(error, args.lang), file=sys.stderr)
        return 2
    stem = args.database.stem + ("-compte-rendu" if args.lang == "fr" else "-report")
    out = args.out or args.database.parent / stem
    if str(out.resolve()).startswith(str(args.database.resolve())):  # the db, its -wal, its -shm
        print("--out must not be the database itself", file=sys.stderr)
        return 2
    for path in export(record, formats, out, args.lang, stem):
        print(path)
    return 0
