"""Where Tribune keeps its files by default."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

APP_NAME = "Tribune"


def data_dir() -> Path:
    """The user's data folder for Tribune (XDG on Linux, Application Support, %APPDATA%)."""
    override = os.environ.get("TRIBUNE_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / APP_NAME.lower()


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "event"


def default_database(title: str, date: str) -> Path:
    """One database per event: its date and title, readable in a file browser."""
    return data_dir() / "events" / f"{date}-{slug(title)}.db"


def resource(*parts: str) -> Path:
    return Path(str(resources.files("console.resources").joinpath(*parts)))


def demo_programme() -> Path:
    return resource("programmes", "ia-la-voie-citoyenne.toml")
