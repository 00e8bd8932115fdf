"""How long `tribune export` takes on a long morning.

    python bench/export_speed.py [--events 100000] [--runs 5] [--write docs/benchmarks.md]

Builds a journal of N events (bench/replay_startup.build_journal: questions, votes, moderation,
speakers, notes), then times the real command `tribune export DB --format all` from spawn to exit,
several times; the baseline, in the same run, is the same command on a journal holding only the
programme. Target: 100,000 events exported in under 3 seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replay_startup import build_journal, percentile, write_section

ROOT = Path(__file__).resolve().parent.parent


def time_export(db: Path, out: Path, formats: str) -> float:
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "console", "export", str(db), "--format", formats, "--out", str(out)],
        check=True, capture_output=True, env=env, cwd=ROOT,
    )  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tribune-export-bench-"))
    try:
        long_db, base_db = folder / "long.db", folder / "base.db"
        count = build_journal(long_db, args.events)
        build_journal(base_db, 0)
        rows = {}
        for formats in ("all", "json,csv"):
            base, long = [], []
            for _ in range(args.runs):
                base.append(time_export(base_db, folder / "out-base", formats))
                long.append(time_export(long_db, folder / "out-long", formats))
            rows[formats] = (base, long)
            print(
                f"{formats}: baseline {statistics.median(base):.3f} s, {count} events {statistics.median(long):.3f} s"
            )
        lines = [
            f"Journal of {count} events; {args.runs} runs each, alternating; Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} cores. From spawn to exit of `tribune export`.",
            "",
            "| formats | journal | median (s) | p99 (s) | ratio to baseline |",
            "| --- | --- | --- | --- | --- |",
        ]
        for formats, (base, long) in rows.items():
            ratio = statistics.median(long) / statistics.median(base)
            lines.append(
                f"| {formats} | programme only (baseline) | {statistics.median(base):.3f} | {percentile(base, 99):.3f} | 1.00 |"
            )
            lines.append(
                f"| {formats} | {count} events | {statistics.median(long):.3f} | {percentile(long, 99):.3f} | {ratio:.2f} |"
            )
        report = "\n".join(lines)
        print(report)
        if args.write:
            write_section(
                Path(args.write), report, count, key="export_speed",
                title="Exporting a long morning",
                target="Target: a journal of 100,000 events exported in under 3 seconds.",
                command=f"python bench/export_speed.py --events {count} --runs {args.runs} --write docs/benchmarks.md",
            )  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
