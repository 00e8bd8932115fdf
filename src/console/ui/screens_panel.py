"""The console's "Screens" tab: what the projection shows, a message to the speaker, the
laptop's own screens, and the displays connected over the network."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core import displays
from console.core.command import Command
from console.core.events import Event

from .screens import LocalScreens, screen_key
from .widgets import plain_label

STALE_SECONDS = 30


class ScreensPanel(QWidget):
    def __init__(
        self, screens: LocalScreens, run: Callable[[Command], list[Event] | None], parent=None
    ) -> None:
        super().__init__(parent)
        self.screens = screens
        self.run = run
        self.remote: Callable[[], list[Any]] = list
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)

        layout.addWidget(plain_label(self.tr("BIG SCREEN"), "heading"))
        modes = QHBoxLayout()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[str, QPushButton] = {}
        for mode, text in (
            ("live", self.tr("Live")),
            ("holding", self.tr("Holding card")),
            ("blackout", self.tr("Blackout")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=mode: self.run(displays.SetProjection(m)))
            button.setProperty("label", text)
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        layout.addLayout(modes)

        layout.addWidget(plain_label(self.tr("MESSAGE TO THE SPEAKER"), "heading"))
        row = QHBoxLayout()
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("Please conclude"))
        self.message.setMaxLength(displays.MESSAGE_MAX)
        self.message.returnPressed.connect(self.send_message)
        self.flash = QCheckBox(self.tr("Flash"))
        row.addWidget(self.message, 1)
        row.addWidget(self.flash)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(self.send_message)
        self.conclude_button = QPushButton(self.tr("“Please conclude”"))
        self.conclude_button.clicked.connect(
            lambda: self.run(displays.SendStageMessage(self.tr("Please conclude"), True))
        )
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.run(displays.ClearStageMessage()))
        for button in (self.send_button, self.conclude_button, self.clear_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        layout.addWidget(plain_label(self.tr("THIS COMPUTER'S SCREENS"), "heading"))
        grid = QGridLayout()
        self.screen_choice = QComboBox()
        self.refresh_screens()
        self.open_projection = QPushButton(self.tr("Open the projection"))
        self.open_projection.clicked.connect(lambda: self.open_view("projection"))
        self.open_stage = QPushButton(self.tr("Open the stage monitor"))
        self.open_stage.clicked.connect(lambda: self.open_view("stage"))
        grid.addWidget(self.screen_choice, 0, 0, 1, 2)
        grid.addWidget(self.open_projection, 1, 0)
        grid.addWidget(self.open_stage, 1, 1)
        layout.addLayout(grid)

        layout.addWidget(plain_label(self.tr("DISPLAYS ON THE NETWORK"), "heading"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Shows"), self.tr("Address"), self.tr("Last seen")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.stale_label = plain_label()
        self.stale_label.setWordWrap(True)
        layout.addWidget(self.stale_label)

    def refresh_screens(self) -> None:
        self.screen_choice.clear()
        for index, screen in enumerate(QGuiApplication.screens()):
            self.screen_choice.addItem(
                self.tr("Screen {n}: {name}").format(n=index + 1, name=screen_key(screen)), index
            )

    def open_view(self, view: str) -> None:
        screens = QGuiApplication.screens()
        index = self.screen_choice.currentData()
        screen = screens[index] if index is not None and index < len(screens) else None
        # On the console's own screen a full-screen view would hide the console: open a window.
        self.screens.open(view, screen, full_screen=screen is not None and screen != self.screen())

    def send_message(self) -> None:
        text = self.message.text() or self.message.placeholderText()
        if self.run(displays.SendStageMessage(text, self.flash.isChecked())) is not None:
            self.message.clear()

    def show_mode(self, mode: str) -> None:
        """The mode on the big screen, marked by a tick as well as by colour."""
        for name, button in self.mode_buttons.items():
            chosen = name == mode
            button.setChecked(chosen)
            label = ("✓ " if chosen else "") + button.property("label")
            if button.text() != label:
                button.setText(label)

    def view_name(self, view: str) -> str:
        return {
            "projection": self.tr("Projection"),
            "stage": self.tr("Stage monitor"),
            "lower-third": self.tr("Lower third"),
        }.get(view, self.tr("Display"))

    def refresh_remote(self, now: float | None = None) -> None:
        """The displays connected over the network; one silent for too long is flagged."""
        now = time.time() if now is None else now
        clients = self.remote()
        self.table.setRowCount(len(clients))
        stale = []
        for row, client in enumerate(clients):
            silent = now - client.last_seen
            cells = [
                self.view_name(client.view) + (f" — {client.name}" if client.name else ""),
                client.address,
                self.tr("{seconds} s ago").format(seconds=int(silent)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # items are plain text
                if silent > STALE_SECONDS:
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, column, item)
            if silent > STALE_SECONDS:
                stale.append(f"{cells[0]} ({client.address})")
        self.stale_label.setText(
            self.tr("⚠ No news from: {displays}").format(displays=", ".join(stale)) if stale else ""
        )
