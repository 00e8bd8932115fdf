"""Cleaning of untrusted text (questions, names typed by the audience)."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates can make a question read differently from what it says.
_BIDI = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
)
# Joiners are format characters too, but emoji sequences and some scripts need them.
_JOINERS = {"\u200c", "\u200d"}
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """Normalise to NFC, drop control and bidi-override characters, tidy white space."""
    text = unicodedata.normalize("NFC", text).translate(_BIDI)
    kept = []
    for ch in text:
        if ch == "\n" and multiline:
            kept.append(ch)
        elif ch in "\r\n\t":
            kept.append(" ")
        elif ch in _JOINERS:
            kept.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(ch)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(kept).split("\n")]
    # At most one blank line in a row.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
