"""Daily posts in Slack: /daily, and the poster that posts each workspace's day once.

A workspace is a server of the state store (db.state.records.slack_key), so the
same subscriptions, claims and post log make a Slack day's post exactly-once as a
Discord one: claim, render, send (chat.postMessage), record. When it is due comes
from the same pure schedule (bot.daily.schedule); what it says from the same
DayPost (bot.daily.content). Only workspace admins and owners, or the users
SLACK_DAILY_MANAGERS names, may change a workspace's daily post.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, Final, Literal

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.answers.errors import UserError
from bot.answers.requests import split_options
from bot.daily.content import EMPTY, POLICY_WORDS, day_post, settings_text
from bot.daily.due import due_day
from bot.daily.schedule import (
    Clock,
    format_time,
    local_date,
    parse_time,
    resolve_zone,
    upcoming,
    zone,
)
from bot.slack_bot.client import slack_error
from bot.slack_bot.render import SlackMessage, daily_message, private
from bot.slack_bot.text import safe
from db.state.records import (
    EmptyDay,
    Subscription,
    is_slack_key,
    slack_id,
    slack_key,
    slack_message_key,
)

if TYPE_CHECKING:
    from bot.slack_bot.app import SlackAlmanac

log = logging.getLogger("almanac.slack.daily")

TICK: Final = 30.0  # seconds between runs: a post goes out at most this late
POST_TIMEOUT: Final = 60.0
# Every daily post carries this metadata event, with its workspace and local day, so a
# retried claim finds a post that went out unrecorded among the channel's last messages.
POST_EVENT: Final = "almanac_daily_post"
HISTORY_LOOKBACK: Final = 50
SET_EXAMPLE: Final = "/daily set 09:00 timezone:Europe/London"
NOT_A_MANAGER: Final = (
    "Only workspace admins and owners (or the users SLACK_DAILY_MANAGERS names) can change"
    " the daily post."
)
USAGE: Final = (
    "`/daily set 09:00 [timezone:Europe/London] [empty:nearest|quote|skip]` (in the channel"
    " to post in), `/daily timezone Europe/London`, `/daily status`, `/daily preview`,"
    " `/daily post-now`, `/daily off`"
)

Outcome = Literal["posted", "found", "skipped", "failed", "pending", "taken"]


class SlackPoster:
    """Posts every due Slack workspace once per local day; safe to run as often as wanted."""

    def __init__(self, almanac: SlackAlmanac, clock: Clock) -> None:
        self.almanac = almanac
        self.clock = clock
        self._lock = asyncio.Lock()  # a run and a post-now never post one workspace at once

    async def run_once(self) -> dict[int, Outcome]:
        """Post every workspace whose post is due now; record days missed while down."""
        state = self.almanac.state
        assert state is not None
        now = self.clock()
        outcomes: dict[int, Outcome] = {}
        async with self._lock:
            for sub in await state.active_subscriptions():
                if not is_slack_key(sub.guild_id):
                    continue  # a Discord server: its own poster's
                try:
                    _, day = await due_day(state, sub, now)
                    if day is not None:
                        outcomes[sub.guild_id] = await self.post(sub, day)
                except Exception:  # one workspace's trouble never stops another's post
                    log.exception("Workspace %s: daily post failed", slack_id(sub.guild_id))
                    outcomes[sub.guild_id] = "failed"
        return outcomes

    async def post_today(self, sub: Subscription) -> tuple[date, Outcome]:
        """Today's post now, unless it went out (/daily post-now): the same claim."""
        day = local_date(self.clock(), zone(sub.timezone))
        async with self._lock:
            return day, await self.post(sub, day, by_hand=True)

    async def post(self, sub: Subscription, day: date, *, by_hand: bool = False) -> Outcome:
        """Claim the day, render it, send it, and record what happened."""
        state = self.almanac.state
        assert state is not None
        if not await state.claim_post(sub.guild_id, day, sub.channel_id, by_hand=by_hand):
            return "taken"
        content = await day_post(self.almanac.store, day, sub.empty_day)
        if content is None:
            await state.mark_skipped(sub.guild_id, day, sub.channel_id, EMPTY)
            return "skipped"
        channel = slack_id(sub.channel_id)
        marker = {"workspace": slack_id(sub.guild_id), "day": day.isoformat()}
        if await self._already_sent(sub, day, channel, marker):
            return "found"
        try:
            async with asyncio.timeout(POST_TIMEOUT):
                metadata = {"event_type": POST_EVENT, "event_payload": marker}
                ts = await self.almanac.post(channel, daily_message(content), metadata)
        except SlackApiError as error:  # Slack answered: nothing was posted
            reason = slack_error(error)
            await state.mark_failed(
                sub.guild_id, day, f"Slack refused the post in <#{channel}> ({reason})"
            )
            return "failed"
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            # Unknown outcome: keep the claim; the stale-claim rule retries it once.
            await state.record_error(sub.guild_id, f"no answer from Slack ({error!r})")
            return "pending"
        await state.mark_posted(sub.guild_id, day, slack_message_key(ts))
        log.info("Workspace %s: posted %s in %s", slack_id(sub.guild_id), day, channel)
        return "posted"

    async def _already_sent(
        self, sub: Subscription, day: date, channel: str, marker: dict[str, str]
    ) -> bool:
        """On a retried claim, find an earlier attempt's post in the channel (ours, with
        this day's metadata) and record it. A first claim cannot have sent anything; a
        history that cannot be read is not fatal (the post is sent)."""
        state = self.almanac.state
        assert state is not None
        record = await state.post_record(sub.guild_id, day)
        if record is None or record.attempts < 2:
            return False
        try:
            async with asyncio.timeout(POST_TIMEOUT):
                ours = await self.almanac.our_bot_id()
                history = await self.almanac.client.conversations_history(
                    channel=channel, limit=HISTORY_LOOKBACK, include_all_metadata=True
                )
        except (SlackApiError, TimeoutError, aiohttp.ClientError, OSError) as error:
            log.warning("Could not read %s's history (%r): posting again", channel, error)
            return False
        for message in history.get("messages") or []:
            meta = message.get("metadata") or {}
            if (
                message.get("bot_id") == ours
                and meta.get("event_type") == POST_EVENT
                and meta.get("event_payload") == marker
            ):
                await state.mark_posted(sub.guild_id, day, slack_message_key(str(message["ts"])))
                log.info("Workspace %s: the post of %s was already sent", marker["workspace"], day)
                return True
        return False

    async def loop(self, tick: float = TICK) -> None:
        """Run every `tick` seconds until cancelled; a bad run never ends the loop."""
        while True:
            try:
                await self.run_once()
            except Exception:
                log.exception("Daily run failed")
            await asyncio.sleep(tick)


async def answer_daily(
    almanac: SlackAlmanac, poster: SlackPoster, text: str, command: dict[str, object]
) -> SlackMessage:
    """/daily's answer (always only for the asker); UserError for a mistake."""
    state = almanac.state
    if state is None:
        raise UserError("Daily posts need the state store, and this bot runs without one.")
    team, user = str(command.get("team_id", "")), str(command.get("user_id", ""))
    channel = str(command.get("channel_id", ""))
    words, options = split_options(text)
    sub_command, _, rest = words.partition(" ")
    server = slack_key(team)
    if sub_command in ("", "help"):
        return private(f"Daily posts: {USAGE}")
    if sub_command not in ("set", "timezone", "status", "preview", "post-now", "off"):
        raise UserError(f"/daily has no {safe(sub_command, 40)!r}. Try: {USAGE}")
    if sub_command != "preview" and not await almanac.may_manage_daily(user):
        raise UserError(NOT_A_MANAGER)
    now = poster.clock()
    if sub_command == "set":
        if not channel.startswith(("C", "G")):
            raise UserError("Run /daily set in the channel to post in.", example=SET_EXAMPLE)
        at = parse_time(rest.strip() or options.get("time", ""))
        name = options.get("timezone") or await state.guild_timezone(server)
        if name is None:
            raise UserError("Which time zone should I use for this workspace?", example=SET_EXAMPLE)
        name = resolve_zone(name)
        policy = _policy(options.get("empty", "nearest"))
        made = await state.subscribe(
            server, channel_id=slack_key(channel), post_time=at, timezone=name, empty_day=policy
        )
        first = upcoming(made, now).astimezone(zone(name))
        return private(
            f"Every day at *{format_time(at)}* ({safe(name)}) I'll post that day's anniversaries"
            f" in <#{channel}>. On a day with none I'll {POLICY_WORDS[policy]}.\n"
            f"Next post: {first:%A %d %B %Y, %H:%M} ({safe(name)})."
        )
    if sub_command == "timezone":
        name = resolve_zone(rest.strip() or options.get("timezone", ""))
        await state.set_guild_timezone(server, name)
        return private(f"This workspace's time zone is now *{safe(name)}*: /onthisday follows it.")
    found = await state.subscription(server)
    if sub_command == "preview":
        name = found.timezone if found else (await state.guild_timezone(server) or "UTC")
        today = local_date(now, zone(name))
        policy = found.empty_day if found else EmptyDay.NEAREST
        content = await day_post(almanac.store, today, policy)
        if content is None:
            return private(f"Nothing in the almanac for {today:%B} {today.day}.")
        preview = daily_message(content)
        preview.ephemeral = True
        return preview
    sub = found
    if sub is None:
        return private(f"Daily posts are not set up here. Start with `{SET_EXAMPLE}`.")
    if sub_command == "off":
        await state.set_enabled(server, False)
        return private("Daily posts are off. `/daily set` turns them on again.")
    if sub_command == "post-now":
        if not sub.active:
            return private("Daily posts are off or paused here. Run `/daily set` first.")
        day, outcome = await poster.post_today(sub)
        return private(_post_now_words(outcome, day, slack_id(sub.channel_id)))
    return private(_status(sub, now))


def _policy(value: str) -> EmptyDay:
    try:
        return EmptyDay(value.strip().lower())
    except ValueError:
        raise UserError(
            f"empty is nearest, quote or skip, not {safe(value, 40)!r}.",
            example="/daily set 09:00 empty:quote",
        ) from None


def _post_now_words(outcome: Outcome, day: date, channel: str) -> str:
    if outcome == "posted":
        return f"Posted today's post ({day:%d %B}) in <#{channel}>."
    if outcome in ("taken", "found"):
        return "Today's post has already gone out (or is going out now)."
    if outcome == "skipped":
        return "Nothing in the almanac today, and the policy is to post nothing."
    return f"Nothing was posted: see `/daily status` ({outcome})."


def _status(sub: Subscription, now: datetime) -> str:
    lines = [f"*Daily posts:* {settings_text(sub, f'<#{slack_id(sub.channel_id)}>')}"]
    if sub.active:  # a paused subscription's zone may be one this machine does not know
        where = zone(sub.timezone)
        lines.append(f"*Next post:* {upcoming(sub, now).astimezone(where):%A %d %B, %H:%M}")
    if sub.last is not None:
        lines.append(f"*Last day:* {sub.last.local_date:%A %d %B} — {sub.last.status}")
    if sub.last_error:
        lines.append(f"*Last error:* {safe(sub.last_error, 500)}")
    if sub.paused_reason:
        lines.append(
            f"*Paused:* {safe(sub.paused_reason, 200)}. Fix it, then run `/daily set` to resume."
        )
    elif not sub.enabled:
        lines.append("Turned off with `/daily off`; `/daily set` turns it on again.")
    return "\n".join(lines)
