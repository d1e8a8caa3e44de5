"""Discord object payloads: the fixed ids of the default world, snowflakes,
and the users, roles, channels, members and guilds discord.py parses."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import discord

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1_420_070_400_000

# Fixed ids of the default world, so tests can name them.
BOT_ID = 1_100_000_000_000_000_001
GUILD_ID = 1_100_000_000_000_000_100
GENERAL_ID = 1_100_000_000_000_000_101
ANNOUNCEMENTS_ID = 1_100_000_000_000_000_102
ADMIN_ID = 1_100_000_000_000_000_200
MEMBER_ID = 1_100_000_000_000_000_201
MANAGER_ROLE_ID = 1_100_000_000_000_000_300

EVERYONE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    embed_links=True,
    read_message_history=True,
    use_application_commands=True,
).value
MANAGE_GUILD = discord.Permissions(manage_guild=True).value
ALL_PERMISSIONS = discord.Permissions.all().value
APP_PERMISSIONS = EVERYONE_PERMISSIONS

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


_counter = itertools.count(1)


def snowflake() -> int:
    """A fresh, time-ordered Discord snowflake."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_counter) & 0x3FFFFF)


@dataclass
class FakeUser:
    """A Discord user; `payload()` is the user object discord.py parses."""

    id: int
    username: str
    global_name: str | None = None
    bot: bool = False

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class FakeRole:
    """A guild role with a permissions bitfield."""

    id: int
    name: str
    permissions: int = 0
    position: int = 0

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass
class FakeChannel:
    """A guild channel (type 0 text, 2 voice, 4 category, 5 news)."""

    id: int
    name: str
    type: int = 0
    position: int = 0

    def payload(self, guild_id: int | None = None) -> JSON:
        data: JSON = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return data


@dataclass
class FakeAttachment:
    """A file a user attached to a command; the stand-in serves its bytes at `url`, as
    Discord's CDN does, over loopback."""

    id: int
    filename: str
    data: bytes
    content_type: str | None = None
    size: int | None = None  # what the payload claims, when a test needs it to lie

    def payload(self, base_url: str) -> JSON:
        url = f"{base_url}/cdn/attachments/{self.id}/{self.filename}"
        data: JSON = {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data) if self.size is None else self.size,
            "url": url,
            "proxy_url": url,
        }
        if self.content_type is not None:
            data["content_type"] = self.content_type
        return data


@dataclass
class FakeMember:
    """A user's membership of a guild."""

    user: FakeUser
    roles: list[int] = field(default_factory=list)

    def payload(self) -> JSON:
        return {
            "user": self.user.payload(),
            "roles": [str(r) for r in self.roles],
            "flags": 0,
            "joined_at": "2020-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "nick": None,
            "pending": False,
            "avatar": None,
            "premium_since": None,
            "communication_disabled_until": None,
        }


@dataclass
class FakeGuild:
    """A guild as GUILD_CREATE describes it."""

    id: int
    name: str
    owner_id: int
    channels: list[FakeChannel] = field(default_factory=list)
    roles: list[FakeRole] = field(default_factory=list)
    members: list[FakeMember] = field(default_factory=list)

    def channel(self, channel_id: int) -> FakeChannel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def member(self, user_id: int) -> FakeMember | None:
        return next((m for m in self.members if m.user.id == user_id), None)

    def permissions_of(self, member: FakeMember) -> int:
        """Guild-level permissions: the owner has all, others the union of their roles."""
        if member.user.id == self.owner_id:
            return ALL_PERMISSIONS
        value = 0
        for role in self.roles:
            if role.id == self.id or role.id in member.roles:
                value |= role.permissions
        if value & discord.Permissions(administrator=True).value:
            return ALL_PERMISSIONS
        return value

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "large": False,
            "member_count": len(self.members),
            "joined_at": "2020-01-01T00:00:00+00:00",
            "channels": [c.payload() for c in self.channels],
            "roles": [r.payload() for r in self.roles],
            "members": [m.payload() for m in self.members],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "application_id": None,
        }


BOT_USER = FakeUser(BOT_ID, "Almanac", bot=True)
ADMIN_USER = FakeUser(ADMIN_ID, "admin", "Admin")
MEMBER_USER = FakeUser(MEMBER_ID, "member", "Member")


def default_guild() -> FakeGuild:
    """One guild: #general and #announcements, an owner-admin and a plain member."""
    return FakeGuild(
        id=GUILD_ID,
        name="Almanac Test",
        owner_id=ADMIN_ID,
        channels=[
            FakeChannel(GENERAL_ID, "general", position=0),
            FakeChannel(ANNOUNCEMENTS_ID, "announcements", position=1),
        ],
        roles=[
            FakeRole(GUILD_ID, "@everyone", EVERYONE_PERMISSIONS),
            FakeRole(MANAGER_ROLE_ID, "Manager", MANAGE_GUILD, position=1),
        ],
        members=[
            FakeMember(BOT_USER),
            FakeMember(ADMIN_USER, [MANAGER_ROLE_ID]),
            FakeMember(MEMBER_USER),
        ],
    )


def on_shard(snowflake_id: int, shard_id: int, shard_count: int) -> int:
    """The id moved a few milliseconds on, to the first that falls on the shard
    ((id >> 22) % count == shard_id); its low bits keep it unique."""
    millis = snowflake_id >> 22
    millis += (shard_id - millis) % shard_count
    return (millis << 22) | (snowflake_id & 0x3FFFFF)


def make_guild(
    name: str = "Another Guild", channels: int = 1, *, shard: tuple[int, int] | None = None
) -> FakeGuild:
    """A further guild with fresh ids: text channels, the same owner, the plain member;
    with `shard=(id, count)`, on that shard.

    Add it before start with FakeDiscord(guilds=[...]) or later with add_guild().
    """
    guild_id = snowflake() if shard is None else on_shard(snowflake(), *shard)
    return FakeGuild(
        id=guild_id,
        name=name,
        owner_id=ADMIN_ID,
        channels=[FakeChannel(snowflake(), f"channel-{i}", position=i) for i in range(channels)],
        roles=[FakeRole(guild_id, "@everyone", EVERYONE_PERMISSIONS)],
        members=[FakeMember(BOT_USER), FakeMember(ADMIN_USER), FakeMember(MEMBER_USER)],
    )


def iter_components(components: Sequence[JSON]) -> Iterator[JSON]:
    """Every component in a message, action rows flattened."""
    for component in components:
        yield component
        yield from iter_components(component.get("components", []))
