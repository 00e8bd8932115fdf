"""Times and durations as people read them in a report."""

from __future__ import annotations

from console.core.clock import format_drift, local_clock

# A drift in whole minutes reads the same in the console and in the report.
minutes = format_drift


def clock(at: float | None, zone: str, seconds: bool = False) -> str:
    return local_clock(at, zone, seconds=seconds)


def duration(seconds: float | None, signed: bool = False) -> str:
    """h:mm:ss or m:ss, rounded to the second; signed shows + or − (for drifts and overruns)."""
    if seconds is None:
        return ""
    sign = "-" if seconds < 0 else ("+" if signed and round(seconds) > 0 else "")
    whole = round(abs(seconds))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m}:{s:02d}"


MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
DAYS = {
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


def long_date(iso: str, language: str) -> str:
    """« vendredi 7 février 2025 », "Friday 7 February 2025"."""
    from datetime import date

    day = date.fromisoformat(iso)
    language = language if language in MONTHS else "fr"
    return f"{DAYS[language][day.weekday()]} {day.day} {MONTHS[language][day.month - 1]} {day.year}"
