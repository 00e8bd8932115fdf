"""What every Tribune window needs from the application: the stage theme and the language."""

from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from .i18n import install_translators
from .theme import apply_theme


def prepare_application(app: QApplication, language: str) -> list[QTranslator]:
    """Name, theme and translators; keep the returned translators alive with the app."""
    app.setApplicationName("Tribune")
    app.setOrganizationName("Tribune")
    apply_theme(app)
    app.setProperty("tribune_language", language)  # the reports follow the console's language
    return install_translators(app, language)


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
