"""A phone's browser (real headless Chromium) asks a question; the moderator approves it in the
console window; the phone sees it selected."""

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path

import qasync
from PySide6.QtCore import Qt

from console.core.state import QuestionStatus
from console.net.server import AudienceServer, ServerConfig
from console.paths import resource
from console.ui.main_window import MainWindow
from tests.web.chromium import Chromium

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@asynccontextmanager
async def audience_server(opened):
    """The console's audience server on loopback, on the test's event."""
    server = AudienceServer(
        opened.session,
        ServerConfig(host="127.0.0.1", port=0),
        resource("web"),
        clock=opened.timebase.now,
    )
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


_QT_LOOP: list = []


def run_on_qt_loop(qapp, coro):
    """Run a coroutine on the application's qasync loop, as the console does.

    One loop for the whole test run, never closed in between: a second qasync loop on the same
    application can meet socket notifiers the first one left behind, and crash.
    """
    if not _QT_LOOP:
        _QT_LOOP.append(qasync.QEventLoop(qapp))
    loop = _QT_LOOP[0]
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(coro)
    finally:
        asyncio.set_event_loop(None)


def test_ask_from_a_phone_and_see_it_approved(qapp, qtbot, french, opened):
    window = MainWindow(opened.session, opened.timebase.now, str(opened.database.path))
    qtbot.addWidget(window)
    window.show()

    async def scenario():
        async with audience_server(opened) as server, Chromium() as page:
            await page.call("Page.navigate", url=f"http://127.0.0.1:{server.port}/?lang=fr")
            await page.wait_for(
                "document.getElementById('event-title').textContent === 'IA : la voie citoyenne'"
            )
            assert (
                await page.evaluate("document.querySelector('label[for=question]').textContent")
                == "Votre question"
            )
            # Type as a person would, then press the button.
            await page.evaluate("document.getElementById('question').focus()")
            await page.call(
                "Input.insertText", text="<img src=x><b>hi</b> Quelle place pour les citoyens ?"
            )
            await page.evaluate("document.getElementById('send').click()")
            await page.wait_for("document.querySelector('#mine .badge.pending') !== null")
            # The question reached the console's inbox, untouched.
            qtbot.waitUntil(lambda: window.inbox.proxy.rowCount() == 1, timeout=5000)
            (question,) = opened.session.state.questions.values()
            assert question.text == "<img src=x><b>hi</b> Quelle place pour les citoyens ?"
            # The moderator approves it in the console, with the mouse.
            window.right_tabs.setCurrentIndex(1)
            qtbot.mouseClick(window.inbox.approve_button, Qt.MouseButton.LeftButton)
            assert question.status is QuestionStatus.APPROVED
            badge = await page.wait_for(
                "(document.querySelector('#mine .badge.selected') || {}).textContent"
            )
            assert badge == "Retenue"
            # Every phone now sees it among the selected questions, shown as text, not markup.
            shown = await page.wait_for(
                "(document.querySelector('#room li .body') || {}).textContent"
            )
            assert shown.startswith("<img src=x><b>hi</b> Quelle place")
            assert (
                await page.evaluate("document.querySelectorAll('#room img, #room b').length") == 0
            )
            # And supports it.
            await page.evaluate("document.querySelector('#room .vote').click()")
            await page.wait_for(
                "document.querySelector('#room .vote').getAttribute('aria-pressed') === 'true'"
            )
            assert question.votes == 1
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            await page.screenshot(SCREENSHOTS / "audience-phone-fr.png")

    run_on_qt_loop(qapp, scenario())
