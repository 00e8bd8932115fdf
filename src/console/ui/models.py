"""Qt models over the core's collections: the rundown and the speaker queue.

They only read the session's state and translate its events into model signals.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from console.core.clock import format_duration, local_clock
from console.core.events import Event
from console.core.session import Session
from console.core.speakers import turn_label
from console.core.state import SessionState, SlotStatus, TurnStatus

from . import theme
from .list_sync import SessionModel

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


def plain_tooltip(text: str) -> str:
    """Tooltips guess rich text from their content: escape it so names show as typed."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


local_time = local_clock


class RundownModel(SessionModel):
    """The programme's slots with planned and actual times and their status."""

    PLANNED, TITLE, MINUTES, STATUS = COLUMNS = range(4)

    @property
    def WIDEST(self) -> dict[int, list[str]]:
        """The widest texts a column can show, so that it is sized for them from the start."""
        return {
            self.MINUTES: ["0:00:00"],
            self.STATUS: [self.status_text(s, False) for s in SlotStatus]
            + ["✓ 00:00–00:00", "▶ 00:00–"],
        }

    def __init__(self, session: Session, clock: Callable[[], float], parent=None) -> None:
        super().__init__(session, clock, parent)
        self.sync_ids(list(session.state.slots))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Planned"),
            self.tr("Slot"),
            self.tr("Length"),
            self.tr("Status"),
        )[section]

    def status_text(self, status: SlotStatus, current: bool) -> str:
        texts = {
            SlotStatus.PLANNED: self.tr("To come"),
            SlotStatus.RUNNING: self.tr("▶ On now"),
            SlotStatus.PAUSED: self.tr("❚❚ Paused"),
            SlotStatus.ENDED: self.tr("✓ Ended"),
        }
        return texts[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run = self.state.slots[self.id_at(index.row())]
        current = run.slot.id == self.state.current_slot_id and run.status is not SlotStatus.ENDED
        zone = self.state.programme.event.timezone if self.state.programme else "UTC"
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.PLANNED:
                return run.slot.start.strftime("%H:%M")
            if column == self.TITLE:
                return run.slot.title
            if column == self.MINUTES:
                return format_duration(run.timer.allotted)
            if column == self.STATUS:
                # The actual times, once there are some, say more than the word.
                if run.status is SlotStatus.ENDED:
                    return f"✓ {local_time(run.started_at, zone)}–{local_time(run.ended_at, zone)}"
                if run.status is SlotStatus.RUNNING:
                    return f"▶ {local_time(run.started_at, zone)}–"
                return self.status_text(run.status, current)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return plain_tooltip("\n".join(t for t in (run.slot.title, run.slot.subtitle) if t))
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return QBrush(QColor("#233448"))
        if role == Qt.ItemDataRole.ForegroundRole and run.status is SlotStatus.ENDED:
            return QBrush(QColor(theme.MUTED))
        if role == ID_ROLE:
            return run.slot.id
        if role == STATUS_ROLE:
            return run.status.value
        return None

    def _on_events(self, state: SessionState, events: Sequence[Event]) -> None:
        self.sync_ids(list(state.slots))
        if not events or any(e.type.startswith(("slot_", "programme_")) for e in events):
            self.refresh_rows()


class QueueModel(SessionModel):
    """The speakers of one slot: who spoke, who has the floor, who waits."""

    NAMES, ALLOTTED, SPOKEN, STATUS = COLUMNS = range(4)

    @property
    def WIDEST(self) -> dict[int, list[str]]:
        return {
            self.ALLOTTED: ["00:00"],
            self.SPOKEN: ["-00:00"],
            self.STATUS: [self.status_text(s) for s in TurnStatus],
        }

    def __init__(self, session: Session, clock: Callable[[], float], parent=None) -> None:
        super().__init__(session, clock, parent)
        self.slot_id: str | None = None

    def show_slot(self, slot_id: str | None) -> None:
        if slot_id == self.slot_id:
            return
        self.beginResetModel()
        self.slot_id = slot_id
        self._ids = list(self.state.queues.get(slot_id, ())) if slot_id else []
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)  # the place in the order of the floor
        return (
            self.tr("Speaker"),
            self.tr("Given"),
            self.tr("Spoken"),
            self.tr("Status"),
        )[section]

    def status_text(self, status: TurnStatus) -> str:
        return {
            TurnStatus.QUEUED: self.tr("Waiting"),
            TurnStatus.SPEAKING: self.tr("▶ Speaking"),
            TurnStatus.DONE: self.tr("✓ Done"),
            TurnStatus.SKIPPED: self.tr("Skipped"),
        }[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        turn = self.state.turns[self.id_at(index.row())]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAMES:
                label = turn_label(self.state, turn)
                return label + (" " + self.tr("(from the floor)") if turn.ad_hoc else "")
            if column == self.ALLOTTED:
                return format_duration(turn.timer.allotted)
            if column == self.SPOKEN:
                spoken = turn.timer.elapsed(self.clock())
                return format_duration(spoken) if spoken else ""
            if column == self.STATUS:
                return self.status_text(turn.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAMES:
            people = [self.state.people[p] for p in turn.person_ids if p in self.state.people]
            return plain_tooltip(
                "\n".join(f"{p.name} — {p.title}" if p.title else p.name for p in people)
            )
        if role == Qt.ItemDataRole.FontRole and turn.status is TurnStatus.SPEAKING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and turn.status in (
            TurnStatus.DONE,
            TurnStatus.SKIPPED,
        ):
            return QBrush(QColor(theme.MUTED))
        if role == ID_ROLE:
            return turn.id
        if role == STATUS_ROLE:
            return turn.status.value
        return None

    # --- drag and drop: a waiting speaker dragged to another place in the queue ---------------

    MIME = "application/x-tribune-turn"
    on_move = None  # set by the window: (turn_id, position among those waiting) -> None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled
        if self.state.turns[self.id_at(index.row())].status is TurnStatus.QUEUED:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(self.MIME, QByteArray(self.id_at(indexes[0].row()).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: Index) -> bool:
        """Ask the session to move the turn; the rows move when the move is in the journal.

        Returns False so that the view removes nothing itself.
        """
        if not data.hasFormat(self.MIME) or self.on_move is None:
            return False
        turn_id = bytes(data.data(self.MIME)).decode()
        if turn_id not in self._ids:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        waiting = [t for t in self._ids if self.state.turns[t].status is TurnStatus.QUEUED]
        # The place among those waiting: how many waiting turns stand above the drop point.
        above = [t for t in self._ids[:row] if t in waiting and t != turn_id]
        self.on_move(turn_id, min(len(above), len(waiting) - 1))
        return False

    def refresh_spoken(self) -> None:
        """Called on each clock tick: only the speaking row's time changes."""
        speaking = self.state.speaking_turn(self.slot_id)
        if speaking is not None and speaking.id in self._ids:
            self.refresh_rows([self.row_of(speaking.id)], [self.SPOKEN])

    def _on_events(self, state: SessionState, events: Sequence[Event]) -> None:
        if self.slot_id is None:
            return
        self.sync_ids(list(state.queues.get(self.slot_id, ())))
        if not events or any(e.type.startswith(("turn_", "person_")) for e in events):
            self.refresh_rows()
