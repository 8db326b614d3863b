"""Start PropDesk: ``python main.py`` does what the ``propdesk`` command does."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
