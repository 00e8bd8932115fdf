"""The console window on the demo programme, driven as a moderator would."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from console.core import questions, speakers
from console.core.state import SlotStatus, TurnStatus
from console.ui.models import QueueModel, RundownModel

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def label_texts(window) -> set[str]:
    return {w.text() for w in window.findChildren(QLabel)}


def test_the_window_opens_on_the_demo_programme(window):
    assert window.event_title.text() == "IA : la voie citoyenne"
    assert window.rundown_model.rowCount() == 4
    assert window.rundown_model.index(1, RundownModel.TITLE).data() == "Premier cycle d'échanges"
    assert window.queue_model.rowCount() == 4  # the opening's four speakers
    assert window.slot_title.text() == "Ouverture"
    assert window.slot_clock.text() == "30:00"


def test_buttons_run_the_morning_and_the_journal_records_it(window, qtbot, clock, opened):
    qtbot.mouseClick(window.next_speaker_button, Qt.MouseButton.LeftButton)
    assert opened.session.state.slots["ouverture"].status is SlotStatus.RUNNING
    assert window.speaker_name.text() == "Thierry Beaudet"
    clock.advance(7 * 60 + 30)
    window.tick()
    assert window.speaker_clock.text() == "-0:30"
    assert window.speaker_urgency.text() != ""  # overtime said in words, not only in red
    qtbot.mouseClick(window.next_speaker_button, Qt.MouseButton.LeftButton)
    assert window.speaker_name.text() == "Jean Cattan"
    assert (
        window.queue_model.index(0, QueueModel.STATUS).data(Qt.ItemDataRole.UserRole + 2) == "done"
    )
    qtbot.mouseClick(window.slot_plus, Qt.MouseButton.LeftButton)
    assert opened.session.state.slots["ouverture"].timer.added == 60
    rows = opened.database.conn.execute(
        "SELECT type FROM events WHERE type IN ('slot_started', 'turn_started', 'turn_ended', 'slot_time_adjusted') ORDER BY seq"
    ).fetchall()
    assert [r[0] for r in rows] == [
        "slot_started",
        "turn_started",
        "turn_ended",
        "turn_started",
        "slot_time_adjusted",
    ]


def test_keyboard_shortcuts(window, qtbot, opened):
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert opened.session.state.speaking_turn() is not None
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert opened.session.state.current_slot.status is SlotStatus.PAUSED
    assert "pause" in window.slot_urgency.text().lower()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert opened.session.state.current_slot.status is SlotStatus.RUNNING
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert opened.session.state.current_slot.timer.added == 60
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert opened.session.state.current_slot_id == "cycle-1"


def test_a_refused_action_is_said_in_the_status_bar(window, qtbot, opened):
    qtbot.mouseClick(window.end_turn_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    window.run(speakers.EndTurn())
    assert window.statusBar().currentMessage() != ""
    assert opened.session.journal.count() == 14  # programme and its 13 turns, nothing more


def test_names_are_shown_as_plain_text(window, qtbot, opened):
    session = opened.session
    session.execute(
        speakers.AddAdHocSpeaker("ouverture", "<img src=x><b>hi</b>", title="<i>titre</i>")
    )
    turn_id = session.state.queues["ouverture"][-1]
    session.execute(speakers.GiveFloor(turn_id))
    assert window.speaker_name.text() == "<img src=x><b>hi</b>"
    for label in window.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    row = window.queue_model.row_of(turn_id)
    assert window.queue_model.index(row, QueueModel.NAMES).data().startswith("<img src=x><b>hi</b>")


def test_models_pass_qt_model_tester(qtmodeltester, opened):
    session = opened.session
    rundown_model = RundownModel(session, opened.timebase.now)
    queue_model = QueueModel(session, opened.timebase.now)
    queue_model.show_slot("cycle-1")
    qtmodeltester.check(rundown_model)
    qtmodeltester.check(queue_model)
    # And while the queue changes under it: rows added, moved, removed.
    session.execute(speakers.AddAdHocSpeaker("cycle-1", "Voix de la salle"))
    session.execute(speakers.MoveTurn(session.state.queues["cycle-1"][-1], 0))
    session.execute(speakers.RemoveTurn(session.state.queues["cycle-1"][2]))
    session.execute(speakers.CallNext("cycle-1"))
    assert [queue_model.id_at(r) for r in range(queue_model.rowCount())] == session.state.queues[
        "cycle-1"
    ]
    qtmodeltester.check(queue_model)
    qtmodeltester.check(rundown_model)


def test_queue_model_follows_moves_with_row_signals(qtbot, opened):
    session = opened.session
    model = QueueModel(session, opened.timebase.now)
    model.show_slot("cycle-1")
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.rowsMoved, timeout=1000):
        session.execute(speakers.MoveTurn(session.state.queues["cycle-1"][3], 0))
    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        session.execute(speakers.AddAdHocSpeaker("cycle-1", "Voix de la salle"))
    with qtbot.waitSignal(model.rowsRemoved, timeout=1000):
        session.execute(speakers.RemoveTurn(session.state.queues["cycle-1"][-1]))
    assert resets == []
    assert [model.id_at(r) for r in range(model.rowCount())] == session.state.queues["cycle-1"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_french_first_english_too(qtbot, opened, language):
    from console.ui.i18n import install_translators
    from console.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        win = MainWindow(opened.session, opened.timebase.now)
        qtbot.addWidget(win)
        texts = label_texts(win) | {win.next_speaker_button.text(), win.end_slot_button.text()}
        if language == "fr":
            assert "CRÉNEAU EN COURS" in texts and "Intervenant·e suivant·e" in texts
            assert "CURRENT SLOT" not in texts
            assert win.rundown_model.headerData(1, Qt.Orientation.Horizontal) == "Créneau"
            assert win.queue_model.headerData(0, Qt.Orientation.Horizontal) == "Intervenant·e"
        else:
            assert "CURRENT SLOT" in texts and "Next speaker" in texts
            assert "CRÉNEAU EN COURS" not in texts
            assert win.queue_model.headerData(0, Qt.Orientation.Horizontal) == "Speaker"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_every_string_has_its_french():
    import xml.etree.ElementTree as ET

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "tribune_fr.ts"
    unfinished = [
        m.findtext("source")
        for m in ET.parse(ts).getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert unfinished == []


def test_a_question_arriving_does_not_steal_focus(window, qtbot, opened):
    window.queue_view.setFocus()
    opened.session.execute(
        questions.ReceiveQuestion("Une question de la salle ?", device_id="d", client_id="1")
    )
    assert QApplication.focusWidget() in (window.queue_view, None)


def test_screenshot_of_the_window_on_the_demo(french, qtbot, clock, opened):
    """Kept in docs/screenshots/ so the window is looked at as a picture, as users see it."""
    from console.ui.main_window import MainWindow

    window = MainWindow(
        opened.session,
        opened.timebase.now,
        "~/.local/share/tribune/events/2025-02-07-ia-la-voie-citoyenne.db",
    )
    qtbot.addWidget(window)
    window.show()
    session = opened.session
    session.execute(speakers.CallNext("ouverture"))
    clock.advance(430)
    session.execute(speakers.CallNext())
    clock.advance(425)
    session.execute(speakers.CallNext())
    clock.advance(300)
    window.resize(1366, 768)
    window.tick()
    qtbot.wait(50)
    image = window.grab().toImage()
    assert image.width() == 1366
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOTS / "console-demo-1366x768.png"))
    assert opened.session.state.turns["t3"].status is TurnStatus.SPEAKING
    assert window.queue_model.headerData(0, Qt.Orientation.Horizontal) == "Intervenant·e"
    assert window.queue_model.headerData(2, Qt.Orientation.Vertical) == "3"
    assert window.speaker_clock.text() == "2:00"
    # Every column of both lists fits in its panel: nothing hides past the right edge.
    for view in (window.rundown_view, window.queue_view):
        header = view.horizontalHeader()
        last = view.model().columnCount() - 1
        assert header.count() == view.model().columnCount()
        assert (
            header.sectionViewportPosition(last) + header.sectionSize(last)
            <= view.viewport().width()
        )
    assert (
        window.rundown_model.index(0, RundownModel.STATUS).data() == "▶ 09:00–"
    )  # running since 09:00


def test_the_translation_source_is_up_to_date(tmp_path):
    """Every string in the code is in the shipped .ts, translated: run lupdate afresh and compare."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    import i18n

    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), *i18n.sources(), "-locations", "none", "-ts", str(fresh)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    in_code = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot()
        for m in c.iter("message")
    }
    shipped = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(root / "resources" / "i18n" / "tribune_fr.ts").getroot()
        for m in c.iter("message")
        if m.findtext("translation")
    }
    assert in_code - shipped == set(), "run: python scripts/fill_translations.py"


def test_export_from_the_console_menu(window, opened, tmp_path):
    opened.session.execute(speakers.CallNext("ouverture"))
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("Export" in text or "Exporter" in text for text in actions)
    written = window.export_to(tmp_path)
    names = {p.name for p in written}
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".html") for n in names)
    assert any(n == "turns.csv" for n in names)
    assert "Thierry Beaudet" in next(p for p in written if p.suffix == ".md").read_text()
