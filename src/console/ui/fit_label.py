"""A label whose text always fits: long French titles and names shrink rather than overflow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy


class FitLabel(QLabel):
    """Plain text, wrapped, in the largest font size (up to `max_points`) that fits the label."""

    def __init__(
        self, max_points: int = 96, min_points: int = 10, bold: bool = False, parent=None
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and questions come from outside
        self.setWordWrap(True)
        self.max_points = max_points
        self.min_points = min_points
        self.bold = bold
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)

    def setText(self, text: str) -> None:
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def fits(self, points: int) -> bool:
        """Whether the text, laid out as a label lays it out, fits at this size."""
        probe = self._probe()
        font = QFont(self.font())
        font.setPointSize(points)
        font.setBold(self.bold)
        probe.setFont(font)
        probe.setText(self.text())
        rect = self.contentsRect()
        # A single word longer than the line must fit too: wrapping cannot break it.
        longest = max(
            (QFontMetrics(font).horizontalAdvance(w) for w in self.text().split()), default=0
        )
        return probe.heightForWidth(rect.width()) <= rect.height() and longest <= rect.width()

    def _probe(self) -> QLabel:
        if not hasattr(self, "_probe_label"):
            self._probe_label = QLabel()
            self._probe_label.setTextFormat(Qt.TextFormat.PlainText)
            self._probe_label.setWordWrap(True)
        return self._probe_label

    def _fit(self) -> None:
        if not self.text() or self.contentsRect().width() <= 1:
            return
        low, high = self.min_points, self.max_points
        while low < high:
            middle = (low + high + 1) // 2
            if self.fits(middle):
                low = middle
            else:
                high = middle - 1
        font = QFont(self.font())
        font.setPointSize(low)
        font.setBold(self.bold)
        if font != self.font():
            self.setFont(font)

    def point_size(self) -> int:
        return self.font().pointSize()
