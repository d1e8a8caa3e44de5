"""One bot process of test_race.py: open the state store, say `ready`, wait for `go` on
stdin, then claim every day of the race for one server and print the days it won.

`python -m tests.unit.db.state.claim_race LOCATION DAYS NOW_ISO`
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import date, datetime, timedelta
from typing import Final

from db.state.backend import open_state

GUILD: Final = 42
CHANNEL: Final = 4200
FIRST_DAY: Final = date(2026, 6, 16)


async def race(location: str, days: int, now: datetime) -> list[int]:
    """The offsets from FIRST_DAY of the days this process won."""
    async with await open_state(location, clock=lambda: now) as state:
        print("ready", flush=True)
        await asyncio.to_thread(sys.stdin.readline)
        return [
            offset
            for offset in range(days)
            if await state.claim_post(GUILD, FIRST_DAY + timedelta(days=offset), CHANNEL)
        ]


def main(argv: list[str]) -> None:
    location, days, now = argv
    won = asyncio.run(race(location, int(days), datetime.fromisoformat(now)))
    print(json.dumps(won), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
