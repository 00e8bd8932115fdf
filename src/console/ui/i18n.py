"""Languages: French first, English too, through Qt's translation system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console.paths import resource

LANGUAGES = ("fr", "en")
DEFAULT = "fr"


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else DEFAULT


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Tribune's and Qt's own translations for `language` (the source strings are English).

    The translators are returned so the caller keeps them alive as long as the application.
    """
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(resource("i18n", f"tribune_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators
