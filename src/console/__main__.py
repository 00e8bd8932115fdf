"""`tribune` and `python -m console`."""

from __future__ import annotations

import sys


def main() -> None:
    from console.app import main as run

    sys.exit(run())


if __name__ == "__main__":
    main()
