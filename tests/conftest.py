"""Shared fixtures. Qt runs offscreen: tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt's settings (language, last event) go to a scratch folder, not the user's.
os.environ["XDG_CONFIG_HOME"] = __import__("tempfile").mkdtemp(prefix="tribune-test-config-")
os.environ.setdefault(
    "TRIBUNE_DATA_DIR", os.path.join(os.path.dirname(__file__), ".data-never-used")
)

from collections.abc import Iterator
from pathlib import Path

import pytest

from console.core.programme import Programme
from console.core.programme_file import load_programme
from console.paths import demo_programme
from console.timebase import Timebase

# 07/02/2025 09:00 in Paris: the morning's planned start.
NINE_AM = 1738915200.0


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, start: float = NINE_AM) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def demo() -> Programme:
    return load_programme(demo_programme())


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "event.db"


class FakeTimebase(Timebase):
    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock

    def now(self) -> float:
        return self.clock.now

    def check_jump(self):
        return None


@pytest.fixture
def opened(db_path, clock):
    from console.app import open_event

    event = open_event(db_path, None, FakeTimebase(clock))
    yield event
    event.close()


@pytest.fixture
def french(qapp):
    """The application as users get it: the stage theme, in French."""
    from console.ui.setup import prepare_application, remove_translators

    translators = prepare_application(qapp, "fr")
    yield qapp
    remove_translators(qapp, translators)


@pytest.fixture
def window(qtbot, opened):
    from console.ui.main_window import MainWindow

    win = MainWindow(opened.session, opened.timebase.now, str(opened.database.path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
