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
        # Rows of three lines, the same for all: measuring thousands of rows would freeze the
        # console; the whole question is in its tooltip and in the edit dialog.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(
            self.view.fontMetrics().lineSpacing() * 3 + 8
        )
        layout.addWidget(self.view, 1)
        row1, row2, row3 = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        self.approve_button = self._button(self.tr("Approve"), "A", self.approve, row1)
        self.reject_button = self._button(self.tr("Reject…"), "R", self.reject, row1)
        self.show_button = self._button(self.tr("On screen"), "S", self.put_on_screen, row1)
        self.answered_button = self._button(self.tr("Answered"), "D", self.answered, row1)
        self.edit_button = self._button(self.tr("Edit…"), "E", self.edit, row2)
        self.merge_button = self._button(self.tr("Merge…"), "M", self.merge, row2)
        self.route_button = self._button(self.tr("Address to…"), "T", self.route, row2)
        self.undo_button = self._button(self.tr("Undo"), "Ctrl+Z", self.undo, row2)
        # The moderation actions of this session, newest last, with how to put things back.
        self.undo_stack: list[tuple[str, str, str, str]] = []
        self.type_button = self._button(self.tr("Type a question…"), "Q", self.type_question, row3)
        for row in (row1, row2, row3):
            layout.addLayout(row)
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
        # Only while the inbox is in sight: a letter must not act on a list nobody is looking at.
        action.triggered.connect(lambda: slot() if self.isVisible() else None)
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
            self._moderate(question_id, make(question_id))

    def _moderate(self, question_id: str, command: Command) -> None:
        """Run a moderation action, remembering how the question was so that Undo can restore it."""
        question = self.model.state.questions[question_id]
        before = (question.id, question.status.value, question.reason, question.text)
        if self.run(command):
            if before[1] in ("on_screen",):
                before = (before[0], "approved", before[2], before[3])
            self.undo_stack.append(before)

    def undo(self) -> None:
        if not self.undo_stack:
            self.window().statusBar().showMessage(self.tr("Nothing to undo."), 4000)
            return
        question_id, status, reason, text = self.undo_stack.pop()
        self.run(q.RestoreQuestion(question_id, status, reason, text))

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
            self._moderate(question_id, q.RejectQuestion(question_id, reason))

    def edit(self) -> None:
        question_id = self.selected_id()
        if question_id is None:
            return
        question = self.model.state.questions[question_id]
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Edit the question"),
            self.tr("The original words are kept in the record:"),
            question.text,
        )
        if ok and text.strip():
            self._moderate(question_id, q.EditQuestion(question_id, text))

    def merge(self) -> None:
        """Fold the selected question into another: its supporters count for the one kept."""
        question_id = self.selected_id()
        if question_id is None:
            return
        state = self.model.state
        targets = [
            other
            for other in state.questions.values()
            if other.id != question_id
            and other.status is not QuestionStatus.MERGED
            and other.status is not QuestionStatus.REJECTED
        ]
        if not targets:
            return
        labels = [f"{t.text[:90]} ({t.votes})" for t in targets]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Merge"), self.tr("Keep this question instead:"), labels, 0, False
        )
        if ok:
            into = targets[labels.index(choice)].id
            # A merge moves votes: it is not undone by Undo, so it is not put on the stack.
            self.run(q.MergeQuestion(question_id, into))

    def route(self) -> None:
        question_id = self.selected_id()
        if question_id is None:
            return
        state = self.model.state
        people = sorted(state.people.values(), key=lambda p: p.name)
        slots = list(state.slots.values())
        labels = [p.name for p in people] + [
            self.tr("Later slot: {title}").format(title=s.slot.title) for s in slots
        ]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Address to"), self.tr("Address the question to:"), labels, 0, False
        )
        if not ok:
            return
        index = labels.index(choice)
        if index < len(people):
            self._moderate(question_id, q.RouteQuestion(question_id, person_id=people[index].id))
        else:
            self._moderate(
                question_id,
                q.RouteQuestion(question_id, slot_id=slots[index - len(people)].slot.id),
            )

    def type_question(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Type a question"),
            self.tr("A question from a paper card or from the floor:"),
        )
        if ok and text.strip():
            self.run(q.ReceiveQuestion(text, source="moderator"))
