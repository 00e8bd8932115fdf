"""The core stays free of frameworks: it imports the standard library only."""

import subprocess
import sys
from pathlib import Path

import console.core

FRAMEWORKS = ("PySide6", "qasync", "websockets", "sqlite_utils")


def test_importing_every_core_module_loads_no_framework():
    modules = sorted(
        p.stem for p in Path(console.core.__file__).parent.glob("*.py") if p.stem != "__init__"
    )
    code = (
        "import sys\n"
        + "".join(f"import console.core.{m}\n" for m in modules)
        + f"bad = [m for m in sys.modules if m.split('.')[0] in {FRAMEWORKS!r}]\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"console.core pulled in: {result.stdout}"
    assert len(modules) >= 10


def test_no_core_source_names_a_framework():
    for path in Path(console.core.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for framework in FRAMEWORKS:
            assert f"import {framework}" not in text and f"from {framework}" not in text, path


def test_import_linter_contract_holds():
    root = Path(__file__).resolve().parents[2]
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout
