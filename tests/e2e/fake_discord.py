"""A loopback stand-in for Discord's REST API v10 and gateway.

The real discord.py client logs in, connects, receives guilds and interactions
and answers them against this server, so end-to-end tests exercise the same
code paths as production without the internet. Payload shapes follow what
discord.py 2.7.1 parses (state.py, interactions.py, http.py, gateway.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
import discord
from aiohttp import web
from discord.ext import commands

from bot.discord_app import AlmanacBot, use_endpoints

JSON = dict[str, Any]
T = TypeVar("T")
BotT = TypeVar("BotT", bound=discord.Client)

DISCORD_EPOCH_MS = 1_420_070_400_000
API_PREFIX = "/api/v10"

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

BODY: web.RequestKey[Any] = web.RequestKey("almanac_body", object)  # the parsed JSON body

POLL = 0.02
MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7


class BotCrashedError(AssertionError):
    """The task running the bot ended while a test was waiting on it."""


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


_counter = itertools.count(1)


def snowflake() -> int:
    """A fresh, time-ordered Discord snowflake."""
    millis = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (millis << 22) | (next(_counter) & 0x3FFFFF)


# ---------------------------------------------------------------- the world


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


def make_guild(name: str = "Another Guild", channels: int = 1) -> FakeGuild:
    """A further guild with fresh ids: text channels, the same owner, the plain member.

    Add it before start with FakeDiscord(guilds=[...]) or later with add_guild().
    """
    guild_id = snowflake()
    return FakeGuild(
        id=guild_id,
        name=name,
        owner_id=ADMIN_ID,
        channels=[FakeChannel(snowflake(), f"channel-{i}", position=i) for i in range(channels)],
        roles=[FakeRole(guild_id, "@everyone", EVERYONE_PERMISSIONS)],
        members=[FakeMember(BOT_USER), FakeMember(ADMIN_USER), FakeMember(MEMBER_USER)],
    )


# ------------------------------------------------------------------ records


@dataclass
class RecordedRequest:
    """One REST request as the stand-in saw it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    time: float
    status: int = 0


@dataclass
class SentInteraction:
    """An interaction the stand-in delivered; pass it to the wait_for_* helpers."""

    id: int
    token: str
    payload: JSON


@dataclass
class _InteractionState:
    sent: SentInteraction
    channel_id: int
    guild_id: int | None
    source_message_id: int | None = None
    callback: JSON | None = None
    original_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)
    expired: bool = False


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    seq: int = 0
    session_id: str = ""
    identify: JSON | None = None
    shard: list[int] | None = None

    async def send(self, payload: JSON) -> None:
        async with self.lock:
            await self.ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: Any) -> None:
        async with self.lock:
            self.seq += 1
            payload = {"op": 0, "t": event, "s": self.seq, "d": data}
            await self.ws.send_str(json.dumps(payload))


def json_response(
    data: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    """JSON with Content-Type exactly application/json: discord.py rejects a charset."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        content_type="application/json",
        headers=dict(headers or {}),
    )


def _error(status: int, message: str, code: int) -> web.Response:
    return json_response({"message": message, "code": code}, status=status)


def _iid(interaction: SentInteraction | int) -> int:
    return interaction.id if isinstance(interaction, SentInteraction) else interaction


def iter_components(components: Sequence[JSON]) -> Iterator[JSON]:
    """Every component in a message, action rows flattened."""
    for component in components:
        yield component
        yield from iter_components(component.get("components", []))


# ------------------------------------------------------------------- server


class FakeDiscord:
    """Discord's REST API and gateway on 127.0.0.1, with knobs and a request log."""

    def __init__(self, guilds: Sequence[FakeGuild] | None = None, bot_user: FakeUser = BOT_USER):
        self.bot_user = bot_user
        self.application_id = bot_user.id
        self.guilds: dict[int, FakeGuild] = {
            g.id: g for g in (guilds if guilds is not None else [default_guild()])
        }
        self.users: dict[int, FakeUser] = {
            m.user.id: m.user for g in self.guilds.values() for m in g.members
        }
        self.dm_channels: dict[int, int] = {}  # channel id -> recipient user id
        # What the bot did.
        self.requests: list[RecordedRequest] = []
        self.unknown_routes: list[RecordedRequest] = []
        self.errors: list[str] = []  # handler exceptions: requests the stand-in could not parse
        self.identifies: list[JSON] = []
        self.messages: dict[int, JSON] = {}
        self.channel_posts: dict[int, list[int]] = {}
        self.global_commands: list[JSON] = []
        self.guild_commands: dict[int, list[JSON]] = {}
        self.rate_limited_count = 0
        # Knobs.
        self.channel_errors: dict[int, int] = {}
        self._rate_limit: tuple[int, float] | None = None
        self._window: deque[float] = deque()
        # Internals.
        self._interactions: dict[int, _InteractionState] = {}
        self._by_token: dict[str, _InteractionState] = {}
        self._connections: list[_Connection] = []
        self._changed = asyncio.Event()
        self._watched: list[asyncio.Task[Any]] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application(middlewares=[self._record_middleware])
        self._add_routes(app)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close every gateway connection, then the server."""
        for conn in list(self._connections):
            await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """What `discord.http.Route.BASE` (Settings.api_base) must be."""
        return f"{self.base_url}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What `DiscordWebSocket.DEFAULT_GATEWAY` (Settings.gateway) must be."""
        return f"ws://127.0.0.1:{self.port}/gateway/"

    # -- knobs -------------------------------------------------------------

    def fail_channel(self, channel_id: int, status: int | None) -> None:
        """Make message posts to a channel answer 403 or 404 (None: succeed again)."""
        if status is None:
            self.channel_errors.pop(channel_id, None)
        elif status in (403, 404):
            self.channel_errors[channel_id] = status
        else:
            raise ValueError("status must be 403, 404 or None")

    def set_rate_limit(self, per_window: int | None, window: float = 1.0) -> None:
        """Enforce a global REST limit of `per_window` requests per `window` seconds."""
        self._rate_limit = None if per_window is None else (per_window, window)
        self._window.clear()

    def expire_interaction(self, interaction: SentInteraction | int) -> None:
        """Act as if the interaction's token ran out (3 s / 15 min)."""
        self._interactions[_iid(interaction)].expired = True

    def watch(self, task: asyncio.Task[Any]) -> None:
        """Make every wait_* fail fast if this task (the bot) ends."""
        self._watched.append(task)

    # -- routes ------------------------------------------------------------

    def _add_routes(self, app: web.Application) -> None:
        p = API_PREFIX
        r = app.router
        r.add_get("/gateway/", self._gateway)
        r.add_get("/gateway", self._gateway)
        r.add_get(p + "/users/@me", self._get_me)
        r.add_post(p + "/users/@me/channels", self._create_dm)
        r.add_get(p + "/oauth2/applications/@me", self._get_application)
        r.add_get(p + "/gateway", self._get_gateway)
        r.add_get(p + "/gateway/bot", self._get_gateway_bot)
        for prefix in ("/applications/{app}", "/applications/{app}/guilds/{guild}"):
            r.add_get(p + prefix + "/commands", self._get_commands)
            r.add_put(p + prefix + "/commands", self._put_commands)
            r.add_post(p + prefix + "/commands", self._post_command)
            r.add_delete(p + prefix + "/commands/{command}", self._delete_command)
        r.add_post(p + "/interactions/{id}/{token}/callback", self._interaction_callback)
        r.add_post(p + "/webhooks/{app}/{token}", self._followup)
        r.add_get(p + "/webhooks/{app}/{token}/messages/{message}", self._get_webhook_message)
        r.add_patch(p + "/webhooks/{app}/{token}/messages/{message}", self._edit_webhook_message)
        r.add_delete(p + "/webhooks/{app}/{token}/messages/{message}", self._delete_webhook_message)
        r.add_get(p + "/channels/{channel}", self._get_channel)
        r.add_post(p + "/channels/{channel}/messages", self._post_channel_message)
        r.add_patch(p + "/channels/{channel}/messages/{message}", self._edit_channel_message)
        r.add_delete(p + "/channels/{channel}/messages/{message}", self._delete_channel_message)
        r.add_get(p + "/guilds/{guild}/channels", self._get_guild_channels)
        r.add_route("*", "/{tail:.*}", self._unknown)

    @web.middleware
    async def _record_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Log every REST request, apply the rate limit, then route it."""
        if request.path.startswith("/gateway"):
            return await handler(request)
        record = RecordedRequest(
            method=request.method,
            path=request.path.removeprefix(API_PREFIX),
            query=dict(request.query),
            json=await self._read_json(request),
            time=time.monotonic(),
        )
        request[BODY] = record.json
        self.requests.append(record)
        response = self._rate_limited(record.path) or await self._handle(request, handler, record)
        record.status = response.status
        self._notify()
        return response

    async def _handle(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
        record: RecordedRequest,
    ) -> web.StreamResponse:
        """Route; a request the stand-in cannot parse is a 400, so the bot fails fast
        instead of retrying a 5xx."""
        try:
            return await handler(request)
        except Exception as exc:
            self.errors.append(f"{record.method} {record.path}: {exc!r}")
            return _error(400, f"Invalid Form Body: {exc!r}", 50035)

    async def _read_json(self, request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            payload: Any = None
            async for part in reader:
                if isinstance(part, aiohttp.BodyPartReader) and part.name == "payload_json":
                    payload = json.loads(await part.text())
                elif isinstance(part, aiohttp.BodyPartReader):
                    await part.read()
            return payload
        text = await request.text()
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text

    def _rate_limited(self, path: str) -> web.Response | None:
        """A global 429 when over the limit; interaction endpoints are exempt, as on Discord."""
        if self._rate_limit is None or path.startswith(("/interactions/", "/webhooks/")):
            return None
        limit, window = self._rate_limit
        now = time.monotonic()
        while self._window and now - self._window[0] >= window:
            self._window.popleft()
        if len(self._window) < limit:
            self._window.append(now)
            return None
        retry_after = max(window - (now - self._window[0]), 0.01)
        self.rate_limited_count += 1
        headers = {
            "Retry-After": str(math.ceil(retry_after)),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "Via": "1.1 google",  # discord.py treats a 429 without Via as a Cloudflare ban
        }
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": True,
        }
        return json_response(body, status=429, headers=headers)

    async def _unknown(self, request: web.Request) -> web.Response:
        self.unknown_routes.append(self.requests[-1])
        return _error(404, "Unknown", 0)

    async def _get_me(self, request: web.Request) -> web.Response:
        me = self.bot_user.payload() | {"verified": True, "mfa_enabled": False, "flags": 0}
        return json_response(me)

    async def _get_application(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": ADMIN_USER.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "summary": "",
                "rpc_origins": [],
                "bot": self.bot_user.payload(),
            }
        )

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self.gateway_url.rstrip("/")})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        body = {"url": self.gateway_url.rstrip("/"), "shards": 1, "session_start_limit": limit}
        return json_response(body)

    async def _create_dm(self, request: web.Request) -> web.Response:
        user_id = int(request[BODY]["recipient_id"])
        return json_response(self._dm_channel_payload(user_id))

    # -- application commands ---------------------------------------------

    def _command_list(self, request: web.Request) -> list[JSON]:
        guild = request.match_info.get("guild")
        if guild is None:
            return self.global_commands
        return self.guild_commands.setdefault(int(guild), [])

    def _stamp_command(self, request: web.Request, command: JSON, existing: Sequence[JSON]) -> JSON:
        previous = next((c for c in existing if c["name"] == command["name"]), None)
        stamped = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            **command,
            "id": previous["id"] if previous else str(snowflake()),
            "application_id": str(self.application_id),
            "version": str(snowflake()),
        }
        if "guild" in request.match_info:
            stamped["guild_id"] = request.match_info["guild"]
        return stamped

    async def _get_commands(self, request: web.Request) -> web.Response:
        return json_response(self._command_list(request))

    async def _put_commands(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        stamped = [self._stamp_command(request, c, current) for c in request[BODY]]
        current[:] = stamped
        return json_response(stamped)

    async def _post_command(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        command = self._stamp_command(request, request[BODY], current)
        current[:] = [c for c in current if c["name"] != command["name"]] + [command]
        return json_response(command, status=201)

    async def _delete_command(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        current[:] = [c for c in current if c["id"] != request.match_info["command"]]
        return web.Response(status=204)

    # -- messages ----------------------------------------------------------

    def _create_message(self, channel_id: int, body: Mapping[str, Any], flags: int = 0) -> JSON:
        message: JSON = {
            "id": str(snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": bool(body.get("tts", False)),
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags,
        }
        guild = self._guild_of_channel(channel_id)
        if guild is not None:
            message["guild_id"] = str(guild.id)
        self.messages[int(message["id"])] = message
        return message

    def _edit_message(self, message: JSON, body: Mapping[str, Any]) -> JSON:
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        message["flags"] = int(message.get("flags", 0)) & ~MESSAGE_FLAG_LOADING
        message["edited_timestamp"] = _now_iso()
        return message

    def _guild_of_channel(self, channel_id: int) -> FakeGuild | None:
        return next((g for g in self.guilds.values() if g.channel(channel_id)), None)

    def _channel_payload(self, channel_id: int) -> JSON | None:
        guild = self._guild_of_channel(channel_id)
        if guild is not None:
            channel = guild.channel(channel_id)
            assert channel is not None
            return channel.payload(guild.id)
        if channel_id in self.dm_channels:
            return self._dm_channel_payload(self.dm_channels[channel_id])
        return None

    def _dm_channel_payload(self, user_id: int) -> JSON:
        channel_id = next((c for c, u in self.dm_channels.items() if u == user_id), None)
        if channel_id is None:
            channel_id = snowflake()
            self.dm_channels[channel_id] = user_id
        user = self.users.get(user_id) or FakeUser(user_id, f"user{user_id}")
        return {
            "id": str(channel_id),
            "type": 1,
            "recipients": [user.payload()],
            "last_message_id": None,
            "flags": 0,
        }

    async def _get_channel(self, request: web.Request) -> web.Response:
        payload = self._channel_payload(int(request.match_info["channel"]))
        if payload is None:
            return _error(404, "Unknown Channel", 10003)
        return json_response(payload)

    async def _get_guild_channels(self, request: web.Request) -> web.Response:
        guild = self.guilds.get(int(request.match_info["guild"]))
        if guild is None:
            return _error(404, "Unknown Guild", 10004)
        return json_response([c.payload(guild.id) for c in guild.channels])

    async def _post_channel_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        status = self.channel_errors.get(channel_id)
        if status == 403:
            return _error(403, "Missing Permissions", 50013)
        if status == 404 or self._channel_payload(channel_id) is None:
            return _error(404, "Unknown Channel", 10003)
        body = request[BODY] or {}
        message = self._create_message(channel_id, body, int(body.get("flags", 0)))
        self.channel_posts.setdefault(channel_id, []).append(int(message["id"]))
        return json_response(message)

    def _channel_message(self, request: web.Request) -> JSON | None:
        message = self.messages.get(int(request.match_info["message"]))
        if message is None or message["channel_id"] != request.match_info["channel"]:
            return None
        return message

    async def _edit_channel_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(self._edit_message(message, request[BODY] or {}))

    async def _delete_channel_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        del self.messages[int(message["id"])]
        return web.Response(status=204)

    # -- interactions: callback and webhooks -------------------------------

    async def _interaction_callback(self, request: web.Request) -> web.Response:
        """Record the first answer to an interaction; refuse a second, as Discord does."""
        state = self._interactions.get(int(request.match_info["id"]))
        if state is None or state.sent.token != request.match_info["token"] or state.expired:
            return _error(404, "Unknown interaction", 10062)
        if state.callback is not None:
            return _error(400, "Interaction has already been acknowledged.", 40060)
        body: JSON = request[BODY]
        state.callback = body
        kind = int(body["type"])
        data = body.get("data") or {}
        message: JSON | None = None
        if kind == 4:  # CHANNEL_MESSAGE_WITH_SOURCE
            message = self._create_message(state.channel_id, data, int(data.get("flags", 0)))
            state.original_id = int(message["id"])
        elif kind == 5:  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
            flags = int(data.get("flags", 0)) | MESSAGE_FLAG_LOADING
            message = self._create_message(state.channel_id, {}, flags)
            state.original_id = int(message["id"])
        elif kind in (6, 7) and state.source_message_id is not None:  # component updates
            message = self.messages[state.source_message_id]
            if kind == 7:
                self._edit_message(message, data)
            state.original_id = state.source_message_id
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return web.Response(status=204)
        info: JSON = {"id": str(state.sent.id), "type": state.sent.payload["type"]}
        resource: JSON = {"type": kind}
        if message is not None:
            info["response_message_id"] = message["id"]
            info["response_message_loading"] = kind == 5
            info["response_message_ephemeral"] = bool(message["flags"] & MESSAGE_FLAG_EPHEMERAL)
            resource["message"] = message
        return json_response({"interaction": info, "resource": resource})

    def _webhook_state(self, request: web.Request) -> _InteractionState | None:
        state = self._by_token.get(request.match_info["token"])
        if state is None or state.expired:
            return None
        return state

    def _webhook_message(self, request: web.Request, state: _InteractionState) -> JSON | None:
        wanted = request.match_info["message"]
        if wanted == "@original":
            return None if state.original_id is None else self.messages.get(state.original_id)
        mine = [state.original_id, *state.followup_ids]
        return self.messages.get(int(wanted)) if int(wanted) in mine else None

    async def _followup(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        if state is None:
            return _error(404, "Unknown Webhook", 10015)
        if state.callback is None:
            return _error(400, "Interaction has not been acknowledged.", 40060)
        body = request[BODY] or {}
        original = self.original(state.sent.id)
        if original is not None and original["flags"] & MESSAGE_FLAG_LOADING:
            # As on Discord: the first followup after a "thinking" defer replaces it.
            message = self._edit_message(original, body)
        else:
            message = self._create_message(state.channel_id, body, int(body.get("flags", 0)))
            message["webhook_id"] = str(self.application_id)
        state.followup_ids.append(int(message["id"]))
        return json_response(message)

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        message = None if state is None else self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(message)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        if state is None:
            return _error(404, "Unknown Webhook", 10015)
        message = self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(self._edit_message(message, request[BODY] or {}))

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        message = None if state is None else self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        del self.messages[int(message["id"])]
        return web.Response(status=204)

    # -- gateway -----------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """HELLO, then answer heartbeats, IDENTIFY (READY + GUILD_CREATEs) and RESUME."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        conn = _Connection(ws)
        self._connections.append(conn)
        try:
            await conn.send({"op": 10, "s": None, "t": None, "d": {"heartbeat_interval": 41250}})
            async for msg in ws:
                if msg.type is aiohttp.WSMsgType.TEXT:
                    await self._on_gateway_op(conn, json.loads(msg.data))
        finally:
            self._connections.remove(conn)
            self._notify()
        return ws

    async def _on_gateway_op(self, conn: _Connection, payload: JSON) -> None:
        op = payload.get("op")
        if op == 1:
            await conn.send({"op": 11, "s": None, "t": None, "d": None})
        elif op == 2:
            await self._identify(conn, payload["d"])
        elif op == 6:
            await conn.dispatch("RESUMED", {})

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        self.identifies.append(data)
        conn.identify = data
        conn.session_id = f"session-{snowflake()}"
        conn.shard = data.get("shard")
        ready: JSON = {
            "v": 10,
            "user": self.bot_user.payload() | {"verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g), "unavailable": True} for g in self.guilds],
            "session_id": conn.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
        }
        if conn.shard is not None:
            ready["shard"] = conn.shard
        await conn.dispatch("READY", ready)
        for guild in self.guilds.values():
            await conn.dispatch("GUILD_CREATE", guild.payload())
        self._notify()

    @property
    def connected(self) -> bool:
        """Whether a client has identified on the gateway."""
        return any(c.identify is not None for c in self._connections)

    async def dispatch(self, event: str, data: Any) -> None:
        """Send a gateway dispatch (op 0) to every identified connection."""
        conns = [c for c in self._connections if c.identify is not None]
        if not conns:
            raise AssertionError(f"no gateway connection to dispatch {event} to")
        for conn in conns:
            await conn.dispatch(event, data)

    async def add_guild(self, guild: FakeGuild) -> None:
        """The bot joins a guild: GUILD_CREATE."""
        self.guilds[guild.id] = guild
        self.users.update({m.user.id: m.user for m in guild.members})
        await self.dispatch("GUILD_CREATE", guild.payload())

    async def remove_guild(self, guild_id: int) -> None:
        """The bot is removed from a guild: GUILD_DELETE without `unavailable`."""
        self.guilds.pop(guild_id, None)
        await self.dispatch("GUILD_DELETE", {"id": str(guild_id)})

    async def delete_channel(self, channel_id: int) -> None:
        """A channel is deleted: CHANNEL_DELETE; later posts to it answer 404."""
        guild = self._guild_of_channel(channel_id)
        if guild is None:
            raise KeyError(channel_id)
        channel = guild.channel(channel_id)
        assert channel is not None
        guild.channels.remove(channel)
        await self.dispatch("CHANNEL_DELETE", channel.payload(guild.id))

    # -- interactions: building and sending --------------------------------

    async def send_interaction(
        self,
        kind: int,
        data: JSON,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
        message: JSON | None = None,
        locale: str = "en-US",
    ) -> SentInteraction:
        """Deliver a full INTERACTION_CREATE; `dm` sends it from a DM (no guild, `user`)."""
        iid = snowflake()
        token = f"token-{iid}-{snowflake()}"
        payload: JSON = {
            "id": str(iid),
            "type": kind,
            "token": token,
            "version": 1,
            "application_id": str(self.application_id),
            "data": data,
            "locale": locale,
            "app_permissions": str(APP_PERMISSIONS),
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        user = self.users.get(user_id) or FakeUser(user_id, f"user{user_id}")
        if dm:
            channel = self._dm_channel_payload(user_id)
            channel_id = int(channel["id"])
            guild_id = None
            payload |= {
                "channel": channel,
                "channel_id": channel["id"],
                "user": user.payload(),
                "context": 1,
                "authorizing_integration_owners": {"1": str(user_id)},
            }
        else:
            assert channel_id is not None, "a guild interaction needs a channel"
            guild = self._guild_of_channel(channel_id)
            if guild is None:
                raise KeyError(f"channel {channel_id} is in no guild of the stand-in")
            guild_id = guild.id
            member = guild.member(user_id) or FakeMember(user)
            permissions = str(guild.permissions_of(member))
            channel = self._channel_payload(channel_id) or {}
            payload |= {
                "guild_id": str(guild.id),
                "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "channel": channel | {"permissions": permissions},
                "channel_id": str(channel_id),
                "member": member.payload() | {"permissions": permissions},
                "context": 0,
                "authorizing_integration_owners": {"0": str(guild.id)},
            }
        if message is not None:
            payload["message"] = message
        sent = SentInteraction(iid, token, payload)
        state = _InteractionState(sent, channel_id, guild_id)
        if message is not None:
            state.source_message_id = int(message["id"])
        self._interactions[iid] = state
        self._by_token[token] = state
        await self.dispatch("INTERACTION_CREATE", payload)
        return sent

    def find_command(self, name: str, guild_id: int | None = None) -> JSON | None:
        """The synced definition of a top-level command: guild first, then global."""
        if guild_id is not None:
            for command in self.guild_commands.get(guild_id, []):
                if command["name"] == name:
                    return command
        return next((c for c in self.global_commands if c["name"] == name), None)

    def _command_data(
        self,
        path: str,
        options: Mapping[str, Any],
        *,
        guild_id: int | None,
        focused: str | None = None,
    ) -> JSON:
        names = path.split()
        schema = self.find_command(names[0], guild_id)
        spec_options: list[JSON] = schema.get("options", []) if schema else []
        for name in names[1:]:
            sub = next((o for o in spec_options if o["name"] == name), None)
            spec_options = sub.get("options", []) if sub else []
        resolved: JSON = {}
        leaf = [
            self._option(name, value, spec_options, resolved, guild_id, name == focused)
            for name, value in options.items()
        ]
        nested: list[JSON] = leaf
        for depth, name in reversed(list(enumerate(names[1:], start=1))):
            kind = 1 if depth == len(names) - 1 else 2
            nested = [{"type": kind, "name": name, "options": nested}]
        data: JSON = {
            "id": schema["id"] if schema else str(snowflake()),
            "name": names[0],
            "type": 1,
            "options": nested,
        }
        if schema is not None and "guild_id" in schema:
            data["guild_id"] = schema["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return data

    def _option(
        self,
        name: str,
        value: Any,
        spec: Sequence[JSON],
        resolved: JSON,
        guild_id: int | None,
        focused: bool,
    ) -> JSON:
        declared = next((o for o in spec if o["name"] == name), None)
        kind = int(declared["type"]) if declared else _infer_option_type(value)
        option: JSON = {"name": name, "type": kind}
        if focused:
            option |= {"value": str(value), "focused": True}
            return option
        raw = getattr(value, "id", value)
        if kind in (6, 7, 8, 9):
            option["value"] = str(raw)
            self._resolve(kind, int(raw), resolved, guild_id)
        elif kind == 4:
            option["value"] = int(raw)
        elif kind == 10:
            option["value"] = float(raw)
        elif kind == 5:
            option["value"] = bool(raw)
        else:
            option["value"] = str(raw)
        return option

    def _resolve(self, kind: int, target: int, resolved: JSON, guild_id: int | None) -> None:
        guild = self.guilds.get(guild_id) if guild_id is not None else None
        if kind == 7:
            channel = self._channel_payload(target)
            if channel is None:
                raise KeyError(f"unknown channel {target}")
            perms = str(EVERYONE_PERMISSIONS)
            resolved.setdefault("channels", {})[str(target)] = channel | {"permissions": perms}
            return
        role = next((r for r in guild.roles if r.id == target), None) if guild else None
        if role is not None:
            resolved.setdefault("roles", {})[str(target)] = role.payload()
            return
        user = self.users.get(target) or FakeUser(target, f"user{target}")
        resolved.setdefault("users", {})[str(target)] = user.payload()
        member = guild.member(target) if guild else None
        if member is not None:
            data = member.payload()
            del data["user"]
            data["permissions"] = str(guild.permissions_of(member)) if guild else "0"
            resolved.setdefault("members", {})[str(target)] = data

    async def send_command(
        self,
        path: str,
        options: Mapping[str, Any] | None = None,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
        locale: str = "en-US",
    ) -> SentInteraction:
        """Invoke a slash command: path is "quote" or "daily set" or "group sub cmd".

        Option types come from the synced command definition when there is one
        (the harness syncs on start), else from the Python value.
        """
        guild_id = None if dm or channel_id is None else self._guild_id_of(channel_id)
        self._check_context(path, guild_id, dm)
        data = self._command_data(path, options or {}, guild_id=guild_id)
        return await self.send_interaction(
            2, data, user_id=user_id, channel_id=channel_id, dm=dm, locale=locale
        )

    async def send_autocomplete(
        self,
        path: str,
        focused: str,
        value: str,
        options: Mapping[str, Any] | None = None,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
    ) -> SentInteraction:
        """Ask for autocomplete choices while `focused` holds the partial text `value`."""
        guild_id = None if dm or channel_id is None else self._guild_id_of(channel_id)
        self._check_context(path, guild_id, dm)
        all_options = {**(options or {}), focused: value}
        data = self._command_data(path, all_options, guild_id=guild_id, focused=focused)
        return await self.send_interaction(4, data, user_id=user_id, channel_id=channel_id, dm=dm)

    async def click_button(
        self, message: JSON | int, custom_id: str, *, user_id: int = ADMIN_ID
    ) -> SentInteraction:
        """Click a button on a message the bot sent (by message object or id)."""
        return await self._component(message, custom_id, 2, None, user_id)

    async def choose(
        self,
        message: JSON | int,
        custom_id: str,
        values: Sequence[str],
        *,
        user_id: int = ADMIN_ID,
    ) -> SentInteraction:
        """Pick values in a string select menu on a message the bot sent."""
        return await self._component(message, custom_id, 3, list(values), user_id)

    async def _component(
        self,
        message: JSON | int,
        custom_id: str,
        component_type: int,
        values: list[str] | None,
        user_id: int,
    ) -> SentInteraction:
        msg = self.messages[message] if isinstance(message, int) else message
        ids = [c.get("custom_id") for c in iter_components(msg.get("components", []))]
        if custom_id not in ids:
            raise AssertionError(f"no component {custom_id!r} on the message; it has {ids}")
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        channel_id = int(msg["channel_id"])
        dm = channel_id in self.dm_channels
        return await self.send_interaction(
            3,
            data,
            user_id=user_id,
            channel_id=None if dm else channel_id,
            dm=dm,
            message=msg,
        )

    def _check_context(self, path: str, guild_id: int | None, dm: bool) -> None:
        """Refuse what Discord would never deliver: a guild-only command in a DM."""
        schema = self.find_command(path.split()[0], guild_id)
        if not dm or schema is None:
            return
        contexts = schema.get("contexts")
        if (
            schema.get("guild_id")
            or schema.get("dm_permission") is False
            or (contexts is not None and 1 not in contexts)
        ):
            raise AssertionError(f"/{path} is guild-only: Discord would not offer it in a DM")

    def _guild_id_of(self, channel_id: int) -> int | None:
        guild = self._guild_of_channel(channel_id)
        return guild.id if guild else None

    # -- reading what the bot did ------------------------------------------

    def callback(self, interaction: SentInteraction | int) -> JSON | None:
        """The recorded callback body ({"type", "data"}), or None if not answered yet."""
        return self._interactions[_iid(interaction)].callback

    def original(self, interaction: SentInteraction | int) -> JSON | None:
        """The current state of the interaction's original response message."""
        state = self._interactions[_iid(interaction)]
        return None if state.original_id is None else self.messages.get(state.original_id)

    def followups(self, interaction: SentInteraction | int) -> list[JSON]:
        """The followup messages sent for an interaction, oldest first."""
        state = self._interactions[_iid(interaction)]
        return [self.messages[m] for m in state.followup_ids if m in self.messages]

    def channel_messages(self, channel_id: int) -> list[JSON]:
        """Messages posted with POST /channels/{id}/messages, oldest first."""
        return [self.messages[m] for m in self.channel_posts.get(channel_id, [])]

    def message_payloads(self) -> list[JSON]:
        """Every request body that creates or edits a message (for allowed_mentions checks)."""
        bodies: list[JSON] = []
        for record in self.requests:
            body = record.json
            if not isinstance(body, dict) or record.method not in ("POST", "PATCH"):
                continue
            if record.path.endswith("/callback"):
                if body.get("type") in (4, 7):
                    bodies.append(body.get("data") or {})
            elif "/messages" in record.path or record.path.startswith("/webhooks/"):
                bodies.append(body)
        return bodies

    # -- waiting -------------------------------------------------------------

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(
        self,
        check: Callable[[], T | None],
        timeout: float,  # noqa: ASYNC109 - waits raise descriptive errors
        what: str,
    ) -> T:
        """Poll `check` until it returns non-None; fail fast if the bot dies.

        `check` runs after every request the stand-in records and every POLL s.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._raise_if_bot_ended()
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            changed = asyncio.ensure_future(self._changed.wait())
            pending = {changed, *self._watched}
            # Re-check at least every POLL s: `check` may look at bot state, not ours.
            await asyncio.wait(
                pending, timeout=min(remaining, POLL), return_when=asyncio.FIRST_COMPLETED
            )
            changed.cancel()

    def _raise_if_bot_ended(self) -> None:
        for task in self._watched:
            if task.done():
                self._watched.remove(task)
                error = None if task.cancelled() else task.exception()
                raise BotCrashedError(f"the bot stopped while a test waited: {error!r}") from error

    async def wait_for_callback(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> JSON:
        """The callback body the bot posted for an interaction."""
        iid = _iid(interaction)
        return await self.wait_until(
            lambda: self._interactions[iid].callback, timeout, f"callback of {iid}"
        )

    async def wait_for_reply(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> JSON:
        """The first visible answer: the original message once it is not loading, or a followup."""
        iid = _iid(interaction)

        def check() -> JSON | None:
            followups = self.followups(iid)
            original = self.original(iid)
            if original is not None and not original["flags"] & MESSAGE_FLAG_LOADING:
                return original
            return followups[0] if followups else None

        return await self.wait_until(check, timeout, f"a reply to {iid}")

    async def wait_for_choices(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """The autocomplete choices ({"name", "value"}) the bot answered."""
        body = await self.wait_for_callback(interaction, timeout)
        assert body["type"] == 8, f"expected an autocomplete result, got {body}"
        choices: list[JSON] = body["data"]["choices"]
        return choices

    async def wait_for_followups(
        self,
        interaction: SentInteraction | int,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """At least `count` followup messages for an interaction."""
        iid = _iid(interaction)

        def check() -> list[JSON] | None:
            found = self.followups(iid)
            return found if len(found) >= count else None

        return await self.wait_until(check, timeout, f"{count} followups of {iid}")

    async def wait_for_channel_messages(
        self,
        channel_id: int,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """At least `count` messages posted in a channel."""

        def check() -> list[JSON] | None:
            found = self.channel_messages(channel_id)
            return found if len(found) >= count else None

        return await self.wait_until(check, timeout, f"{count} messages in {channel_id}")


def _infer_option_type(value: Any) -> int:
    """Option type from a Python value, when no synced definition says otherwise."""
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, FakeChannel):
        return 7
    if isinstance(value, FakeRole):
        return 8
    if isinstance(value, FakeUser | FakeMember):
        return 6
    return 3


# ------------------------------------------------------------ running a bot

# Seconds discord.py waits for more GUILD_CREATEs before READY (default 2).
FAST_READY: dict[str, Any] = {"guild_ready_timeout": 0.05}


def make_bot(**options: Any) -> commands.Bot:
    """A plain commands.Bot for harness tests: default intents, fast ready."""
    return commands.Bot(
        command_prefix="!", intents=discord.Intents.default(), **FAST_READY | options
    )


@contextlib.asynccontextmanager
async def running_bot(
    bot: BotT,
    fake: FakeDiscord,
    *,
    token: str = "fake-token",
    ready_timeout: float = 10.0,
    sync: bool = True,
) -> AsyncIterator[BotT]:
    """Run `bot.start()` against the stand-in until ready; close it on exit.

    A plain bot is pointed at the stand-in with the same `use_endpoints` that
    AlmanacBot applies from its Settings. The start task is watched, so a crash
    in the bot (a KeyError while parsing a gateway payload, say) fails the
    waiting test at once instead of hanging it. With `sync`, the command tree
    is synced so the stand-in knows the option types of every command.
    """
    if not isinstance(bot, AlmanacBot):
        use_endpoints(fake.api_base, fake.gateway_url)
    task = asyncio.create_task(bot.start(token), name="bot.start")
    fake.watch(task)
    try:
        await _wait_ready(bot, task, ready_timeout)
        if sync and isinstance(bot, commands.Bot):
            await _sync_all(bot)
        yield bot
    finally:
        await bot.close()
        await _finish(task, fake)


async def _wait_ready(
    bot: discord.Client,
    task: asyncio.Task[None],
    ready_timeout: float,
) -> None:
    ready = asyncio.ensure_future(bot.wait_until_ready())
    done, _ = await asyncio.wait(
        {ready, task}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
    )
    if ready in done:
        return
    ready.cancel()
    if task.done():
        task.result()  # re-raise why the bot could not start
        raise BotCrashedError("the bot stopped before it was ready")
    raise TimeoutError(f"bot not ready after {ready_timeout}s")


async def _sync_all(bot: commands.Bot) -> None:
    await bot.tree.sync()
    for guild in bot.guilds:
        if bot.tree.get_commands(guild=guild):
            await bot.tree.sync(guild=guild)


async def _finish(task: asyncio.Task[None], fake: FakeDiscord) -> None:
    """Wait for the start task; report a crash nobody has reported yet."""
    done, _ = await asyncio.wait({task}, timeout=5)
    if not done:
        task.cancel()
        await asyncio.wait({task}, timeout=5)
    if task not in fake._watched:
        return  # a wait_* already raised BotCrashedError for it
    fake._watched.remove(task)
    if not task.cancelled() and task.exception() is not None:
        raise BotCrashedError("the bot task failed") from task.exception()


# ------------------------------------------------------- command validation

_NAME = re.compile(r"^[-_\w]{1,32}$")
_MAX_COMMAND_CHARS = 4000


def command_problems(definitions: Sequence[JSON]) -> list[str]:
    """What Discord would reject in a synced command list (empty when valid).

    Checks the documented limits: lowercase names of 1-32 characters,
    descriptions of 1-100, at most 25 options and 25 choices, required options
    first, unique names, at most 100 chat commands and 4,000 characters each.
    """
    problems: list[str] = []
    chat = [d for d in definitions if d.get("type", 1) == 1]
    if len(chat) > 100:
        problems.append(f"{len(chat)} slash commands (max 100)")
    names = [d["name"] for d in chat]
    problems += [
        f"duplicate command /{n}" for n in sorted({n for n in names if names.count(n) > 1})
    ]
    for definition in chat:
        _check_entry(definition, f"/{definition['name']}", problems)
        if (size := _text_size(definition)) > _MAX_COMMAND_CHARS:
            problems.append(f"/{definition['name']}: {size} characters (max 4000)")
    return problems


def _check_entry(entry: JSON, where: str, problems: list[str]) -> None:
    name, description = entry.get("name", ""), entry.get("description", "")
    if not _NAME.fullmatch(name) or name != name.lower():
        problems.append(f"{where}: name {name!r} must be 1-32 lowercase letters, digits, - or _")
    if not 1 <= len(description) <= 100:
        problems.append(f"{where}: description must be 1-100 characters, has {len(description)}")
    options: list[JSON] = entry.get("options") or []
    if len(options) > 25:
        problems.append(f"{where}: {len(options)} options (max 25)")
    option_names = [o.get("name") for o in options]
    if len(set(option_names)) != len(option_names):
        problems.append(f"{where}: duplicate option names")
    required = [bool(o.get("required")) for o in options if o.get("type") not in (1, 2)]
    if required != sorted(required, reverse=True):
        problems.append(f"{where}: required options must come before optional ones")
    for option in options:
        _check_option(option, f"{where} {option.get('name')}", problems)


def _check_option(option: JSON, where: str, problems: list[str]) -> None:
    _check_entry(option, where, problems)
    choices: list[JSON] = option.get("choices") or []
    if len(choices) > 25:
        problems.append(f"{where}: {len(choices)} choices (max 25)")
    if choices and option.get("autocomplete"):
        problems.append(f"{where}: choices and autocomplete are exclusive")
    for choice in choices:
        if not 1 <= len(str(choice.get("name", ""))) <= 100:
            problems.append(f"{where}: choice name must be 1-100 characters")
        if isinstance(choice.get("value"), str) and len(choice["value"]) > 100:
            problems.append(f"{where}: choice value longer than 100 characters")


def _text_size(entry: JSON) -> int:
    """Characters Discord counts toward a command's 4,000 limit."""
    size = len(entry.get("name", "")) + len(entry.get("description", ""))
    for choice in entry.get("choices") or []:
        size += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return size + sum(_text_size(o) for o in entry.get("options") or [])
