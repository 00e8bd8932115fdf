"""Merge scripts/translations_fr.py into resources/i18n/tribune_fr.ts, then compile.

    python scripts/fill_translations.py

Strings already translated in the .ts (by Qt Linguist) are kept; the table fills the rest.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n
from translations_fr import FR


def fill(ts: Path, table: dict[str, str]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished" or not translation.text:
            if source in table:
                translation.text = table[source]
                translation.attrib.pop("type", None)
            else:
                missing.append(source)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def main() -> None:
    i18n.main()  # collect new strings first
    missing = fill(i18n.I18N / "tribune_fr.ts", FR)
    i18n.main()  # compile with the French in
    if missing:
        print("No French yet for:", *missing, sep="\n  ")
        raise SystemExit(1)


if __name__ == "__main__":
    main()
