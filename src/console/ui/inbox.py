"""The question inbox: the audience's questions by status, and the moderator's actions on them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from console.core import questions as q
from console.core.command import Command
from console.core.events import Event
from console.core.state import QuestionStatus, SessionState

from .models import ID_ROLE
from .questions_model import QuestionFilter, QuestionsModel
from .widgets import row_table

# Tabs: which statuses each shows, and whether the most voted come first.
TABS: list[tuple[tuple[QuestionStatus, ...], bool]] = [
    ((QuestionStatus.PENDING,), False),
    ((QuestionStatus.APPROVED, QuestionStatus.ON_SCREEN), True),
    ((QuestionStatus.ANSWERED,), False),
    ((QuestionStatus.REJECTED, QuestionStatus.MERGED), False),
]


class Inbox(QWidget):
    def __init__(
        self, model: QuestionsModel, run: Callable[[Command], list[Event] | None], parent=None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.run = run
        self.proxy = QuestionFilter(self)
        self.proxy.setSourceModel(model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for _ in TABS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._show_tab)
        layout.addWidget(self.tabs)
        self.view = row_table(self.proxy, QuestionsModel.TEXT)
        # The moderators read every word before they decide: questions wrap, rows grow to fit.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        row1 = QHBoxLayout()
        row2 = QHBoxLayout()
        self.approve_button = self._button(self.tr("Approve"), "A", self.approve, row1)
        self.reject_button = self._button(self.tr("Reject…"), "R", self.reject, row1)
        self.show_button = self._button(self.tr("On screen"), "S", self.put_on_screen, row1)
        self.answered_button = self._button(self.tr("Answered"), "D", self.answered, row2)
        self.type_button = self._button(self.tr("Type a question…"), "Q", self.type_question, row2)
        layout.addLayout(row1)
        layout.addLayout(row2)
        model.session.subscribe(self._on_events)
        self.tabs.setCurrentIndex(0)
        self._show_tab(0)
        self.update_counts()

    def _button(
        self, text: str, key: str, slot: Callable[[], None], row: QHBoxLayout
    ) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(self.tr("Shortcut: {key}").format(key=key))
        button.clicked.connect(slot)
        row.addWidget(button)
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return button

    def tab_titles(self) -> list[str]:
        pending = self.model.count(QuestionStatus.PENDING)
        approved = self.model.count(QuestionStatus.APPROVED) + self.model.count(
            QuestionStatus.ON_SCREEN
        )
        return [
            self.tr("To moderate ({n})").format(n=pending),
            self.tr("Approved ({n})").format(n=approved),
            self.tr("Answered ({n})").format(n=self.model.count(QuestionStatus.ANSWERED)),
            self.tr("Set aside ({n})").format(
                n=self.model.count(QuestionStatus.REJECTED)
                + self.model.count(QuestionStatus.MERGED)
            ),
        ]

    def update_counts(self) -> None:
        for index, title in enumerate(self.tab_titles()):
            if self.tabs.tabText(index) != title:
                self.tabs.setTabText(index, title)

    def _show_tab(self, index: int) -> None:
        statuses, by_votes = TABS[index]
        self.proxy.show_statuses(statuses, by_votes)

    def _on_events(self, state: SessionState, events) -> None:
        self.update_counts()

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return rows[0].data(ID_ROLE)
        # Nothing chosen: act on the first question of the list, the one the eye is on.
        first = self.proxy.index(0, 0)
        return first.data(ID_ROLE) if first.isValid() else None

    def _act(self, make: Callable[[str], Command]) -> None:
        question_id = self.selected_id()
        if question_id is not None:
            self.run(make(question_id))

    def approve(self) -> None:
        self._act(q.ApproveQuestion)

    def put_on_screen(self) -> None:
        self._act(q.ShowQuestion)

    def answered(self) -> None:
        self._act(q.AnswerQuestion)

    def reject(self) -> None:
        question_id = self.selected_id()
        if question_id is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Reject"),
            self.tr("Reason (kept in the moderation record):"),
            QLineEdit.EchoMode.Normal,
            "",
        )
        if ok:
            self.run(q.RejectQuestion(question_id, reason))

    def type_question(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Type a question"),
            self.tr("A question from a paper card or from the floor:"),
        )
        if ok and text.strip():
            self.run(q.ReceiveQuestion(text, source="moderator"))
