"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, listening
only on a unix socket there, stopped and deleted afterwards.

It runs Debian's `postgresql` package (any server whose initdb and pg_ctl are on
PATH or under /usr/lib/postgresql/*/bin works). PostgreSQL refuses to run as root,
so under root the server runs as the `postgres` user the package creates.

`python -m tests.postgres check` exits 0 when the server binaries are installed;
the Makefile installs the package when they are not. Standard library only, so
the Makefile can ask before the venv exists.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

# Set it to a server of your own (postgresql://user@host/db, where the tests may create
# databases) to skip starting one.
URL_VARIABLE: Final = "ALMANAC_TEST_POSTGRES_URL"

# Durability is of no use to a server deleted after the run; without it a test's
# CREATE DATABASE and writes cost milliseconds.
_FAST: Final = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


_INITDB: Final = ("-E", "UTF8", "--no-sync", "--no-instructions")
_START: Final = ("-w", "-t", "60", "-o")


class ServerError(Exception):
    """The server cannot start; the message is one line saying why."""


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl, newest version first; None if not installed."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def _user() -> str | None:
    """Who runs the server: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name).pw_name
    raise ServerError("running as root and there is no 'postgres' user to run the server as")


def _run(args: list[str], user: str | None, what: str) -> None:
    done = subprocess.run(args, user=user, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        raise ServerError(f"{what} failed: {last[-1] if last else f'exit {done.returncode}'}")


@contextlib.contextmanager
def server() -> Iterator[str]:
    """Start a server and yield its URL (superuser `postgres`, database `postgres`)."""
    given = os.environ.get(URL_VARIABLE)
    if given:
        yield given
        return
    folder = binaries()
    if folder is None:
        raise ServerError(
            "PostgreSQL's server is not installed (initdb not found): "
            "apt-get install postgresql, or set " + URL_VARIABLE
        )
    user = _user()
    home = Path(tempfile.mkdtemp(prefix="almanac-pg-"))
    try:
        if user is not None:
            entry = pwd.getpwnam(user)
            os.chown(home, entry.pw_uid, entry.pw_gid)
        data = home / "data"
        _run(
            [str(folder / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", *_INITDB],
            user,
            "initdb",
        )
        options = f"-c listen_addresses='' -c unix_socket_directories='{home}' {_FAST}"
        _run(
            [
                str(folder / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(home / "log"),
                *_START,
                options,
                "start",
            ],
            user,
            "pg_ctl start (log: " + str(home / "log") + ")",
        )
        try:
            yield f"postgresql://postgres@/postgres?host={home}"
        finally:
            subprocess.run(
                [str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                user=user,
                capture_output=True,
                check=False,
            )
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: list[str]) -> int:
    """`check`: 0 when a server can be started here (binaries, or a URL given)."""
    if argv != ["check"]:
        print("usage: python -m tests.postgres check", file=sys.stderr)
        return 2
    return 0 if os.environ.get(URL_VARIABLE) or binaries() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
