"""Install everything the tests need, then run the whole suite.

    python3 scripts/test.py [pytest arguments]

Works on a fresh machine with only Python and pip: it makes a virtual environment in .venv,
installs Tribune with its test extras, installs the system packages the tests use (on Debian or
Ubuntu, as root or through sudo) when they are missing, and runs pytest. Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"

# Debian packages the tests need: Qt's offscreen platform libraries and a font for screenshots.
SYSTEM_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-dejavu-core",
    # Web pages are tested in a real browser; PDF reports are read back with poppler.
    "chromium",
    "poppler-utils",
]


def say(message: str) -> None:
    print(f"[tests] {message}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    return python


def pip_install(python: Path) -> None:
    say("installing Tribune and its test tools")
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            ".[test]",
        ],
        cwd=ROOT,
        check=True,
    )


def missing_debian_packages(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages() -> None:
    if not sys.platform.startswith("linux"):
        return
    missing = missing_debian_packages(SYSTEM_PACKAGES)
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            say("missing system packages (install them, then run again): " + " ".join(missing))
            raise SystemExit(1)
        prefix = ["sudo"]
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*prefix, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


def main() -> int:
    ensure_system_packages()
    python = ensure_venv()
    pip_install(python)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    say("running the test suite")
    return subprocess.run(
        [str(python), "-m", "pytest", *sys.argv[1:]], cwd=ROOT, env=env
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
