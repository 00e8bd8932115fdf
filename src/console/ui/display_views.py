"""The room's screens as Qt widgets: the projection (big screen) and the stage monitor (the
speaker's countdown). Both draw the public state dict that the web views draw too, so a local
window, a remote `tribune display` and a browser show the same thing."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.core.clock import format_duration

from .fit_label import FitLabel

WARNING = "#f5c04a"
OVERTIME = "#ff5c5c"
NORMAL = "#ffffff"


class DisplayView(QWidget):
    """A screen that follows the public state; `show_state` gives it the latest one."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state: dict[str, Any] = {}
        self.received = time.monotonic()
        self.connected = True
        self.setAutoFillBackground(True)
        self.setStyleSheet("background: #000000; color: #ffffff;")
        self.setCursor(Qt.CursorShape.BlankCursor)

    def show_state(self, state: dict[str, Any]) -> None:
        self.state = state
        self.received = time.monotonic()
        self.render_state()

    def remaining(self, timer: dict[str, Any] | None) -> float | None:
        """A clock carried on from the state: what remained then, less what ran since."""
        if not timer:
            return None
        if timer["running"]:
            return timer["remaining"] - (time.monotonic() - self.received)
        return timer["remaining"]

    def set_connected(self, connected: bool) -> None:
        self.connected = connected
        self.render_state()

    def render_state(self) -> None:
        raise NotImplementedError


def person_line(person: dict[str, str]) -> str:
    """Title, then the organisation when the title does not already name it."""
    title, organisation = person.get("title", ""), person.get("organisation", "")
    if organisation and organisation not in title:
        return f"{title}, {organisation}" if title else organisation
    return title


def _label(points: int, colour: str = "#ffffff", bold: bool = False) -> FitLabel:
    label = FitLabel(max_points=points, bold=bold)
    label.setStyleSheet(f"color: {colour}; background: transparent;")
    return label


class ProjectionView(DisplayView):
    """The big screen: the slot, the speaker (or the question on screen), how to ask."""

    def __init__(self, url: str = "", qr_png: bytes = b"", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tribune — projection"))
        self.url = url
        self.setStyleSheet("background: #0d1b2a; color: #ffffff;")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 36, 48, 36)
        self.event_title = _label(28, "#9fb3c8")
        self.slot_title = _label(44, "#ffffff", bold=True)
        self.main = _label(120, "#ffffff", bold=True)
        self.detail = _label(48, "#cfd8e3")
        self.main.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.event_title, 6)
        outer.addWidget(self.slot_title, 12)
        outer.addWidget(self.main, 38)
        outer.addWidget(self.detail, 22)
        footer = QHBoxLayout()
        self.qr = QLabel()
        self.qr.setStyleSheet("background: transparent;")
        self.qr_pixmap: QPixmap | None = None
        self.ask = _label(30, "#cfd8e3")
        self.ask.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.qr)
        footer.addWidget(self.ask, 1)
        outer.addLayout(footer, 18)
        self.widgets = [
            self.event_title,
            self.slot_title,
            self.main,
            self.detail,
            self.qr,
            self.ask,
        ]
        self.set_qr(url, qr_png)

    def words(self) -> dict[str, str]:
        return {
            "ask": self.tr("Ask your questions:"),
            "next": self.tr("Coming up"),
            "question": self.tr("Question from the room"),
        }

    def set_qr(self, url: str, qr_png: bytes) -> None:
        """Where the room asks: the address, and its QR code beside it."""
        self.url = url
        self.qr_pixmap = None
        if qr_png:
            self.qr_pixmap = QPixmap()
            self.qr_pixmap.loadFromData(QByteArray(qr_png), "PNG")
        self._scale_qr()
        if self.state:
            self.render_state()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale_qr()

    def _scale_qr(self) -> None:
        if self.qr_pixmap is not None:
            side = max(80, int(self.height() * 0.16))
            self.qr.setPixmap(self.qr_pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))

    def render_state(self) -> None:
        state = self.state
        words = self.words()
        mode = state.get("projection", "live")
        blackout = mode == "blackout"
        self.setStyleSheet(
            "background: #000000;" if blackout else "background: #0d1b2a; color: #ffffff;"
        )
        for widget in self.widgets:
            widget.setVisible(not blackout)
        if blackout:
            return
        event = state.get("event") or {}
        slot = state.get("slot")
        speaker = state.get("speaker")
        question = state.get("on_screen")
        self.event_title.setText(event.get("title", ""))
        self.ask.setText(f"{words['ask']} {self.url}" if self.url else "")
        self.qr.setVisible(self.qr_pixmap is not None)
        if mode == "holding" or slot is None:
            following = state.get("next_slot")
            self.slot_title.setText(words["next"] if following else "")
            self.main.setText(following["title"] if following else event.get("title", ""))
            self.detail.setText(following["start"] if following else event.get("venue", ""))
            return
        self.slot_title.setText(
            slot["title"] + (f" — {slot['subtitle']}" if slot.get("subtitle") else "")
        )
        if question is not None:
            self.main.setText(question["text"])
            self.detail.setText(
                f"{words['question']}"
                + (f" — {question['author']}" if question.get("author") else "")
            )
        elif speaker is not None:
            people = speaker["people"]
            self.main.setText(" & ".join(p["name"] for p in people))
            # A group from one organisation reads its title once.
            self.detail.setText("\n".join(dict.fromkeys(person_line(p) for p in people)))
        else:
            self.main.setText(slot["title"])
            self.detail.setText(slot.get("subtitle", ""))

    def texts(self) -> list[str]:
        """What the screen shows, for tests and for `tribune display --print-changes`."""
        return [
            w.text()
            for w in (self.event_title, self.slot_title, self.main, self.detail, self.ask)
            if w.isVisible() and w.text()
        ]


class StageView(DisplayView):
    """The confidence monitor at the foot of the stage: a very large countdown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tribune — stage monitor"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        self.message = _label(54, "#000000", bold=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = _label(400, NORMAL, bold=True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = _label(48, NORMAL, bold=True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = _label(36, "#cfd8e3")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.message, 14)
        outer.addWidget(self.countdown, 56)
        outer.addWidget(self.status, 12)
        outer.addWidget(self.who, 12)
        self.ticker = QTimer(self)
        self.ticker.setTimerType(Qt.TimerType.PreciseTimer)
        self.ticker.timeout.connect(self.render_state)
        self.ticker.start(200)

    def words(self) -> dict[str, str]:
        return {
            "warning": self.tr("TIME NEARLY UP"),
            "overtime": self.tr("OVERTIME"),
            "paused": self.tr("PAUSED"),
            "offline": self.tr("Connection lost"),
        }

    def render_state(self) -> None:
        state = self.state
        words = self.words()
        speaker = state.get("speaker")
        slot = state.get("slot")
        timer = (speaker or {}).get("timer") or (slot or {}).get("timer")
        left = self.remaining(timer)
        if left is None:
            urgency = "normal"
            self.countdown.setText("—")
        else:
            warning = timer.get("warning", 60)
            urgency = "overtime" if left < 0 else "warning" if left <= warning else "normal"
            shown = format_duration(left)
            self.countdown.setText(("+" + shown.lstrip("-")) if left < 0 else shown)
        colour = {"normal": NORMAL, "warning": WARNING, "overtime": OVERTIME}[urgency]
        # Colour and words: the state reads without colour too.
        status = {"normal": "", "warning": words["warning"], "overtime": words["overtime"]}[urgency]
        if timer and not timer["running"] and left is not None:
            status = (status + " · " if status else "") + words["paused"]
        if not self.connected:
            status = (status + " · " if status else "") + words["offline"]
        self.status.setText(status)
        for label in (self.countdown, self.status):
            style = f"color: {colour}; background: transparent;"
            if label.styleSheet() != style:
                label.setStyleSheet(style)
        self.who.setText(speaker["label"] if speaker else (slot["title"] if slot else ""))
        message = state.get("stage_message")
        self.message.setVisible(bool(message))
        if message:
            self.message.setText(message["text"])
            flashing = message.get("flash") and (int(time.monotonic() * 2) % 2 == 0)
            background = "#ffffff" if flashing else WARNING
            style = f"color: #000000; background: {background}; border-radius: 12px;"
            if self.message.styleSheet() != style:
                self.message.setStyleSheet(style)

    def texts(self) -> list[str]:
        return [
            w.text()
            for w in (self.message, self.countdown, self.status, self.who)
            if w.isVisible() and w.text()
        ]
