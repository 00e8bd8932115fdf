"""kill -9 at any moment loses nothing that was acknowledged; a restart resumes the morning."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("kill_driver.py")
ROOT = Path(__file__).resolve().parents[2]


def start(db: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    # stderr to a file: a pipe nobody reads would block the driver once full.
    log = open(db.with_suffix(".log"), "a")  # noqa: SIM115
    return subprocess.Popen(
        [sys.executable, str(DRIVER), "run", str(db)],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=env,
    )


def read_until_acks(
    proc: subprocess.Popen, wanted: int, timeout: float = 60
) -> tuple[dict, list[tuple[int, dict]]]:
    resumed: dict = {}
    acks: list[tuple[int, dict]] = []
    deadline = time.monotonic() + timeout
    while len(acks) < wanted:
        if time.monotonic() > deadline or proc.poll() is not None:
            raise AssertionError("the driver stopped or stalled; see its .log beside the database")
        line = proc.stdout.readline()
        if line.startswith("RESUMED"):
            resumed = json.loads(line.split(" ", 1)[1])
        elif line.startswith("ACK"):
            _, count, payload = line.split(" ", 2)
            acks.append((int(count), json.loads(payload)))
    return resumed, acks


def inspect(db: Path, n: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, str(DRIVER), "inspect", str(db), str(n)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return json.loads(out)


@pytest.mark.slow
def test_kill_9_mid_slot_then_restart_resumes_everything_acknowledged(tmp_path):
    db = tmp_path / "event.db"
    rng = random.Random(20250207)
    previous_digest = None
    for _ in range(4):
        proc = start(db)
        try:
            resumed, acks = read_until_acks(proc, rng.randint(30, 80))
            if previous_digest is not None:
                # The restarted console shows what was there when it died.
                assert resumed == previous_digest
            # Let it run on a little, then kill it at a moment nobody chose.
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
            # Lines printed before the kill are acknowledged changes too; a line cut short by the
            # kill was not yet said.
            for line in proc.stdout.read().splitlines(keepends=True):
                if line.startswith("ACK") and line.endswith("\n"):
                    _, count, payload = line.split(" ", 2)
                    acks.append((int(count), json.loads(payload)))
        finally:
            if proc.poll() is None:
                proc.kill()
        last_count, last_digest = acks[-1]
        seen = inspect(db, last_count)
        # Everything acknowledged is on disk; at most the change being acknowledged when the
        # process died is there as well (written, not yet said).
        assert seen["count"] >= last_count
        assert seen["prefix"] == last_digest
        assert seen["count"] - last_count <= 4
        previous_digest = seen["all"]
        assert previous_digest["slot"] is not None


@pytest.mark.slow
def test_time_spent_while_down_is_counted(tmp_path):
    db = tmp_path / "event.db"
    proc = start(db)
    try:
        read_until_acks(proc, 20)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    state = inspect(db, 0)["all"]
    started_at, elapsed_before, _ = state["slot_timer"]
    time.sleep(1.5)
    # The restarted console computes the slot clock from the anchor in the journal: the 1.5 s it
    # was down are part of the slot's elapsed time.
    from console.app import open_event

    opened = open_event(db, None)
    try:
        run = opened.session.state.current_slot
        now = opened.timebase.now()
        assert run.timer.run_started_at == started_at
        assert run.timer.elapsed_before == elapsed_before
        if started_at is None:
            # The driver had paused the slot: a paused clock does not move while down either.
            assert run.timer.elapsed(now) == elapsed_before
        else:
            assert run.timer.elapsed(now) >= elapsed_before + 1.5
    finally:
        opened.close()
