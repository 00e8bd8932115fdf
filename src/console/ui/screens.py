"""The console's own screens: the projection and the stage monitor as windows on a chosen
screen (full-screen, remembered per screen), fed from the session as it changes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QScreen

from console.core.events import Event
from console.core.public import public_state
from console.core.session import Session
from console.core.state import SessionState

from .display_views import DisplayView, ProjectionView, StageView

VIEWS = {"projection": ProjectionView, "stage": StageView}


def screen_key(screen: QScreen) -> str:
    return f"{screen.name()} {screen.size().width()}x{screen.size().height()}"


class LocalScreens:
    """Opens views on the laptop's screens and keeps them in step with the session."""

    def __init__(
        self,
        session: Session,
        clock: Callable[[], float],
        url: str = "",
        qr_png: bytes = b"",
    ) -> None:
        self.session = session
        self.clock = clock
        self.url = url
        self.qr_png = qr_png
        self.windows: dict[str, DisplayView] = {}
        session.subscribe(self._on_events)

    def make(self, view: str) -> DisplayView:
        if view == "projection":
            return ProjectionView(self.url, self.qr_png)
        return StageView()

    def open(
        self, view: str, screen: QScreen | None = None, *, full_screen: bool = True
    ) -> DisplayView:
        window = self.windows.get(view)
        if isinstance(window, ProjectionView) and window.url != self.url:
            window.set_qr(self.url, self.qr_png)
        if window is None:
            window = self.make(view)
            self.windows[view] = window
        if screen is not None:
            window.setScreen(screen)
            window.setGeometry(screen.geometry())
            QSettings().setValue(f"screens/{screen_key(screen)}", view)
        window.show_state(public_state(self.session.state, self.clock(), for_displays=True))
        if full_screen:
            window.showFullScreen()
        else:
            window.resize(1280, 720)
            window.show()
        return window

    def reopen_remembered(self) -> None:
        """Put back each view on the screen it was on last time, if that screen is here."""
        settings = QSettings()
        for screen in QGuiApplication.screens()[1:]:  # never cover the console's own screen
            view = settings.value(f"screens/{screen_key(screen)}")
            if view in VIEWS:
                self.open(view, screen)

    def close(self, view: str) -> None:
        window = self.windows.pop(view, None)
        if window is not None:
            window.close()

    def _on_events(self, state: SessionState, events: Sequence[Event]) -> None:
        if not self.windows:
            return
        shown = public_state(state, self.clock(), for_displays=True)
        for window in self.windows.values():
            window.show_state(shown)
