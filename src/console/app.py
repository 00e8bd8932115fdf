"""The composition root: the Qt application, the one asyncio loop (qasync), the journal, the
session and the windows, wired together; start-up and shutdown."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from dataclasses import dataclass

from console import __version__
from console.core.programme import Programme
from console.core.programme_file import ProgrammeError, load_programme
from console.core.rundown import LoadProgramme
from console.core.session import Session
from console.paths import default_database, demo_programme
from console.storage.database import EventDatabase
from console.storage.errors import StorageError
from console.storage.journal import SqliteJournal
from console.timebase import Timebase

log = logging.getLogger("console")


@dataclass
class Opened:
    """An event database opened for writing, with its live session."""

    database: EventDatabase
    session: Session
    timebase: Timebase
    programme_note: str = ""  # why the programme file given was not used, if it was not
    new_event: bool = False  # the database was new (or empty) and got its programme now

    def close(self) -> None:
        self.database.close()


def open_event(
    db_path: str | os.PathLike[str] | None,
    programme_path: str | os.PathLike[str] | None,
    timebase: Timebase | None = None,
) -> Opened:
    """Open (or create) the event's database and bring its morning back.

    The journal is the truth: a database that already holds a programme keeps it, whatever file
    is given. Raises ProgrammeError or StorageError with what went wrong.
    """
    timebase = timebase or Timebase()
    programme: Programme | None = None
    if programme_path is not None or db_path is None:
        programme = load_programme(programme_path or demo_programme())
    if db_path is None:
        assert programme is not None
        db_path = default_database(programme.event.title, programme.event.date.isoformat())
    database = EventDatabase(db_path)
    try:
        session = Session(SqliteJournal(database), timebase.now)
        note = ""
        new_event = session.state.programme is None
        if new_event:
            if programme is None:
                programme = load_programme(demo_programme())
            session.execute(LoadProgramme(programme))
        elif programme is not None and programme != session.state.programme:
            note = "kept"
    except BaseException:
        database.close()
        raise
    return Opened(database, session, timebase, note, new_event)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tribune",
        description="Run a live civic event from the stage.",
    )
    parser.add_argument("--version", action="version", version=f"Tribune {__version__}")
    parser.add_argument(
        "--db", help="the event's database (default: one file per event in the user's data folder)"
    )
    parser.add_argument(
        "--programme", help="the programme, a TOML file (default: the demo morning)"
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="the language of the console (default: the system's)"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8765,
        help="the audience page's port (default 8765; 0 picks a free one)",
    )
    parser.add_argument(
        "--bind",
        default="0.0.0.0",
        help="the address to listen on (default: every network of this machine)",
    )
    parser.add_argument(
        "--public-url", default="", help="the address phones open, if it is not this machine's own"
    )
    parser.add_argument(
        "--no-server", action="store_true", help="no audience page (no network at all)"
    )
    parser.add_argument(
        "--bridge-token",
        default=os.environ.get("TRIBUNE_BRIDGE_TOKEN", ""),
        help="lets a bridge (a streaming chat, a consultation platform) submit questions; also TRIBUNE_BRIDGE_TOKEN",
    )
    parser.add_argument(
        "--moderator-token",
        default=os.environ.get("TRIBUNE_MODERATOR_TOKEN", ""),
        help="allows moderation over the network; off unless set; also TRIBUNE_MODERATOR_TOKEN",
    )
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _fatal(message: str, app=None) -> int:
    """Say why Tribune cannot start, on the terminal and (when Qt is up) in a dialog."""
    print(message, file=sys.stderr)
    if app is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Critical, "Tribune", message)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    return 2


def qt_application(chosen_language: str | None):
    """Logging, a clear message if no window can open here, then the QApplication with the
    stage theme and the language: what both the console and `tribune display` start with.

    Returns (app, language, translators), or an exit code when Tribune cannot start.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    # Before Qt is loaded only the environment tells the language; French unless it says English.
    language = chosen_language or ("en" if os.environ.get("LANG", "").startswith("en") else "fr")
    from console.ui.platform_check import display_problem

    problem = display_problem(language)
    if problem:
        return _fatal(problem)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from console.ui.i18n import system_language
    from console.ui.setup import prepare_application

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Tribune")
    app.setApplicationName("Tribune")
    language = chosen_language or QSettings().value("language") or system_language()
    return app, language, prepare_application(app, language)


def run_console(argv: list[str]) -> int:
    args = parse_args(argv)
    started_qt = qt_application(args.lang)
    if isinstance(started_qt, int):
        return started_qt
    app, _language, _translators = started_qt  # the translators live as long as the app
    import qasync
    from PySide6.QtCore import QSettings

    from console.ui.main_window import MainWindow
    from console.ui.messages import programme_message, storage_message

    settings = QSettings()
    db_path = args.db
    if db_path is None and args.programme is None:
        # No file named: the event the console had open last time, if it is still there.
        last = settings.value("last_database")
        if last and os.path.exists(last):
            db_path = last

    started = time.perf_counter()
    try:
        opened = open_event(db_path, args.programme)
    except ProgrammeError as error:
        return _fatal(programme_message(error), app)
    except StorageError as error:
        return _fatal(storage_message(error), app)

    settings.setValue("last_database", str(opened.database.path))
    remembered = settings.value("speaker_warning_seconds")
    if remembered is not None and opened.new_event:
        # A new event takes the threshold the moderators chose last time.
        from console.core.displays import SetWarning

        opened.session.execute(SetWarning(float(remembered)))
    window = MainWindow(
        opened.session,
        opened.timebase.now,
        str(opened.database.path),
        check_clock=opened.timebase.check_jump,
    )
    if opened.programme_note:
        window.say_programme_kept()
    if os.environ.get("TRIBUNE_METRICS"):
        from console.ui.metrics import Metrics

        window.metrics = Metrics(
            os.environ["TRIBUNE_METRICS"], window.questions_model, window.timer, window
        )
    window.show()
    app.processEvents()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closing = asyncio.Event()
    # Qt must not stop the loop under us: closing the window ends main(), which shuts the
    # server down cleanly before the loop stops.
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(closing.set)
    app.aboutToQuit.connect(closing.set)

    server = None

    async def main() -> None:
        nonlocal server
        if not args.no_server:
            server = await start_server(opened, args, window)
        print(
            f"tribune: ready, journal {opened.database.path} "
            f"({opened.session.journal.count()} events, {time.perf_counter() - started:.3f} s)"
            + (f", audience {server.url}" if server else ""),
            flush=True,
        )
        if args.quit_after is not None:
            loop.call_later(args.quit_after, closing.set)
        await closing.wait()
        if server is not None:
            await server.stop()

    try:
        with loop:
            loop.run_until_complete(main())
    finally:
        opened.close()
    return 0


async def start_server(opened: Opened, args: argparse.Namespace, window):
    """The audience server on this loop; a port in use is said in the window, not fatal."""
    from console.net.http import qr_png
    from console.net.server import AudienceServer, ServerConfig
    from console.paths import resource

    config = ServerConfig(
        host=args.bind,
        port=args.port,
        public_url=args.public_url,
        bridge_token=args.bridge_token,
        moderator_token=args.moderator_token,
    )
    server = AudienceServer(
        opened.session,
        config,
        resource("web"),
        clock=opened.timebase.now,
        on_clients_changed=window.update_clients,
    )
    try:
        await server.start()
    except OSError as error:
        log.error("audience server: %s", error)
        window.show_server_problem(
            window.tr("The audience page could not start on port {port}: {error}").format(
                port=args.port, error=error.strerror or error
            )
        )
        return None
    window.attach_audience(server.url, qr_png(server.url), server.counts, server.displays)
    window.screens.reopen_remembered()
    return server


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["export"]:
        from console.export.cli import main as export

        return export(argv[1:])
    if argv[:1] == ["display"]:
        return run_display(argv[1:])
    return run_console(argv)


def run_display(argv: list[str]) -> int:
    """A full-screen display that follows a console on another machine over the network."""
    parser = argparse.ArgumentParser(
        prog="tribune display", description="Show a console's projection or stage monitor."
    )
    parser.add_argument("url", help="the console's address, as on its QR code (http://HOST:8765/)")
    parser.add_argument("--view", choices=("projection", "stage"), default="projection")
    parser.add_argument(
        "--screen", type=int, default=0, help="which screen, counted from 1 (default: the last one)"
    )
    parser.add_argument("--windowed", action="store_true", help="a window rather than full screen")
    parser.add_argument("--name", default="", help="how the console lists this display")
    parser.add_argument("--lang", choices=("fr", "en"))
    parser.add_argument("--print-changes", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    started_qt = qt_application(args.lang)
    if isinstance(started_qt, int):
        return started_qt
    app, language, _translators = started_qt  # the translators live as long as the app
    import qasync
    from PySide6.QtGui import QGuiApplication

    from console.net.display_client import follow
    from console.net.http import qr_png
    from console.ui.display_views import ProjectionView, StageView

    view = ProjectionView() if args.view == "projection" else StageView()
    screens = QGuiApplication.screens()
    screen = screens[args.screen - 1] if 0 < args.screen <= len(screens) else screens[-1]
    view.setScreen(screen)
    view.setGeometry(screen.geometry())
    view.show() if args.windowed else view.showFullScreen()
    last_printed: list[str] = []

    def on_state(state: dict, url: str) -> None:
        if isinstance(view, ProjectionView) and url and url != view.url:
            view.set_qr(url, qr_png(url))
        view.show_state(state)
        if args.print_changes and view.texts() != last_printed:
            last_printed[:] = view.texts()
            print("SHOWING " + " | ".join(last_printed), flush=True)

    def on_connected(connected: bool) -> None:
        view.set_connected(connected)
        if args.print_changes:
            print("CONNECTED" if connected else "DISCONNECTED", flush=True)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    stop = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(stop.set)
    app.aboutToQuit.connect(stop.set)
    with loop:
        loop.run_until_complete(
            follow(
                args.url,
                args.view,
                on_state,
                on_connected,
                name=args.name,
                language=language,
                stop=stop,
            )
        )
    return 0
