"""Before Qt opens a window: a clear message instead of Qt's bare abort when the desktop lacks a
library Qt's X11 plugin needs (libxcb-cursor0 since Qt 6.5, libxcb-icccm4, ...), or when there is
no display at all."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

# Shared object -> the Debian/Ubuntu package that provides it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def _xcb_library() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    return path if path.exists() else None


def missing_libraries() -> list[str]:
    """Shared objects Qt's X11 plugin needs and cannot find, as the dynamic linker sees it."""
    library = _xcb_library()
    ldd = shutil.which("ldd")
    if library is None or ldd is None:
        return []
    try:
        out = subprocess.run([ldd, str(library)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted(set(_NOT_FOUND.findall(out)))


NO_DISPLAY = {
    "en": (
        "Tribune cannot open a window: no display was found (DISPLAY and WAYLAND_DISPLAY are not "
        "set). Start it from a desktop session, or set QT_QPA_PLATFORM=offscreen to run it "
        "without a screen."
    ),
    "fr": (
        "Tribune ne peut pas ouvrir de fenêtre : aucun écran n'a été trouvé (DISPLAY et "
        "WAYLAND_DISPLAY ne sont pas définis). Lancez-le depuis une session de bureau, ou "
        "définissez QT_QPA_PLATFORM=offscreen pour le faire tourner sans écran."
    ),
}
MISSING = {
    "en": (
        "Tribune cannot open a window: Qt needs these libraries for X11 and cannot find them: "
        "{missing}.\nOn Debian or Ubuntu, install them with:\n  sudo apt install {packages}"
    ),
    "fr": (
        "Tribune ne peut pas ouvrir de fenêtre : Qt a besoin de ces bibliothèques pour X11 et ne "
        "les trouve pas : {missing}.\nSous Debian ou Ubuntu, installez-les avec :\n"
        "  sudo apt install {packages}"
    ),
}


def display_problem(language: str = "fr") -> str | None:
    """Why no window can open here, in words a user can act on; None when all is well.

    Said before Qt (and its translations) is loaded, so it carries its own two languages.
    """
    language = language if language in NO_DISPLAY else "en"
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: the user chose
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    if not platform and not (os.environ.get("DISPLAY") or wayland):
        return NO_DISPLAY[language]
    if platform.startswith("wayland") or (not platform and wayland):
        return None
    missing = missing_libraries()
    if not missing:
        return None
    packages = [PACKAGES.get(name, name) for name in missing]
    return MISSING[language].format(missing=", ".join(missing), packages=" ".join(packages))
