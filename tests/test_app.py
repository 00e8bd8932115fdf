"""The `tribune` command as a user starts it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.app import open_event
from console.core import speakers
from console.paths import default_database, slug

ROOT = Path(__file__).resolve().parents[1]


def tribune(*args, env=None, timeout=60):
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "console", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
    )


@pytest.mark.slow
def test_starts_on_the_demo_programme_in_the_users_data_folder(tmp_path):
    result = tribune("--quit-after", "1", env={"TRIBUNE_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    expected = tmp_path / "events" / "2025-02-07-ia-la-voie-citoyenne.db"
    assert f"journal {expected}" in result.stdout
    assert expected.exists()


def test_a_broken_programme_is_named_with_line_and_field(tmp_path):
    bad = tmp_path / "matinee.toml"
    bad.write_text(
        '[event]\ntitle = "Test"\ndate = 2025-02-07\n\n[[slot]]\nid = "a"\ntitle = "A"\nstart = 09:00:00\nminutes = "vingt"\n'
    )
    result = tribune("--programme", str(bad), "--db", str(tmp_path / "e.db"), "--lang", "en")
    assert result.returncode == 2
    assert f"{bad}:9" in result.stderr
    assert "slot[1].minutes" in result.stderr
    assert "expected a number" in result.stderr
    assert not (tmp_path / "e.db").exists()


def test_a_database_in_use_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "e.db"
    opened = open_event(db, None)
    try:
        result = tribune("--db", str(db), "--lang", "fr")
    finally:
        opened.close()
    assert result.returncode == 2
    assert "déjà ouverte dans une autre console Tribune" in result.stderr


def test_no_display_is_explained_not_aborted(tmp_path):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "console", "--db", str(tmp_path / "e.db"), "--lang", "en"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no display was found" in result.stderr
    assert "Fatal" not in result.stderr and "Aborted" not in result.stderr


def test_missing_x11_libraries_are_named_with_their_packages(monkeypatch):
    from console.ui import platform_check

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "missing_libraries", lambda: ["libxcb-cursor.so.0"])
    message = platform_check.display_problem("en")
    assert "libxcb-cursor.so.0" in message and "sudo apt install libxcb-cursor0" in message
    assert "apt install libxcb-cursor0" in platform_check.display_problem("fr")


def test_the_journal_wins_over_another_programme_file(tmp_path, demo):
    db = tmp_path / "e.db"
    opened = open_event(db, None)
    opened.session.execute(speakers.CallNext("ouverture"))
    opened.close()
    other = tmp_path / "other.toml"
    other.write_text(
        '[event]\ntitle = "Autre"\ndate = 2025-03-01\n\n[[slot]]\nid = "x"\ntitle = "X"\nstart = 10:00:00\nminutes = 5\n'
    )
    again = open_event(db, other)
    try:
        assert again.session.state.programme == demo
        assert again.programme_note == "kept"
        assert again.session.state.current_slot_id == "ouverture"
    finally:
        again.close()


def test_one_database_file_per_event(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIBUNE_DATA_DIR", str(tmp_path))
    assert slug("IA : la voie citoyenne") == "ia-la-voie-citoyenne"
    assert (
        default_database("Conseil à l'Été", "2025-06-01")
        == tmp_path / "events" / "2025-06-01-conseil-a-l-ete.db"
    )
