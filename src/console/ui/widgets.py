"""Small pieces every window uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableView


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never interprets its text as HTML: names and titles come from outside."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        label.setObjectName(name)
    return label


def fit_columns(view: QTableView, stretch: int) -> None:
    """Short columns as wide as their widest text can be, the `stretch` column takes the rest.

    Fixed widths rather than ResizeToContents: contents change every second, and a column that
    follows them pushes the last one out of sight in a narrow panel.
    """
    model = view.model()
    bold = QFont(view.font())
    bold.setBold(True)  # the current row is drawn in bold
    metrics = QFontMetrics(bold)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    samples = {
        column: [str(model.headerData(column, Qt.Orientation.Horizontal))]
        # A sample is enough to size a column: the first rows and the widest texts it can show.
        + [str(model.index(row, column).data() or "") for row in range(min(model.rowCount(), 50))]
        for column in range(model.columnCount())
    }
    for column, texts in samples.items():
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        texts += list(getattr(model, "WIDEST", {}).get(column, ()))
        width = max(metrics.horizontalAdvance(text) for text in texts) + 24
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)


def panel() -> QFrame:
    frame = QFrame()
    frame.setObjectName("panel")
    return frame


def row_table(model, stretch: int, *, numbered: bool = False) -> QTableView:
    """A list of rows chosen one at a time, its columns fitted (`stretch` takes the room left)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not numbered:
        view.verticalHeader().hide()
    fit_columns(view, stretch)
    return view
