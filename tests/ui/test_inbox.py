"""The question inbox in the console window."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from console.core import questions, speakers
from console.core.state import QuestionStatus
from console.ui.questions_model import QuestionFilter, QuestionsModel


def receive(session, text, device="phone-1", client="1"):
    return session.execute(questions.ReceiveQuestion(text, device_id=device, client_id=client))[
        0
    ].data["question_id"]


def answer_dialog(text: str) -> None:
    """Fill in the next input dialog as a moderator would, then press OK."""

    def fill():
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QInputDialog) and w.isVisible()
        )
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(50, fill)


def test_models_pass_qt_model_tester(qtmodeltester, opened):
    session = opened.session
    model = QuestionsModel(session, opened.timebase.now)
    proxy = QuestionFilter()
    proxy.setSourceModel(model)
    for i in range(5):
        receive(session, f"Question {i} sur l'IA ?", client=str(i))
    session.execute(questions.ApproveQuestion("q2"))
    session.execute(questions.MergeQuestion("q3", "q2"))
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.show_statuses([QuestionStatus.APPROVED], by_votes=True)
    assert [
        proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())
    ] == ["q2"]


def test_approve_reject_show_and_answer_from_the_inbox(window, qtbot, opened):
    session = opened.session
    window.right_tabs.setCurrentIndex(1)
    inbox = window.inbox
    first = receive(session, "Quelle place pour les citoyens ?", client="1")
    second = receive(session, "Et l'emploi des jeunes ?", client="2")
    third = receive(session, "Hors sujet total", client="3")
    assert inbox.proxy.rowCount() == 3
    assert "3" in window.right_tabs.tabText(1)  # the count of questions waiting, always in sight
    # Nothing selected: the first question of the list is the one acted on.
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    assert session.state.questions[first].status is QuestionStatus.APPROVED
    # By keyboard: A approves the selected one.
    inbox.view.selectRow(0)
    inbox.view.setFocus()
    qtbot.keyClick(inbox.view, Qt.Key.Key_A)
    assert session.state.questions[second].status is QuestionStatus.APPROVED
    answer_dialog("hors sujet")
    qtbot.mouseClick(inbox.reject_button, Qt.MouseButton.LeftButton)
    assert session.state.questions[third].status is QuestionStatus.REJECTED
    assert session.state.questions[third].reason == "hors sujet"
    assert inbox.tabs.tabText(0).endswith("(0)")
    inbox.tabs.setCurrentIndex(1)
    session.execute(questions.VoteQuestion(second, "phone-9"))
    assert inbox.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == second  # most voted first
    inbox.view.clearSelection()
    qtbot.mouseClick(inbox.show_button, Qt.MouseButton.LeftButton)
    assert session.state.on_screen_id == second
    qtbot.mouseClick(inbox.answered_button, Qt.MouseButton.LeftButton)
    assert session.state.questions[second].status is QuestionStatus.ANSWERED
    rows = opened.database.conn.execute(
        "SELECT id, status, reason FROM questions ORDER BY id"
    ).fetchall()
    assert rows == [
        (first, "approved", ""),
        (second, "answered", ""),
        (third, "rejected", "hors sujet"),
    ]


def test_a_question_from_a_paper_card(window, qtbot, opened):
    window.right_tabs.setCurrentIndex(1)
    answer_dialog("Question écrite sur un carton : et les territoires ?")
    qtbot.mouseClick(window.inbox.type_button, Qt.MouseButton.LeftButton)
    (question,) = opened.session.state.questions.values()
    assert question.source == "moderator"
    assert question.text == "Question écrite sur un carton : et les territoires ?"


def test_a_new_question_does_not_steal_focus(window, qtbot, opened):
    window.queue_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.queue_view)
    receive(opened.session, "Une question de la salle ?")
    assert QApplication.focusWidget() is window.queue_view
    assert window.right_tabs.currentIndex() == 0
    assert "1" in window.right_tabs.tabText(1)


def test_question_text_is_plain(window, opened):
    qid = receive(opened.session, "<img src=x><b>hi</b>")
    model = window.questions_model
    index = model.index(model.row_of(qid), QuestionsModel.TEXT)
    assert index.data() == "<img src=x><b>hi</b>"
    assert "&lt;img" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_screenshot_of_the_questions_tab(french, qtbot, clock, opened):
    from pathlib import Path

    from console.ui.main_window import MainWindow

    session = opened.session
    session.execute(speakers.CallNext("cycle-1"))
    asked = [
        (
            "Comment garantir que les citoyens tirés au sort soient entendus par les décideurs ?",
            "Claire",
        ),
        ("Quelle place pour les syndicats dans le déploiement de l'IA au travail ?", ""),
        ("<img src=x><b>hi</b>", ""),
        ("Les algorithmes publics seront-ils tous publiés ?", "Karim"),
    ]
    for i, (text, author) in enumerate(asked):
        clock.advance(40)
        session.execute(
            questions.ReceiveQuestion(text, author=author, device_id=f"phone-{i}", client_id="1")
        )
    window = MainWindow(
        session,
        opened.timebase.now,
        "~/.local/share/tribune/events/2025-02-07-ia-la-voie-citoyenne.db",
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.right_tabs.setCurrentIndex(1)
    window.tick()
    qtbot.wait(50)
    assert window.right_tabs.tabText(1) == "Questions (4 à modérer)"
    assert window.inbox.tabs.tabText(0) == "À modérer (4)"
    shots = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    assert window.grab().save(str(shots / "console-questions-1366x768.png"))
