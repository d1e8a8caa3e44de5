"""What tests in several folders share: this session's PostgreSQL server.

The server is started once, on first use (tests/postgres.py), and stopped at the end
of the session. A server that cannot start ends the run, failed, with one line saying
why: the PostgreSQL tests never skip.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from tests import postgres


@pytest.fixture(scope="session")
def postgres_server(request: pytest.FixtureRequest) -> Iterator[str]:
    """The URL of this session's PostgreSQL server (its superuser's database)."""
    try:
        with postgres.server() as url:
            yield url
            return
    except postgres.ServerError as error:
        why = str(error)
    cannot_start(request, why)


def cannot_start(request: pytest.FixtureRequest, why: str) -> NoReturn:
    """Fail this test and stop the run, in one line: a PostgreSQL test never skips."""
    message = f"PostgreSQL test server: {why}"
    request.session.shouldstop = message
    pytest.fail(message, pytrace=False)


def with_database(url: str, name: str) -> str:
    """The same server URL naming another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def new_database(request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty database of the caller's own on the session's server."""
    server = request.getfixturevalue("postgres_server")
    database = f"state_{uuid.uuid4().hex[:12]}"
    try:
        admin = await asyncpg.connect(server)
    except (OSError, asyncpg.PostgresError) as error:
        cannot_start(request, f"cannot connect ({error})")
    try:
        await admin.execute(f'CREATE DATABASE "{database}"')
    finally:
        await admin.close()
    return with_database(server, database)
