"""How long the real console takes to come back with a long morning in its journal.

    python bench/replay_startup.py [--events 100000] [--runs 7] [--write docs/benchmarks.md]

It builds a journal of about N events through the core's commands (questions, votes, moderation,
speakers, notes: the mix of a busy morning), then starts the real `tribune` process (offscreen)
on it several times and times each start from spawn to the "ready" line, printed once the window
is shown with the replayed morning. The baseline, measured in the same run, is the same process on
a journal holding only the programme: the difference is the cost of the replay.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from console.core import questions, rundown, speakers  # noqa: E402
from console.core.errors import DomainError  # noqa: E402
from console.core.programme_file import load_programme  # noqa: E402
from console.core.session import Session  # noqa: E402
from console.paths import demo_programme  # noqa: E402
from console.storage.database import EventDatabase  # noqa: E402
from console.storage.journal import SqliteJournal  # noqa: E402

READY = re.compile(r"tribune: ready, journal .* \((\d+) events, ([\d.]+) s\)")


def build_journal(path: Path, events: int, seed: int = 7) -> int:
    """A journal of about `events` events, written through the real session and journal."""
    rng = random.Random(seed)
    clock = [1738915200.0]
    database = EventDatabase(path)
    # Only to build the file quickly: the console itself always writes with synchronous=FULL.
    database.conn.execute("PRAGMA synchronous = OFF")
    session = Session(SqliteJournal(database), lambda: clock[0])
    session.execute(rundown.LoadProgramme(load_programme(demo_programme())))
    session.execute(rundown.NextSlot())
    journal = session.journal
    written = journal.count()
    pending: list[str] = []
    approved: list[str] = []
    while written < events:
        clock[0] += rng.uniform(0.05, 0.5)
        state = session.state
        roll = rng.random()
        try:
            if roll < 0.3:
                n = len(state.questions)
                command = questions.ReceiveQuestion(
                    f"Question {n} : comment associer les citoyens aux choix sur l'IA ?",
                    device_id=f"phone-{rng.randrange(2000)}",
                    client_id=str(n),
                )
            elif roll < 0.45 and pending:
                command = questions.ApproveQuestion(pending.pop(rng.randrange(len(pending))))
                approved.append(command.question_id)
            elif roll < 0.5 and pending:
                command = questions.RejectQuestion(
                    pending.pop(rng.randrange(len(pending))), "hors sujet"
                )
            elif roll < 0.9 and approved:
                command = questions.VoteQuestion(
                    rng.choice(approved), f"phone-{rng.randrange(2000)}"
                )
            elif roll < 0.93:
                command = speakers.CallNext()
            elif roll < 0.96:
                command = rundown.AddNote("Note de séance")
            elif (
                roll < 0.97
                and rundown.next_planned_slot(state)
                and written > events * (list(state.slots).index(state.current_slot_id) + 1) / 5
            ):
                command = rundown.NextSlot()
            else:
                command = rundown.AdjustSlotTime(60)
            done = session.execute(command)
            written += len(done)
            pending.extend(e.data["question_id"] for e in done if e.type == "question_received")
        except DomainError:
            continue
    count = journal.count()
    database.close()
    return count


def time_start(db: Path, timeout: float = 120) -> tuple[float, float]:
    """Seconds from spawn to the ready line, and the app's own open-and-replay time."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(db), "--quit-after", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        for line in proc.stdout:
            match = READY.search(line)
            if match:
                total = time.perf_counter() - started
                return total, float(match.group(2))
        raise RuntimeError(f"tribune exited with {proc.wait()} before it was ready")
    finally:
        proc.wait(timeout)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", help="a Markdown file to write the results into")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tribune-bench-"))
    try:
        long_db, base_db = folder / "long.db", folder / "base.db"
        t0 = time.perf_counter()
        count = build_journal(long_db, args.events)
        build = time.perf_counter() - t0
        build_journal(base_db, 0)
        print(
            f"journal: {count} events ({long_db.stat().st_size / 1e6:.1f} MB), built in {build:.1f} s"
        )
        long_total, long_app, base_total, base_app = [], [], [], []
        for run in range(args.runs):
            # Alternate, so that both see the same state of a noisy machine.
            total, app = time_start(base_db)
            base_total.append(total)
            base_app.append(app)
            total, app = time_start(long_db)
            long_total.append(total)
            long_app.append(app)
            print(
                f"run {run + 1}: baseline {base_total[-1]:.3f} s, {count} events {long_total[-1]:.3f} s"
            )

        def row(name: str, values: list[float]) -> str:
            return f"| {name} | {statistics.median(values):.3f} | {percentile(values, 99):.3f} | {min(values):.3f} |"

        replay_cost = [a - b for a, b in zip(long_total, base_total, strict=True)]
        ratio = statistics.median(long_total) / statistics.median(base_total)
        lines = [
            f"Journal of {count} events ({long_db.stat().st_size / 1e6:.1f} MB); {args.runs} runs each, "
            f"alternating; Python {sys.version.split()[0]}, {os.cpu_count()} cores.",
            "",
            "| measure (seconds) | median | p99 | min |",
            "| --- | --- | --- | --- |",
            row("spawn to window ready, programme only (baseline)", base_total),
            row(f"spawn to window ready, {count} events", long_total),
            row("of which open + replay inside the app, baseline", base_app),
            row(f"of which open + replay inside the app, {count} events", long_app),
            row("replay cost (long minus baseline, per run pair)", replay_cost),
            "",
            f"Ratio of medians, long journal against baseline: {ratio:.2f}.",
        ]
        report = "\n".join(lines)
        print(report)
        if args.write:
            write_section(Path(args.write), report, count)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_section(
    path: Path,
    report: str,
    count: int,
    key: str = "replay_startup",
    title: str = "Restart with a long morning: replaying the journal",
    target: str = "Target: a journal of 100,000 events back in a live window in under 2 seconds.",
    command: str = "",
) -> None:
    """Replace (or add) this benchmark's section of docs/benchmarks.md; the others stay."""
    command = (
        command
        or f"python bench/replay_startup.py --events {count} --runs 7 --write docs/benchmarks.md"
    )
    start, end = f"<!-- {key} -->", f"<!-- /{key} -->"
    section = f"{start}\n## {title}\n\n{target}\n\nCommand: `{command}`\n\n{report}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
