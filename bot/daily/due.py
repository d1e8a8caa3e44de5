"""Which day a subscription posts now: the one reading every poster (Discord's and
Slack's) makes before it posts.

The time logic is pure (bot.daily.schedule); this adds the two writes it implies. A
day missed while the bot was down is logged as skipped. A subscription whose time zone
this machine does not know (a zone dropped from its tzdata, or a state store shared
with a machine whose tzdata knows more) is paused with the reason: retrying it each
tick cannot help, and /daily status can then say why.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.answers.errors import UserError
from bot.daily.content import MISSED
from bot.daily.schedule import subscription_days, zone
from db.state.backend import StateBackend
from db.state.records import Subscription


async def due_day(
    state: StateBackend, sub: Subscription, now: datetime
) -> tuple[date | None, date | None]:
    """(missed, due) for one subscription now, the missed day already logged as skipped;
    (None, None) once a subscription with an unknown time zone is paused."""
    try:
        where = zone(sub.timezone)
    except UserError:
        await state.pause(sub.guild_id, f"unknown time zone {sub.timezone!r}")
        return None, None
    missed, due = subscription_days(sub, now, where)
    if missed is not None:
        await state.mark_skipped(sub.guild_id, missed, sub.channel_id, MISSED)
    return missed, due
