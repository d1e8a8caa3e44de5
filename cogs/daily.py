"""/daily: a server's daily anniversary post, and the loop that posts it.

The loop ticks every TICK seconds (posts go out at most that late) and asks the
Poster what is due; the Poster's claims make a tick, a manual `run_now` and a
second process all safe together. The clock is `bot.clock` when the bot has
one (tests set a fake one), else real UTC now, read at every tick.

/daily preview answers ephemerally: a manager can see tomorrow's look without
posting in the channel or using up the day's one post.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, timedelta, tzinfo
from typing import Final

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.answers.errors import UserError
from bot.daily.content import POLICY_WORDS, settings_text
from bot.daily.schedule import (
    complete_zones,
    format_time,
    parse_time,
    resolve_zone,
    upcoming,
    zone,
)
from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.daily import Outcome, Poster, RunReport, build_post
from bot.discord_bot.replies import reply
from bot.discord_bot.tree import permission_label
from db.state.backend import StateBackend
from db.state.records import EmptyDay, PostRecord, Subscription, is_slack_key, retry_at

log = logging.getLogger("almanac.daily")
# How long a server must be missing from every READY before its settings are forgotten.
ABSENCE_GRACE = timedelta(days=7)

TICK: Final = 30.0
SET_EXAMPLE: Final = "/daily set channel: #general time: 09:00 timezone: Europe/London"
NEEDED: Final = ("view_channel", "send_messages", "embed_links")
EMPTY_DAY_CHOICES: Final = [
    app_commands.Choice(name=POLICY_WORDS[policy], value=policy.value) for policy in EmptyDay
]

Interaction = discord.Interaction[AlmanacBot]


def state_of(bot: AlmanacBot) -> StateBackend:
    """The bot's state store; daily posts cannot work without one."""
    if bot.state is None:
        raise RuntimeError("daily posts need a state store (bot.state)")
    return bot.state


def manager(interaction: Interaction) -> tuple[discord.Guild, discord.Member]:
    """The guild and the member, refusing DMs and members without Manage Server.

    Discord hides the commands from them already (guild_only, default
    permissions), but a server can override that, so the bot checks too.
    """
    guild, member = interaction.guild, interaction.user
    if guild is None or not isinstance(member, discord.Member):
        raise app_commands.NoPrivateMessage()
    if not member.guild_permissions.manage_guild:
        raise app_commands.MissingPermissions(["manage_guild"])
    return guild, member


def check_can_post(channel: discord.TextChannel, guild: discord.Guild) -> None:
    """UserError unless the bot may view, send and embed in the channel."""
    perms = channel.permissions_for(guild.me)
    missing = [p for p in NEEDED if not getattr(perms, p)]
    if missing:
        labels = ", ".join(permission_label(p) for p in missing)
        raise UserError(
            f"I can't post in {channel.mention}: I need the {labels} permission there. "
            "Nothing was saved.",
            example=SET_EXAMPLE,
        )


def discord_time(moment: datetime) -> str:
    """`<t:…:F>` (`<t:…:R>`): each reader sees it in their own locale and zone."""
    return f"{discord.utils.format_dt(moment, 'F')} ({discord.utils.format_dt(moment, 'R')})"


def local_words(moment: datetime, where: tzinfo, name: str) -> str:
    """'Tuesday 16 June 2026, 09:00 MSK (Europe/Moscow)'."""
    local = moment.astimezone(where)
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M} {local.tzname() or ''} ({name})".replace(
        "  ", " "
    )


def when_words(moment: datetime, now: datetime, where: tzinfo, name: str) -> str:
    """'due now (within a minute)' for a past instant, else its local time and <t:…>."""
    if moment <= now:
        return f"due now (within {int(TICK)} seconds)"
    return f"{local_words(moment, where, name)} — {discord_time(moment)}"


class DailyCog(commands.Cog, name="Daily"):
    """Daily anniversary posts: the settings commands and the posting loop."""

    daily = app_commands.Group(
        name="daily",
        description="Post each day's anniversaries in a channel",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot
        self._run_lock = asyncio.Lock()
        self._poster: Poster | None = None

    async def cog_load(self) -> None:
        """Start the loop; without a state store there is nothing to post (commands say so)."""
        if not self.bot.serving:
            return  # `almanac sync`: it only uploads the commands
        if self.bot.state is not None:
            self.tick.start()
        else:
            log.warning("bot.state is not set: daily posts will not run")

    async def cog_unload(self) -> None:
        """Stop the loop (at shutdown too), saying so in the log."""
        if self.tick.is_running():
            log.info("Daily posts stopping")
        self.tick.cancel()

    async def interaction_check(self, interaction: Interaction) -> bool:  # type: ignore[override]
        """Refuse DMs and non-managers before discord.py converts any option.

        Checks run before option conversion, so a DM gets "only in a server"
        rather than a complaint about the channel option it cannot resolve.
        """
        manager(interaction)
        return True

    # -- the loop ---------------------------------------------------------------

    def poster(self) -> Poster:
        """One Poster for the cog's life (it remembers the posts in flight)."""
        if self._poster is None:
            self._poster = Poster(
                self.bot,
                self.bot.store,
                state_of(self.bot),
                lambda: self.bot.clock(),
                serves=self.bot.serves,
            )
        return self._poster

    async def run_now(self) -> RunReport:
        """One run of the poster; runs never overlap (a tick waits for a manual run)."""
        async with self._run_lock:
            return await self.poster().run_once()

    @tasks.loop(seconds=TICK)
    async def tick(self) -> None:
        # The loop's own task reads on the store's own connection: a burst of user
        # commands on the shared readers never delays the day's posts.
        self.bot.store.use_own_connection()
        try:
            await self.run_now()
        except Exception:  # one bad run must not end the loop
            log.exception("Daily run failed")

    @tick.before_loop
    async def _before_tick(self) -> None:
        await self.bot.wait_until_ready()

    # -- cleanup ------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server: forget its settings (only the owning bot's removal)."""
        state = state_of(self.bot)
        if self.bot.user is not None and await state.is_owner(self.bot.user.id):
            await state.remove_guild(guild.id)

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Note the servers that READY leaves out; forget them after a grace period.

        No GUILD_DELETE reaches a bot that is not connected, so READY is the only sign
        that a server removed the bot while it was offline; but a READY can also leave
        servers out for other reasons (another bot's token on this state file, an
        outage), so a server is forgotten only after ABSENCE_GRACE of absence, and
        only by the bot that owns the state file. With shards, each READY lists only its
        shard's servers: nothing is inferred.
        """
        if (self.bot.shard_count or 1) > 1 or self.bot.user is None:
            return
        state = state_of(self.bot)
        if not await state.is_owner(self.bot.user.id):
            log.warning("The state store belongs to another bot user: no server is forgotten")
            return
        present = {guild.id for guild in self.bot.guilds}
        # Slack workspaces in the same store are never in Discord's READY: not absent.
        present |= {g for g in await state.guilds_with_settings() if is_slack_key(g)}
        gone = await state.mark_absent(present, ABSENCE_GRACE)
        if gone:
            log.info("Forgot %d servers absent for %s", len(gone), ABSENCE_GRACE)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        """The post channel is gone: pause its subscription, status says why."""
        guilds = await state_of(self.bot).channel_deleted(channel.id)
        if guilds:
            log.info("Channel %s deleted: daily posts paused in %s", channel.id, guilds)

    # -- commands -----------------------------------------------------------------

    @daily.command(name="set", description="Post each day's anniversaries in a channel")
    @app_commands.rename(post_time="time")
    @app_commands.describe(
        channel="Where to post",
        post_time="Local time of day, e.g. 09:00, 9am or 21:30",
        timezone="IANA time zone, e.g. Europe/London (default: the server's)",
        empty_day="What to post on a day with no anniversary (default: the nearest one)",
    )
    @app_commands.choices(empty_day=EMPTY_DAY_CHOICES)
    async def set_daily(
        self,
        interaction: Interaction,
        channel: discord.TextChannel,
        post_time: app_commands.Range[str, 1, 20],
        timezone: app_commands.Range[str, 1, 64] | None = None,
        empty_day: app_commands.Choice[str] | None = None,
    ) -> None:
        """Validate everything first; save all of it in one transaction or nothing."""
        guild, _ = manager(interaction)
        state = state_of(self.bot)
        at = parse_time(post_time)
        name = await self._zone_for(guild.id, timezone)
        check_can_post(channel, guild)
        policy = _policy(empty_day.value if empty_day else "")
        sub = await state.subscribe(
            guild.id, channel_id=channel.id, post_time=at, timezone=name, empty_day=policy
        )
        now = self.bot.clock()
        first = upcoming(sub, now)
        await reply(
            interaction,
            content=(
                f"Every day at **{format_time(at)}** ({name}) I'll post that day's anniversaries "
                f"in {channel.mention}. On a day with none I'll {POLICY_WORDS[policy]}.\n"
                f"Next post: {when_words(first, now, zone(name), name)}."
            ),
            ephemeral=True,
        )

    async def _zone_for(self, guild_id: int, typed: str | None) -> str:
        if typed is not None and typed.strip():
            return resolve_zone(typed)
        known = await state_of(self.bot).guild_timezone(guild_id)
        if known is None:
            raise UserError("Which time zone should I use for this server?", example=SET_EXAMPLE)
        return known

    @daily.command(name="off", description="Stop the daily post (the settings are kept)")
    async def off(self, interaction: Interaction) -> None:
        guild, _ = manager(interaction)
        stopped = await state_of(self.bot).set_enabled(guild.id, False)
        text = (
            "Daily posts are off. `/daily set` turns them on again."
            if stopped
            else "Daily posts were not set up here."
        )
        await reply(interaction, content=text, ephemeral=True)

    @daily.command(
        name="status", description="When the next daily post comes and how the last went"
    )
    async def status(self, interaction: Interaction) -> None:
        guild, _ = manager(interaction)
        state = state_of(self.bot)
        sub = await state.subscription(guild.id)
        if sub is None:
            await reply(interaction, content=await self._no_subscription(guild.id), ephemeral=True)
            return
        now = self.bot.clock()
        lines = _status_lines(sub, now, await state.last_post(guild.id), guild.id)
        await reply(interaction, content="\n".join(lines), ephemeral=True)

    async def _no_subscription(self, guild_id: int) -> str:
        name = await state_of(self.bot).guild_timezone(guild_id)
        where = f"This server's time zone is {name}." if name else ""
        return f"Daily posts are not set up here. {where}\nStart with `{SET_EXAMPLE}`.".replace(
            ".  ", ". "
        )

    @daily.command(name="post-now", description="Post today's post now if it has not gone out yet")
    async def post_now(self, interaction: Interaction) -> None:
        """Today's post through the poster's own claim: never a second post of a day."""
        guild, _ = manager(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        state = state_of(self.bot)
        sub = await state.subscription(guild.id)
        if sub is None:
            await reply(interaction, content=await self._no_subscription(guild.id), ephemeral=True)
            return
        if not sub.active:
            why = sub.paused_reason or "turned off with `/daily off`"
            await reply(
                interaction,
                content=f"Daily posts are paused ({why}). Run `/daily set` first.",
                ephemeral=True,
            )
            return
        async with self._run_lock:  # not beside a scheduled run of the same server
            day, outcome = await self.poster().post_today(sub)
        record = await state.post_record(guild.id, day)
        text = _post_now_words(outcome, record, guild.id, sub.channel_id)
        await reply(interaction, content=text, ephemeral=True)

    @daily.command(name="preview", description="See today's post now (only you see it)")
    async def preview(self, interaction: Interaction) -> None:
        guild, _ = manager(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        sub = await state_of(self.bot).subscription(guild.id)
        name = sub.timezone if sub else await self._preview_zone(guild.id)
        today = self.bot.clock().astimezone(zone(name)).date()
        policy = sub.empty_day if sub else EmptyDay.NEAREST
        embeds = await build_post(self.bot.store, today, policy)
        if embeds is None:
            await reply(interaction, content=_nothing_today(today), ephemeral=True)
            return
        await reply(interaction, embeds=embeds, ephemeral=True)

    async def _preview_zone(self, guild_id: int) -> str:
        """Without a subscription: the server's zone, else the bot's default."""
        known = await state_of(self.bot).guild_timezone(guild_id)
        return known or self.bot.settings.timezone

    @daily.command(name="timezone", description="Set this server's time zone (also for /onthisday)")
    @app_commands.describe(timezone="IANA time zone, e.g. Europe/London")
    async def timezone(
        self, interaction: Interaction, timezone: app_commands.Range[str, 1, 64]
    ) -> None:
        guild, _ = manager(interaction)
        name = resolve_zone(timezone)
        state = state_of(self.bot)
        await state.set_guild_timezone(guild.id, name)
        sub = await state.subscription(guild.id)
        text = f"This server's time zone is now **{name}**: /onthisday's today follows it."
        if sub is not None and sub.enabled:
            moment = upcoming(sub, self.bot.clock())
            text += (
                f"\nThe daily post stays at {format_time(sub.post_time)} local time: "
                f"next {discord_time(moment)}."
            )
        await reply(interaction, content=text, ephemeral=True)

    @set_daily.autocomplete("timezone")
    @timezone.autocomplete("timezone")
    async def _complete_zone(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=n, value=n) for n in complete_zones(current)]


def _policy(value: str) -> EmptyDay:
    """The policy a choice names; anything else is the default."""
    try:
        return EmptyDay(value)
    except ValueError:
        return EmptyDay.NEAREST


def _nothing_today(today: date) -> str:
    return f"Nothing in the almanac for {today:%B} {today.day}, and the policy is to post nothing."


def _status_lines(
    sub: Subscription, now: datetime, last_posted: PostRecord | None, guild_id: int
) -> list[str]:
    """The /daily status text: settings, next post, last post, last error, pause."""
    lines = [f"**Daily posts:** {settings_text(sub, f'<#{sub.channel_id}>')}"]
    if sub.active:  # a paused subscription's zone may be one this machine does not know
        where = zone(sub.timezone)
        lines.append(f"**Next post:** {when_words(upcoming(sub, now), now, where, sub.timezone)}")
    lines.append(f"**Last post:** {_last_line(last_posted, guild_id)}")
    if sub.last is not None and sub.last.status != "posted":
        lines.append(f"**{_day_words(sub.last.local_date)}:** {_unposted_line(sub.last)}")
    if sub.last_error:
        at = f" ({discord_time(sub.last_error_at)})" if sub.last_error_at else ""
        lines.append(f"**Last error:** {sub.last_error}{at}")
    if sub.paused_reason:
        lines.append(
            f"**Paused:** {sub.paused_reason}. Fix it, then run `/daily set` again to resume."
        )
    elif not sub.enabled:
        lines.append("Turned off with `/daily off`; `/daily set` turns it on again.")
    return lines


def _post_now_words(
    outcome: Outcome, record: PostRecord | None, guild_id: int, channel_id: int
) -> str:
    """What /daily post-now did, in one or two sentences."""
    if record is not None and record.status == "posted":
        link = jump_link(guild_id, record)
        if outcome == "posted":
            return f"Posted today's post in <#{channel_id}>: {link}"
        return f"Today's post had already gone out: {link}"
    if outcome == "waiting":
        return "I can't see this server yet (still connecting). Try again in a minute."
    if outcome == "gone":
        return f"<#{channel_id}> is gone. Choose another channel with `/daily set`."
    if record is None:
        return "Nothing was posted."
    return f"Nothing new was posted. {_day_words(record.local_date)}: {_unposted_line(record)}"


def _day_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def jump_link(guild_id: int, record: PostRecord) -> str:
    """The link that opens a posted message; the channel alone if its id is unknown."""
    channel = f"https://discord.com/channels/{guild_id}/{record.channel_id}"
    return channel if record.message_id is None else f"{channel}/{record.message_id}"


def _last_line(last_posted: PostRecord | None, guild_id: int) -> str:
    if last_posted is None:
        return "none yet"
    return f"{_day_words(last_posted.local_date)} — {jump_link(guild_id, last_posted)}"


def _unposted_line(record: PostRecord) -> str:
    """What became of a day that has no confirmed post, and whether it is tried again."""
    retry = retry_at(record)
    again = f" I'll try again at {discord_time(retry)}." if retry is not None else ""
    if record.status == "skipped":
        return f"nothing posted: {record.detail or 'skipped'}."
    if record.status == "failed":
        return f"failed: {record.detail or 'Discord refused the post'}.{again}"
    if retry is not None:
        return (
            f"not confirmed: a post was started {discord_time(record.at)} and Discord's answer"
            f" never came back.{again.replace('try again', 'look for it in the channel')}"
        )
    return (
        "not confirmed: the post was tried twice without an answer from Discord, so I gave"
        " the day up. Look in the channel; `/daily post-now` posts it if it is missing."
    )


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(DailyCog(bot))


__all__ = ["DailyCog", "setup"]
