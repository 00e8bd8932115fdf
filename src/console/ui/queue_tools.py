"""The tools under the speaker list: add someone (from the programme or from the floor), move
them up or down, send the speaker back to the queue, skip, remove, share the time left."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core import speakers
from console.core.command import Command
from console.core.events import Event
from console.core.programme import Role
from console.core.state import TurnStatus

from .models import ID_ROLE, QueueModel


class QueueTools(QWidget):
    def __init__(
        self,
        model: QueueModel,
        view: QTableView,
        run: Callable[[Command], list[Event] | None],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = view
        self.run = run
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        first, second = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_menu = QMenu(self)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(self.add_menu)
        first.addWidget(self.add_button)
        move_up, move_down = self.tr("Move up (Alt+Up)"), self.tr("Move down (Alt+Down)")
        self.up_button = self._button(first, "↑", move_up, "Alt+Up", lambda: self.move(-1))
        self.down_button = self._button(first, "↓", move_down, "Alt+Down", lambda: self.move(1))
        skip, remove = (
            self.tr("Skip the selected speaker"),
            self.tr("Take the selected speaker off the list"),
        )
        self.skip_button = self._button(first, self.tr("Skip"), skip, "", self.skip)
        self.remove_button = self._button(first, self.tr("Remove"), remove, "", self.remove)
        back = self.tr("The speaker waits first in line; their time is kept")
        self.return_button = self._button(
            second, self.tr("Back to queue"), back, "", self.return_to_queue
        )
        share = self.tr("Share what is left of the slot among those still to speak")
        self.share_button = self._button(
            second,
            self.tr("Share time left"),
            share,
            "",
            lambda: self.run(speakers.ShareRemaining(self.model.slot_id)),
        )

    def _button(
        self, row: QHBoxLayout, text: str, tip: str, keys: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        if keys:
            action = QAction(tip, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        return button

    def selected_turn(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def _fill_add_menu(self) -> None:
        """The slot's moderators, speakers and guests at hand, then everyone, then the floor."""
        self.add_menu.clear()
        state = self.model.state
        slot_id = self.model.slot_id
        if slot_id is None:
            return
        slot = state.slots[slot_id].slot
        seen: set[str] = set()
        for role, heading in (
            (Role.MODERATOR, self.tr("Moderators")),
            (Role.SPEAKER, self.tr("Speakers")),
            (Role.GUEST, self.tr("In the presence of")),
        ):
            people = [p for p in slot.people_in(role) if p in state.people and p not in seen]
            if not people:
                continue
            self.add_menu.addSection(heading)
            for person_id in people:
                seen.add(person_id)
                self._add_person_action(self.add_menu, person_id)
        others = self.add_menu.addMenu(self.tr("Someone else from the programme"))
        for person_id, _person in sorted(state.people.items(), key=lambda item: item[1].name):
            if person_id not in seen and not person_id.startswith("adhoc-"):
                self._add_person_action(others, person_id)
        self.add_menu.addSeparator()
        floor = self.add_menu.addAction(self.tr("Someone from the floor…"))
        floor.triggered.connect(self.add_from_floor)

    def _add_person_action(self, menu: QMenu, person_id: str) -> None:
        person = self.model.state.people[person_id]
        # The menu shows names as typed: escape the accelerator sign.
        action = menu.addAction(person.name.replace("&", "&&"))
        action.triggered.connect(
            lambda _=False, p=person_id: self.run(speakers.AddTurn(self.model.slot_id, (p,)))
        )

    def add_from_floor(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Someone from the floor"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Someone from the floor"), self.tr("Title or organisation (optional):")
        )
        minutes, ok_minutes = QInputDialog.getDouble(
            self,
            self.tr("Someone from the floor"),
            self.tr("Speaking time (minutes):"),
            2.0,
            0.5,
            60.0,
            1,
        )
        self.run(
            speakers.AddAdHocSpeaker(
                self.model.slot_id,
                name,
                title if ok else "",
                minutes=minutes if ok_minutes else None,
            )
        )

    def move(self, step: int) -> None:
        turn_id = self.selected_turn()
        if turn_id is None:
            return
        state = self.model.state
        waiting = [
            t
            for t in state.queues[self.model.slot_id]
            if state.turns[t].status is TurnStatus.QUEUED
        ]
        if turn_id not in waiting:
            return
        position = waiting.index(turn_id) + step
        if (
            0 <= position < len(waiting)
            and self.run(speakers.MoveTurn(turn_id, position)) is not None
        ):
            self.view.selectRow(self.model.row_of(turn_id))

    def return_to_queue(self) -> None:
        self.run(speakers.ReturnToQueue())

    def skip(self) -> None:
        turn_id = self.selected_turn()
        if turn_id is not None:
            self.run(speakers.SkipTurn(turn_id))

    def remove(self) -> None:
        turn_id = self.selected_turn()
        if turn_id is not None:
            self.run(speakers.RemoveTurn(turn_id))
