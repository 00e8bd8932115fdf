"""The room's screens as Qt views: what they show, that long texts fit, and as pictures."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.core import displays, questions, rundown, speakers
from console.core.public import public_state
from console.net.http import qr_png
from console.ui.display_views import ProjectionView, StageView
from console.ui.screens import LocalScreens

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
URL = "http://192.168.1.20:8765/"
LONG_NAME = "Marie-Christine de La Tour d'Auvergne-Lauraguais de Saint-Exupéry-Montmorency"
LONG_TITLE = (
    "Vice-présidente déléguée à la transformation numérique, à l'intelligence artificielle "
    "et à la participation citoyenne du Conseil régional d'Île-de-France"
)


def shown(view, opened, size):
    view.resize(*size)
    view.show()
    view.show_state(public_state(opened.session.state, opened.timebase.now(), for_displays=True))
    QApplication.processEvents()
    return view


def test_projection_shows_the_speaker_and_how_to_ask(french, qtbot, opened):
    opened.session.execute(speakers.CallNext("ouverture"))
    view = ProjectionView(URL, qr_png(URL))
    qtbot.addWidget(view)
    shown(view, opened, (1920, 1080))
    texts = view.texts()
    assert "Thierry Beaudet" in texts
    assert "Président du CESE" in texts
    assert "Ouverture" in texts
    assert f"Posez vos questions : {URL}" in texts
    assert view.qr.pixmap() is not None and not view.qr.pixmap().isNull()
    assert view.grab().save(str(SHOTS / "projection-16x9-short-name.png"))


@pytest.mark.parametrize(("size", "name"), [((1920, 1080), "16x9"), ((1024, 768), "4x3")])
def test_a_very_long_name_fits_whole(french, qtbot, opened, size, name):
    session = opened.session
    session.execute(rundown.StartSlot("cycle-1"))
    session.execute(speakers.AddAdHocSpeaker("cycle-1", LONG_NAME, title=LONG_TITLE))
    session.execute(speakers.GiveFloor(session.state.queues["cycle-1"][-1]))
    view = ProjectionView(URL, qr_png(URL))
    qtbot.addWidget(view)
    shown(view, opened, size)
    assert view.main.text() == LONG_NAME  # whole: not elided
    assert view.main.point_size() < view.main.max_points  # it shrank to fit
    for label in (view.main, view.detail, view.slot_title, view.ask):
        # Laid out at the size chosen, the whole text is inside the label.
        assert (
            label.heightForWidth(label.contentsRect().width()) <= label.contentsRect().height()
        ), label.text()
    assert view.grab().save(str(SHOTS / f"projection-{name}-long-name.png"))


def test_a_question_on_screen_and_markup_shown_as_text(french, qtbot, opened):
    session = opened.session
    session.execute(speakers.CallNext("cycle-1"))
    qid = session.execute(
        questions.ReceiveQuestion(
            "<img src=x><b>hi</b> Quelle place pour les citoyens dans les choix publics sur l'IA ?",
            author="Claire",
            device_id="d",
            client_id="1",
        )
    )[0].data["question_id"]
    session.execute(questions.ShowQuestion(qid))
    view = ProjectionView(URL, qr_png(URL))
    qtbot.addWidget(view)
    shown(view, opened, (1920, 1080))
    assert view.main.text().startswith("<img src=x><b>hi</b> Quelle place")
    assert "Question de la salle — Claire" in view.texts()
    assert view.grab().save(str(SHOTS / "projection-question.png"))


def test_blackout_and_holding_card(french, qtbot, opened):
    session = opened.session
    view = ProjectionView(URL, qr_png(URL))
    qtbot.addWidget(view)
    shown(view, opened, (1280, 720))
    # Before the morning: the holding card says what comes next.
    assert "À suivre" in view.texts() and "Ouverture" in view.texts()
    session.execute(speakers.CallNext("ouverture"))
    session.execute(displays.SetProjection("blackout"))
    shown(view, opened, (1280, 720))
    assert view.texts() == []
    session.execute(displays.SetProjection("holding"))
    shown(view, opened, (1280, 720))
    assert "Premier cycle d'échanges" in view.texts()
    assert session.journal.count() >= 2  # the modes are in the journal, like every change


def test_stage_monitor_counts_down_and_says_overtime_in_words(french, qtbot, opened, clock):
    session = opened.session
    session.execute(speakers.CallNext("ouverture"))
    view = StageView()
    qtbot.addWidget(view)
    shown(view, opened, (1920, 1080))
    assert view.countdown.text() == "7:00"
    assert view.status.text() == ""
    clock.advance(6 * 60 + 30)
    shown(view, opened, (1920, 1080))
    assert view.status.text() == "BIENTÔT L'HEURE"
    clock.advance(90)
    session.execute(displays.SendStageMessage("Merci de conclure", flash=True))
    shown(view, opened, (1920, 1080))
    assert view.countdown.text() == "+1:00"
    assert view.status.text() == "DÉPASSEMENT"
    assert view.message.isVisible() and view.message.text() == "Merci de conclure"
    assert "#ff5c5c" in view.countdown.styleSheet()
    # Drawn as large as it was fitted, even under the console's style sheet.
    assert view.countdown.fontInfo().pointSize() > 100
    assert view.grab().save(str(SHOTS / "stage-monitor-overtime.png"))


def test_the_consoles_own_screens_follow_the_session(qtbot, opened):
    screens = LocalScreens(opened.session, opened.timebase.now, URL, qr_png(URL))
    projection = screens.open("projection", full_screen=False)
    stage = screens.open("stage", full_screen=False)
    qtbot.addWidget(projection)
    qtbot.addWidget(stage)
    opened.session.execute(speakers.CallNext("ouverture"))
    assert projection.main.text() == "Thierry Beaudet"
    assert stage.who.text() == "Thierry Beaudet"
    opened.session.execute(speakers.CallNext())
    assert projection.main.text() == "Jean Cattan"
    screens.close("stage")
    assert "stage" not in screens.windows


def test_screens_panel_drives_the_projection_and_lists_displays(window, qtbot, opened):
    from dataclasses import dataclass

    panel = window.screens_panel
    panel.mode_buttons["blackout"].click()
    assert opened.session.state.projection_mode == "blackout"
    panel.message.setText("Plus que deux minutes")
    panel.flash.setChecked(True)
    panel.send_button.click()
    assert opened.session.state.stage_message["text"] == "Plus que deux minutes"
    assert opened.session.state.stage_message["flash"] is True
    panel.clear_button.click()
    assert opened.session.state.stage_message is None

    @dataclass
    class Seen:
        view: str
        name: str
        address: str
        last_seen: float

    panel.remote = lambda: [
        Seen("stage", "", "192.168.1.31", 1000.0),
        Seen("projection", "régie", "192.168.1.30", 960.0),
    ]
    panel.refresh_remote(now=1005.0)
    assert panel.table.rowCount() == 2
    assert (
        panel.table.item(0, 0).text() == "Moniteur de scène"
        or panel.table.item(0, 0).text() == "Stage monitor"
    )
    assert "192.168.1.30" in panel.stale_label.text()  # silent for 45 s
    assert "192.168.1.31" not in panel.stale_label.text()


def test_screenshot_of_the_screens_tab(french, qtbot, opened):
    from console.ui.main_window import MainWindow

    opened.session.execute(speakers.CallNext("ouverture"))
    window = MainWindow(
        opened.session,
        opened.timebase.now,
        "~/.local/share/tribune/events/2025-02-07-ia-la-voie-citoyenne.db",
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.right_tabs.setCurrentIndex(2)
    assert window.right_tabs.tabText(2) == "Écrans"
    assert window.screens_panel.mode_buttons["live"].isChecked()
    assert window.screens_panel.mode_buttons["live"].text() == "✓ En direct"
    qtbot.wait(50)
    assert window.grab().save(str(SHOTS / "console-screens-1366x768.png"))
