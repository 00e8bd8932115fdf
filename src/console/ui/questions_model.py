"""The moderators' view of the audience's questions: a Qt model over the core's questions and a
proxy that filters by status and sorts by votes or time, reading roles only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)

from console.core.clock import local_clock
from console.core.events import Event
from console.core.session import Session
from console.core.state import QuestionStatus, SessionState

from .list_sync import SessionModel
from .models import ID_ROLE, STATUS_ROLE, plain_tooltip

Index = QModelIndex | QPersistentModelIndex
VOTES_ROLE = Qt.ItemDataRole.UserRole + 3
RECEIVED_ROLE = Qt.ItemDataRole.UserRole + 4


class QuestionsModel(SessionModel):
    TEXT, VOTES, STATUS, RECEIVED = COLUMNS = range(4)

    def __init__(self, session: Session, clock: Callable[[], float], parent=None) -> None:
        super().__init__(session, clock, parent)
        self._recount()
        self.sync_ids(list(session.state.questions))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Question"), self.tr("Votes"), self.tr("Status"), self.tr("Received"))[
            section
        ]

    def status_text(self, status: QuestionStatus) -> str:
        return {
            QuestionStatus.PENDING: self.tr("To moderate"),
            QuestionStatus.APPROVED: self.tr("✓ Approved"),
            QuestionStatus.REJECTED: self.tr("✗ Rejected"),
            QuestionStatus.ON_SCREEN: self.tr("▶ On screen"),
            QuestionStatus.ANSWERED: self.tr("✓✓ Answered"),
            QuestionStatus.MERGED: self.tr("⇢ Merged"),
        }[status]

    @property
    def WIDEST(self) -> dict[int, list[str]]:
        return {
            self.VOTES: ["9999"],
            self.STATUS: [self.status_text(s) for s in QuestionStatus],
            self.RECEIVED: ["00:00:00"],
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        question = self.state.questions[self.id_at(index.row())]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TEXT:
                author = f"\n— {question.author}" if question.author else ""
                return question.text + author
            if column == self.VOTES:
                return str(question.votes)
            if column == self.STATUS:
                return self.status_text(question.status)
            if column == self.RECEIVED:
                zone = self.state.programme.event.timezone if self.state.programme else None
                return local_clock(question.received_at, zone, seconds=True)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            text = question.text
            if question.original_text:
                text += "\n\n" + self.tr("Original: {text}").format(text=question.original_text)
            if question.reason:
                text += "\n\n" + self.tr("Reason: {reason}").format(reason=question.reason)
            return plain_tooltip(text)
        if role == ID_ROLE:
            return question.id
        if role == STATUS_ROLE:
            return question.status.value
        if role == VOTES_ROLE:
            return question.votes
        if role == RECEIVED_ROLE:
            return question.received_at
        return None

    def count(self, status: QuestionStatus) -> int:
        return self._counts.get(status, 0)

    def _recount(self) -> None:
        self._status = {q.id: q.status for q in self.state.questions.values()}
        self._counts = Counter(self._status.values())

    def _on_events(self, state: SessionState, events: Sequence[Event]) -> None:
        self.sync_ids(list(state.questions))
        if not events:
            self._recount()
            self.refresh_rows()
            return
        changed = {
            e.data.get(k)
            for e in events
            if e.type.startswith("question_")
            for k in ("question_id", "into_id")
        }
        for question_id in changed:
            question = state.questions.get(question_id)
            if question is None:
                continue
            # Counts kept as the statuses change: no scan of every question on each change.
            before = self._status.get(question_id)
            if before is not None:
                self._counts[before] -= 1
            self._status[question_id] = question.status
            self._counts[question.status] += 1
        rows = [self.row_of(q) for q in changed if q in state.questions]
        self.refresh_rows(sorted(rows))


class QuestionFilter(QSortFilterProxyModel):
    """Questions in some statuses, most voted first (or in the order they came).

    Filtering and sorting read roles in Qt's own code (a regular expression on the status, the
    votes as the sort role): a morning of thousands of questions stays instant.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[str] = frozenset({QuestionStatus.PENDING.value})
        self.by_votes = False
        self.setFilterRole(STATUS_ROLE)
        self.setDynamicSortFilter(True)
        self.show_statuses([QuestionStatus.PENDING], by_votes=False)

    def show_statuses(self, statuses: Sequence[QuestionStatus], by_votes: bool) -> None:
        self.statuses = frozenset(s.value for s in statuses)
        self.by_votes = by_votes
        pattern = "^(" + "|".join(sorted(self.statuses)) + ")$"
        self.setFilterRegularExpression(QRegularExpression(pattern))
        if by_votes:
            # Qt's sort is stable: equal votes keep the order the questions came in.
            self.setSortRole(VOTES_ROLE)
            self.sort(0, Qt.SortOrder.DescendingOrder)
        else:
            # The model already holds them in the order they came: no sorting to do.
            self.sort(-1)
