"""The daily poster: finds the servers whose post is due and posts each one once.

A run reads every active subscription in one query, decides in pure time logic
(bot.daily.schedule) which local day is due, then posts the due servers concurrently
but bounded: a semaphore caps the requests in flight and a pacer keeps posts
just under Discord's global 50 requests/s. That limit is the bot's, not a
process's: the pacer takes its turns from the state store (`reserve_turn`),
which in PostgreSQL every process shares. Slash-command answers (interaction
callbacks and their follow-ups) are not counted against that global limit, so
they always find room. discord.py's own rate-limit handling still absorbs any 429.

Each post is claim → render → send → record. The claim (db.state.sqlite) is what makes
a day exactly-once across restarts and concurrent runs; a failure is recorded
for /daily status, and MAX_FAILURES in a row pause the subscription.

A claim can outlive its post: the process dies while Discord's answer is on its
way, or the post is sent but the state store cannot record it (locked, disk
full). Two things keep its retry from posting twice. Every attempt at a day
sends the same nonce (`post_nonce`) with enforce_nonce, so within Discord's
nonce window (a few minutes) Discord returns the first message instead of
creating a second. And a retry first reads the channel's last HISTORY_LOOKBACK
messages for the bot's own post of that day (its first embed's timestamp falls
on that local day: `day_marker`); found, it is recorded, not sent again. The
nonce alone is not enough (a stale claim is retried after 5 minutes) and the
history alone is not either (the bot may lack Read Message History).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Final, Literal

import aiohttp
import discord

from bot.daily.content import EMPTY, day_post
from bot.daily.due import due_day
from bot.daily.schedule import (
    Clock,
    local_date,
    post_instant,
    zone,
)
from bot.discord_bot.render import (
    DESCRIPTION_MAX,
    TITLE_MAX,
    fit_message,
    new_embed,
    on_this_day_embeds,
    quote_embed,
    shorten,
)
from bot.discord_bot.replies import NO_MENTIONS
from db.read.store import Store
from db.state.backend import StateBackend
from db.state.records import (
    CHANNEL_DELETED,
    POST_LOG_DAYS,
    REST_TURNS,
    EmptyDay,
    Subscription,
    is_slack_key,
)

log = logging.getLogger("almanac.daily")

CONCURRENCY: Final = 8
# Discord's global REST limit per bot token. Interaction responses do not count
# against it, so posts may use nearly all of it: 10% headroom covers the few other
# REST calls a run makes (e.g. fetching a channel) and requests that reach Discord
# closer together than they were sent: a process, a machine or the network held up
# for 100 ms bunches 5 of them into Discord's one-second window.
GLOBAL_REQUESTS_PER_SECOND: Final = 50
POSTS_PER_SECOND: Final = GLOBAL_REQUESTS_PER_SECOND * 0.90  # 45 posts/s
# Fresh turns a request takes at most when its process woke too late for the last one.
LATE_TURNS: Final = 3
POST_TIMEOUT: Final = 60.0  # well under db.state.sqlite.STALE_CLAIM: a live post never looks stale
UNKNOWN_CHANNEL: Final = 10003
# Messages of the channel a retried claim reads for a post that went out unrecorded:
# the day's post is among the channel's last few unless the channel is very busy.
HISTORY_LOOKBACK: Final = 50

Outcome = Literal[
    "posted", "found", "skipped", "failed", "paused", "pending", "taken", "waiting", "gone"
]
# How a run's log line names each outcome.
OUTCOME_WORDS: Final[dict[str, str]] = {
    "posted": "posted",
    "found": "found already sent",
    "skipped": "skipped (empty day)",
    "failed": "failed",
    "paused": "paused",
    "pending": "left for a retry",
    "taken": "taken by another run",
    "waiting": "waiting for their server",
    "gone": "gone",
}


@dataclass(slots=True)
class RunReport:
    """What one run did, by server: for logs and tests."""

    outcomes: dict[int, Outcome] = field(default_factory=dict)
    missed: list[int] = field(default_factory=list)

    def count(self) -> Counter[str]:
        return Counter(self.outcomes.values())

    def summary(self) -> str:
        """'2 posted, 1 failed': a run's log line, in the order of Outcome."""
        counted = self.count()
        return ", ".join(f"{counted[o]} {w}" for o, w in OUTCOME_WORDS.items() if counted[o])


# -- what a day's post says ---------------------------------------------------


async def build_post(store: Store, day: date, policy: EmptyDay) -> list[discord.Embed] | None:
    """The embeds of a local day's post; None when the day is empty and the policy skips."""
    post = await day_post(store, day, policy)
    if post is None:
        return None
    if post.quote is not None:
        header = new_embed(post.title or "", post.note or "")
        return fit_message([header, quote_embed(post.quote)])
    assert post.anniversaries is not None
    embeds = on_this_day_embeds(post.anniversaries)
    if post.nearest is not None:
        first = embeds[0]
        first.title = shorten(post.title or "", TITLE_MAX)
        description = f"{post.note}\n{first.description or ''}".strip()
        first.description = shorten(description, DESCRIPTION_MAX)
        return fit_message(embeds)
    return embeds


# -- knowing a day's post again ----------------------------------------------


def post_nonce(guild_id: int, day: date) -> str:
    """The nonce of a server's post of a local day: the same on every attempt.

    Discord allows 25 characters; a server id and a date written out take 28, so
    the pair is hashed (80 bits: no two servers' days meet).
    """
    key = f"{guild_id}:{day.isoformat()}".encode()
    return hashlib.blake2b(key, digest_size=10).hexdigest()


def day_marker(day: date, at: time, where: tzinfo, now: datetime) -> datetime:
    """The timestamp a day's post carries in its first embed: an instant of that local day.

    The post instant once it has come, else now (a post made early by hand):
    both fall on `day` in the server's zone, which is what `is_post_of` reads.
    """
    return min(now, post_instant(day, at, where))


def is_post_of(message: discord.Message, day: date, where: tzinfo, bot_id: int, nonce: str) -> bool:
    """Whether a channel message is the bot's own daily post of that local day."""
    if message.author.id != bot_id or message.interaction_metadata is not None:
        return False
    if message.nonce is not None and str(message.nonce) == nonce:
        return True  # Discord keeps no nonce in history; a cache may
    stamp = message.embeds[0].timestamp if message.embeds else None
    return stamp is not None and local_date(stamp, where) == day


# -- the poster ---------------------------------------------------------------


class Poster:
    """Posts every due server once per local day; safe to run as often as wanted."""

    def __init__(
        self,
        client: discord.Client,
        store: Store,
        state: StateBackend,
        clock: Clock,
        *,
        concurrency: int = CONCURRENCY,
        per_second: float = POSTS_PER_SECOND,
        serves: Callable[[int], bool] = lambda guild_id: True,
    ) -> None:
        self.client = client
        # Whether a server is this process's to post for (its shards'); another
        # process posts the others, and this one never looks at them.
        self.serves = serves
        self.store = store
        self.state = state
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._interval = 1.0 / per_second
        self._in_flight: set[int] = set()
        self._pruned_on: date | None = None

    async def run_once(self) -> RunReport:
        """Post everything due now; log days missed while the bot was down."""
        now = self.clock()
        report = RunReport()
        due: list[tuple[Subscription, date]] = []
        for sub in await self.state.active_subscriptions():
            if sub.guild_id in self._in_flight or is_slack_key(sub.guild_id):
                continue  # a Slack workspace's post is the Slack adapter's
            if not self.serves(sub.guild_id):
                continue
            try:
                day = await self._due(sub, now, report)
            except Exception:  # one server's trouble must not stop every other server's post
                log.exception("Guild %s: could not decide its daily post", sub.guild_id)
                report.outcomes[sub.guild_id] = "failed"
                continue
            if day is not None:
                due.append((sub, day))
        outcomes = await asyncio.gather(*(self._bounded(sub, day) for sub, day in due))
        report.outcomes |= {
            sub.guild_id: outcome for (sub, _), outcome in zip(due, outcomes, strict=True)
        }
        if due:
            log.info("Daily run: %s", report.summary())
        await self._prune_once_a_day(now.date())
        return report

    async def _due(self, sub: Subscription, now: datetime, report: RunReport) -> date | None:
        """The local date to post for one server now, logging a day missed while down."""
        missed, due = await due_day(self.state, sub, now)
        if missed is not None:
            log.info(
                "Guild %s: the post of %s was missed while the bot was down", sub.guild_id, missed
            )
            report.missed.append(sub.guild_id)
        return due

    async def _prune_once_a_day(self, today: date) -> None:
        """Old post-log days go at the first run of each (UTC) day."""
        if self._pruned_on == today:
            return
        self._pruned_on = today
        pruned = await self.state.prune_post_log(today)
        if pruned:
            log.info("Pruned %d post-log rows older than %d days", pruned, POST_LOG_DAYS)

    async def post_today(self, sub: Subscription) -> tuple[date, Outcome]:
        """Post a server's post of its local today now, unless it went out (/daily post-now).

        The same claim as a scheduled post, so it still goes out once a day.
        """
        day = local_date(self.clock(), zone(sub.timezone))
        return day, await self._bounded(sub, day, by_hand=True)

    async def _bounded(self, sub: Subscription, day: date, *, by_hand: bool = False) -> Outcome:
        """One post, with at most `concurrency` in flight; never lets an error escape."""
        self._in_flight.add(sub.guild_id)
        try:
            async with self._slots:
                return await self.post(sub, day, by_hand=by_hand)
        except Exception:
            log.exception("Guild %s: daily post of %s failed", sub.guild_id, day)
            return "failed"
        finally:
            self._in_flight.discard(sub.guild_id)

    async def post(self, sub: Subscription, day: date, *, by_hand: bool = False) -> Outcome:
        """Claim the day, render it, send it, and record what happened."""
        guild = self.client.get_guild(sub.guild_id)
        if guild is None or guild.unavailable:
            return "waiting"  # not in the cache (yet): try again next run, nothing claimed
        channel = guild.get_channel(sub.channel_id)
        if channel is None:
            await self.state.channel_deleted(sub.channel_id)
            return "gone"
        if not await self.state.claim_post(sub.guild_id, day, sub.channel_id, by_hand=by_hand):
            return "taken"
        try:
            embeds = await build_post(self.store, day, sub.empty_day)
        except Exception as exc:
            log.exception("Guild %s: could not render %s", sub.guild_id, day)
            return await self._failed(
                sub, day, f"could not prepare the post ({type(exc).__name__})"
            )
        if embeds is None:
            await self.state.mark_skipped(sub.guild_id, day, sub.channel_id, EMPTY)
            return "skipped"
        if not isinstance(channel, discord.abc.Messageable):
            return await self._failed(sub, day, f"<#{sub.channel_id}> is not a text channel")
        if await self._already_sent(sub, day, channel):
            return "found"
        return await self._send(sub, day, channel, embeds)

    async def _already_sent(
        self, sub: Subscription, day: date, channel: discord.abc.Messageable
    ) -> bool:
        """On a retried claim, find an earlier attempt's post in the channel and record it.

        Only a retry looks: a first claim cannot have sent anything. A history
        that cannot be read (no Read Message History) is not fatal: the send
        carries the day's nonce.
        """
        record = await self.state.post_record(sub.guild_id, day)
        me = self.client.user
        if record is None or record.attempts < 2 or me is None:
            return False
        where, nonce = zone(sub.timezone), post_nonce(sub.guild_id, day)
        await self._pace()
        try:
            async with asyncio.timeout(POST_TIMEOUT):
                async for message in channel.history(limit=HISTORY_LOOKBACK):
                    if is_post_of(message, day, where, me.id, nonce):
                        await self.state.mark_posted(sub.guild_id, day, message.id)
                        log.info("Guild %s: the post of %s was already sent", sub.guild_id, day)
                        return True
        except (discord.HTTPException, TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.warning(
                "Guild %s: could not read <#%s> (%r); sending with the day's nonce",
                sub.guild_id,
                sub.channel_id,
                exc,
            )
        return False

    async def _send(
        self,
        sub: Subscription,
        day: date,
        channel: discord.abc.Messageable,
        embeds: list[discord.Embed],
    ) -> Outcome:
        embeds[0].timestamp = day_marker(day, sub.post_time, zone(sub.timezone), self.clock())
        await self._pace()
        try:
            async with asyncio.timeout(POST_TIMEOUT):
                # discord.py sends enforce_nonce=true with every nonce (2.7: no argument for it).
                message = await channel.send(
                    embeds=embeds,
                    allowed_mentions=NO_MENTIONS,
                    nonce=post_nonce(sub.guild_id, day),
                )
        except discord.HTTPException as exc:  # Discord answered: nothing was posted
            if isinstance(exc, discord.NotFound) and exc.code == UNKNOWN_CHANNEL:
                await self._failed(sub, day, describe(exc, sub.channel_id))
                await self.state.channel_deleted(sub.channel_id)
                return "gone"
            return await self._failed(sub, day, describe(exc, sub.channel_id))
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            # Unknown outcome: keep the claim; the stale-claim rule retries it once.
            await self.state.record_error(sub.guild_id, f"no answer from Discord ({exc!r})")
            return "pending"
        await self.state.mark_posted(sub.guild_id, day, message.id)
        log.info("Guild %s: posted %s in channel %s", sub.guild_id, day, sub.channel_id)
        return "posted"

    async def _failed(self, sub: Subscription, day: date, error: str) -> Outcome:
        paused = await self.state.mark_failed(sub.guild_id, day, error)
        log.warning("Guild %s: daily post of %s failed: %s", sub.guild_id, day, error)
        return "paused" if paused else "failed"

    async def _pace(self) -> None:
        """Start at most `per_second` requests a second for the whole bot: the turns come
        from the state store, which every process of the bot shares (real time).

        A process held up past its turn (a busy loop, a paused machine) would send
        together the requests of several turns, crowding the turns of the others
        after them; so a turn missed by more than one interval is given up for a
        fresh one, at most LATE_TURNS times (then the request goes anyway).
        """
        loop = asyncio.get_running_loop()
        for _ in range(LATE_TURNS):
            delay = await self.state.reserve_turn(REST_TURNS, self._interval)
            turn = loop.time() + delay
            if delay > 0:
                await asyncio.sleep(delay)
            if loop.time() - turn <= self._interval:
                return


def describe(exc: discord.HTTPException, channel_id: int) -> str:
    """A Discord error in words a server manager can act on."""
    detail = exc.text or exc.response.reason or "error"
    if isinstance(exc, discord.Forbidden):
        return (
            f"Discord refused the post in <#{channel_id}> ({exc.status} {detail}): "
            "I need View Channel, Send Messages and Embed Links there."
        )
    if isinstance(exc, discord.NotFound) and exc.code == UNKNOWN_CHANNEL:
        return f"{CHANNEL_DELETED} ({exc.status} {detail})"
    return f"Discord answered {exc.status} {detail}"
