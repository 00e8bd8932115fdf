"""The audience server under a full room: the real console process and an open-loop load.

    python bench/audience_load.py [--phones 2000] [--burst 500] [--runs 3] [--write docs/benchmarks.md]

Each run starts the real `tribune` process (offscreen, its own journal), connects N phones over
loopback, then:
- sends a burst of B questions from B different phones in one second, each at its planned
  instant whatever the answers (open loop): latency runs from that planned instant, to the ack
  (given after the durable write) and to the row appearing in the moderator's question model;
- has a moderator approve a question, and times its arrival on every phone (5 times);
- reads the console's clock-tick lateness during the burst, and its peak resident memory.
The baseline, measured in the same run, is a bare websockets server (bench/echo_server.py) under
the same load. Targets (2 cores, 2,000 phones): none lost; ack p99 < 250 ms; visible p99 < 300 ms;
broadcast p99 < 150 ms; tick lateness p99 < 20 ms; memory < 250 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
TOKEN = "bench-moderator"
BROADCASTS = 5


@dataclass
class Phone:
    index: int
    ws: object = None
    acks: dict[str, float] = field(default_factory=dict)
    seen: dict[str, float] = field(
        default_factory=dict
    )  # question id -> arrival of a state with it
    watch: tuple[str, ...] = ()


async def reader(phone: Phone) -> None:
    try:
        async for raw in phone.ws:
            now = time.time()
            if raw.startswith('{"type":"ack"'):
                message = json.loads(raw)
                phone.acks[str(message.get("ref"))] = now
            elif phone.watch and raw.startswith('{"type":"state"'):
                for question_id in phone.watch:
                    if question_id not in phone.seen and f'"id":"{question_id}"' in raw:
                        phone.seen[question_id] = now
    except Exception:
        pass


async def open_phone(url: str, index: int) -> Phone:
    phone = Phone(index)
    phone.ws = await connect(url, max_size=4 * 1024 * 1024, open_timeout=60, ping_interval=None)
    await phone.ws.send(
        json.dumps(
            {
                "type": "hello",
                "protocol": 1,
                "role": "audience",
                "device": f"bench-phone-{index:05d}",
            }
        )
    )
    await phone.ws.recv()  # welcome
    return phone


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


async def load(url: str, phones_count: int, burst: int, settle: float = 11.0) -> dict:
    """Connect the room, fire the burst, then the broadcasts; return latencies in ms."""
    phones: list[Phone] = []
    for start in range(0, phones_count, 100):
        phones += await asyncio.gather(
            *(open_phone(url, i) for i in range(start, min(start + 100, phones_count)))
        )
    connected_at = time.monotonic()
    readers = [asyncio.create_task(reader(p)) for p in phones]
    moderator = await connect(url, ping_interval=None)
    await moderator.send(
        json.dumps({"type": "hello", "protocol": 1, "role": "moderator", "token": TOKEN})
    )
    await moderator.recv()
    # Phones count towards their address's allowance once settled in (10 s by default), as in a
    # room where people sit down before they ask: wait that long after the first connection.
    await asyncio.sleep(max(1.0, settle - (time.monotonic() - connected_at)))

    loop = asyncio.get_running_loop()
    askers = phones[:burst]
    start_wall = time.time() + 0.2
    start_loop = loop.time() + 0.2
    planned: dict[str, float] = {}
    sending: set[asyncio.Task] = set()

    def send(phone: Phone, i: int) -> None:
        ref = f"b{i}"
        planned[ref] = start_wall + i / burst
        text = f"Question {i} du public : comment la participation citoyenne pèse-t-elle sur l'IA ?"
        task = loop.create_task(
            phone.ws.send(json.dumps({"type": "ask", "ref": ref, "client_id": ref, "text": text}))
        )
        sending.add(task)
        task.add_done_callback(sending.discard)

    for i, phone in enumerate(askers):
        loop.call_at(start_loop + i / burst, send, phone, i)
    deadline = loop.time() + 30
    while loop.time() < deadline and sum(len(p.acks) for p in askers) < burst:
        await asyncio.sleep(0.05)
    burst_end = time.time()
    acks = [
        (p.acks[f"b{i}"] - planned[f"b{i}"]) * 1000
        for i, p in enumerate(askers)
        if f"b{i}" in p.acks
    ]

    # Broadcasts: the moderator approves one question at a time; every phone times its arrival.
    broadcasts: list[float] = []
    question_ids = [f"q{n}" for n in range(1, BROADCASTS + 1)]
    for question_id in question_ids:
        for phone in phones:
            phone.watch = (question_id,)
        sent = time.time()
        await moderator.send(
            json.dumps(
                {
                    "type": "moderate",
                    "ref": question_id,
                    "action": "approve",
                    "question_id": question_id,
                }
            )
        )
        limit = loop.time() + 10
        while loop.time() < limit and sum(question_id in p.seen for p in phones) < len(phones):
            await asyncio.sleep(0.01)
        broadcasts += [(p.seen[question_id] - sent) * 1000 for p in phones if question_id in p.seen]
        await asyncio.sleep(0.3)
    for phone in phones:
        await phone.ws.close()
    await moderator.close()
    for task in readers:
        task.cancel()
    return {
        "acks": acks,
        "lost": burst - len(acks),
        "planned": planned,
        "burst_window": (start_wall, burst_end),
        "broadcasts": broadcasts,
        "broadcast_missed": BROADCASTS * len(phones) - len(broadcasts),
    }


def start_tribune(folder: Path) -> tuple[subprocess.Popen, str, Path]:
    metrics = folder / "metrics.jsonl"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TRIBUNE_METRICS=str(metrics),
        TRIBUNE_DATA_DIR=str(folder),
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", "--db", str(folder / "event.db"), "--port", "0", "--bind", "127.0.0.1",
         "--moderator-token", TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    for line in proc.stdout:
        match = re.search(r"audience (http://\S+)", line)
        if match:
            return proc, match.group(1).replace("http://", "ws://") + "ws", metrics
    raise RuntimeError(f"tribune exited with {proc.wait()}")


def start_echo() -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "echo_server.py")], stdout=subprocess.PIPE, text=True
    )
    line = proc.stdout.readline()
    return proc, f"ws://127.0.0.1:{line.split()[-1]}/ws"


def peak_memory_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def tribune_run(phones: int, burst: int, settle: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="tribune-load-"))
    proc, url, metrics_path = start_tribune(folder)
    try:
        result = asyncio.run(load(url, phones, burst, settle))
        time.sleep(0.5)
        result["memory_mb"] = peak_memory_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    visible, ticks, burst_ticks = [], [], []
    start, end = result["burst_window"]
    for line in metrics_path.read_text().splitlines():
        record = json.loads(line)
        if record["kind"] == "visible" and record["client_id"] in result["planned"]:
            visible.append((record["at"] - result["planned"][record["client_id"]]) * 1000)
        elif record["kind"] == "tick":
            ticks.append(record["late"] * 1000)
            if start <= record["at"] <= end + 1.0:
                burst_ticks.append(record["late"] * 1000)
    result["visible"] = visible
    result["ticks"] = burst_ticks
    result["ticks_all"] = ticks
    shutil.rmtree(folder, ignore_errors=True)
    return result


def echo_run(phones: int, burst: int, settle: float) -> dict:
    proc, url = start_echo()
    try:
        result = asyncio.run(load(url, phones, burst, settle))
        result["memory_mb"] = peak_memory_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=2000)
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--settle",
        type=float,
        default=11.0,
        help="seconds between the first connection and the burst",
    )
    parser.add_argument("--write", help="a Markdown file to write the results into")
    args = parser.parse_args()
    runs = []
    for run in range(args.runs):
        base = echo_run(args.phones, args.burst, args.settle)
        ours = tribune_run(args.phones, args.burst, args.settle)
        runs.append((base, ours))
        print(
            f"run {run + 1}: ack p99 {percentile(ours['acks'], 99):.0f} ms (bare {percentile(base['acks'], 99):.0f}), "
            f"visible p99 {percentile(ours['visible'], 99):.0f} ms, broadcast p99 {percentile(ours['broadcasts'], 99):.0f} ms "
            f"(bare {percentile(base['broadcasts'], 99):.0f}), tick p99 {percentile(ours['ticks'], 99):.1f} ms, "
            f"lost {ours['lost']}, memory {ours['memory_mb']:.0f} MB",
            flush=True,
        )
    report = format_report(runs, args)
    print(report)
    if args.write:
        write_section(Path(args.write), report, args)


def format_report(runs: list[tuple[dict, dict]], args: argparse.Namespace) -> str:
    def per_run(key: str, which: int, p: float) -> list[float]:
        return [percentile(run[which][key], p) for run in runs]

    def row(name: str, key: str, target: str) -> str:
        ours50, ours99 = per_run(key, 1, 50), per_run(key, 1, 99)
        base99 = per_run(key, 0, 99) if key in runs[0][0] and runs[0][0][key] else None
        ratio = f"{statistics.median(ours99) / statistics.median(base99):.1f}×" if base99 else "—"
        base = f"{statistics.median(base99):.0f}" if base99 else "—"
        return (
            f"| {name} | {statistics.median(ours50):.0f} | {statistics.median(ours99):.0f} | {max(ours99):.0f} | "
            f"{base} | {ratio} | {target} |"
        )

    lost = [run[1]["lost"] for run in runs]
    memory = [run[1]["memory_mb"] for run in runs]
    missed = [run[1]["broadcast_missed"] for run in runs]
    return "\n".join(
        [
            f"{args.phones} phones connected, a burst of {args.burst} questions in one second, "
            f"{BROADCASTS} broadcasts per run, {args.runs} runs; Python {sys.version.split()[0]}, {os.cpu_count()} cores. "
            "Medians over the runs of each run's median and p99.",
            "",
            "| measure (ms) | median | p99 | worst run p99 | bare websockets p99 | ratio | target p99 |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            row("question sent → acknowledged (after the durable write)", "acks", "< 250"),
            row("question sent → visible in the moderator's model", "visible", "< 300"),
            row("state change → received by every phone", "broadcasts", "< 150"),
            row("console clock tick lateness during the burst", "ticks", "< 20"),
            row("the same over the whole run (2,000 connecting, broadcasts)", "ticks_all", "—"),
            "",
            f"Questions lost: {sum(lost)} of {args.burst * len(runs)}. Broadcasts not received: {sum(missed)}. "
            f"Peak resident memory of the console: median {statistics.median(memory):.0f} MB, worst {max(memory):.0f} MB "
            "(target < 250 MB).",
        ]
    )


def write_section(path: Path, report: str, args: argparse.Namespace) -> None:
    from replay_startup import write_section as write

    write(
        path, report, args.phones, key="audience_load",
        title="A full room: 2,000 phones and a burst of questions",
        target="Targets: none lost; ack p99 < 250 ms; visible p99 < 300 ms; broadcast p99 < 150 ms; tick p99 < 20 ms; < 250 MB.",
        command=f"python bench/audience_load.py --phones {args.phones} --burst {args.burst} --runs {args.runs} --write docs/benchmarks.md",
    )  # fmt: skip


if __name__ == "__main__":
    main()
