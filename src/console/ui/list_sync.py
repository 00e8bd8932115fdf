"""Keeping a Qt list model in step with a core collection by ids, with the fine-grained signals
views need (rows inserted, removed, moved) rather than a reset that loses selection and scroll."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex


class IdListModel(QAbstractTableModel):
    """A table whose rows are entities known by id, in the order the core gives."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, entity_id: str) -> int:
        return self._ids.index(entity_id)

    def sync_ids(self, new_ids: Sequence[str]) -> None:
        new_ids = list(new_ids)
        if new_ids == self._ids:
            return
        count = len(self._ids)
        if len(new_ids) > count and new_ids[:count] == self._ids:
            # The common case (questions arriving, a speaker added): rows appended, in one go.
            self.beginInsertRows(QModelIndex(), count, len(new_ids) - 1)
            self._ids = new_ids
            self.endInsertRows()
            return
        wanted = set(new_ids)
        for row in range(len(self._ids) - 1, -1, -1):
            if self._ids[row] not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        present = set(self._ids)
        for row, entity_id in enumerate(new_ids):
            if entity_id not in present:
                row = min(row, len(self._ids))
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.insert(row, entity_id)
                self.endInsertRows()
        for target, entity_id in enumerate(new_ids):
            if self._ids[target] == entity_id:
                continue
            source = self._ids.index(entity_id, target)
            if source != target:
                # Rows before `target` are already in place, so this always moves a row up, and
                # Qt's destination (the row it lands before) is `target` itself.
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._ids.insert(target, self._ids.pop(source))
                self.endMoveRows()

    def refresh_rows(
        self, rows: Sequence[int] | None = None, columns: Sequence[int] | None = None
    ) -> None:
        if not self._ids:
            return
        rows = range(len(self._ids)) if rows is None else rows
        last_column = self.columnCount() - 1
        first = min(columns) if columns else 0
        last = max(columns) if columns else last_column
        for row in rows:
            self.dataChanged.emit(self.index(row, first), self.index(row, last))


class SessionModel(IdListModel):
    """An IdListModel over the session's state, told of every change: subclasses name their
    COLUMNS and say in `_on_events` which rows the events touched."""

    COLUMNS: range = range(0)

    def __init__(self, session, clock, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock
        session.subscribe(self._on_events)

    @property
    def state(self):
        return self.session.state

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _on_events(self, state, events) -> None:
        raise NotImplementedError
