import pytest

from console.timebase import Timebase
from tests.conftest import NINE_AM, FakeClock


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


__all__ = ["NINE_AM"]
