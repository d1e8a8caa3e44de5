"""What every part of the stand-in shares: the request and interaction records,
the world and log state, channel lookups, reading helpers and JSON responses."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.e2e.fake_discord.payloads import (
    BOT_USER,
    JSON,
    FakeAttachment,
    FakeGuild,
    FakeUser,
    default_guild,
    snowflake,
)

if TYPE_CHECKING:
    from tests.e2e.fake_discord.gateway import _Connection

API_PREFIX = "/api/v10"
# Discord returns the earlier message for a repeated nonce (enforce_nonce) "in the
# past few minutes"; tests that need the window over call expire_nonces().
NONCE_WINDOW = 300.0


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


class FakeState:
    """The stand-in's state: the world, what the bot did, knobs and internals."""

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
        self.attachments: dict[int, FakeAttachment] = {}  # served under /cdn/attachments/
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
        self.shard_count = 1  # what /gateway/bot recommends
        self.channel_errors: dict[int, int] = {}
        self.history_errors: dict[int, int] = {}  # GET messages answers this status
        self.held_channels: dict[int, asyncio.Event] = {}  # posts created, answer held
        # (author id, nonce) -> (message id, monotonic time) for enforce_nonce.
        self.nonces: dict[tuple[int, str], tuple[int, float]] = {}
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

    def attach(
        self,
        filename: str,
        data: bytes,
        content_type: str | None = None,
        *,
        size: int | None = None,
    ) -> FakeAttachment:
        """A file to pass as an attachment option (`{"file": fake.attach(...)}`); the bot
        downloads it from the stand-in as it would from Discord's CDN."""
        attachment = FakeAttachment(snowflake(), filename, data, content_type, size)
        self.attachments[attachment.id] = attachment
        return attachment

    # -- lookups -------------------------------------------------------------

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

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()
