"""The benchmark harness runs at a small size, so it cannot rot between measurements."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_replay_startup_benchmark_runs(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [
            sys.executable,
            "bench/replay_startup.py",
            "--events",
            "1500",
            "--runs",
            "1",
            "--write",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "spawn to window ready" in text and "Ratio of medians" in text
    assert "python bench/replay_startup.py" in text


@pytest.mark.slow
def test_audience_load_benchmark_runs(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [
            sys.executable,
            "bench/audience_load.py",
            "--phones",
            "40",
            "--burst",
            "20",
            "--runs",
            "1",
            "--write",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "Questions lost: 0 of 20" in text
    assert "question sent → acknowledged" in text and "bare websockets p99" in text


@pytest.mark.slow
def test_export_speed_benchmark_runs(tmp_path):
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [
            sys.executable,
            "bench/export_speed.py",
            "--events",
            "1500",
            "--runs",
            "1",
            "--write",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert "python bench/export_speed.py" in out.read_text()
