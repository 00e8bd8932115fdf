"""The benchmark harnesses run at a small size, so they cannot rot between measurements."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def bench(tmp_path: Path, script: str, *args: str) -> str:
    """Run bench/SCRIPT with its report written to a scratch file; return the report."""
    out = tmp_path / "bench.md"
    result = subprocess.run(
        [sys.executable, f"bench/{script}", *args, "--runs", "1", "--write", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert f"python bench/{script}" in text  # the command that reproduces the figures
    return text


@pytest.mark.slow
def test_replay_startup_benchmark_runs(tmp_path):
    text = bench(tmp_path, "replay_startup.py", "--events", "1500")
    assert "spawn to window ready" in text and "Ratio of medians" in text


@pytest.mark.slow
def test_audience_load_benchmark_runs(tmp_path):
    # A burst within one address's allowance before any phone has settled in: no waiting.
    text = bench(tmp_path, "audience_load.py", "--phones", "40", "--burst", "10", "--settle", "0")
    assert "Questions lost: 0 of 10" in text
    assert "question sent → acknowledged" in text and "bare websockets p99" in text


@pytest.mark.slow
def test_export_speed_benchmark_runs(tmp_path):
    text = bench(tmp_path, "export_speed.py", "--events", "1500")
    assert "programme only (baseline)" in text
