"""Refresh the translation sources and compile them.

    python scripts/i18n.py          # lupdate: collect new strings into resources/i18n/*.ts
                                    # lrelease: compile them into the shipped .qm files

Translate the new strings in the .ts files (Qt Linguist: `pyside6-linguist`), then run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the test extras (pip install -e '.[test]')")
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "src" / "console").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files if "/core/" not in f.as_posix()]


def main() -> None:
    for language in LANGUAGES:
        ts = I18N / f"tribune_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    main()
