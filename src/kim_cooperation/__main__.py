"""Run the command line: ``python -m kim_cooperation``."""

import sys

from kim_cooperation.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())
