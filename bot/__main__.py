"""`python -m bot`: the almanac command line (bot/process/cli.py).

Only an entry point: the process lifecycle lives in bot/process/lifecycle.py, so that no
module is both run as __main__ and imported under its own name.
"""

import sys

from bot.process.cli import main

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
