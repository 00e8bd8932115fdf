"""The dark stage theme: a bright screen on stage distracts the room."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

BACKGROUND = "#121417"
PANEL = "#1b1e23"
RAISED = "#252a31"
TEXT = "#e8eaed"
MUTED = "#9aa0a6"
ACCENT = "#4f9cf7"
NORMAL = "#7fd18b"
WARNING = "#f5c04a"
OVERTIME = "#ff6b6b"

URGENCY_COLOURS = {"normal": NORMAL, "warning": WARNING, "overtime": OVERTIME}

STYLE = f"""
QWidget {{ background: {BACKGROUND}; color: {TEXT}; }}
QFrame#panel {{ background: {PANEL}; border-radius: 8px; }}
QLabel {{ background: transparent; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#heading {{ font-size: 13px; font-weight: 600; color: {MUTED}; letter-spacing: 1px; }}
QLabel#eventTitle {{ font-size: 20px; font-weight: 600; }}
QLabel#wallClock {{ font-size: 30px; font-weight: 600; font-family: "DejaVu Sans Mono", monospace; }}
QLabel#bigClock {{ font-size: 64px; font-weight: 700; font-family: "DejaVu Sans Mono", monospace; }}
QLabel#mediumClock {{ font-size: 44px; font-weight: 700; font-family: "DejaVu Sans Mono", monospace; }}
QLabel#slotTitle {{ font-size: 22px; font-weight: 600; }}
QLabel#speakerName {{ font-size: 24px; font-weight: 600; }}
QLabel#banner {{ background: #5c1d1d; color: #ffffff; padding: 8px; border-radius: 6px; font-weight: 600; }}
QTableView, QListView {{ background: {PANEL}; alternate-background-color: #20242a; border: none;
    gridline-color: {RAISED}; selection-background-color: #2d4a6e; selection-color: {TEXT}; }}
QHeaderView::section {{ background: {RAISED}; color: {MUTED}; border: none; padding: 4px 6px; }}
QPushButton {{ background: {RAISED}; border: 1px solid #3a414b; border-radius: 6px; padding: 8px 12px;
    font-weight: 600; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #5f656d; border-color: #2a2f36; }}
QPushButton:checked {{ background: #1f4f8a; border: 2px solid {ACCENT}; }}
QPushButton#primary {{ background: #1f4f8a; border-color: {ACCENT}; }}
QStatusBar {{ color: {MUTED}; }}
QTabBar::tab {{ padding: 7px 12px 5px 12px; }}
QToolTip {{ background: {RAISED}; color: {TEXT}; border: 1px solid #3a414b; }}
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, BACKGROUND),
        (QPalette.ColorRole.WindowText, TEXT),
        (QPalette.ColorRole.Base, PANEL),
        (QPalette.ColorRole.AlternateBase, "#20242a"),
        (QPalette.ColorRole.Text, TEXT),
        (QPalette.ColorRole.Button, RAISED),
        (QPalette.ColorRole.ButtonText, TEXT),
        (QPalette.ColorRole.Highlight, "#2d4a6e"),
        (QPalette.ColorRole.HighlightedText, TEXT),
        (QPalette.ColorRole.ToolTipBase, RAISED),
        (QPalette.ColorRole.ToolTipText, TEXT),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    # The base size as the application's font, not in the style sheet: a size in a style sheet
    # would override the sizes the room's screens compute to fit their text.
    font = app.font()
    font.setPixelSize(14)
    app.setFont(font)
    app.setStyleSheet(STYLE)
