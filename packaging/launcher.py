"""Entry script for the frozen app: the same main() as the `ukom-desktop` command."""

import sys

from ukom_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
