"""The console's main window: the rundown, the clocks and the speakers of the current slot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core import displays, rundown, speakers
from console.core.clock import Urgency, format_drift, format_duration, local_clock
from console.core.command import Command
from console.core.errors import DomainError, JournalError
from console.core.events import Event
from console.core.rundown import drift, next_planned_slot
from console.core.session import Session
from console.core.speakers import turn_label
from console.core.state import QuestionStatus, SessionState, SlotStatus
from console.storage.errors import StorageError

from . import theme
from .inbox import Inbox
from .messages import domain_message, storage_message
from .models import QueueModel, RundownModel
from .questions_model import QuestionsModel
from .queue_tools import QueueTools
from .screens import LocalScreens
from .screens_panel import ScreensPanel
from .widgets import panel, plain_label, row_table

TICK_MS = 100


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        clock: Callable[[], float],
        database_path: str = "",
        check_clock: Callable[[], float | None] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.clock = clock
        self.check_clock = check_clock
        self.database_path = database_path
        self.rundown_model = RundownModel(session, clock, self)
        self.queue_model = QueueModel(session, clock, self)
        self.questions_model = QuestionsModel(session, clock, self)
        self._ticks = 0
        self._build()
        self._build_actions()
        self._build_menu()
        if database_path:
            self.journal_label = plain_label(self.tr("Journal: {path}").format(path=database_path))
            self.statusBar().addPermanentWidget(self.journal_label)
        session.subscribe(self._on_events)
        self.refresh()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.tick)
        self.timer.start(TICK_MS)

    @property
    def state(self) -> SessionState:
        return self.session.state

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Tribune"))
        root = QWidget()
        outer = QVBoxLayout(root)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(10)

        self.banner = plain_label(name="banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.event_title = plain_label(name="eventTitle")
        self.event_details = plain_label(name="muted")
        titles.addWidget(self.event_title)
        titles.addWidget(self.event_details)
        header.addLayout(titles, 1)
        clocks = QVBoxLayout()
        self.wall_clock = plain_label(name="wallClock")
        self.wall_clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.drift_label = plain_label(name="muted")
        self.drift_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        clocks.addWidget(self.wall_clock)
        clocks.addWidget(self.drift_label)
        header.addLayout(clocks)
        outer.addLayout(header)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_rundown())
        splitter.addWidget(self._build_clock_panel())
        splitter.addWidget(self._build_right())
        splitter.setSizes([430, 400, 520])
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)
        self.setCentralWidget(root)
        self.resize(1366, 768)

    def _build_rundown(self) -> QWidget:
        frame = panel()
        layout = QVBoxLayout(frame)
        layout.addWidget(plain_label(self.tr("RUNDOWN"), "heading"))
        self.rundown_view = row_table(self.rundown_model, RundownModel.TITLE)
        self.rundown_view.setWordWrap(False)
        self.rundown_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.rundown_view.doubleClicked.connect(self._rundown_activated)
        layout.addWidget(self.rundown_view, 1)
        buttons = QHBoxLayout()
        self.next_slot_button = QPushButton()
        self.next_slot_button.setObjectName("primary")
        self.next_slot_button.clicked.connect(lambda: self.run(rundown.NextSlot()))
        self.end_slot_button = QPushButton(self.tr("End slot"))
        self.end_slot_button.clicked.connect(lambda: self.run(rundown.EndSlot()))
        buttons.addWidget(self.next_slot_button, 1)
        buttons.addWidget(self.end_slot_button)
        tools = QHBoxLayout()
        self.extend_button = QPushButton(self.tr("+5 min"))
        self.extend_button.setToolTip(
            self.tr("Extend the selected slot (or the current one) by five minutes")
        )
        self.extend_button.clicked.connect(lambda: self.adjust_selected_slot(300))
        self.shorten_button = QPushButton(self.tr("−5 min"))
        self.shorten_button.setToolTip(
            self.tr("Shorten the selected slot (or the current one) by five minutes")
        )
        self.shorten_button.clicked.connect(lambda: self.adjust_selected_slot(-300))
        self.unplanned_button = QPushButton(self.tr("Unplanned slot…"))
        self.unplanned_button.setToolTip(
            self.tr("A break or a technical interruption, after the current slot")
        )
        self.unplanned_button.clicked.connect(self.add_unplanned_slot)
        for button in (self.extend_button, self.shorten_button, self.unplanned_button):
            tools.addWidget(button)
        layout.addLayout(tools)
        layout.addLayout(buttons)
        return frame

    def _build_clock_panel(self) -> QWidget:
        frame = panel()
        layout = QVBoxLayout(frame)
        layout.addWidget(plain_label(self.tr("CURRENT SLOT"), "heading"))
        self.slot_title = plain_label(name="slotTitle")
        self.slot_title.setWordWrap(True)
        self.slot_subtitle = plain_label(name="muted")
        self.slot_subtitle.setWordWrap(True)
        self.slot_clock = plain_label(name="bigClock")
        self.slot_urgency = plain_label()
        layout.addWidget(self.slot_title)
        layout.addWidget(self.slot_subtitle)
        layout.addWidget(self.slot_clock)
        layout.addWidget(self.slot_urgency)
        slot_buttons = QHBoxLayout()
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self.toggle_pause)
        self.slot_minus = QPushButton(self.tr("−1 min"))
        self.slot_minus.clicked.connect(lambda: self.run(rundown.AdjustSlotTime(-60)))
        self.slot_plus = QPushButton(self.tr("+1 min"))
        self.slot_plus.clicked.connect(lambda: self.run(rundown.AdjustSlotTime(60)))
        for button in (self.pause_button, self.slot_minus, self.slot_plus):
            slot_buttons.addWidget(button)
        layout.addLayout(slot_buttons)
        layout.addSpacing(16)
        layout.addWidget(plain_label(self.tr("SPEAKER"), "heading"))
        self.speaker_name = plain_label(name="speakerName")
        self.speaker_name.setWordWrap(True)
        self.speaker_title = plain_label(name="muted")
        self.speaker_title.setWordWrap(True)
        self.speaker_clock = plain_label(name="mediumClock")
        self.speaker_urgency = plain_label()
        for widget in (
            self.speaker_name,
            self.speaker_title,
            self.speaker_clock,
            self.speaker_urgency,
        ):
            layout.addWidget(widget)
        speaker_buttons = QHBoxLayout()
        self.speaker_plus = QPushButton(self.tr("+1 min for the speaker"))
        self.speaker_plus.clicked.connect(lambda: self.run(speakers.AdjustTurnTime(60)))
        speaker_buttons.addWidget(self.speaker_plus)
        layout.addLayout(speaker_buttons)
        layout.addStretch(1)
        layout.addWidget(plain_label(self.tr("NOTE FOR THE RECORD"), "heading"))
        self.note_field = QLineEdit()
        self.note_field.setPlaceholderText(
            self.tr("Ctrl+N, type, Enter: a quote, an incident, a commitment…")
        )
        self.note_field.setMaxLength(2000)
        self.note_field.returnPressed.connect(self.add_note)
        layout.addWidget(self.note_field)
        for label in (self.slot_clock, self.speaker_clock):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return frame

    def _build_right(self) -> QWidget:
        """Speakers and questions share the right-hand panel, one tab each."""
        frame = panel()
        layout = QVBoxLayout(frame)
        self.right_tabs = QTabWidget()
        self.right_tabs.addTab(self._build_queue(), self.tr("Speakers"))
        self.inbox = Inbox(self.questions_model, self.run)
        self.right_tabs.addTab(self.inbox, "")
        self.screens = LocalScreens(self.session, self.clock)
        self.screens_panel = ScreensPanel(self.screens, self.run)
        self.right_tabs.addTab(self.screens_panel, self.tr("Screens"))
        self.screens_panel.show_mode(self.state.projection_mode)
        layout.addWidget(self.right_tabs)
        self._update_questions_tab()
        return frame

    def _update_questions_tab(self) -> None:
        pending = self.questions_model.count(QuestionStatus.PENDING)
        # The count of questions waiting is always in sight, whichever tab is open.
        self.right_tabs.setTabText(1, self.tr("Questions ({n} to moderate)").format(n=pending))

    def _build_queue(self) -> QWidget:
        frame = QWidget()
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(0, 6, 0, 0)
        self.queue_view = row_table(self.queue_model, QueueModel.NAMES, numbered=True)
        # Drag a waiting speaker to another place; Alt+Up/Down does the same by keyboard.
        self.queue_view.setDragEnabled(True)
        self.queue_view.setAcceptDrops(True)
        self.queue_view.setDropIndicatorShown(True)
        self.queue_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.queue_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.queue_model.on_move = lambda turn_id, position: self.run(
            speakers.MoveTurn(turn_id, position)
        )
        layout.addWidget(self.queue_view, 1)
        buttons = QHBoxLayout()
        self.next_speaker_button = QPushButton(self.tr("Next speaker"))
        self.next_speaker_button.setObjectName("primary")
        self.next_speaker_button.clicked.connect(self.call_next)
        self.end_turn_button = QPushButton(self.tr("End turn"))
        self.end_turn_button.clicked.connect(lambda: self.run(speakers.EndTurn()))
        buttons.addWidget(self.next_speaker_button, 1)
        buttons.addWidget(self.end_turn_button)
        self.queue_tools = QueueTools(self.queue_model, self.queue_view, self.run)
        layout.addWidget(self.queue_tools)
        layout.addLayout(buttons)
        return frame

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        export = QAction(self.tr("Export the report…"), self)
        export.setShortcut(QKeySequence("Ctrl+E"))
        export.triggered.connect(self.choose_export_folder)
        menu.addAction(export)
        menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        settings = self.menuBar().addMenu(self.tr("&Settings"))
        languages = settings.addMenu(self.tr("Language"))
        current = (
            QSettings().value("language")
            or QApplication.instance().property("tribune_language")
            or "fr"
        )
        self.language_actions = {}
        for code, name in (("fr", "Français"), ("en", "English")):
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_actions[code] = action
        thresholds = settings.addMenu(self.tr("When clocks warn"))
        speaker_warning = thresholds.addAction(self.tr("Speakers: time nearly up at…"))
        speaker_warning.triggered.connect(self.choose_speaker_warning)
        slot_warning = thresholds.addAction(self.tr("This slot: time nearly up at…"))
        slot_warning.triggered.connect(self.choose_slot_warning)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        sheet = help_menu.addAction(self.tr("Keyboard shortcuts"))
        sheet.triggered.connect(self.show_shortcuts)

    def choose_speaker_warning(self) -> None:
        minutes, ok = QInputDialog.getDouble(
            self, self.tr("When clocks warn"), self.tr("Warn speakers with this many minutes left:"),
            self.state.speaker_warning / 60, 0.0, 10.0, 1,
        )  # fmt: skip
        if ok and self.run(displays.SetWarning(minutes * 60)) is not None:
            # New events start with the same threshold.
            QSettings().setValue("speaker_warning_seconds", minutes * 60)

    def choose_slot_warning(self) -> None:
        slot_id = self.displayed_slot_id()
        if slot_id is None:
            return
        run = self.state.slots[slot_id]
        minutes, ok = QInputDialog.getDouble(
            self, self.tr("When clocks warn"),
            self.tr("Warn with this many minutes left in “{title}”:").format(title=run.slot.title),
            run.warning_seconds / 60, 0.0, 60.0, 1,
        )  # fmt: skip
        if ok:
            self.run(displays.SetWarning(minutes * 60, slot_id))

    def choose_language(self, code: str) -> None:
        """Kept in the settings; the console speaks it from its next start."""
        QSettings().setValue("language", code)
        for other, action in self.language_actions.items():
            action.setChecked(other == code)
        self.statusBar().showMessage(
            self.tr("The console will speak {language} from its next start.").format(
                language={"fr": "français", "en": "English"}[code]
            ),
            10000,
        )

    def choose_export_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to put the report"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> list[Path]:
        """The report and the data of the morning so far, in every format, into `folder`."""
        from console.core.record import build_record
        from console.export.cli import FORMATS, export
        from console.paths import slug

        programme = self.state.programme
        if programme is None:
            return []
        language = QApplication.instance().property("tribune_language") or "fr"
        stem = f"{programme.event.date.isoformat()}-{slug(programme.event.title)}-" + (
            "compte-rendu" if language == "fr" else "report"
        )
        record = build_record(self.state, self.clock())
        try:
            written = export(record, list(FORMATS), folder / stem, language, stem)
        except OSError as error:
            self.show_server_problem(
                self.tr("The report could not be written: {error}").format(error=error)
            )
            return []
        self.statusBar().showMessage(
            self.tr("Report written to {folder}").format(folder=folder / stem), 15000
        )
        return written

    def _build_actions(self) -> None:
        """Keyboard first: the moderator's hands stay on the keys."""
        bindings = [
            (self.tr("Next speaker"), "N", self.call_next),
            (self.tr("Pause or resume"), "Space", self.toggle_pause),
            (
                self.tr("Add a minute to the slot"),
                "+",
                lambda: self.run(rundown.AdjustSlotTime(60)),
            ),
            (
                self.tr("Take a minute from the slot"),
                "-",
                lambda: self.run(rundown.AdjustSlotTime(-60)),
            ),
            (self.tr("Start the next slot"), "Ctrl+Right", lambda: self.run(rundown.NextSlot())),
            (self.tr("Write a note for the record"), "Ctrl+N", self.focus_note),
            (self.tr("Keyboard shortcuts"), "F1", self.show_shortcuts),
        ]
        for text, keys, slot in bindings:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.next_speaker_button.setToolTip(self.tr("Shortcut: N"))
        self.pause_button.setToolTip(self.tr("Shortcut: Space"))
        self.next_slot_button.setToolTip(self.tr("Shortcut: Ctrl+Right"))

    # --- commands -------------------------------------------------------------------------

    def run(self, command: Command) -> list[Event] | None:
        """Every button and key goes through here: a refusal is said, a failed write is shown."""
        try:
            events = self.session.execute(command)
        except DomainError as error:
            self.statusBar().showMessage(domain_message(error), 6000)
            return None
        except StorageError as error:
            self.show_storage_error(error)
            return None
        except JournalError as error:
            self.show_storage_error(StorageError("write_failed", self.database_path, str(error)))
            return None
        return events

    def show_storage_error(self, error: StorageError) -> None:
        message = storage_message(error)
        self.banner.setText(message)
        self.banner.show()
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Not saved"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def focus_note(self) -> None:
        self.note_field.setFocus()
        self.note_field.selectAll()

    def add_note(self) -> None:
        if self.run(rundown.AddNote(self.note_field.text())) is not None:
            self.note_field.clear()
            self.statusBar().showMessage(self.tr("Note saved in the record."), 4000)

    def adjust_selected_slot(self, seconds: float) -> None:
        rows = self.rundown_view.selectionModel().selectedRows()
        slot_id = self.rundown_model.id_at(rows[0].row()) if rows else None
        self.run(rundown.AdjustSlotTime(seconds, slot_id))

    def add_unplanned_slot(self) -> None:
        kinds = [
            (self.tr("Break"), "break"),
            (self.tr("Technical interruption"), "interruption"),
            (self.tr("Other"), "other"),
        ]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Unplanned slot"), self.tr("What is it?"), [k[0] for k in kinds], 0, False
        )
        if not ok:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Unplanned slot"), self.tr("Title:"), text=choice
        )
        if not ok:
            return
        minutes, ok = QInputDialog.getDouble(
            self, self.tr("Unplanned slot"), self.tr("Length (minutes):"), 10.0, 1.0, 240.0, 0
        )
        if ok:
            self.run(rundown.AddSlot(title, minutes, dict(kinds)[choice]))

    def shortcut_list(self) -> list[tuple[str, str]]:
        """Every action with a key, as the sheet shows it."""
        actions = [*self.actions(), *self.inbox.actions(), *self.queue_tools.actions()]
        for menu_action in self.menuBar().actions():
            if menu_action.menu():
                actions += menu_action.menu().actions()
        rows = []
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((keys, action.text().replace("&", "")))
        return rows

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QDialog, QTableWidget, QTableWidgetItem

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(dialog)
        rows = self.shortcut_list()
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, text) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout.addWidget(table)
        dialog.resize(560, 520)
        dialog.open()
        self.shortcuts_dialog = dialog

    def say_programme_kept(self) -> None:
        self.statusBar().showMessage(
            self.tr(
                "This event's database already holds its programme: the programme file given was "
                "not used. Start a new database with --db to use it."
            ),
            20000,
        )

    def call_next(self) -> None:
        slot_id = self.queue_model.slot_id
        self.run(speakers.CallNext(slot_id))

    def toggle_pause(self) -> None:
        run = self.state.current_slot
        if run is not None and run.status is SlotStatus.PAUSED:
            self.run(rundown.ResumeSlot())
        else:
            self.run(rundown.PauseSlot())

    def _rundown_activated(self, index) -> None:
        slot_id = self.rundown_model.id_at(index.row())
        run = self.state.slots[slot_id]
        if run.status is not SlotStatus.PLANNED:
            return
        current = self.state.current_slot
        if current is not None and current.status in (SlotStatus.RUNNING, SlotStatus.PAUSED):
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.tr("Start another slot?"),
                self.tr("“{current}” is running. End it and start “{next}”?").format(
                    current=current.slot.title, next=run.slot.title
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        self.run(rundown.StartSlot(slot_id))

    # --- display --------------------------------------------------------------------------

    def _on_events(self, state: SessionState, events: list[Event]) -> None:
        if any(not e.type.startswith("question_") for e in events) or not events:
            self.refresh()
        self._update_questions_tab()
        self.screens_panel.show_mode(state.projection_mode)

    def attach_audience(
        self,
        url: str,
        qr_png: bytes,
        counts: Callable[[], dict[str, int]],
        displays: Callable[[], list] = list,
    ) -> None:
        """Show where the audience asks (the address and its QR code) and who is connected."""
        self.screens.url = url
        self.screens.qr_png = qr_png
        self.screens_panel.remote = displays
        self.audience_url = url
        self.audience_qr = qr_png
        self.audience_counts = counts
        self.audience_button = QPushButton(self.tr("Audience: {url}").format(url=url))
        self.audience_button.setFlat(True)
        self.audience_button.setToolTip(self.tr("Show the QR code to open the question page"))
        self.audience_button.clicked.connect(self.show_qr)
        self.statusBar().insertPermanentWidget(0, self.audience_button)
        self.clients_label = plain_label()
        self.statusBar().insertPermanentWidget(1, self.clients_label)
        self.update_clients()

    def update_clients(self) -> None:
        if not hasattr(self, "clients_label"):
            return
        counts = self.audience_counts()
        _set(
            self.clients_label,
            self.tr("{phones} phones · {displays} displays").format(
                phones=counts.get("audience", 0), displays=counts.get("display", 0)
            ),
        )

    def show_server_problem(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()

    def show_qr(self) -> None:
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QPixmap
        from PySide6.QtWidgets import QDialog

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Ask your questions"))
        layout = QVBoxLayout(dialog)
        pixmap = QPixmap()
        pixmap.loadFromData(QByteArray(self.audience_qr), "PNG")
        image = QLabel()
        image.setPixmap(pixmap.scaled(420, 420, Qt.AspectRatioMode.KeepAspectRatio))
        image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(image)
        address = plain_label(self.audience_url, "slotTitle")
        address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(address)
        dialog.open()

    def displayed_slot_id(self) -> str | None:
        """The slot the clock and the queue are about: the current one, else the next to come."""
        run = self.state.current_slot
        if run is not None and run.status is not SlotStatus.ENDED:
            return run.slot.id
        following = next_planned_slot(self.state)
        return following.slot.id if following else None

    def refresh(self) -> None:
        """Redraw what depends on the state (not on the time)."""
        programme = self.state.programme
        if programme is not None:
            info = programme.event
            self.event_title.setText(info.title)
            self.event_details.setText(
                " · ".join(part for part in (info.date.strftime("%d/%m/%Y"), info.venue) if part)
            )
        slot_id = self.displayed_slot_id()
        self.queue_model.show_slot(slot_id)
        run = self.state.slots.get(slot_id) if slot_id else None
        if run is None:
            self.slot_title.setText(self.tr("The morning is over"))
            self.slot_subtitle.setText("")
        else:
            self.slot_title.setText(run.slot.title)
            self.slot_subtitle.setText(run.slot.subtitle)
        following = next_planned_slot(self.state)
        self.next_slot_button.setText(
            # A button reads "&" as a keyboard accelerator; double it to show the title as written.
            self.tr("Start “{title}”").format(title=following.slot.title.replace("&", "&&"))
            if following
            else self.tr("No slot left")
        )
        self.next_slot_button.setEnabled(following is not None)
        running = run is not None and run.status in (SlotStatus.RUNNING, SlotStatus.PAUSED)
        self.end_slot_button.setEnabled(running)
        paused = run is not None and run.status is SlotStatus.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setEnabled(running)
        self.slot_plus.setEnabled(run is not None and run.status is not SlotStatus.ENDED)
        self.slot_minus.setEnabled(self.slot_plus.isEnabled())
        turn = self.state.speaking_turn(slot_id) if slot_id else None
        if turn is None:
            self.speaker_name.setText(self.tr("Nobody has the floor"))
            self.speaker_title.setText("")
        else:
            self.speaker_name.setText(turn_label(self.state, turn))
            people = [self.state.people[p] for p in turn.person_ids if p in self.state.people]
            self.speaker_title.setText(" / ".join(p.title for p in people if p.title))
        self.speaker_plus.setEnabled(turn is not None)
        self.end_turn_button.setEnabled(turn is not None)
        self.tick()

    def tick(self) -> None:
        """Redraw the clocks from their anchors; cheap, so it may run ten times a second."""
        now = self.clock()
        self._ticks += 1
        if self._ticks % 10 == 0:
            self.screens_panel.refresh_remote()
        if self.check_clock is not None and self._ticks % 10 == 0:
            jump = self.check_clock()
            if jump is not None:
                self.run(rundown.RecordClockJump(jump))
                self.statusBar().showMessage(
                    self.tr("The computer's clock moved by {seconds:+.0f} s.").format(seconds=jump),
                    10000,
                )
        programme = self.state.programme
        _set(
            self.wall_clock,
            local_clock(now, programme.event.timezone if programme else None, seconds=True),
        )
        late = drift(self.state, now)
        if late is None:
            _set(self.drift_label, self.tr("The morning has not started"))
        else:
            relative = drift(self.state, now, relative=True) or 0.0
            _set(
                self.drift_label,
                self.tr("Against the plan: {wall} · since the actual start: {relative}").format(
                    wall=format_drift(late), relative=format_drift(relative)
                ),
            )
        slot_id = self.displayed_slot_id()
        run = self.state.slots.get(slot_id) if slot_id else None
        if run is None:
            _set(self.slot_clock, "—")
            _set(self.slot_urgency, "")
        else:
            warning = run.warning_seconds
            _set(self.slot_clock, format_duration(run.timer.remaining(now)))
            urgency = (
                run.timer.urgency(now, warning)
                if run.status is not SlotStatus.PLANNED
                else Urgency.NORMAL
            )
            self._show_urgency(
                self.slot_clock, self.slot_urgency, urgency, run.status is SlotStatus.PAUSED
            )
        turn = self.state.speaking_turn(slot_id) if slot_id else None
        if turn is None:
            _set(self.speaker_clock, "—")
            _set(self.speaker_urgency, "")
            self._show_urgency(self.speaker_clock, self.speaker_urgency, Urgency.NORMAL, False)
        else:
            _set(self.speaker_clock, format_duration(turn.timer.remaining(now)))
            urgency = turn.timer.urgency(now, self.state.speaker_warning)
            self._show_urgency(
                self.speaker_clock, self.speaker_urgency, urgency, not turn.timer.running
            )
        self.queue_model.refresh_spoken()

    def _show_urgency(self, clock: QLabel, label: QLabel, urgency: Urgency, paused: bool) -> None:
        """Colour and words together: the state must read without colour too."""
        colour = theme.URGENCY_COLOURS[urgency.value]
        style = f"color: {colour};"
        if clock.styleSheet() != style:
            clock.setStyleSheet(style)
            label.setStyleSheet(style)
        text = {
            Urgency.NORMAL: "",
            Urgency.WARNING: self.tr("⚠ Time nearly up"),
            Urgency.OVERTIME: self.tr("⛔ OVERTIME"),
        }[urgency]
        if paused:
            text = (text + " · " if text else "") + self.tr("❚❚ Paused")
        _set(label, text)


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)
