"""Run the command line as ``python -m dayasos``."""

from __future__ import annotations

import sys

from dayasos.cli import main


if __name__ == "__main__":
    sys.exit(main())
