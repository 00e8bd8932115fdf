"""A moderator runs the demo morning from the console window, by keyboard and mouse."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QPushButton

from console.core import questions
from console.core.state import QuestionStatus, SlotStatus, TurnStatus
from console.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT / "scripts"))
from translations_fr import FR  # noqa: E402


def answer_dialogs(*answers) -> None:
    """Fill in the next input dialogs, one after the other, as a moderator would."""
    pending = list(answers)

    def fill():
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QInputDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(30, fill)
            return
        dialog = dialogs[0]
        answer = pending.pop(0)
        if dialog.inputMode() == QInputDialog.InputMode.DoubleInput:
            dialog.setDoubleValue(float(answer))
        elif dialog.comboBoxItems():
            dialog.setTextValue(
                next(item for item in dialog.comboBoxItems() if item.startswith(answer))
            )
        else:
            dialog.setTextValue(answer)
        dialog.accept()
        if pending:
            QTimer.singleShot(30, fill)

    QTimer.singleShot(30, fill)


def key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    # After a dialog closes the console is the active window again, as on a real desktop.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, key, modifier)


@pytest.fixture
def console(qtbot, french, opened):
    window = MainWindow(opened.session, opened.timebase.now, str(opened.database.path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_a_scripted_morning_in_the_window(console, qtbot, clock, opened):
    session = opened.session
    window = console
    # The opening: four speakers, called with the N key.
    for expected in ("Thierry Beaudet", "Jean Cattan", "Clara Chappaz", "Martine D"):
        window.setFocus()
        key(qtbot, window, Qt.Key.Key_N)
        assert window.speaker_name.text() == expected
        clock.advance(7 * 60)
    # A note in two keystrokes and a sentence.
    key(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.note_field
    qtbot.keyClicks(window.note_field, "La ministre annonce une consultation.")
    qtbot.keyClick(window.note_field, Qt.Key.Key_Return)
    assert session.state.notes[-1].text == "La ministre annonce une consultation."
    # The first panel: the next slot by keyboard.
    window.setFocus()
    key(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert session.state.current_slot_id == "cycle-1"
    assert session.state.slots["ouverture"].status is SlotStatus.ENDED
    # Someone from the floor joins the list, then moves up to speak next.
    answer_dialogs("Jeanne Martin", "Citoyenne", 3)
    window.queue_tools.add_from_floor()
    adhoc = session.state.queues["cycle-1"][-1]
    assert session.state.turns[adhoc].ad_hoc
    window.queue_view.selectRow(window.queue_model.row_of(adhoc))
    for _ in range(len(session.state.queues["cycle-1"]) - 1):
        window.queue_tools.move(-1)
    waiting = [
        t
        for t in session.state.queues["cycle-1"]
        if session.state.turns[t].status is TurnStatus.QUEUED
    ]
    assert waiting[0] == adhoc
    # The group turn, given the floor out of order by moving it first as well.
    duo = next(
        t for t in session.state.queues["cycle-1"] if len(session.state.turns[t].person_ids) == 2
    )
    window.setFocus()
    key(qtbot, window, Qt.Key.Key_N)  # Jeanne Martin
    clock.advance(180)
    window.queue_view.selectRow(window.queue_model.row_of(duo))
    while (
        next(
            t
            for t in session.state.queues["cycle-1"]
            if session.state.turns[t].status is TurnStatus.QUEUED
        )
        != duo
    ):
        window.queue_tools.move(-1)
    key(qtbot, window, Qt.Key.Key_N)
    assert window.speaker_name.text() == "Soizic Pénicaud & Estelle Hary"
    # Questions arrive, get approved, merged, put on screen and answered.
    ids = [
        session.execute(questions.ReceiveQuestion(text, device_id=f"phone-{i}", client_id="1"))[
            0
        ].data["question_id"]
        for i, text in enumerate(
            [
                "Les algorithmes publics seront-ils publiés ?",
                "Publiera-t-on les algorithmes publics ?",
                "<b>spam</b>",
            ]
        )
    ]
    window.right_tabs.setCurrentIndex(1)
    inbox = window.inbox
    inbox.view.selectRow(0)
    inbox.view.setFocus()
    key(qtbot, inbox.view, Qt.Key.Key_A)
    inbox.view.selectRow(0)
    key(qtbot, inbox.view, Qt.Key.Key_A)
    inbox.view.selectRow(0)
    answer_dialogs("publicité")
    key(qtbot, inbox.view, Qt.Key.Key_R)
    assert session.state.questions[ids[2]].status is QuestionStatus.REJECTED
    session.execute(questions.VoteQuestion(ids[1], "phone-9"))
    inbox.tabs.setCurrentIndex(1)
    row = next(
        r
        for r in range(inbox.proxy.rowCount())
        if inbox.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == ids[1]
    )
    inbox.view.selectRow(row)
    answer_dialogs("Les algorithmes publics")
    inbox.merge()
    assert session.state.questions[ids[1]].merged_into == ids[0]
    assert session.state.questions[ids[0]].votes == 1
    inbox.view.clearSelection()
    key(qtbot, inbox.view, Qt.Key.Key_S)
    assert session.state.on_screen_id == ids[0]
    key(qtbot, inbox.view, Qt.Key.Key_D)
    assert session.state.questions[ids[0]].status is QuestionStatus.ANSWERED
    # Undo puts the last action back.
    key(qtbot, inbox.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.state.questions[ids[0]].status is QuestionStatus.APPROVED
    key(qtbot, inbox.view, Qt.Key.Key_D)
    # The journal's readable tables say what happened.
    conn = opened.database.conn
    turns = conn.execute(
        "SELECT speakers, status, ad_hoc FROM turns WHERE slot_id = 'ouverture' ORDER BY position"
    ).fetchall()
    assert turns == [
        ("Thierry Beaudet", "done", 0),
        ("Jean Cattan", "done", 0),
        ("Clara Chappaz", "done", 0),
        ("Martine D", "done", 0),
    ]
    panel = conn.execute(
        "SELECT speakers, status, ad_hoc FROM turns WHERE slot_id = 'cycle-1' AND status != 'queued' ORDER BY position"
    ).fetchall()
    assert panel == [("Jeanne Martin", "done", 1), ("Soizic Pénicaud, Estelle Hary", "speaking", 0)]
    rows = dict(conn.execute("SELECT id, status FROM questions").fetchall())
    assert rows == {ids[0]: "answered", ids[1]: "merged", ids[2]: "rejected"}
    assert conn.execute("SELECT reason FROM questions WHERE id = ?", [ids[2]]).fetchone() == (
        "publicité",
    )
    assert conn.execute("SELECT text FROM notes").fetchall() == [
        ("La ministre annonce une consultation.",)
    ]


def test_an_unplanned_break_and_a_longer_slot(console, opened):
    session = opened.session
    session.execute(questions.ReceiveQuestion("Une question ?", device_id="d", client_id="1"))
    console.run(__import__("console.core.speakers", fromlist=["x"]).CallNext("ouverture"))
    answer_dialogs("Coupure technique", "Micro HF en panne", 10)
    console.add_unplanned_slot()
    order = list(session.state.slots)
    assert session.state.slots[order[1]].slot.title == "Micro HF en panne"
    assert session.state.slots[order[1]].unplanned
    console.rundown_view.selectRow(2)  # the first panel
    console.extend_button.click()
    assert session.state.slots["cycle-1"].timer.added == 300
    console.rundown_view.clearSelection()
    console.shorten_button.click()  # no selection: the current slot
    assert session.state.slots["ouverture"].timer.added == -300


def test_share_the_time_left(console, clock, opened):
    session = opened.session
    console.run(__import__("console.core.speakers", fromlist=["x"]).CallNext("ouverture"))
    clock.advance(600)
    console.queue_tools.share_button.click()
    assert [session.state.turns[t].timer.allotted for t in ("t2", "t3", "t4")] == [300, 300, 300]


def test_the_shortcut_sheet_lists_every_key(console):
    from PySide6.QtGui import QKeySequence

    sheet = dict(console.shortcut_list())
    for keys in ("N", "Space", "Ctrl+N", "F1", "A", "R", "S", "Ctrl+Z", "Ctrl+E", "Alt+Up"):
        shown = QKeySequence(keys).toString(
            QKeySequence.SequenceFormat.NativeText
        )  # as the sheet says it
        assert shown in sheet, keys
    console.show_shortcuts()
    assert console.shortcuts_dialog.isVisible()


def test_the_language_choice_persists(console):
    console.choose_language("en")
    assert QSettings().value("language") == "en"
    assert (
        console.language_actions["en"].isChecked()
        and not console.language_actions["fr"].isChecked()
    )
    console.choose_language("fr")


def visible_texts(window) -> set[str]:
    texts = {w.text() for w in window.findChildren(QLabel) if w.text()}
    texts |= {b.text().replace("✓ ", "") for b in window.findChildren(QPushButton) if b.text()}
    for tabs in (window.right_tabs,):
        texts |= {tabs.tabText(i) for i in range(tabs.count())}
    texts |= {window.inbox.tabs.tabText(i) for i in range(window.inbox.tabs.count())}
    for action in window.menuBar().actions():
        texts.add(action.text())
        if action.menu():
            texts |= {a.text() for a in action.menu().actions() if a.text()}
    for model in (window.rundown_model, window.queue_model, window.questions_model):
        texts |= {
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
        }
    return texts


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_french_and_english_at_both_sizes(qtbot, qapp, opened, clock, language, size):
    from console.core import speakers
    from console.ui.setup import prepare_application, remove_translators

    translators = prepare_application(qapp, language)
    try:
        session = opened.session
        session.execute(speakers.CallNext("ouverture"))
        clock.advance(300)
        session.execute(
            questions.ReceiveQuestion(
                "Comment associer les citoyens aux choix sur l'IA ?", device_id="d", client_id="1"
            )
        )
        window = MainWindow(
            session,
            opened.timebase.now,
            "~/.local/share/tribune/events/2025-02-07-ia-la-voie-citoyenne.db",
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.tick()
        qtbot.wait(30)
        assert window.width() == size[0]  # it fits the laptop's screen
        texts = visible_texts(window)
        # Words spelt alike in both languages ("Pause", "Question") say nothing either way.
        french_only = {fr for en, fr in FR.items() if fr != en} - set(FR)
        english_only = {en for en, fr in FR.items() if fr != en} - set(FR.values())
        if language == "en":
            assert texts & french_only == set(), "French left in the English console"
        else:
            assert texts & english_only == set(), "English left in the French console"
        assert window.grab().save(str(SHOTS / f"console-{language}-{size[0]}x{size[1]}.png"))
    finally:
        remove_translators(qapp, translators)


def test_thresholds_are_set_in_the_console_and_reach_every_screen(console, clock, opened):
    from console.core import speakers
    from console.core.public import public_state

    session = opened.session
    session.execute(speakers.CallNext("ouverture"))
    answer_dialogs(2)
    console.choose_speaker_warning()
    assert session.state.speaker_warning == 120
    assert float(QSettings().value("speaker_warning_seconds")) == 120  # for the next event
    answer_dialogs(10)
    console.choose_slot_warning()
    assert session.state.slots["ouverture"].warning_seconds == 600
    clock.advance(5 * 60 + 30)  # 1:30 left for the speaker, 24:30 for the slot
    console.tick()
    assert console.speaker_urgency.text() != ""  # warned at two minutes, not one
    shown = public_state(session.state, clock.now, for_displays=True)
    assert shown["speaker"]["timer"]["warning"] == 120
    assert shown["slot"]["timer"]["warning"] == 600


def test_drag_a_waiting_speaker_to_another_place(console, opened):
    from console.core import speakers

    session = opened.session
    session.execute(speakers.CallNext("ouverture"))
    model = console.queue_model
    dragged = model.mimeData([model.index(3, 0)])  # Martine D, waiting fourth
    assert model.flags(model.index(3, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert (
        not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    )  # the speaker on the floor
    from PySide6.QtCore import QModelIndex

    model.dropMimeData(
        dragged, Qt.DropAction.MoveAction, 1, 0, QModelIndex()
    )  # dropped above Jean Cattan
    assert [session.state.turns[t].person_ids[0] for t in session.state.queues["ouverture"]] == [
        "beaudet",
        "martine-d",
        "cattan",
        "chappaz",
    ]
    assert [model.id_at(r) for r in range(model.rowCount())] == session.state.queues["ouverture"]
